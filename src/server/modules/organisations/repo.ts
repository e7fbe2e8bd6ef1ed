import { and, count, eq, inArray, isNull } from 'drizzle-orm';
import type { AreaScope } from '../../../domain/access';
import { insideOrAboveScope } from '../../platform/access';
import { updateVersioned } from '../../platform/changes';
import type { Executor } from '../../platform/db/database';
import { matchesSearch, orderBy } from '../../platform/list';
import type { OrganisationListReq } from './schemas';
import { organisations } from './tables';

export type OrganisationRow = typeof organisations.$inferSelect;
export type NewOrganisationRow = typeof organisations.$inferInsert;

/** Organisations a user may see: those in their area and those above it. */
const visibleTo = (scope: AreaScope) =>
  insideOrAboveScope(scope, { province: organisations.provinceCode, commune: organisations.communeCode });

export async function list(db: Executor, scope: AreaScope, f: OrganisationListReq) {
  const where = and(
    visibleTo(scope),
    matchesSearch(organisations.searchKey, f.q),
    f.kind ? eq(organisations.kind, f.kind) : undefined,
    f.unit ? eq(organisations.unitCode, f.unit) : undefined,
    f.includeArchived ? undefined : isNull(organisations.archivedAt),
  );
  const column = f.sort === 'createdAt' ? organisations.createdAt : organisations.sortKey;
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(organisations)
      .where(where)
      .orderBy(orderBy(column, f.order), organisations.id)
      .limit(f.limit)
      .offset(f.offset),
    db.select({ n: count() }).from(organisations).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

export async function findVisible(db: Executor, id: string, scope: AreaScope) {
  const [row] = await db
    .select()
    .from(organisations)
    .where(and(eq(organisations.id, id), visibleTo(scope)));
  return row;
}

export async function findForUpdate(db: Executor, id: string, scope: AreaScope) {
  const [row] = await db
    .select()
    .from(organisations)
    .where(and(eq(organisations.id, id), visibleTo(scope)))
    .for('update');
  return row;
}

export async function insert(db: Executor, row: NewOrganisationRow) {
  const [created] = await db.insert(organisations).values(row).returning();
  return created!;
}

export const update = (db: Executor, id: string, version: number, patch: Partial<NewOrganisationRow>) =>
  updateVersioned(db, organisations, id, version, patch);

export async function namesByIds(db: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(inArray(organisations.id, ids));
}

export async function kindsByIds(db: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: organisations.id, kind: organisations.kind })
    .from(organisations)
    .where(inArray(organisations.id, ids));
}
