import { and, count, eq, gt, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database';
import { matchesSearch, orderBy } from '../../platform/list';
import { adminUnits, adminUnitSuccessions } from './tables';

export type AdminUnitRow = typeof adminUnits.$inferSelect;

/** The version of a unit code in force on `date` (YYYY-MM-DD); `null` date = today. */
function validOn(date: string | null): SQL {
  if (date === null) return isNull(adminUnits.validTo);
  return and(
    or(isNull(adminUnits.validFrom), lte(adminUnits.validFrom, date)),
    or(isNull(adminUnits.validTo), gt(adminUnits.validTo, date)),
  )!;
}

export async function findVersion(db: Executor, code: string, date: string | null): Promise<AdminUnitRow | undefined> {
  const [row] = await db
    .select()
    .from(adminUnits)
    .where(and(eq(adminUnits.code, code), validOn(date)));
  return row;
}

/** The most recent version of a code, current or closed. */
export async function findLatestVersion(db: Executor, code: string): Promise<AdminUnitRow | undefined> {
  const [row] = await db
    .select()
    .from(adminUnits)
    .where(eq(adminUnits.code, code))
    .orderBy(sql`${adminUnits.validTo} desc nulls first`)
    .limit(1);
  return row;
}

export interface UnitListFilter {
  parentCode: string | null;
  level?: string;
  date: string | null;
  q?: string;
  limit: number;
  offset: number;
  sort: 'name' | 'code';
  order: 'asc' | 'desc';
}

export async function listUnits(db: Executor, f: UnitListFilter) {
  const where = and(
    validOn(f.date),
    f.parentCode === null ? eq(adminUnits.level, 'province') : eq(adminUnits.parentCode, f.parentCode),
    f.level ? eq(adminUnits.level, f.level) : undefined,
    matchesSearch(adminUnits.searchKey, f.q),
  );
  const sortColumn = f.sort === 'code' ? adminUnits.code : adminUnits.sortKey;
  const [items, [total]] = await Promise.all([
    db.select().from(adminUnits).where(where).orderBy(orderBy(sortColumn, f.order)).limit(f.limit).offset(f.offset),
    db.select({ n: count() }).from(adminUnits).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

export async function listSuccessors(db: Executor, unitId: string) {
  return db
    .select({ unit: adminUnits, kind: adminUnitSuccessions.kind, confirmed: adminUnitSuccessions.confirmed })
    .from(adminUnitSuccessions)
    .innerJoin(adminUnits, eq(adminUnits.id, adminUnitSuccessions.successorId))
    .where(eq(adminUnitSuccessions.predecessorId, unitId))
    .orderBy(adminUnits.sortKey);
}

export async function listPredecessors(db: Executor, unitId: string) {
  return db
    .select({ unit: adminUnits, kind: adminUnitSuccessions.kind, confirmed: adminUnitSuccessions.confirmed })
    .from(adminUnitSuccessions)
    .innerJoin(adminUnits, eq(adminUnits.id, adminUnitSuccessions.predecessorId))
    .where(eq(adminUnitSuccessions.successorId, unitId))
    .orderBy(adminUnits.sortKey);
}

export async function currentNames(db: Executor, codes: string[]) {
  if (codes.length === 0) return [];
  return db
    .select({ code: adminUnits.code, name: adminUnits.fullName })
    .from(adminUnits)
    .where(and(inArray(adminUnits.code, codes), isNull(adminUnits.validTo)));
}

export async function findSuccession(db: Executor, predecessorId: string, successorId: string) {
  const [row] = await db
    .select()
    .from(adminUnitSuccessions)
    .where(
      and(eq(adminUnitSuccessions.predecessorId, predecessorId), eq(adminUnitSuccessions.successorId, successorId)),
    )
    .for('update');
  return row;
}

export async function upsertSuccession(db: Executor, link: typeof adminUnitSuccessions.$inferInsert) {
  await db
    .insert(adminUnitSuccessions)
    .values(link)
    .onConflictDoUpdate({
      target: [adminUnitSuccessions.predecessorId, adminUnitSuccessions.successorId],
      set: { kind: link.kind, confirmed: link.confirmed },
    });
}

export async function deleteSuccession(db: Executor, predecessorId: string, successorId: string) {
  await db
    .delete(adminUnitSuccessions)
    .where(
      and(eq(adminUnitSuccessions.predecessorId, predecessorId), eq(adminUnitSuccessions.successorId, successorId)),
    );
}
