import { and, count, desc, eq, isNotNull, type SQL } from 'drizzle-orm';
import type { AreaScope } from '../../../domain/access';
import { insideScope } from '../../platform/access';
import { updateVersioned } from '../../platform/changes';
import type { Executor } from '../../platform/db/database';
import { matchesSearch, orderBy } from '../../platform/list';
import type { NewsListReq, PublicNewsListReq } from './schemas';
import { newsItems } from './tables';

export type NewsRow = typeof newsItems.$inferSelect;
export type NewNewsRow = typeof newsItems.$inferInsert;

/** Officers see the news of their own area (drafts included); the public sees only what is published. */
const visibleTo = (scope: AreaScope) =>
  insideScope(scope, { province: newsItems.provinceCode, commune: newsItems.communeCode });

const unitFilter = (unit: string | undefined) =>
  !unit ? undefined : unit.length === 2 ? eq(newsItems.provinceCode, unit) : eq(newsItems.communeCode, unit);

export async function list(db: Executor, scope: AreaScope, f: NewsListReq) {
  const where = and(
    visibleTo(scope),
    matchesSearch(newsItems.searchKey, f.q),
    unitFilter(f.unit),
    f.status ? eq(newsItems.status, f.status) : undefined,
  );
  const column = f.sort === 'title' ? newsItems.sortKey : newsItems.happenedOn;
  const [items, [counted]] = await Promise.all([
    db
      .select()
      .from(newsItems)
      .where(where)
      .orderBy(orderBy(column, f.order), newsItems.id)
      .limit(f.limit)
      .offset(f.offset),
    db.select({ n: count() }).from(newsItems).where(where),
  ]);
  return { items, total: counted!.n };
}

export async function find(db: Executor, id: string, scope: AreaScope, lock = false) {
  const query = db
    .select()
    .from(newsItems)
    .where(and(eq(newsItems.id, id), visibleTo(scope)));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

export async function insert(db: Executor, row: NewNewsRow) {
  const [created] = await db.insert(newsItems).values(row).returning();
  return created!;
}

export const update = (db: Executor, id: string, version: number, patch: Partial<NewNewsRow>) =>
  updateVersioned(db, newsItems, id, version, patch);

const published = (extra?: SQL) => and(eq(newsItems.status, 'published'), isNotNull(newsItems.publishedAt), extra);

/** The latest published news, newest first (of one province, or of all). */
export async function listPublished(db: Executor, f: PublicNewsListReq) {
  const where = published(f.province ? eq(newsItems.provinceCode, f.province) : undefined);
  const [items, [counted]] = await Promise.all([
    db
      .select()
      .from(newsItems)
      .where(where)
      .orderBy(desc(newsItems.publishedAt), newsItems.id)
      .limit(f.limit)
      .offset(f.offset),
    db.select({ n: count() }).from(newsItems).where(where),
  ]);
  return { items, total: counted!.n };
}

export async function findPublished(db: Executor, id: string) {
  const [row] = await db
    .select()
    .from(newsItems)
    .where(published(eq(newsItems.id, id)));
  return row;
}
