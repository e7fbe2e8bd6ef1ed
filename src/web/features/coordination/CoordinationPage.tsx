import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, DatePicker, Space, Tabs, Tag, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import {
  ACTIVITY_KIND_LABELS,
  LEGAL_DOCUMENT_KIND_LABELS,
  PROGRAMME_LEVEL_LABELS,
  TASK_STATUS_LABELS,
  formatVnd,
  type ActivityGroup,
} from '../../../domain/coordination';
import { LinkButton } from '../../components/LinkButton';
import { ListTable } from '../../components/ListTable';
import { ListToolbar, ToolbarSelect, ToolbarSwitch } from '../../components/ListToolbar';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n';
import { formatDate, formatNumber } from '../../lib/format';
import { coordinationApi, type Activity, type LegalDocument, type ProgrammeSummary, type Task } from './api';
import { ActivityDrawer } from './ActivityDrawer';
import { EmulationTab } from './EmulationTab';
import { AttachmentsPanel } from '../attachments/AttachmentsPanel';
import { DocumentModal } from './DocumentModal';
import { NewsTab } from './NewsTab';
import { ActivityModal } from './ActivityModal';
import { SupervisionTab } from './SupervisionTab';
import { PROGRAMME_CREATE_PATH, programmePath } from './paths';
import { useCanManageCoordination, useWorkingUnit } from './useWorkingUnit';

const PAGE = 50;
type TabKey = 'programmes' | 'tasks' | 'activities' | 'supervision' | 'commendations' | 'news' | 'documents';

export function CoordinationPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const tab = (params.get('tab') as TabKey | null) ?? 'programmes';
  return (
    <div className="page">
      <PageHeader title={t('coordination.title')} description={t('coordination.description')} />
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams({ tab: key })}
        destroyOnHidden
        items={[
          { key: 'programmes', label: t('coordination.tabs.programmes'), children: <ProgrammesTab /> },
          { key: 'tasks', label: t('coordination.tabs.tasks'), children: <TasksTab /> },
          { key: 'activities', label: t('coordination.tabs.activities'), children: <ActivitiesTab /> },
          { key: 'supervision', label: t('coordination.tabs.supervision'), children: <SupervisionTab /> },
          { key: 'commendations', label: t('coordination.tabs.commendations'), children: <EmulationTab /> },
          { key: 'news', label: t('news.tab'), children: <NewsTab /> },
          { key: 'documents', label: t('coordination.tabs.documents'), children: <DocumentsTab /> },
        ]}
      />
    </div>
  );
}

/** Search and paging of one tab's list. */
export function usePage() {
  const [q, setQ] = useState<string | undefined>();
  const [offset, setOffset] = useState(0);
  const [limit, setLimit] = useState(PAGE);
  return {
    q,
    offset,
    limit,
    search: (value: string | undefined) => (setQ(value), setOffset(0)),
    onPage: (p: { limit: number; offset: number }) => (setLimit(p.limit), setOffset(p.offset)),
    reset: () => setOffset(0),
  };
}

function ProgrammesTab() {
  const t = useT();
  const page = usePage();
  const canManage = useCanManageCoordination();
  const query = { q: page.q, limit: page.limit, offset: page.offset };
  const list = useQuery({
    queryKey: ['programmes', 'list', query],
    queryFn: () => coordinationApi.programmes(query),
    placeholderData: keepPreviousData,
  });
  const columns: TableProps<ProgrammeSummary>['columns'] = [
    {
      key: 'number',
      title: t('coordination.programme.number'),
      render: (_, p) => <Link to={programmePath(p.id)}>{p.number}</Link>,
    },
    { key: 'title', title: t('coordination.programme.title'), dataIndex: 'title' },
    {
      key: 'level',
      title: t('coordination.programme.level'),
      render: (_, p) => t.label(PROGRAMME_LEVEL_LABELS[p.level]),
    },
    { key: 'unit', title: t('coordination.programme.unit'), dataIndex: 'unitName' },
    { key: 'signedOn', title: t('coordination.programme.signedOn'), render: (_, p) => formatDate(p.signedOn) },
    { key: 'period', title: t('coordination.programme.period'), render: (_, p) => `${p.periodFrom}–${p.periodTo}` },
    {
      key: 'parties',
      title: t('coordination.programme.parties'),
      render: (_, p) => p.parties.map((o) => <div key={o.id}>{o.name}</div>),
    },
  ];
  return (
    <>
      <ListToolbar searchPlaceholder={t('coordination.programme.searchPlaceholder')} onSearch={page.search}>
        {canManage && (
          <LinkButton to={PROGRAMME_CREATE_PATH} type="primary" icon={<PlusOutlined />}>
            {t('coordination.programme.create')}
          </LinkButton>
        )}
      </ListToolbar>
      <ListTable<ProgrammeSummary>
        rowKey="id"
        columns={columns}
        list={list}
        page={{ limit: page.limit, offset: page.offset }}
        onPage={page.onPage}
        scroll={{ x: 900 }}
        emptyText={t('coordination.programme.empty')}
      />
    </>
  );
}

