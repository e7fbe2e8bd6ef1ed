import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type Session, type TestApp } from '../../../test/helpers/app';
import { openDocx } from '../../../test/helpers/docx';
import { buildVillage, CAM_XUYEN, HA_TINH, systemAdmin, THACH_HA } from '../../../test/helpers/factories';
import { auditTrail } from '../../../test/helpers/trace';
import { rowsOf } from '../platform/db/database';
import { seedRegistry } from './seed-registry';
import { seedReviews } from './seed-reviews';

const THANH_SEN = '18073';

let t: TestApp;
let officer: Session;
let reviewer: Session;
let counts: { rounds: number; cases: number; meetings: number };

interface Round {
  id: string;
  communeCode: string;
  year: number;
  kind: string;
  state: string;
  decisionNumber: string | null;
  decisionDate: string | null;
  refusalReason: string | null;
  overdue: boolean;
  deadlineStatus: string | null;
  counts: { cases: number; agreed: number };
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  for (const name of ['Thôn 1', 'Thôn 2', 'Thôn 3']) await buildVillage(db, { communeCode: THACH_HA, name });
  for (const code of [CAM_XUYEN, THANH_SEN]) await buildVillage(db, { communeCode: code, name: 'Thôn 1' });
  officer = await signIn(t, { scopeCode: THACH_HA, roles: ['officer', 'approver'] });
  reviewer = await signIn(t, { scopeCode: THACH_HA, roles: ['reviewer'], username: 'dtv.thachha' });
  const admin = await systemAdmin(db);
  await db.transaction(async (tx) => {
    await seedRegistry(tx, admin, HA_TINH);
    counts = await seedReviews(tx, admin, HA_TINH);
  });
}, 600_000);
afterAll(() => t.close());

const roundsOf = async (session: Session, query: string) =>
  (await session.get(`/api/reviews?${query}&limit=100`)).json().items as Round[];

