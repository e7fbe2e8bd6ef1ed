import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Tag, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { ORGANISATION_KIND_LABELS, ORGANISATION_KINDS, type OrganisationKind } from '../../../domain/reference';
import { ListToolbar, ToolbarSelect, ToolbarSwitch } from '../../components/ListToolbar';
import { PageHeader } from '../../components/PageHeader';
import { ListTable } from '../../components/ListTable';
import { RowActions } from '../../components/RowActions';
import { useT } from '../../i18n';
import { useErrorText } from '../../lib/errors';
import { scopeIncludes } from '../../lib/scope';
import { useIsMobile } from '../../lib/useIsMobile';
import { useSession } from '../auth/session';
import { organisationsApi, type Organisation, type OrganisationQuery } from './api';
import { OrganisationFormModal } from './OrganisationFormModal';

const PAGE_SIZE = 20;

export function OrganisationsPage() {
  const t = useT();
  const errorText = useErrorText();
  const isMobile = useIsMobile();
  const { message, modal } = App.useApp();
  const { permissions, user } = useSession();
  const queryClient = useQueryClient();
  const [query, setQuery] = useState<OrganisationQuery>({ limit: PAGE_SIZE, offset: 0 });
  const [formOpen, setFormOpen] = useState(false);
  const [editing, setEditing] = useState<Organisation | null>(null);
  const canManage = permissions.manageOrganisations;

  const list = useQuery({
    queryKey: ['organisations', 'list', query],
    queryFn: () => organisationsApi.list(query),
    placeholderData: keepPreviousData,
  });
  const reload = () => queryClient.invalidateQueries({ queryKey: ['organisations'] });

  const confirmArchive = (o: Organisation) =>
    modal.confirm({
      title: t('organisations.archive'),
      content: t('organisations.archiveConfirm', { name: o.name }),
      okText: t('organisations.archive'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await organisationsApi.archive(o.id, o.version);
          void message.success(t('organisations.archivedDone'));
        } catch (e) {
          void message.error(errorText(e));
        } finally {
          void reload();
        }
      },
    });

  const columns: TableProps<Organisation>['columns'] = [
    {
      key: 'name',
      title: t('organisations.name'),
      render: (_: unknown, o) => (
        <div>
          <Typography.Text strong>{o.name}</Typography.Text>
          {o.shortName && (
            <>
              <br />
              <Typography.Text type="secondary">{o.shortName}</Typography.Text>
            </>
          )}
        </div>
      ),
    },
    {
      key: 'kind',
      title: t('organisations.kind'),
      render: (_: unknown, o) => t.label(ORGANISATION_KIND_LABELS[o.kind]),
    },
    {
      key: 'unit',
      title: t('organisations.unit'),
      render: (_: unknown, o) => (o.unitCode ? o.unitName : t('organisations.national')),
    },
    {
      key: 'status',
      title: t('common.status'),
      render: (_: unknown, o) =>
        o.archived ? <Tag>{t('common.archived')}</Tag> : <Tag color="green">{t('common.active')}</Tag>,
    },
    ...(canManage
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            width: 130,
            fixed: isMobile ? undefined : ('right' as const),
            render: (_: unknown, o: Organisation) =>
              o.archived || !user || !scopeIncludes(user.scope, o) ? null : (
                <RowActions
                  label={t('organisations.actionsFor', { name: o.name })}
                  items={[
                    { key: 'edit', label: t('common.edit'), onClick: () => (setEditing(o), setFormOpen(true)) },
                    {
                      key: 'archive',
                      label: t('organisations.archive'),
                      danger: true,
                      onClick: () => confirmArchive(o),
                    },
                  ]}
                />
              ),
          },
        ]
      : []),
  ];

  return (
    <div className="page">
      <PageHeader
        title={t('organisations.title')}
        description={t('organisations.description')}
        extra={
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => (setEditing(null), setFormOpen(true))}>
              {t('organisations.create')}
            </Button>
          )
        }
      />
      <ListToolbar
        searchPlaceholder={t('organisations.searchPlaceholder')}
        onSearch={(q) => setQuery({ ...query, q, offset: 0 })}
      >
        <ToolbarSelect<OrganisationKind>
          label={t('organisations.kind')}
          value={query.kind}
          onChange={(kind) => setQuery({ ...query, kind, offset: 0 })}
          options={ORGANISATION_KINDS.map((k) => ({ value: k, label: t.label(ORGANISATION_KIND_LABELS[k]) }))}
        />
        <ToolbarSwitch
          checked={query.includeArchived === true}
          onChange={(checked) => setQuery({ ...query, includeArchived: checked || undefined, offset: 0 })}
          label={t('organisations.includeArchived')}
        />
      </ListToolbar>
      <ListTable<Organisation>
        rowKey="id"
        columns={columns}
        list={list}
        page={query}
        onPage={(page) => setQuery({ ...query, ...page })}
        scroll={{ x: 800 }}
      />
      <OrganisationFormModal
        open={formOpen}
        organisation={editing}
        onClose={() => setFormOpen(false)}
        onSaved={() => {
          setFormOpen(false);
          void reload();
          void message.success(t('common.saved'));
        }}
      />
    </div>
  );
}
