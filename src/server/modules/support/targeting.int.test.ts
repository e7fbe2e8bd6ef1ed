import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PRIORITY_RULE, rank, type PriorityFacts } from '../../../domain/support';
import { createTestApp, signIn, type TestApp } from '../../../../test/helpers/app';
import {
  buildHousehold,
  buildVillage,
  CAM_XUYEN,
  HA_TINH,
  member,
  systemAdmin,
  THACH_HA,
} from '../../../../test/helpers/factories';
import { assess } from '../../../../test/helpers/support';
import { readWorkbook } from '../../../../test/helpers/workbooks';
import { recordReviewDecision } from '../assessments/service';
import { memberLeaves } from '../households/service';

type Household = Awaited<ReturnType<typeof buildHousehold>>;

let t: TestApp;
let officer: Awaited<ReturnType<typeof signIn>>;
let province: Awaited<ReturnType<typeof signIn>>;
const h: Record<string, Household> = {};

/**
 * Thạch Hà: 4 households assessed for 2026 — A poor (housing and health insurance deprived, given
 * a Tết gift), B poor (housing deprived, a house approved; nothing received this year), C near-poor
 * (nothing received), D not poor (given 2,000,000). Cẩm Xuyên: 2 households, E poor and F poor, E
 * given a health insurance card.
 */
beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  officer = await signIn(t, { scopeCode: THACH_HA, roles: ['officer'] });
  province = await signIn(t, { scopeCode: HA_TINH, roles: ['officer'] });
  const thachHa = await buildVillage(db, { communeCode: THACH_HA });
  const camXuyen = await buildVillage(db, { communeCode: CAM_XUYEN });
  for (const code of ['A', 'B', 'C', 'D'])
    h[code] = await buildHousehold(db, { villageId: thachHa.id, code: `TG-${code}` });
  for (const code of ['E', 'F'])
    h[code] = await buildHousehold(db, { communeCode: CAM_XUYEN, villageId: camXuyen.id, code: `TG-${code}` });
  await assess(db, h.A!, {
    year: 2026,
    category: 'poor',
    deprivations: ['housing_quality', 'health_insurance', 'sanitation'],
    income: 900_000,
  });
  await assess(db, h.B!, {
    year: 2026,
    category: 'poor',
    deprivations: ['housing_quality', 'sanitation', 'telecom'],
    income: 1_400_000,
  });
  await assess(db, h.C!, { year: 2026, category: 'near_poor', deprivations: ['health_insurance'], income: 1_450_000 });
  await assess(db, h.D!, { year: 2026, category: 'not_poor', income: 4_000_000 });
  await assess(db, h.E!, {
    year: 2026,
    category: 'poor',
    deprivations: ['health_insurance', 'water_source', 'sanitation'],
    income: 700_000,
  });
  await assess(db, h.F!, {
    year: 2026,
    category: 'poor',
    deprivations: ['employment', 'sanitation', 'telecom'],
    income: 1_000_000,
  });
  const give = async (s: Awaited<ReturnType<typeof signIn>>, who: Household, body: Record<string, unknown>) => {
    const res = await s.post(`/api/households/${who.id}/supports`, {
      sourceCode: 'local_budget',
      date: '2026-02-01',
      ...body,
    });
    expect(res.statusCode, res.body).toBe(201);
  };
  await give(officer, h.A!, { kind: 'tet_gift', value: 500_000 });
  await give(officer, h.D!, { kind: 'production', value: 2_000_000 });
  await give(province, h.E!, { kind: 'health_insurance', value: 1_000_000, memberId: h.E!.members[0]!.id });
  const house = await officer.post(`/api/households/${h.B!.id}/houses`, {
    kind: 'repair',
    decisionNumber: '45/QĐ-UBND',
    approvedOn: '2026-03-02',
    plannedCompletion: '2026-08-31',
    funding: [{ sourceCode: 'ntp2026', amount: 30_000_000 }],
  });
  expect(house.statusCode, house.body).toBe(201);
});
afterAll(() => t.close());

const codes = (items: { code: string }[]) => items.map((i) => i.code);

