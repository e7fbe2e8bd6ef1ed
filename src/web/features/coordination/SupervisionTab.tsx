import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  type TableProps,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import {
  RECOMMENDATION_STATUS_LABELS,
  SUPERVISION_METHODS,
  SUPERVISION_METHOD_LABELS,
  SUPERVISION_STATUS_LABELS,
} from '../../../domain/coordination';
import { FormModal } from '../../components/FormModal';
import { ListTable } from '../../components/ListTable';
import { ListToolbar } from '../../components/ListToolbar';
import { useT } from '../../i18n';
import { formatDate } from '../../lib/format';
import { AttachmentsPanel } from '../attachments/AttachmentsPanel';
import { supervisionApi, type Recommendation, type Supervision, type SupervisionInput, type Task } from './api';
import { OrganisationsPicker } from './pickers';
import { useCanManageCoordination, useWorkingUnit } from './useWorkingUnit';

const day = (d: Dayjs) => d.format('YYYY-MM-DD');

/** The year's supervision plan, the supervisions conducted and their recommendations. */
export function SupervisionTab() {
  const t = useT();
  const unit = useWorkingUnit();
  const canManage = useCanManageCoordination();
  const queryClient = useQueryClient();
  const [year, setYear] = useState<number | undefined>();
  const [q, setQ] = useState<string | undefined>();
  const [offset, setOffset] = useState(0);
  const [limit, setLimit] = useState(50);
  const [planning, setPlanning] = useState(false);
  const [conducting, setConducting] = useState<Supervision | null>(null);
  const [recommending, setRecommending] = useState<Supervision | null>(null);
  // The list follows the area picker (a commune, or the whole province).
  const query = { q, year, limit, offset, unit: unit ?? undefined };
  const list = useQuery({
    queryKey: ['supervisions', 'list', query],
    queryFn: () => supervisionApi.list(query),
    placeholderData: keepPreviousData,
  });
  const reload = () => queryClient.invalidateQueries({ queryKey: ['supervisions'] });
  const columns: TableProps<Supervision>['columns'] = [
    { key: 'topic', title: t('coordination.supervision.topic'), dataIndex: 'topic' },
    { key: 'lead', title: t('coordination.supervision.lead'), render: (_, s) => s.lead.name },
    { key: 'supervised', title: t('coordination.supervision.supervised'), render: (_, s) => s.supervised.name },
    {
      key: 'period',
      title: t('coordination.supervision.period'),
      render: (_, s) => `${formatDate(s.periodFrom)} – ${formatDate(s.periodTo)}`,
    },
    {
      key: 'method',
      title: t('coordination.supervision.method'),
      render: (_, s) => t.label(SUPERVISION_METHOD_LABELS[s.method]),
    },
    {
      key: 'status',
      title: t('coordination.task.status'),
      render: (_, s) => (
        <Tag color={s.status === 'conducted' ? 'green' : 'default'}>
          {t.label(SUPERVISION_STATUS_LABELS[s.status])}
          {s.conductedOn && ` ${formatDate(s.conductedOn)}`}
        </Tag>
      ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, s) =>
        s.canManage && (
          <Space wrap>
            {s.status === 'planned' && (
              <Button size="small" onClick={() => setConducting(s)}>
                {t('coordination.supervision.conduct')}
              </Button>
            )}
            {s.status === 'conducted' && (
              <Button size="small" onClick={() => setRecommending(s)}>
                {t('coordination.supervision.recommend')}
              </Button>
            )}
          </Space>
        ),
    },
  ];
  return (
    <>
      <ListToolbar
        searchPlaceholder={t('coordination.supervision.searchPlaceholder')}
        onSearch={(value) => (setQ(value), setOffset(0))}
      >
        <InputNumber
          placeholder={t('coordination.supervision.year')}
          aria-label={t('coordination.supervision.year')}
          min={2000}
          max={2100}
          onChange={(v) => (setYear(v ?? undefined), setOffset(0))}
        />
        {canManage && unit && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setPlanning(true)}>
            {t('coordination.supervision.plan')}
          </Button>
        )}
      </ListToolbar>
      <ListTable<Supervision>
        rowKey="id"
        columns={columns}
        list={list}
        page={{ limit, offset }}
        onPage={(p) => (setLimit(p.limit), setOffset(p.offset))}
        scroll={{ x: 900 }}
        emptyText={t('coordination.supervision.empty')}
        expandable={{
          expandedRowRender: (s) => (
            <>
              {s.findings && (
                <Typography.Paragraph>
                  <Typography.Text strong>{t('coordination.supervision.findings')}: </Typography.Text>
                  {s.findings}
                </Typography.Paragraph>
              )}
              <Recommendations items={s.recommendations} onChanged={reload} />
              <AttachmentsPanel
                ownerKind="supervision"
                ownerId={s.id}
                canManage={s.canManage}
                title={t('coordination.supervision.files')}
              />
            </>
          ),
        }}
      />
      {unit && planning && (
        <SupervisionPlanModal
          unitCode={unit}
          onSaved={async () => {
            await reload();
            setPlanning(false);
          }}
          onClose={() => setPlanning(false)}
        />
      )}
      <FormModal<{ conductedOn: Dayjs; findings: string }, Supervision>
        open={conducting !== null}
        title={t('coordination.supervision.conduct')}
        okText={t('common.save')}
        intro={conducting && <p>{conducting.topic}</p>}
        submit={(v) =>
          supervisionApi.conduct(conducting!.id, {
            conductedOn: day(v.conductedOn),
            findings: v.findings,
            version: conducting!.version,
          })
        }
        onSaved={async () => {
          await reload();
          setConducting(null);
        }}
        onClose={() => setConducting(null)}
      >
        <Form.Item name="conductedOn" label={t('coordination.supervision.conductedOn')} rules={[{ required: true }]}>
          <DatePicker format="DD/MM/YYYY" />
        </Form.Item>
        <Form.Item name="findings" label={t('coordination.supervision.findings')} rules={[{ required: true }]}>
          <Input.TextArea rows={4} />
        </Form.Item>
      </FormModal>
      <FormModal<{ addresseeId: string; text: string; dueOn: Dayjs }, Recommendation>
        open={recommending !== null}
        title={t('coordination.supervision.recommend')}
        okText={t('common.save')}
        intro={recommending && <p>{recommending.topic}</p>}
        initialValues={recommending ? { addresseeId: recommending.supervised.id } : {}}
        submit={(v) =>
          supervisionApi.recommend(recommending!.id, { ...v, dueOn: day(v.dueOn), version: recommending!.version })
        }
        onSaved={async () => {
          await reload();
          setRecommending(null);
        }}
        onClose={() => setRecommending(null)}
      >
        <Form.Item name="addresseeId" label={t('coordination.recommendation.addressee')} rules={[{ required: true }]}>
          <OrganisationsPicker multiple={false} known={recommending ? [recommending.supervised] : []} />
        </Form.Item>
        <Form.Item name="text" label={t('coordination.recommendation.text')} rules={[{ required: true }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item name="dueOn" label={t('coordination.recommendation.dueOn')} rules={[{ required: true }]}>
          <DatePicker format="DD/MM/YYYY" />
        </Form.Item>
      </FormModal>
    </>
  );
}

