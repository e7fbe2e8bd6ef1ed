import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { editableColumns, nameKeyColumns } from '../../platform/db/columns';

/** Organisations are data: who does what changes (2025 merged ministries and departments). */
export const organisations = pgTable(
  'organisations',
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    shortName: text('short_name'),
    kind: text().notNull(),
    /** The administrative unit it sits at; NULL = national. */
    unitCode: text('unit_code'),
    provinceCode: text('province_code'),
    communeCode: text('commune_code'),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    ...nameKeyColumns(),
    ...editableColumns(),
  },
  (t) => [index('organisations_area').on(t.provinceCode, t.communeCode)],
);
