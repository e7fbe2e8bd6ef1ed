import { sql } from 'drizzle-orm';
import { integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * Standards loaded by administrators (corrections of the built-in ones, or a province's own),
 * as validated JSON. Append-only: a correction is a new version, so an assessment that names
 * (standard, version) always reads the rules it was decided by.
 */
export const loadedStandards = pgTable(
  'poverty_standards',
  {
    id: uuid().primaryKey().defaultRandom(),
    standardId: text('standard_id').notNull(),
    version: integer().notNull(),
    /** NULL: national; else the province whose own standard this is. */
    provinceCode: text('province_code'),
    definition: jsonb().notNull(),
    loadedBy: uuid('loaded_by').notNull(),
    loadedAt: timestamp('loaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('poverty_standards_version').on(t.standardId, t.version, sql`coalesce(${t.provinceCode}, '')`)],
);
