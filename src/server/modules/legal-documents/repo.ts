import { and, count, eq, inArray, isNull } from 'drizzle-orm';
import type { AreaScope } from '../../../domain/access';
import { insideOrAboveScope } from '../../platform/access';
import { updateVersioned } from '../../platform/changes';
import type { Executor } from '../../platform/db/database';
import { matchesSearch, orderBy } from '../../platform/list';
import type { LegalDocumentListReq } from './schemas';
import { legalDocuments } from './tables';

export type LegalDocumentRow = typeof legalDocuments.$inferSelect;
export type NewLegalDocumentRow = typeof legalDocuments.$inferInsert;

/** National texts, the province's and the commune's own. */
const visibleTo = (scope: AreaScope) =>
  insideOrAboveScope(scope, { province: legalDocuments.provinceCode, commune: legalDocuments.communeCode });

export async function list(db: Executor, scope: AreaScope, f: LegalDocumentListReq) {
  const where = and(
    visibleTo(scope),
    matchesSearch(legalDocuments.searchKey, f.q),
    f.kind ? eq(legalDocuments.kind, f.kind) : undefined,
  );
  const column = f.sort === 'number' ? legalDocuments.sortKey : legalDocuments.issuedOn;
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(legalDocuments)
      .where(where)
      .orderBy(orderBy(column, f.order), legalDocuments.sortKey, legalDocuments.id)
      .limit(f.limit)
      .offset(f.offset),
    db.select({ n: count() }).from(legalDocuments).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

export async function findVisible(db: Executor, id: string, scope: AreaScope) {
  const [row] = await db
    .select()
    .from(legalDocuments)
    .where(and(eq(legalDocuments.id, id), visibleTo(scope)));
  return row;
}

export async function findForUpdate(db: Executor, id: string, scope: AreaScope) {
  const [row] = await db
    .select()
    .from(legalDocuments)
    .where(and(eq(legalDocuments.id, id), visibleTo(scope)))
    .for('update');
  return row;
}

export async function findByNumber(db: Executor, number: string) {
  const [row] = await db.select().from(legalDocuments).where(eq(legalDocuments.number, number));
  return row;
}

/** National texts by their numbers (those the generated documents cite). */
export async function nationalByNumbers(db: Executor, numbers: string[]) {
  return db
    .select()
    .from(legalDocuments)
    .where(and(inArray(legalDocuments.number, numbers), isNull(legalDocuments.provinceCode)));
}

export async function visibleByIds(db: Executor, ids: string[], scope: AreaScope) {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(legalDocuments)
    .where(and(inArray(legalDocuments.id, ids), visibleTo(scope)));
}

export async function insert(db: Executor, row: NewLegalDocumentRow) {
  const [created] = await db.insert(legalDocuments).values(row).returning();
  return created!;
}

export async function insertMissing(db: Executor, rows: NewLegalDocumentRow[]) {
  if (rows.length === 0) return 0;
  const added = await db
    .insert(legalDocuments)
    .values(rows)
    .onConflictDoNothing({ target: legalDocuments.number })
    .returning({ id: legalDocuments.id });
  return added.length;
}

export const update = (db: Executor, id: string, version: number, patch: Partial<NewLegalDocumentRow>) =>
  updateVersioned(db, legalDocuments, id, version, patch);
