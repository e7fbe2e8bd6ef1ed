import { EditOutlined, FileWordOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Form,
  Input,
  InputNumber,
  List,
  Select,
  Space,
  Table,
  Tabs,
  Typography,
  DatePicker,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import {
  PROGRAMME_LEVEL_LABELS,
  SUPERVISION_STATUS_LABELS,
  TASK_STATUSES,
  TASK_STATUS_LABELS,
  type TaskStatus,
} from '../../../domain/coordination';
import { FormModal } from '../../components/FormModal';
import { PageHeader } from '../../components/PageHeader';
import { ErrorResult, FullPageSpin } from '../../components/Results';
import { useT } from '../../i18n';
import { formatDate } from '../../lib/format';
import { useErrorText } from '../../lib/errors';
import { AttachmentsPanel } from '../attachments/AttachmentsPanel';
import {
  coordinationApi,
  supervisionApi,
  type Activity,
  type Plan,
  type Programme,
  type Task,
  type TaskInput,
} from './api';
import { ActivityDrawer } from './ActivityDrawer';
import { ActivityModal } from './ActivityModal';
import { ReviewsCard } from './ReviewsCard';
import { useActivityColumns, useTaskColumns } from './CoordinationPage';
import { TaskLinks } from './TaskLinks';
import { programmeEditPath } from './paths';
import { OrganisationsPicker } from './pickers';
import { SupervisionPlanModal } from './SupervisionTab';
import { useCanManageCoordination, useWorkingUnit } from './useWorkingUnit';

export function ProgrammePage() {
  const t = useT();
  const { id } = useParams<{ id: string }>();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const programme = useQuery({ queryKey: ['programmes', id], queryFn: () => coordinationApi.programme(id!) });
  if (programme.isPending) return <FullPageSpin />;
  if (programme.isError) return <ErrorResult error={programme.error} onRetry={() => programme.refetch()} />;
  const p = programme.data;
  const download = () =>
    coordinationApi
      .downloadProgramme(p)
      .catch((e: unknown) => message.error(errorText(e) || t('coordination.programme.downloadFailed')));
  return (
    <div className="page">
      <PageHeader
        title={`${p.number} — ${p.title}`}
        description={`${p.unitName} · ${formatDate(p.signedOn)} · ${p.periodFrom}–${p.periodTo}`}
        extra={
          <Space wrap>
            {p.canManage && (
              <Link to={programmeEditPath(p.id)}>
                <Button icon={<EditOutlined />}>{t('coordination.programme.edit')}</Button>
              </Link>
            )}
            <Button icon={<FileWordOutlined />} onClick={download}>
              {t('coordination.programme.download')}
            </Button>
          </Space>
        }
      />
      <Card>
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={t('coordination.programme.level')}>
            {t.label(PROGRAMME_LEVEL_LABELS[p.level])}
          </Descriptions.Item>
          <Descriptions.Item label={t('coordination.programme.signedPlace')}>{p.signedPlace}</Descriptions.Item>
          <Descriptions.Item label={t('coordination.programme.parties')} span={2}>
            {p.parties.map((o) => o.name).join('; ')}
          </Descriptions.Item>
          <Descriptions.Item label={t('coordination.programme.legalBases')} span={2}>
            <div>
              {p.legalBases.map((d) => (
                <div key={d.id}>
                  <Typography.Text strong>{d.number}</Typography.Text> {d.issuedOn && `(${formatDate(d.issuedOn)})`} —{' '}
                  {d.title}
                </div>
              ))}
            </div>
          </Descriptions.Item>
          <Descriptions.Item label={t('coordination.programme.purposes')} span={2}>
            {p.purposes}
          </Descriptions.Item>
          <Descriptions.Item label={t('coordination.programme.requirements')} span={2}>
            {p.requirements}
          </Descriptions.Item>
          {p.implementation && (
            <Descriptions.Item label={t('coordination.programme.implementation')} span={2}>
              {p.implementation}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <div style={{ marginTop: 16 }}>
        <AttachmentsPanel
          ownerKind="programme"
          ownerId={p.id}
          canManage={p.canManage}
          title={t('coordination.programme.signedCopy')}
        />
      </div>
      <Card title={t('coordination.programme.contents')} style={{ marginTop: 16 }}>
        <List
          dataSource={p.contents}
          renderItem={(c) => (
            <List.Item>
              <List.Item.Meta
                title={`${c.position}. ${c.title}`}
                description={
                  <>
                    <div>{c.scope}</div>
                    <div>
                      {t('coordination.programme.responsible')}: {c.responsible.name}
                      {c.coordinating.length > 0 &&
                        ` · ${t('coordination.programme.coordinating')}: ${c.coordinating.map((o) => o.name).join(', ')}`}
                    </div>
                  </>
                }
              />
            </List.Item>
          )}
        />
      </Card>
      <Plans programme={p} />
      <ReviewsCard programme={p} />
    </div>
  );
}

function Plans({ programme }: { programme: Programme }) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const plans = useQuery({ queryKey: ['plans', programme.id], queryFn: () => coordinationApi.plans(programme.id) });
  const [planOpen, setPlanOpen] = useState(false);
  const [active, setActive] = useState<string | undefined>();
  const items = plans.data?.items ?? [];
  return (
    <Card
      title={t('coordination.plan.plans')}
      style={{ marginTop: 16 }}
      extra={
        programme.canManage && (
          <Button icon={<PlusOutlined />} onClick={() => setPlanOpen(true)}>
            {t('coordination.plan.create')}
          </Button>
        )
      }
    >
      {items.length === 0 ? (
        <Empty description={t('coordination.plan.empty')} />
      ) : (
        <Tabs
          activeKey={active ?? items[items.length - 1]!.id}
          onChange={setActive}
          items={items.map((plan) => ({
            key: plan.id,
            label: String(plan.year),
            children: <PlanTasks programme={programme} plan={plan} />,
          }))}
        />
      )}
      <FormModal<{ year: number; note?: string }, Plan>
        open={planOpen}
        title={t('coordination.plan.create')}
        okText={t('common.save')}
        initialValues={{ year: Math.min(Math.max(new Date().getFullYear(), programme.periodFrom), programme.periodTo) }}
        submit={(v) => coordinationApi.createPlan(programme.id, v)}
        onSaved={async (plan) => {
          message.success(t('coordination.plan.created', { year: plan.year }));
          await queryClient.invalidateQueries({ queryKey: ['plans', programme.id] });
          setActive(plan.id);
          setPlanOpen(false);
        }}
        onClose={() => setPlanOpen(false)}
      >
        <Form.Item name="year" label={t('coordination.plan.year')} rules={[{ required: true }]}>
          <InputNumber min={programme.periodFrom} max={programme.periodTo} />
        </Form.Item>
        <Form.Item name="note" label={t('coordination.plan.note')}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </FormModal>
    </Card>
  );
}

function PlanTasks({ programme, plan }: { programme: Programme; plan: Plan }) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const unit = useWorkingUnit();
  const canSupervise = useCanManageCoordination();
  const query = { plan: plan.id, limit: 500, offset: 0 };
  const tasks = useQuery({ queryKey: ['tasks', 'plan', plan.id], queryFn: () => coordinationApi.tasks(query) });
  // undefined: closed; null: adding a task; a task: editing it.
  const [taskEditing, setTaskEditing] = useState<Task | null | undefined>();
  const [reporting, setReporting] = useState<Task | null>(null);
  const [evidenceFor, setEvidenceFor] = useState<Task | null>(null);
  const [supervising, setSupervising] = useState<Task | null>(null);
  const reload = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['tasks'] }),
      queryClient.invalidateQueries({ queryKey: ['plans', programme.id] }),
    ]);
  // The programme's parties, and the organisations of the task being edited, named before any search.
  const known = [...programme.parties, ...(taskEditing ? [taskEditing.lead, ...taskEditing.supporting] : [])];
  const columns = [
    ...useTaskColumns().filter((c) => c.key !== 'content'),
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_: unknown, k: Task) => (
        <Space wrap>
          {k.canManage && (
            <Button size="small" onClick={() => setReporting(k)}>
              {t('coordination.task.report')}
            </Button>
          )}
          {k.canManage && (
            <Button size="small" onClick={() => setTaskEditing(k)}>
              {t('coordination.task.edit')}
            </Button>
          )}
          {unit && (
            <Button size="small" onClick={() => setEvidenceFor(k)}>
              {t('coordination.task.addEvidence')}
            </Button>
          )}
          {unit && canSupervise && (
            <Button size="small" onClick={() => setSupervising(k)}>
              {t('coordination.task.planSupervision')}
            </Button>
          )}
        </Space>
      ),
    },
  ];
  return (
    <>
      <Typography.Paragraph type="secondary">
        {t('coordination.plan.summary', { tasks: plan.tasks, done: plan.tasksDone, overdue: plan.tasksOverdue })}
      </Typography.Paragraph>
      {programme.canManage && (
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setTaskEditing(null)}
          style={{ marginBottom: 12 }}
        >
          {t('coordination.task.create')}
        </Button>
      )}
      <Table<Task>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={tasks.data?.items ?? []}
        loading={tasks.isFetching}
        pagination={false}
        scroll={{ x: 900 }}
        locale={{ emptyText: t('coordination.task.empty') }}
        expandable={{ expandedRowRender: (k) => <Evidence task={k} /> }}
      />
      {/* Mounted per opening, so an edited task's values fill the form. */}
      {taskEditing !== undefined && (
        <FormModal<Omit<TaskInput, 'dueOn'> & { dueOn: Dayjs }, Task>
          open
          width={680}
          title={t(taskEditing ? 'coordination.task.edit' : 'coordination.task.create')}
          okText={t('common.save')}
          initialValues={
            taskEditing
              ? {
                  contentId: taskEditing.contentId,
                  title: taskEditing.title,
                  leadId: taskEditing.lead.id,
                  supportingIds: taskEditing.supporting.map((o) => o.id),
                  dueOn: dayjs(taskEditing.dueOn),
                  note: taskEditing.note,
                }
              : { supportingIds: [] }
          }
          submit={({ dueOn, ...v }) =>
            taskEditing
              ? coordinationApi.updateTask(taskEditing.id, {
                  ...v,
                  dueOn: dueOn.format('YYYY-MM-DD'),
                  version: taskEditing.version,
                })
              : coordinationApi.createTask(plan.id, { ...v, dueOn: dueOn.format('YYYY-MM-DD') })
          }
          onSaved={async () => {
            message.success(t(taskEditing ? 'coordination.task.saved' : 'coordination.task.created'));
            await reload();
            setTaskEditing(undefined);
          }}
          onClose={() => setTaskEditing(undefined)}
        >
          <Form.Item name="contentId" label={t('coordination.task.content')} rules={[{ required: true }]}>
            <Select options={programme.contents.map((c) => ({ value: c.id, label: `${c.position}. ${c.title}` }))} />
          </Form.Item>
          <Form.Item name="title" label={t('coordination.task.name')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="leadId" label={t('coordination.task.lead')} rules={[{ required: true }]}>
            <OrganisationsPicker multiple={false} known={known} />
          </Form.Item>
          <Form.Item name="supportingIds" label={t('coordination.task.supporting')}>
            <OrganisationsPicker known={known} />
          </Form.Item>
          <Form.Item name="dueOn" label={t('coordination.task.dueOn')} rules={[{ required: true }]}>
            <DatePicker format="DD/MM/YYYY" />
          </Form.Item>
          <Form.Item name="note" label={t('coordination.task.note')}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </FormModal>
      )}
      <FormModal<{ status: TaskStatus; progress: number; note?: string | null }, Task>
        open={reporting !== null}
        title={t('coordination.task.report')}
        okText={t('common.save')}
        intro={reporting && <p>{reporting.title}</p>}
        initialValues={
          reporting ? { status: reporting.status, progress: reporting.progress, note: reporting.note } : {}
        }
        submit={(v) => coordinationApi.reportProgress(reporting!.id, { ...v, version: reporting!.version })}
        onSaved={async () => {
          message.success(t('coordination.task.reported'));
          await reload();
          setReporting(null);
        }}
        onClose={() => setReporting(null)}
      >
        <Form.Item name="status" label={t('coordination.task.status')}>
          <Select options={TASK_STATUSES.map((s) => ({ value: s, label: t.label(TASK_STATUS_LABELS[s]) }))} />
        </Form.Item>
        <Form.Item name="progress" label={t('coordination.task.progress')}>
          <InputNumber min={0} max={100} />
        </Form.Item>
        <Form.Item name="note" label={t('coordination.task.note')}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </FormModal>
      {unit && evidenceFor && (
        <ActivityModal open unitCode={unit} task={evidenceFor} onClose={() => setEvidenceFor(null)} />
      )}
      {unit && supervising && (
        <SupervisionPlanModal
          unitCode={unit}
          task={supervising}
          onSaved={async () => {
            await queryClient.invalidateQueries({ queryKey: ['supervisions'] });
            setSupervising(null);
          }}
          onClose={() => setSupervising(null)}
        />
      )}
    </>
  );
}

