import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { households } from '../households/tables';

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
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
  },
  (t) => [
    index('support_records_household').on(t.householdId, t.date),
    index('support_records_area').on(t.provinceCode, t.communeCode, t.date),
    check('support_records_value_positive', sql`${t.value} > 0`),
  ],
);
