import { todayInVietnam } from '../../../domain/calendar';
import { carriedIncomeYears } from '../../../domain/review';
import type { Actor } from '../../platform/access';
import { recordAudit, recordAudits } from '../../platform/audit/audit';
import type { Db, Executor } from '../../platform/db/database';
import { errors, whenUniqueViolated } from '../../platform/errors';
import { surveyedIncomes, surveysForReview } from '../assessments/service';
import { loadSessionActor } from '../users/service';
import { assessmentInput, checkSurveyWindow, surveyAudit, type SurveyAnswers } from './cases';
import * as jobs from './classification-repo';
import { reviewPolicy } from './policy';
import * as repo from './repo';
import type { ClassificationStartReq, ClassificationView } from './schemas';
import { refuseWrongState, requireRound, requireRoundVillage } from './service';

/**
 * Bulk classification (phân loại hàng loạt) of a periodic round's cases that have no survey sheet
 * yet: each household listed from the current lists gets the sheet a surveyor would save —
 * indicators derived from the registry as it stands, the income its own last survey recorded
 * (`carriedIncomeYears`), the causes it gave — classified by the same code as a sheet saved by
 * hand, and marked as filled from the registry. Surveyors review and correct any of them until
 * the village meeting, which votes on every one. Never touched: sheets saved by hand, and cases
 * listed by an application or a village head's proposal (their circumstances are what changed).
 *
 * It runs in the server's background a batch per transaction (the page polls its progress); the
 * job row keeps where the next batch starts, so a restarted server resumes it.
 */

/** Cases per transaction: a surveyor saving a sheet never waits long behind a batch. */
const BATCH = 250;

/** Jobs running in this process: stopped between batches when the server closes. */
const running = new Map<string, { stop: boolean; done: Promise<void> }>();

const jobRunning = () =>
  errors.conflict(
    'classification_running',
    'Đợt rà soát đang được phân loại hàng loạt; chờ xong rồi chạy lại.',
    'A bulk classification of this round is running; wait for it to finish.',
  );

