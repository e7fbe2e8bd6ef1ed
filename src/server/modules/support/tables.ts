import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { households } from '../households/tables';

/**
 * A distribution (đợt phát, e.g. 300 Tết gifts): one support of one kind to each household of a
 * commune's list, recorded all at once. The Idempotency-Key of the request that recorded it is
 * kept per user, so a retried request answers with this distribution and records nothing twice.
 */
export const supportDistributions = pgTable(
  'support_distributions',
  {
    id: uuid().primaryKey().defaultRandom(),
    provinceCode: text('province_code').notNull(),
    communeCode: text('commune_code').notNull(),
    kind: text().notNull(),
    sourceCode: text('source_code').notNull(),
    date: date({ mode: 'string' }).notNull(),
    decisionNumber: text('decision_number'),
    /** Paid from the Fund for the Poor: the fund that paid (each household's expenditure posting) and its campaign. */
    fundId: uuid('fund_id'),
    campaignId: uuid('campaign_id'),
    households: integer().notNull(),
    totalValue: bigint('total_value', { mode: 'number' }).notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    requestHash: text('request_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by').notNull(),
  },
  (t) => [
    uniqueIndex('support_distributions_key').on(t.createdBy, t.idempotencyKey),
    index('support_distributions_area').on(t.provinceCode, t.communeCode, t.date),
  ],
);

/**
 * One benefit a household (or one of its members) received (hỗ trợ): its kind, source, value in
 * VND (in kind at its agreed value), date, the approving decision and the proof of handing over.
 * Never deleted: a record entered by mistake is cancelled with a reason, and no longer counts.
 */
export const supportRecords = pgTable(
  'support_records',
  {
    id: uuid().primaryKey().defaultRandom(),
    provinceCode: text('province_code').notNull(),
    communeCode: text('commune_code').notNull(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    memberId: uuid('member_id'),
    kind: text().notNull(),
    sourceCode: text('source_code').notNull(),
    value: bigint({ mode: 'number' }).notNull(),
    date: date({ mode: 'string' }).notNull(),
    decisionNumber: text('decision_number'),
    handoverProof: text('handover_proof'),
    note: text(),
    /** Policy loans: term and what is still owed. */
    loanTermMonths: integer('loan_term_months'),
    loanOutstanding: bigint('loan_outstanding', { mode: 'number' }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    cancelReason: text('cancel_reason'),
    /**
     * Paid from the Fund for the Poor: the fund's expenditure posting that is this same support
     * (written, and reversed, in one transaction with it).
     */
    fundPostingId: uuid('fund_posting_id'),
    /** Handed out in a distribution (a list of households at once). */
    distributionId: uuid('distribution_id').references(() => supportDistributions.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
  },
  (t) => [
    index('support_records_household').on(t.householdId, t.date),
    index('support_records_area').on(t.provinceCode, t.communeCode, t.date),
    index('support_records_distribution').on(t.distributionId),
    uniqueIndex('support_records_fund_posting').on(t.fundPostingId),
    check('support_records_value_positive', sql`${t.value} > 0`),
  ],
);

/**
 * A house built or repaired with support (nhà đại đoàn kết, hỗ trợ nhà ở), from approval to
 * hand-over: the date of each stage reached, the planned completion, the builder and the funding
 * split by source (`[{sourceCode, amount}]`, amounts in VND).
 */
export const houses = pgTable(
  'houses',
  {
    id: uuid().primaryKey().defaultRandom(),
    provinceCode: text('province_code').notNull(),
    communeCode: text('commune_code').notNull(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    kind: text().notNull(), // build | repair
    decisionNumber: text('decision_number').notNull(),
    approvedOn: date('approved_on', { mode: 'string' }).notNull(),
    plannedCompletion: date('planned_completion', { mode: 'string' }).notNull(),
    startedOn: date('started_on', { mode: 'string' }),
    completedOn: date('completed_on', { mode: 'string' }),
    handedOverOn: date('handed_over_on', { mode: 'string' }),
    builder: text(),
    funding: jsonb().$type<{ sourceCode: string; amount: number }[]>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer().notNull().default(1),
  },
  (t) => [
    index('houses_area').on(t.provinceCode, t.communeCode, t.approvedOn),
    index('houses_household').on(t.householdId),
  ],
);
