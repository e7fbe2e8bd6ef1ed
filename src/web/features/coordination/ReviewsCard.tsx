import { FileWordOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Collapse, DatePicker, Descriptions, Empty, Form, Input, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { formatVnd, REVIEW_KINDS, REVIEW_KIND_LABELS, type ReviewFigures } from '../../../domain/coordination';
import { HOUSE_STAGE_LABELS, HOUSE_STAGES } from '../../../domain/support/houses';
import { FormModal } from '../../components/FormModal';
import { useT } from '../../i18n';
import { applyFieldErrors, useErrorText } from '../../lib/errors';
import { formatDate } from '../../lib/format';
import { reviewApi, type Programme, type ResourceFigures, type Review } from './api';

/** The programme's review reports: draft one from the data, edit its text, export it to Word. */
export function ReviewsCard({ programme }: { programme: Programme }) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const reviews = useQuery({ queryKey: ['reviews', programme.id], queryFn: () => reviewApi.list(programme.id) });
  const [drafting, setDrafting] = useState(false);
  const items = reviews.data?.items ?? [];
  return (
    <Card
      title={t('coordination.review.title')}
      style={{ marginTop: 16 }}
      extra={
        programme.canManage && (
          <Button icon={<PlusOutlined />} onClick={() => setDrafting(true)}>
            {t('coordination.review.draft')}
          </Button>
        )
      }
    >
      {items.length === 0 ? (
        <Empty description={t('coordination.review.empty')} />
      ) : (
        <Collapse
          defaultActiveKey={[items[items.length - 1]!.id]}
          items={items.map((r) => ({
            key: r.id,
            label: `${t.label(REVIEW_KIND_LABELS[r.kind])} ${formatDate(r.periodFrom)} – ${formatDate(r.periodTo)}${r.number ? ` · ${r.number}` : ''}`,
            children: <ReviewEditor review={r} programme={programme} />,
          }))}
        />
      )}
      <FormModal<{ kind: Review['kind']; period: [Dayjs, Dayjs]; number?: string }, Review>
        open={drafting}
        title={t('coordination.review.draft')}
        okText={t('coordination.review.draft')}
        initialValues={{ kind: 'so_ket' }}
        submit={({ period, ...v }) =>
          reviewApi.draft(programme.id, {
            ...v,
            periodFrom: period[0].format('YYYY-MM-DD'),
            periodTo: period[1].format('YYYY-MM-DD'),
          })
        }
        onSaved={async () => {
          message.success(t('coordination.review.drafted'));
          await queryClient.invalidateQueries({ queryKey: ['reviews', programme.id] });
          setDrafting(false);
        }}
        onClose={() => setDrafting(false)}
      >
        <Form.Item name="kind" label={t('coordination.review.kind')}>
          <Select options={REVIEW_KINDS.map((k) => ({ value: k, label: t.label(REVIEW_KIND_LABELS[k]) }))} />
        </Form.Item>
        <Form.Item name="period" label={t('coordination.review.period')} rules={[{ required: true }]}>
          <DatePicker.RangePicker format="DD/MM/YYYY" />
        </Form.Item>
        <Form.Item name="number" label={t('coordination.review.number')}>
          <Input />
        </Form.Item>
      </FormModal>
    </Card>
  );
}

function FiguresView({ f }: { f: ReviewFigures }) {
  const t = useT();
  return (
    <Descriptions size="small" column={{ xs: 1, md: 3 }} bordered>
      <Descriptions.Item label={t('coordination.activity.groups.communication')}>
        {f.communication} ({f.communicationAudience})
      </Descriptions.Item>
      <Descriptions.Item label={t('coordination.activity.groups.training')}>
        {f.trainings} ({f.trainees})
      </Descriptions.Item>
      <Descriptions.Item label={t('coordination.activity.groups.conference')}>
        {f.conferences} ({f.conferenceAudience})
      </Descriptions.Item>
      <Descriptions.Item label={t('coordination.activity.poorAudience')}>{f.poorAudience}</Descriptions.Item>
      <Descriptions.Item label={t('coordination.tabs.supervision')}>{f.supervisions}</Descriptions.Item>
      <Descriptions.Item label={t('coordination.recommendation.resolve')}>
        {f.recommendationsResolved}/{f.recommendations}
      </Descriptions.Item>
      <Descriptions.Item label={t('coordination.tabs.commendations')}>{f.commendations}</Descriptions.Item>
      <Descriptions.Item label={t('coordination.task.title')}>
        {f.tasksDone}/{f.tasks}
      </Descriptions.Item>
      <Descriptions.Item label={t('coordination.activity.budgetTotal')}>{formatVnd(f.budget)}</Descriptions.Item>
    </Descriptions>
  );
}

