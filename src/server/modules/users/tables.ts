import { sql } from 'drizzle-orm';
import { boolean, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { editableColumns, nameKeyColumns } from '../../platform/db/columns';
import { organisations } from '../organisations/tables';

export const users = pgTable(
  'users',
  {
    id: uuid().primaryKey().defaultRandom(),
    username: text().notNull(),
    fullName: text('full_name').notNull(),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    /** Area scope: NULL codes = national; a province; or a commune (with its province). */
    provinceCode: text('province_code'),
    communeCode: text('commune_code'),
    roles: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    passwordHash: text('password_hash').notNull(),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    ...nameKeyColumns(),
    ...editableColumns(),
  },
  (t) => [
    uniqueIndex('users_username').on(sql`lower(${t.username})`),
    index('users_area').on(t.provinceCode, t.communeCode),
  ],
);
