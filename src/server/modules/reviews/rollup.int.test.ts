import { and, eq, inArray } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  fixedMeasures,
  MOVEMENT_DECREASES,
  MOVEMENT_INCREASES,
  ROLLUP_LISTS,
  type Figures,
} from '../../../domain/review/rollup';
import { createTestApp, signIn, type TestApp } from '../../../../test/helpers/app';
import {
  buildHousehold,
  buildVillage,
  CAM_XUYEN,
  HA_TINH,
  systemAdmin,
  THACH_HA,
  VINH_LONG,
} from '../../../../test/helpers/factories';
import { buildRound } from '../../../../test/helpers/reviews';
import type { Worksheet } from 'exceljs';
import ExcelJS from '../registry-excel/exceljs';
import { householdAssessments } from '../assessments/tables';
import { householdMembers, households } from '../households/tables';
import { figuresByCommune } from './rollup-repo';
import { createRound, decideRound, reopenRound } from './service';
import { archiveHousehold, memberLeaves, updateHousehold } from '../households/service';
import { reviewLiveCounts, reviewRounds, reviewSummaries } from './tables';

/**
 * The province roll-up against hand-built lists: Thạch Hà's 2025 list (the opening) and 2026
 * list (the closing, decided by its 2025 periodic round), with one household of each movement;
 * Cẩm Xuyên with a 2026 list only (first year recorded) and a round still surveying.
 */

let t: TestApp;
type Client = Awaited<ReturnType<typeof signIn>>;
let province: Client;
let communeOfficer: Client;
let otherProvince: Client;
const HA_LINH = '18502';

type Cat = 'poor' | 'near_poor' | 'average' | 'not_poor';
const assess = (
  household: { id: string; communeCode: string },
  year: number,
  category: Cat,
  extra: Partial<typeof householdAssessments.$inferInsert> = {},
) =>
  t.database.db.insert(householdAssessments).values({
    householdId: household.id,
    provinceCode: HA_TINH,
    communeCode: household.communeCode,
    year,
    standardId: '2022-2025',
    standardVersion: 1,
    source: 'import',
    surveyDate: `${year - 1}-10-15`,
    area: 'rural',
    incomePerCapitaMonthly: 1_000_000,
    indicators: [],
    deprivationCount: extra.deprivations?.length ?? 0,
    category,
    rule: 'imported',
    ...extra,
  });

const h: Record<string, { id: string; communeCode: string; villageId: string; code: string }> = {};

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  province = await signIn(t, { scopeCode: HA_TINH, roles: ['officer'] });
  communeOfficer = await signIn(t, { scopeCode: THACH_HA, roles: ['officer'] });
  otherProvince = await signIn(t, { scopeCode: VINH_LONG, roles: ['officer'] });
  const village = await buildVillage(db, { name: 'Thôn Trung' });
  const names = [
    'stays',
    'toNear',
    'above',
    'gone',
    'fromNear',
    'fellBack',
    'newly',
    'escapedNear',
    'never',
    'nearBack',
  ];
  for (const [i, name] of names.entries())
    h[name] = await buildHousehold(db, {
      villageId: village.id,
      code: `TH-${String(i + 1).padStart(2, '0')}`,
      headName: `Chủ Hộ ${name}`,
    });
  for (const name of ['stays', 'toNear', 'above', 'gone']) await assess(h[name]!, 2025, 'poor');
  for (const name of ['fromNear', 'escapedNear']) await assess(h[name]!, 2025, 'near_poor');
  await assess(h.fellBack!, 2024, 'poor');
  await assess(h.nearBack!, 2024, 'near_poor');
  await assess(h.stays!, 2026, 'poor', { deprivations: ['water_source', 'sanitation'], causes: ['no_land'] });
  await assess(h.toNear!, 2026, 'near_poor', { deprivations: ['telecom'] });
  await assess(h.above!, 2026, 'not_poor');
  await assess(h.fromNear!, 2026, 'poor', { causes: ['illness_or_accident'] });
  await assess(h.fellBack!, 2026, 'poor');
  await assess(h.newly!, 2026, 'poor', { deprivations: ['water_source'], causes: ['no_land', 'no_capital'] });
  await assess(h.escapedNear!, 2026, 'average');
  await assess(h.nearBack!, 2026, 'near_poor');
  await db
    .update(households)
    .set({ archivedAt: new Date(), archiveReason: 'Chuyển đi' })
    .where(eq(households.id, h.gone!.id));
  await db
    .update(households)
    .set({ ethnicMinority: true, policyFlags: ['merit_family', 'woman_headed'] })
    .where(eq(households.id, h.newly!.id));
  await db
    .update(householdMembers)
    .set({ ethnicity: 'Tày' })
    .where(and(eq(householdMembers.householdId, h.newly!.id), eq(householdMembers.relation, 'head')));
  // Thạch Hà's 2025 periodic round decided its 2026 list; Cẩm Xuyên's is still surveying.
  const admin = await systemAdmin(db);
  const decided = await createRound(db, admin, { communeCode: THACH_HA, year: 2025, kind: 'periodic' });
  await db
    .update(reviewRounds)
    .set({ state: 'decided', decisionNumber: '45/QĐ-UBND', decisionDate: '2025-12-10' })
    .where(eq(reviewRounds.id, decided.id));
  const late = await createRound(db, admin, { communeCode: CAM_XUYEN, year: 2025, kind: 'periodic' });
  await db.update(reviewRounds).set({ state: 'surveying' }).where(eq(reviewRounds.id, late.id));
  h.camXuyen = await buildHousehold(db, { communeCode: CAM_XUYEN, code: 'CX-01' });
  await assess(h.camXuyen, 2026, 'poor');
  // A 2026 application received on 1 October and still open: past its 15 days.
  await buildRound(db, h.never!, 'listing');
}, 120_000);
afterAll(() => t.close());

