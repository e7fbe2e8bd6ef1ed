import { and, asc, count, eq, gte, inArray, lte, notInArray, or, sql } from 'drizzle-orm';
import type { AreaScope } from '../../../domain/access';
import { insideScope, inUnit } from '../../platform/access';
import { updateVersioned } from '../../platform/changes';
import type { Executor } from '../../platform/db/database';
import { matchesText, orderBy } from '../../platform/list';
import type { RecommendationListReq, SupervisionListReq } from './schemas';
import { recommendations, supervisions } from './tables';

export type SupervisionRow = typeof supervisions.$inferSelect;
export type NewSupervisionRow = typeof supervisions.$inferInsert;
export type RecommendationRow = typeof recommendations.$inferSelect;
export type NewRecommendationRow = typeof recommendations.$inferInsert;

/** A supervision is seen inside the area of the unit that runs it. */
const supervisionVisible = (scope: AreaScope) =>
  insideScope(scope, { province: supervisions.provinceCode, commune: supervisions.communeCode });
/** A recommendation: by the supervising area, and by its addressee wherever that sits. */
const recommendationVisible = (scope: AreaScope, organisationId: string | null) => {
  const inside = insideScope(scope, { province: recommendations.provinceCode, commune: recommendations.communeCode });
  if (!inside) return undefined;
  return organisationId ? or(inside, eq(recommendations.addresseeId, organisationId)) : inside;
};

export async function list(db: Executor, scope: AreaScope, f: SupervisionListReq) {
  const where = and(
    supervisionVisible(scope),
    matchesText(supervisions.topic, f.q),
    f.year ? eq(supervisions.year, f.year) : undefined,
    f.status ? eq(supervisions.status, f.status) : undefined,
    f.programme ? eq(supervisions.programmeId, f.programme) : undefined,
    f.task ? eq(supervisions.taskId, f.task) : undefined,
    inUnit(f.unit, { province: supervisions.provinceCode, commune: supervisions.communeCode }),
  );
  const column = f.sort === 'topic' ? supervisions.topic : supervisions.periodFrom;
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(supervisions)
      .where(where)
      .orderBy(orderBy(column, f.order), supervisions.id)
      .limit(f.limit)
      .offset(f.offset),
    db.select({ n: count() }).from(supervisions).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

export async function findSupervision(db: Executor, id: string, scope: AreaScope, lock = false) {
  const query = db
    .select()
    .from(supervisions)
    .where(and(eq(supervisions.id, id), supervisionVisible(scope)));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

export async function insertSupervision(db: Executor, row: NewSupervisionRow) {
  const [created] = await db.insert(supervisions).values(row).returning();
  return created!;
}

export const updateSupervision = (db: Executor, id: string, version: number, patch: Partial<NewSupervisionRow>) =>
  updateVersioned(db, supervisions, id, version, patch);

export async function supervisionsByIds(db: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  return db.select().from(supervisions).where(inArray(supervisions.id, ids));
}

export function recommendationsOf(db: Executor, supervisionIds: string[]) {
  if (supervisionIds.length === 0) return Promise.resolve([] as RecommendationRow[]);
  return db
    .select()
    .from(recommendations)
    .where(inArray(recommendations.supervisionId, supervisionIds))
    .orderBy(asc(recommendations.dueOn), asc(recommendations.createdAt));
}

export async function insertRecommendation(db: Executor, row: NewRecommendationRow) {
  const [created] = await db.insert(recommendations).values(row).returning();
  return created!;
}

const unresolved = notInArray(recommendations.status, ['resolved']);
const overdueSql = (today: string) => and(sql`${recommendations.dueOn} < ${today}`, unresolved);

export async function listRecommendations(
  db: Executor,
  scope: AreaScope,
  organisationId: string | null,
  f: RecommendationListReq,
  today: string,
) {
  const where = and(
    recommendationVisible(scope, organisationId),
    f.status ? eq(recommendations.status, f.status) : undefined,
    f.open === true ? unresolved : f.open === false ? eq(recommendations.status, 'resolved') : undefined,
    f.overdue === true ? overdueSql(today) : f.overdue === false ? sql`not (${overdueSql(today)})` : undefined,
    f.addressee ? eq(recommendations.addresseeId, f.addressee) : undefined,
    f.supervision ? eq(recommendations.supervisionId, f.supervision) : undefined,
    inUnit(f.unit, { province: recommendations.provinceCode, commune: recommendations.communeCode }),
  );
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(recommendations)
      .where(where)
      .orderBy(orderBy(recommendations.dueOn, f.order), recommendations.id)
      .limit(f.limit)
      .offset(f.offset),
    db.select({ n: count() }).from(recommendations).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

/** Unresolved recommendations addressed to an organisation, soonest due first. */
export function openForAddressee(db: Executor, organisationId: string) {
  return db
    .select()
    .from(recommendations)
    .where(and(eq(recommendations.addresseeId, organisationId), unresolved))
    .orderBy(asc(recommendations.dueOn))
    .limit(50);
}

export async function findRecommendationForUpdate(
  db: Executor,
  id: string,
  scope: AreaScope,
  organisationId: string | null,
) {
  const [row] = await db
    .select()
    .from(recommendations)
    .where(and(eq(recommendations.id, id), recommendationVisible(scope, organisationId)))
    .for('update');
  return row;
}

export const updateRecommendation = (db: Executor, id: string, version: number, patch: Partial<NewRecommendationRow>) =>
  updateVersioned(db, recommendations, id, version, patch);

/** A programme's supervisions in a period (by the supervised period's start), with their recommendations. */
export function ofProgrammeInPeriod(db: Executor, programmeId: string, from: string, to: string) {
  return db
    .select()
    .from(supervisions)
    .where(
      and(
        eq(supervisions.programmeId, programmeId),
        gte(supervisions.periodFrom, from),
        lte(supervisions.periodFrom, to),
      ),
    );
}
