import { ArrowLeftOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Space, Steps, Tabs, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { ROUND_STATE_LABELS, ROUND_STATES, type RoundAction, type RoundState } from '../../../domain/review';
import { ErrorResult, FullPageSpin } from '../../components/Results';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n';
import { useErrorText } from '../../lib/errors';
import { formatDate, formatDateTime } from '../../lib/format';
import { useIsMobile } from '../../lib/useIsMobile';
import { REVIEWS_PATH, reviewsApi, type RoundDetail } from './api';
import { CasesTab } from './CasesTab';
import { DecisionTab } from './DecisionTab';
import { MeetingsTab } from './MeetingsTab';
import { PostingTab } from './PostingTab';
import { ReviewersTab } from './ReviewersTab';
import { StepModal, type StepDialog } from './StepModals';
import { DeadlineTag, KindTag, StateTag } from './tags';

export const roundQuery = (id: string) => ({
  queryKey: ['reviews', 'one', id] as const,
  queryFn: () => reviewsApi.get(id),
});

/** The steps without input of their own; posting, deciding and reopening ask for it in a dialog. */
const PLAIN_STEPS: Partial<Record<RoundAction, 'listing' | 'survey' | 'meetings'>> = {
  start_listing: 'listing',
  start_survey: 'survey',
  start_meetings: 'meetings',
};

export function RoundPage() {
  const { id = '' } = useParams();
  const round = useQuery(roundQuery(id));
  if (round.isPending) return <FullPageSpin />;
  if (round.isError) return <ErrorResult error={round.error} />;
  return <RoundView round={round.data} />;
}

function RoundView({ round }: { round: RoundDetail }) {
  const t = useT();
  const errorText = useErrorText();
  const isMobile = useIsMobile();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const [dialog, setDialog] = useState<StepDialog | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['reviews'] });
  const plainStep = useMutation({
    mutationFn: (path: 'listing' | 'survey' | 'meetings') => reviewsApi.step(round.id, path, round.version),
    onSuccess: refresh,
  });
  const current = ROUND_STATES.indexOf(round.state);

  const tabs = [
    { key: 'cases', label: t('reviews.tabs.cases'), children: <CasesTab round={round} /> },
    { key: 'reviewers', label: t('reviews.tabs.reviewers'), children: <ReviewersTab round={round} /> },
    { key: 'meetings', label: t('reviews.tabs.meetings'), children: <MeetingsTab round={round} /> },
    { key: 'posting', label: t('reviews.tabs.posting'), children: <PostingTab round={round} /> },
    { key: 'decision', label: t('reviews.tabs.decision'), children: <DecisionTab round={round} /> },
    { key: 'history', label: t('reviews.tabs.history'), children: <History round={round} /> },
  ];

  return (
    <div className="page">
      <Link to={REVIEWS_PATH} className="back-link">
        <ArrowLeftOutlined /> {t('reviews.title')}
      </Link>
      <PageHeader
        title={`${t('reviews.roundName', { kind: t(`reviews.kindName.${round.kind}`), year: round.year })} — ${round.communeName}`}
        description={t('reviews.roundLine', {
          listYear: round.listYear,
          standard: round.standardId,
          from: formatDate(round.windowStart),
          to: formatDate(round.windowEnd),
        })}
        extra={
          <Space wrap>
            {round.actions.map((action) => {
              const path = PLAIN_STEPS[action];
              return (
                <Button
                  key={action}
                  type={action === 'reopen' ? 'default' : 'primary'}
                  danger={action === 'reopen'}
                  loading={path !== undefined && plainStep.isPending && plainStep.variables === path}
                  onClick={() => {
                    plainStep.reset();
                    if (path) plainStep.mutate(path);
                    else setDialog(action as StepDialog);
                  }}
                >
                  {t(`reviews.actions.${action}`)}
                </Button>
              );
            })}
          </Space>
        }
      />
      {plainStep.isError && (
        <Alert type="error" showIcon className="page-alert" title={errorText(plainStep.error)} role="alert" />
      )}
      <Space wrap className="page-alert">
        <KindTag kind={round.kind} />
        <StateTag state={round.state} />
        <DeadlineTag round={round} />
        {round.deadline && (
          <Typography.Text type="secondary">
            {t('reviews.deadlineLine', {
              received: formatDate(round.receivedOn),
              deadline: formatDate(round.deadline),
            })}
          </Typography.Text>
        )}
      </Space>
      {round.state === 'decided' && (
        <Alert
          type="success"
          showIcon
          className="page-alert"
          title={t('reviews.decidedLine', {
            number: round.decisionNumber ?? '',
            date: formatDate(round.decisionDate),
            signer: round.signerName ?? '',
          })}
        />
      )}
      <Card className="form-section">
        <Steps
          size="small"
          // On a phone, the compact inline bar: the six steps as dots, the current one named below.
          type={isMobile ? 'inline' : 'default'}
          current={round.state === 'decided' ? ROUND_STATES.length : current}
          items={ROUND_STATES.map((s: RoundState) => ({ title: t.label(ROUND_STATE_LABELS[s]) }))}
        />
        <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0' }}>
          {isMobile && <strong>{t.label(ROUND_STATE_LABELS[round.state])}: </strong>}
          {t(`reviews.stepHelp.${round.state}`)}
        </Typography.Paragraph>
      </Card>
      <Tabs
        activeKey={params.get('tab') ?? 'cases'}
        onChange={(tab) => setParams({ tab }, { replace: true })}
        items={tabs}
      />
      {dialog && <StepModal dialog={dialog} round={round} onClose={() => setDialog(null)} onDone={refresh} />}
    </div>
  );
}

function History({ round }: { round: RoundDetail }) {
  const t = useT();
  return (
    <Card>
      <Timeline
        items={round.events.map((e, i) => ({
          key: i,
          color: e.action === 'reopen' ? 'red' : e.action === 'decide' ? 'green' : 'blue',
          children: (
            <>
              <Typography.Text strong>{t(`reviews.events.${e.action as RoundAction | 'create'}`)}</Typography.Text>{' '}
              <Typography.Text type="secondary">
                {formatDateTime(e.at)} · {e.actorName}
              </Typography.Text>
              {e.reason && <div>{t('reviews.reasonLine', { reason: e.reason })}</div>}
            </>
          ),
        }))}
      />
    </Card>
  );
}
