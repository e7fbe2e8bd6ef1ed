import type { Category } from '../../../domain/poverty';
import { actionsFrom, deadlineStatus, type RoundAction, type RoundState } from '../../../domain/review';
import type { PovertyCause } from '../../../domain/registry/codes';
import type { Actor } from '../../platform/access';
import { reviewPolicy } from './policy';
import type { CaseRow, RoundRow } from './repo';
import type { CaseView, RoundView } from './schemas';

/** Is the round late: a periodic one undecided after its window, a regular one after its deadline. */
export function isOverdue(round: Pick<RoundRow, 'state' | 'kind' | 'windowEnd' | 'deadline'>, today: string) {
  if (round.state === 'decided') return false;
  return today > (round.kind === 'regular' && round.deadline ? round.deadline : round.windowEnd);
}

/** The steps the actor may take now: officers move the round on, approvers decide and reopen. */
function allowedActions(actor: Actor, round: RoundRow): RoundAction[] {
  return actionsFrom(round.state as RoundState).filter((a) =>
    a === 'decide' || a === 'reopen' ? reviewPolicy.decide(actor, round) : reviewPolicy.run(actor, round),
  );
}

export function presentRound(
  actor: Actor,
  round: RoundRow,
  communeName: string,
  counts: RoundView['counts'],
  today: string,
): RoundView {
  return {
    id: round.id,
    provinceCode: round.provinceCode,
    communeCode: round.communeCode,
    communeName,
    year: round.year,
    kind: round.kind as RoundView['kind'],
    listYear: round.listYear,
    standardId: round.standardId,
    windowStart: round.windowStart,
    windowEnd: round.windowEnd,
    state: round.state as RoundState,
    overdue: isOverdue(round, today),
    receivedOn: round.receivedOn,
    deadline: round.deadline,
    deadlineStatus: round.deadline ? deadlineStatus(round.deadline, today, round.decisionDate) : null,
    postedOn: round.postedOn,
    postingEnds: round.postingEnds,
    decisionNumber: round.decisionNumber,
    decisionDate: round.decisionDate,
    signerName: round.signerName,
    refusalReason: round.refusalReason,
    counts,
    actions: allowedActions(actor, round),
    createdAt: round.createdAt.toISOString(),
    updatedAt: round.updatedAt.toISOString(),
    version: round.version,
  };
}

export function presentCase(row: CaseRow, villageName: string): CaseView {
  return {
    id: row.id,
    roundId: row.roundId,
    householdId: row.householdId,
    householdCode: row.householdCode,
    headName: row.headName,
    villageId: row.villageId,
    villageName,
    reason: row.reason as CaseView['reason'],
    previousCategory: (row.previousCategory as Category | null) ?? null,
    application: (row.application as CaseView['application']) ?? null,
    proposedBy: row.proposedBy,
    status: row.status as CaseView['status'],
    survey: (row.survey as Record<string, unknown> | null) ?? null,
    proposedCategory: (row.proposedCategory as Category | null) ?? null,
    deprivations: row.deprivations,
    explanation: (row.explanation as CaseView['explanation']) ?? null,
    causes: row.causes as PovertyCause[],
    meetingPresent: row.meetingPresent,
    meetingAgreeing: row.meetingAgreeing,
    finalCategory: (row.finalCategory as Category | null) ?? null,
    certificateNumber: row.certificateNumber,
    version: row.version,
  };
}
