import {
  and,
  arrayContains,
  asc,
  count,
  eq,
  getTableColumns,
  inArray,
  isNull,
  like,
  ne,
  sql,
  type SQL,
} from 'drizzle-orm';
import type { AreaScope } from '../../../domain/access';
import { foldAccents } from '../../../domain/text';
import { insideScope } from '../../platform/access';
import { updateVersioned } from '../../platform/changes';
import type { Executor } from '../../platform/db/database';
import { escapeLike, matchesSearch, orderBy } from '../../platform/list';
import type { HouseholdListReq } from './schemas';
import { householdMembers, households } from './tables';

export type HouseholdRow = typeof households.$inferSelect;
export type NewHouseholdRow = typeof households.$inferInsert;
export type MemberRow = typeof householdMembers.$inferSelect;
export type NewMemberRow = typeof householdMembers.$inferInsert;

const inScope = (scope: AreaScope) =>
  insideScope(scope, { province: households.provinceCode, commune: households.communeCode });

/** Counting stops here: a province has hundreds of thousands of households (the UI says "more than"). */
export const TOTAL_CAP = 10_000;

/**
 * `phrase`: every word typed but the last must be a whole word of the household (GIN on
 * search_words); the whole phrase, the last word possibly unfinished, must occur in search_key
 * (trigrams). `name_prefix`: a current member's folded full name starts with what was typed
 * (one range of the members' name index).
 */
function searchPredicate(db: Executor, scope: AreaScope, q: string | undefined, mode: SearchMode) {
  const folded = q ? foldAccents(q) : '';
  if (!folded) return undefined;
  if (mode === 'name_prefix') {
    const named = db
      .select({ id: householdMembers.householdId })
      .from(householdMembers)
      .where(
        and(
          insideScope(scope, { province: householdMembers.provinceCode, commune: householdMembers.communeCode }),
          isNull(householdMembers.leftAt),
          like(householdMembers.nameKey, `${escapeLike(folded)}%`),
        ),
      );
    // An array computed first, not a semi-join: else the planner may walk the province in name
    // order hoping to meet matches early (3.5 s instead of 0.15 s at 1,000,000 households).
    return sql`${households.id} = any(array(${named}))`;
  }
  const words = folded.split(' ');
  return and(
    words.length > 1 ? arrayContains(households.searchWords, words.slice(0, -1)) : undefined,
    matchesSearch(households.searchKey, q),
  );
}

export type SearchMode = 'phrase' | 'name_prefix';

/**
 * Where a keyset page starts: after this household in the list's order. The sort value travels
 * as the database's text of it (a JavaScript date would lose the microseconds of created_at).
 */
export interface ListCursor {
  key: string;
  id: string;
}

const SORT_COLUMNS = { head: households.sortKey, code: households.code, createdAt: households.createdAt };

/**
 * `assessed`: the assessments module's filter on the households' yearly results. `after`: the
 * page after that household (keyset), instead of `offset`, for walking a province (the export).
 */
export async function list(
  db: Executor,
  scope: AreaScope,
  f: HouseholdListReq,
  mode: SearchMode = 'phrase',
  assessed?: SQL,
  after?: ListCursor,
) {
  const column = SORT_COLUMNS[f.sort];
  // Written so that the sort index starts its range at the cursor (an OR alone would scan from the start).
  const [from, past] = f.order === 'desc' ? ['<=', '<'] : ['>=', '>'];
  const beyond = after
    ? sql`${column} ${sql.raw(from)} ${after.key}
          and (${column} ${sql.raw(past)} ${after.key} or ${households.id} > ${after.id})`
    : undefined;
  const where = and(
    inScope(scope),
    assessed,
    f.province ? eq(households.provinceCode, f.province) : undefined,
    f.commune ? eq(households.communeCode, f.commune) : undefined,
    f.village ? eq(households.villageId, f.village) : undefined,
    f.policyFlag ? arrayContains(households.policyFlags, [f.policyFlag]) : undefined,
    searchPredicate(db, scope, f.q, mode),
    f.includeArchived ? undefined : isNull(households.archivedAt),
  );
  const capped = db
    .select({ one: sql`1` })
    .from(households)
    .where(where)
    .limit(TOTAL_CAP + 1)
    .as('capped');
  const [items, [total]] = await Promise.all([
    db
      .select({ ...getTableColumns(households), sortValue: sql<string>`${column}::text` })
      .from(households)
      .where(and(where, beyond))
      .orderBy(orderBy(column, f.order), households.id)
      .limit(f.limit)
      .offset(after ? 0 : f.offset),
    after ? Promise.resolve([{ n: 0 }]) : db.select({ n: count() }).from(capped), // a next page needs no total
  ]);
  const n = total?.n ?? 0;
  return { items, total: Math.min(n, TOTAL_CAP), totalCapped: n > TOTAL_CAP };
}

