import { Form, Input, Progress, Typography } from 'antd';
import { useState } from 'react';
import type { Dayjs } from 'dayjs';
import { todayInVietnam } from '../../../domain/calendar';
import { FormModal } from '../../components/FormModal';
import { useT } from '../../i18n';
import { formatDate } from '../../lib/format';
import { DateInput, fromDayjs, toDayjs } from '../households/common';
import { reviewsApi, type RoundDetail } from './api';

export type StepDialog = 'start_posting' | 'decide' | 'reopen';

/** The steps that ask for something: the posting date, the decision, the reason for reopening. */
export function StepModal({
  dialog,
  round,
  onClose,
  onDone,
}: {
  dialog: StepDialog;
  round: RoundDetail;
  onClose: () => void;
  onDone: () => unknown;
}) {
  const t = useT();
  const [deciding, setDeciding] = useState<{ done: number; total: number } | null>(null);
  const done = async () => {
    await onDone();
    onClose();
  };
  const version = round.version;
  if (dialog === 'start_posting')
    return (
      <FormModal
        open
        title={t('reviews.actions.start_posting')}
        okText={t('reviews.actions.start_posting')}
        intro={<p>{t('reviews.postingIntro')}</p>}
        initialValues={{ postedOn: toDayjs(todayInVietnam()) }}
        onClose={onClose}
        submit={(v: { postedOn: Dayjs }) => reviewsApi.post(round.id, { postedOn: fromDayjs(v.postedOn), version })}
        onSaved={done}
      >
        <Form.Item name="postedOn" label={t('reviews.postedOn')} rules={[{ required: true }]}>
          <DateInput />
        </Form.Item>
      </FormModal>
    );
  if (dialog === 'decide')
    return (
      <FormModal
        open
        title={t('reviews.actions.decide')}
        okText={t('reviews.actions.decide')}
        intro={<p>{t('reviews.decideIntro', { date: formatDate(round.postingEnds), listYear: round.listYear })}</p>}
        initialValues={{ decisionDate: toDayjs(todayInVietnam()) }}
        onClose={onClose}
        submit={(v: { decisionNumber: string; decisionDate: Dayjs; signerName: string; refusalReason?: string }) =>
          reviewsApi
            .decide(
              round.id,
              {
                decisionNumber: v.decisionNumber.trim(),
                decisionDate: fromDayjs(v.decisionDate),
                signerName: v.signerName.trim(),
                refusalReason: v.refusalReason?.trim() || null,
                version,
              },
              setDeciding,
            )
            .finally(() => setDeciding(null))
        }
        onSaved={done}
      >
        <Form.Item
          name="decisionNumber"
          label={t('reviews.decisionNumber')}
          extra={t('reviews.decisionNumberHelp')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="decisionDate" label={t('reviews.decisionDate')} rules={[{ required: true }]}>
          <DateInput />
        </Form.Item>
        <Form.Item name="signerName" label={t('reviews.signerName')} rules={[{ required: true, whitespace: true }]}>
          <Input autoComplete="off" />
        </Form.Item>
        {round.kind === 'regular' && (
          <Form.Item name="refusalReason" label={t('reviews.refusalReason')} extra={t('reviews.refusalReasonHelp')}>
            <Input.TextArea rows={3} />
          </Form.Item>
        )}
        {deciding && (
          // A commune's thousands of results take seconds to write: how far it got.
          <>
            <Typography.Text type="secondary">{t('reviews.deciding', { ...deciding })}</Typography.Text>
            <Progress percent={Math.floor((deciding.done * 100) / Math.max(deciding.total, 1))} status="active" />
          </>
        )}
      </FormModal>
    );
  return (
    <FormModal
      open
      danger
      title={t('reviews.actions.reopen')}
      okText={t('reviews.actions.reopen')}
      intro={<p>{t('reviews.reopenIntro')}</p>}
      onClose={onClose}
      submit={(v: { reason: string }) => reviewsApi.reopen(round.id, { reason: v.reason.trim(), version })}
      onSaved={done}
    >
      <Form.Item
        name="reason"
        label={t('reviews.reopenReason')}
        rules={[{ required: true, whitespace: true, message: t('reviews.reopenReasonRequired') }]}
      >
        <Input.TextArea rows={3} />
      </Form.Item>
    </FormModal>
  );
}
