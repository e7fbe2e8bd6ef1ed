import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, signIn, type TestApp } from '../../../../test/helpers/app';
import { HA_TINH, VINH_LONG } from '../../../../test/helpers/factories';
import { ROLES } from '../../../domain/access';
import { STANDARD_2027_2030 } from '../../../domain/poverty';

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
    expect(byId['2022-2025'].status).toBe('confirmed');
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

describe('POST /api/poverty/standards (loading a corrected or provincial standard)', () => {
  const provincial = (version: number, ruralLine: number) => ({
    ...STANDARD_2027_2030,
    version,
    lines: STANDARD_2027_2030.lines.map((l) => ({ ...l, rural: ruralLine })),
  });
  const answers = {
    standard: '2027-2030',
    area: 'rural',
    incomePerCapitaMonthly: 2_250_000,
    deprivations: ['employment', 'health_insurance', 'sanitation'],
  };

  it('a provincial administrator loads Hà Tĩnh’s own line; only Hà Tĩnh classifies with it, audited', async () => {
    const admin = await signIn(t, { scopeCode: HA_TINH, roles: [...ROLES] });
    const res = await admin.post('/api/poverty/standards', {
      provinceCode: HA_TINH,
      definition: provincial(2, 2_300_000),
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ standardId: '2027-2030', version: 2, provinceCode: HA_TINH });
    expect((await classify({ ...answers, province: HA_TINH })).json()).toMatchObject({ category: 'poor', version: 2 });
    expect((await classify(answers)).json()).toMatchObject({ category: 'not_poor', version: 1 });
    const listed = (
      await t.app.inject({ method: 'GET', url: `/api/public/poverty/standards?province=${HA_TINH}` })
    ).json();
    const versions = listed.items.filter((s: { id: string }) => s.id === '2027-2030');
    expect(versions.map((s: { version: number; current: boolean }) => [s.version, s.current])).toEqual([
      [2, true],
      [1, false],
    ]);
    const log = (await admin.get('/api/audit-events?entity=poverty_standard')).json();
    expect(log.items[0]).toMatchObject({ action: 'poverty_standard.load', provinceCode: HA_TINH });
  });

  it('409 for a version that is not above every existing one; 400 naming the path of a bad definition', async () => {
    const admin = await signIn(t, { scopeCode: HA_TINH, roles: [...ROLES] });
    const again = await admin.post('/api/poverty/standards', {
      provinceCode: HA_TINH,
      definition: provincial(1, 2_300_000),
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'version_exists', field: 'definition.version' });
    const bad = await admin.post('/api/poverty/standards', {
      provinceCode: HA_TINH,
      definition: { ...provincial(9, -5), name: { vi: '', en: 'x' } },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('invalid_standard');
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^definition\.lines\[0\]\.rural/u), 'definition.name.vi']),
    );
  });

  it('refuses a national correction from a province, another province, and a non-administrator', async () => {
    const admin = await signIn(t, { scopeCode: HA_TINH, roles: [...ROLES] });
    expect(
      (await admin.post('/api/poverty/standards', { provinceCode: null, definition: provincial(7, 2_300_000) }))
        .statusCode,
    ).toBe(403);
    expect(
      (await admin.post('/api/poverty/standards', { provinceCode: VINH_LONG, definition: provincial(7, 2_300_000) }))
        .statusCode,
    ).toBe(403);
    const officer = await signIn(t, { scopeCode: HA_TINH, roles: ['officer'] });
    expect(
      (await officer.post('/api/poverty/standards', { provinceCode: HA_TINH, definition: provincial(7, 2_300_000) }))
        .statusCode,
    ).toBe(403);
  });

  it('the database refuses to change a loaded standard', async () => {
    await expect(t.database.db.execute(sql`update poverty_standards set version = 99`)).rejects.toThrow();
    await expect(t.database.db.execute(sql`delete from poverty_standards`)).rejects.toThrow();
  });
});
