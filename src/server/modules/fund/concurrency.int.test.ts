import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../../test/helpers/app';
import { buildFund, buildUser, CAM_XUYEN, THACH_HA } from '../../../../test/helpers/factories';
import type { Actor } from '../../platform/access';
import { rowsOf } from '../../platform/db/database';
import { AppError } from '../../platform/errors';
import { fundBalance, postExpenditure, postReceipt, reversePosting } from './service';
import { verifyLedger } from './verify';

/**
 * Concurrent requests on one fund. PostgreSQL runs them on several connections, PGlite one
 * statement at a time; on both, those that wait for the fund share a transaction.
 */
describe('concurrent postings', () => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  let actor: Actor;
  beforeAll(async () => {
    database = await openTestDatabase();
    actor = (await buildUser(database.db, { scopeCode: THACH_HA, roles: ['officer'] })).actor;
  });
  afterAll(() => database.dispose());

  const receipt = (amount: number) => ({
    amount,
    date: '2026-04-01',
    method: 'cash' as const,
    donor: { kind: 'individual' as const, name: 'Trần Văn Góp' },
  });
  const settle = <T>(promise: Promise<T>) =>
    promise.then(
      (value) => ({ ok: true as const, value }),
      (error: unknown) => {
        if (error instanceof AppError) return { ok: false as const, code: error.code };
        throw error;
      },
    );

  it('50 receipts and spendings at once: numbers unique and consecutive, overdrafts refused, balance exact', async () => {
    const db = database.db;
    const fund = await buildFund(db, { unitCode: THACH_HA });
    // 25 receipts of 100,000 and 25 spendings of 150,000: some spendings must find the fund short.
    const requests = Array.from({ length: 50 }, (_, i) =>
      i % 2 === 0
        ? settle(postReceipt(db, actor, fund.id, receipt(100_000)))
        : settle(
            postExpenditure(db, actor, fund.id, {
              amount: 150_000,
              date: '2026-04-01',
              purpose: 'relief',
              decisionNumber: '3/QĐ',
            }),
          ),
    );
    const results = await Promise.all(requests);
    const receipts = results.filter((r, i) => i % 2 === 0);
    const spendings = results.filter((r, i) => i % 2 === 1);
    expect(receipts.every((r) => r.ok)).toBe(true);
    const spent = spendings.filter((r) => r.ok).length;
    const refused = spendings.filter((r) => !r.ok);
    expect(refused.every((r) => !r.ok && r.code === 'fund_overdraft')).toBe(true);

    const numbers = receipts
      .map((r) => (r.ok ? Number(r.value.posting.receiptNumber!.slice(5)) : 0))
      .sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    const balance = await fundBalance(db, actor, fund.id);
    expect(balance.balance).toBe(25 * 100_000 - spent * 150_000);
    expect(balance.balance).toBeGreaterThanOrEqual(0);
    const [count] = rowsOf<{ n: number }>(
      await db.execute(sql`select count(*)::int n from fund_postings where fund_id = ${fund.id}`),
    );
    expect(count!.n).toBe(25 + spent);
    expect((await verifyLedger(db, { level: 'national' })).ok).toBe(true);
  });

  it('the same Idempotency-Key sent five times at once posts once', async () => {
    const db = database.db;
    const fund = await buildFund(db, { unitCode: CAM_XUYEN });
    const province = (await buildUser(db, { scopeCode: CAM_XUYEN, roles: ['officer'] })).actor;
    const results = await Promise.all(
      Array.from({ length: 5 }, () => postReceipt(db, province, fund.id, receipt(42_000), 'cung-mot-khoa')),
    );
    expect(new Set(results.map((r) => r.posting.id)).size).toBe(1);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    expect((await fundBalance(db, province, fund.id)).balance).toBe(42_000);
  });

  it('two reversals of one posting at once: one succeeds, the other is refused', async () => {
    const db = database.db;
    const [fund] = rowsOf<{ id: string }>(await db.execute(sql`select id from funds where commune_code = ${THACH_HA}`));
    const given = await postReceipt(db, actor, fund!.id, receipt(10_000));
    const results = await Promise.all(
      [1, 2].map(() => settle(reversePosting(db, actor, given.posting.id, { reason: 'Ghi trùng' }))),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ code: 'already_reversed' });
  });
});
