import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../../../../test/helpers/app';
import { buildHousehold, buildVillage, member, THACH_HA } from '../../../../test/helpers/factories';
import { classificationFinished } from './classification';
import { reviewCases } from './tables';

/**
 * A reviewer (điều tra viên) may not see members' health records, yet the survey sheet's result
 * rests on them (a malnourished child makes the household deprived in nutrition): the server
 * derives from the whole record — one sheet at a time and in bulk alike — and tells the reviewer
 * that a health record counts, never which member or what diagnosis.
 */
let t: TestApp;
type Client = Awaited<ReturnType<typeof signIn>>;
let officer: Client;
let reviewer: Client;
let round: { id: string; version: number };
const CHILD = 'Lê Thị Bé';
const HEALTH_DETAIL = /thấp còi|nhẹ cân|suy dinh dưỡng thể|stunted|underweight|Lê Thị Bé/u;

/** Head, spouse and a three-year-old at preschool whose health record says stunted. */
async function householdWithStuntedChild(villageId: string, headName: string) {
  const h = await buildHousehold(t.database.db, {
    villageId,
    headName,
    members: [
      member({ fullName: headName, relation: 'head' }),
      member({ fullName: 'Trần Thị Mẹ', relation: 'spouse', sex: 'female', dateOfBirth: '1990-04-01' }),
      member({
        fullName: CHILD,
        sex: 'female',
        dateOfBirth: '2023-03-01',
        education: null,
        work: null,
        attending: 'preschool',
        stunted: true,
        underweight: false,
      }),
    ],
  });
  // On the 2026 near-poor list, so the periodic round lists it.
  const listed = { year: 2026, surveyDate: '2025-10-15', incomePerCapitaMonthly: 1_400_000, causes: ['no_capital'] };
  const res = await officer.post(`/api/households/${h.id}/assessments`, listed);
  expect(res.statusCode, res.body).toBe(201);
  return h;
}

const caseOf = async (householdId: string) => {
  const items = (await officer.get(`/api/reviews/${round.id}/cases?limit=100`)).json().items as {
    id: string;
    householdId: string;
    version: number;
    survey: Record<string, unknown> | null;
    proposedCategory: string | null;
    deprivations: string[];
    explanation: unknown;
  }[];
  return items.find((c) => c.householdId === householdId)!;
};

const sheet = (version: number) => ({
  version,
  draft: false,
  surveyDate: '2026-10-20',
  incomePerCapitaMonthly: 1_900_000,
  causes: ['no_capital'],
});

let byHand: { id: string };
let inBulk: { id: string };
let village: { id: string };

beforeAll(async () => {
  t = await createTestApp();
  officer = await signIn(t, { scopeCode: THACH_HA, roles: ['officer'] });
  reviewer = await signIn(t, { scopeCode: THACH_HA, roles: ['reviewer'] });
  village = await buildVillage(t.database.db, { name: 'Thôn Trung' });
  byHand = await householdWithStuntedChild(village.id, 'Lê Văn Tay');
  inBulk = await householdWithStuntedChild(village.id, 'Lê Văn Loạt');
  round = (await officer.post('/api/reviews', { communeCode: THACH_HA, year: 2026, kind: 'periodic' })).json();
  round = (await officer.post(`/api/reviews/${round.id}/listing`, { version: round.version })).json();
  round = (await officer.post(`/api/reviews/${round.id}/survey`, { version: round.version })).json();
  const assigned = await officer.post(`/api/reviews/${round.id}/reviewers`, {
    userId: reviewer.user.id,
    villageId: village.id,
  });
  expect(assigned.statusCode, assigned.body).toBe(200);
});
afterAll(() => t.close());

describe('the survey sheet of a reviewer who may not see health data', () => {
  it('derives the nutrition deprivation from the health record, and says so without the detail', async () => {
    // The reviewer's own view of the household hides the record.
    const seen = (await reviewer.get(`/api/households/${byHand.id}`)).json();
    expect(seen.members.find((m: { fullName: string }) => m.fullName === CHILD)).toMatchObject({ stunted: null });

    const c = await caseOf(byHand.id);
    const preview = await reviewer.post(`/api/reviews/${round.id}/cases/${c.id}/survey/preview`, sheet(c.version));
    expect(preview.statusCode, preview.body).toBe(200);
    const nutrition = preview
      .json()
      .indicators.find((i: { indicator: string }) => i.indicator === 'nutrition') as Record<string, unknown>;
    expect(nutrition).toMatchObject({
      deprived: true,
      derived: { deprived: true, reasons: [{ vi: 'Có thành viên thiếu dinh dưỡng theo hồ sơ y tế' }] },
    });
    expect(preview.body).not.toMatch(HEALTH_DETAIL);

    const saved = await reviewer.put(`/api/reviews/${round.id}/cases/${c.id}/survey`, sheet(c.version));
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().case.deprivations).toContain('nutrition');
    expect(saved.body).not.toMatch(HEALTH_DETAIL);
    const listed = await reviewer.get(`/api/reviews/${round.id}/cases/${c.id}`);
    expect(listed.json().deprivations).toContain('nutrition');
    expect(listed.body).not.toMatch(HEALTH_DETAIL);

    // The result the decision will record keeps the facts it was derived from.
    const [stored] = await t.database.db
      .select({ result: reviewCases.result })
      .from(reviewCases)
      .where(eq(reviewCases.id, c.id));
    expect(JSON.stringify(stored!.result)).toContain('"nutrition":{"stunted":true,"underweight":false}');

    // An officer, who may see health data, is told which child and why.
    const theirs = await officer.post(`/api/reviews/${round.id}/cases/${c.id}/survey/preview`, sheet(c.version + 1));
    expect(theirs.body).toContain(`${CHILD}, 3 tuổi, suy dinh dưỡng thể thấp còi`);
  });

  it('the bulk classification gives the same result as the sheet saved by hand', async () => {
    const started = await reviewer.post(`/api/reviews/${round.id}/classification`, {
      surveyDate: '2026-10-20',
      villageId: village.id,
    });
    expect(started.statusCode, started.body).toBe(202);
    await classificationFinished(started.json().id);
    expect((await reviewer.get(`/api/reviews/${round.id}/classification`)).json().job).toMatchObject({
      state: 'done',
      classified: 1,
      kept: 1,
    });
    const bulk = await caseOf(inBulk.id);
    expect(bulk.deprivations).toContain('nutrition');

    const { classificationId: _, incomeYear: __, ...answers } = bulk.survey!;
    const saved = await reviewer.put(`/api/reviews/${round.id}/cases/${bulk.id}/survey`, {
      ...answers,
      version: bulk.version,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const again = await caseOf(inBulk.id);
    for (const key of ['proposedCategory', 'deprivations', 'explanation'] as const)
      expect(again[key], key).toEqual(bulk[key]);
  });
});
