/**
 * A support paid from the Fund for the Poor and the fund's expenditure are one fact: whichever
 * side it is entered on, the expenditure posting and the support record are written in one
 * transaction and name each other (`support_records.fund_posting_id`); reversing the posting
 * cancels the support and cancelling the support reverses the posting. Totals read each from its
 * own side — the household's support from support records, the fund's spending from postings —
 * so nothing is counted twice.
 */
import { formatVnd } from '../../../domain/poverty';
import {
  FUND_PURPOSE_OF_KIND,
  KIND_OF_FUND_PURPOSE,
  SUPPORT_KIND_LABELS,
  type SupportKind,
} from '../../../domain/support';
import type { Actor } from '../../platform/access';
import type { Db, Tx } from '../../platform/db/database';
import { AppError, errors } from '../../platform/errors';
import * as fund from '../fund/service';
import type { ExpenditureCreateReq, ReversalCreateReq } from '../fund/schemas';
import { cancelRecord, insertSupport, type SupportInput } from './records';
import * as repo from './repo';
import type { SupportView } from './schemas';

/** The Fund's purpose for a kind of support, or a refusal naming `field` when the Fund does not pay for it. */
export function fundPurposeOf(kind: SupportKind, field: string) {
  const purpose = FUND_PURPOSE_OF_KIND[kind];
  if (purpose) return purpose;
  const label = SUPPORT_KIND_LABELS[kind];
  throw errors.invalid(
    field,
    `"${label.vi}" không chi từ Quỹ "Vì người nghèo".`,
    `"${label.en}" is not paid from the Fund for the Poor.`,
  );
}

/** Record a support whose source is the Fund: post its expenditure on `fundId` and link the two. */
export async function recordFundSupport(
  db: Db,
  actor: Actor,
  householdId: string,
  fundId: string,
  input: SupportInput,
): Promise<SupportView> {
  const purpose = fundPurposeOf(input.kind, 'sourceCode');
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

/** A distribution's fund, campaign and decision: what each household's expenditure carries. */
export interface DistributionFunding {
  fundId: string;
  campaignId: string | null;
  decisionNumber: string;
}

/**
 * The records of a distribution paid from the Fund, inside the distribution's transaction `tx`:
 * each household's support is posted as its own expenditure (the fund checks its area, balance
 * and campaign) and inserted linked to it. Any row that would overdraw the fund or the campaign
 * refuses the whole distribution; nothing is kept.
 */
export async function postDistributionRecords(
  tx: Tx,
  actor: Actor,
  funding: DistributionFunding,
  rows: readonly repo.NewSupportRow[],
) {
  const written: repo.SupportRow[] = [];
  const total = rows.reduce((sum, r) => sum + r.value, 0);
  for (const row of rows)
    await fund
      .postExpenditure(
        tx,
        actor,
        funding.fundId,
        {
          amount: row.value,
          date: row.date,
          purpose: fundPurposeOf(row.kind as SupportKind, 'kind'),
          householdId: row.householdId,
          decisionNumber: funding.decisionNumber,
          campaignId: funding.campaignId,
          description: row.note ?? null,
        },
        undefined,
        async (inner, posting) => {
          written.push(await repo.insert(inner, { ...row, fundPostingId: posting.id }));
        },
      )
      .catch((error: unknown) => {
        if (!(error instanceof AppError) || error.code !== 'fund_overdraft') throw error;
        throw new AppError(
          409,
          'fund_overdraft',
          `Quỹ không đủ để chi cả đợt (${rows.length} hộ, ${formatVnd(total, 'vi')}): ${error.vi}`,
          `The fund cannot pay for the whole distribution (${rows.length} households, ${formatVnd(total, 'en')}): ${error.en}`,
          error.errors,
        );
      });
  return written;
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
