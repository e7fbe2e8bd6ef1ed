import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../../../../test/helpers/app';
import { buildFund, buildHousehold, buildVillage, THACH_HA } from '../../../../test/helpers/factories';
import { rowsOf } from '../../platform/db/database';

/**
 * A distribution paid from the Fund for the Poor: each household's gift is one fact with its own
 * expenditure of the fund, the whole list in one transaction, refused whole when the fund or the
 * campaign cannot pay for it.
 */
let t: TestApp;
let officer: Awaited<ReturnType<typeof signIn>>;
let fundId: string;
const codes = ['QF-001', 'QF-002', 'QF-003', 'QF-004'];
const ids: Record<string, string> = {};

const header = () => ({
  communeCode: THACH_HA,
  kind: 'tet_gift',
  sourceCode: 'fund',
  fundId,
  date: '2026-02-05',
  value: 500_000,
  decisionNumber: '07/QĐ-MTTQ',
  note: 'Quà Tết Bính Ngọ từ Quỹ "Vì người nghèo" xã',
});

const receipt = (amount: number, extra: Record<string, unknown> = {}) =>
  officer.post(`/api/funds/${fundId}/receipts`, {
    amount,
    date: '2026-01-10',
    method: 'bank',
    donor: { kind: 'business', name: 'Công ty TNHH Hồng Lĩnh', publishName: true },
    ...extra,
  });

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  officer = await signIn(t, { scopeCode: THACH_HA, roles: ['officer'] });
  fundId = (await buildFund(db, { unitCode: THACH_HA })).id;
  const village = await buildVillage(db, { communeCode: THACH_HA });
  for (const code of codes) ids[code] = (await buildHousehold(db, { villageId: village.id, code })).id;
  expect((await receipt(1_200_000)).statusCode).toBe(201);
});
afterAll(() => t.close());

const confirm = (body: object, key: string) =>
  officer.request({
    method: 'POST',
    url: '/api/support-distributions',
    payload: body,
    headers: { 'idempotency-key': key },
  });
const rows = (...list: string[]) => list.map((householdCode) => ({ householdCode }));

const counts = async () =>
  rowsOf<{ supports: number; postings: number; distributions: number }>(
    await t.database.db.execute(sql`select (select count(*)::int from support_records) as supports,
      (select count(*)::int from fund_postings) as postings,
      (select count(*)::int from support_distributions) as distributions`),
  )[0]!;

/** What users read: each household's total, the fund's spending (all, and on Tết gifts), the commune's coverage. */
async function totals() {
  const household = async (code: string) =>
    (await officer.get(`/api/households/${ids[code]}/supports`)).json().totalValue as number;
  const fund = (await t.app.inject({ method: 'GET', url: `/api/public/funds/${fundId}` })).json();
  const coverage = (await officer.get('/api/targeting/coverage?year=2026')).json();
  return {
    households: await Promise.all(codes.map(household)),
    fundSpent: fund.spentTotal as number,
    gifts: (fund.spendingByPurpose as { purpose: string; amount: number }[]).find((p) => p.purpose === 'tet_gift')
      ?.amount,
    commune: (coverage.communes as { communeCode: string; supportValue: number }[]).find(
      (c) => c.communeCode === THACH_HA,
    )?.supportValue,
  };
}

