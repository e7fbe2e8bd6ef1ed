import type { AreaScope } from '../../../domain/access';
import type { Executor } from '../../platform/db/database';
import { canonicalJson } from '../../../domain/fund';
import { chainHash } from './chain';
import * as repo from './repo';
import type { Verification } from './schemas';

const PAGE = 500;

/** What can be wrong with a link, in words for the administrator and the command line. */
export const PROBLEMS = {
  seq_gap: 'số thứ tự bị đứt (thiếu hoặc thừa bút toán) / sequence broken',
  prev_hash_mismatch: 'không khớp mã băm của bút toán trước / does not link to the previous posting',
  hash_mismatch: 'nội dung đã bị sửa (mã băm không khớp) / content changed (hash mismatch)',
  unbalanced: 'các dòng không cân (tổng khác 0) / lines do not balance',
  receipt_number_gap: 'số biên lai trong năm bị nhảy hoặc trùng / receipt numbers of the year skip or repeat',
  head_mismatch:
    'đầu chuỗi của quỹ không khớp bút toán cuối (bút toán bị xóa?) / the fund’s head does not match its last posting',
  receipt_counter_mismatch:
    'số biên lai cuối của quỹ không khớp biên lai đã lập / the fund’s last receipt numbers do not match its receipts',
  balance_mismatch: 'số dư của quỹ không khớp tổng các dòng / the fund’s balance does not match its lines',
  campaign_balance_mismatch:
    'số dư của một đợt vận động không khớp tổng các dòng / a campaign’s balance does not match its lines',
} as const;
export type ChainProblem = keyof typeof PROBLEMS;

type FundHead = Awaited<ReturnType<typeof repo.allFundIds>>[number];
type Broken = { postingId: string | null; seq: number | null; problem: ChainProblem };

/** Walk one fund's chain in order, recomputing every hash; the first broken link, or null. */
async function verifyFund(db: Executor, fund: FundHead): Promise<{ postings: number; broken: Broken | null }> {
  let prev = '';
  let seq = 0;
  // The last receipt number met of each year: each receipt must take the next one.
  const receipts: Record<string, number> = {};
  for (;;) {
    const rows = await repo.chainPage(db, fund.id, seq, PAGE);
    const lines = new Map<string, repo.LineRow[]>();
    for (const l of await repo.linesOf(
      db,
      rows.map((r) => r.id),
    )) {
      lines.set(l.postingId, [...(lines.get(l.postingId) ?? []), l]);
    }
    for (const row of rows) {
      const broken = (problem: ChainProblem) => ({
        postings: seq,
        broken: { postingId: row.id, seq: row.seq, problem },
      });
      const own = lines.get(row.id) ?? [];
      if (row.seq !== seq + 1) return broken('seq_gap');
      if (row.prevHash !== prev) return broken('prev_hash_mismatch');
      if (own.length < 2 || own.reduce((s, l) => s + l.amount, 0) !== 0) return broken('unbalanced');
      if (chainHash(row.prevHash, { ...row, lines: own }) !== row.hash) return broken('hash_mismatch');
      if (row.receiptYear !== null) {
        if (row.receiptSeq !== (receipts[row.receiptYear] ?? 0) + 1) return broken('receipt_number_gap');
        receipts[row.receiptYear] = row.receiptSeq;
      }
      prev = row.hash;
      seq = row.seq;
    }
    if (rows.length < PAGE) break;
  }
  if (fund.lastSeq !== seq || fund.lastHash !== prev) {
    return { postings: seq, broken: { postingId: null, seq: fund.lastSeq, problem: 'head_mismatch' } };
  }
  if (canonicalJson(fund.receiptCounters) !== canonicalJson(receipts)) {
    return { postings: seq, broken: { postingId: null, seq: null, problem: 'receipt_counter_mismatch' } };
  }
  const cash = (await repo.accountTotals(db, fund.id)).get('cash') ?? 0;
  if (cash !== fund.balance)
    return { postings: seq, broken: { postingId: null, seq: null, problem: 'balance_mismatch' } };
  if (await repo.campaignOffBalance(db, fund.id))
    return { postings: seq, broken: { postingId: null, seq: null, problem: 'campaign_balance_mismatch' } };
  return { postings: seq, broken: null };
}

/** Recompute every chain inside the scope. */
export async function verifyLedger(db: Executor, scope: AreaScope): Promise<Verification> {
  const results = [];
  for (const fund of await repo.allFundIds(db, scope)) {
    const { postings, broken } = await verifyFund(db, fund);
    results.push({ fundId: fund.id, name: fund.name, postings, ok: !broken, firstBroken: broken });
  }
  return { ok: results.every((r) => r.ok), checkedAt: new Date().toISOString(), funds: results };
}

/** The command line's lines: one per fund, the first broken link named. */
export function describeVerification(v: Verification): string {
  return v.funds
    .map((f) =>
      f.ok
        ? `✓ ${f.name} (${f.fundId}): ${f.postings} bút toán, nguyên vẹn / intact`
        : `✗ ${f.name} (${f.fundId}): mắt xích hỏng đầu tiên / first broken link: ` +
          `${f.firstBroken!.seq === null ? '' : `#${f.firstBroken!.seq} `}${f.firstBroken!.postingId ?? ''} — ` +
          PROBLEMS[f.firstBroken!.problem as ChainProblem],
    )
    .join('\n');
}
