import { and, count, eq, inArray, isNull, sql, sum, type SQL } from 'drizzle-orm';
import type { AreaScope } from '../../../domain/access';
import { START_WITHIN_DAYS, type HouseStage } from '../../../domain/support';
import { insideScope } from '../../platform/access';
import type { Executor } from '../../platform/db/database';
import { matchesText, orderBy } from '../../platform/list';
import type { DistributionListReq, HouseListReq, SupportListReq } from './schemas';
import { houses, supportDistributions, supportRecords } from './tables';
import { householdMembers, households } from '../households/tables';
import { householdAssessments } from '../assessments/tables';
import { rowsOf } from '../../platform/db/database';

const inScope = (scope: AreaScope) =>
  insideScope(scope, { province: supportRecords.provinceCode, commune: supportRecords.communeCode });

export type SupportRow = typeof supportRecords.$inferSelect;
export type NewSupportRow = typeof supportRecords.$inferInsert;

export async function insert(db: Executor, row: NewSupportRow) {
  const [created] = await db.insert(supportRecords).values(row).returning();
  return created!;
}

/** The household's supports still in force (cancelled ones no longer count). */
export function inForceOf(db: Executor, householdId: string) {
  return db
    .select()
    .from(supportRecords)
    .where(and(eq(supportRecords.householdId, householdId), isNull(supportRecords.cancelledAt)))
    .orderBy(supportRecords.date);
}

/** The household's supports in force that the scope sees, oldest first (its year-by-year table). */
export function inForceInScope(db: Executor, householdId: string, scope: AreaScope) {
  return db
    .select()
    .from(supportRecords)
    .where(and(eq(supportRecords.householdId, householdId), isNull(supportRecords.cancelledAt), inScope(scope)))
    .orderBy(supportRecords.date);
}

export function findInScope(db: Executor, id: string, scope: AreaScope, forUpdate = false) {
  const query = db
    .select()
    .from(supportRecords)
    .where(and(eq(supportRecords.id, id), inScope(scope)));
  return (forUpdate ? query.for('update') : query).then((rows) => rows[0]);
}

/** Supports by id inside the scope (for records that link to them). */
export function byIds(db: Executor, ids: string[], scope: AreaScope) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(supportRecords)
    .where(and(inArray(supportRecords.id, ids), inScope(scope)))
    .orderBy(supportRecords.date);
}

/** The support that is a fund expenditure posting, if any. */
export async function findByFundPosting(db: Executor, postingId: string, forUpdate = false) {
  const query = db.select().from(supportRecords).where(eq(supportRecords.fundPostingId, postingId));
  const [row] = await (forUpdate ? query.for('update') : query);
  return row;
}

export async function cancel(db: Executor, id: string, reason: string) {
  const [row] = await db
    .update(supportRecords)
    .set({ cancelledAt: new Date(), cancelReason: reason })
    .where(eq(supportRecords.id, id))
    .returning();
  return row!;
}

/** A page of supports in the scope, with the count and the value of those in force. */
export async function list(db: Executor, scope: AreaScope, query: SupportListReq & { householdId?: string }) {
  const conditions: (SQL | undefined)[] = [
    inScope(scope),
    query.householdId ? eq(supportRecords.householdId, query.householdId) : undefined,
    query.kind ? eq(supportRecords.kind, query.kind) : undefined,
    query.year
      ? sql`${supportRecords.date} >= ${`${query.year}-01-01`} and ${supportRecords.date} <= ${`${query.year}-12-31`}`
      : undefined,
  ];
  const where = and(...conditions);
  const sortColumn = query.sort === 'value' ? supportRecords.value : supportRecords.date;
  const [items, [totals]] = await Promise.all([
    db
      .select()
      .from(supportRecords)
      .where(where)
      .orderBy(orderBy(sortColumn, query.order), supportRecords.id)
      .limit(query.limit)
      .offset(query.offset),
    db
      .select({
        total: count(),
        inForce: sql<number>`(count(*) filter (where ${supportRecords.cancelledAt} is null))::int`,
        value: sum(sql`case when ${supportRecords.cancelledAt} is null then ${supportRecords.value} else 0 end`),
      })
      .from(supportRecords)
      .where(where),
  ]);
  return { items, total: totals!.total, inForce: totals!.inForce, totalValue: Number(totals!.value ?? 0) };
}

export type HouseRow = typeof houses.$inferSelect;
type HouseListed = HouseRow & { householdCode: string; headName: string };

const houseInScope = (scope: AreaScope) =>
  insideScope(scope, { province: houses.provinceCode, commune: houses.communeCode });

/** The house with its household's code and head (read, for display). */
const houseColumns = { house: houses, householdCode: households.code, headName: households.headName };
const listed = (r: { house: HouseRow; householdCode: string; headName: string }): HouseListed => ({
  ...r.house,
  householdCode: r.householdCode,
  headName: r.headName,
});

