import { and, count, eq, gte, inArray, lte } from 'drizzle-orm';
import type { AreaScope } from '../../../domain/access';
import { insideOrAboveScope, insideScope } from '../../platform/access';
import type { Executor } from '../../platform/db/database';
import { updateVersioned } from '../../platform/changes';
import { orderBy } from '../../platform/list';
import type { CommendationListReq, MovementListReq } from './schemas';
import { commendations, movements } from './tables';

export type MovementRow = typeof movements.$inferSelect;
export type CommendationRow = typeof commendations.$inferSelect;
type NewMovementRow = typeof movements.$inferInsert;
type NewCommendationRow = typeof commendations.$inferInsert;

/** A movement launched by the province runs in its communes too. */
const movementVisible = (scope: AreaScope) =>
  insideOrAboveScope(scope, { province: movements.provinceCode, commune: movements.communeCode });
const commendationVisible = (scope: AreaScope) =>
  insideScope(scope, { province: commendations.provinceCode, commune: commendations.communeCode });

export async function listMovements(db: Executor, scope: AreaScope, f: MovementListReq) {
  const where = movementVisible(scope);
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(movements)
      .where(where)
      .orderBy(orderBy(movements.periodFrom, f.order), movements.id)
      .limit(f.limit)
      .offset(f.offset),
    db.select({ n: count() }).from(movements).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

export async function findMovement(db: Executor, id: string, scope: AreaScope) {
  const [row] = await db
    .select()
    .from(movements)
    .where(and(eq(movements.id, id), movementVisible(scope)));
  return row;
}

export async function movementNames(db: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  return db.select({ id: movements.id, name: movements.name }).from(movements).where(inArray(movements.id, ids));
}

export async function insertMovement(db: Executor, row: NewMovementRow) {
  const [created] = await db.insert(movements).values(row).returning();
  return created!;
}

/** Locks a movement the scope sees (its own or one above: the service refuses the latter). */
export async function findMovementForUpdate(db: Executor, id: string, scope: AreaScope) {
  const [row] = await db
    .select()
    .from(movements)
    .where(and(eq(movements.id, id), movementVisible(scope)))
    .for('update');
  return row;
}

export const updateMovement = (db: Executor, id: string, version: number, patch: Partial<NewMovementRow>) =>
  updateVersioned(db, movements, id, version, patch);

export async function listCommendations(db: Executor, scope: AreaScope, f: CommendationListReq) {
  const where = and(
    commendationVisible(scope),
    f.movement ? eq(commendations.movementId, f.movement) : undefined,
    f.programme ? eq(commendations.programmeId, f.programme) : undefined,
    f.recipientKind ? eq(commendations.recipientKind, f.recipientKind) : undefined,
    f.level ? eq(commendations.level, f.level) : undefined,
    f.from ? gte(commendations.decisionDate, f.from) : undefined,
    f.to ? lte(commendations.decisionDate, f.to) : undefined,
  );
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(commendations)
      .where(where)
      .orderBy(orderBy(commendations.decisionDate, f.order), commendations.id)
      .limit(f.limit)
      .offset(f.offset),
    db.select({ n: count() }).from(commendations).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

export async function insertCommendation(db: Executor, row: NewCommendationRow) {
  const [created] = await db.insert(commendations).values(row).returning();
  return created!;
}

export async function findCommendationForUpdate(db: Executor, id: string, scope: AreaScope) {
  const [row] = await db
    .select()
    .from(commendations)
    .where(and(eq(commendations.id, id), commendationVisible(scope)))
    .for('update');
  return row;
}

export const updateCommendation = (db: Executor, id: string, version: number, patch: Partial<NewCommendationRow>) =>
  updateVersioned(db, commendations, id, version, patch);

/** A programme's commendations decided in the period, for its review report. */
export function ofProgrammeInPeriod(db: Executor, programmeId: string, from: string, to: string) {
  return db
    .select({ contentId: commendations.contentId })
    .from(commendations)
    .where(
      and(
        eq(commendations.programmeId, programmeId),
        gte(commendations.decisionDate, from),
        lte(commendations.decisionDate, to),
      ),
    );
}
