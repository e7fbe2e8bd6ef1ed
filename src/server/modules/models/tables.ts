import { sql } from 'drizzle-orm';
import {
  bigint,
  date,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { editableColumns, nameKeyColumns } from '../../platform/db/columns';
import { households } from '../households/tables';
import { organisations } from '../organisations/tables';
import { supportRecords } from '../support/tables';

/**
 * A poverty-reduction model (mô hình giảm nghèo) in a commune: its kind, villages, lead and
 * partner organisations, period, budget by source (`[{sourceCode, amount}]`, VND), and the
 * results expected and reached. A copy of another model (nhân rộng, replication) keeps the id of
 * the model it was first copied from, so the original and its copies compare.
 */
export const povertyModels = pgTable(
  'poverty_models',
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    kind: text().notNull(),
    provinceCode: text('province_code').notNull(),
    communeCode: text('commune_code').notNull(),
    villageIds: uuid('village_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    leadOrganisationId: uuid('lead_organisation_id')
      .notNull()
      .references(() => organisations.id),
    partnerOrganisationIds: uuid('partner_organisation_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }),
    budget: jsonb().$type<{ sourceCode: string; amount: number }[]>().notNull(),
    expectedResults: text('expected_results').notNull(),
    /** Expected and reached increase of a participating household's income, VND a year. */
    expectedIncomeIncrease: bigint('expected_income_increase', { mode: 'number' }),
    actualResults: text('actual_results'),
    actualIncomeIncrease: bigint('actual_income_increase', { mode: 'number' }),
    originId: uuid('origin_id').references((): AnyPgColumn => povertyModels.id),
    ...nameKeyColumns(),
    ...editableColumns(),
  },
  (t) => [
    index('poverty_models_area').on(t.provinceCode, t.communeCode, t.startsOn),
    index('poverty_models_origin').on(t.originId),
  ],
);

/** A household taking part in a model, from the day it joined. */
export const modelParticipants = pgTable(
  'poverty_model_participants',
  {
    id: uuid().primaryKey().defaultRandom(),
    modelId: uuid('model_id')
      .notNull()
      .references(() => povertyModels.id),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    provinceCode: text('province_code').notNull(),
    communeCode: text('commune_code').notNull(),
    joinedOn: date('joined_on', { mode: 'string' }).notNull(),
    note: text(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('poverty_model_participants_household').on(t.modelId, t.householdId),
    index('poverty_model_participants_of_household').on(t.householdId),
  ],
);

/**
 * What a participant received through the model: its support records (kept by the support
 * module, shown once on the household page), linked here to the model.
 */
export const modelSupports = pgTable(
  'poverty_model_supports',
  {
    supportId: uuid('support_id')
      .primaryKey()
      .references(() => supportRecords.id),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => modelParticipants.id),
  },
  (t) => [index('poverty_model_supports_participant').on(t.participantId)],
);