export async function insertHouse(db: Executor, row: typeof houses.$inferInsert) {
  const [created] = await db.insert(houses).values(row).returning();
  return created!;
}

export async function findHouse(db: Executor, id: string, scope: AreaScope, forUpdate = false) {
  const query = db
    .select(houseColumns)
    .from(houses)
    .innerJoin(households, eq(households.id, houses.householdId))
    .where(and(eq(houses.id, id), houseInScope(scope)));
  const [row] = await (forUpdate ? query.for('update', { of: houses }) : query);
  return row && listed(row);
}

/** Every house of the household that the scope sees, in order of approval. */
export function housesOf(db: Executor, householdId: string, scope: AreaScope) {
  return db
    .select()
    .from(houses)
    .where(and(eq(houses.householdId, householdId), houseInScope(scope)))
    .orderBy(houses.approvedOn);
}

/** The household's house not yet handed over, if any (a household has one in progress at a time). */
export async function unfinishedHouseOf(db: Executor, householdId: string) {
  const [row] = await db
    .select()
    .from(houses)
    .where(and(eq(houses.householdId, householdId), isNull(houses.handedOverOn)))
    .limit(1);
  return row;
}

export async function updateHouse(db: Executor, id: string, version: number, patch: Partial<HouseRow>) {
  const [row] = await db
    .update(houses)
    .set({ ...patch, version: version + 1, updatedAt: new Date() })
    .where(and(eq(houses.id, id), eq(houses.version, version)))
    .returning();
  return row;
}

/**
 * Behind schedule on `today` (domain/support/houses.ts behindSchedule, in SQL): not completed and
 * past the planned completion, or not started START_WITHIN_DAYS after approval.
 */
const behind = (today: string) => sql`(${houses.completedOn} is null and (${houses.plannedCompletion} < ${today}
  or (${houses.startedOn} is null and ${houses.approvedOn} + ${START_WITHIN_DAYS}::int < ${today}::date)))`;

const STAGE_CONDITION: Record<HouseStage, SQL> = {
  approved: sql`${houses.startedOn} is null`,
  under_construction: sql`${houses.startedOn} is not null and ${houses.completedOn} is null`,
  completed: sql`${houses.completedOn} is not null and ${houses.handedOverOn} is null`,
  handed_over: sql`${houses.handedOverOn} is not null`,
};

export async function listHouses(db: Executor, scope: AreaScope, query: HouseListReq, today: string) {
  const where = and(
    houseInScope(scope),
    query.commune ? eq(houses.communeCode, query.commune) : undefined,
    query.stage ? STAGE_CONDITION[query.stage] : undefined,
    query.behindSchedule === undefined ? undefined : query.behindSchedule ? behind(today) : sql`not ${behind(today)}`,
    query.householdId ? eq(houses.householdId, query.householdId) : undefined,
  );
  const sortColumn = query.sort === 'plannedCompletion' ? houses.plannedCompletion : houses.approvedOn;
  const [items, [total]] = await Promise.all([
    db
      .select(houseColumns)
      .from(houses)
      .innerJoin(households, eq(households.id, houses.householdId))
      .where(where)
      .orderBy(orderBy(sortColumn, query.order), houses.id)
      .limit(query.limit)
      .offset(query.offset),
    db.select({ n: count() }).from(houses).where(where),
  ]);
  return { items: items.map(listed), total: total!.n };
}

// ——— distributions

export type DistributionRow = typeof supportDistributions.$inferSelect;

/** The commune's households (not archived) of these codes. */
export function householdsByCode(db: Executor, communeCode: string, codes: string[]) {
  if (codes.length === 0) return Promise.resolve([]);
  return db
    .select({ id: households.id, code: households.code, headName: households.headName })
    .from(households)
    .where(
      and(eq(households.communeCode, communeCode), inArray(households.code, codes), isNull(households.archivedAt)),
    );
}

/** Lock the listed households (in id order, as every household lock is taken) for the distribution's check and insert. */
export async function lockHouseholdsByCode(db: Executor, communeCode: string, codes: string[]) {
  await db
    .select({ id: households.id })
    .from(households)
    .where(and(eq(households.communeCode, communeCode), inArray(households.code, codes)))
    .orderBy(households.id)
    .for('update');
}

export function currentMembersOf(db: Executor, householdIds: string[]) {
  if (householdIds.length === 0) return Promise.resolve([]);
  return db
    .select({
      id: householdMembers.id,
      householdId: householdMembers.householdId,
      fullName: householdMembers.fullName,
      citizenId: householdMembers.citizenId,
    })
    .from(householdMembers)
    .where(and(inArray(householdMembers.householdId, householdIds), isNull(householdMembers.leftAt)));
}