export function TaskStatusTag({ task }: { task: Pick<Task, 'status' | 'overdue'> }) {
  const t = useT();
  const colour = { planned: 'default', in_progress: 'blue', done: 'green', cancelled: 'default' }[task.status];
  return (
    <Space size={4} wrap>
      <Tag color={colour}>{t.label(TASK_STATUS_LABELS[task.status])}</Tag>
      {task.overdue && <Tag color="red">{t('coordination.task.overdue')}</Tag>}
    </Space>
  );
}

export function useTaskColumns(): NonNullable<TableProps<Task>['columns']> {
  const t = useT();
  return [
    { key: 'title', title: t('coordination.task.name'), dataIndex: 'title' },
    {
      key: 'content',
      title: t('coordination.task.content'),
      render: (_, k) => (
        <>
          <Link to={programmePath(k.programmeId)}>{k.programmeNumber}</Link>
          <div>
            <Typography.Text type="secondary">
              {k.contentPosition}. {k.contentTitle} · {k.year}
            </Typography.Text>
          </div>
        </>
      ),
    },
    {
      key: 'lead',
      title: t('coordination.task.lead'),
      render: (_, k) => (
        <>
          <div>{k.lead.name}</div>
          {k.supporting.map((o) => (
            <Typography.Text key={o.id} type="secondary">
              <div>+ {o.name}</div>
            </Typography.Text>
          ))}
        </>
      ),
    },
    { key: 'dueOn', title: t('coordination.task.dueOn'), render: (_, k) => formatDate(k.dueOn) },
    { key: 'status', title: t('coordination.task.status'), render: (_, k) => <TaskStatusTag task={k} /> },
    { key: 'progress', title: t('coordination.task.progress'), render: (_, k) => `${k.progress}%` },
  ];
}

function TasksTab() {
  const t = useT();
  const page = usePage();
  const [overdue, setOverdue] = useState(false);
  const query = { q: page.q, limit: page.limit, offset: page.offset, overdue: overdue || undefined };
  const list = useQuery({
    queryKey: ['tasks', 'list', query],
    queryFn: () => coordinationApi.tasks(query),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <ListToolbar searchPlaceholder={t('coordination.task.searchPlaceholder')} onSearch={page.search}>
        <ToolbarSwitch
          checked={overdue}
          onChange={(v) => (setOverdue(v), page.reset())}
          label={t('coordination.task.overdueOnly')}
        />
      </ListToolbar>
      <ListTable<Task>
        rowKey="id"
        columns={useTaskColumns()}
        list={list}
        page={{ limit: page.limit, offset: page.offset }}
        onPage={page.onPage}
        scroll={{ x: 900 }}
        emptyText={t('coordination.task.empty')}
      />
    </>
  );
}

/** The columns of an activity list; the title opens the activity. */
export function useActivityColumns(open: (a: Activity) => void): NonNullable<TableProps<Activity>['columns']> {
  const t = useT();
  return [
    {
      key: 'title',
      title: t('coordination.activity.title'),
      render: (_, a) => <Typography.Link onClick={() => open(a)}>{a.title}</Typography.Link>,
    },
    { key: 'kind', title: t('coordination.activity.kind'), render: (_, a) => t.label(ACTIVITY_KIND_LABELS[a.kind]) },
    {
      key: 'dates',
      title: t('coordination.activity.dates'),
      render: (_, a) =>
        a.startsOn === a.endsOn ? formatDate(a.startsOn) : `${formatDate(a.startsOn)} – ${formatDate(a.endsOn)}`,
    },
    { key: 'unit', title: t('coordination.activity.unit'), dataIndex: 'unitName' },
    {
      key: 'audience',
      title: t('coordination.activity.audienceSize'),
      render: (_, a) => `${formatNumber(a.audienceSize)} (${formatNumber(a.poorAudience)})`,
    },
    { key: 'budget', title: t('coordination.activity.budgetTotal'), render: (_, a) => formatVnd(a.budgetTotal) },
  ];
}

function ActivitiesTab() {
  const t = useT();
  const page = usePage();
  const unit = useWorkingUnit();
  const canManage = useCanManageCoordination();
  const [group, setGroup] = useState<ActivityGroup | undefined>();
  const [range, setRange] = useState<[string, string] | null>(null);
  const [open, setOpen] = useState(false);
  const [shown, setShown] = useState<Activity | null>(null);
  // The list follows the area picker (a commune, or the whole province).
  const query = {
    q: page.q,
    limit: page.limit,
    offset: page.offset,
    unit: unit ?? undefined,
    group,
    from: range?.[0],
    to: range?.[1],
  };
  const list = useQuery({
    queryKey: ['activities', 'list', query],
    queryFn: () => coordinationApi.activities(query),
    placeholderData: keepPreviousData,
  });
  const totals = list.data?.totals;
  return (
    <>
      <ListToolbar searchPlaceholder={t('coordination.activity.searchPlaceholder')} onSearch={page.search}>
        <ToolbarSelect<ActivityGroup>
          label={t('coordination.activity.group')}
          value={group}
          onChange={(v) => (setGroup(v), page.reset())}
          options={(['communication', 'training', 'conference'] as const).map((g) => ({
            value: g,
            label: t(`coordination.activity.groups.${g}`),
          }))}
        />
        <DatePicker.RangePicker
          format="DD/MM/YYYY"
          placeholder={[t('coordination.activity.from'), t('coordination.activity.to')]}
          onChange={(dates) => {
            setRange(dates?.[0] && dates[1] ? [dates[0].format('YYYY-MM-DD'), dates[1].format('YYYY-MM-DD')] : null);
            page.reset();
          }}
        />
        {canManage && unit && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
            {t('coordination.activity.create')}
          </Button>
        )}
      </ListToolbar>
      {totals && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('coordination.activity.totals', {
            activities: formatNumber(totals.activities),
            audience: formatNumber(totals.audience),
            poor: formatNumber(totals.poorAudience),
            budget: formatVnd(totals.budget),
          })}
        />
      )}
      <ListTable<Activity>
        rowKey="id"
        columns={useActivityColumns(setShown)}
        list={list}
        page={{ limit: page.limit, offset: page.offset }}
        onPage={page.onPage}
        scroll={{ x: 900 }}
        emptyText={t('coordination.activity.empty')}
      />
      {unit && <ActivityModal open={open} unitCode={unit} onClose={() => setOpen(false)} />}
      {shown && <ActivityDrawer activity={shown} onClose={() => setShown(null)} />}
    </>
  );
}

