import {
  and,
  arrayContains,
  asc,
  count,
  desc,
  eq,
  gt,
  gte,
  inArray,
  isNull,
  lte,
  min,
  ne,
  sql,
  type SQL,
} from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Area, AreaScope } from '../../../domain/access';
import { insideScope } from '../../platform/access';
import type { Executor } from '../../platform/db/database';
import { households } from '../households/tables';
import { householdAssessments } from './tables';

export type AssessmentRow = typeof householdAssessments.$inferSelect;
export type NewAssessmentRow = typeof householdAssessments.$inferInsert;

const inScope = (scope: AreaScope) =>
  insideScope(scope, { province: householdAssessments.provinceCode, commune: householdAssessments.communeCode });

export function ofHousehold(db: Executor, householdId: string) {
  return db
    .select()
    .from(householdAssessments)
    .where(eq(householdAssessments.householdId, householdId))
    .orderBy(desc(householdAssessments.year));
}

export async function findForUpdate(db: Executor, id: string, scope: AreaScope) {
  const [row] = await db
    .select()
    .from(householdAssessments)
    .where(and(eq(householdAssessments.id, id), inScope(scope)))
    .for('update');
  return row;
}

export async function findByYear(db: Executor, householdId: string, year: number) {
  const [row] = await db
    .select({ id: householdAssessments.id })
    .from(householdAssessments)
    .where(and(eq(householdAssessments.householdId, householdId), eq(householdAssessments.year, year)));
  return row;
}

export async function insert(db: Executor, row: NewAssessmentRow) {
  const [created] = await db.insert(householdAssessments).values(row).returning();
  return created!;
}