/** The programme's area over the period: households out of poverty, the fund, houses and models. */
function AreaFiguresView({ escaped, resources: r }: { escaped: number; resources?: ResourceFigures }) {
  const t = useT();
  return (
    <Descriptions size="small" column={{ xs: 1, md: 3 }} bordered style={{ marginTop: 12 }}>
      <Descriptions.Item label={t('coordination.review.escaped')}>{escaped}</Descriptions.Item>
      {r && (
        <>
          <Descriptions.Item label={t('coordination.review.fundReceipts')}>
            {formatVnd(r.fundReceipts)}
          </Descriptions.Item>
          <Descriptions.Item label={t('coordination.review.fundSpent')}>{formatVnd(r.fundSpent)}</Descriptions.Item>
          <Descriptions.Item label={t('coordination.review.houses')} span={2}>
            {r.housesApproved} (
            {HOUSE_STAGES.map((s) => `${t.label(HOUSE_STAGE_LABELS[s])}: ${r.housesByStage[s]}`).join('; ')})
          </Descriptions.Item>
          <Descriptions.Item label={t('coordination.review.housesHandedOver')}>{r.housesHandedOver}</Descriptions.Item>
          <Descriptions.Item label={t('coordination.review.models')}>
            {t('coordination.review.modelsValue', { models: r.models, households: r.modelHouseholds })}
          </Descriptions.Item>
        </>
      )}
    </Descriptions>
  );
}

type Values = {
  number: string | null;
  difficulties: string | null;
  directions: string | null;
  texts: Record<string, string | null>;
};

function ReviewEditor({ review, programme }: { review: Review; programme: Programme }) {
  const t = useT();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const reload = () => queryClient.invalidateQueries({ queryKey: ['reviews', programme.id] });
  const save = useMutation({
    mutationFn: (v: Values) =>
      reviewApi.edit(review.id, {
        number: v.number || null,
        sections: {
          contents: review.sections.contents.map((c) => ({
            contentId: c.contentId,
            text: v.texts[c.contentId] || null,
          })),
          difficulties: v.difficulties || null,
          directions: v.directions || null,
        },
        version: review.version,
      }),
    onSuccess: async () => {
      message.success(t('coordination.review.saved'));
      await reload();
    },
    onError: (e) => (applyFieldErrors(form, t, e) ? null : message.error(errorText(e))),
  });
  const refresh = useMutation({ mutationFn: () => reviewApi.refresh(review.id, review.version), onSuccess: reload });
  const texts = Object.fromEntries(review.sections.contents.map((c) => [c.contentId, c.text]));
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      disabled={!review.canManage}
      initialValues={{
        number: review.number,
        difficulties: review.sections.difficulties,
        directions: review.sections.directions,
        texts,
      }}
      onFinish={(v) => save.mutate(v)}
    >
      <FiguresView f={review.figures.total} />
      <AreaFiguresView escaped={review.figures.householdsEscaped} resources={review.figures.resources} />
      <Form.Item name="number" label={t('coordination.review.number')} style={{ marginTop: 12 }}>
        <Input />
      </Form.Item>
      {review.figures.byContent.map((c) => (
        <Card
          key={c.contentId ?? 'general'}
          size="small"
          type="inner"
          title={c.position ? `${c.position}. ${c.title}` : t('coordination.review.general')}
          style={{ marginBottom: 12 }}
        >
          <FiguresView f={c.figures} />
          {c.contentId && (
            <Form.Item name={['texts', c.contentId]} style={{ marginTop: 8, marginBottom: 0 }}>
              <Input.TextArea rows={3} />
            </Form.Item>
          )}
        </Card>
      ))}
      <Form.Item name="difficulties" label={t('coordination.review.difficulties')}>
        <Input.TextArea rows={3} />
      </Form.Item>
      <Form.Item name="directions" label={t('coordination.review.directions')}>
        <Input.TextArea rows={3} />
      </Form.Item>
      <Space wrap>
        {review.canManage && (
          <>
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              {t('coordination.review.save')}
            </Button>
            <Button icon={<ReloadOutlined />} onClick={() => refresh.mutate()} loading={refresh.isPending}>
              {t('coordination.review.refresh')}
            </Button>
          </>
        )}
        <Button
          icon={<FileWordOutlined />}
          disabled={false}
          onClick={() => reviewApi.download(review).catch((e: unknown) => message.error(errorText(e)))}
        >
          {t('coordination.review.download')}
        </Button>
      </Space>
    </Form>
  );
}
