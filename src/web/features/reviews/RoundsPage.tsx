import { PlusOutlined, TableOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Form, InputNumber, Radio, Space, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { todayInVietnam } from '../../../domain/calendar';
import { ROUND_STATE_LABELS, ROUND_STATES, type RoundState } from '../../../domain/review';
import { FormModal } from '../../components/FormModal';
import { LinkButton } from '../../components/LinkButton';
import { ListTable } from '../../components/ListTable';
import { ToolbarSelect } from '../../components/ListToolbar';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n';
import { formatDate } from '../../lib/format';
import { areaLabel, useArea } from '../area/AreaContext';
import { reviewsApi, roundPath, type Round, type RoundKind } from './api';
import { ROLLUP_PATH } from './paths';
import { DeadlineTag, KindTag, StateTag, useRunsReviews } from './tags';

const PAGE_SIZE = 50;

/** The review rounds of the working area: a commune's own, or the province's filtered by commune. */
export function RoundsPage() {
  const t = useT();
  const navigate = useNavigate();
  const { area } = useArea();
  const runs = useRunsReviews();
  const [filters, setFilters] = useState<{ year?: number; kind?: RoundKind; state?: RoundState }>({});
  const [page, setPage] = useState({ limit: PAGE_SIZE, offset: 0 });
  const [creating, setCreating] = useState(false);
  const query = { ...filters, commune: area.communeCode ?? undefined, ...page };
  const list = useQuery({
    queryKey: ['reviews', 'list', query],
    queryFn: () => reviewsApi.list(query),
    placeholderData: keepPreviousData,
  });
  const filter = (next: typeof filters) => {
    setFilters(next);
    setPage((p) => ({ ...p, offset: 0 }));
  };
  const thisYear = Number(todayInVietnam().slice(0, 4));

  const columns: TableProps<Round>['columns'] = [
    {
      key: 'round',
      title: t('reviews.round'),
      render: (_: unknown, r) => (
        <Link to={roundPath(r.id)}>
          <Typography.Text strong>
            {t('reviews.roundName', { kind: t(`reviews.kindName.${r.kind}`), year: r.year })}
          </Typography.Text>
        </Link>
      ),
    },
    { key: 'commune', title: t('reviews.commune'), dataIndex: 'communeName' },
    {
      key: 'list',
      title: t('reviews.listYear'),
      render: (_: unknown, r) => (
        <>
          {r.listYear}
          <div className="cell-secondary">{r.standardId}</div>
        </>
      ),
    },
    {
      key: 'state',
      title: t('reviews.state'),
      render: (_: unknown, r) => (
        <Space size={4} wrap>
          <KindTag kind={r.kind} />
          <StateTag state={r.state} />
        </Space>
      ),
    },
    {
      key: 'progress',
      title: t('reviews.progress'),
      render: (_: unknown, r) =>
        t('reviews.progressText', { cases: r.counts.cases, surveyed: r.counts.surveyed, agreed: r.counts.agreed }),
    },
    {
      key: 'deadline',
      title: t('reviews.deadline'),
      render: (_: unknown, r) => (
        <>
          {formatDate(r.deadline ?? r.windowEnd)}
          <div>
            <DeadlineTag round={r} />
          </div>
        </>
      ),
    },
  ];

  return (
    <div className="page">
      <PageHeader
        title={t('reviews.title')}
        description={t('reviews.description', { area: areaLabel(area).join(', ') })}
        extra={
          <Space wrap>
            <LinkButton to={ROLLUP_PATH} icon={<TableOutlined />}>
              {t('rollup.title')}
            </LinkButton>
            {runs && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t('reviews.create')}
              </Button>
            )}
          </Space>
        }
      />
      <div className="toolbar">
        <ToolbarSelect<string>
          label={t('reviews.year')}
          value={filters.year === undefined ? undefined : String(filters.year)}
          onChange={(year) => filter({ ...filters, year: year ? Number(year) : undefined })}
          options={[thisYear + 1, thisYear, thisYear - 1, thisYear - 2].map((y) => ({
            value: String(y),
            label: String(y),
          }))}
        />
        <ToolbarSelect<RoundKind>
          label={t('reviews.kindLabel')}
          value={filters.kind}
          onChange={(kind) => filter({ ...filters, kind })}
          options={(['periodic', 'regular'] as const).map((k) => ({ value: k, label: t(`reviews.kind.${k}`) }))}
        />
        <ToolbarSelect<RoundState>
          label={t('reviews.state')}
          value={filters.state}
          onChange={(state) => filter({ ...filters, state })}
          options={ROUND_STATES.map((s) => ({ value: s, label: t.label(ROUND_STATE_LABELS[s]) }))}
        />
      </div>
      <ListTable<Round>
        rowKey="id"
        columns={columns}
        list={list}
        page={page}
        onPage={setPage}
        scroll={{ x: 760 }}
        emptyText={t('reviews.empty')}
      />
      <FormModal
        open={creating}
        title={t('reviews.createTitle', { commune: area.communeName ?? '' })}
        okText={t('reviews.create')}
        onClose={() => setCreating(false)}
        initialValues={{ kind: 'periodic', year: thisYear }}
        intro={
          !area.communeCode && <Alert type="warning" showIcon title={t('reviews.pickCommune')} className="page-alert" />
        }
        submit={(v: { kind: RoundKind; year: number }) =>
          reviewsApi.create({ communeCode: area.communeCode ?? '', kind: v.kind, year: v.year })
        }
        onSaved={(round) => navigate(roundPath(round.id))}
      >
        <Form.Item name="kind" label={t('reviews.kindLabel')}>
          <Radio.Group
            options={(['periodic', 'regular'] as const).map((k) => ({ value: k, label: t(`reviews.kind.${k}`) }))}
          />
        </Form.Item>
        <Form.Item name="year" label={t('reviews.year')} extra={t('reviews.yearHelp')} rules={[{ required: true }]}>
          <InputNumber min={2021} max={2100} />
        </Form.Item>
      </FormModal>
    </div>
  );
}
