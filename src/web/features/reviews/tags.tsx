import { Tag } from 'antd';
import { ROUND_STATE_LABELS, type RoundState } from '../../../domain/review';
import { useT } from '../../i18n';
import { useUser } from '../auth/session';
import type { CaseStatus, Round, RoundKind } from './api';

const STATE_COLORS: Record<RoundState, string> = {
  planned: 'default',
  listing: 'blue',
  surveying: 'cyan',
  meetings: 'purple',
  posting: 'orange',
  decided: 'green',
};

export function StateTag({ state }: { state: RoundState }) {
  const t = useT();
  return <Tag color={STATE_COLORS[state]}>{t.label(ROUND_STATE_LABELS[state])}</Tag>;
}

export function KindTag({ kind }: { kind: RoundKind }) {
  const t = useT();
  return <Tag color={kind === 'periodic' ? 'geekblue' : 'gold'}>{t(`reviews.kind.${kind}`)}</Tag>;
}

const CASE_COLORS: Record<CaseStatus, string> = {
  pending: 'default',
  draft: 'blue',
  surveyed: 'cyan',
  agreed: 'green',
  resurvey: 'red',
};

export function CaseStatusTag({ status }: { status: CaseStatus }) {
  const t = useT();
  return <Tag color={CASE_COLORS[status]}>{t(`reviews.caseStatus.${status}`)}</Tag>;
}

/** Late, or soon due: a regular round against its 15-day deadline, a periodic one against its window. */
export function DeadlineTag({ round }: { round: Pick<Round, 'overdue' | 'deadlineStatus'> }) {
  const t = useT();
  if (round.overdue || round.deadlineStatus === 'overdue') return <Tag color="red">{t('reviews.overdue')}</Tag>;
  if (round.deadlineStatus === 'due_soon') return <Tag color="orange">{t('reviews.dueSoon')}</Tag>;
  if (round.deadlineStatus === 'decided_late') return <Tag color="volcano">{t('reviews.decidedLate')}</Tag>;
  return null;
}

/** Officers and administrators run rounds (the server decides for each step). */
export function useRunsReviews(): boolean {
  const user = useUser();
  return user.roles.includes('officer') || user.roles.includes('admin');
}
