/**
 * A support paid from the Fund for the Poor and the fund's expenditure are one fact: whichever
 * side it is entered on, the expenditure posting and the support record are written in one
 * transaction and name each other (`support_records.fund_posting_id`); reversing the posting
 * cancels the support and cancelling the support reverses the posting. Totals read each from its
 * own side — the household's support from support records, the fund's spending from postings —
 * so nothing is counted twice.
 */
import { FUND_PURPOSE_OF_KIND, KIND_OF_FUND_PURPOSE, SUPPORT_KIND_LABELS } from '../../../domain/support';
import type { Actor } from '../../platform/access';
import type { Db } from '../../platform/db/database';
import { errors } from '../../platform/errors';
import * as fund from '../fund/service';
import type { ExpenditureCreateReq, ReversalCreateReq } from '../fund/schemas';
import { cancelRecord, insertSupport, type SupportInput } from './records';
import * as repo from './repo';
import type { SupportView } from './schemas';

/** Record a support whose source is the Fund: post its expenditure on `fundId` and link the two. */
export async function recordFundSupport(
  db: Db,
  actor: Actor,
  householdId: string,
  fundId: string,
  input: SupportInput,
): Promise<SupportView> {
  const purpose = FUND_PURPOSE_OF_KIND[input.kind];
  if (!purpose) {
    const label = SUPPORT_KIND_LABELS[input.kind];
    throw errors.invalid(
      'sourceCode',
      `"${label.vi}" không chi từ Quỹ "Vì người nghèo".`,
      `"${label.en}" is not paid from the Fund for the Poor.`,
    );
  }
  let support: SupportView | undefined;
  await fund.postExpenditure(
    db,
    actor,
    fundId,
    {
      amount: input.value,
      date: input.date,
      purpose,
      householdId,
      decisionNumber: input.decisionNumber!,
      description: input.handoverProof ?? input.note ?? null,
    },
    undefined,
    async (tx, posting) => {
      support = await insertSupport(tx, actor, householdId, input, posting.id);
    },
  );
  return support!;
}

/**
 * An expenditure posted on the fund's page: one to a household is also that household's support
 * (its kind from the purpose, for the household as a whole), refused like any support the repeat
 * rule forbids.
 */
export function postExpenditure(
  db: Db,
  actor: Actor,
  fundId: string,
  input: ExpenditureCreateReq,
  idempotencyKey?: string,
) {
  const householdId = input.householdId;
  if (!householdId) return fund.postExpenditure(db, actor, fundId, input, idempotencyKey);
  return fund.postExpenditure(db, actor, fundId, input, idempotencyKey, async (tx, posting) => {
    await insertSupport(
      tx,
      actor,
      householdId,
      {
        kind: KIND_OF_FUND_PURPOSE[input.purpose],
        sourceCode: 'fund',
        memberId: null,
        value: input.amount,
        date: input.date,
        decisionNumber: input.decisionNumber,
        handoverProof: null,
        note: input.description ?? null,
        loanTermMonths: null,
        loanOutstanding: null,
      },
      posting.id,
    );
  });
}

/** Reverse a posting; an expenditure that is a household's support cancels it in the same transaction. */
export function reversePosting(
  db: Db,
  actor: Actor,
  postingId: string,
  input: ReversalCreateReq,
  idempotencyKey?: string,
) {
  return fund.reversePosting(db, actor, postingId, input, idempotencyKey, async (tx) => {
    const linked = await repo.findByFundPosting(tx, postingId);
    if (linked && !linked.cancelledAt) await cancelRecord(tx, actor, linked, input.reason);
  });
}

/** Cancel a support paid from the Fund: its expenditure is reversed with it. */
export async function cancelFundSupport(db: Db, actor: Actor, row: repo.SupportRow, reason: string) {
  let cancelled: SupportView | undefined;
  await fund.reversePosting(db, actor, row.fundPostingId!, { reason }, undefined, async (tx) => {
    const current = (await repo.findByFundPosting(tx, row.fundPostingId!, true))!;
    cancelled = await cancelRecord(tx, actor, current, reason);
  });
  return cancelled!;
}
