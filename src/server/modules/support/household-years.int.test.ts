import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../../../../test/helpers/app';
import { CAM_XUYEN, THACH_HA } from '../../../../test/helpers/factories';
import { modelFixture } from '../../../../test/helpers/models';
import { assess, fundedCommuneFund } from '../../../../test/helpers/support';

let t: TestApp;
let officer: Awaited<ReturnType<typeof signIn>>;
let fundId: string;

beforeAll(async () => {
  t = await createTestApp();
  officer = await signIn(t, { scopeCode: THACH_HA, roles: ['officer'] });
  fundId = await fundedCommuneFund(t.database.db, officer, 50_000_000, '2024-01-02');
});
afterAll(() => t.close());

const created = async (res: Promise<{ statusCode: number; body: string; json(): unknown }>) => {
  const r = await res;
  expect(r.statusCode, r.body).toBe(201);
  return r.json() as { id: string; version: number };
};

describe('the household page’s year-by-year support beside its status', () => {
  it('puts each year’s list category beside what came that year from every source, with totals by year and source', async () => {
    const db = t.database.db;
    const { model, participant: h } = await modelFixture(db);
    for (const [year, category] of [
      [2024, 'poor'],
      [2025, 'poor'],
      [2026, 'near_poor'],
    ] as const)
      await assess(db, h, { year, category });
    const supports = `/api/households/${h.id}/supports`;
    // 2024: a Tết gift paid from the commune fund (one fact with the fund's expenditure) and a policy loan.
    await created(
      officer.post(supports, {
        kind: 'tet_gift',
        sourceCode: 'fund',
        fundId,
        value: 500_000,
        date: '2024-02-01',
        decisionNumber: '03/QĐ-MTTQ',
      }),
    );
    await created(
      officer.post(supports, {
        kind: 'policy_loan',
        sourceCode: 'vbsp',
        value: 50_000_000,
        date: '2024-06-10',
        loanTermMonths: 60,
        loanOutstanding: 20_000_000,
      }),
    );
    // 2025: a Tết gift handed out in a distribution, and a cancelled mistake that must not count.
    const distribution = await officer.request({
      method: 'POST',
      url: '/api/support-distributions',
      headers: { 'idempotency-key': 'years-2025' },
      payload: {
        communeCode: THACH_HA,
        kind: 'tet_gift',
        sourceCode: 'business',
        date: '2025-01-20',
        decisionNumber: '05/QĐ-UBND',
        note: null,
        value: 400_000,
        rows: [{ householdCode: h.code }],
      },
    });
    expect(distribution.statusCode, distribution.body).toBe(201);
    const mistake = await created(
      officer.post(supports, { kind: 'relief', sourceCode: 'local_budget', value: 9_000_000, date: '2025-03-01' }),
    );
    expect(
      (await officer.post(`/api/supports/${mistake.id}/cancellation`, { reason: 'Nhập nhầm hộ' })).statusCode,
    ).toBe(200);
    // A house approved in 2025, handed over in 2026.
    let house = await created(
      officer.post(`/api/households/${h.id}/houses`, {
        kind: 'repair',
        decisionNumber: '45/QĐ-UBND',
        approvedOn: '2025-10-01',
        plannedCompletion: '2026-03-31',
        builder: 'Tổ thợ thôn 1',
        funding: [
          { sourceCode: 'temporary_houses', amount: 30_000_000 },
          { sourceCode: 'local_budget', amount: 5_000_000 },
        ],
      }),
    );
    for (const [stage, date] of [
      ['under_construction', '2025-11-02'],
      ['completed', '2026-02-20'],
      ['handed_over', '2026-03-01'],
    ]) {
      const step = await officer.post(`/api/houses/${house.id}/stage`, { stage, date, version: house.version });
      expect(step.statusCode, step.body).toBe(200);
      house = step.json();
    }
    await created(
      officer.post(supports, {
        kind: 'house_repair',
        sourceCode: 'temporary_houses',
        value: 35_000_000,
        date: '2026-03-01',
        decisionNumber: '45/QĐ-UBND',
      }),
    );

    const res = await officer.get(`/api/households/${h.id}/support-years`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    const row = (year: number) => body.years.find((y: { year: number }) => y.year === year);
    expect(body.years.map((y: { year: number; category: string | null }) => [y.year, y.category])).toEqual([
      [2024, 'poor'],
      [2025, 'poor'],
      [2026, 'near_poor'],
    ]);
    expect(row(2024)).toMatchObject({
      supports: 2,
      value: 50_500_000,
      loans: { borrowed: 50_000_000, outstanding: 20_000_000 },
      models: [{ id: model.id, name: 'Nuôi bò sinh sản', joinedOn: '2024-04-01' }],
    });
    expect(row(2024).bySource).toEqual([
      { sourceCode: 'vbsp', supports: 1, value: 50_000_000 },
      { sourceCode: 'fund', supports: 1, value: 500_000 },
    ]);
    expect(row(2025)).toMatchObject({ supports: 1, value: 400_000, distributed: 1, kinds: ['tet_gift'] });
    expect(row(2025).houses).toEqual([
      {
        id: house.id,
        kind: 'repair',
        decisionNumber: '45/QĐ-UBND',
        stage: 'under_construction',
        totalCost: 35_000_000,
      },
    ]);
    expect(row(2026).houses[0].stage).toBe('handed_over');
    expect(row(2026)).toMatchObject({ supports: 1, value: 35_000_000, kinds: ['house_repair'] });
    // Totals: the fund-paid gift once, the cancelled relief not at all; by source over the years.
    expect(body).toMatchObject({ supports: 4, value: 85_900_000, loanOutstanding: 20_000_000 });
    expect(body.bySource).toEqual([
      { sourceCode: 'vbsp', supports: 1, value: 50_000_000 },
      { sourceCode: 'temporary_houses', supports: 1, value: 35_000_000 },
      { sourceCode: 'fund', supports: 1, value: 500_000 },
      { sourceCode: 'business', supports: 1, value: 400_000 },
    ]);
    // The same total as the detail list beneath it.
    expect((await officer.get(`/api/households/${h.id}/supports`)).json().totalValue).toBe(body.value);
  });

  it('answers only inside the caller’s area, and names a malformed id', async () => {
    const { participant: h } = await modelFixture(t.database.db);
    const outsider = await signIn(t, { scopeCode: CAM_XUYEN, roles: ['officer'] });
    expect((await outsider.get(`/api/households/${h.id}/support-years`)).statusCode).toBe(404);
    const bad = await officer.get('/api/households/khong-phai-ma/support-years');
    expect(bad.statusCode).toBe(400);
    const empty = (await officer.get(`/api/households/${h.id}/support-years`)).json();
    expect(empty).toMatchObject({ supports: 0, value: 0, bySource: [] });
    // The model it joined in 2024 is its only year so far.
    expect(empty.years.map((y: { year: number }) => y.year)).toEqual([2024]);
  });
});