/** Put a supervision into the year's plan at a unit; from a task, as that task's evidence. */
export function SupervisionPlanModal({
  unitCode,
  task,
  onSaved,
  onClose,
}: {
  unitCode: string;
  task?: Task;
  onSaved: () => unknown;
  onClose: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  return (
    <FormModal<Omit<SupervisionInput, 'periodFrom' | 'periodTo' | 'unitCode'> & { period: [Dayjs, Dayjs] }, Supervision>
      open
      width={680}
      title={t(task ? 'coordination.task.planSupervision' : 'coordination.supervision.plan')}
      okText={t('common.save')}
      intro={task && <p>{task.title}</p>}
      initialValues={{
        year: task?.year ?? dayjs().year(),
        method: 'direct',
        memberIds: task ? task.supporting.map((o) => o.id) : [],
        leadId: task?.lead.id,
      }}
      submit={({ period, ...v }) =>
        supervisionApi.plan({
          ...v,
          unitCode,
          periodFrom: day(period[0]),
          periodTo: day(period[1]),
          taskId: task?.id ?? null,
        })
      }
      onSaved={async () => {
        message.success(t('coordination.supervision.planned'));
        await onSaved();
      }}
      onClose={onClose}
    >
      <Form.Item name="topic" label={t('coordination.supervision.topic')} rules={[{ required: true }]}>
        <Input />
      </Form.Item>
      <Form.Item name="year" label={t('coordination.supervision.year')} rules={[{ required: true }]}>
        <InputNumber min={2000} max={2100} />
      </Form.Item>
      <Form.Item name="leadId" label={t('coordination.supervision.lead')} rules={[{ required: true }]}>
        <OrganisationsPicker multiple={false} known={task ? [task.lead] : []} />
      </Form.Item>
      <Form.Item name="memberIds" label={t('coordination.supervision.members')}>
        <OrganisationsPicker known={task?.supporting} />
      </Form.Item>
      <Form.Item name="supervisedId" label={t('coordination.supervision.supervised')} rules={[{ required: true }]}>
        <OrganisationsPicker multiple={false} />
      </Form.Item>
      <Form.Item name="method" label={t('coordination.supervision.method')}>
        <Select
          options={SUPERVISION_METHODS.map((m) => ({ value: m, label: t.label(SUPERVISION_METHOD_LABELS[m]) }))}
        />
      </Form.Item>
      <Form.Item name="period" label={t('coordination.supervision.period')} rules={[{ required: true }]}>
        <DatePicker.RangePicker format="DD/MM/YYYY" />
      </Form.Item>
    </FormModal>
  );
}

export function RecommendationStatusTag({ r }: { r: Pick<Recommendation, 'status' | 'overdue'> }) {
  const t = useT();
  return (
    <Space size={4} wrap>
      <Tag color={r.status === 'resolved' ? 'green' : 'blue'}>{t.label(RECOMMENDATION_STATUS_LABELS[r.status])}</Tag>
      {r.overdue && <Tag color="red">{t('coordination.task.overdue')}</Tag>}
    </Space>
  );
}

/** Recommendations with the next step each allows the user: answer, accept, resolve. */
export function Recommendations({ items, onChanged }: { items: Recommendation[]; onChanged: () => unknown }) {
  const t = useT();
  const [answering, setAnswering] = useState<Recommendation | null>(null);
  const [resolving, setResolving] = useState<Recommendation | null>(null);
  const { message } = App.useApp();
  const accept = async (r: Recommendation) => {
    await supervisionApi.accept(r.id, { version: r.version });
    message.success(t('coordination.recommendation.saved'));
    await onChanged();
  };
  const columns: TableProps<Recommendation>['columns'] = [
    { key: 'text', title: t('coordination.recommendation.text'), dataIndex: 'text' },
    { key: 'addressee', title: t('coordination.recommendation.addressee'), render: (_, r) => r.addressee.name },
    { key: 'dueOn', title: t('coordination.recommendation.dueOn'), render: (_, r) => formatDate(r.dueOn) },
    { key: 'status', title: t('coordination.task.status'), render: (_, r) => <RecommendationStatusTag r={r} /> },
    { key: 'answer', title: t('coordination.recommendation.answer'), render: (_, r) => r.answer },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, r) => (
        <Space wrap>
          {r.status === 'open' && r.canAnswer && (
            <Button size="small" onClick={() => setAnswering(r)}>
              {t('coordination.recommendation.answerAction')}
            </Button>
          )}
          {r.status === 'answered' && r.canFollowUp && (
            <Button size="small" onClick={() => accept(r)}>
              {t('coordination.recommendation.accept')}
            </Button>
          )}
          {(r.status === 'answered' || r.status === 'accepted') && r.canFollowUp && (
            <Button size="small" onClick={() => setResolving(r)}>
              {t('coordination.recommendation.resolve')}
            </Button>
          )}
        </Space>
      ),
    },
  ];
  return (
    <>
      <Table<Recommendation>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={items}
        pagination={false}
        scroll={{ x: 800 }}
        locale={{ emptyText: t('coordination.recommendation.empty') }}
      />
      <FormModal<{ answer: string; answeredOn: Dayjs }, Recommendation>
        open={answering !== null}
        title={t('coordination.recommendation.answerAction')}
        okText={t('common.save')}
        intro={answering && <p>{answering.text}</p>}
        initialValues={{ answeredOn: dayjs() }}
        submit={(v) =>
          supervisionApi.answer(answering!.id, { ...v, answeredOn: day(v.answeredOn), version: answering!.version })
        }
        onSaved={async () => {
          await onChanged();
          setAnswering(null);
        }}
        onClose={() => setAnswering(null)}
      >
        <Form.Item name="answer" label={t('coordination.recommendation.answer')} rules={[{ required: true }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item name="answeredOn" label={t('coordination.recommendation.answeredOn')} rules={[{ required: true }]}>
          <DatePicker format="DD/MM/YYYY" />
        </Form.Item>
      </FormModal>
      <FormModal<{ resolvedOn: Dayjs }, Recommendation>
        open={resolving !== null}
        title={t('coordination.recommendation.resolve')}
        okText={t('common.save')}
        intro={resolving && <p>{resolving.text}</p>}
        initialValues={{ resolvedOn: dayjs() }}
        submit={(v) =>
          supervisionApi.resolve(resolving!.id, { resolvedOn: day(v.resolvedOn), version: resolving!.version })
        }
        onSaved={async () => {
          await onChanged();
          setResolving(null);
        }}
        onClose={() => setResolving(null)}
      >
        <Form.Item name="resolvedOn" label={t('coordination.recommendation.resolvedOn')} rules={[{ required: true }]}>
          <DatePicker format="DD/MM/YYYY" />
        </Form.Item>
      </FormModal>
    </>
  );
}