export function inForceOfMany(db: Executor, householdIds: string[]) {
  if (householdIds.length === 0) return Promise.resolve([]);
  return db
    .select({
      id: supportRecords.id,
      kind: supportRecords.kind,
      date: supportRecords.date,
      householdId: supportRecords.householdId,
      memberId: supportRecords.memberId,
    })
    .from(supportRecords)
    .where(and(inArray(supportRecords.householdId, householdIds), isNull(supportRecords.cancelledAt)));
}

/** Codes of the commune's households whose latest assessment is of one of `categories`, in code order. */
export async function householdCodesByCategory(db: Executor, communeCode: string, categories: readonly string[]) {
  const rows = rowsOf<{ code: string }>(
    await db.execute(sql`select h.code from ${households} h
      join lateral (select a.category from ${householdAssessments} a where a.household_id = h.id
        order by a.year desc limit 1) latest on true
      where h.commune_code = ${communeCode} and h.archived_at is null
        and latest.category in (${sql.join(
          categories.map((c) => sql`${c}`),
          sql`, `,
        )})
      order by h.code`),
  );
  return rows.map((r) => r.code);
}

export async function findDistribution(db: Executor, userId: string, key: string) {
  const [row] = await db
    .select()
    .from(supportDistributions)
    .where(and(eq(supportDistributions.createdBy, userId), eq(supportDistributions.idempotencyKey, key)));
  return row;
}

export async function insertDistribution(db: Executor, row: typeof supportDistributions.$inferInsert) {
  const [created] = await db.insert(supportDistributions).values(row).returning();
  return created!;
}

export function insertMany(db: Executor, rows: NewSupportRow[]) {
  return db.insert(supportRecords).values(rows).returning();
}

// ——— distributions as read back (their households and value: the supports still in force)

const distributionInScope = (scope: AreaScope) =>
  insideScope(scope, { province: supportDistributions.provinceCode, commune: supportDistributions.communeCode });

/** Per distribution, from its supports (index support_records_distribution): in force, their value, cancelled. */
const ofDistribution = (aggregate: SQL) =>
  sql`(select ${aggregate} from ${supportRecords} r where r.distribution_id = ${supportDistributions.id})`;
const distributionColumns = {
  distribution: supportDistributions,
  inForce: sql<number>`${ofDistribution(sql`count(*) filter (where r.cancelled_at is null)`)}::int`,
  inForceValue:
    sql<number>`${ofDistribution(sql`coalesce(sum(r.value) filter (where r.cancelled_at is null), 0)`)}::bigint`.mapWith(
      Number,
    ),
  cancelled: sql<number>`${ofDistribution(sql`count(*) filter (where r.cancelled_at is not null)`)}::int`,
};
export type ListedDistribution = {
  distribution: DistributionRow;
  inForce: number;
  inForceValue: number;
  cancelled: number;
};

/** A page of the distributions the scope sees, newest first unless asked otherwise. */
export async function listDistributions(db: Executor, scope: AreaScope, query: DistributionListReq) {
  const where = and(
    distributionInScope(scope),
    query.commune ? eq(supportDistributions.communeCode, query.commune) : undefined,
    query.kind ? eq(supportDistributions.kind, query.kind) : undefined,
    query.year
      ? sql`${supportDistributions.date} between ${`${query.year}-01-01`} and ${`${query.year}-12-31`}`
      : undefined,
    matchesText(supportDistributions.decisionNumber, query.q),
  );
  const sortColumn = query.sort === 'totalValue' ? distributionColumns.inForceValue : supportDistributions.date;
  const [items, [total]] = await Promise.all([
    db
      .select(distributionColumns)
      .from(supportDistributions)
      .where(where)
      .orderBy(orderBy(sortColumn, query.order), supportDistributions.id)
      .limit(query.limit)
      .offset(query.offset),
    db.select({ n: count() }).from(supportDistributions).where(where),
  ]);
  return { items, total: total!.n };
}

export async function findDistributionInScope(db: Executor, id: string, scope: AreaScope) {
  const [row] = await db
    .select(distributionColumns)
    .from(supportDistributions)
    .where(and(eq(supportDistributions.id, id), distributionInScope(scope)));
  return row;
}

/** Who received what in the distribution, by household code; the member's name when given to one. */
export function distributionRecipients(db: Executor, distributionId: string, scope: AreaScope) {
  return db
    .select({
      record: supportRecords,
      householdCode: households.code,
      headName: households.headName,
      memberName: householdMembers.fullName,
    })
    .from(supportRecords)
    .innerJoin(households, eq(households.id, supportRecords.householdId))
    .leftJoin(householdMembers, eq(householdMembers.id, supportRecords.memberId))
    .where(
      and(
        eq(supportRecords.distributionId, distributionId),
        insideScope(scope, { province: supportRecords.provinceCode, commune: supportRecords.communeCode }),
      ),
    )
    .orderBy(households.code, supportRecords.id);
}
