import { applicationDeadline, canList, canSurvey, type RoundState } from '../../../domain/review';
import type { Category } from '../../../domain/poverty';
import { foldAccents } from '../../../domain/text';
import type { Actor } from '../../platform/access';
import { recordAudit, type AuditEntry } from '../../platform/audit/audit';
import type { Db, Executor } from '../../platform/db/database';
import { errors } from '../../platform/errors';
import { currentStatuses, surveyForReview } from '../assessments/service';
import { getHousehold } from '../households/service';
import { loadSessionActor } from '../users/service';
import { villageNames } from '../villages/service';
import { reviewPolicy } from './policy';
import { presentCase } from './presenter';
import * as repo from './repo';
import type { CaseAddReq, CaseListReq, HouseholdCaseView, SurveyReq } from './schemas';
import { formatDate, refuseWrongState, requireRound, requireRoundVillage } from './service';

const caseNotFound = () => errors.notFound('hộ trong đợt rà soát', 'Listed household');

async function presentOne(db: Executor, row: repo.CaseRow) {
  const names = await villageNames(db, [row.villageId]);
  return presentCase(row, names.get(row.villageId) ?? '');
}

/** A household brought into the round by an application (Mẫu 01/04) or a village head's proposal. */
export async function addCase(db: Db, actor: Actor, roundId: string, input: CaseAddReq) {
  return db.transaction(async (tx) => {
    const round = await requireRound(tx, actor, roundId, true);
    if (!reviewPolicy.run(actor, round)) throw errors.forbidden();
    refuseWrongState(round, canList(round.state as RoundState), 'thêm hộ vào danh sách', 'list a household');
    const household = await getHousehold(tx, actor, input.householdId).catch(() => {
      throw errors.invalid('householdId', 'Hộ không tồn tại hoặc ngoài địa bàn.', 'Unknown or out-of-scope household.');
    });
    if (household.communeCode !== round.communeCode)
      throw errors.invalid(
        'householdId',
        'Hộ không thuộc xã của đợt rà soát.',
        "The household is not in the round's commune.",
      );
    if (household.archived) throw errors.invalid('householdId', 'Hộ đã lưu trữ.', 'The household is archived.');
    if (
      input.application &&
      (input.application.receivedOn > round.windowEnd || input.application.receivedOn < `${round.year - 1}-01-01`)
    )
      throw errors.invalid(
        'application.receivedOn',
        `Ngày nhận đơn phải trước khi kết thúc rà soát (${formatDate(round.windowEnd)}).`,
        `The application must be received before the review ends (${round.windowEnd}).`,
      );
    if (await repo.findCaseOfHousehold(tx, round.id, household.id))
      throw errors.conflict(
        'case_exists',
        `Hộ ${household.code} đã có trong danh sách rà soát.`,
        `Household ${household.code} is already listed.`,
        'householdId',
      );
    const status = (await currentStatuses(tx, [household.id])).get(household.id);
    const previous = status && status.year === round.year ? status.category : null;
    await repo.insertCases(tx, [
      {
        roundId: round.id,
        householdId: household.id,
        provinceCode: household.provinceCode,
        communeCode: household.communeCode,
        villageId: household.villageId,
        householdCode: household.code,
        headName: household.headName,
        searchKey: foldAccents(`${household.code} ${household.headName}`),
        reason: input.reason,
        previousCategory: previous,
        application: input.application ?? null,
        proposedBy: input.proposedBy ?? null,
      },
    ]);
    // A regular round is decided within 15 days of the first application it holds.
    if (
      round.kind === 'regular' &&
      input.application &&
      (!round.receivedOn || input.application.receivedOn < round.receivedOn)
    )
      await repo.updateRound(tx, round.id, round.version, {
        receivedOn: input.application.receivedOn,
        deadline: applicationDeadline(input.application.receivedOn),
      });
    const row = (await repo.findCaseOfHousehold(tx, round.id, household.id))!;
    const created = (await repo.findCase(tx, round.id, row.id))!;
    await recordAudit(tx, actor, {
      action: 'review.list_household',
      entity: 'review_round',
      entityId: round.id,
      area: round,
      after: {
        caseId: created.id,
        householdId: household.id,
        reason: input.reason,
        application: input.application ?? null,
      },
    });
    return presentOne(tx, created);
  });
}

