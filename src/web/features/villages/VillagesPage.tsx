import { EnvironmentOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Tag, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { VILLAGE_KIND_LABELS } from '../../../domain/reference';
import { ListToolbar, ToolbarSwitch } from '../../components/ListToolbar';
import { PageHeader } from '../../components/PageHeader';
import { ListTable } from '../../components/ListTable';
import { RowActions } from '../../components/RowActions';
import { useT } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { useArea } from '../area/AreaContext';
import { useSession } from '../auth/session';
import { villagesApi, type Village } from './api';
import { VillageArchiveModal, VillageFormModal } from './VillageModals';

const PAGE_SIZE = 50;

export function VillagesPage() {
  const t = useT();
  const { area } = useArea();
  const communeCode = area.communeCode;
  return (
    <div className="page">
      {communeCode ? (
        <VillageList key={communeCode} communeCode={communeCode} communeName={area.communeName ?? communeCode} />
      ) : (
        <>
          <PageHeader title={t('villages.title')} description={t('villages.description')} />
          <Card>
            <Empty image={<EnvironmentOutlined className="empty-icon" />} description={t('villages.pickCommune')} />
          </Card>
        </>
      )}
    </div>
  );
}

function VillageList({ communeCode, communeName }: { communeCode: string; communeName: string }) {
  const t = useT();
  const { message } = App.useApp();
  const { permissions } = useSession();
  const queryClient = useQueryClient();
  const canManage = permissions.manageVillages;
  const [q, setQ] = useState<string | undefined>();
  const [includeArchived, setIncludeArchived] = useState(false);
  const [offset, setOffset] = useState(0);
  const [limit, setLimit] = useState(PAGE_SIZE);
  const [formOpen, setFormOpen] = useState(false);
  const [editing, setEditing] = useState<Village | null>(null);
  const [archiving, setArchiving] = useState<Village | null>(null);

  const query = { commune: communeCode, q, includeArchived, limit, offset };
  const list = useQuery({
    queryKey: ['villages', 'list', query],
    queryFn: () => villagesApi.list(query),
    placeholderData: keepPreviousData,
  });
  const reload = () => queryClient.invalidateQueries({ queryKey: ['villages'] });

  const columns: TableProps<Village>['columns'] = [
    {
      key: 'name',
      title: t('villages.name'),
      dataIndex: 'name',
      render: (name: string) => <Typography.Text strong>{name}</Typography.Text>,
    },
    { key: 'kind', title: t('villages.kind'), render: (_: unknown, v) => t.label(VILLAGE_KIND_LABELS[v.kind]) },
    {
      key: 'status',
      title: t('common.status'),
      render: (_: unknown, v) =>
        v.archived ? (
          <div>
            <Tag>{t('common.archived')}</Tag>
            {v.archivedAt && <Typography.Text type="secondary">{formatDateTime(v.archivedAt)}</Typography.Text>}
            {v.archiveReason && (
              <div>
                <Typography.Text type="secondary">{v.archiveReason}</Typography.Text>
              </div>
            )}
          </div>
        ) : (
          <Tag color="green">{t('common.active')}</Tag>
        ),
    },
    ...(canManage
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            width: 130,
            render: (_: unknown, v: Village) =>
              v.archived ? null : (
                <RowActions
                  label={t('villages.actionsFor', { name: v.name })}
                  items={[
                    { key: 'rename', label: t('villages.rename'), onClick: () => (setEditing(v), setFormOpen(true)) },
                    { key: 'archive', label: t('villages.archive'), danger: true, onClick: () => setArchiving(v) },
                  ]}
                />
              ),
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeader
        title={t('villages.titleOf', { commune: communeName })}
        description={t('villages.description')}
        extra={
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => (setEditing(null), setFormOpen(true))}>
              {t('villages.create')}
            </Button>
          )
        }
      />
      <ListToolbar
        searchPlaceholder={t('villages.searchPlaceholder')}
        onSearch={(value) => {
          setQ(value);
          setOffset(0);
        }}
      >
        <ToolbarSwitch
          checked={includeArchived}
          onChange={(checked) => {
            setIncludeArchived(checked);
            setOffset(0);
          }}
          label={t('villages.includeArchived')}
        />
      </ListToolbar>
      <ListTable<Village>
        rowKey="id"
        columns={columns}
        list={list}
        page={{ limit, offset }}
        onPage={(page) => {
          setLimit(page.limit);
          setOffset(page.offset);
        }}
        scroll={{ x: 640 }}
        emptyText={t('villages.empty')}
      />
      <VillageFormModal
        open={formOpen}
        communeCode={communeCode}
        communeName={communeName}
        village={editing}
        onClose={() => setFormOpen(false)}
        onSaved={() => {
          setFormOpen(false);
          void reload();
          void message.success(t('common.saved'));
        }}
      />
      <VillageArchiveModal
        village={archiving}
        onClose={() => setArchiving(null)}
        onSaved={() => {
          setArchiving(null);
          void reload();
          void message.success(t('villages.archivedDone'));
        }}
      />
    </>
  );
}
