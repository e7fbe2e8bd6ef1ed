import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const classify = (payload: unknown) =>
  t.app.inject({ method: 'POST', url: '/api/public/poverty/classify', payload: payload as object });

describe('GET /api/public/poverty/standards (no session)', () => {
  it('lists the three built-in standards with their dimensions and indicators', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/public/poverty/standards' });
    expect(res.statusCode).toBe(200);
    const { items, total } = res.json();
    expect(total).toBe(3);
    const byId = Object.fromEntries(items.map((s: { id: string }) => [s.id, s]));
    expect(Object.keys(byId).sort()).toEqual(['2016-2020', '2022-2025', '2027-2030']);
    const indicators = (id: string) =>
      byId[id].dimensions.flatMap((d: { indicators: { key: string }[] }) => d.indicators.map((i) => i.key));
    expect(indicators('2022-2025')).toHaveLength(12);
    expect(indicators('2022-2025')).toContain('information_access');
    expect(indicators('2027-2030')).not.toContain('information_access');
    expect(byId['2027-2030'].status).toBe('provisional');
  });
});

describe('POST /api/public/poverty/classify (no session, no CSRF token)', () => {
  it.each([
    // Decree 07/2021, Article 3: rural line 1,500,000 inclusive, 3 deprivations make a household poor.
    ['2022-2025', 'rural', 1_500_000, ['employment', 'health_insurance', 'sanitation'], 'poor'],
    ['2022-2025', 'rural', 1_500_000, ['employment', 'health_insurance'], 'near_poor'],
    ['2022-2025', 'rural', 1_500_001, ['employment', 'health_insurance', 'sanitation'], 'average'],
    ['2022-2025', 'rural', 2_250_001, [], 'not_poor'],
    ['2022-2025', 'urban', 2_000_000, ['telecom', 'water_source', 'housing_area'], 'poor'],
    ['2022-2025', 'urban', 3_000_000, [], 'average'],
    // Decree 351/2025: 2,200,000 rural, 2,800,000 urban.
    ['2027-2030', 'rural', 2_200_000, ['employment', 'health_insurance', 'sanitation'], 'poor'],
    ['2027-2030', 'urban', 2_800_001, ['employment', 'health_insurance', 'sanitation'], 'not_poor'],
    // Decision 59/2015: a very low income alone makes a household poor (the stepped rule).
    ['2016-2020', 'rural', 700_000, [], 'poor'],
    ['2016-2020', 'rural', 700_001, [], 'near_poor'],
  ])('%s, %s, %i đ with %j → %s', async (standard, area, income, deprivations, category) => {
    const res = await classify({ standard, area, incomePerCapitaMonthly: income, deprivations });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ standard, category, deprivationCount: (deprivations as string[]).length });
    expect(body.explanation.vi).toMatch(/\d{1,3}(\.\d{3})+ đ/u);
    expect(body.explanation.en.length).toBeGreaterThan(10);
  });

  it('counts a repeated indicator once and reports the survey-sheet scores', async () => {
    const res = await classify({
      standard: '2022-2025',
      area: 'rural',
      incomePerCapitaMonthly: 1_000_000,
      deprivations: ['telecom', 'telecom', 'water_source'],
    });
    expect(res.json()).toMatchObject({ deprivationCount: 2, scores: { deprivationScore: 20, incomeScoreLine: 140 } });
  });

  it.each([
    ['standard', { standard: '2099-2100' }],
    ['area', { area: 'mountain' }],
    ['incomePerCapitaMonthly', { incomePerCapitaMonthly: 1500000.5 }],
    ['incomePerCapitaMonthly', { incomePerCapitaMonthly: -1 }],
    ['incomePerCapitaMonthly', { incomePerCapitaMonthly: '1500000' }],
    ['deprivations', { deprivations: ['flying_car'] }],
    ['deprivations', { deprivations: ['information_access'], standard: '2027-2030' }],
    ['extra', { extra: 1 }],
  ])('400 naming %s', async (field, overrides) => {
    const res = await classify({
      standard: '2022-2025',
      area: 'rural',
      incomePerCapitaMonthly: 1,
      deprivations: [],
      ...overrides,
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().field).toMatch(new RegExp(`^${field}`, 'u'));
    expect(res.json().detail).toMatch(/\S/u);
  });
});
