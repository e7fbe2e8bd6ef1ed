import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../platform/db/database';
import { createTestApp, signIn, type TestApp } from '../../../../test/helpers/app';
import { buildFund, buildHousehold, CAM_XUYEN, HA_TINH, THACH_HA } from '../../../../test/helpers/factories';
import { expectAuditedWrite, expectRefused, traceOf } from '../../../../test/helpers/trace';
import ExcelJS from '../registry-excel/exceljs';
import { claimAndLockFunds } from './repo';
import { verifyLedger } from './verify';
import { fundCampaigns, fundDonors, fundPostingLines, fundPostings, funds } from './tables';

let t: TestApp;
let officer: Awaited<ReturnType<typeof signIn>>;
let province: Awaited<ReturnType<typeof signIn>>;
let viewer: Awaited<ReturnType<typeof signIn>>;
let thachHa: Awaited<ReturnType<typeof buildFund>>;
let camXuyen: Awaited<ReturnType<typeof buildFund>>;
let haTinh: Awaited<ReturnType<typeof buildFund>>;
const LEDGER = [funds, fundPostings, fundPostingLines, fundDonors, fundCampaigns];

const receipt = (amount: number, extra: Record<string, unknown> = {}) => ({
  amount,
  date: '2026-03-02',
  method: 'cash',
  donor: { kind: 'individual', name: 'Nguyễn Thị Hảo', publishName: true },
  ...extra,
});
const expenditure = (amount: number, extra: Record<string, unknown> = {}) => ({
  amount,
  date: '2026-03-05',
  purpose: 'house_repair',
  decisionNumber: '12/QĐ-MTTQ',
  ...extra,
});

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  thachHa = await buildFund(db, { unitCode: THACH_HA });
  camXuyen = await buildFund(db, { unitCode: CAM_XUYEN });
  haTinh = await buildFund(db, { unitCode: HA_TINH });
  officer = await signIn(t, { scopeCode: THACH_HA, roles: ['officer'] });
  province = await signIn(t, { scopeCode: HA_TINH, roles: ['fund_accountant'] });
  viewer = await signIn(t, { scopeCode: THACH_HA, roles: ['viewer'] });
});
afterAll(() => t.close());