function DocumentsTab() {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const page = usePage();
  const unit = useWorkingUnit();
  const canManage = useCanManageCoordination();
  // undefined: closed; null: adding a text; a document: editing it.
  const [editing, setEditing] = useState<LegalDocument | null | undefined>();
  const query = { q: page.q, limit: page.limit, offset: page.offset };
  const list = useQuery({
    queryKey: ['legal-documents', 'list', query],
    queryFn: () => coordinationApi.documents(query),
    placeholderData: keepPreviousData,
  });
  const columns: TableProps<LegalDocument>['columns'] = [
    {
      key: 'number',
      title: t('coordination.document.number'),
      render: (_, d) => <Typography.Text strong>{d.number}</Typography.Text>,
    },
    { key: 'issuedOn', title: t('coordination.document.issuedOn'), render: (_, d) => formatDate(d.issuedOn) },
    {
      key: 'kind',
      title: t('coordination.document.kind'),
      render: (_, d) => t.label(LEGAL_DOCUMENT_KIND_LABELS[d.kind]),
    },
    { key: 'issuer', title: t('coordination.document.issuer'), dataIndex: 'issuer' },
    {
      key: 'title',
      title: t('coordination.document.title'),
      render: (_, d) => (
        <>
          <div>{d.title}</div>
          {d.summary && <Typography.Text type="secondary">{d.summary}</Typography.Text>}
        </>
      ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_: unknown, d: LegalDocument) =>
        d.canManage && (
          <Button size="small" onClick={() => setEditing(d)}>
            {t('common.edit')}
          </Button>
        ),
    },
  ];
  return (
    <>
      <ListToolbar searchPlaceholder={t('coordination.document.searchPlaceholder')} onSearch={page.search}>
        {canManage && unit && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
            {t('coordination.document.create')}
          </Button>
        )}
      </ListToolbar>
      <ListTable<LegalDocument>
        rowKey="id"
        columns={columns}
        list={list}
        page={{ limit: page.limit, offset: page.offset }}
        onPage={page.onPage}
        scroll={{ x: 900 }}
        emptyText={t('coordination.document.empty')}
        expandable={{
          // The text itself (its PDF), read and downloaded from here.
          expandedRowRender: (d) => (
            <AttachmentsPanel
              ownerKind="legal_document"
              ownerId={d.id}
              canManage={d.canManage}
              title={t('coordination.document.files')}
            />
          ),
        }}
      />
      {/* Mounted per opening, so that the form starts from the text chosen (or empty). */}
      {unit && editing !== undefined && (
        <DocumentModal
          key={editing?.id ?? 'new'}
          unitCode={unit}
          editing={editing ?? null}
          onSaved={async (saved) => {
            message.success(t(editing ? 'coordination.document.saved' : 'coordination.document.created'));
            await queryClient.invalidateQueries({ queryKey: ['legal-documents'] });
            setEditing(undefined);
            return saved;
          }}
          onClose={() => setEditing(undefined)}
        />
      )}
    </>
  );
}
