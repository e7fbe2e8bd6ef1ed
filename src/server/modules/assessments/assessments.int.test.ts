import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../../../../test/helpers/app';
import { buildHousehold, buildVillage, CAM_XUYEN, member, THACH_HA } from '../../../../test/helpers/factories';
import { auditTrail } from '../../../../test/helpers/trace';
import { importListedResult, standardsForImport, type ListedResult } from './service';

let t: TestApp;
let officer: Awaited<ReturnType<typeof signIn>>;
let viewer: Awaited<ReturnType<typeof signIn>>;
let outsider: Awaited<ReturnType<typeof signIn>>;

// buildHousehold: two adults with health insurance and work; no hygienic latrine (1 deprivation).
const survey = (overrides: Record<string, unknown> = {}) => ({
  year: 2026,
  surveyDate: '2025-10-15',
  incomePerCapitaMonthly: 1_400_000,
  ...overrides,
});

beforeAll(async () => {
  t = await createTestApp();
  officer = await signIn(t, { scopeCode: THACH_HA, roles: ['officer'] });
  viewer = await signIn(t, { scopeCode: THACH_HA, roles: ['viewer'] });
  outsider = await signIn(t, { scopeCode: CAM_XUYEN, roles: ['officer'] });
});
afterAll(() => t.close());

