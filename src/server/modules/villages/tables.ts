import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { editableColumns, nameKeyColumns } from '../../platform/db/columns';

/** Villages (thôn, xóm, bản, ấp, tổ dân phố…): kept by each commune, below the official units. */
export const villages = pgTable(
  'villages',
  {
    id: uuid().primaryKey().defaultRandom(),
    provinceCode: text('province_code').notNull(),
    communeCode: text('commune_code').notNull(),
    name: text().notNull(),
    kind: text().notNull(),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    archiveReason: text('archive_reason'),
    ...nameKeyColumns(),
    ...editableColumns(),
  },
  (t) => [
    uniqueIndex('villages_commune_name')
      .on(t.communeCode, t.searchKey)
      .where(sql`${t.archivedAt} is null`),
    index('villages_province_commune').on(t.provinceCode, t.communeCode),
  ],
);