export async function findInScope(db: Executor, id: string, scope: AreaScope) {
  const [row] = await db
    .select()
    .from(households)
    .where(and(eq(households.id, id), inScope(scope)));
  return row;
}

/** Several households in scope, one statement (a batch the caller walks). */
export function findManyInScope(db: Executor, ids: string[], scope: AreaScope) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(households)
    .where(and(inArray(households.id, ids), inScope(scope)));
}

export async function findForUpdate(db: Executor, id: string, scope: AreaScope) {
  const [row] = await db
    .select()
    .from(households)
    .where(and(eq(households.id, id), inScope(scope)))
    .for('update');
  return row;
}

export async function findByCode(db: Executor, communeCode: string, code: string, exceptId?: string) {
  const [row] = await db
    .select({ id: households.id })
    .from(households)
    .where(
      and(
        eq(households.communeCode, communeCode),
        eq(households.code, code),
        exceptId ? ne(households.id, exceptId) : undefined,
      ),
    );
  return row;
}

export async function insert(db: Executor, row: NewHouseholdRow) {
  const [created] = await db.insert(households).values(row).returning();
  return created!;
}

export const update = (db: Executor, id: string, version: number, patch: Partial<NewHouseholdRow>) =>
  updateVersioned(db, households, id, version, patch);

/** The members of households; only those inside `scope` when one is given. */
export async function membersOf(db: Executor, householdIds: string[], scope?: AreaScope) {
  if (householdIds.length === 0) return [];
  const area = { province: householdMembers.provinceCode, commune: householdMembers.communeCode };
  return db
    .select()
    .from(householdMembers)
    .where(and(inArray(householdMembers.householdId, householdIds), scope ? insideScope(scope, area) : undefined))
    .orderBy(asc(householdMembers.position));
}

/** How many current members each household has (one grouped query for a page of households). */
export async function currentMemberCounts(db: Executor, householdIds: string[]): Promise<Map<string, number>> {
  if (householdIds.length === 0) return new Map();
  const rows = await db
    .select({ id: householdMembers.householdId, n: count() })
    .from(householdMembers)
    .where(and(inArray(householdMembers.householdId, householdIds), isNull(householdMembers.leftAt)))
    .groupBy(householdMembers.householdId);
  return new Map(rows.map((r) => [r.id, r.n]));
}

export async function insertMembers(db: Executor, rows: NewMemberRow[]) {
  return db.insert(householdMembers).values(rows).returning();
}

export async function updateMember(db: Executor, id: string, patch: Partial<NewMemberRow>) {
  const [row] = await db
    .update(householdMembers)
    .set({ ...patch, version: sql`${householdMembers.version} + 1`, updatedAt: sql`now()` })
    .where(eq(householdMembers.id, id))
    .returning();
  return row;
}

/** Current members elsewhere who carry one of these citizen IDs (possible duplicates). */
export async function sameCitizenIds(db: Executor, ids: string[], exceptHousehold: string) {
  if (ids.length === 0) return [];
  return db
    .select({
      citizenId: householdMembers.citizenId,
      householdId: households.id,
      householdCode: households.code,
      provinceCode: households.provinceCode,
      communeCode: households.communeCode,
    })
    .from(householdMembers)
    .innerJoin(households, eq(households.id, householdMembers.householdId))
    .where(
      and(
        inArray(householdMembers.citizenId, ids),
        ne(householdMembers.householdId, exceptHousehold),
        isNull(householdMembers.leftAt),
        isNull(households.archivedAt),
      ),
    );
}

export async function moveMembers(db: Executor, memberIds: string[], householdId: string, firstPosition: number) {
  for (const [i, id] of memberIds.entries()) {
    await db
      .update(householdMembers)
      .set({
        householdId,
        position: firstPosition + i,
        version: sql`${householdMembers.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(eq(householdMembers.id, id));
  }
}
