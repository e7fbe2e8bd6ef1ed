import { customType, integer, text, timestamp } from 'drizzle-orm/pg-core';

/** Byte-ordered text for sort keys: identical ordering on PGlite and PostgreSQL. */
export const sortKeyText = customType<{ data: string }>({
  dataType: () => 'text COLLATE "C"',
});

/** Columns every editable registry row carries: timestamps and an optimistic-lock version. */
export const editableColumns = () => ({
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  version: integer().notNull().default(1),
});

/** Sort and search keys computed in code from a display name (see src/domain/text.ts). */
export const nameKeyColumns = () => ({
  sortKey: sortKeyText('sort_key').notNull(),
  searchKey: text('search_key').notNull(),
});

/** Raw bytes (an uploaded file). node-postgres reads a Buffer, PGlite a Uint8Array. */
export const bytes = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
});