describe('assessing a household', () => {
  it('derives the indicators from the registry, classifies and explains (near-poor: income under the line, 1 deprivation)', async () => {
    const household = await buildHousehold(t.database.db);
    const res = await officer.post(`/api/households/${household.id}/assessments`, survey());
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({
      year: 2026,
      standard: { id: '2022-2025', version: 1 },
      category: 'near_poor',
      deprivations: ['sanitation'],
      deprivationCount: 1,
      movement: 'baseline',
      source: 'survey',
      scores: { deprivationScore: 10 },
    });
    expect(body.explanation.vi).toMatch(/1\.400\.000/u);
    const latrine = body.indicators.find((i: { indicator: string }) => i.indicator === 'sanitation');
    expect(latrine.derived.reasons.length).toBeGreaterThan(0);
    const trail = await auditFor(household.id);
    expect(trail.at(-1)).toMatchObject({ action: 'household.assess' });
  });

  it('an override needs a written reason, is kept beside what was derived, and can decide the category', async () => {
    const household = await buildHousehold(t.database.db);
    const missing = await officer.post(
      `/api/households/${household.id}/assessments`,
      survey({ overrides: [{ indicator: 'health_insurance', deprived: true, reason: '  ' }] }),
    );
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors[0].field).toBe('overrides[0].reason');

    const overrides = [
      { indicator: 'health_insurance', deprived: true, reason: 'Thẻ BHYT của chủ hộ hết hạn 9/2025' },
      { indicator: 'nutrition', deprived: true, reason: 'Chủ hộ ăn không đủ bữa' },
    ];
    const res = await officer.post(`/api/households/${household.id}/assessments`, survey({ overrides }));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ category: 'poor', deprivationCount: 3 });
    const insurance = res.json().indicators.find((i: { indicator: string }) => i.indicator === 'health_insurance');
    expect(insurance).toMatchObject({
      deprived: true,
      derived: { deprived: false },
      override: { deprived: true, reason: 'Thẻ BHYT của chủ hộ hết hạn 9/2025' },
    });
  });

  it('the preview changes nothing', async () => {
    const household = await buildHousehold(t.database.db);
    const res = await officer.post(`/api/households/${household.id}/assessments/preview`, survey());
    expect(res.statusCode).toBe(200);
    expect(res.json().category).toBe('near_poor');
    expect((await officer.get(`/api/households/${household.id}/assessments`)).json().items).toEqual([]);
  });

  it('one result per household and year (409), and re-assessing keeps the history', async () => {
    const household = await buildHousehold(t.database.db);
    const first = (await officer.post(`/api/households/${household.id}/assessments`, survey())).json();
    const again = await officer.post(`/api/households/${household.id}/assessments`, survey());
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('assessment_exists');

    const stale = await officer.put(`/api/assessments/${first.id}`, { ...survey(), version: 99 });
    expect(stale.statusCode).toBe(409);
    const redone = await officer.put(`/api/assessments/${first.id}`, {
      ...survey({ incomePerCapitaMonthly: 2_500_000 }),
      version: first.version,
    });
    expect(redone.statusCode).toBe(200);
    expect(redone.json()).toMatchObject({ category: 'not_poor', version: 2 });
    const trail = await auditFor(household.id);
    expect(trail.at(-1)).toMatchObject({ action: 'household.reassess' });
  });

  it('names the movement of each year against the year before', async () => {
    const household = await buildHousehold(t.database.db);
    const poor = [
      { indicator: 'health_insurance', deprived: true, reason: 'Không có thẻ' },
      { indicator: 'nutrition', deprived: true, reason: 'Thiếu ăn' },
    ];
    for (const [year, income, overrides] of [
      [2023, 1_000_000, poor],
      [2024, 1_000_000, poor],
      [2025, 1_400_000, []],
      [2026, 3_000_000, []],
    ] as const) {
      const res = await officer.post(
        `/api/households/${household.id}/assessments`,
        survey({ year, surveyDate: `${year - 1}-10-01`, incomePerCapitaMonthly: income, overrides }),
      );
      expect(res.statusCode).toBe(201);
    }
    const items = (await officer.get(`/api/households/${household.id}/assessments`)).json().items;
    expect(items.map((i: { year: number; movement: string }) => [i.year, i.movement])).toEqual([
      [2026, 'escaped_near_poor'],
      [2025, 'escaped_to_near_poor'],
      [2024, 'remained_poor'],
      [2023, 'baseline'],
    ]);
  });

  it.each([
    ['year', { year: 2015 }],
    ['surveyDate', { surveyDate: '2020-01-01' }],
    ['surveyDate', { surveyDate: '2025-02-30' }],
    ['incomePerCapitaMonthly', { incomePerCapitaMonthly: -1 }],
    ['incomePerCapitaMonthly', { incomePerCapitaMonthly: 1.5 }],
    ['standard', { standard: '2099' }],
    ['standard', { standard: '2016-2020' }],
    ['overrides[0].indicator', { overrides: [{ indicator: 'flying', deprived: true, reason: 'x' }] }],
    ['causes.0', { causes: ['laziness'] }],
  ])('400 naming %s', async (field, overrides) => {
    const household = await buildHousehold(t.database.db);
    const res = await officer.post(`/api/households/${household.id}/assessments`, survey(overrides));
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('refuses a household whose dwelling is not recorded, naming what is missing', async () => {
    const village = await buildVillage(t.database.db, { communeCode: THACH_HA });
    const created = await officer.post('/api/households', {
      communeCode: THACH_HA,
      villageId: village.id,
      code: 'CHUA-KHAO-SAT',
      address: 'Thôn 2',
      area: 'rural',
      members: [member({ relation: 'head', fullName: 'Phan Văn Tư' })],
    });
    const res = await officer.post(`/api/households/${created.json().id}/assessments`, survey());
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('dwelling_incomplete');
    expect(res.json().errors.map((e: { field: string }) => e.field)).toContain('dwelling.walls');
  });

  it('another commune cannot read or assess; a viewer reads without income or reasons and cannot assess', async () => {
    const household = await buildHousehold(t.database.db);
    await officer.post(`/api/households/${household.id}/assessments`, survey());
    expect((await outsider.get(`/api/households/${household.id}/assessments`)).statusCode).toBe(404);
    expect((await outsider.post(`/api/households/${household.id}/assessments`, survey())).statusCode).toBe(404);
    expect((await viewer.post(`/api/households/${household.id}/assessments`, survey({ year: 2025 }))).statusCode).toBe(
      403,
    );
    const [seen] = (await viewer.get(`/api/households/${household.id}/assessments`)).json().items;
    expect(seen.category).toBe('near_poor');
    expect(seen.incomePerCapitaMonthly).toBeNull();
    expect(seen.indicators.every((i: { derived: { reasons: unknown[] } }) => i.derived.reasons.length === 0)).toBe(
      true,
    );
    expect(JSON.stringify(seen)).not.toMatch(/1\.?400\.?000/u);
  });
});

describe('results imported from a list', () => {
  it('the same decision re-imported replaces itself; another list cannot overwrite a decided result', async () => {
    const household = await buildHousehold(t.database.db);
    const db = t.database.db;
    const listed: ListedResult = {
      year: 2025,
      category: 'poor',
      decisionNumber: '88/QĐ-UBND',
      decisionDate: '2024-12-28',
    };
    const put = (result: ListedResult) =>
      db.transaction(async (tx) =>
        importListedResult(tx, officer.actor, await standardsForImport(tx, '42'), household.id, result),
      );
    expect(await put(listed)).toBe('created');
    expect(await put(listed)).toBe('updated');
    await expect(put({ ...listed, category: 'near_poor', decisionNumber: '99/QĐ-UBND' })).rejects.toMatchObject({
      code: 'assessment_decided',
    });
    const [kept] = (await officer.get(`/api/households/${household.id}/assessments`)).json().items;
    expect(kept).toMatchObject({ source: 'import', category: 'poor', decisionNumber: '88/QĐ-UBND' });
  });
});

