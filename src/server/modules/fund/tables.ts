import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { editableColumns } from '../../platform/db/columns';
import { organisations } from '../organisations/tables';

const money = (name: string) => bigint(name, { mode: 'number' });

/**
 * A Fund for the Poor (Quỹ "Vì người nghèo") of a Front committee at the province or a commune,
 * with its bank account. `balance`, `last_seq`, `last_hash` and `receipt_counters` are the head of its ledger, kept
 * in the same transaction as every posting (the row is locked while posting) and recomputed by
 * the ledger verification.
 */
export const funds = pgTable(
  'funds',
  {
    id: uuid().primaryKey().defaultRandom(),
    provinceCode: text('province_code').notNull(),
    /** NULL for the province's own fund. */
    communeCode: text('commune_code'),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    name: text().notNull(),
    bankBin: text('bank_bin'),
    bankName: text('bank_name'),
    accountNumber: text('account_number'),
    accountHolder: text('account_holder'),
    balance: money('balance').notNull().default(0),
    lastSeq: integer('last_seq').notNull().default(0),
    lastHash: text('last_hash').notNull().default(''),
    /**
     * The last receipt number of each year ({"2026": 41}): receipts are numbered per fund and year
     * with no gaps. Kept on the fund's head so the lock that serialises its postings also reads it.
     */
    receiptCounters: jsonb('receipt_counters').$type<Record<string, number>>().notNull().default({}),
    ...editableColumns(),
  },
  (t) => [
    index('funds_area').on(t.provinceCode, t.communeCode),
    // One fund per Front committee level: the province's, each commune's.
    uniqueIndex('funds_unit').on(t.provinceCode, sql`coalesce(${t.communeCode}, '')`),
  ],
);

/** A campaign (đợt vận động): the yearly Peak Month for the Poor, or one created for Tết, a disaster. */
export const fundCampaigns = pgTable(
  'fund_campaigns',
  {
    id: uuid().primaryKey().defaultRandom(),
    fundId: uuid('fund_id')
      .notNull()
      .references(() => funds.id),
    provinceCode: text('province_code').notNull(),
    communeCode: text('commune_code'),
    /** peak_month | other */
    kind: text().notNull(),
    /** The year of a Peak Month (17/10 – 18/11). */
    year: integer(),
    name: text().notNull(),
    startDate: date('start_date').notNull(),
    endDate: date('end_date').notNull(),
    targetAmount: money('target_amount'),
    /** Short reference carried in VietQR transfer notes. */
    reference: text().notNull(),
    /**
     * The money the campaign holds (its cash lines), kept by each posting's statement under its
     * fund's lock, so that a spending need not add up the campaign's lines; checked by the ledger
     * verification.
     */
    balance: money('balance').notNull().default(0),
    ...editableColumns(),
  },
  (t) => [
    index('fund_campaigns_fund').on(t.fundId, t.startDate),
    uniqueIndex('fund_campaigns_peak_month')
      .on(t.fundId, t.year)
      .where(sql`${t.kind} = 'peak_month'`),
  ],
);

/** A donor (nhà hảo tâm): individual, organisation, business or anonymous. */
export const fundDonors = pgTable(
  'fund_donors',
  {
    id: uuid().primaryKey().defaultRandom(),
    provinceCode: text('province_code').notNull(),
    communeCode: text('commune_code'),
    kind: text().notNull(),
    name: text(),
    phone: text(),
    email: text(),
    address: text(),
    /** The donor agreed that their name be published (else "Nhà hảo tâm"). */
    publishName: boolean('publish_name').notNull().default(false),
    /**
     * A duplicate merged into the donor kept (the survivor, never itself merged: no chains). The
     * ledger keeps the duplicate's id on its receipts; readers count them under the survivor.
     */
    mergedInto: uuid('merged_into').references((): AnyPgColumn => fundDonors.id),
    mergedAt: timestamp('merged_at', { withTimezone: true }),
    ...editableColumns(),
  },
  (t) => [
    index('fund_donors_area').on(t.provinceCode, t.communeCode),
    index('fund_donors_merged_into').on(t.mergedInto),
    check('fund_donors_not_merged_into_itself', sql`${t.mergedInto} <> ${t.id}`),
  ],
);

/**
 * The journal: append-only (triggers refuse UPDATE, DELETE, TRUNCATE). Each posting belongs to
 * one fund's chain (`seq` 1, 2, … and `hash` = sha256 of `prev_hash` and the canonical content,
 * lines included). Corrections are reversals.
 */