/** A task's evidence: the activities recorded for it, and the records it links. */
function Evidence({ task }: { task: Task }) {
  const t = useT();
  const query = { task: task.id, limit: 100, offset: 0 };
  const [shown, setShown] = useState<Activity | null>(null);
  const list = useQuery({
    queryKey: ['activities', 'task', task.id],
    queryFn: () => coordinationApi.activities(query),
  });
  return (
    <div>
      <Typography.Text strong>{t('coordination.task.evidence')}</Typography.Text>
      <Table
        rowKey="id"
        size="small"
        columns={useActivityColumns(setShown)}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        pagination={false}
        locale={{ emptyText: t('coordination.activity.empty') }}
      />
      {shown && <ActivityDrawer activity={shown} onClose={() => setShown(null)} />}
      <TaskSupervisions task={task} />
      <TaskLinks task={task} />
    </div>
  );
}

/** The supervisions planned as the task's evidence, with how their recommendations stand. */
function TaskSupervisions({ task }: { task: Task }) {
  const t = useT();
  const query = { task: task.id, limit: 100, offset: 0 };
  const list = useQuery({
    queryKey: ['supervisions', 'task', task.id],
    queryFn: () => supervisionApi.list(query),
  });
  return (
    <div style={{ marginTop: 12 }}>
      <Typography.Text strong>{t('coordination.task.supervisions')}</Typography.Text>
      <Table
        rowKey="id"
        size="small"
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        pagination={false}
        locale={{ emptyText: t('coordination.supervision.empty') }}
        columns={[
          { key: 'topic', title: t('coordination.supervision.topic'), dataIndex: 'topic' },
          { key: 'supervised', title: t('coordination.supervision.supervised'), render: (_, s) => s.supervised.name },
          {
            key: 'status',
            title: t('coordination.task.status'),
            render: (_, s) =>
              `${t.label(SUPERVISION_STATUS_LABELS[s.status])}${s.conductedOn ? ` ${formatDate(s.conductedOn)}` : ''}`,
          },
          {
            key: 'recommendations',
            title: t('coordination.recommendation.text'),
            render: (_, s) =>
              t('coordination.task.recommendationsResolved', {
                resolved: s.recommendations.filter((r) => r.status === 'resolved').length,
                total: s.recommendations.length,
              }),
          },
        ]}
      />
    </div>
  );
}
