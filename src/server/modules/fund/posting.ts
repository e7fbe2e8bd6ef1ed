import { createHash, randomUUID } from 'node:crypto';
import type { SQLWrapper } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import { canonicalJson, type Account } from '../../../domain/fund';
import type { Actor } from '../../platform/access';
import { auditInsert } from '../../platform/audit/audit';
import type { Db, Executor } from '../../platform/db/database';
import { transactionInGroup } from '../../platform/db/grouped-transaction';
import { AppError } from '../../platform/errors';
import { chainHash } from './chain';
import { fundArea, fundNotFound, requirePostingOn } from './policy';
import { presentPosting } from './presenter';
import * as repo from './repo';
import type { PostingView } from './schemas';

/** One line of a posting before it is numbered. */
export interface PlannedLine {
  fundId: string;
  account: Account;
  campaignId: string | null;
  amount: number;
}

/** What a use case decided to post, given the locked funds. */
export interface PostingPlan {
  kind: repo.PostingRow['kind'];
  /** Rows written in the posting's statement: a donor entered with a receipt, the pledge it pays, the statement line it records. */
  inserts?: SQLWrapper[];
  date: string;
  amount: number;
  lines: PlannedLine[];
  fields?: Partial<
    Pick<
      repo.NewPostingRow,
      | 'method'
      | 'inKindItems'
      | 'campaignId'
      | 'donorId'
      | 'donorKind'
      | 'donorName'
      | 'purpose'
      | 'householdId'
      | 'beneficiaryCommuneCode'
      | 'toFundId'
      | 'decisionNumber'
      | 'description'
      | 'reversalOf'
      | 'reason'
    >
  >;
}

export interface PostingRequest {
  action: string;
  /** The fund whose chain the posting joins. */
  fundId: string;
  /** Every fund the posting may move money of (the chain fund included). */
  fundIds: readonly string[];
  idempotencyKey?: string;
  /** What identifies the request for its Idempotency-Key: the route, its target and its body. */
  request: unknown;
  /** `postingId`: the id the posting will have, for rows written with it (`inserts`). */
  plan(tx: Executor, locked: ReadonlyMap<string, repo.LockedFund>, postingId: string): Promise<PostingPlan>;
  /** What another module writes with the posting, in its transaction (a support that is this expenditure). */
  linked?: PostingLink;
}

/** Called once the posting is written, inside its transaction; throwing undoes both. Not called on a replay. */
export type PostingLink = (tx: Executor, posting: PostingView) => Promise<void>;

export interface PostingResult {
  posting: PostingView & { balance: number };
  replayed: boolean;
}

export const overdraft = (what: 'fund' | 'campaign') =>
  new AppError(
    409,
    'fund_overdraft',
    what === 'fund'
      ? 'Số dư của quỹ không đủ: bút toán này sẽ làm quỹ bị âm. Không có gì thay đổi.'
      : 'Số dư của đợt vận động không đủ: bút toán này sẽ làm đợt vận động bị âm. Không có gì thay đổi.',
    what === 'fund'
      ? 'The fund’s balance is not enough: this posting would take it below zero. Nothing changed.'
      : 'The campaign’s balance is not enough: this posting would take it below zero. Nothing changed.',
    [
      {
        field: 'amount',
        message: what === 'fund' ? 'Vượt quá số dư của quỹ' : 'Vượt quá số dư của đợt vận động',
        messageEn: what === 'fund' ? 'More than the fund holds' : 'More than the campaign holds',
      },
    ],
  );

const keyReused = () =>
  new AppError(
    422,
    'idempotency_key_reused',
    'Idempotency-Key này đã được dùng cho một yêu cầu khác.',
    'This Idempotency-Key was already used for a different request.',
    [
      {
        field: 'headers.idempotency-key',
        message: 'Khóa đã dùng cho yêu cầu khác',
        messageEn: 'Key used for another request',
      },
    ],
  );

const sumBy = <K>(lines: readonly PlannedLine[], key: (l: PlannedLine) => K | null) => {
  const totals = new Map<K, number>();
  for (const l of lines) {
    const k = key(l);
    if (l.account !== 'cash' || k === null) continue;
    totals.set(k, (totals.get(k) ?? 0) + l.amount);
  }
  return totals;
};

/**
 * The one way money moves: in one transaction, claim the Idempotency-Key (a retried request
 * answers with the posting it made), lock the funds touched, refuse an overdraft of a fund or a
 * campaign, number a receipt, chain the posting to its fund's last one, write it with its
 * balanced lines, move the funds' balances, and audit. Claim and lock are one statement, the
 * write and the audit another. Postings on the same funds that arrive while a transaction holds
 * them share the next one (`transactionInGroup`): besides what a plan reads, a lone posting costs
 * four round trips and one of a group two. Inside a caller's transaction (a distribution), a
 * posting is a savepoint of it.
 */
