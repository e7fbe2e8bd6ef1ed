import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../../../../test/helpers/app';
import { buildHousehold, buildVillage, CAM_XUYEN, systemAdmin, THACH_HA } from '../../../../test/helpers/factories';
import { auditTrail, expectRefused } from '../../../../test/helpers/trace';
import { householdAssessments } from '../assessments/tables';
import { households } from '../households/tables';
import { classificationFinished, resumeClassifications } from './classification';
import { insertJob } from './classification-repo';
import { reviewCases, reviewClassifications, reviewRounds } from './tables';

/**
 * Bulk classification of a periodic round: the cases listed from the current lists and without
 * a sheet are classified from the registry and their last surveyed income, exactly as a sheet
 * saved by hand with the same answers; hand-surveyed cases and applications are never touched.
 */
let t: TestApp;
type Client = Awaited<ReturnType<typeof signIn>>;
let officer: Client;
let reviewer: Client;
let viewer: Client;
let outsider: Client;
let villageA: { id: string };
let villageB: { id: string };
let round: { id: string; version: number; provinceCode: string; communeCode: string; state: string };
const ids: Record<string, string> = {};

const tables = () => [reviewRounds, reviewCases, reviewClassifications];
const START = { surveyDate: '2026-10-20' };

interface CaseBody {
  id: string;
  householdId: string;
  version: number;
  status: string;
  survey: Record<string, unknown> | null;
  proposedCategory: string | null;
  deprivations: string[];
  explanation: unknown;
  causes: string[];
}
const cases = async () => (await officer.get(`/api/reviews/${round.id}/cases?limit=100`)).json().items as CaseBody[];
const caseOf = async (household: string) => (await cases()).find((c) => c.householdId === ids[household])!;

async function listedHousehold(name: string, villageId: string, list: { income?: number; imported?: boolean }) {
  const h = await buildHousehold(t.database.db, { villageId, headName: name });
  ids[name] = h.id;
  if (list.imported) {
    // A result brought in from a list: a category, no surveyed income.
    await t.database.db.insert(householdAssessments).values({
      householdId: h.id,
      provinceCode: h.provinceCode,
      communeCode: h.communeCode,
      year: 2026,
      standardId: '2022-2025',
      standardVersion: 1,
      source: 'import',
      surveyDate: '2025-12-31',
      area: 'rural',
      incomePerCapitaMonthly: 0,
      indicators: [],
      deprivations: [],
      deprivationCount: 0,
      category: 'poor',
      rule: 'imported',
      causes: [],
    });
    return h;
  }
  const res = await officer.post(`/api/households/${h.id}/assessments`, {
    year: 2026,
    surveyDate: '2025-10-15',
    incomePerCapitaMonthly: list.income,
    causes: ['no_capital', 'illness_or_accident'],
  });
  expect(res.statusCode, res.body).toBe(201);
  return h;
}

