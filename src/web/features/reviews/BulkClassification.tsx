import { ThunderboltOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Progress, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { todayInVietnam } from '../../../domain/calendar';
import { FormModal } from '../../components/FormModal';
import { useT } from '../../i18n';
import { formatDate } from '../../lib/format';
import { useUser } from '../auth/session';
import { DateInput, fromDayjs, toDayjs } from '../households/common';
import { reviewsApi, type Classification, type RoundDetail } from './api';
import { useRunsReviews } from './tags';

/** How often the page asks for a running job's progress. */
const POLL_MS = 1000;

/**
 * Bulk classification on the round's work list: who may start it (officers for the commune or a
 * village, a reviewer for their villages), the rule it follows, its progress while it runs and
 * what it left for a survey by hand.
 */
export function BulkClassification({ round }: { round: RoundDetail }) {
  const t = useT();
  const user = useUser();
  const runs = useRunsReviews();
  const queryClient = useQueryClient();
  const [starting, setStarting] = useState(false);
  const ownVillages = round.reviewers.filter((r) => r.userId === user.id).map((r) => r.villageId);
  const villages = round.villages.filter((v) => runs || ownVillages.includes(v.id));
  const latest = useQuery({
    queryKey: ['reviews', 'classification', round.id],
    queryFn: () => reviewsApi.classification(round.id),
    refetchInterval: (q) => (q.state.data?.job?.state === 'running' ? POLL_MS : false),
  });
  const job = latest.data?.job ?? null;
  const running = job?.state === 'running';
  // When a job finishes, the work list and the round's counts change.
  const finished = job && !running ? job.id : null;
  useEffect(() => {
    if (!finished) return;
    void queryClient.invalidateQueries({ queryKey: ['reviews', 'cases', round.id] });
    void queryClient.invalidateQueries({ queryKey: ['reviews', 'one', round.id] });
  }, [finished, round.id, queryClient]);

  const canStart = round.kind === 'periodic' && round.state === 'surveying' && villages.length > 0;
  if (!canStart && !job) return null;
  return (
    <Card size="small" className="bulk-classification" title={t('reviews.bulk.title')}>
      <Typography.Paragraph type="secondary">{t('reviews.bulk.rule')}</Typography.Paragraph>
      {job && <JobStatus job={job} villageName={round.villages.find((v) => v.id === job.villageId)?.name} />}
      {canStart && (
        <Button icon={<ThunderboltOutlined />} disabled={running} onClick={() => setStarting(true)}>
          {t('reviews.bulk.start')}
        </Button>
      )}
      {starting && (
        <StartModal
          round={round}
          villages={villages}
          wholeCommune={runs}
          onClose={() => setStarting(false)}
          onStarted={(started) => queryClient.setQueryData(['reviews', 'classification', round.id], { job: started })}
        />
      )}
    </Card>
  );
}

function JobStatus({ job, villageName }: { job: Classification; villageName?: string }) {
  const t = useT();
  const where = villageName ?? t('reviews.bulk.wholeCommune');
  const left = job.noIncome + job.incomplete + job.applied;
  if (job.state === 'running')
    return (
      <div role="status" aria-live="polite" className="bulk-progress">
        <Typography.Text>
          {t('reviews.bulk.running', { where, done: job.done, total: job.total, name: job.startedByName })}
        </Typography.Text>
        <Progress percent={job.total ? Math.floor((job.done * 100) / job.total) : 100} status="active" />
      </div>
    );
  return (
    <Alert
      showIcon
      className="bulk-result"
      type={job.state === 'done' ? 'success' : 'warning'}
      title={
        job.state === 'done'
          ? t('reviews.bulk.done', { where, classified: job.classified, date: formatDate(job.surveyDate) })
          : t(`reviews.bulk.stopped.${job.stopReason ?? 'error'}`, { classified: job.classified })
      }
      description={
        <Space direction="vertical" size={0}>
          {left > 0 && (
            <span>
              {t('reviews.bulk.left', {
                left,
                noIncome: job.noIncome,
                incomplete: job.incomplete,
                applied: job.applied,
              })}
            </span>
          )}
          {job.kept > 0 && <span>{t('reviews.bulk.kept', { kept: job.kept })}</span>}
          <span>{t('reviews.bulk.by', { name: job.startedByName })}</span>
        </Space>
      }
    />
  );
}

interface StartValues {
  villageId: string;
  surveyDate: Dayjs;
}

const WHOLE = 'all';

function StartModal({
  round,
  villages,
  wholeCommune,
  onClose,
  onStarted,
}: {
  round: RoundDetail;
  villages: RoundDetail['villages'];
  wholeCommune: boolean;
  onClose: () => void;
  onStarted: (job: Classification) => unknown;
}) {
  const t = useT();
  const today = todayInVietnam();
  return (
    <FormModal
      open
      title={t('reviews.bulk.title')}
      okText={t('reviews.bulk.go')}
      intro={<Alert type="info" showIcon title={t('reviews.bulk.intro')} className="modal-intro" />}
      initialValues={{
        villageId: wholeCommune ? WHOLE : villages[0]?.id,
        surveyDate: toDayjs(today < round.windowEnd ? today : round.windowEnd),
      }}
      onClose={onClose}
      submit={(v: StartValues) =>
        reviewsApi.classify(round.id, {
          ...(v.villageId !== WHOLE && { villageId: v.villageId }),
          surveyDate: fromDayjs(v.surveyDate),
        })
      }
      onSaved={async (job) => {
        await onStarted(job);
        onClose();
      }}
    >
      <Form.Item name="villageId" label={t('reviews.village')} rules={[{ required: true }]}>
        <Select
          options={[
            ...(wholeCommune ? [{ value: WHOLE, label: t('reviews.bulk.wholeCommune') }] : []),
            ...villages.map((v) => ({ value: v.id, label: `${v.name} (${v.cases})` })),
          ]}
        />
      </Form.Item>
      <Form.Item
        name="surveyDate"
        label={t('households.surveyDate')}
        extra={t('reviews.bulk.surveyDateHelp')}
        rules={[{ required: true, message: t('households.surveyDateRequired') }]}
      >
        <DateInput />
      </Form.Item>
    </FormModal>
  );
}