export async function writePosting(db: Db, actor: Actor, request: PostingRequest): Promise<PostingResult> {
  const requestHash = createHash('sha256')
    .update(canonicalJson([request.action, request.request]))
    .digest('hex');
  const post = (tx: Executor) => postIn(tx, actor, request, requestHash);
  if (db instanceof PgTransaction) return db.transaction(post);
  return transactionInGroup(db, [...request.fundIds].sort().join(' '), post);
}

async function postIn(tx: Executor, actor: Actor, request: PostingRequest, requestHash: string) {
  const postingId = randomUUID();
  const claim = request.idempotencyKey
    ? { userId: actor.id, key: request.idempotencyKey, requestHash, postingId }
    : null;
  const { claimed, funds } = await repo.claimAndLockFunds(tx, request.fundIds, claim, actor.scope);
  const locked = new Map(funds.map((f) => [f.id, f]));
  const chainFund = locked.get(request.fundId);
  if (!chainFund?.readable) throw fundNotFound();
  requirePostingOn(actor, chainFund);
  if (!claimed) return replay(tx, actor, request.idempotencyKey!, requestHash);
  const plan = await request.plan(tx, locked, postingId);

  const fundDeltas = sumBy(plan.lines, (l) => l.fundId);
  for (const [fundId, delta] of fundDeltas) {
    if (delta < 0 && locked.get(fundId)!.balance + delta < 0) throw overdraft('fund');
  }
  for (const [campaignId, delta] of sumBy(plan.lines, (l) => l.campaignId)) {
    if (delta >= 0) continue;
    const campaign = await repo.lockCampaign(tx, campaignId);
    if (!campaign || campaign.balance + delta < 0) throw overdraft('campaign');
  }

  // Receipts are numbered per fund and year from the counters on the locked fund (gapless).
  const receiptYear = plan.kind === 'receipt' ? Number(plan.date.slice(0, 4)) : null;
  const receipt = receiptYear
    ? { receiptYear, receiptSeq: (chainFund.receiptCounters[receiptYear] ?? 0) + 1 }
    : { receiptYear: null, receiptSeq: null };

  const fields = plan.fields ?? {};
  const content = {
    id: postingId,
    fundId: chainFund.id,
    seq: chainFund.lastSeq + 1,
    kind: plan.kind,
    date: plan.date,
    amount: plan.amount,
    ...receipt,
    method: fields.method ?? null,
    inKindItems: fields.inKindItems ?? null,
    campaignId: fields.campaignId ?? null,
    donorId: fields.donorId ?? null,
    donorKind: fields.donorKind ?? null,
    donorName: fields.donorName ?? null,
    purpose: fields.purpose ?? null,
    householdId: fields.householdId ?? null,
    beneficiaryCommuneCode: fields.beneficiaryCommuneCode ?? null,
    toFundId: fields.toFundId ?? null,
    decisionNumber: fields.decisionNumber ?? null,
    description: fields.description ?? null,
    reversalOf: fields.reversalOf ?? null,
    reason: fields.reason ?? null,
    createdBy: actor.id,
    createdAt: new Date(),
  };
  const lines = plan.lines.map((l, i) => ({ ...l, postingId, line: i + 1 }));
  const unhashed = {
    ...content,
    provinceCode: chainFund.provinceCode,
    communeCode: chainFund.communeCode,
    createdByName: actor.fullName,
    prevHash: chainFund.lastHash,
  };
  const hash = chainHash(chainFund.lastHash, { ...unhashed, lines });
  const row = { ...unhashed, hash };
  const receiptCounters = receiptYear
    ? { ...chainFund.receiptCounters, [receiptYear]: receipt.receiptSeq! }
    : undefined;
  const heads = [...locked.values()]
    .map((fund) => ({ id: fund.id, balance: fund.balance + (fundDeltas.get(fund.id) ?? 0) }))
    .map((head) => (head.id === chainFund.id ? { ...head, lastSeq: row.seq, lastHash: hash, receiptCounters } : head));
  const view = presentPosting({ ...row, reversedBy: null });
  const audit = auditInsert(tx, actor, {
    action: request.action,
    entity: 'fund_posting',
    entityId: postingId,
    area: fundArea(chainFund),
    after: view,
  });
  await repo.appendPosting(tx, row, lines, heads, [...(plan.inserts ?? []), audit]);
  await request.linked?.(tx, view);
  const balance = chainFund.balance + (fundDeltas.get(chainFund.id) ?? 0);
  return { posting: { ...view, balance }, replayed: false };
}

async function replay(tx: Executor, actor: Actor, key: string, requestHash: string): Promise<PostingResult> {
  const used = await repo.findIdempotencyKey(tx, actor.id, key);
  if (!used || used.requestHash !== requestHash) throw keyReused();
  const row = await repo.findPosting(tx, used.postingId, { level: 'national' });
  const fund = (await repo.findFund(tx, row!.fundId, { level: 'national' }))!;
  return { posting: { ...presentPosting(row!), balance: fund.balance }, replayed: true };
}