beforeAll(async () => {
  t = await createTestApp();
  officer = await signIn(t, { scopeCode: THACH_HA, roles: ['officer'] });
  reviewer = await signIn(t, { scopeCode: THACH_HA, roles: ['reviewer'] });
  viewer = await signIn(t, { scopeCode: THACH_HA, roles: ['viewer'] });
  outsider = await signIn(t, { scopeCode: CAM_XUYEN, roles: ['officer'] });
  villageA = await buildVillage(t.database.db, { name: 'Thôn Bắc' });
  villageB = await buildVillage(t.database.db, { name: 'Thôn Nam' });
  await listedHousehold('Poor A', villageA.id, { income: 1_000_000 });
  await listedHousehold('Near A', villageA.id, { income: 1_400_000 });
  await listedHousehold('Imported A', villageA.id, { imported: true });
  await listedHousehold('Hand A', villageA.id, { income: 1_200_000 });
  await listedHousehold('Listed B', villageB.id, { income: 900_000 });
  const gone = await listedHousehold('Unrecorded B', villageB.id, { income: 1_100_000 });
  const applicant = await buildHousehold(t.database.db, { villageId: villageB.id, headName: 'Applicant B' });
  ids['Applicant B'] = applicant.id;

  let res = await officer.post('/api/reviews', { communeCode: THACH_HA, year: 2026, kind: 'periodic' });
  round = res.json();
  res = await officer.post(`/api/reviews/${round.id}/listing`, { version: round.version });
  round = res.json();
  res = await officer.post(`/api/reviews/${round.id}/cases`, {
    householdId: applicant.id,
    reason: 'application',
    application: {
      form: 'mau_01',
      receivedOn: '2026-09-20',
      channel: 'in_person',
      applicantName: 'Applicant B',
      content: 'Mất mùa',
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  round = (await officer.get(`/api/reviews/${round.id}`)).json();
  res = await officer.post(`/api/reviews/${round.id}/survey`, { version: round.version });
  round = res.json();
  expect(round.state).toBe('surveying');
  // A surveyor filled one sheet by hand; one household's dwelling was never recorded in full.
  const hand = await caseOf('Hand A');
  res = await officer.put(`/api/reviews/${round.id}/cases/${hand.id}/survey`, {
    version: hand.version,
    draft: false,
    surveyDate: '2026-10-01',
    incomePerCapitaMonthly: 3_500_000,
    causes: [],
  });
  expect(res.statusCode, res.body).toBe(200);
  await t.database.db.update(households).set({ hygienicLatrine: null }).where(eq(households.id, gone.id));
  expect(
    (await officer.post(`/api/reviews/${round.id}/reviewers`, { userId: reviewer.user.id, villageId: villageA.id }))
      .statusCode,
  ).toBe(200);
});
afterAll(() => t.close());

describe('bulk classification of a round', () => {
  it('refuses bad input, other communes, roles that do not survey and a reviewer outside their villages', async () => {
    const post = (client: Client, body: Record<string, unknown>) =>
      client.post(`/api/reviews/${round.id}/classification`, body);
    await expectRefused(t.database.db, tables(), () => post(officer, { surveyDate: '20/10/2026' }), {
      status: 400,
      code: 'validation_failed',
      field: 'surveyDate',
    });
    await expectRefused(t.database.db, tables(), () => post(officer, { ...START, villageId: 'thôn' }), {
      status: 400,
      code: 'validation_failed',
      field: 'villageId',
    });
    await expectRefused(t.database.db, tables(), () => post(officer, { surveyDate: '2026-08-20' }), {
      status: 400,
      code: 'validation_failed',
      field: 'surveyDate',
    });
    await expectRefused(t.database.db, tables(), () => post(outsider, START), { status: 404, code: 'not_found' });
    await expectRefused(t.database.db, tables(), () => post(viewer, START), { status: 403, code: 'forbidden' });
    // A reviewer classifies only a village assigned to them, never the whole round.
    await expectRefused(t.database.db, tables(), () => post(reviewer, START), { status: 403, code: 'forbidden' });
    await expectRefused(t.database.db, tables(), () => post(reviewer, { ...START, villageId: villageB.id }), {
      status: 403,
      code: 'forbidden',
    });
    expect((await reviewer.get(`/api/reviews/${round.id}/classification`)).json()).toEqual({ job: null });
  });

  it('a reviewer classifies their village: the same sheets as saved by hand; hand-surveyed and imported left', async () => {
    const hand = await caseOf('Hand A');
    const res = await reviewer.post(`/api/reviews/${round.id}/classification`, { ...START, villageId: villageA.id });
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json()).toMatchObject({ state: 'running', total: 3, kept: 1, applied: 0, villageId: villageA.id });
    await classificationFinished(res.json().id);
    const { job } = (await reviewer.get(`/api/reviews/${round.id}/classification`)).json();
    expect(job).toMatchObject({ state: 'done', total: 3, done: 3, classified: 2, noIncome: 1, incomplete: 0, kept: 1 });

    expect(await caseOf('Hand A')).toEqual(hand);
    expect(await caseOf('Imported A')).toMatchObject({ status: 'pending', survey: null });
    expect(await caseOf('Listed B')).toMatchObject({ status: 'pending', survey: null });
    const poor = await caseOf('Poor A');
    expect(poor).toMatchObject({
      status: 'surveyed',
      survey: {
        surveyDate: '2026-10-20',
        incomePerCapitaMonthly: 1_000_000,
        classificationId: job.id,
        incomeYear: 2026,
      },
      causes: ['no_capital', 'illness_or_accident'],
    });
    expect((await caseOf('Near A')).survey).toMatchObject({ incomePerCapitaMonthly: 1_400_000 });

    // The same answers saved one case at a time through the survey sheet give the same result.
    for (const name of ['Poor A', 'Near A']) {
      const bulk = await caseOf(name);
      const { classificationId: _, incomeYear: __, ...answers } = bulk.survey!;
      const saved = await reviewer.put(`/api/reviews/${round.id}/cases/${bulk.id}/survey`, {
        ...answers,
        version: bulk.version,
      });
      expect(saved.statusCode, saved.body).toBe(200);
      const byHand = await caseOf(name);
      expect(byHand.survey).toEqual(answers);
      for (const key of ['status', 'proposedCategory', 'deprivations', 'explanation', 'causes'] as const)
        expect(byHand[key], `${name}: ${key}`).toEqual(bulk[key]);
      const [stored] = await t.database.db
        .select({ result: reviewCases.result })
        .from(reviewCases)
        .where(eq(reviewCases.id, bulk.id));
      expect(stored!.result).toMatchObject({ incomePerCapitaMonthly: answers.incomePerCapitaMonthly });
    }

    const trail = await auditTrail(t.database.db, 'review_round', round.id);
    const mine = trail.filter((e) => JSON.stringify(e.after).includes(job.id));
    expect(mine.map((e) => e.action)).toEqual([
      'review.classify',
      'review.survey',
      'review.survey',
      'review.classify_finished',
    ]);
    expect(mine.at(-1)!.after).toMatchObject({ classified: 2, noIncome: 1, kept: 1, state: 'done' });
    expect(mine.every((e) => e.actorUsername === reviewer.user.username)).toBe(true);
  });

  it('a job a stopped server left running is resumed at start, and running it again changes nothing', async () => {
    // As a server stopped after creating the job: the next start resumes it as its officer.
    const admin = await systemAdmin(t.database.db);
    const job = await insertJob(t.database.db, {
      roundId: round.id,
      provinceCode: round.provinceCode,
      communeCode: round.communeCode,
      villageId: null,
      surveyDate: '2026-10-21',
      total: 3,
      kept: 4,
      applied: 1,
      startedBy: admin.id,
      startedByName: admin.fullName,
    });
    await expectRefused(t.database.db, tables(), () => officer.post(`/api/reviews/${round.id}/classification`, START), {
      status: 409,
      code: 'classification_running',
    });
    await resumeClassifications(t.database.db);
    await classificationFinished(job.id);
    const { job: resumed } = (await officer.get(`/api/reviews/${round.id}/classification`)).json();
    // Listed B classified; Imported A has no surveyed income; Unrecorded B's latrine is not recorded.
    expect(resumed).toMatchObject({ id: job.id, state: 'done', done: 3, classified: 1, noIncome: 1, incomplete: 1 });
    expect(await caseOf('Listed B')).toMatchObject({ status: 'surveyed', proposedCategory: 'near_poor' });
    expect(await caseOf('Unrecorded B')).toMatchObject({ status: 'pending' });
    expect(await caseOf('Applicant B')).toMatchObject({ status: 'pending', survey: null });

    const before = await cases();
    const again = await officer.post(`/api/reviews/${round.id}/classification`, START);
    expect(again.statusCode, again.body).toBe(202);
    await classificationFinished(again.json().id);
    const { job: last } = (await officer.get(`/api/reviews/${round.id}/classification`)).json();
    expect(last).toMatchObject({
      state: 'done',
      total: 2,
      classified: 0,
      noIncome: 1,
      incomplete: 1,
      kept: 4,
      applied: 1,
    });
    expect(await cases()).toEqual(before);
  });

  it('only while surveying, and only a periodic round', async () => {
    const res = await officer.post(`/api/reviews`, { communeCode: THACH_HA, year: 2026, kind: 'regular' });
    expect(res.statusCode, res.body).toBe(201);
    await expectRefused(
      t.database.db,
      tables(),
      () => officer.post(`/api/reviews/${res.json().id}/classification`, START),
      { status: 409, code: 'round_wrong_state' },
    );
  });
});
