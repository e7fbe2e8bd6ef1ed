import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Tag, type TableProps } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { formatVnd } from '../../../domain/coordination';
import { MODEL_KIND_LABELS, MODEL_KINDS, type ModelKind } from '../../../domain/models';
import { DownloadButton } from '../../components/DownloadButton';
import { ListTable } from '../../components/ListTable';
import { ListToolbar, ToolbarSelect } from '../../components/ListToolbar';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n';
import { formatDate, formatNumber } from '../../lib/format';
import { useCanManageCoordination } from '../coordination/useWorkingUnit';
import { modelsApi, type ModelSummary } from './api';
import { ModelFormModal } from './ModelForms';
import { modelPath } from './paths';

const PAGE = 50;

/** "2 / 3 (67%)": how many of those poor when joining are out of poverty now. */
export function ExitRate({ escaped, of, rate }: { escaped: number; of: number; rate: number | null }) {
  return (
    <>
      {formatNumber(escaped)} / {formatNumber(of)}
      {rate !== null && ` (${Math.round(rate * 100)}%)`}
    </>
  );
}

/** The models of the area; `embedded` in the support section's tab, without its own header. */
export function ModelsPage({ embedded = false }: { embedded?: boolean }) {
  const t = useT();
  const navigate = useNavigate();
  const canManage = useCanManageCoordination();
  const [q, setQ] = useState<string | undefined>();
  const [kind, setKind] = useState<ModelKind | undefined>();
  const [page, setPage] = useState({ limit: PAGE, offset: 0 });
  const [creating, setCreating] = useState(false);
  const query = { q, kind, ...page };
  const list = useQuery({
    queryKey: ['models', 'list', query],
    queryFn: () => modelsApi.list(query),
    placeholderData: keepPreviousData,
  });
  const columns: TableProps<ModelSummary>['columns'] = [
    {
      key: 'name',
      title: t('models.name'),
      render: (_, m) => (
        <>
          <Link to={modelPath(m.id)}>{m.name}</Link>
          {m.originId && (
            <Tag className="inline-tag" color="purple">
              {t('models.replication')}
            </Tag>
          )}
        </>
      ),
    },
    { key: 'kind', title: t('models.kind'), render: (_, m) => t.label(MODEL_KIND_LABELS[m.kind]) },
    { key: 'commune', title: t('models.commune'), dataIndex: 'communeName' },
    {
      key: 'period',
      title: t('models.period'),
      render: (_, m) => `${formatDate(m.startsOn)} – ${m.endsOn ? formatDate(m.endsOn) : t('models.ongoing')}`,
    },
    { key: 'budget', title: t('models.totalBudget'), align: 'right', render: (_, m) => formatVnd(m.totalBudget) },
    { key: 'participants', title: t('models.participants'), align: 'right', render: (_, m) => m.results.participants },
    {
      key: 'escaped',
      title: t('models.escapedPoverty'),
      render: (_, m) => (
        <ExitRate escaped={m.results.escapedPoverty} of={m.results.poorAtJoining} rate={m.results.povertyExitRate} />
      ),
    },
  ];
  return (
    <div className="page">
      {!embedded && <PageHeader title={t('models.title')} description={t('models.description')} />}
      <ListToolbar
        searchPlaceholder={t('models.searchPlaceholder')}
        onSearch={(value) => (setQ(value), setPage({ ...page, offset: 0 }))}
      >
        <ToolbarSelect<ModelKind>
          value={kind}
          onChange={(value) => (setKind(value), setPage({ ...page, offset: 0 }))}
          label={t('models.allKinds')}
          options={MODEL_KINDS.map((k) => ({ value: k, label: t.label(MODEL_KIND_LABELS[k]) }))}
        />
        <DownloadButton label={t('models.export')} download={() => modelsApi.exportList({ q, kind })} />
        {canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('models.create')}
          </Button>
        )}
      </ListToolbar>
      <ListTable<ModelSummary>
        rowKey="id"
        columns={columns}
        list={list}
        page={page}
        onPage={setPage}
        scroll={{ x: 900 }}
        emptyText={t('models.empty')}
      />
      {creating && (
        <ModelFormModal mode="create" onClose={() => setCreating(false)} onSaved={(m) => navigate(modelPath(m.id))} />
      )}
    </div>
  );
}