export async function update(db: Executor, id: string, version: number, patch: Partial<NewAssessmentRow>) {
  const [row] = await db
    .update(householdAssessments)
    .set({ ...patch, version: sql`${householdAssessments.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(householdAssessments.id, id), eq(householdAssessments.version, version)))
    .returning();
  return row;
}

/** The first list year assessed in the commune: before it nothing is known (movement baseline). */
export async function firstAssessedYear(db: Executor, communeCode: string) {
  const [row] = await db
    .select({ year: min(householdAssessments.year) })
    .from(householdAssessments)
    .where(eq(householdAssessments.communeCode, communeCode));
  return row?.year ?? null;
}

/** Each household's latest assessment (its current status), one grouped query for a page. */
export async function latestOf(db: Executor, householdIds: string[]) {
  if (householdIds.length === 0) return [];
  return db
    .selectDistinctOn([householdAssessments.householdId], {
      householdId: householdAssessments.householdId,
      year: householdAssessments.year,
      category: householdAssessments.category,
      deprivationCount: householdAssessments.deprivationCount,
    })
    .from(householdAssessments)
    .where(inArray(householdAssessments.householdId, householdIds))
    .orderBy(householdAssessments.householdId, desc(householdAssessments.year));
}

/** Each household's latest surveyed income in a range of list years (survey rows only). */
export async function surveyedIncomesOf(db: Executor, householdIds: string[], years: { from: number; to: number }) {
  if (householdIds.length === 0) return [];
  return db
    .selectDistinctOn([householdAssessments.householdId], {
      householdId: householdAssessments.householdId,
      year: householdAssessments.year,
      incomePerCapitaMonthly: householdAssessments.incomePerCapitaMonthly,
      incomeScore: householdAssessments.incomeScore,
      causes: householdAssessments.causes,
    })
    .from(householdAssessments)
    .where(
      and(
        inArray(householdAssessments.householdId, householdIds),
        eq(householdAssessments.source, 'survey'),
        gte(householdAssessments.year, years.from),
        lte(householdAssessments.year, years.to),
      ),
    )
    .orderBy(householdAssessments.householdId, desc(householdAssessments.year));
}

/** Every list year's category of each household (its status history), one query for a set. */
export function categoriesOf(db: Executor, householdIds: string[]) {
  if (householdIds.length === 0) return Promise.resolve([]);
  return db
    .select({
      householdId: householdAssessments.householdId,
      year: householdAssessments.year,
      category: householdAssessments.category,
    })
    .from(householdAssessments)
    .where(inArray(householdAssessments.householdId, householdIds));
}

/** Households whose assessment of `year` has the category and the deprived indicator asked for. */
export function assessedIn(filter: { year: number; category?: string; indicator?: string }): SQL {
  const matching = sql`select ${householdAssessments.householdId} from ${householdAssessments} where ${and(
    eq(householdAssessments.year, filter.year),
    filter.category ? eq(householdAssessments.category, filter.category) : undefined,
    filter.indicator ? arrayContains(householdAssessments.deprivations, [filter.indicator]) : undefined,
  )}`;
  return sql`${households.id} in (${matching})`;
}

export interface Selection {
  provinceCode?: string;
  communeCode?: string;
  villageId?: string;
}

/**
 * The official results of a year for the current households of a selection, in the caller's
 * scope: one page after `afterId` (keyset), so a province is read a page at a time.
 */
export function ofSelection(
  db: Executor,
  scope: AreaScope,
  selection: Selection,
  year: number,
  page: { afterId: string | null; limit: number },
) {
  return db
    .select({
      assessment: householdAssessments,
      code: households.code,
      headName: households.headName,
      villageId: households.villageId,
    })
    .from(householdAssessments)
    .innerJoin(households, eq(households.id, householdAssessments.householdId))
    .where(
      and(
        inScope(scope),
        eq(householdAssessments.year, year),
        isNull(households.archivedAt),
        selection.provinceCode ? eq(householdAssessments.provinceCode, selection.provinceCode) : undefined,
        selection.communeCode ? eq(householdAssessments.communeCode, selection.communeCode) : undefined,
        selection.villageId ? eq(households.villageId, selection.villageId) : undefined,
        page.afterId ? gt(householdAssessments.id, page.afterId) : undefined,
      ),
    )
    .orderBy(asc(householdAssessments.id))
    .limit(page.limit);
}

/**
 * Households of an area that escaped poverty: poor in the list of one year and not poor in the
 * next, for list years in [fromYear, toYear] (the year that is no longer poor counts).
 */
export async function escapedPoverty(db: Executor, area: Area, fromYear: number, toYear: number): Promise<number> {
  const before = alias(householdAssessments, 'before');
  const [row] = await db
    .select({ n: count() })
    .from(householdAssessments)
    .innerJoin(
      before,
      and(
        eq(before.householdId, householdAssessments.householdId),
        eq(before.year, sql`${householdAssessments.year} - 1`),
      ),
    )
    .where(
      and(
        area.provinceCode ? eq(householdAssessments.provinceCode, area.provinceCode) : undefined,
        area.communeCode ? eq(householdAssessments.communeCode, area.communeCode) : undefined,
        gte(householdAssessments.year, fromYear),
        lte(householdAssessments.year, toYear),
        eq(before.category, 'poor'),
        ne(householdAssessments.category, 'poor'),
      ),
    );
  return row?.n ?? 0;
}

/** The households of a commune on a year's poor or near-poor list (the review lists them again). */
/** With the province, so the area index `(province_code, year, category, commune_code)` serves it. */
export function onListsOf(db: Executor, area: { provinceCode: string; communeCode: string }, year: number) {
  return db
    .select({
      householdId: households.id,
      provinceCode: households.provinceCode,
      communeCode: households.communeCode,
      villageId: households.villageId,
      code: households.code,
      headName: households.headName,
      category: householdAssessments.category,
    })
    .from(householdAssessments)
    .innerJoin(households, eq(households.id, householdAssessments.householdId))
    .where(
      and(
        eq(householdAssessments.provinceCode, area.provinceCode),
        eq(householdAssessments.year, year),
        inArray(householdAssessments.category, ['poor', 'near_poor']),
        eq(householdAssessments.communeCode, area.communeCode),
        isNull(households.archivedAt),
      ),
    )
    .orderBy(asc(households.code));
}

/** Decided results written by a review: one statement per page of households. */
export async function upsertDecided(db: Executor, rows: NewAssessmentRow[]) {
  if (rows.length === 0) return [];
  return db
    .insert(householdAssessments)
    .values(rows)
    .onConflictDoUpdate({
      target: [householdAssessments.householdId, householdAssessments.year],
      set: {
        standardId: sql`excluded.standard_id`,
        standardVersion: sql`excluded.standard_version`,
        source: sql`excluded.source`,
        surveyDate: sql`excluded.survey_date`,
        area: sql`excluded.area`,
        incomePerCapitaMonthly: sql`excluded.income_per_capita_monthly`,
        incomeScore: sql`excluded.income_score`,
        facts: sql`excluded.facts`,
        indicators: sql`excluded.indicators`,
        deprivations: sql`excluded.deprivations`,
        deprivationCount: sql`excluded.deprivation_count`,
        category: sql`excluded.category`,
        rule: sql`excluded.rule`,
        causes: sql`excluded.causes`,
        decisionNumber: sql`excluded.decision_number`,
        decisionDate: sql`excluded.decision_date`,
        note: sql`excluded.note`,
        version: sql`${householdAssessments.version} + 1`,
        updatedAt: sql`now()`,
      },
    })
    .returning({ id: householdAssessments.id, householdId: householdAssessments.householdId });
}