type Rollup = {
  communes: {
    code: string;
    name: string;
    overdue: boolean;
    source: string;
    regularOverdue: number;
    round: { state: string; decisionNumber: string | null } | null;
    figures: Figures;
    deprivations: { poor: number };
  }[];
  total: { figures: Figures };
  ethnicities: string[];
};
const rollup = async (client: Client, query = 'year=2025') => {
  const res = await client.get(`/api/reviews/rollup?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Rollup;
};
const communeOf = (r: Rollup, code: string) => r.communes.find((c) => c.code === code)!;
const nh = (f: Figures, key: string) => f[key]?.[0] ?? 0;

describe('the province roll-up of the 2025 review (the 2026 lists)', () => {
  it('shows every commune of the province with its round, deadline and overdue flag', async () => {
    const r = await rollup(province);
    expect(r.communes.length).toBeGreaterThan(50);
    const thachHa = communeOf(r, THACH_HA);
    expect(thachHa).toMatchObject({
      source: 'decision',
      overdue: false,
      round: { state: 'decided', decisionNumber: '45/QĐ-UBND' },
    });
    expect(communeOf(r, CAM_XUYEN)).toMatchObject({
      source: 'assessments',
      overdue: true,
      round: { state: 'surveying' },
    });
    // A commune without any round is late once the window (14 December) has passed.
    expect(communeOf(r, HA_LINH)).toMatchObject({ round: null, overdue: true, windowEnd: '2025-12-14' });
    const current = await rollup(province, 'year=2026');
    expect(communeOf(current, THACH_HA).regularOverdue).toBe(1);
  });

  it('counts the official results by commune: households and persons, poor, near-poor, average', async () => {
    const f = communeOf(await rollup(province), THACH_HA).figures;
    // 10 households of two persons; the one that moved away is no longer counted.
    expect(f.households).toEqual([9, 18]);
    expect(f.poor).toEqual([4, 8]);
    expect(f.near_poor).toEqual([2, 4]);
    expect(f.average).toEqual([1, 2]);
  });

  it('counts each movement of the poor and near-poor lists where it happened', async () => {
    const f = communeOf(await rollup(province), THACH_HA).figures;
    const poor = Object.fromEntries(
      Object.entries(f)
        .filter(([k]) => k.startsWith('poor.') && !k.includes('.', 5))
        .map(([k, v]) => [k.slice(5), v[0]]),
    );
    expect(poor).toEqual({
      opening: 4,
      out_other_list: 1,
      out_above: 1,
      out_other: 1,
      in_other_list: 1,
      in_fell_back: 1,
      in_newly: 1,
      in_other: 0,
      closing: 4,
    });
    expect(nh(f, 'near_poor.opening')).toBe(2);
    expect(nh(f, 'near_poor.out_above')).toBe(1);
    expect(nh(f, 'near_poor.out_other_list')).toBe(1);
    expect(nh(f, 'near_poor.in_other_list')).toBe(1);
    expect(nh(f, 'near_poor.in_fell_back')).toBe(1);
    expect(nh(f, 'near_poor.closing')).toBe(2);
    // Cẩm Xuyên had no list in 2025: its poor household is "first year recorded", not newly poor.
    const cx = communeOf(await rollup(province), CAM_XUYEN).figures;
    expect([nh(cx, 'poor.in_other'), nh(cx, 'poor.in_newly'), nh(cx, 'poor.closing')]).toEqual([1, 0, 1]);
  });

  it('counts deprivations, groups, ethnicities and causes of the poor', async () => {
    const r = await rollup(province);
    const thachHa = communeOf(r, THACH_HA);
    const f = thachHa.figures;
    expect(nh(f, 'poor.deprived.water_source')).toBe(2);
    expect(nh(f, 'near_poor.deprived.telecom')).toBe(1);
    expect(thachHa.deprivations.poor).toBe(3);
    expect(nh(f, 'poor.group.merit_family')).toBe(1);
    expect(nh(f, 'poor.group.ethnic_minority')).toBe(1);
    expect(nh(f, 'poor.ethnicity.Tày')).toBe(1);
    expect(nh(f, 'poor.ethnicity.Kinh')).toBe(3);
    expect(nh(f, 'poor.cause.no_land')).toBe(2);
    expect(r.ethnicities).toEqual(['Kinh', 'Tày']);
    expect(nh(r.total.figures, 'poor')).toBe(5);
  });

  it('keeps closing = opening − decreases + increases for every commune, in households and persons', async () => {
    const r = await rollup(province);
    for (const c of [...r.communes.map((x) => x.figures), r.total.figures]) expectBalanced(c);
  });

  it('lists the households behind a cell, and their number is the cell’s', async () => {
    const res = await province.get(
      `/api/reviews/rollup/households?year=2025&commune=${THACH_HA}&measure=poor.out_other`,
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      total: 1,
      items: [
        {
          code: h.gone!.code,
          headName: 'Chủ Hộ gone',
          villageName: 'Thôn Trung',
          category: null,
          previousCategory: 'poor',
        },
      ],
    });
    const figures = communeOf(await rollup(province), THACH_HA).figures;
    for (const measure of [
      'poor',
      'poor.closing',
      'poor.deprived.water_source',
      'near_poor.in_fell_back',
      'poor.ethnicity.Kinh',
      'poor.ethnicity.Tày',
      'poor.group.merit_family',
      'poor.group.ethnic_minority',
      'poor.cause.no_land',
      'households',
    ]) {
      const list = (
        await province.get(
          `/api/reviews/rollup/households?year=2025&commune=${THACH_HA}&measure=${encodeURIComponent(measure)}&limit=500`,
        )
      ).json();
      expect(list.total, measure).toBe(nh(figures, measure));
      expect(list.items.length, measure).toBe(list.total);
    }
  });
});

describe('who sees what', () => {
  it('a commune officer sees only their own commune', async () => {
    const r = await rollup(communeOfficer);
    expect(r.communes.map((c) => c.code)).toEqual([THACH_HA]);
    expect(nh(r.total.figures, 'poor')).toBe(4);
    const other = await communeOfficer.get(
      `/api/reviews/rollup/households?year=2025&commune=${CAM_XUYEN}&measure=poor`,
    );
    expect(other.statusCode).toBe(403);
    expect(other.json().code).toBe('out_of_scope');
  });

  it('another province gets nothing of Hà Tĩnh', async () => {
    const own = await rollup(otherProvince);
    expect(own.communes.every((c) => nh(c.figures, 'households') === 0)).toBe(true);
    for (const url of [
      `/api/reviews/rollup?year=2025&province=${HA_TINH}`,
      `/api/reviews/rollup.xlsx?year=2025&province=${HA_TINH}`,
      `/api/reviews/rollup/households?year=2025&commune=${THACH_HA}&measure=poor`,
    ]) {
      const res = await otherProvince.get(url);
      expect(res.statusCode, url).toBe(403);
      expect(res.json().code).toBe('out_of_scope');
    }
  });
});

describe('bad input', () => {
  it.each([
    ['year=20x5', 'querystring.year', 'Năm'],
    ['year=2019', 'querystring.year', 'Năm từ 2021'],
    ['year=2025&province=4', 'querystring.province', 'Mã tỉnh'],
    ['year=2025&province=99', 'province', 'không phải tỉnh/thành phố'],
  ])('the roll-up refuses %s naming the field in Vietnamese', async (query, field, text) => {
    const res = await province.get(`/api/reviews/rollup?${query}`);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'validation_failed', field });
    expect(res.json().detail).toContain(text);
  });

  it.each([
    [`commune=${THACH_HA}&measure=poor.nothing`, 'querystring.measure', 'Chỉ tiêu không hợp lệ'],
    ['measure=poor', 'querystring.commune', 'Mã xã'],
    [`commune=${THACH_HA}&measure=poor&limit=0`, 'querystring.limit', 'Ít nhất 1 dòng'],
    [`commune=${HA_TINH}000&measure=poor`, 'commune', 'không phải xã/phường'],
  ])('the cell list refuses %s', async (query, field, text) => {
    const res = await province.get(`/api/reviews/rollup/households?year=2025&${query}`);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'validation_failed', field });
    expect(res.json().detail).toContain(text);
  });

  it('a national user must choose the province', async () => {
    const national = await signIn(t, { scopeCode: null, roles: ['officer'] });
    const res = await national.get('/api/reviews/rollup?year=2025');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ field: 'province', detail: 'Chọn tỉnh cần tổng hợp.' });
  });
});

describe('the Excel tables', () => {
  it('holds the report forms’ sheets with Vietnamese headings and the same figures', async () => {
    const res = await province.get('/api/reviews/rollup.xlsx?year=2025');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('tong-hop-ra-soat-42-2025.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as never);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Kết quả chính thức',
      'Biến động hộ nghèo',
      'Biến động hộ cận nghèo',
      'Thiếu hụt hộ nghèo',
      'Thiếu hụt hộ cận nghèo',
      'Nhóm đối tượng',
      'Dân tộc',
      'Nguyên nhân nghèo',
    ]);
    const results = workbook.getWorksheet('Kết quả chính thức')!;
    expect(results.getCell('A1').value).toBe('KẾT QUẢ RÀ SOÁT HỘ NGHÈO, HỘ CẬN NGHÈO THEO XÃ NĂM 2025');
    const texts = (sheet: Worksheet, row: number) => (sheet.getRow(row).values as unknown[]).filter(Boolean);
    expect(texts(results, 4)).toEqual(
      expect.arrayContaining(['STT', 'Đơn vị', 'Tổng số hộ', 'Tổng số khẩu', 'Hộ nghèo', 'Hộ cận nghèo']),
    );
    const row = rowOf(results, 'Thạch Hà');
    // households, persons, poor, rate, near-poor, rate, average, rate
    expect(row.slice(3, 11)).toEqual(['Quyết định 45/QĐ-UBND', 9, 18, 4, 44.4, 2, 22.2, 1]);
    const movement = workbook.getWorksheet('Biến động hộ nghèo')!;
    expect(texts(movement, 5)).toEqual(
      expect.arrayContaining(['Thoát nghèo thành hộ cận nghèo', 'Tái nghèo', 'Nghèo phát sinh']),
    );
    expect(rowOf(movement, 'Thạch Hà').slice(4, 14)).toEqual(['Hộ', 4, 1, 1, 1, 1, 1, 1, 0, 4]);
    const deprivations = workbook.getWorksheet('Thiếu hụt hộ nghèo')!;
    expect(texts(deprivations, 4)).toEqual(expect.arrayContaining(['Tổng số thiếu hụt', 'Nguồn nước sinh hoạt']));
    expect(texts(workbook.getWorksheet('Dân tộc')!, 5)).toEqual(expect.arrayContaining(['Kinh', 'Tày']));
  });
});

describe('the movement identity, for any history of the lists (property)', () => {
  it('closing = opening − decreases + increases, opening and closing as the lists say', async () => {
    const db = t.database.db;
    const village = await buildVillage(db, { communeCode: HA_LINH });
    const pool: { id: string; communeCode: string }[] = [];
    for (let i = 0; i < 6; i++)
      pool.push(await buildHousehold(db, { communeCode: HA_LINH, villageId: village.id, code: `HL-${i}` }));
    const category = fc.constantFrom<Cat | null>(null, 'poor', 'near_poor', 'average', 'not_poor');
    const history = fc.tuple(category, category, category, fc.boolean());
    await fc.assert(
      fc.asyncProperty(fc.array(history, { minLength: pool.length, maxLength: pool.length }), async (histories) => {
        const ids = pool.map((p) => p.id);
        await db.delete(householdAssessments).where(inArray(householdAssessments.householdId, ids));
        for (const [i, [y2024, y2025, y2026, archived]] of histories.entries()) {
          const household = pool[i]!;
          for (const [year, cat] of [
            [2024, y2024],
            [2025, y2025],
            [2026, y2026],
          ] as const)
            if (cat) await assess(household, year, cat);
          await db
            .update(households)
            .set({ archivedAt: archived ? new Date() : null })
            .where(eq(households.id, household.id));
        }
        const f = communeOf(await rollup(province), HA_LINH).figures;
        expectBalanced(f);
        for (const list of ROLLUP_LISTS) {
          expect(nh(f, `${list}.opening`)).toBe(histories.filter((x) => x[1] === list).length);
          expect(nh(f, `${list}.closing`)).toBe(histories.filter((x) => x[2] === list).length);
        }
      }),
      { numRuns: 20 },
    );
  });
});

/** Every commune's figures in the roll-up equal a live count over the registry and the lists. */
async function expectSameAsLive(after = '') {
  const view = (await rollup(province)) as Rollup & { indicators: { key: string }[] };
  const live = await figuresByCommune(
    t.database.db,
    { scope: { level: 'national' }, provinceCode: HA_TINH, listYear: 2026 },
    fixedMeasures(view.indicators.map((i) => i.key)),
  );
  for (const commune of view.communes) {
    const counted = live.find((l) => l.communeCode === commune.code);
    expect(commune.figures, `${commune.name} ${after}`).toEqual(counted?.figures ?? {});
    expect(commune.deprivations, `${commune.name} ${after}`).toEqual(
      counted?.deprivations ?? { poor: 0, near_poor: 0 },
    );
  }
  return view;
}

describe('the decisions’ summaries, read for decided communes instead of recounting them', () => {
  const summaryOf = (communeCode: string) =>
    t.database.db
      .select()
      .from(reviewSummaries)
      .where(and(eq(reviewSummaries.communeCode, communeCode), eq(reviewSummaries.listYear, 2026)));

  it('a decision writes its commune’s figures; a reopening drops them; a new decision writes them again', async () => {
    const db = t.database.db;
    const admin = await systemAdmin(db);
    const applicant = await buildHousehold(db, { villageId: h.stays!.villageId, code: 'TH-SUM' });
    const round = await buildRound(db, applicant, 'decided');
    const [written] = await summaryOf(THACH_HA);
    expect(written?.roundId).toBe(round.roundId);
    const decided = await expectSameAsLive();
    expect(communeOf(decided, THACH_HA).source).toBe('decision');
    // The applicant (1,300,000 đ a month) joined the four poor and two near-poor households.
    const closing = (f: Figures) => nh(f, 'poor.closing') + nh(f, 'near_poor.closing');
    expect(closing(communeOf(decided, THACH_HA).figures)).toBe(7);

    const reopened = await reopenRound(db, admin, round.roundId, {
      version: round.version,
      reason: 'Phúc tra lại thu nhập của hộ',
    });
    expect(await summaryOf(THACH_HA)).toEqual([]);
    await expectSameAsLive();

    await decideRound(db, admin, round.roundId, {
      version: reopened.version,
      decisionNumber: '13/QĐ-UBND',
      decisionDate: '2026-11-20',
      signerName: 'Chủ Tịch Xã',
    });
    expect(await summaryOf(THACH_HA)).toHaveLength(1);
    expectBalanced(communeOf(await expectSameAsLive(), THACH_HA).figures);
  });
});

describe('communes still reviewing: counted once, kept until their registry or lists change', () => {
  const kept = (communeCode: string) =>
    t.database.db
      .select()
      .from(reviewLiveCounts)
      .where(and(eq(reviewLiveCounts.communeCode, communeCode), eq(reviewLiveCounts.listYear, 2026)));
  const camXuyen = async (after: string) => communeOf(await expectSameAsLive(after), CAM_XUYEN).figures;

  it('counts Cẩm Xuyên (still surveying) once, then reads its count back while nothing of it changes', async () => {
    await expectSameAsLive();
    const [first] = await kept(CAM_XUYEN);
    expect(first?.figures).toEqual(communeOf(await rollup(province), CAM_XUYEN).figures);
    await expectSameAsLive();
    const [again] = await kept(CAM_XUYEN);
    expect(again!.countedAt).toEqual(first!.countedAt);
  });

  it('after each kind of write to households, members and assessments the roll-up equals a live count', async () => {
    const db = t.database.db;
    const admin = await systemAdmin(db);
    const before = await camXuyen('at first');

    let household = await buildHousehold(db, { communeCode: CAM_XUYEN, code: 'CX-02' });
    let f = await camXuyen('after a household is registered');
    expect(nh(f, 'households')).toBe(nh(before, 'households') + 1);

    await assess(household, 2026, 'poor', { deprivations: ['telecom'] });
    f = await camXuyen('after its 2026 result is recorded');
    expect(nh(f, 'poor.closing')).toBe(nh(before, 'poor.closing') + 1);

    household = await updateHousehold(db, admin, household.id, {
      policyFlags: ['merit_family'],
      version: household.version,
    });
    f = await camXuyen('after its groups are edited');
    expect(nh(f, 'poor.group.merit_family')).toBe(nh(before, 'poor.group.merit_family') + 1);

    const persons = f['poor.closing']![1];
    household = await memberLeaves(db, admin, household.id, household.members.at(-1)!.id, {
      date: '2026-11-01',
      reason: 'Chuyển đi nơi khác',
      version: household.version,
    });
    expect((await camXuyen('after a member leaves'))['poor.closing']![1]).toBe(persons - 1);

    await db
      .update(householdAssessments)
      .set({ category: 'near_poor' })
      .where(and(eq(householdAssessments.householdId, household.id), eq(householdAssessments.year, 2026)));
    f = await camXuyen('after its result is changed');
    expect(nh(f, 'near_poor.closing')).toBe(nh(before, 'near_poor.closing') + 1);

    await assess(household, 2025, 'poor');
    f = await camXuyen('after its 2025 result (the opening) is recorded');
    expect(nh(f, 'poor.out_other_list')).toBe(nh(before, 'poor.out_other_list') + 1);
    await db
      .delete(householdAssessments)
      .where(and(eq(householdAssessments.householdId, household.id), eq(householdAssessments.year, 2025)));
    expect(nh(await camXuyen('after the 2025 result is removed'), 'poor.opening')).toBe(nh(before, 'poor.opening'));

    await archiveHousehold(db, admin, household.id, { reason: 'Hộ chuyển đi', version: household.version });
    expect(nh(await camXuyen('after the household is archived'), 'households')).toBe(nh(before, 'households'));
  });

  it('tells its progress commune by commune when asked, counting only the communes that changed', async () => {
    await expectSameAsLive();
    await assess(h.camXuyen!, 2025, 'near_poor');
    const res = await province.request({
      method: 'GET',
      url: '/api/reviews/rollup?year=2025',
      headers: { accept: 'application/x-ndjson' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('application/x-ndjson');
    const lines = res.body
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { progress?: unknown; result?: Rollup });
    expect(lines.slice(0, -1)).toEqual([{ progress: { done: 0, total: 1 } }, { progress: { done: 1, total: 1 } }]);
    expect(nh(communeOf(lines.at(-1)!.result!, CAM_XUYEN).figures, 'near_poor.out_other_list')).toBe(1);
    // Nothing changed since: the plain answer, no progress.
    const plain = await province.request({
      method: 'GET',
      url: '/api/reviews/rollup?year=2025',
      headers: { accept: 'application/x-ndjson' },
    });
    expect(plain.headers['content-type']).toContain('application/json');
  });
});

function expectBalanced(f: Figures) {
  for (const list of ROLLUP_LISTS)
    for (const w of [0, 1] as const) {
      const v = (column: string) => f[`${list}.${column}`]?.[w] ?? 0;
      const moved = MOVEMENT_INCREASES.reduce((n, c) => n + v(c), 0) - MOVEMENT_DECREASES.reduce((n, c) => n + v(c), 0);
      expect(v('closing'), `${list} ${w ? 'persons' : 'households'}`).toBe(v('opening') + moved);
    }
}

/** The row of a commune in a sheet, as its cell values (1-based, as ExcelJS gives them). */
function rowOf(sheet: Worksheet, commune: string): unknown[] {
  let found: unknown[] = [];
  sheet.eachRow((row) => {
    if (row.getCell(2).value === commune) found = row.values as unknown[];
  });
  return found;
}
