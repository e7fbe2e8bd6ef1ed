import { and, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { AreaScope } from '../../../domain/access';
import { ACTIVITY_KINDS, activityGroup, type ActivityGroup } from '../../../domain/coordination';
import { insideScope, inUnit } from '../../platform/access';
import { updateVersioned } from '../../platform/changes';
import type { Executor } from '../../platform/db/database';
import { matchesSearch, orderBy } from '../../platform/list';
import type { ActivityListReq, ActivitySummaryReq } from './schemas';
import { activities } from './tables';

export type ActivityRow = typeof activities.$inferSelect;
export type NewActivityRow = typeof activities.$inferInsert;

/** Activities are seen inside the area only: a commune never sees another commune's. */
const visibleTo = (scope: AreaScope) =>
  insideScope(scope, { province: activities.provinceCode, commune: activities.communeCode });

const kindsOf = (group: ActivityGroup) => ACTIVITY_KINDS.filter((k) => activityGroup(k) === group);

function filters(scope: AreaScope, f: Partial<ActivityListReq>) {
  return and(
    visibleTo(scope),
    matchesSearch(activities.searchKey, f.q),
    f.kind ? eq(activities.kind, f.kind) : undefined,
    f.group ? inArray(activities.kind, kindsOf(f.group)) : undefined,
    inUnit(f.unit, { province: activities.provinceCode, commune: activities.communeCode }),
    f.from ? gte(activities.startsOn, f.from) : undefined,
    f.to ? lte(activities.startsOn, f.to) : undefined,
    f.programme ? eq(activities.programmeId, f.programme) : undefined,
    f.task ? eq(activities.taskId, f.task) : undefined,
  );
}

const budgetSum = sql<number>`coalesce(sum(${activities.budgetState} + ${activities.budgetFund} + ${activities.budgetSocial} + ${activities.budgetOther}), 0)::bigint`;
const totalsColumns = {
  activities: sql<number>`count(*)::int`,
  audience: sql<number>`coalesce(sum(${activities.audienceSize}), 0)::int`,
  poorAudience: sql<number>`coalesce(sum(${activities.poorAudience}), 0)::int`,
  budget: budgetSum,
};

export async function list(db: Executor, scope: AreaScope, f: ActivityListReq) {
  const where = filters(scope, f);
  const column = f.sort === 'title' ? activities.sortKey : activities.startsOn;
  const [items, [totals]] = await Promise.all([
    db
      .select()
      .from(activities)
      .where(where)
      .orderBy(orderBy(column, f.order), activities.id)
      .limit(f.limit)
      .offset(f.offset),
    db.select(totalsColumns).from(activities).where(where),
  ]);
  const t = totals!;
  return { items, total: t.activities, totals: { ...t, budget: Number(t.budget) } };
}

/** Totals per unit and kind, for the summary by period and unit. */
export async function summary(db: Executor, scope: AreaScope, f: ActivitySummaryReq) {
  const where = filters(scope, f);
  const rows = await db
    .select({ unitCode: activities.unitCode, kind: activities.kind, ...totalsColumns })
    .from(activities)
    .where(where)
    .groupBy(activities.unitCode, activities.kind);
  return rows.map((r) => ({ ...r, budget: Number(r.budget) }));
}

export async function findVisible(db: Executor, id: string, scope: AreaScope) {
  const [row] = await db
    .select()
    .from(activities)
    .where(and(eq(activities.id, id), visibleTo(scope)));
  return row;
}

export async function findForUpdate(db: Executor, id: string, scope: AreaScope) {
  const [row] = await db
    .select()
    .from(activities)
    .where(and(eq(activities.id, id), visibleTo(scope)))
    .for('update');
  return row;
}

export async function insert(db: Executor, row: NewActivityRow) {
  const [created] = await db.insert(activities).values(row).returning();
  return created!;
}

export const update = (db: Executor, id: string, version: number, patch: Partial<NewActivityRow>) =>
  updateVersioned(db, activities, id, version, patch);

/** A programme's activities starting in the period (every area: the report is the programme's). */
export function ofProgrammeInPeriod(db: Executor, programmeId: string, from: string, to: string) {
  return db
    .select()
    .from(activities)
    .where(and(eq(activities.programmeId, programmeId), gte(activities.startsOn, from), lte(activities.startsOn, to)));
}