/** The villages whose cases the actor sees: all (null) for officers, assigned ones for a reviewer. */
async function visibleVillages(db: Executor, actor: Actor, round: repo.RoundRow) {
  if (reviewPolicy.seeAllCases(actor, round)) return null;
  return repo.villagesOfReviewer(db, round.id, actor.id);
}

/** The work list: every case for officers; a reviewer's own villages only. */
export async function listCases(db: Db, actor: Actor, roundId: string, query: CaseListReq) {
  const round = await requireRound(db, actor, roundId);
  const villages = await visibleVillages(db, actor, round);
  const { items, total } = await repo.listCases(db, round.id, villages, query);
  const names = await villageNames(
    db,
    items.map((c) => c.villageId),
  );
  return { items: items.map((c) => presentCase(c, names.get(c.villageId) ?? '')), total };
}

/** A case the actor may survey (404 when it is not on their work list). */
async function caseToSurvey(db: Executor, actor: Actor, round: repo.RoundRow, caseId: string, lock: boolean) {
  const row = await repo.findCase(db, round.id, caseId, lock);
  if (!row) throw caseNotFound();
  const villages = await visibleVillages(db, actor, round);
  if (villages && !villages.includes(row.villageId)) throw caseNotFound();
  if (!reviewPolicy.survey(actor, round, villages ?? [], row.villageId)) throw errors.forbidden();
  return row;
}

export async function getCase(db: Db, actor: Actor, roundId: string, caseId: string) {
  const round = await requireRound(db, actor, roundId);
  const row = await repo.findCase(db, round.id, caseId);
  const villages = await visibleVillages(db, actor, round);
  if (!row || (villages && !villages.includes(row.villageId))) throw caseNotFound();
  return presentOne(db, row);
}

export function checkSurveyWindow(round: repo.RoundRow, input: Pick<SurveyReq, 'surveyDate'>) {
  if (input.surveyDate < round.windowStart || input.surveyDate > round.windowEnd)
    throw errors.invalid(
      'surveyDate',
      `Ngày điều tra phải trong thời gian rà soát ${formatDate(round.windowStart)} – ${formatDate(round.windowEnd)}.`,
      `The survey date must fall within the review window ${round.windowStart} – ${round.windowEnd}.`,
    );
}

export const assessmentInput = (round: repo.RoundRow, input: SurveyAnswers) => ({
  year: round.listYear,
  standard: round.standardId,
  surveyDate: input.surveyDate,
  incomePerCapitaMonthly: input.incomePerCapitaMonthly,
  incomeScore: input.incomeScore,
  overrides: input.overrides,
  causes: input.causes,
  note: input.note,
});

/** What the survey sheet decides so far, without saving (the sheet shows it as it is filled in). */
export async function previewSurvey(db: Db, actor: Actor, roundId: string, caseId: string, input: SurveyReq) {
  const round = await requireRound(db, actor, roundId);
  const row = await caseToSurvey(db, actor, round, caseId, false);
  checkSurveyWindow(round, input);
  return (await surveyForReview(db, actor, row.householdId, assessmentInput(round, input))).view;
}

/**
 * Save the survey sheet (a draft, or complete): the indicators are derived from the household's
 * registry data and classified under the round's standard by the assessments service.
 */