export const fundPostings = pgTable(
  'fund_postings',
  {
    id: uuid().primaryKey().defaultRandom(),
    fundId: uuid('fund_id')
      .notNull()
      .references(() => funds.id),
    seq: integer().notNull(),
    provinceCode: text('province_code').notNull(),
    communeCode: text('commune_code'),
    /** receipt | allocation | expenditure | reversal */
    kind: text().notNull(),
    date: date().notNull(),
    amount: money('amount').notNull(),
    receiptYear: integer('receipt_year'),
    receiptSeq: integer('receipt_seq'),
    /** cash | bank | in_kind (receipts) */
    method: text(),
    inKindItems: jsonb('in_kind_items'),
    campaignId: uuid('campaign_id').references(() => fundCampaigns.id),
    donorId: uuid('donor_id').references(() => fundDonors.id),
    donorKind: text('donor_kind'),
    donorName: text('donor_name'),
    /** Expenditure purpose category. */
    purpose: text(),
    householdId: uuid('household_id'),
    /** The commune the money went to (a household's, or the fund's own for collective spending). */
    beneficiaryCommuneCode: text('beneficiary_commune_code'),
    toFundId: uuid('to_fund_id').references(() => funds.id),
    decisionNumber: text('decision_number'),
    description: text(),
    reversalOf: uuid('reversal_of'),
    reason: text(),
    createdBy: uuid('created_by'),
    createdByName: text('created_by_name'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    prevHash: text('prev_hash').notNull(),
    hash: text().notNull(),
  },
  (t) => [
    uniqueIndex('fund_postings_chain').on(t.fundId, t.seq),
    uniqueIndex('fund_postings_receipt_number').on(t.fundId, t.receiptYear, t.receiptSeq),
    uniqueIndex('fund_postings_reversal_of').on(t.reversalOf),
    index('fund_postings_area').on(t.provinceCode, t.communeCode, t.date),
    index('fund_postings_fund_date').on(t.fundId, t.date),
    index('fund_postings_campaign').on(t.campaignId),
    index('fund_postings_household').on(t.householdId),
  ],
);

/**
 * Double-entry lines of a posting; their amounts (signed: debit positive) sum to zero per
 * posting, checked by a deferred constraint trigger. Accounts per fund: `cash` (the money held),
 * `donations`, `spending`, `allocations_in`, `allocations_out`.
 */
export const fundPostingLines = pgTable(
  'fund_posting_lines',
  {
    postingId: uuid('posting_id')
      .notNull()
      .references(() => fundPostings.id),
    line: integer().notNull(),
    fundId: uuid('fund_id')
      .notNull()
      .references(() => funds.id),
    account: text().notNull(),
    campaignId: uuid('campaign_id').references(() => fundCampaigns.id),
    amount: money('amount').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.postingId, t.line] }),
    index('fund_posting_lines_fund').on(t.fundId, t.account),
    index('fund_posting_lines_campaign').on(t.campaignId, t.account),
  ],
);

/** A posting request's Idempotency-Key, per user: the same key answers with the same posting. */
export const fundIdempotencyKeys = pgTable(
  'fund_idempotency_keys',
  {
    userId: uuid('user_id').notNull(),
    key: text().notNull(),
    requestHash: text('request_hash').notNull(),
    /** Claimed before the posting is written (no foreign key: the posting follows in the same transaction). */
    postingId: uuid('posting_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] })],
);

/**
 * A pledge (cam kết ủng hộ): a donor promises an amount to the fund (a campaign of it) by a due
 * date. Its `reference` goes into the transfer note, so a bank statement line names it. What was
 * paid is the sum of its linked receipts (fund_pledge_payments) that were not reversed.
 */
export const fundPledges = pgTable(
  'fund_pledges',
  {
    id: uuid().primaryKey().defaultRandom(),
    fundId: uuid('fund_id')
      .notNull()
      .references(() => funds.id),
    provinceCode: text('province_code').notNull(),
    communeCode: text('commune_code'),
    campaignId: uuid('campaign_id').references(() => fundCampaigns.id),
    donorId: uuid('donor_id')
      .notNull()
      .references(() => fundDonors.id),
    amount: money('amount').notNull(),
    dueDate: date('due_date').notNull(),
    reference: text().notNull(),
    description: text(),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    cancelReason: text('cancel_reason'),
    ...editableColumns(),
  },
  (t) => [
    uniqueIndex('fund_pledges_reference').on(t.reference),
    index('fund_pledges_fund').on(t.fundId, t.dueDate),
    index('fund_pledges_area').on(t.provinceCode, t.communeCode),
  ],
);

/** A receipt paying (part of) a pledge: a receipt pays at most one pledge. */
export const fundPledgePayments = pgTable(
  'fund_pledge_payments',
  {
    postingId: uuid('posting_id')
      .primaryKey()
      .references(() => fundPostings.id),
    pledgeId: uuid('pledge_id')
      .notNull()
      .references(() => fundPledges.id),
  },
  (t) => [index('fund_pledge_payments_pledge').on(t.pledgeId)],
);

/**
 * An incoming transfer read from the fund's bank statement (sao kê). One row per bank
 * transaction id (số bút toán) and fund, whatever the number of imports: a transfer is never
 * recorded twice. `status`: unmatched (waits for the manual matching screen), matched (to the
 * receipt `posting_id`, made from it or recorded by hand before), set_aside (with `reason`).
 */
export const fundStatementLines = pgTable(
  'fund_statement_lines',
  {
    id: uuid().primaryKey().defaultRandom(),
    fundId: uuid('fund_id')
      .notNull()
      .references(() => funds.id),
    provinceCode: text('province_code').notNull(),
    communeCode: text('commune_code'),
    bankTransactionId: text('bank_transaction_id').notNull(),
    transactionDate: date('transaction_date').notNull(),
    amount: money('amount').notNull(),
    content: text().notNull(),
    status: text().notNull(),
    /** auto (by the reference in the note at import) | manual */
    matchedBy: text('matched_by'),
    pledgeId: uuid('pledge_id').references(() => fundPledges.id),
    postingId: uuid('posting_id').references(() => fundPostings.id),
    reason: text(),
    fileName: text('file_name'),
    importedBy: uuid('imported_by'),
    ...editableColumns(),
  },
  (t) => [
    uniqueIndex('fund_statement_lines_transaction').on(t.fundId, t.bankTransactionId),
    uniqueIndex('fund_statement_lines_posting').on(t.postingId),
    index('fund_statement_lines_status').on(t.fundId, t.status, t.transactionDate),
  ],
);
