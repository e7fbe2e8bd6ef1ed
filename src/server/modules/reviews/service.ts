import { todayInVietnam } from '../../../domain/calendar';
import { standardForYear } from '../../../domain/poverty';
import {
  nextState,
  periodicWindow,
  POSTING_WORKING_DAYS,
  validReason,
  workingCalendar,
  type RoundAction,
  type RoundState,
} from '../../../domain/review';
import { foldAccents } from '../../../domain/text';
import type { Actor } from '../../platform/access';
import { recordAudit } from '../../platform/audit/audit';
import type { OnProgress } from '../../platform/progress';
import type { Db, Executor } from '../../platform/db/database';
import { errors, whenUniqueViolated } from '../../platform/errors';
import { requireCurrentUnit, unitNames } from '../admin-units/service';
import { householdsOnLists, recordReviewDecision, type ReviewedResult } from '../assessments/service';
import { standardsIn } from '../poverty/service';
import { requireVillage, villageNames } from '../villages/service';
import { reviewPolicy } from './policy';
import { presentRound } from './presenter';
import * as repo from './repo';
import { dropSummary, summariseDecision } from './rollup';
import type { DecideReq, RoundCreateReq, RoundListReq } from './schemas';

export const roundNotFound = () => errors.notFound('đợt rà soát', 'Review round');

const roundTaken = (year: number) => () =>
  errors.conflict(
    'round_exists',
    `Xã đã có đợt rà soát định kỳ năm ${year}.`,
    `The commune already has a periodic review round for ${year}.`,
    'year',
  );

/** The round, in the actor's scope (404 outside it); locked when `lock` inside a transaction. */
export async function requireRound(db: Executor, actor: Actor, id: string, lock = false) {
  const round = await repo.findRound(db, id, actor.scope, lock);
  if (!round) throw roundNotFound();
  return round;
}

/** A village (field `villageId`) of the round's commune, in the actor's scope. */
export async function requireRoundVillage(db: Executor, actor: Actor, round: repo.RoundRow, villageId: string) {
  const village = await requireVillage(db, actor, villageId, 'villageId');
  if (village.communeCode !== round.communeCode)
    throw errors.invalid(
      'villageId',
      'Thôn không thuộc xã của đợt rà soát.',
      "The village is not in the round's commune.",
    );
  return village;
}

export function refuseWrongState(round: repo.RoundRow, allowed: boolean, stepVi: string, stepEn: string) {
  if (allowed) return;
  if (round.state === 'decided')
    throw errors.conflict(
      'round_decided',
      `Đợt rà soát đã có quyết định ${round.decisionNumber ?? ''}: kết quả đã khóa; chỉ người phê duyệt mở lại được (ghi rõ lý do).`,
      `The round was decided (${round.decisionNumber ?? ''}): its results are locked; only an approver may reopen it, with a reason.`,
    );
  throw errors.conflict(
    'round_wrong_state',
    `Không ${stepVi} được ở bước hiện tại của đợt rà soát.`,
    `Cannot ${stepEn} at the round's current step (${round.state}).`,
  );
}

async function presentOne(db: Executor, actor: Actor, round: repo.RoundRow) {
  const [names, counts] = await Promise.all([unitNames(db, [round.communeCode]), repo.roundCounts(db, [round.id])]);
  return presentRound(
    actor,
    round,
    names.get(round.communeCode) ?? round.communeCode,
    counts.get(round.id)!,
    todayInVietnam(),
  );
}

const auditRound = (round: repo.RoundRow) => ({
  roundId: round.id,
  communeCode: round.communeCode,
  year: round.year,
  kind: round.kind,
  listYear: round.listYear,
  standard: round.standardId,
  state: round.state,
  decisionNumber: round.decisionNumber,
  refusalReason: round.refusalReason,
});

// ---- rounds ----

