import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFund, buildUser, CAM_XUYEN, HA_TINH, THACH_HA } from '../../../../test/helpers/factories';
import { openTestDatabase } from '../../../../test/helpers/app';
import type { Actor } from '../../platform/access';
import { rowsOf } from '../../platform/db/database';
import { AppError } from '../../platform/errors';
import { postAllocation, postExpenditure, postReceipt, reversePosting } from './service';
import { verifyLedger } from './verify';

/**
 * Random sequences of receipts, expenditures, allocations and reversals against a model: every
 * request succeeds or is refused exactly when the model says, and afterwards the sum of all
 * balances is receipts − expenditures, no balance is below zero, receipt numbers have no gaps,
 * and every chain verifies.
 */
type Command =
  | { t: 'receipt'; fund: number; amount: number; year: number }
  | { t: 'expenditure'; fund: number; amount: number }
  | { t: 'allocation'; from: number; to: number; amount: number }
  | { t: 'reversal'; pick: number };

const amount = fc.integer({ min: 1, max: 2_000_000 });
const fundIndex = fc.integer({ min: 0, max: 2 });
const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ t: fc.constant('receipt' as const), fund: fundIndex, amount, year: fc.constantFrom(2025, 2026) }),
  fc.record({ t: fc.constant('expenditure' as const), fund: fundIndex, amount }),
  fc
    .record({ t: fc.constant('allocation' as const), from: fundIndex, to: fundIndex, amount })
    .filter((c) => c.from !== c.to),
  fc.record({ t: fc.constant('reversal' as const), pick: fc.nat() }),
);

let database: Awaited<ReturnType<typeof openTestDatabase>>;
let actor: Actor;
const fundIds: string[] = [];

beforeAll(async () => {
  database = await openTestDatabase();
  for (const unitCode of [HA_TINH, THACH_HA, CAM_XUYEN]) fundIds.push((await buildFund(database.db, { unitCode })).id);
  actor = (await buildUser(database.db, { scopeCode: HA_TINH, roles: ['fund_accountant'] })).actor;
});
afterAll(() => database.dispose());

interface Made {
  id: string;
  /** Cash moved per fund index. */
  deltas: number[];
  reversal: boolean;
  reversed: boolean;
}

async function refusedWith(promise: Promise<unknown>): Promise<string | null> {
  try {
    await promise;
    return null;
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}

async function balances(): Promise<number[]> {
  const rows = rowsOf<{ id: string; balance: string }>(await database.db.execute(sql`select id, balance from funds`));
  return fundIds.map((id) => Number(rows.find((r) => r.id === id)!.balance));
}

describe('the ledger under random sequences of postings', () => {
  it('keeps its invariants and agrees with a model', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 25 }), async (commands) => {
        const model = await balances();
        const made: Made[] = [];
        const db = database.db;
        for (const c of commands) {
          const zero = [0, 0, 0];
          if (c.t === 'receipt') {
            const res = await postReceipt(db, actor, fundIds[c.fund]!, {
              amount: c.amount,
              date: `${c.year}-03-01`,
              method: 'bank',
              donor: { kind: 'anonymous' },
            });
            model[c.fund]! += c.amount;
            zero[c.fund] = c.amount;
            made.push({ id: res.posting.id, deltas: zero, reversal: false, reversed: false });
          } else if (c.t === 'expenditure') {
            const expect409 = model[c.fund]! < c.amount;
            const run = postExpenditure(db, actor, fundIds[c.fund]!, {
              amount: c.amount,
              date: '2026-03-02',
              purpose: 'relief',
              decisionNumber: '1/QĐ',
            });
            if (expect409) {
              expect(await refusedWith(run)).toBe('fund_overdraft');
              continue;
            }
            const res = await run;
            model[c.fund]! -= c.amount;
            zero[c.fund] = -c.amount;
            made.push({ id: res.posting.id, deltas: zero, reversal: false, reversed: false });
          } else if (c.t === 'allocation') {
            const run = postAllocation(db, actor, fundIds[c.from]!, {
              toFundId: fundIds[c.to]!,
              amount: c.amount,
              date: '2026-03-03',
              decisionNumber: '2/QĐ',
            });
            if (model[c.from]! < c.amount) {
              expect(await refusedWith(run)).toBe('fund_overdraft');
              continue;
            }
            const res = await run;
            model[c.from]! -= c.amount;
            model[c.to]! += c.amount;
            zero[c.from] = -c.amount;
            zero[c.to] = c.amount;
            made.push({ id: res.posting.id, deltas: zero, reversal: false, reversed: false });
          } else {
            if (made.length === 0) continue;
            const target = made[c.pick % made.length]!;
            const run = reversePosting(db, actor, target.id, { reason: 'Kiểm thử' });
            const wouldOverdraw = target.deltas.some((d, i) => model[i]! - d < 0);
            const expected = target.reversal
              ? 'reversal_of_reversal'
              : target.reversed
                ? 'already_reversed'
                : wouldOverdraw
                  ? 'fund_overdraft'
                  : null;
            if (expected) {
              expect(await refusedWith(run)).toBe(expected);
              continue;
            }
            const res = await run;
            target.deltas.forEach((d, i) => (model[i]! -= d));
            target.reversed = true;
            made.push({ id: res.posting.id, deltas: target.deltas.map((d) => -d), reversal: true, reversed: false });
          }
        }
        const actual = await balances();
        expect(actual).toEqual(model);
        expect(actual.every((b) => b >= 0)).toBe(true);

        // Sum of balances = receipts − expenditures (reversals subtracted from what they cancel).
        const [totals] = rowsOf<{ receipts: string; spent: string; balances: string }>(
          await db.execute(sql`
            select
              (select coalesce(sum(case when p.kind = 'receipt' then p.amount when o.kind = 'receipt' then -p.amount else 0 end), 0)
                 from fund_postings p left join fund_postings o on o.id = p.reversal_of) as receipts,
              (select coalesce(sum(case when p.kind = 'expenditure' then p.amount when o.kind = 'expenditure' then -p.amount else 0 end), 0)
                 from fund_postings p left join fund_postings o on o.id = p.reversal_of) as spent,
              (select sum(balance) from funds) as balances`),
        );
        expect(Number(totals!.balances)).toBe(Number(totals!.receipts) - Number(totals!.spent));

        // Receipt numbers of each fund and year: 1..n, no gaps, no duplicates.
        const numbering = rowsOf<{ n: number; max: number; distinct: number }>(
          await db.execute(sql`
            select count(*)::int n, max(receipt_seq)::int max, count(distinct receipt_seq)::int distinct
            from fund_postings where kind = 'receipt' group by fund_id, receipt_year`),
        );
        for (const g of numbering) expect([g.max, g.distinct]).toEqual([g.n, g.n]);

        const verification = await verifyLedger(db, { level: 'national' });
        expect(verification.funds.filter((f) => !f.ok)).toEqual([]);
      }),
      { numRuns: 12 },
    );
  });
});
