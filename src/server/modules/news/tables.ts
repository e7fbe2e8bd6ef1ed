import { sql } from 'drizzle-orm';
import { date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { editableColumns, nameKeyColumns } from '../../platform/db/columns';
import { activities } from '../activities/tables';

/**
 * A news item (tin bài) on the public site: communication is part of the programme. Often it
 * tells of an activity, whose photos it may show; photos uploaded to the item itself are shown
 * too. Lies at the unit that publishes it.
 */
export const newsItems = pgTable(
  'news_items',
  {
    id: uuid().primaryKey().defaultRandom(),
    unitCode: text('unit_code').notNull(),
    provinceCode: text('province_code').notNull(),
    communeCode: text('commune_code'),
    title: text().notNull(),
    summary: text().notNull(),
    body: text(),
    /** When what it tells of happened. */
    happenedOn: date('happened_on').notNull(),
    activityId: uuid('activity_id').references(() => activities.id),
    organisationIds: uuid('organisation_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    /** The activity's photos chosen for the public page. */
    activityPhotoIds: uuid('activity_photo_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    status: text().notNull().default('draft'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    withdrawReason: text('withdraw_reason'),
    ...nameKeyColumns(),
    ...editableColumns(),
  },
  (t) => [
    index('news_items_area').on(t.provinceCode, t.communeCode, t.happenedOn),
    index('news_items_public')
      .on(t.provinceCode, t.publishedAt)
      .where(sql`${t.status} = 'published'`),
  ],
);
