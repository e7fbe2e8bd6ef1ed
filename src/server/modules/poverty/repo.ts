import { and, desc, eq, isNull, or, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database';
import { loadedStandards } from './tables';

export type LoadedStandardRow = typeof loadedStandards.$inferSelect;

/** National standards, plus the province's own when a province is given. */
export async function listLoaded(db: Executor, provinceCode: string | null): Promise<LoadedStandardRow[]> {
  const scope = provinceCode
    ? or(isNull(loadedStandards.provinceCode), eq(loadedStandards.provinceCode, provinceCode))
    : isNull(loadedStandards.provinceCode);
  return db.select().from(loadedStandards).where(scope).orderBy(desc(loadedStandards.loadedAt));
}

export async function maxVersion(db: Executor, standardId: string, provinceCode: string | null): Promise<number> {
  const [row] = await db
    .select({ v: sql<number>`coalesce(max(${loadedStandards.version}), 0)::int` })
    .from(loadedStandards)
    .where(
      and(
        eq(loadedStandards.standardId, standardId),
        provinceCode
          ? or(isNull(loadedStandards.provinceCode), eq(loadedStandards.provinceCode, provinceCode))
          : isNull(loadedStandards.provinceCode),
      ),
    );
  return row?.v ?? 0;
}

export async function insert(db: Executor, row: typeof loadedStandards.$inferInsert): Promise<LoadedStandardRow> {
  const [created] = await db.insert(loadedStandards).values(row).returning();
  return created!;
}