describe('the demo reviews', () => {
  it('decided the 2025 round of every commune under the decision its 2026 lists carry, with the results of those lists', async () => {
    const decisions = rowsOf<{ communeCode: string; number: string }>(
      await t.database.db.execute(sql`
        select commune_code as "communeCode", min(decision_number) as number from household_assessments
        where year = 2026 and decision_number is not null group by commune_code`),
    );
    expect(counts.rounds).toBe(decisions.length);
    const [round] = await roundsOf(officer, 'year=2025');
    expect(round).toMatchObject({ kind: 'periodic', state: 'decided', communeCode: THACH_HA });
    expect(round!.decisionNumber).toBe(decisions.find((d) => d.communeCode === THACH_HA)!.number);
    expect(round!.counts.agreed).toBe(round!.counts.cases);

    // Each case's final result is the household's 2026 assessment; the poor and near-poor hold certificates.
    const cases = (await officer.get(`/api/reviews/${round!.id}/cases?limit=500`)).json().items as {
      householdId: string;
      finalCategory: string;
      previousCategory: string | null;
      certificateNumber: number | null;
    }[];
    const official = new Map(
      rowsOf<{ householdId: string; category: string }>(
        await t.database.db.execute(sql`
          select household_id as "householdId", category from household_assessments
          where year = 2026 and commune_code = ${THACH_HA} and decision_number = ${round!.decisionNumber}`),
      ).map((a) => [a.householdId, a.category]),
    );
    expect(cases.length).toBeGreaterThan(0);
    for (const c of cases) {
      expect(c.finalCategory).toBe(official.get(c.householdId));
      expect(c.certificateNumber !== null).toBe(c.finalCategory === 'poor' || c.finalCategory === 'near_poor');
    }
    // Every household on the 2026 lists went through the round.
    const listed = [...official].filter(([, category]) => category === 'poor' || category === 'near_poor');
    expect(listed.every(([id]) => cases.some((c) => c.householdId === id))).toBe(true);

    // Its history, meetings and papers are those of a round run step by step.
    const detail = (await officer.get(`/api/reviews/${round!.id}`)).json();
    expect(detail.events.map((e: { action: string }) => e.action)).toEqual([
      'create',
      'start_listing',
      'start_survey',
      'start_meetings',
      'start_posting',
      'decide',
    ]);
    expect(detail.postingEnds > detail.postedOn && detail.decisionDate > detail.postingEnds).toBe(true);
    expect(detail.meetings.length).toBe(detail.villages.length);
    const minutes = await officer.get(
      `/api/reviews/${round!.id}/village-meetings/${detail.meetings[0].id}/minutes.docx`,
    );
    expect(minutes.statusCode).toBe(200);
    const decision = await officer.get(`/api/reviews/${round!.id}/decision.docx`);
    expect(decision.statusCode).toBe(200);
    expect((await openDocx(decision.rawPayload)).text).toContain(round!.decisionNumber!);
  });

  it('has the 2026 round under way at different steps, and regular applications on time and overdue', async () => {
    const admin = await signIn(t, { scopeCode: HA_TINH, roles: ['officer'] });
    const periodic = await roundsOf(admin, 'year=2026&kind=periodic');
    const stateOf = (code: string) => periodic.find((r) => r.communeCode === code)?.state;
    expect(stateOf(THACH_HA)).toBe('surveying');
    expect(stateOf(CAM_XUYEN)).toBe('meetings');
    expect(stateOf(THANH_SEN)).toBe('posting');
    expect(new Set(periodic.map((r) => r.state)).size).toBeGreaterThanOrEqual(4);
    const posted = (await admin.get(`/api/reviews/${periodic.find((r) => r.communeCode === THANH_SEN)!.id}`)).json();
    expect(posted.complaints).toHaveLength(1);
    expect(posted.complaints[0].resolved).toBe(true);

    const regular = await roundsOf(officer, 'year=2026&kind=regular');
    const statuses = regular.map((r) => r.deadlineStatus);
    expect(statuses).toContain('decided_on_time');
    expect(statuses).toContain('overdue');
    expect(regular.find((r) => r.deadlineStatus === 'overdue')!.overdue).toBe(true);
    const refused = regular.find((r) => r.decisionNumber === '77/QĐ-UBND')!;
    expect(refused.refusalReason).toMatch(/^Thu nhập bình quân 5\.400\.000 đồng/u);
  });

  it('surveyed the 2026 round of Thạch Hà two thirds through: a few sheets by hand with the surveyor’s reasons, the rest set-wise alike', async () => {
    const [round] = await roundsOf(officer, 'year=2026&kind=periodic');
    const cases = (await officer.get(`/api/reviews/${round!.id}/cases?limit=500`)).json().items as {
      id: string;
      version: number;
      status: string;
      survey: { overrides: { indicator: string; deprived: boolean; reason: string }[] } | null;
      proposedCategory: string | null;
      deprivations: string[];
      explanation: unknown;
    }[];
    const filled = cases.filter((c) => c.survey);
    expect(filled).toHaveLength(Math.ceil((cases.length * 2) / 3));
    expect(filled.filter((c) => c.status === 'draft')).toHaveLength(1);
    expect(filled.every((c) => c.proposedCategory && c.explanation)).toBe(true);
    const byHand = filled.filter((c) => c.survey!.overrides.length > 0);
    expect(byHand).toHaveLength(Math.min(3, filled.length));
    for (const c of byHand) {
      const [override] = c.survey!.overrides;
      expect(override!.reason.length).toBeGreaterThan(20);
      expect(c.deprivations.includes('digital_services')).toBe(override!.deprived);
    }
    // Every sheet audited as saved; one filled set-wise, saved again by hand, comes out the same.
    const trail = await auditTrail(t.database.db, 'review_round', round!.id);
    expect(trail.filter((e) => e.action.startsWith('review.survey'))).toHaveLength(filled.length);
    const setWise = filled.find((c) => c.status === 'surveyed' && c.survey!.overrides.length === 0)!;
    const again = await officer.put(`/api/reviews/${round!.id}/cases/${setWise.id}/survey`, {
      ...setWise.survey,
      version: setWise.version,
    });
    expect(again.statusCode, again.body).toBe(200);
    for (const key of ['proposedCategory', 'deprivations', 'explanation'] as const)
      expect(again.json().case[key], key).toEqual(setWise[key]);
  });

  it('gives the demo reviewer the work list of Thôn 1 of Thạch Hà', async () => {
    const [round] = await roundsOf(reviewer, 'year=2026&kind=periodic');
    const own = (await reviewer.get(`/api/reviews/${round!.id}/cases?limit=500`)).json().items as {
      villageName: string;
    }[];
    const all = (await officer.get(`/api/reviews/${round!.id}/cases?limit=500`)).json().items as {
      villageName: string;
    }[];
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((c) => c.villageName === 'Thôn 1')).toBe(true);
    expect(own.length).toBe(all.filter((c) => c.villageName === 'Thôn 1').length);
  });
});