describe('what a viewer may see', () => {
  it('the history shows no income, override reason or health fact to a viewer, but all to an officer', async () => {
    const village = await buildVillage(t.database.db, { communeCode: THACH_HA });
    const created = await officer.post('/api/households', {
      communeCode: THACH_HA,
      villageId: village.id,
      code: `KT-${Date.now()}`,
      address: 'Thôn 4',
      area: 'rural',
      members: [member({ relation: 'head', fullName: 'Hồ Văn Khuyết', disability: true })],
      dwelling: (await buildHousehold(t.database.db)).dwelling,
    });
    const id = created.json().id;
    const reason = 'Chủ hộ điều trị bệnh phổi dài ngày';
    await officer.post(
      `/api/households/${id}/assessments`,
      survey({ overrides: [{ indicator: 'health_insurance', deprived: true, reason }] }),
    );
    const seenBy = async (who: typeof officer) =>
      JSON.stringify((await who.get(`/api/households/${id}/history`)).json());
    const officers = await seenBy(officer);
    expect(officers).toContain(reason);
    expect(officers).toMatch(/"disability":true/u);
    const viewers = await seenBy(viewer);
    expect(viewers).not.toContain(reason);
    expect(viewers).not.toMatch(/1400000|"disability":true/u);
    expect((await viewer.get(`/api/households/${id}`)).json().members[0].disability).toBeNull();
  });
});

describe('the household list by result', () => {
  it('filters by category, year and deprived indicator and shows the current status', async () => {
    const village = await buildVillage(t.database.db, { communeCode: THACH_HA });
    const household = await buildHousehold(t.database.db, { villageId: village.id });
    const other = await buildHousehold(t.database.db, { villageId: village.id });
    await officer.post(`/api/households/${household.id}/assessments`, survey());
    await officer.post(`/api/households/${other.id}/assessments`, survey({ incomePerCapitaMonthly: 5_000_000 }));
    const ids = async (query: string) =>
      (await officer.get(`/api/households?village=${village.id}&${query}`))
        .json()
        .items.map((i: { id: string }) => i.id);
    expect(await ids('year=2026&category=near_poor')).toEqual([household.id]);
    expect(await ids('year=2026&indicator=sanitation')).toHaveLength(2);
    expect(await ids('year=2025&category=near_poor')).toEqual([]);
    const list = (await officer.get(`/api/households?village=${village.id}&year=2026&category=near_poor`)).json();
    expect(list.items[0].status).toEqual({ year: 2026, category: 'near_poor', deprivationCount: 1 });
    expect((await officer.get('/api/households?category=rich')).statusCode).toBe(400);
    expect((await officer.get('/api/households?indicator=flying')).statusCode).toBe(400);
  });
});

describe('comparison under another standard', () => {
  it('counts and names the households that change category, and changes nothing official', async () => {
    const village = await buildVillage(t.database.db, { communeCode: THACH_HA });
    const stays = await buildHousehold(t.database.db, { villageId: village.id });
    const moves = await buildHousehold(t.database.db, { villageId: village.id });
    await officer.post(`/api/households/${stays.id}/assessments`, survey({ incomePerCapitaMonthly: 1_000_000 }));
    // Above the 2022–2025 rural line (1.5 M) but under the 2027–2030 one (2.2 M).
    await officer.post(`/api/households/${moves.id}/assessments`, survey({ incomePerCapitaMonthly: 1_800_000 }));
    const res = await officer.get(`/api/assessments/comparison?village=${village.id}&year=2026&to=2027-2030`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ total: 2, compared: 2, notComparable: 0, to: { standard: '2027-2030' } });
    expect(body.matrix.average.near_poor + body.matrix.average.poor).toBe(1);
    expect(body.changes.map((c: { householdId: string }) => c.householdId)).toEqual([moves.id]);
    const official = (await officer.get(`/api/households/${moves.id}/assessments`)).json().items[0];
    expect(official).toMatchObject({ category: 'average', standard: { id: '2022-2025' } });
  });

  it('another commune’s selection is refused', async () => {
    expect(
      (await outsider.get(`/api/assessments/comparison?commune=${THACH_HA}&year=2026&to=2027-2030`)).statusCode,
    ).toBe(403);
    expect((await officer.get(`/api/assessments/comparison?year=2026&to=2099`)).statusCode).toBe(400);
  });
});

const auditFor = (id: string) => auditTrail(t.database.db, 'household', id);
