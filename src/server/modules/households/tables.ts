import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { editableColumns, nameKeyColumns, sortKeyText } from '../../platform/db/columns';
import { villages } from '../villages/tables';

/**
 * A household (hộ gia đình) of the registry, with its dwelling (1:1, kept in the same row).
 * `search_key` folds the code, the address and every current member's name and citizen ID, so
 * one trigram index answers "nguyen van a", a household code or an ID.
 */
export const households = pgTable(
  'households',
  {
    id: uuid().primaryKey().defaultRandom(),
    provinceCode: text('province_code').notNull(),
    communeCode: text('commune_code').notNull(),
    villageId: uuid('village_id')
      .notNull()
      .references(() => villages.id),
    /** Unique within the commune (mã hộ). */
    code: text().notNull(),
    headName: text('head_name').notNull(),
    address: text().notNull(),
    area: text().notNull(), // rural | urban
    ethnicMinority: boolean('ethnic_minority').notNull().default(false),
    phone: text(),
    policyFlags: text('policy_flags')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    // Dwelling (nhà ở và điều kiện sống); NULL = not recorded yet.
    walls: text(),
    frame: text(),
    roof: text(),
    floorArea: numeric('floor_area', { precision: 7, scale: 1, mode: 'number' }),
    cleanWater: boolean('clean_water'),
    hygienicLatrine: boolean('hygienic_latrine'),
    telecomSubscription: boolean('telecom_subscription'),
    devices: text().array(),
    hearsLoudspeaker: boolean('hears_loudspeaker'),
    internetUse: boolean('internet_use'),
    wasteHandledHygienically: boolean('waste_handled_hygienically'),
    /**
     * Its current members (not left), and the head's ethnicity: kept by the database trigger
     * `household_people` on every write of members, whoever writes, so that the review's roll-up
     * of a province reads households alone instead of its millions of members (docs/benchmarks.md).
     */
    persons: integer().notNull().default(0),
    headEthnicity: text('head_ethnicity'),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    archiveReason: text('archive_reason'),
    /** The folded words of search_key: a GIN index finds households holding every word typed. */
    searchWords: text('search_words')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    ...nameKeyColumns(),
    ...editableColumns(),
  },
  (t) => [
    uniqueIndex('households_commune_code').on(t.communeCode, t.code),
    index('households_area').on(t.provinceCode, t.communeCode, t.villageId),
    index('households_province_sort').on(t.provinceCode, t.sortKey),
    index('households_search_words').using('gin', t.searchWords),
    /** The few archived households, for views over a province that leave them out without reading the rest. */
    index('households_archived')
      .on(t.id)
      .where(sql`${t.archivedAt} is not null`),
  ],
);

/** A member (nhân khẩu); one who left (moved away, died) keeps the row with `left_at`. */
export const householdMembers = pgTable(
  'household_members',
  {
    id: uuid().primaryKey().defaultRandom(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    provinceCode: text('province_code').notNull(),
    communeCode: text('commune_code').notNull(),
    position: integer().notNull(),
    fullName: text('full_name').notNull(),
    dateOfBirth: date('date_of_birth').notNull(),
    sex: text().notNull(),
    citizenId: text('citizen_id'),
    relation: text().notNull(),
    ethnicity: text().notNull(),
    disability: boolean().notNull().default(false),
    healthInsurance: boolean('health_insurance').notNull().default(false),
    attending: text(), // school level attended now
    education: text(), // highest level completed
    inTraining: boolean('in_training').notNull().default(false),
    work: text(),
    ableToWork: boolean('able_to_work').notNull().default(true),
    monthlySocialAllowance: boolean('monthly_social_allowance').notNull().default(false),
    stunted: boolean(),
    underweight: boolean(),
    leftAt: date('left_at'),
    leftReason: text('left_reason'),
    /** The folded full name, byte-ordered: a full name typed from the start is one index range. */
    nameKey: sortKeyText('name_key').notNull().default(''),
    ...nameKeyColumns(),
    ...editableColumns(),
  },
  (t) => [
    index('household_members_household').on(t.householdId, t.position),
    index('household_members_citizen_id').on(t.citizenId),
    // A commune's persons (its review summary, its roll-up) without reading the province's members;
    // with the province, counting them reads this index alone (a commune's members are spread over
    // the whole table: 23,000 pages read for one commune of 1.5 M households).
    index('household_members_commune')
      .on(t.provinceCode, t.communeCode, t.householdId)
      .where(sql`${t.leftAt} is null`),
    index('household_members_name')
      .on(t.provinceCode, t.nameKey)
      .where(sql`${t.leftAt} is null`),
  ],
);