export async function createRound(db: Db, actor: Actor, input: RoundCreateReq) {
  const unit = await requireCurrentUnit(db, input.communeCode, 'communeCode', 'commune');
  if (!reviewPolicy.read(actor, unit.area)) throw errors.outOfScope();
  if (!reviewPolicy.run(actor, unit.area)) throw errors.forbidden();
  const listYear = input.kind === 'periodic' ? input.year + 1 : input.year;
  const all = await standardsIn(db, unit.area.provinceCode);
  const standardId = input.standard ?? standardForYear(listYear, all)?.id;
  const standard = all.find((s) => s.id === standardId);
  if (!standard || !standard.years.includes(listYear))
    throw errors.invalid(
      'standard',
      `Chưa có chuẩn nghèo áp dụng cho danh sách năm ${listYear}${input.standard ? ` (${input.standard})` : ''}.`,
      `No standard ${input.standard ?? ''} applies to the ${listYear} list.`,
    );
  const window =
    input.kind === 'periodic'
      ? periodicWindow(input.year)
      : { start: `${input.year}-01-01`, end: `${input.year}-12-31` };
  const windowStart = input.windowStart ?? window.start;
  const windowEnd = input.windowEnd ?? window.end;
  if (!windowStart.startsWith(String(input.year)) || !windowEnd.startsWith(String(input.year)))
    throw errors.invalid(
      'windowStart',
      `Thời gian rà soát phải trong năm ${input.year}.`,
      `The window must lie in ${input.year}.`,
    );
  return db
    .transaction(async (tx) => {
      const round = await repo.insertRound(tx, {
        provinceCode: unit.area.provinceCode!,
        communeCode: unit.code,
        year: input.year,
        kind: input.kind,
        listYear,
        standardId: standard.id,
        windowStart,
        windowEnd,
      });
      await repo.insertEvent(tx, {
        roundId: round.id,
        action: 'create',
        fromState: 'planned',
        toState: 'planned',
        actorId: actor.id,
        actorName: actor.fullName,
      });
      await recordAudit(tx, actor, {
        action: 'review.create',
        entity: 'review_round',
        entityId: round.id,
        area: round,
        after: auditRound(round),
      });
      return presentOne(tx, actor, round);
    })
    .catch(whenUniqueViolated('review_rounds_periodic', roundTaken(input.year)));
}

export async function listRounds(db: Db, actor: Actor, query: RoundListReq) {
  const { items, total } = await repo.listRounds(db, actor.scope, query);
  const [names, counts] = await Promise.all([
    unitNames(
      db,
      items.map((r) => r.communeCode),
    ),
    repo.roundCounts(
      db,
      items.map((r) => r.id),
    ),
  ]);
  const today = todayInVietnam();
  return {
    items: items.map((r) =>
      presentRound(actor, r, names.get(r.communeCode) ?? r.communeCode, counts.get(r.id)!, today),
    ),
    total,
  };
}

export async function getRound(db: Db, actor: Actor, id: string) {
  const round = await requireRound(db, actor, id);
  const [view, events, byVillage, reviewers, candidates, meetings, complaints] = await Promise.all([
    presentOne(db, actor, round),
    repo.eventsOf(db, id),
    repo.casesByVillage(db, id),
    repo.reviewersOf(db, id),
    // Only those who assign reviewers see who could be assigned.
    reviewPolicy.run(actor, round) ? repo.reviewerCandidates(db, round) : [],
    repo.meetingsOf(db, id),
    repo.complaintsOf(db, id),
  ]);
  const names = await villageNames(
    db,
    byVillage.map((v) => v.villageId),
  );
  return {
    ...view,
    events: events.map((e) => ({
      action: e.action,
      fromState: e.fromState,
      toState: e.toState,
      actorName: e.actorName,
      reason: e.reason,
      at: e.at.toISOString(),
    })),
    villages: byVillage
      .map((v) => ({ id: v.villageId, name: names.get(v.villageId) ?? '', cases: v.cases }))
      .sort((a, b) => a.name.localeCompare(b.name, 'vi')),
    reviewers,
    reviewerCandidates: candidates,
    meetings: meetings.map((m) => {
      const votes = m.votes as { agreed: boolean }[];
      const agreed = votes.filter((v) => v.agreed).length;
      return {
        id: m.id,
        villageId: m.villageId,
        heldOn: m.heldOn,
        chair: m.chair,
        present: m.present,
        agreed,
        notAgreed: votes.length - agreed,
      };
    }),
    complaints: complaints.map(({ complaint: c, householdCode }) => ({
      id: c.id,
      caseId: c.caseId,
      householdCode,
      receivedOn: c.receivedOn,
      complainant: c.complainant,
      content: c.content,
      resolved: c.resolved,
      findings: c.recheckFindings,
      outcomeCategory: (c.outcomeCategory as 'poor' | null) ?? null,
      changed: c.changed,
      repostedOn: c.repostedOn,
      version: c.version,
    })),
  };
}

