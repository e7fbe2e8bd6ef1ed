import { and, asc, desc, eq, gt, inArray, sql } from 'drizzle-orm';
import { rowsOf, type Executor } from '../../platform/db/database';
import { reviewCases, reviewClassifications } from './tables';

/**
 * The SQL of a bulk classification: its job row, the batches of cases it reads (locked, by id),
 * and the batch's results written in one statement.
 */

export type ClassificationRow = typeof reviewClassifications.$inferSelect;
export type NewClassificationRow = typeof reviewClassifications.$inferInsert;

/** The cases a bulk classification fills: listed from the current lists, still without a sheet. */
const toClassify = (roundId: string, villageId: string | null) =>
  and(
    eq(reviewCases.roundId, roundId),
    villageId ? eq(reviewCases.villageId, villageId) : undefined,
    eq(reviewCases.status, 'pending'),
    inArray(reviewCases.reason, ['current_poor', 'current_near_poor']),
  );

/** What a job finds when it starts: cases to classify, already surveyed (kept), applications. */
export async function countsAtStart(db: Executor, roundId: string, villageId: string | null) {
  const [row] = rowsOf<{ total: number; kept: number; applied: number }>(
    await db.execute(sql`
      select count(*) filter (where status = 'pending' and reason in ('current_poor', 'current_near_poor'))::int as total,
        count(*) filter (where status <> 'pending')::int as kept,
        count(*) filter (where status = 'pending' and reason not in ('current_poor', 'current_near_poor'))::int as applied
      from ${reviewCases}
      where round_id = ${roundId} ${villageId ? sql`and village_id = ${villageId}` : sql``}`),
  );
  return row!;
}

export async function insertJob(db: Executor, row: NewClassificationRow) {
  const [created] = await db.insert(reviewClassifications).values(row).returning();
  return created!;
}

export async function findJob(db: Executor, id: string, lock = false) {
  const query = db.select().from(reviewClassifications).where(eq(reviewClassifications.id, id));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

/** The round's latest job (the page shows its progress or its result). */
export async function latestJob(db: Executor, roundId: string) {
  const [row] = await db
    .select()
    .from(reviewClassifications)
    .where(eq(reviewClassifications.roundId, roundId))
    .orderBy(desc(reviewClassifications.startedAt))
    .limit(1);
  return row;
}

/** Jobs a stopped server left running (resumed at start). */
export function runningJobs(db: Executor) {
  return db.select().from(reviewClassifications).where(eq(reviewClassifications.state, 'running'));
}

export async function updateJob(db: Executor, id: string, patch: Partial<NewClassificationRow>) {
  const [row] = await db.update(reviewClassifications).set(patch).where(eq(reviewClassifications.id, id)).returning();
  return row!;
}

/** The next batch after `afterId`, in id order, locked: a surveyor saving one of them waits for the batch. */
export function nextBatch(db: Executor, job: ClassificationRow, size: number) {
  return db
    .select({ id: reviewCases.id, householdId: reviewCases.householdId, villageId: reviewCases.villageId })
    .from(reviewCases)
    .where(
      and(toClassify(job.roundId, job.villageId), job.afterCaseId ? gt(reviewCases.id, job.afterCaseId) : undefined),
    )
    .orderBy(asc(reviewCases.id))
    .limit(size)
    .for('update');
}

export interface ClassifiedCase {
  id: string;
  /** A draft sheet, or a surveyed one. */
  status: 'draft' | 'surveyed';
  survey: Record<string, unknown>;
  result: Record<string, unknown>;
  category: string;
  deprivations: string[];
  explanation: unknown;
  causes: string[];
}

/** Sheets filled set-wise, one statement; only cases still without a sheet (never one surveyed by hand). */
export async function writeSheets(db: Executor, roundId: string, sheets: ClassifiedCase[]) {
  if (sheets.length === 0) return [];
  const written = rowsOf<{ id: string }>(
    await db.execute(sql`
      update ${reviewCases} c set status = v.status, survey = v.survey, result = v.result,
        proposed_category = v.category, deprivations = v.deprivations, explanation = v.explanation,
        causes = v.causes, version = c.version + 1, updated_at = now()
      from jsonb_to_recordset(${JSON.stringify(sheets)}::jsonb) as v(id uuid, status text, survey jsonb, result jsonb,
        category text, deprivations text[], explanation jsonb, causes text[])
      where c.id = v.id and c.round_id = ${roundId} and c.status = 'pending'
      returning c.id`),
  );
  return written.map((r) => r.id);
}
