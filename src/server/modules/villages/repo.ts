import { and, count, eq, inArray, isNull, ne } from 'drizzle-orm';
import type { AreaScope } from '../../../domain/access';
import { insideScope } from '../../platform/access';
import { updateVersioned } from '../../platform/changes';
import type { Executor } from '../../platform/db/database';
import { matchesSearch, orderBy } from '../../platform/list';
import type { VillageListReq } from './schemas';
import { villages } from './tables';

export type VillageRow = typeof villages.$inferSelect;
export type NewVillageRow = typeof villages.$inferInsert;

const inScope = (scope: AreaScope) =>
  insideScope(scope, { province: villages.provinceCode, commune: villages.communeCode });

export async function list(db: Executor, scope: AreaScope, f: VillageListReq) {
  const where = and(
    inScope(scope),
    f.commune ? eq(villages.communeCode, f.commune) : undefined,
    matchesSearch(villages.searchKey, f.q),
    f.includeArchived ? undefined : isNull(villages.archivedAt),
  );
  const column = f.sort === 'createdAt' ? villages.createdAt : villages.sortKey;
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(villages)
      .where(where)
      .orderBy(orderBy(column, f.order), villages.id)
      .limit(f.limit)
      .offset(f.offset),
    db.select({ n: count() }).from(villages).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

export async function findInScope(db: Executor, id: string, scope: AreaScope) {
  const [row] = await db
    .select()
    .from(villages)
    .where(and(eq(villages.id, id), inScope(scope)));
  return row;
}

export async function findForUpdate(db: Executor, id: string, scope: AreaScope) {
  const [row] = await db
    .select()
    .from(villages)
    .where(and(eq(villages.id, id), inScope(scope)))
    .for('update');
  return row;
}

/** An active village of the commune with the same folded name (names are unique per commune). */
export async function findNamesake(db: Executor, communeCode: string, searchKey: string, exceptId?: string) {
  const [row] = await db
    .select({ id: villages.id })
    .from(villages)
    .where(
      and(
        eq(villages.communeCode, communeCode),
        eq(villages.searchKey, searchKey),
        isNull(villages.archivedAt),
        exceptId ? ne(villages.id, exceptId) : undefined,
      ),
    );
  return row;
}

export async function insert(db: Executor, row: NewVillageRow) {
  const [created] = await db.insert(villages).values(row).returning();
  return created!;
}

export const update = (db: Executor, id: string, version: number, patch: Partial<NewVillageRow>) =>
  updateVersioned(db, villages, id, version, patch);

export async function namesByIds(db: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  return db.select({ id: villages.id, name: villages.name }).from(villages).where(inArray(villages.id, ids));
}