export async function saveSurvey(db: Db, actor: Actor, roundId: string, caseId: string, input: SurveyReq) {
  return db.transaction(async (tx) => {
    const round = await requireRound(tx, actor, roundId, true);
    const row = await caseToSurvey(tx, actor, round, caseId, true);
    refuseWrongState(round, canSurvey(round.state as RoundState), 'lưu phiếu điều tra', 'save a survey');
    if (row.status === 'agreed')
      throw errors.conflict(
        'case_agreed',
        'Kết quả của hộ đã được họp dân thống nhất; không sửa phiếu.',
        "The village meeting agreed this household's result; the survey is closed.",
      );
    if (row.version !== input.version) throw errors.staleVersion();
    checkSurveyWindow(round, input);
    const { view, row: result } = await surveyForReview(tx, actor, row.householdId, assessmentInput(round, input));
    const { version: _version, ...answers } = input;
    const updated = (await repo.updateCase(tx, row.id, row.version, {
      status: input.draft ? 'draft' : 'surveyed',
      survey: answers,
      result,
      proposedCategory: view.category,
      deprivations: view.deprivations,
      explanation: view.explanation,
      causes: input.causes,
    }))!;
    await recordAudit(tx, actor, surveyAudit(round, row, answers, view));
    return { case: await presentOne(tx, updated), result: view };
  });
}

/** A survey sheet's answers as the case keeps them (the request without its version). */
export type SurveyAnswers = Omit<SurveyReq, 'version'>;

/** The audit of a saved survey sheet: the answers that decided it and the result. */
export function surveyAudit(
  round: repo.RoundRow,
  row: Pick<repo.CaseRow, 'id' | 'householdId'>,
  answers: SurveyAnswers & { classificationId?: string },
  view: { category: string; deprivations: readonly string[] },
): AuditEntry {
  return {
    action: answers.draft ? 'review.survey_draft' : 'review.survey',
    entity: 'review_round',
    entityId: round.id,
    area: round,
    after: {
      caseId: row.id,
      householdId: row.householdId,
      surveyDate: answers.surveyDate,
      incomePerCapitaMonthly: answers.incomePerCapitaMonthly,
      incomeScore: answers.incomeScore,
      category: view.category,
      deprivations: view.deprivations,
      ...(answers.classificationId && { classificationId: answers.classificationId }),
    },
  };
}

/** The household's cases in every review round (the household page shows them). */
export async function householdCases(db: Db, actor: Actor, householdId: string): Promise<HouseholdCaseView[]> {
  await getHousehold(db, actor, householdId); // 404 outside the actor's area
  const rows = await repo.casesOfHousehold(db, householdId, actor.scope);
  return rows.map(({ round, case: c }) => ({
    roundId: round.id,
    caseId: c.id,
    year: round.year,
    listYear: round.listYear,
    kind: round.kind as HouseholdCaseView['kind'],
    roundState: round.state as RoundState,
    reason: c.reason as HouseholdCaseView['reason'],
    status: c.status as HouseholdCaseView['status'],
    previousCategory: c.previousCategory as Category | null,
    proposedCategory: c.proposedCategory as Category | null,
    finalCategory: c.finalCategory as Category | null,
    decisionNumber: round.decisionNumber,
    decisionDate: round.decisionDate,
  }));
}

/** Assign a reviewer (a user of the commune) to a village of the round. */
export async function assignReviewer(
  db: Db,
  actor: Actor,
  roundId: string,
  input: { userId: string; villageId: string },
) {
  return db.transaction(async (tx) => {
    const round = await requireRound(tx, actor, roundId, true);
    if (!reviewPolicy.run(actor, round)) throw errors.forbidden();
    refuseWrongState(round, round.state !== 'decided', 'phân công điều tra viên', 'assign a reviewer');
    const village = await requireRoundVillage(tx, actor, round, input.villageId);
    const user = await loadSessionActor(tx, input.userId);
    if (!user || !reviewPolicy.read(user.actor, round))
      throw errors.invalid(
        'userId',
        'Người dùng không tồn tại hoặc không làm việc tại xã này.',
        'Unknown user, or not of this commune.',
      );
    if (await repo.assignReviewer(tx, { roundId: round.id, userId: input.userId, villageId: input.villageId }))
      await recordAudit(tx, actor, {
        action: 'review.assign_reviewer',
        entity: 'review_round',
        entityId: round.id,
        area: round,
        after: {
          userId: input.userId,
          username: user.actor.username,
          villageId: village.id,
          villageName: village.name,
        },
      });
    return { reviewers: await repo.reviewersOf(tx, round.id) };
  });
}