// ---- steps ----

const STEP_TEXT: Record<RoundAction, { vi: string; en: string }> = {
  start_listing: { vi: 'bắt đầu lập danh sách', en: 'start listing' },
  start_survey: { vi: 'bắt đầu điều tra', en: 'start the survey' },
  start_meetings: { vi: 'chuyển sang họp dân', en: 'move to village meetings' },
  start_posting: { vi: 'niêm yết công khai', en: 'post the lists' },
  decide: { vi: 'ra quyết định', en: 'decide' },
  reopen: { vi: 'mở lại', en: 'reopen' },
};

interface StepOptions {
  /** Checks and changes done inside the transaction, before the state moves. */
  apply?: (tx: Executor, round: repo.RoundRow) => Promise<Partial<repo.NewRoundRow> | void>;
  reason?: string;
}

/** Move a round one step (a named business action), with its event and audit in one transaction. */
async function step(db: Db, actor: Actor, id: string, version: number, action: RoundAction, options: StepOptions = {}) {
  return db.transaction(async (tx) => {
    const round = await requireRound(tx, actor, id, true);
    const allowed = action === 'decide' || action === 'reopen' ? reviewPolicy.decide : reviewPolicy.run;
    if (!allowed(actor, round)) throw errors.forbidden();
    const to = nextState(round.state as RoundState, action);
    if (!to) refuseWrongState(round, false, STEP_TEXT[action].vi, STEP_TEXT[action].en);
    if (round.version !== version) throw errors.staleVersion();
    const patch = (await options.apply?.(tx, round)) ?? {};
    const updated = (await repo.updateRound(tx, id, version, { ...patch, state: to! }))!;
    await repo.insertEvent(tx, {
      roundId: id,
      action,
      fromState: round.state,
      toState: to!,
      actorId: actor.id,
      actorName: actor.fullName,
      // A decision refusing an application keeps its written reasons in the round's history too.
      reason: options.reason ?? patch.refusalReason ?? null,
    });
    await recordAudit(tx, actor, {
      action: `review.${action}`,
      entity: 'review_round',
      entityId: id,
      area: round,
      before: auditRound(round),
      after: { ...auditRound(updated), ...(options.reason ? { reason: options.reason } : {}) },
    });
    return presentOne(tx, actor, updated);
  });
}

/** Listing a periodic round starts by bringing in the households on the current poor and near-poor lists. */
export function startListing(db: Db, actor: Actor, id: string, version: number) {
  return step(db, actor, id, version, 'start_listing', {
    apply: async (tx, round) => {
      // A regular round reviews the applications received; a periodic one every listed household.
      if (round.kind !== 'periodic') return;
      const listed = await householdsOnLists(tx, round, round.year);
      await repo.insertCases(
        tx,
        listed.map((h) => ({
          roundId: round.id,
          householdId: h.householdId,
          provinceCode: h.provinceCode,
          communeCode: h.communeCode,
          villageId: h.villageId,
          householdCode: h.code,
          headName: h.headName,
          searchKey: foldAccents(`${h.code} ${h.headName}`),
          reason: h.category === 'poor' ? 'current_poor' : 'current_near_poor',
          previousCategory: h.category,
        })),
      );
    },
  });
}

export function startSurvey(db: Db, actor: Actor, id: string, version: number) {
  return step(db, actor, id, version, 'start_survey', {
    apply: async (tx, round) => {
      if ((await repo.roundCounts(tx, [round.id])).get(round.id)!.cases === 0)
        throw errors.conflict('round_empty', 'Chưa có hộ nào trong danh sách rà soát.', 'No household is listed yet.');
    },
  });
}

export function startMeetings(db: Db, actor: Actor, id: string, version: number) {
  return step(db, actor, id, version, 'start_meetings', {
    apply: async (tx, round) => {
      const open = await repo.casesNotIn(tx, round.id, ['surveyed', 'agreed']);
      if (open > 0)
        throw errors.conflict(
          'survey_incomplete',
          `Còn ${open} hộ chưa hoàn thành phiếu điều tra.`,
          `${open} households have no completed survey yet.`,
        );
    },
  });
}

