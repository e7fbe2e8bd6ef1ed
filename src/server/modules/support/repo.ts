import { and, count, eq, isNull, sql, sum, type SQL } from 'drizzle-orm';
import type { AreaScope } from '../../../domain/access';
import { insideScope } from '../../platform/access';
import type { Executor } from '../../platform/db/database';
import { orderBy } from '../../platform/list';
import type { SupportListReq } from './schemas';
import { supportRecords } from './tables';

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

export function findInScope(db: Executor, id: string, scope: AreaScope, forUpdate = false) {
  const query = db
    .select()
    .from(supportRecords)
    .where(and(eq(supportRecords.id, id), inScope(scope)));
  return (forUpdate ? query.for('update') : query).then((rows) => rows[0]);
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
