import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openTestDatabase, scratchPostgres } from '../../../../test/helpers/app';
import { buildFund, buildUser, CAM_XUYEN, THACH_HA } from '../../../../test/helpers/factories';
import type { Actor } from '../../platform/access';
import { openDatabase, rowsOf, type Db } from '../../platform/db/database';
import { AppError } from '../../platform/errors';
import { fundBalance, postExpenditure, postReceipt, reversePosting } from './service';
import { verifyLedger } from './verify';

/**
 * Concurrent requests on one fund. Within one app process, those that wait for the fund share a
 * transaction (on both engines); app processes on one PostgreSQL database wait for its row lock.
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

  /**
   * 25 receipts of 100,000 and 25 spendings of 150,000 at once on one fund, request i through
   * `handles[i % n]` (one app process each): some spendings must find the fund short.
   */
  async function fiftyAtOnce(handles: readonly Db[], by: Actor, fundId: string) {
    const requests = Array.from({ length: 50 }, (_, i) => {
      const db = handles[i % handles.length]!;
      return i % 2 === 0
        ? settle(postReceipt(db, by, fundId, receipt(100_000)))
        : settle(
            postExpenditure(db, by, fundId, {
              amount: 150_000,
              date: '2026-04-01',
              purpose: 'relief',
              decisionNumber: '3/QĐ',
            }),
          );
    });
    const results = await Promise.all(requests);
    const receipts = results.filter((r, i) => i % 2 === 0);
    const spendings = results.filter((r, i) => i % 2 === 1);
    expect(receipts.every((r) => r.ok)).toBe(true);
    const spent = spendings.filter((r) => r.ok).length;
    const refused = spendings.filter((r) => !r.ok);
    expect(refused.every((r) => !r.ok && r.code === 'fund_overdraft')).toBe(true);

    const db = handles[0]!;
    const numbers = receipts
      .map((r) => (r.ok ? Number(r.value.posting.receiptNumber!.slice(5)) : 0))
      .sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    const balance = await fundBalance(db, by, fundId);
    expect(balance.balance).toBe(25 * 100_000 - spent * 150_000);
    expect(balance.balance).toBeGreaterThanOrEqual(0);
    const [count] = rowsOf<{ n: number }>(
      await db.execute(sql`select count(*)::int n from fund_postings where fund_id = ${fundId}`),
    );
    expect(count!.n).toBe(25 + spent);
    expect((await verifyLedger(db, { level: 'national' })).ok).toBe(true);
  }

  it('50 receipts and spendings at once: numbers unique and consecutive, overdrafts refused, balance exact', async () => {
    const fund = await buildFund(database.db, { unitCode: THACH_HA });
    await fiftyAtOnce([database.db], actor, fund.id);
  });

  // Each app process groups its own postings; between processes, the fund's row lock orders them.
  it.skipIf(inject('engine') !== 'postgres')('the same from two app processes on one database', async () => {
    const scratch = await scratchPostgres();
    const processes = [
      await openDatabase({ engine: 'postgres', url: scratch.url }),
      await openDatabase({ engine: 'postgres', url: scratch.url }),
    ];
    try {
      const db = processes[0]!.db;
      const officer = (await buildUser(db, { scopeCode: THACH_HA, roles: ['officer'] })).actor;
      const fund = await buildFund(db, { unitCode: THACH_HA });
      await fiftyAtOnce(
        processes.map((p) => p.db),
        officer,
        fund.id,
      );
    } finally {
      for (const p of processes) await p.close();
      await scratch.drop();
    }
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
