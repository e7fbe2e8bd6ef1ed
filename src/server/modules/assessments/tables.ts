import { sql } from 'drizzle-orm';
import { bigint, boolean, date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { editableColumns } from '../../platform/db/columns';
import { households } from '../households/tables';

/**
 * A household's assessment for one year (đánh giá, xác định hộ nghèo): the list year it decides
 * (the periodic review at the end of 2025 decides the 2026 lists, so its year is 2026), the
 * standard and version it was decided by, what the survey recorded, each indicator as derived and
 * as overridden with the reason, and the result. Kept as decided: loading a corrected standard
 * never reclassifies it.
 */
export const householdAssessments = pgTable(
  'household_assessments',
  {
    id: uuid().primaryKey().defaultRandom(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    provinceCode: text('province_code').notNull(),
    communeCode: text('commune_code').notNull(),
    year: integer().notNull(),
    standardId: text('standard_id').notNull(),
    standardVersion: integer('standard_version').notNull(),
    /** survey: derived from the registry at the survey date; import: a result brought in from a list. */
    source: text().notNull(),
    surveyDate: date('survey_date').notNull(),
    area: text().notNull(),
    incomePerCapitaMonthly: bigint('income_per_capita_monthly', { mode: 'number' }).notNull(),
    /** B1, the regional scorecard's income score, when the survey used it. */
    incomeScore: integer('income_score'),
    /** The household facts the derivation read (members and dwelling at the survey date). */
    facts: jsonb(),
    /** Each indicator: derived (with reasons), the override and its reason, and what counts. */
    indicators: jsonb().notNull(),
    deprivations: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    deprivationCount: integer('deprivation_count').notNull(),
    category: text().notNull(),
    /** The rule of the standard that decided; `imported` when the category came from a list. */
    rule: text().notNull(),
    /** Causes of poverty (nguyên nhân nghèo). */
    causes: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /**
     * The household's facts the priority rule counts — its current members as at 1 January of the
     * list year, and whether it is an ethnic-minority household — filled by the database trigger
     * `assessment_member_facts` whenever the assessment is written, so that ranking a province
     * reads this one table instead of every member and household (docs/benchmarks.md).
     */
    children: integer().notNull().default(0),
    elderly: integer().notNull().default(0),
    disabled: integer().notNull().default(0),
    womanHeaded: boolean('woman_headed').notNull().default(false),
    ethnicMinority: boolean('ethnic_minority').notNull().default(false),
    decisionNumber: text('decision_number'),
    decisionDate: date('decision_date'),
    note: text(),
    ...editableColumns(),
  },
  (t) => [
    uniqueIndex('household_assessments_year').on(t.householdId, t.year),
    index('household_assessments_area').on(t.provinceCode, t.year, t.category, t.communeCode),
    index('household_assessments_deprivations').using('gin', t.deprivations),
  ],
);