describe('a distribution paid from the Fund', () => {
  it('refuses a list without a fund, without a decision, or of a kind the Fund does not pay for, naming the field', async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ fundId: null }, 'fundId', 'cần chọn quỹ chi'],
      [{ decisionNumber: null }, 'decisionNumber', 'cần số quyết định'],
      [{ kind: 'policy_loan' }, 'kind', 'không chi từ Quỹ'],
      [{ sourceCode: 'business' }, 'fundId', 'mới chọn quỹ chi'],
    ];
    for (const [change, field, message] of cases) {
      const res = await officer.post('/api/support-distributions/preview', {
        ...header(),
        ...change,
        rows: rows('QF-001'),
      });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().errors[0]).toMatchObject({ field, message: expect.stringContaining(message) });
    }
  });

  it('previews with the fund’s balance beside the list’s total', async () => {
    const res = await officer.post('/api/support-distributions/preview', {
      ...header(),
      rows: rows('QF-001', 'QF-002'),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ accepted: 2, refused: 0, totalValue: 1_000_000, fundBalance: 1_200_000 });
  });

  it('refuses the whole list when the fund cannot pay for it, and changes nothing', async () => {
    const before = { counts: await counts(), totals: await totals() };
    const res = await confirm({ ...header(), rows: rows('QF-001', 'QF-002', 'QF-003') }, 'qf-too-much');
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().code).toBe('fund_overdraft');
    expect(res.json().detail).toContain('Quỹ không đủ để chi cả đợt (3 hộ, 1.500.000');
    expect(res.json().detail).toContain('Số dư của quỹ không đủ');
    expect(await counts()).toEqual(before.counts);
    expect(await totals()).toEqual(before.totals);
    expect((await officer.get(`/api/funds/${fundId}/balance`)).json().balance).toBe(1_200_000);
  });

  it('posts one expenditure per household linked to its support, counted once everywhere; a retry records nothing', async () => {
    const before = { counts: await counts(), totals: await totals() };
    const body = { ...header(), rows: [{ householdCode: 'QF-001' }, { householdCode: 'QF-002', value: 600_000 }] };
    const res = await confirm(body, 'qf-tet-2026');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ households: 2, totalValue: 1_100_000, sourceCode: 'fund', replayed: false });
    const retried = await confirm(body, 'qf-tet-2026');
    expect(retried.json()).toMatchObject({ id: res.json().id, replayed: true });

    const after = { counts: await counts(), totals: await totals() };
    expect(after.counts).toEqual({
      supports: before.counts.supports + 2,
      postings: before.counts.postings + 2,
      distributions: before.counts.distributions + 1,
    });
    expect(after.totals.households).toEqual([500_000, 600_000, 0, 0]);
    expect(after.totals.fundSpent - before.totals.fundSpent).toBe(1_100_000);
    expect((after.totals.gifts ?? 0) - (before.totals.gifts ?? 0)).toBe(1_100_000);
    expect((after.totals.commune ?? 0) - (before.totals.commune ?? 0)).toBe(1_100_000);

    // Each support names its expenditure, and the expenditure names the household, the purpose and the decision.
    const support = (await officer.get(`/api/households/${ids['QF-002']}/supports`)).json().items[0];
    const posting = (await officer.get(`/api/postings/${support.fundPostingId}`)).json();
    expect(posting).toMatchObject({
      kind: 'expenditure',
      amount: 600_000,
      purpose: 'tet_gift',
      householdId: ids['QF-002'],
      decisionNumber: '07/QĐ-MTTQ',
      receiptNumber: null,
    });
    const audited = rowsOf<{ action: string; n: number }>(
      await t.database.db.execute(sql`select action, count(*)::int as n from audit_events
        where action in ('support.record', 'support.distribute', 'fund.expenditure') and at > now() - interval '1 minute'
        group by action order by action`),
    );
    expect(audited).toEqual([
      { action: 'fund.expenditure', n: 2 },
      { action: 'support.distribute', n: 1 },
      { action: 'support.record', n: 2 },
    ]);

    // Receipts keep their own numbering: the next receipt follows the first, expenditures take no number.
    const next = await receipt(100_000);
    expect(next.json().receiptNumber).toBe('2026-000002');
  });

  it('refuses the whole list when it would overdraw the chosen campaign, though the fund could pay', async () => {
    const campaign = await officer.post(`/api/funds/${fundId}/campaigns`, {
      name: 'Tết vì người nghèo 2026',
      startDate: '2026-01-01',
      endDate: '2026-02-28',
    });
    expect(campaign.statusCode, campaign.body).toBe(201);
    const campaignId = campaign.json().id;
    expect((await receipt(5_000_000, { campaignId: undefined })).statusCode).toBe(201);
    expect((await receipt(400_000, { campaignId })).statusCode).toBe(201);
    const before = await counts();
    const res = await confirm({ ...header(), campaignId, rows: rows('QF-003', 'QF-004') }, 'qf-campaign');
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().detail).toContain('Số dư của đợt vận động không đủ');
    expect(await counts()).toEqual(before);
    const paid = await confirm(
      { ...header(), campaignId, value: 200_000, rows: rows('QF-003', 'QF-004') },
      'qf-campaign-2',
    );
    expect(paid.statusCode, paid.body).toBe(201);
  });
});