export function startPosting(db: Db, actor: Actor, id: string, input: { version: number; postedOn: string }) {
  return step(db, actor, id, input.version, 'start_posting', {
    apply: async (tx, round) => {
      const open = await repo.casesNotIn(tx, round.id, ['agreed']);
      if (open > 0)
        throw errors.conflict(
          'meetings_incomplete',
          `Còn ${open} hộ chưa được họp dân thống nhất (quá nửa số người dự họp đồng ý).`,
          `${open} households have not been agreed by a village meeting.`,
        );
      if (input.postedOn < round.windowStart)
        throw errors.invalid('postedOn', 'Ngày niêm yết trước thời gian rà soát.', 'Posting before the review window.');
      await repo.finaliseAgreed(tx, round.id);
      return { postedOn: input.postedOn, postingEnds: workingCalendar.periodEnd(input.postedOn, POSTING_WORKING_DAYS) };
    },
  });
}

/**
 * The commune chairman's decision: after the posting period, with every complaint re-checked;
 * each result becomes the household's official status for the list year (the assessments
 * service records it under the decision), and certificates are numbered.
 */
export function decideRound(db: Db, actor: Actor, id: string, input: DecideReq, onProgress?: OnProgress) {
  return step(db, actor, id, input.version, 'decide', {
    apply: async (tx, round) => {
      if (round.postingEnds && input.decisionDate <= round.postingEnds)
        throw errors.invalid(
          'decisionDate',
          `Quyết định phải sau khi hết thời gian niêm yết (${formatDate(round.postingEnds)}).`,
          `The decision must follow the end of the posting period (${round.postingEnds}).`,
        );
      if (input.decisionDate > todayInVietnam())
        throw errors.invalid('decisionDate', 'Ngày quyết định chưa đến.', 'The decision date is in the future.');
      const { openComplaints } = (await repo.roundCounts(tx, [round.id])).get(round.id)!;
      if (openComplaints > 0)
        throw errors.conflict(
          'complaints_open',
          `Còn ${openComplaints} khiếu nại chưa phúc tra xong.`,
          `${openComplaints} complaints are still being re-checked.`,
        );
      const cases = await repo.allCases(tx, round.id);
      const refused = cases.filter(applicationRefused);
      if (refused.length > 0 && !input.refusalReason)
        throw errors.invalid(
          'refusalReason',
          `Đơn của hộ ${refused.map((c) => c.householdCode).join(', ')} không được công nhận: ghi rõ lý do để trả lời người làm đơn bằng văn bản.`,
          `The application of ${refused.map((c) => c.householdCode).join(', ')} is refused: give the written reasons.`,
        );
      const results = cases.map((c) => ({ ...(c.result as ReviewedResult), category: c.finalCategory! }));
      // Progress: households whose result is written (the longest part of a decision).
      onProgress?.(0, results.length);
      const decision = { number: input.decisionNumber, date: input.decisionDate };
      await recordReviewDecision(tx, actor, decision, results, onProgress);
      await repo.numberCertificates(tx, round.id);
      await summariseDecision(tx, round);
      return {
        decisionNumber: input.decisionNumber,
        decisionDate: input.decisionDate,
        signerName: input.signerName,
        refusalReason: refused.length > 0 ? input.refusalReason! : null,
      };
    },
  });
}

/**
 * An application the decision does not grant: Mẫu 01 asks to be recognised as poor or near-poor,
 * Mẫu 04 to be recognised as having escaped poverty. A refusal is answered in writing, with reasons.
 */
export function applicationRefused(c: repo.CaseRow) {
  const form = (c.application as { form?: string } | null)?.form;
  const listed = c.finalCategory === 'poor' || c.finalCategory === 'near_poor';
  if (form === 'mau_01') return !listed;
  if (form === 'mau_04') return c.finalCategory === c.previousCategory && listed;
  return false;
}

/** Only an approver reopens a decided round, with a written reason (recorded and shown). */
export function reopenRound(db: Db, actor: Actor, id: string, input: { version: number; reason: string }) {
  if (!validReason(input.reason))
    throw errors.invalid('reason', 'Ghi rõ lý do mở lại.', 'Write the reason for reopening.');
  return step(db, actor, id, input.version, 'reopen', { reason: input.reason, apply: dropSummary });
}

export const formatDate = (iso: string) => iso.split('-').reverse().join('/');