export function presentClassification(job: jobs.ClassificationRow): ClassificationView {
  return {
    id: job.id,
    state: job.state as ClassificationView['state'],
    villageId: job.villageId,
    surveyDate: job.surveyDate,
    total: job.total,
    done: job.done,
    classified: job.classified,
    noIncome: job.noIncome,
    incomplete: job.incomplete,
    kept: job.kept,
    applied: job.applied,
    stopReason: (job.stopReason as ClassificationView['stopReason']) ?? null,
    startedByName: job.startedByName,
    startedAt: job.startedAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}

const counts = (job: jobs.ClassificationRow) => ({
  classificationId: job.id,
  villageId: job.villageId,
  surveyDate: job.surveyDate,
  total: job.total,
  classified: job.classified,
  noIncome: job.noIncome,
  incomplete: job.incomplete,
  kept: job.kept,
  applied: job.applied,
});

/**
 * Start classifying the round (or one village of it): officers for any village, a reviewer for a
 * village assigned to them. Answers at once; the work goes on in the background.
 */
export async function startClassification(db: Db, actor: Actor, roundId: string, input: ClassificationStartReq) {
  const job = await db
    .transaction(async (tx) => {
      const round = await requireRound(tx, actor, roundId, true);
      const assigned = reviewPolicy.run(actor, round) ? [] : await repo.villagesOfReviewer(tx, round.id, actor.id);
      const allowed = input.villageId
        ? reviewPolicy.survey(actor, round, assigned, input.villageId)
        : reviewPolicy.run(actor, round);
      if (!allowed) throw errors.forbidden();
      refuseWrongState(round, round.state === 'surveying', 'phân loại hàng loạt', 'classify in bulk');
      if (round.kind !== 'periodic')
        throw errors.conflict(
          'classification_regular',
          'Rà soát thường xuyên xét theo đơn của từng hộ: điều tra trực tiếp, không phân loại hàng loạt.',
          "A regular review answers each household's application: survey it by hand.",
        );
      if (input.villageId) await requireRoundVillage(tx, actor, round, input.villageId);
      checkSurveyWindow(round, input);
      if (input.surveyDate > todayInVietnam())
        throw errors.invalid('surveyDate', 'Ngày điều tra chưa đến.', 'The survey date is in the future.');
      if ((await jobs.latestJob(tx, round.id))?.state === 'running') throw jobRunning();
      const found = await jobs.countsAtStart(tx, round.id, input.villageId ?? null);
      const created = await jobs.insertJob(tx, {
        roundId: round.id,
        provinceCode: round.provinceCode,
        communeCode: round.communeCode,
        villageId: input.villageId ?? null,
        surveyDate: input.surveyDate,
        ...found,
        startedBy: actor.id,
        startedByName: actor.fullName,
      });
      await recordAudit(tx, actor, {
        action: 'review.classify',
        entity: 'review_round',
        entityId: round.id,
        area: round,
        after: counts(created),
      });
      return created;
    })
    .catch(whenUniqueViolated('review_classifications_running', jobRunning));
  launch(db, actor, job.id);
  return presentClassification(job);
}

/** The round's latest bulk classification (running: its progress; finished: its result). */
export async function latestClassification(db: Db, actor: Actor, roundId: string) {
  const round = await requireRound(db, actor, roundId);
  const job = await jobs.latestJob(db, round.id);
  return { job: job ? presentClassification(job) : null };
}

function launch(db: Db, actor: Actor, jobId: string) {
  const control = { stop: false, done: Promise.resolve() };
  control.done = (async () => {
    try {
      while (!control.stop && !(await db.transaction((tx) => classifyBatch(tx, actor, jobId))));
    } catch (error) {
      // Shown on the round page as stopped by an error; what is classified so far stays.
      console.error(`Phân loại hàng loạt ${jobId} dừng do lỗi:`, error);
      await db.transaction((tx) => finish(tx, actor, jobId, 'stopped', 'error')).catch(() => undefined);
    } finally {
      running.delete(jobId);
    }
  })();
  running.set(jobId, control);
}

/** Wait for a job started in this process to finish (tests, the benchmark). */
export const classificationFinished = (jobId: string) => running.get(jobId)?.done ?? Promise.resolve();

/** Server shutdown: each job stops after its current batch and stays `running`, resumed at the next start. */
export async function stopClassifications() {
  for (const control of running.values()) control.stop = true;
  await Promise.allSettled([...running.values()].map((c) => c.done));
}

/** Server start: resume the jobs a stopped server left running, as the users who started them. */
export async function resumeClassifications(db: Db) {
  for (const job of await jobs.runningJobs(db)) {
    const user = await loadSessionActor(db, job.startedBy);
    if (user) launch(db, user.actor, job.id);
    else await db.transaction((tx) => finish(tx, null, job.id, 'stopped', 'user_gone'));
  }
}

async function finish(
  tx: Executor,
  actor: Actor | null,
  jobId: string,
  state: 'done' | 'stopped',
  stopReason: ClassificationView['stopReason'],
) {
  const job = await jobs.updateJob(tx, jobId, { state, stopReason, finishedAt: new Date() });
  await recordAudit(tx, actor, {
    action: 'review.classify_finished',
    entity: 'review_round',
    entityId: job.roundId,
    area: job,
    after: { ...counts(job), state, stopReason },
  });
  return true;
}

/** One batch in one transaction; true when the job has finished. */
async function classifyBatch(tx: Executor, actor: Actor, jobId: string): Promise<boolean> {
  const job = await jobs.findJob(tx, jobId, true);
  if (!job || job.state !== 'running') return true;
  const round = await repo.findRound(tx, job.roundId, actor.scope, true);
  if (!round || round.state !== 'surveying') return finish(tx, actor, jobId, 'stopped', 'round_moved');
  const cases = await jobs.nextBatch(tx, job, BATCH);
  if (cases.length === 0) return finish(tx, actor, jobId, 'done', null);

  const incomes = new Map(
    (
      await surveyedIncomes(
        tx,
        cases.map((c) => c.householdId),
        carriedIncomeYears(round.listYear),
      )
    ).map((i) => [i.householdId, i]),
  );
  const sheets = cases.flatMap((c) => {
    const income = incomes.get(c.householdId);
    if (!income) return [];
    const answers: SurveyAnswers = {
      draft: false,
      surveyDate: job.surveyDate,
      incomePerCapitaMonthly: income.incomePerCapitaMonthly,
      incomeScore: income.incomeScore ?? null,
      overrides: [],
      causes: (income.causes ?? []) as SurveyAnswers['causes'],
      note: null,
    };
    return [{ case: c, answers: { ...answers, classificationId: job.id, incomeYear: income.year } }];
  });
  const { classified, written } = await fillSheets(tx, actor, round, sheets);
  await jobs.updateJob(tx, job.id, {
    done: job.done + cases.length,
    classified: job.classified + written,
    noIncome: job.noIncome + cases.length - sheets.length,
    incomplete: job.incomplete + sheets.length - classified,
    afterCaseId: cases.at(-1)!.id,
  });
  return false;
}

/** A sheet to fill: the case (still without one) and the answers it is classified from. */
export interface SheetToFill {
  case: { id: string; householdId: string };
  answers: SurveyAnswers & { classificationId?: string; incomeYear?: number };
}

/**
 * Sheets filled set-wise: derived from the households' records and classified in one pass, each
 * exactly as `saveSurvey` decides one, written in one statement (only to cases still without a
 * sheet) and audited as saved sheets are. A household that cannot be classified (its dwelling not
 * fully recorded, archived) is left pending. The round must be surveying (the caller checks).
 */
export async function fillSheets(tx: Executor, actor: Actor, round: repo.RoundRow, sheets: readonly SheetToFill[]) {
  const outcomes = await surveysForReview(
    tx,
    actor,
    sheets.map((s) => ({ householdId: s.case.householdId, input: assessmentInput(round, s.answers) })),
  );
  const classified = sheets.flatMap((sheet, i) => {
    const outcome = outcomes[i]!;
    return 'error' in outcome ? [] : [{ ...sheet, ...outcome }];
  });
  const written = new Set(
    await jobs.writeSheets(
      tx,
      round.id,
      classified.map((c) => ({
        id: c.case.id,
        status: c.answers.draft ? 'draft' : 'surveyed',
        survey: c.answers,
        result: c.row,
        category: c.view.category,
        deprivations: c.view.deprivations,
        explanation: c.view.explanation,
        causes: c.answers.causes,
      })),
    ),
  );
  await recordAudits(
    tx,
    actor,
    classified.filter((c) => written.has(c.case.id)).map((c) => surveyAudit(round, c.case, c.answers, c.view)),
  );
  return { classified: classified.length, written: written.size };
}
