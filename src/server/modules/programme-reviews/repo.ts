import { and, asc, eq } from 'drizzle-orm';
import type { AreaScope } from '../../../domain/access';
import { insideOrAboveScope } from '../../platform/access';
import { updateVersioned } from '../../platform/changes';
import type { Executor } from '../../platform/db/database';
import { programmeReviews } from '../coordination/tables';

export type ReviewRow = typeof programmeReviews.$inferSelect;
export type NewReviewRow = typeof programmeReviews.$inferInsert;

/** Seen wherever its programme is seen. */
const visibleTo = (scope: AreaScope) =>
  insideOrAboveScope(scope, { province: programmeReviews.provinceCode, commune: programmeReviews.communeCode });

export function ofProgramme(db: Executor, programmeId: string) {
  return db
    .select()
    .from(programmeReviews)
    .where(eq(programmeReviews.programmeId, programmeId))
    .orderBy(asc(programmeReviews.periodTo), asc(programmeReviews.createdAt));
}

export async function find(db: Executor, id: string, scope: AreaScope, lock = false) {
  const query = db
    .select()
    .from(programmeReviews)
    .where(and(eq(programmeReviews.id, id), visibleTo(scope)));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

export async function insert(db: Executor, row: NewReviewRow) {
  const [created] = await db.insert(programmeReviews).values(row).returning();
  return created!;
}

export const update = (db: Executor, id: string, version: number, patch: Partial<NewReviewRow>) =>
  updateVersioned(db, programmeReviews, id, version, patch);
