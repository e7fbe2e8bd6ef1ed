import { sql } from 'drizzle-orm';
import { boolean, date, index, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { nameKeyColumns } from '../../platform/db/columns';

/**
 * Administrative units, effective-dated: a code can be reused by a new unit (since July 2025
 * many communes took the code of one of the units they were formed from), so a unit version is
 * (code, validity period). `valid_to` is exclusive; NULL = in force.
 */
export const adminUnits = pgTable(
  'admin_units',
  {
    id: uuid().primaryKey().defaultRandom(),
    code: text().notNull(),
    level: text().notNull(), // province | district | commune
    name: text().notNull(),
    fullName: text('full_name').notNull(),
    unitType: text('unit_type').notNull(),
    parentCode: text('parent_code'),
    validFrom: date('valid_from'),
    validTo: date('valid_to'),
    ...nameKeyColumns(),
  },
  (t) => [
    uniqueIndex('admin_units_current_code')
      .on(t.code)
      .where(sql`${t.validTo} is null`),
    uniqueIndex('admin_units_closed_code').on(t.code, t.validTo),
    index('admin_units_parent').on(t.parentCode, t.validTo),
  ],
);

/** Which old unit(s) each new unit was formed from (`partial` = split, to be confirmed). */
export const adminUnitSuccessions = pgTable(
  'admin_unit_successions',
  {
    predecessorId: uuid('predecessor_id')
      .notNull()
      .references(() => adminUnits.id),
    successorId: uuid('successor_id')
      .notNull()
      .references(() => adminUnits.id),
    kind: text().notNull(), // full | partial
    confirmed: boolean().notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.predecessorId, t.successorId] }),
    index('admin_unit_successions_successor').on(t.successorId),
  ],
);
