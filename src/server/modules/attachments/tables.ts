import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { bytes } from '../../platform/db/columns';

/**
 * A file attached to a record (tệp đính kèm): photos of an activity or a house, the signed copy
 * of a programme, the minutes of a supervision. It lies in its owner's area. Removing one keeps
 * the fact (who, when, why, its name and hash) but erases the bytes: a photo put on the wrong
 * record must really be gone.
 */
export const attachments = pgTable(
  'attachments',
  {
    id: uuid().primaryKey().defaultRandom(),
    ownerKind: text('owner_kind').notNull(),
    ownerId: uuid('owner_id').notNull(),
    provinceCode: text('province_code'),
    communeCode: text('commune_code'),
    fileName: text('file_name').notNull(),
    fileType: text('file_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text().notNull(),
    caption: text(),
    content: bytes(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
    removedAt: timestamp('removed_at', { withTimezone: true }),
    removedBy: uuid('removed_by'),
    removeReason: text('remove_reason'),
  },
  (t) => [
    index('attachments_owner').on(t.ownerKind, t.ownerId, t.createdAt),
    // The same file twice on one record is a double upload, also when two arrive at once.
    uniqueIndex('attachments_owner_file')
      .on(t.ownerKind, t.ownerId, t.sha256)
      .where(sql`${t.removedAt} IS NULL`),
    check('attachments_size_positive', sql`${t.sizeBytes} > 0`),
    check('attachments_removed_erased', sql`${t.removedAt} IS NULL OR ${t.content} IS NULL`),
  ],
);