async function balanceOf(fundId: string) {
  const res = await officer.get(`/api/funds/${fundId}/balance`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().balance as number;
}

describe('receipts', () => {
  it('records a receipt with a number, a donor and an audit event, and the balance follows', async () => {
    const before = await balanceOf(thachHa.id);
    const { body, event } = await expectAuditedWrite(
      t.database.db,
      () => officer.post(`/api/funds/${thachHa.id}/receipts`, receipt(1_500_000)),
      201,
    );
    expect(body.receiptNumber).toMatch(/^2026-\d{6}$/u);
    expect(body).toMatchObject({
      kind: 'receipt',
      amount: 1_500_000,
      method: 'cash',
      donor: { kind: 'individual', name: 'Nguyễn Thị Hảo' },
    });
    expect(event).toMatchObject({
      action: 'fund.receipt',
      entity: 'fund_posting',
      entityId: body.id,
      communeCode: THACH_HA,
    });
    expect(await balanceOf(thachHa.id)).toBe(before + 1_500_000);
  });

  it.each([
    ['a zero amount', { amount: 0 }, 'amount'],
    ['a negative amount', { amount: -5 }, 'amount'],
    ['a fractional amount', { amount: 10.5 }, 'amount'],
    ['an amount as text', { amount: '100000' }, 'amount'],
    ['an unknown method', { method: 'crypto' }, 'method'],
    ['a wrong date', { date: '2026-02-30' }, 'date'],
    ['an unknown donor kind', { donor: { kind: 'alien', name: 'X' } }, 'donor.kind'],
    ['a named kind without a name', { donor: { kind: 'business' } }, 'donor.name'],
    ['in kind without the items', { method: 'in_kind' }, 'items'],
    [
      'items worth another amount',
      { method: 'in_kind', items: [{ name: 'Gạo', quantity: 100, unit: 'kg', value: 1_000 }] },
      'items',
    ],
    ['an unknown field', { colour: 'red' }, 'colour'],
  ])('refuses %s with 400 naming the field, changing nothing', async (_what, patch, field) => {
    await expectRefused(
      t.database.db,
      LEDGER,
      () => officer.post(`/api/funds/${thachHa.id}/receipts`, receipt(100_000, patch)),
      {
        status: 400,
        code: 'validation_failed',
        field,
      },
    );
  });

  it('takes goods in kind at their agreed value, listed', async () => {
    const res = await officer.post(
      `/api/funds/${thachHa.id}/receipts`,
      receipt(2_000_000, {
        method: 'in_kind',
        items: [
          { name: 'Gạo', quantity: 100, unit: 'kg', value: 1_500_000 },
          { name: 'Chăn ấm', quantity: 5, unit: 'cái', value: 500_000 },
        ],
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().inKindItems).toHaveLength(2);
  });

  it('numbers receipts per fund and year without gaps', async () => {
    const numbers: string[] = [];
    for (const date of ['2025-12-30', '2025-12-31', '2026-01-02']) {
      const res = await officer.post(`/api/funds/${thachHa.id}/receipts`, receipt(10_000, { date }));
      numbers.push(res.json().receiptNumber);
    }
    const [a, b, c] = numbers;
    expect(Number(b!.slice(5))).toBe(Number(a!.slice(5)) + 1);
    expect(a!.slice(0, 4)).toBe('2025');
    expect(c!.startsWith('2026-')).toBe(true);
    const other = await province.post(`/api/funds/${camXuyen.id}/receipts`, receipt(10_000, { date: '2025-06-01' }));
    expect(other.json().receiptNumber).toBe('2025-000001');
  });

  it('puts a receipt in the Peak Month that exists without anyone creating it', async () => {
    const res = await officer.post(`/api/funds/${thachHa.id}/receipts`, receipt(300_000, { date: '2025-10-20' }));
    expect(res.statusCode, res.body).toBe(201);
    const campaigns = (await officer.get(`/api/funds/${thachHa.id}/campaigns`)).json().items as {
      id: string;
      kind: string;
      year: number;
      raised: number;
      startDate: string;
      endDate: string;
    }[];
    const peak2025 = campaigns.find((c) => c.kind === 'peak_month' && c.year === 2025)!;
    expect(peak2025).toMatchObject({ startDate: '2025-10-17', endDate: '2025-11-18', raised: 300_000 });
    expect(res.json().campaignId).toBe(peak2025.id);
    // Listing again never makes a second one.
    const again = (await officer.get(`/api/funds/${thachHa.id}/campaigns`)).json().items as {
      kind: string;
      year: number;
    }[];
    expect(again.filter((c) => c.kind === 'peak_month' && c.year === 2025)).toHaveLength(1);
    // The posting's lock reads the fund's Peak Months: the next receipt needs no campaign lookup.
    const { funds: locked } = await t.database.db.transaction((tx) =>
      claimAndLockFunds(tx, [thachHa.id], null, { level: 'national' }),
    );
    expect(locked[0]!.peakMonths).toMatchObject({ 2025: peak2025.id });
  });
});

describe('Idempotency-Key', () => {
  it('answers a retried request with the same posting, posting once', async () => {
    const before = await balanceOf(thachHa.id);
    const send = () =>
      officer.request({
        method: 'POST',
        url: `/api/funds/${thachHa.id}/receipts`,
        payload: receipt(250_000),
        headers: { 'idempotency-key': 'bien-lai-thu-1' },
      });
    const first = await send();
    const second = await send();
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    expect(second.json().id).toBe(first.json().id);
    expect(second.json().receiptNumber).toBe(first.json().receiptNumber);
    expect(await balanceOf(thachHa.id)).toBe(before + 250_000);
  });

  it('refuses the same key with another body, changing nothing', async () => {
    await officer.request({
      method: 'POST',
      url: `/api/funds/${thachHa.id}/receipts`,
      payload: receipt(100_000),
      headers: { 'idempotency-key': 'bien-lai-thu-2' },
    });
    await expectRefused(
      t.database.db,
      LEDGER,
      () =>
        officer.request({
          method: 'POST',
          url: `/api/funds/${thachHa.id}/receipts`,
          payload: receipt(999_000),
          headers: { 'idempotency-key': 'bien-lai-thu-2' },
        }),
      { status: 422, code: 'idempotency_key_reused' },
    );
  });

  it('is per user: another user’s same key is their own', async () => {
    const other = await signIn(t, { scopeCode: THACH_HA, roles: ['officer'] });
    const send = (who: typeof officer) =>
      who.request({
        method: 'POST',
        url: `/api/funds/${thachHa.id}/receipts`,
        payload: receipt(1_000),
        headers: { 'idempotency-key': 'chung-khoa' },
      });
    const mine = await send(officer);
    const theirs = await send(other);
    expect(theirs.headers['idempotent-replayed']).toBeUndefined();
    expect(theirs.json().id).not.toBe(mine.json().id);
  });
});

describe('expenditures and allocations', () => {
  it('spends on a household of the registry, with purpose and decision; the household’s support is the same fact', async () => {
    const household = await buildHousehold(t.database.db, { communeCode: THACH_HA });
    await officer.post(`/api/funds/${thachHa.id}/receipts`, receipt(40_000_000));
    const before = await balanceOf(thachHa.id);
    const { result: res, events } = await traceOf(t.database.db, [], () =>
      officer.post(
        `/api/funds/${thachHa.id}/expenditures`,
        expenditure(30_000_000, { householdId: household.id, purpose: 'house_build' }),
      ),
    );
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({
      kind: 'expenditure',
      purpose: 'house_build',
      householdId: household.id,
      beneficiaryCommuneCode: THACH_HA,
      balance: before - 30_000_000,
    });
    // Two records written in one transaction, each audited: the posting and the support it is.
    expect(events.map((e) => [e.action, e.entity])).toEqual([
      ['fund.expenditure', 'fund_posting'],
      ['support.record', 'support'],
    ]);
  });

  it('refuses a household of another commune and an unknown purpose', async () => {
    const elsewhere = await buildHousehold(t.database.db, { communeCode: CAM_XUYEN });
    await expectRefused(
      t.database.db,
      LEDGER,
      () => officer.post(`/api/funds/${thachHa.id}/expenditures`, expenditure(1_000, { householdId: elsewhere.id })),
      {
        status: 400,
        code: 'validation_failed',
        field: 'householdId',
      },
    );
    await expectRefused(
      t.database.db,
      LEDGER,
      () => officer.post(`/api/funds/${thachHa.id}/expenditures`, expenditure(1_000, { purpose: 'party' })),
      {
        status: 400,
        code: 'validation_failed',
        field: 'purpose',
      },
    );
    await expectRefused(
      t.database.db,
      LEDGER,
      () => officer.post(`/api/funds/${thachHa.id}/expenditures`, expenditure(1_000, { decisionNumber: ' ' })),
      {
        status: 400,
        code: 'validation_failed',
        field: 'decisionNumber',
      },
    );
  });

  it('refuses an overdraft with 409 fund_overdraft, changing nothing', async () => {
    const balance = await balanceOf(thachHa.id);
    await expectRefused(
      t.database.db,
      LEDGER,
      () => officer.post(`/api/funds/${thachHa.id}/expenditures`, expenditure(balance + 1)),
      {
        status: 409,
        code: 'fund_overdraft',
        field: 'amount',
      },
    );
  });

  it('refuses spending more than a campaign holds', async () => {
    const campaign = await officer.post(`/api/funds/${thachHa.id}/campaigns`, {
      name: 'Tết Bính Ngọ 2026',
      startDate: '2026-01-05',
      endDate: '2026-02-15',
      targetAmount: 100_000_000,
    });
    expect(campaign.statusCode, campaign.body).toBe(201);
    const campaignId = campaign.json().id;
    await officer.post(`/api/funds/${thachHa.id}/receipts`, receipt(500_000, { campaignId, date: '2026-01-10' }));
    await expectRefused(
      t.database.db,
      LEDGER,
      () =>
        officer.post(
          `/api/funds/${thachHa.id}/expenditures`,
          expenditure(500_001, { campaignId, purpose: 'tet_gift' }),
        ),
      {
        status: 409,
        code: 'fund_overdraft',
      },
    );
    const spent = await officer.post(
      `/api/funds/${thachHa.id}/expenditures`,
      expenditure(500_000, { campaignId, purpose: 'tet_gift' }),
    );
    expect(spent.statusCode, spent.body).toBe(201);
    const view = (await officer.get(`/api/funds/${thachHa.id}/campaigns`))
      .json()
      .items.find((c: { id: string }) => c.id === campaignId);
    expect(view).toMatchObject({ raised: 500_000, spent: 500_000, balance: 0, receipts: 1, targetAmount: 100_000_000 });
  });

  it('allocates from the province to a commune, both sides in one posting', async () => {
    await province.post(`/api/funds/${haTinh.id}/receipts`, receipt(10_000_000));
    const [from, to] = [await balanceOf(haTinh.id), await balanceOf(thachHa.id)];
    const res = await province.post(`/api/funds/${haTinh.id}/allocations`, {
      toFundId: thachHa.id,
      amount: 4_000_000,
      date: '2026-03-10',
      decisionNumber: '05/QĐ-MTTQ',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect([await balanceOf(haTinh.id), await balanceOf(thachHa.id)]).toEqual([from - 4_000_000, to + 4_000_000]);
    const balance = (await officer.get(`/api/funds/${thachHa.id}/balance`)).json();
    expect(balance.allocationsIn).toBeGreaterThanOrEqual(4_000_000);
    await expectRefused(
      t.database.db,
      LEDGER,
      () =>
        province.post(`/api/funds/${haTinh.id}/allocations`, {
          toFundId: thachHa.id,
          amount: from,
          date: '2026-03-10',
          decisionNumber: '06/QĐ-MTTQ',
        }),
      {
        status: 409,
        code: 'fund_overdraft',
      },
    );
    await expectRefused(
      t.database.db,
      LEDGER,
      () =>
        province.post(`/api/funds/${haTinh.id}/allocations`, {
          toFundId: haTinh.id,
          amount: 1,
          date: '2026-03-10',
          decisionNumber: '06/QĐ-MTTQ',
        }),
      {
        status: 400,
        code: 'validation_failed',
        field: 'toFundId',
      },
    );
  });
});

describe('reversal', () => {
  it('cancels a posting by its mirror image, once, with a reason; never a reversal', async () => {
    const wrong = (await officer.post(`/api/funds/${thachHa.id}/receipts`, receipt(777_000))).json();
    const before = await balanceOf(thachHa.id);
    await expectRefused(
      t.database.db,
      LEDGER,
      () => officer.post(`/api/postings/${wrong.id}/reversal`, { reason: '' }),
      {
        status: 400,
        code: 'validation_failed',
        field: 'reason',
      },
    );
    const { body } = await expectAuditedWrite(
      t.database.db,
      () => officer.post(`/api/postings/${wrong.id}/reversal`, { reason: 'Ghi nhầm số tiền' }),
      201,
    );
    expect(body).toMatchObject({ kind: 'reversal', reversalOf: wrong.id, amount: 777_000, reason: 'Ghi nhầm số tiền' });
    expect(await balanceOf(thachHa.id)).toBe(before - 777_000);
    expect((await officer.get(`/api/postings/${wrong.id}`)).json().reversedBy).toBe(body.id);
    await expectRefused(
      t.database.db,
      LEDGER,
      () => officer.post(`/api/postings/${wrong.id}/reversal`, { reason: 'Lần nữa' }),
      { status: 409, code: 'already_reversed' },
    );
    await expectRefused(
      t.database.db,
      LEDGER,
      () => officer.post(`/api/postings/${body.id}/reversal`, { reason: 'Hủy cái hủy' }),
      { status: 409, code: 'reversal_of_reversal' },
    );
  });

  it('refuses to reverse a receipt already spent', async () => {
    const fund = await buildFund(t.database.db, { unitCode: '18523' });
    const officerThere = await signIn(t, { scopeCode: '18523', roles: ['officer'] });
    const given = (await officerThere.post(`/api/funds/${fund.id}/receipts`, receipt(1_000_000))).json();
    expect((await officerThere.post(`/api/funds/${fund.id}/expenditures`, expenditure(600_000))).statusCode).toBe(201);
    await expectRefused(
      t.database.db,
      LEDGER,
      () => officerThere.post(`/api/postings/${given.id}/reversal`, { reason: 'Nhầm' }),
      { status: 409, code: 'fund_overdraft' },
    );
  });
});

describe('area scope', () => {
  it('a commune officer cannot post on another commune’s fund or the province’s', async () => {
    for (const fund of [camXuyen, haTinh]) {
      const res = await expectRefused(
        t.database.db,
        LEDGER,
        () => officer.post(`/api/funds/${fund.id}/receipts`, receipt(1_000)),
        {
          status: fund === haTinh ? 403 : 404,
          code: fund === haTinh ? 'out_of_scope' : 'not_found',
        },
      );
      expect(res).toBeTruthy();
    }
  });

  it('a viewer reads but cannot post', async () => {
    expect((await viewer.get(`/api/funds/${thachHa.id}/balance`)).statusCode).toBe(200);
    await expectRefused(t.database.db, LEDGER, () => viewer.post(`/api/funds/${thachHa.id}/receipts`, receipt(1_000)), {
      status: 403,
      code: 'forbidden',
    });
  });

  it('lists the commune’s own fund and the province’s; the province sees all of its funds', async () => {
    const mine = (await officer.get('/api/funds')).json().items.map((f: { id: string }) => f.id);
    expect(mine).toContain(thachHa.id);
    expect(mine).toContain(haTinh.id);
    expect(mine).not.toContain(camXuyen.id);
    const all = (await province.get('/api/funds')).json().items.map((f: { id: string }) => f.id);
    expect(all).toEqual(expect.arrayContaining([thachHa.id, camXuyen.id, haTinh.id]));
  });
});

describe('the ledger in the database', () => {
  it('refuses UPDATE, DELETE and TRUNCATE of postings and lines', async () => {
    const db = t.database.db;
    for (const statement of [
      sql`update fund_postings set amount = amount + 1`,
      sql`delete from fund_postings`,
      sql`truncate fund_postings cascade`,
      sql`update fund_posting_lines set amount = 0`,
      sql`delete from fund_posting_lines`,
      sql`truncate fund_posting_lines`,
    ]) {
      await expect(db.execute(statement)).rejects.toThrow();
    }
  });

  it('refuses an unbalanced posting at commit', async () => {
    const db = t.database.db;
    await expect(
      db.transaction(async (tx) => {
        const id = '0a1b2c3d-0000-4000-8000-000000000001';
        await tx.execute(sql`insert into fund_postings (id, fund_id, seq, province_code, kind, date, amount, prev_hash, hash)
          values (${id}, ${thachHa.id}, 100000, ${HA_TINH}, 'receipt', '2026-01-01', 5, 'x', 'y')`);
        await tx.execute(sql`insert into fund_posting_lines (posting_id, line, fund_id, account, amount)
          values (${id}, 1, ${thachHa.id}, 'cash', 5), (${id}, 2, ${thachHa.id}, 'donations', -4)`);
      }),
    ).rejects.toThrow();
  });

  it('verifies, and a superuser’s edit with the trigger disabled names the first broken posting', async () => {
    const db = t.database.db;
    const fund = await buildFund(db, { unitCode: '18532' });
    const there = await signIn(t, { scopeCode: '18532', roles: ['officer'] });
    const ids: string[] = [];
    for (const amount of [100, 200, 300, 400]) {
      ids.push((await there.post(`/api/funds/${fund.id}/receipts`, receipt(amount))).json().id);
    }
    const first = await verifyLedger(db, { level: 'national' });
    expect(first.funds.filter((f) => !f.ok)).toEqual([]);
    await db.execute(sql`alter table fund_posting_lines disable trigger fund_posting_lines_append_only`);
    await db.execute(sql`update fund_posting_lines set amount = amount * 10 where posting_id = ${ids[2]}`);
    await db.execute(sql`alter table fund_posting_lines enable trigger fund_posting_lines_append_only`);
    const result = await verifyLedger(db, { level: 'national' });
    expect(result.ok).toBe(false);
    const broken = result.funds.find((f) => f.fundId === fund.id)!;
    expect(broken.firstBroken).toEqual({ postingId: ids[2], seq: 3, problem: 'hash_mismatch' });
    expect(result.funds.filter((f) => !f.ok)).toHaveLength(1);
    const admin = await signIn(t, { scopeCode: null, roles: ['admin'] });
    const page = (await admin.get('/api/ledger/verification')).json();
    expect(page.ok).toBe(false);
    expect((await officer.get('/api/ledger/verification')).statusCode).toBe(403);
    const counts = rowsOf<{ n: number }>(
      await db.execute(sql`select count(*)::int n from fund_postings where fund_id = ${fund.id}`),
    );
    expect(counts[0]!.n).toBe(4);
  });

  it('numbers receipts per year from the fund’s head, and verification names a head moved past its receipts', async () => {
    const db = t.database.db;
    const fund = await buildFund(db, { unitCode: '18550' });
    const there = await signIn(t, { scopeCode: '18550', roles: ['officer'] });
    const numbers = [];
    for (const date of ['2026-02-01', '2025-12-30', '2026-02-02', '2025-12-31']) {
      numbers.push((await there.post(`/api/funds/${fund.id}/receipts`, receipt(1_000, { date }))).json().receiptNumber);
    }
    expect(numbers).toEqual(['2026-000001', '2025-000001', '2026-000002', '2025-000002']);
    const ok = await verifyLedger(db, { level: 'commune', provinceCode: HA_TINH, communeCode: '18550' });
    expect(ok.ok).toBe(true);
    // An edit of the head (not a posting) that would make the next receipt skip a number.
    await db.execute(sql`update funds set receipt_counters = '{"2025": 2, "2026": 5}' where id = ${fund.id}`);
    const result = await verifyLedger(db, { level: 'commune', provinceCode: HA_TINH, communeCode: '18550' });
    expect(result.funds[0]!.firstBroken).toEqual({ postingId: null, seq: null, problem: 'receipt_counter_mismatch' });
  });

  it('keeps each campaign’s balance with its postings, refuses spending beyond it, and verification names a balance moved', async () => {
    const db = t.database.db;
    const fund = await buildFund(db, { unitCode: '18568' });
    const there = await signIn(t, { scopeCode: '18568', roles: ['officer'] });
    const area = { level: 'commune', provinceCode: HA_TINH, communeCode: '18568' } as const;
    // Two receipts in the Peak Month (counted to it without naming it), one spending from it.
    for (const amount of [300_000, 200_000])
      expect(
        (await there.post(`/api/funds/${fund.id}/receipts`, receipt(amount, { date: '2026-10-20' }))).statusCode,
      ).toBe(201);
    const peak = (await there.get(`/api/funds/${fund.id}/campaigns`)).json().items[0];
    expect(peak).toMatchObject({ kind: 'peak_month', balance: 500_000 });
    const spend = (amount: number) =>
      there.post(`/api/funds/${fund.id}/expenditures`, {
        amount,
        date: '2026-11-01',
        purpose: 'relief',
        decisionNumber: '12/QĐ-MTTQ',
        campaignId: peak.id,
      });
    expect((await spend(450_000)).statusCode).toBe(201);
    expect((await spend(60_000)).json().code).toBe('fund_overdraft');
    const [kept] = rowsOf<{ balance: string }>(
      await db.execute(sql`select balance from fund_campaigns where id = ${peak.id}`),
    );
    expect(Number(kept!.balance)).toBe(50_000);
    expect((await verifyLedger(db, area)).ok).toBe(true);
    await db.execute(sql`update fund_campaigns set balance = balance + 1 where id = ${peak.id}`);
    expect((await verifyLedger(db, area)).funds[0]!.firstBroken).toEqual({
      postingId: null,
      seq: null,
      problem: 'campaign_balance_mismatch',
    });
  });
});

describe('VietQR', () => {
  it('gives the fund’s payload and QR image, with a campaign reference in the note', async () => {
    const campaigns = (await officer.get(`/api/funds/${thachHa.id}/campaigns`)).json().items as {
      id: string;
      reference: string;
    }[];
    const res = await officer.get(`/api/funds/${thachHa.id}/vietqr?campaignId=${campaigns[0]!.id}&amount=200000`);
    expect(res.statusCode, res.body).toBe(200);
    const qr = res.json();
    expect(qr.payload).toContain('970405');
    expect(qr.payload).toContain('QRIBFTTA');
    expect(qr.note).toContain(campaigns[0]!.reference);
    expect(qr.svg).toContain('<svg');
  });
});

describe('the receipt (biên lai)', () => {
  it('is an A5 PDF for a receipt, and there is none for other postings', async () => {
    const given = (await officer.post(`/api/funds/${thachHa.id}/receipts`, receipt(1_500_000))).json();
    const res = await officer.get(`/api/postings/${given.id}/receipt.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(res.headers['content-disposition']).toContain(`bien-lai-${given.receiptNumber}.pdf`);
    const spent = (await officer.post(`/api/funds/${thachHa.id}/expenditures`, expenditure(1_000))).json();
    const none = await officer.get(`/api/postings/${spent.id}/receipt.pdf`);
    expect(none.statusCode).toBe(409);
    expect(none.json().code).toBe('not_a_receipt');
  });

  it('of another commune’s fund is not found', async () => {
    const theirs = (await province.post(`/api/funds/${camXuyen.id}/receipts`, receipt(10_000))).json();
    expect((await officer.get(`/api/postings/${theirs.id}/receipt.pdf`)).statusCode).toBe(404);
  });
});

describe('public disclosure', () => {
  it('shows, without a session, consenting donors by name and others as "Nhà hảo tâm", spending by purpose and commune, and no personal data', async () => {
    const db = t.database.db;
    const fund = await buildFund(db, { unitCode: '18544' });
    const there = await signIn(t, { scopeCode: '18544', roles: ['officer'] });
    const household = await buildHousehold(db, { communeCode: '18544' });
    await there.post(`/api/funds/${fund.id}/receipts`, receipt(3_000_000));
    await there.post(
      `/api/funds/${fund.id}/receipts`,
      receipt(2_000_000, { donor: { kind: 'individual', name: 'Lê Thị Kín Đáo', publishName: false } }),
    );
    const wrong = (
      await there.post(
        `/api/funds/${fund.id}/receipts`,
        receipt(9_000_000, { donor: { kind: 'business', name: 'Công ty Nhầm', publishName: true } }),
      )
    ).json();
    await there.post(`/api/postings/${wrong.id}/reversal`, { reason: 'Nhầm quỹ' });
    await there.post(`/api/funds/${fund.id}/expenditures`, expenditure(1_200_000, { householdId: household.id }));

    const res = await t.app.inject({ method: 'GET', url: `/api/public/funds/${fund.id}` });
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json();
    expect(page.receipts.map((r: { donor: string }) => r.donor).sort()).toEqual(['Nguyễn Thị Hảo', 'Nhà hảo tâm']);
    expect(page).toMatchObject({ balance: 3_800_000, householdsSupported: 1, spentTotal: 1_200_000 });
    expect(page.spendingByPurpose).toEqual([{ purpose: 'house_repair', amount: 1_200_000, count: 1 }]);
    expect(page.spendingByCommune[0]).toMatchObject({ communeCode: '18544', amount: 1_200_000 });
    expect(page.qr.payload).toContain('QRIBFTTA');
    expect(res.body).not.toContain('Kín Đáo');
    expect(res.body).not.toContain('Công ty Nhầm');
    expect(res.body).not.toContain(household.id);
    expect(res.body).not.toContain(household.headName);
    const list = await t.app.inject({ method: 'GET', url: '/api/public/funds' });
    expect(list.json().items.map((f: { id: string }) => f.id)).toContain(fund.id);
  });
});

describe('the fund report', () => {
  it('gives opening balance, receipts by campaign and donor kind, spending by purpose and commune, closing balance', async () => {
    const db = t.database.db;
    const fund = await buildFund(db, { unitCode: '18547' });
    const there = await signIn(t, { scopeCode: '18547', roles: ['officer'] });
    await there.post(`/api/funds/${fund.id}/receipts`, receipt(1_000_000, { date: '2025-12-20' }));
    await there.post(`/api/funds/${fund.id}/receipts`, receipt(5_000_000, { date: '2026-01-10' }));
    const business = (
      await there.post(
        `/api/funds/${fund.id}/receipts`,
        receipt(2_000_000, { date: '2026-01-11', donor: { kind: 'business', name: 'Công ty A' } }),
      )
    ).json();
    await there.post(`/api/postings/${business.id}/reversal`, { reason: 'Nhầm', date: '2026-01-12' });
    await there.post(
      `/api/funds/${fund.id}/expenditures`,
      expenditure(1_500_000, { date: '2026-01-20', purpose: 'tet_gift' }),
    );
    await there.post(`/api/funds/${fund.id}/expenditures`, expenditure(700_000, { date: '2026-03-01' }));

    const xlsx = await there.get(`/api/funds/${fund.id}/report?from=2026-01-01&to=2026-01-31&format=xlsx`);
    expect(xlsx.statusCode, xlsx.body).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as never);
    const rows = new Map<string, number>();
    workbook.worksheets[0]!.eachRow((row) => {
      const [label, amount] = [row.getCell(1).value, row.getCell(2).value];
      if (typeof label === 'string' && typeof amount === 'number') rows.set(label.trim(), amount);
    });
    expect(rows.get('I. Số dư đầu kỳ')).toBe(1_000_000);
    expect(rows.get('II. Thu trong kỳ')).toBe(5_000_000);
    expect(rows.get('Theo nhà hảo tâm: Cá nhân')).toBe(5_000_000);
    expect(rows.has('Theo nhà hảo tâm: Doanh nghiệp')).toBe(false);
    expect(rows.get('IV. Chi trong kỳ')).toBe(1_500_000);
    expect(rows.get('Theo mục đích: Quà Tết')).toBe(1_500_000);
    expect(rows.get('VI. Số dư cuối kỳ (I + II + III − IV − V)')).toBe(4_500_000);

    const pdf = await there.get(`/api/funds/${fund.id}/report?from=2026-01-01&to=2026-01-31`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const backwards = await there.get(`/api/funds/${fund.id}/report?from=2026-02-01&to=2026-01-31`);
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().field).toBe('querystring.to');
  });
});
