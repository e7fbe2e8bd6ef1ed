import { and, asc, count, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { AreaScope } from '../../../domain/access';
import { insideScope } from '../../platform/access';
import type { Executor } from '../../platform/db/database';
import { matchesSearch, orderBy } from '../../platform/list';
import { users } from '../users/tables';
import {
  reviewCases,
  reviewComplaints,
  reviewMeetings,
  reviewReviewers,
  reviewRoundEvents,
  reviewRounds,
} from './tables';
import type { CaseListReq, RoundListReq } from './schemas';

export type RoundRow = typeof reviewRounds.$inferSelect;
export type NewRoundRow = typeof reviewRounds.$inferInsert;
export type CaseRow = typeof reviewCases.$inferSelect;
export type NewCaseRow = typeof reviewCases.$inferInsert;
export type ComplaintRow = typeof reviewComplaints.$inferSelect;

const roundInScope = (scope: AreaScope) =>
  insideScope(scope, { province: reviewRounds.provinceCode, commune: reviewRounds.communeCode });

// ---- rounds ----

export async function insertRound(db: Executor, row: NewRoundRow) {
  const [created] = await db.insert(reviewRounds).values(row).returning();
  return created!;
}

export async function findRound(db: Executor, id: string, scope: AreaScope, lock = false) {
  const query = db
    .select()
    .from(reviewRounds)
    .where(and(eq(reviewRounds.id, id), roundInScope(scope)));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

export async function updateRound(db: Executor, id: string, version: number, patch: Partial<NewRoundRow>) {
  const [row] = await db
    .update(reviewRounds)
    .set({ ...patch, version: sql`${reviewRounds.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(reviewRounds.id, id), eq(reviewRounds.version, version)))
    .returning();
  return row;
}

export async function listRounds(db: Executor, scope: AreaScope, query: RoundListReq) {
  const where = and(
    roundInScope(scope),
    query.commune ? eq(reviewRounds.communeCode, query.commune) : undefined,
    query.year ? eq(reviewRounds.year, query.year) : undefined,
    query.kind ? eq(reviewRounds.kind, query.kind) : undefined,
    query.state ? eq(reviewRounds.state, query.state) : undefined,
  );
  const sortColumn = query.sort === 'commune' ? reviewRounds.communeCode : reviewRounds.year;
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(reviewRounds)
      .where(where)
      .orderBy(orderBy(sortColumn, query.order), asc(reviewRounds.communeCode), asc(reviewRounds.createdAt))
      .limit(query.limit)
      .offset(query.offset),
    db.select({ n: count() }).from(reviewRounds).where(where),
  ]);
  return { items, total: total!.n };
}

export async function insertEvent(db: Executor, row: typeof reviewRoundEvents.$inferInsert) {
  await db.insert(reviewRoundEvents).values(row);
}

export function eventsOf(db: Executor, roundId: string) {
  return db
    .select()
    .from(reviewRoundEvents)
    .where(eq(reviewRoundEvents.roundId, roundId))
    .orderBy(asc(reviewRoundEvents.at), asc(reviewRoundEvents.id));
}

/** Counts per round: cases, surveyed, agreed by the meeting, open complaints. */
export async function roundCounts(db: Executor, roundIds: string[]) {
  if (roundIds.length === 0)
    return new Map<string, { cases: number; surveyed: number; agreed: number; openComplaints: number }>();
  const [cases, complaints] = await Promise.all([
    db
      .select({
        roundId: reviewCases.roundId,
        cases: count(),
        surveyed: sql<number>`count(*) filter (where ${reviewCases.status} in ('surveyed', 'agreed'))`.mapWith(Number),
        agreed: sql<number>`count(*) filter (where ${reviewCases.status} = 'agreed')`.mapWith(Number),
      })
      .from(reviewCases)
      .where(inArray(reviewCases.roundId, roundIds))
      .groupBy(reviewCases.roundId),
    db
      .select({ roundId: reviewComplaints.roundId, open: count() })
      .from(reviewComplaints)
      .where(and(inArray(reviewComplaints.roundId, roundIds), eq(reviewComplaints.resolved, false)))
      .groupBy(reviewComplaints.roundId),
  ]);
  const open = new Map(complaints.map((c) => [c.roundId, c.open]));
  return new Map(
    roundIds.map((id) => {
      const c = cases.find((x) => x.roundId === id);
      return [
        id,
        { cases: c?.cases ?? 0, surveyed: c?.surveyed ?? 0, agreed: c?.agreed ?? 0, openComplaints: open.get(id) ?? 0 },
      ];
    }),
  );
}

// ---- cases ----

/** Lists households not yet in the round; a household already listed is skipped (listed once). */
export async function insertCases(db: Executor, rows: NewCaseRow[]) {
  let inserted = 0;
  for (let start = 0; start < rows.length; start += 1000) {
    const done = await db
      .insert(reviewCases)
      .values(rows.slice(start, start + 1000))
      .onConflictDoNothing({ target: [reviewCases.roundId, reviewCases.householdId] })
      .returning({ id: reviewCases.id });
    inserted += done.length;
  }
  return inserted;
}

export async function findCase(db: Executor, roundId: string, caseId: string, lock = false) {
  const query = db
    .select()
    .from(reviewCases)
    .where(and(eq(reviewCases.roundId, roundId), eq(reviewCases.id, caseId)));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

/** Several cases of a round, locked (a village meeting's votes). */
export function findCases(db: Executor, roundId: string, caseIds: string[]) {
  return db
    .select()
    .from(reviewCases)
    .where(and(eq(reviewCases.roundId, roundId), inArray(reviewCases.id, caseIds)))
    .for('update');
}

export async function findCaseOfHousehold(db: Executor, roundId: string, householdId: string) {
  const [row] = await db
    .select({ id: reviewCases.id })
    .from(reviewCases)
    .where(and(eq(reviewCases.roundId, roundId), eq(reviewCases.householdId, householdId)));
  return row;
}

export async function updateCase(db: Executor, id: string, version: number, patch: Partial<NewCaseRow>) {
  const [row] = await db
    .update(reviewCases)
    .set({ ...patch, version: sql`${reviewCases.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(reviewCases.id, id), eq(reviewCases.version, version)))
    .returning();
  return row;
}

/** A household's cases in every round, newest round first; the caller's area in SQL. */
export function casesOfHousehold(db: Executor, householdId: string, scope: AreaScope) {
  return db
    .select({ round: reviewRounds, case: reviewCases })
    .from(reviewCases)
    .innerJoin(reviewRounds, eq(reviewRounds.id, reviewCases.roundId))
    .where(
      and(
        eq(reviewCases.householdId, householdId),
        insideScope(scope, { province: reviewCases.provinceCode, commune: reviewCases.communeCode }),
      ),
    )
    .orderBy(desc(reviewRounds.year), desc(reviewRounds.createdAt));
}

/** A round's cases, limited to the villages given (a reviewer's work list) when `villageIds` is set. */
export async function listCases(db: Executor, roundId: string, villageIds: string[] | null, query: CaseListReq) {
  const where = and(
    eq(reviewCases.roundId, roundId),
    villageIds ? (villageIds.length ? inArray(reviewCases.villageId, villageIds) : sql`false`) : undefined,
    query.village ? eq(reviewCases.villageId, query.village) : undefined,
    query.status ? eq(reviewCases.status, query.status) : undefined,
    matchesSearch(reviewCases.searchKey, query.q),
  );
  const sortColumn = query.sort === 'village' ? reviewCases.villageId : reviewCases.householdCode;
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(reviewCases)
      .where(where)
      .orderBy(orderBy(sortColumn, query.order), asc(reviewCases.householdCode))
      .limit(query.limit)
      .offset(query.offset),
    db.select({ n: count() }).from(reviewCases).where(where),
  ]);
  return { items, total: total!.n };
}

/** Every case of a round (for meetings, lists and the decision), by village and household code. */
export function allCases(db: Executor, roundId: string, villageId?: string) {
  return db
    .select()
    .from(reviewCases)
    .where(and(eq(reviewCases.roundId, roundId), villageId ? eq(reviewCases.villageId, villageId) : undefined))
    .orderBy(asc(reviewCases.villageId), asc(reviewCases.householdCode));
}

export async function casesByVillage(db: Executor, roundId: string) {
  return db
    .select({ villageId: reviewCases.villageId, cases: count() })
    .from(reviewCases)
    .where(eq(reviewCases.roundId, roundId))
    .groupBy(reviewCases.villageId);
}

/** Cases whose survey is not complete or whose meeting did not agree (they block the next step). */
export async function casesNotIn(db: Executor, roundId: string, statuses: string[]) {
  const [row] = await db
    .select({ n: count() })
    .from(reviewCases)
    .where(and(eq(reviewCases.roundId, roundId), sql`${reviewCases.status} not in ${statuses}`));
  return row!.n;
}

/** The decision numbers its certificates in village and household-code order. */
export async function numberCertificates(db: Executor, roundId: string) {
  await db.execute(sql`
    update ${reviewCases} c set certificate_number = n.num
    from (
      select id, row_number() over (order by village_id, household_code) as num
      from ${reviewCases}
      where round_id = ${roundId} and final_category in ('poor', 'near_poor')
    ) n
    where c.id = n.id`);
  await db.execute(sql`
    update ${reviewCases} set certificate_number = null
    where round_id = ${roundId} and (final_category is null or final_category not in ('poor', 'near_poor'))`);
}

/** Every agreed case takes its proposed category as final (before complaints change it). */
export async function finaliseAgreed(db: Executor, roundId: string) {
  await db.execute(sql`
    update ${reviewCases} set final_category = proposed_category
    where round_id = ${roundId} and status = 'agreed' and final_category is null`);
}

// ---- reviewers ----

export async function assignReviewer(db: Executor, row: typeof reviewReviewers.$inferInsert) {
  const done = await db.insert(reviewReviewers).values(row).onConflictDoNothing().returning();
  return done.length > 0;
}

export function reviewersOf(db: Executor, roundId: string) {
  return db
    .select({ userId: reviewReviewers.userId, fullName: users.fullName, villageId: reviewReviewers.villageId })
    .from(reviewReviewers)
    .innerJoin(users, eq(users.id, reviewReviewers.userId))
    .where(eq(reviewReviewers.roundId, roundId))
    .orderBy(asc(users.fullName));
}

/** Active accounts with the reviewer role that work in the round's commune (or its whole province). */
export function reviewerCandidates(db: Executor, round: Pick<RoundRow, 'provinceCode' | 'communeCode'>) {
  return db
    .select({ userId: users.id, fullName: users.fullName })
    .from(users)
    .where(
      and(
        sql`'reviewer' = any(${users.roles})`,
        isNull(users.disabledAt),
        eq(users.provinceCode, round.provinceCode),
        or(eq(users.communeCode, round.communeCode), isNull(users.communeCode)),
      ),
    )
    .orderBy(asc(users.fullName));
}

export async function villagesOfReviewer(db: Executor, roundId: string, userId: string) {
  const rows = await db
    .select({ villageId: reviewReviewers.villageId })
    .from(reviewReviewers)
    .where(and(eq(reviewReviewers.roundId, roundId), eq(reviewReviewers.userId, userId)));
  return rows.map((r) => r.villageId);
}

// ---- meetings and complaints ----

export async function insertMeeting(db: Executor, row: typeof reviewMeetings.$inferInsert) {
  const [created] = await db.insert(reviewMeetings).values(row).returning();
  return created!;
}

/** A meeting's votes on its cases in one statement: agreed, or back to surveying. */
export async function recordVotes(
  db: Executor,
  meetingId: string,
  present: number,
  votes: readonly { caseId: string; agreeing: number; agreed: boolean }[],
) {
  await db.execute(sql`
    update ${reviewCases} c set meeting_id = ${meetingId}, meeting_present = ${present},
      meeting_agreeing = v.agreeing, status = case when v.agreed then 'agreed' else 'resurvey' end,
      version = c.version + 1, updated_at = now()
    from jsonb_to_recordset(${JSON.stringify(votes)}::jsonb) as v("caseId" uuid, agreeing int, agreed boolean)
    where c.id = v."caseId"`);
}

export function meetingsOf(db: Executor, roundId: string) {
  return db
    .select()
    .from(reviewMeetings)
    .where(eq(reviewMeetings.roundId, roundId))
    .orderBy(asc(reviewMeetings.heldOn), asc(reviewMeetings.createdAt));
}

export async function findMeeting(db: Executor, roundId: string, id: string) {
  const [row] = await db
    .select()
    .from(reviewMeetings)
    .where(and(eq(reviewMeetings.roundId, roundId), eq(reviewMeetings.id, id)));
  return row;
}

export async function insertComplaint(db: Executor, row: typeof reviewComplaints.$inferInsert) {
  const [created] = await db.insert(reviewComplaints).values(row).returning();
  return created!;
}

export function complaintsOf(db: Executor, roundId: string) {
  return db
    .select({ complaint: reviewComplaints, householdCode: reviewCases.householdCode })
    .from(reviewComplaints)
    .innerJoin(reviewCases, eq(reviewCases.id, reviewComplaints.caseId))
    .where(eq(reviewComplaints.roundId, roundId))
    .orderBy(asc(reviewComplaints.receivedOn), asc(reviewComplaints.createdAt));
}

export async function findComplaint(db: Executor, roundId: string, id: string) {
  const [row] = await db
    .select()
    .from(reviewComplaints)
    .where(and(eq(reviewComplaints.roundId, roundId), eq(reviewComplaints.id, id)))
    .for('update');
  return row;
}

export async function updateComplaint(
  db: Executor,
  id: string,
  version: number,
  patch: Partial<typeof reviewComplaints.$inferInsert>,
) {
  const [row] = await db
    .update(reviewComplaints)
    .set({ ...patch, version: sql`${reviewComplaints.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(reviewComplaints.id, id), eq(reviewComplaints.version, version)))
    .returning();
  return row;
}
