import { useQueryClient } from '@tanstack/react-query';
import { App, Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import {
  ACTIVITY_KINDS,
  ACTIVITY_KIND_LABELS,
  AUDIENCE_KINDS,
  AUDIENCE_KIND_LABELS,
  BUDGET_SOURCES,
  BUDGET_SOURCE_LABELS,
  type Budget,
} from '../../../domain/coordination';
import { FormModal } from '../../components/FormModal';
import { useT } from '../../i18n';
import { coordinationApi, type Activity, type ActivityInput, type Task } from './api';
import { OrganisationsPicker } from './pickers';

type Values = Omit<ActivityInput, 'startsOn' | 'endsOn' | 'unitCode'> & { startsOn: Dayjs; endsOn: Dayjs };

/** Record an activity at a unit (from a task, as that task's evidence), or edit one. */
export function ActivityModal({
  open,
  unitCode,
  task,
  activity,
  onClose,
}: {
  open: boolean;
  unitCode: string;
  task?: Task;
  /** The activity to edit; it keeps its unit and the task it is evidence of. */
  activity?: Activity;
  onClose: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const required = (field: string) => [{ required: true, message: t('coordination.programme.required', { field }) }];
  const budget: Budget = { state: 0, fund: 0, social: 0, other: 0 };
  return (
    <FormModal<Values, unknown>
      open={open}
      width={760}
      title={
        activity
          ? t('coordination.activity.edit')
          : task
            ? t('coordination.task.addEvidence')
            : t('coordination.activity.create')
      }
      okText={t('common.save')}
      intro={task ? <p>{task.title}</p> : undefined}
      initialValues={
        activity
          ? {
              ...activity,
              startsOn: dayjs(activity.startsOn),
              endsOn: dayjs(activity.endsOn),
              organiserIds: activity.organisers.map((o) => o.id),
            }
          : {
              kind: 'meeting',
              audienceKind: 'residents',
              audienceSize: 0,
              poorAudience: 0,
              budget,
              organiserIds: task ? [task.lead.id] : [],
            }
      }
      submit={(v) => {
        const fields: ActivityInput = {
          kind: v.kind,
          title: v.title,
          place: v.place ?? null,
          organiserIds: v.organiserIds,
          audienceKind: v.audienceKind,
          audienceSize: v.audienceSize,
          poorAudience: v.poorAudience,
          topics: v.topics,
          unitCode: activity?.unitCode ?? unitCode,
          startsOn: v.startsOn.format('YYYY-MM-DD'),
          endsOn: (v.endsOn ?? v.startsOn).format('YYYY-MM-DD'),
          budget: { ...budget, ...v.budget },
        };
        return activity
          ? coordinationApi.updateActivity(activity.id, {
              ...fields,
              programmeId: activity.programmeId,
              contentId: activity.contentId,
              taskId: activity.taskId,
              version: activity.version,
            })
          : coordinationApi.createActivity({ ...fields, taskId: task?.id ?? null });
      }}
      onSaved={async () => {
        message.success(activity ? t('coordination.activity.saved') : t('coordination.activity.created'));
        await queryClient.invalidateQueries({ queryKey: ['activities'] });
        onClose();
      }}
      onClose={onClose}
    >
      <Row gutter={12}>
        <Col xs={24} md={8}>
          <Form.Item
            name="kind"
            label={t('coordination.activity.kind')}
            rules={required(t('coordination.activity.kind'))}
          >
            <Select options={ACTIVITY_KINDS.map((k) => ({ value: k, label: t.label(ACTIVITY_KIND_LABELS[k]) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item
            name="title"
            label={t('coordination.activity.title')}
            rules={required(t('coordination.activity.title'))}
          >
            <Input />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item
            name="startsOn"
            label={t('coordination.activity.startsOn')}
            rules={required(t('coordination.activity.startsOn'))}
          >
            <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item name="endsOn" label={t('coordination.activity.endsOn')}>
            <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="place" label={t('coordination.activity.place')}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item
            name="organiserIds"
            label={t('coordination.activity.organisers')}
            rules={required(t('coordination.activity.organisers'))}
          >
            <OrganisationsPicker known={activity ? activity.organisers : task ? [task.lead, ...task.supporting] : []} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="audienceKind" label={t('coordination.activity.audienceKind')}>
            <Select options={AUDIENCE_KINDS.map((k) => ({ value: k, label: t.label(AUDIENCE_KIND_LABELS[k]) }))} />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item name="audienceSize" label={t('coordination.activity.audienceSize')}>
            <InputNumber min={0} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item name="poorAudience" label={t('coordination.activity.poorAudience')}>
            <InputNumber min={0} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item
            name="topics"
            label={t('coordination.activity.topics')}
            rules={required(t('coordination.activity.topics'))}
          >
            <Input.TextArea rows={2} />
          </Form.Item>
        </Col>
        {BUDGET_SOURCES.map((s) => (
          <Col xs={12} md={6} key={s}>
            <Form.Item name={['budget', s]} label={t.label(BUDGET_SOURCE_LABELS[s])}>
              <InputNumber min={0} precision={0} step={100_000} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        ))}
      </Row>
    </FormModal>
  );
}