describe('targeting and coverage', () => {
  it('finds the poor and near-poor households that received nothing this year, poor first, in the caller’s area only', async () => {
    const mine = (await officer.get('/api/targeting/left-behind?year=2026')).json();
    expect(codes(mine.items)).toEqual(['TG-B', 'TG-C']);
    expect(mine.total).toBe(2);
    const all = (await province.get('/api/targeting/left-behind?year=2026')).json();
    expect(codes(all.items)).toEqual(['TG-B', 'TG-F', 'TG-C']);
    expect((await province.get(`/api/targeting/left-behind?year=2026&commune=${CAM_XUYEN}`)).json().total).toBe(1);
    // Another year: no lists, nobody.
    expect((await officer.get('/api/targeting/left-behind?year=2025')).json().total).toBe(0);
  });

  it('lists deprivations no support answers: a planned house answers housing, a card answers health insurance', async () => {
    const res = (await province.get('/api/targeting/unaddressed?year=2026')).json();
    const pairs = res.items.map((i: { code: string; indicator: string }) => `${i.code}:${i.indicator}`).sort();
    expect(pairs).toEqual([
      'TG-A:health_insurance',
      'TG-A:housing_quality',
      'TG-C:health_insurance',
      'TG-F:employment',
    ]);
    const housing = (await officer.get('/api/targeting/unaddressed?year=2026&indicator=housing_quality')).json();
    expect(housing.items[0]).toMatchObject({ code: 'TG-A', kinds: ['house_build', 'house_repair'] });
  });

  it('ranks communes by poverty rate with their share of the year’s support, in value and households', async () => {
    const res = (await province.get('/api/targeting/coverage?year=2026')).json();
    expect(res.totalValue).toBe(3_500_000);
    expect(res.communes.map((c: { communeCode: string }) => c.communeCode)).toEqual([CAM_XUYEN, THACH_HA]);
    expect(res.communes[0]).toMatchObject({
      assessed: 2,
      poor: 2,
      povertyRate: 100,
      supportedHouseholds: 1,
      supportValue: 1_000_000,
      valueShare: 28.6,
      reached: 1,
      reachedShare: 50,
    });
    expect(res.communes[1]).toMatchObject({
      assessed: 4,
      poor: 2,
      nearPoor: 1,
      povertyRate: 50,
      supportValue: 2_500_000,
      reached: 1,
    });
    // A commune officer sees only their commune.
    expect((await officer.get('/api/targeting/coverage?year=2026')).json().communes).toHaveLength(1);
  });

  it('ranks by the editable rule, each score explained part by part, the same order as the pure rule', async () => {
    const res = await province.get('/api/targeting/priority?year=2026&budget=3000000&cost=1000000');
    expect(res.statusCode, res.body).toBe(200);
    const list = res.json();
    const total = (i: { parts: { points: number }[] }) => i.parts.reduce((s, p) => s + p.points, 0);
    for (const item of list.items) expect(total(item)).toBe(item.score);
    expect(list.coveredByBudget).toBe(3);
    expect(list.items.map((i: { withinBudget: boolean }) => i.withinBudget)).toEqual([true, true, true, false, false]);
    // E: poor 30 + 3 deprivations 30 + income gap 5 tenths 25 + 2 adults = 85 (supported this year: no bonus).
    const e = list.items.find((i: { code: string }) => i.code === 'TG-E');
    expect(e.score).toBe(85);
    expect(e.parts.map((p: { factor: string }) => p.factor)).toEqual(['poor', 'deprivation', 'incomeGapTenth']);
    const facts = (
      code: string,
      category: PriorityFacts['category'],
      deprivationCount: number,
      income: number,
      supported: boolean,
    ): PriorityFacts => ({
      householdId: code,
      code,
      category,
      deprivationCount,
      incomePerCapita: income,
      povertyLine: 1_500_000,
      children: 0,
      elderly: 0,
      disabled: 0,
      ethnicMinority: false,
      womanHeaded: false,
      supportedThisYear: supported,
    });
    const expected = rank(
      [
        facts('TG-A', 'poor', 3, 900_000, true),
        facts('TG-B', 'poor', 3, 1_400_000, false),
        facts('TG-C', 'near_poor', 1, 1_450_000, false),
        facts('TG-E', 'poor', 3, 700_000, true),
        facts('TG-F', 'poor', 3, 1_000_000, false),
      ],
      DEFAULT_PRIORITY_RULE,
    );
    expect(codes(list.items)).toEqual(codes(expected));
    expect(list.items.map((i: { score: number }) => i.score)).toEqual(expected.map((i) => i.score));

    // Weights edited in the page: only the income gap counts → the lowest incomes first.
    const zero =
      'poor=0&nearPoor=0&deprivation=0&child=0&elderly=0&disabled=0&ethnicMinority=0&womanHeaded=0&noSupportThisYear=0';
    const gap = (await province.get(`/api/targeting/priority?year=2026&${zero}&incomeGapTenth=10`)).json();
    expect(codes(gap.items).slice(0, 2)).toEqual(['TG-E', 'TG-A']);
    expect(gap.rule.incomeGapTenth).toBe(10);
    const bad = await province.get('/api/targeting/priority?year=2026&poor=500');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Điểm đến 100');
  });

  it('counts the vulnerable members as they were at 1 January of the list year, kept on the assessment', async () => {
    const g = await buildHousehold(t.database.db, {
      communeCode: CAM_XUYEN,
      code: 'TG-G',
      members: [
        member({ fullName: 'Lê Thị Gấm', relation: 'head', sex: 'female', dateOfBirth: '1960-08-01' }),
        member({ fullName: 'Lê Văn Giỏi', relation: 'child', dateOfBirth: '2014-02-03', disability: true }),
        // Turns 16 during 2027: a child on 1 January, counted as one.
        member({ fullName: 'Lê Thị Giang', relation: 'child', sex: 'female', dateOfBirth: '2011-06-30' }),
      ],
    });
    await assess(t.database.db, g, { year: 2027, category: 'poor' });
    const list = (await province.get('/api/targeting/priority?year=2027')).json();
    const parts = Object.fromEntries(
      list.items[0].parts.map((p: { factor: string; count: number }) => [p.factor, p.count]),
    );
    expect(parts).toMatchObject({ child: 2, elderly: 1, disabled: 1, womanHeaded: 1 });
    expect(list.items[0].parts.reduce((s: number, p: { points: number }) => s + p.points, 0)).toBe(list.items[0].score);
  });

  it('keeps those facts right when a decision writes many results in one statement, and when it writes them again', async () => {
    const db = t.database.db;
    const admin = await systemAdmin(db);
    const j = await buildHousehold(db, {
      communeCode: CAM_XUYEN,
      code: 'TG-J',
      members: [
        member({ fullName: 'Hồ Thị Hoa', relation: 'head', sex: 'female', dateOfBirth: '1955-01-20' }),
        member({ fullName: 'Hồ Văn Hải', relation: 'child', dateOfBirth: '2019-09-09', disability: true }),
      ],
    });
    const k = await buildHousehold(db, { communeCode: CAM_XUYEN, code: 'TG-K' });
    const result = (household: Household) => ({
      householdId: household.id,
      provinceCode: household.provinceCode,
      communeCode: household.communeCode,
      year: 2028,
      standardId: '2022-2025',
      standardVersion: 1,
      source: 'survey',
      surveyDate: '2027-10-15',
      area: 'rural',
      incomePerCapitaMonthly: 900_000,
      indicators: [],
      deprivations: [],
      deprivationCount: 0,
      category: 'poor',
      rule: 'income',
    });
    // The review's decision: every result of the commune in one statement (a page of 500).
    const decide = (number: string) =>
      db.transaction((tx) => recordReviewDecision(tx, admin, { number, date: '2027-12-10' }, [j, k].map(result)));
    const factsOf = async () => {
      const list = (await province.get('/api/targeting/priority?year=2028')).json();
      const counted = (code: string) =>
        Object.fromEntries(
          list.items
            .find((i: { code: string }) => i.code === code)
            .parts.filter((p: { factor: string }) => ['child', 'elderly', 'disabled', 'womanHeaded'].includes(p.factor))
            .map((p: { factor: string; count: number }) => [p.factor, p.count]),
        );
      return { j: counted('TG-J'), k: counted('TG-K') };
    };
    await decide('31/QĐ-UBND');
    expect(await factsOf()).toEqual({ j: { child: 1, elderly: 1, disabled: 1, womanHeaded: 1 }, k: {} });
    // The child leaves; the decision taken again (its results rewritten) counts the household as it is then.
    await memberLeaves(db, admin, j.id, j.members[1]!.id, {
      date: '2027-12-01',
      reason: 'Chuyển đi nơi khác',
      version: j.version,
    });
    await decide('32/QĐ-UBND');
    expect(await factsOf()).toEqual({ j: { elderly: 1, womanHeaded: 1 }, k: {} });
  });

  it('exports each view to Excel with Vietnamese headings, the whole list, communes by name', async () => {
    const sheetOf = async (view: string, query = 'year=2026') => {
      const res = await province.get(`/api/targeting/${view}/export?${query}`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      return Object.values(await readWorkbook(res.rawPayload))[0]!;
    };
    const left = await sheetOf('left-behind');
    expect(left[0]).toEqual(['Hộ nghèo, cận nghèo chưa được hỗ trợ năm 2026']);
    expect(left[1]).toEqual([
      'STT',
      'Mã hộ',
      'Chủ hộ',
      'Xã/phường',
      'Loại hộ',
      'Số chỉ số thiếu hụt',
      'Chỉ số thiếu hụt',
    ]);
    expect(left.slice(2).map((r) => [r[1], r[3], r[4]])).toEqual([
      ['TG-B', 'Xã Thạch Hà', 'Hộ nghèo'],
      ['TG-F', 'Xã Cẩm Xuyên', 'Hộ nghèo'],
      ['TG-C', 'Xã Thạch Hà', 'Hộ cận nghèo'],
    ]);
    const gaps = await sheetOf('unaddressed');
    expect(gaps[1]).toEqual(['STT', 'Mã hộ', 'Chủ hộ', 'Xã/phường', 'Loại hộ', 'Thiếu hụt', 'Loại hỗ trợ còn thiếu']);
    expect(gaps.slice(2).map((r) => r[1])).toContain('TG-A');
    const coverage = await sheetOf('coverage');
    expect(coverage[1]).toContain('Tỷ lệ nghèo (%)');
    expect(coverage.slice(2).map((r) => r[1])).toEqual(expect.arrayContaining(['Xã Thạch Hà', 'Xã Cẩm Xuyên']));
    // Priority: the rule in a line under the title, each factor's points in a column, the explanation last.
    const ranked = await sheetOf('priority', 'year=2026&poor=20');
    expect(ranked[1]![0]).toMatch(/^Quy tắc chấm điểm: hộ nghèo 20 điểm; /u);
    const header = ranked[2] as string[];
    expect(header.slice(0, 6)).toEqual(['Thứ hạng', 'Mã hộ', 'Chủ hộ', 'Xã/phường', 'Loại hộ', 'Điểm']);
    expect(header).toContain('Hộ nghèo (điểm)');
    expect(header.at(-1)).toBe('Cách tính điểm');
    for (const row of ranked.slice(3)) {
      const points = row.slice(6, -1) as number[];
      expect(
        points.reduce((a, b) => a + b, 0),
        String(row[1]),
      ).toBe(row[5]);
    }
    const poorColumn = header.indexOf('Hộ nghèo (điểm)');
    expect(ranked.slice(3).find((r) => r[1] === 'TG-E')![poorColumn]).toBe(20);
    const unknown = await province.get('/api/targeting/everyone/export?year=2026');
    expect(unknown.statusCode).toBe(400);
  });

  it('refuses a missing or impossible year with the field named', async () => {
    const res = await officer.get('/api/targeting/left-behind');
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toContain('year');
  });
});
