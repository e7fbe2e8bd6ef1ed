import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInVietnam } from '../../../domain/calendar';
import { createTestApp, signIn, type TestApp } from '../../../../test/helpers/app';
import { buildHousehold, CAM_XUYEN, THACH_HA } from '../../../../test/helpers/factories';
import { rowsOf } from '../../platform/db/database';

let t: TestApp;
let officer: Awaited<ReturnType<typeof signIn>>;

beforeAll(async () => {
  t = await createTestApp();
  officer = await signIn(t);
});
afterAll(() => t.close());

const approval = (extra: Record<string, unknown> = {}) => ({
  kind: 'build',
  decisionNumber: '45/QĐ-UBND',
  approvedOn: '2026-03-02',
  plannedCompletion: '2026-08-31',
  builder: 'Tổ thợ xã Thạch Hà',
  funding: [
    { sourceCode: 'temporary_houses', amount: 60_000_000 },
    { sourceCode: 'fund', amount: 10_000_000 },
  ],
  ...extra,
});

describe('a house from approval to hand-over', () => {
  it('is approved with its funding, then started, completed and handed over, each step audited', async () => {
    const h = await buildHousehold(t.database.db);
    const res = await officer.post(`/api/households/${h.id}/houses`, approval());
    expect(res.statusCode, res.body).toBe(201);
    let house = res.json();
    expect(house).toMatchObject({ stage: 'approved', totalCost: 70_000_000, householdCode: h.code });
    for (const [stage, date] of [
      ['under_construction', '2026-03-20'],
      ['completed', '2026-07-15'],
      ['handed_over', '2026-07-20'],
    ]) {
      const step = await officer.post(`/api/houses/${house.id}/stage`, { stage, date, version: house.version });
      expect(step.statusCode, step.body).toBe(200);
      house = step.json();
      expect(house.stage).toBe(stage);
    }
    expect(house.dates).toEqual({
      approved: '2026-03-02',
      under_construction: '2026-03-20',
      completed: '2026-07-15',
      handed_over: '2026-07-20',
    });
    const actions = rowsOf<{ action: string }>(
      await t.database.db.execute(
        sql`select action from audit_events where entity = 'house' and entity_id = ${house.id} order by id`,
      ),
    ).map((r) => r.action);
    expect(actions).toEqual(['house.approve', 'house.advance', 'house.advance', 'house.advance']);
  });

  it('refuses a skipped stage, a date before the last step, a future date and a stale version, changing nothing', async () => {
    const h = await buildHousehold(t.database.db);
    const house = (await officer.post(`/api/households/${h.id}/houses`, approval())).json();
    const step = (body: Record<string, unknown>) =>
      officer.post(`/api/houses/${house.id}/stage`, { version: house.version, ...body });
    const skipped = await step({ stage: 'completed', date: '2026-05-01' });
    expect(skipped.statusCode).toBe(409);
    expect(skipped.json().code).toBe('house_stage_refused');
    expect(skipped.json().detail).toContain('bước tiếp theo là "Đang xây dựng"');
    expect((await step({ stage: 'under_construction', date: '2026-03-01' })).statusCode).toBe(409);
    expect((await step({ stage: 'under_construction', date: '2099-01-01' })).statusCode).toBe(400);
    expect((await step({ stage: 'under_construction', date: '2026-03-05', version: 7 })).statusCode).toBe(409);
    const [after] = (await officer.get(`/api/houses?householdId=${h.id}`)).json().items;
    expect(after).toMatchObject({ stage: 'approved', version: 1 });
  });

  it('a second house for a household whose house is not handed over is refused; bad approvals name the field', async () => {
    const h = await buildHousehold(t.database.db);
    expect((await officer.post(`/api/households/${h.id}/houses`, approval())).statusCode).toBe(201);
    const second = await officer.post(`/api/households/${h.id}/houses`, approval({ kind: 'repair' }));
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('house_in_progress');
    const other = await buildHousehold(t.database.db);
    for (const [body, field] of [
      [approval({ funding: [] }), 'funding'],
      [approval({ funding: [{ sourceCode: 'nowhere', amount: 1 }] }), 'funding.0.sourceCode'],
      [approval({ funding: [{ sourceCode: 'fund', amount: -5 }] }), 'funding.0.amount'],
      [approval({ plannedCompletion: '2026-01-01' }), 'plannedCompletion'],
      [approval({ kind: 'castle' }), 'kind'],
    ] as const) {
      const res = await officer.post(`/api/households/${other.id}/houses`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(JSON.stringify(res.json().errors)).toContain(field);
    }
    expect((await officer.get(`/api/houses?householdId=${other.id}`)).json().total).toBe(0);
  });
});

describe('the behind-schedule list', () => {
  it('holds houses not started 60 days after approval or past their planned completion, with the reason', async () => {
    const today = todayInVietnam();
    const daysAgo = (n: number) =>
      new Date(Date.parse(`${today}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
    const notStarted = await buildHousehold(t.database.db);
    const late = await buildHousehold(t.database.db);
    const onTime = await buildHousehold(t.database.db);
    await officer.post(
      `/api/households/${notStarted.id}/houses`,
      approval({ approvedOn: daysAgo(61), plannedCompletion: daysAgo(-100) }),
    );
    const lateHouse = (
      await officer.post(
        `/api/households/${late.id}/houses`,
        approval({ approvedOn: daysAgo(200), plannedCompletion: daysAgo(1) }),
      )
    ).json();
    await officer.post(`/api/houses/${lateHouse.id}/stage`, {
      stage: 'under_construction',
      date: daysAgo(150),
      version: 1,
    });
    await officer.post(
      `/api/households/${onTime.id}/houses`,
      approval({ approvedOn: daysAgo(10), plannedCompletion: daysAgo(-90) }),
    );
    const behind = (await officer.get(`/api/houses?commune=${THACH_HA}&behindSchedule=true&limit=500`)).json();
    const codes = behind.items.map((h: { householdCode: string }) => h.householdCode);
    expect(codes).toEqual(expect.arrayContaining([notStarted.code, late.code]));
    expect(codes).not.toContain(onTime.code);
    for (const item of behind.items) expect(item.behindSchedule).not.toBeNull();
    expect(
      behind.items.find((h: { householdCode: string }) => h.householdCode === late.code).behindSchedule.vi,
    ).toMatch(/^Quá hạn hoàn thành/u);
    const fine = (await officer.get(`/api/houses?commune=${THACH_HA}&behindSchedule=false&limit=500`)).json();
    for (const item of fine.items) expect(item.behindSchedule).toBeNull();
  });

  it("another commune's officer sees none of these houses and cannot move them", async () => {
    const h = await buildHousehold(t.database.db);
    const house = (await officer.post(`/api/households/${h.id}/houses`, approval())).json();
    const elsewhere = await signIn(t, { scopeCode: CAM_XUYEN });
    expect((await elsewhere.get(`/api/houses?commune=${THACH_HA}`)).statusCode).toBe(403);
    expect((await elsewhere.get(`/api/houses?householdId=${h.id}`)).json().total).toBe(0);
    const moved = await elsewhere.post(`/api/houses/${house.id}/stage`, {
      stage: 'under_construction',
      date: '2026-03-10',
      version: 1,
    });
    expect(moved.statusCode).toBe(404);
    expect((await elsewhere.post(`/api/households/${h.id}/houses`, approval())).statusCode).toBe(404);
  });
});
