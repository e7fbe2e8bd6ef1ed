import { and, asc, count, eq, inArray, or, type SQL } from 'drizzle-orm';
import type { AreaScope } from '../../../domain/access';
import { insideScope } from '../../platform/access';
import { updateVersioned } from '../../platform/changes';
import type { Executor } from '../../platform/db/database';
import { matchesSearch, orderBy } from '../../platform/list';
import { households } from '../households/tables';
import type { ModelListReq } from './schemas';
import { modelParticipants, modelSupports, povertyModels } from './tables';

export type ModelRow = typeof povertyModels.$inferSelect;
export type NewModelRow = typeof povertyModels.$inferInsert;
export type ParticipantRow = typeof modelParticipants.$inferSelect & { householdCode: string; headName: string };

const inScope = (scope: AreaScope) =>
  insideScope(scope, { province: povertyModels.provinceCode, commune: povertyModels.communeCode });

export async function listModels(db: Executor, scope: AreaScope, f: ModelListReq) {
  const where = and(
    inScope(scope),
    matchesSearch(povertyModels.searchKey, f.q),
    f.commune ? eq(povertyModels.communeCode, f.commune) : undefined,
    f.kind ? eq(povertyModels.kind, f.kind) : undefined,
  );
  const column = f.sort === 'name' ? povertyModels.sortKey : povertyModels.startsOn;
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(povertyModels)
      .where(where)
      .orderBy(orderBy(column, f.order), povertyModels.id)
      .limit(f.limit)
      .offset(f.offset),
    db.select({ n: count() }).from(povertyModels).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

export async function findModel(db: Executor, id: string, scope: AreaScope, lock = false) {
  const query = db
    .select()
    .from(povertyModels)
    .where(and(eq(povertyModels.id, id), inScope(scope)));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

export async function insertModel(db: Executor, row: NewModelRow) {
  const [created] = await db.insert(povertyModels).values(row).returning();
  return created!;
}

export const updateModel = (db: Executor, id: string, version: number, patch: Partial<NewModelRow>) =>
  updateVersioned(db, povertyModels, id, version, patch);

/** The original (`rootId`) and every copy of it inside the scope, the original first. */
export function familyOf(db: Executor, rootId: string, scope: AreaScope) {
  return db
    .select()
    .from(povertyModels)
    .where(and(or(eq(povertyModels.id, rootId), eq(povertyModels.originId, rootId)), inScope(scope)))
    .orderBy(asc(povertyModels.startsOn), asc(povertyModels.createdAt));
}

const participantColumns = {
  participant: modelParticipants,
  householdCode: households.code,
  headName: households.headName,
};

/** The households of these models, with their code and head, in the order they joined. */
export async function participantsOf(db: Executor, modelIds: string[]): Promise<ParticipantRow[]> {
  if (modelIds.length === 0) return [];
  const rows = await db
    .select(participantColumns)
    .from(modelParticipants)
    .innerJoin(households, eq(households.id, modelParticipants.householdId))
    .where(inArray(modelParticipants.modelId, modelIds))
    .orderBy(asc(modelParticipants.joinedOn), asc(households.code));
  return rows.map((r) => ({ ...r.participant, householdCode: r.householdCode, headName: r.headName }));
}

export async function findParticipant(db: Executor, modelId: string, householdId: string) {
  const [row] = await db
    .select({ id: modelParticipants.id, joinedOn: modelParticipants.joinedOn, note: modelParticipants.note })
    .from(modelParticipants)
    .where(and(eq(modelParticipants.modelId, modelId), eq(modelParticipants.householdId, householdId)));
  return row;
}

export async function insertParticipant(db: Executor, row: typeof modelParticipants.$inferInsert) {
  const [created] = await db.insert(modelParticipants).values(row).returning();
  return created!;
}

export async function linkSupports(db: Executor, participantId: string, supportIds: string[]) {
  if (supportIds.length)
    await db.insert(modelSupports).values(supportIds.map((supportId) => ({ supportId, participantId })));
}

/** Take a participant off the model with its links to what it received (the supports themselves stay). */
export async function deleteParticipant(db: Executor, participantId: string) {
  await db.delete(modelSupports).where(eq(modelSupports.participantId, participantId));
  await db.delete(modelParticipants).where(eq(modelParticipants.id, participantId));
}

export function supportLinksOf(db: Executor, participantIds: string[]) {
  if (participantIds.length === 0) return Promise.resolve([]);
  return db.select().from(modelSupports).where(inArray(modelSupports.participantId, participantIds));
}

/** The models a household takes part in, inside the scope. */
export function modelsOfHousehold(db: Executor, householdId: string, scope: AreaScope) {
  const where: SQL | undefined = and(eq(modelParticipants.householdId, householdId), inScope(scope));
  return db
    .select({ model: povertyModels, joinedOn: modelParticipants.joinedOn })
    .from(modelParticipants)
    .innerJoin(povertyModels, eq(povertyModels.id, modelParticipants.modelId))
    .where(where)
    .orderBy(asc(modelParticipants.joinedOn));
}
