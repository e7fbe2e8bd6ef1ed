import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityInput, buildProgramme } from '../../../../test/helpers/coordination';
import { createTestApp, signIn, type TestApp } from '../../../../test/helpers/app';
import { CAM_XUYEN, HA_TINH, THACH_HA } from '../../../../test/helpers/factories';
import { expectAuditedWrite, expectRefused } from '../../../../test/helpers/trace';
import { activities } from './tables';

type Signed = Awaited<ReturnType<typeof signIn>>;
type Built = Awaited<ReturnType<typeof buildProgramme>>;
let t: TestApp;
let provinceOfficer: Signed;
let communeOfficer: Signed;
let communeViewer: Signed;
let otherCommuneOfficer: Signed;
let province: Built;
let thachHa: Built;

const refused = (
  act: () => Promise<LightMyRequestResponse>,
  expected: { status: number; code: string; field?: string },
) => expectRefused(t.database.db, [activities], act, expected);
const ids = (res: LightMyRequestResponse): string[] => res.json().items.map((r: { id: string }) => r.id);

beforeAll(async () => {
  t = await createTestApp();
  provinceOfficer = await signIn(t, { scopeCode: HA_TINH, roles: ['officer'] });
  communeOfficer = await signIn(t, { scopeCode: THACH_HA, roles: ['officer'] });
  communeViewer = await signIn(t, { scopeCode: THACH_HA, roles: ['viewer'] });
  otherCommuneOfficer = await signIn(t, { scopeCode: CAM_XUYEN, roles: ['officer'] });
  province = await buildProgramme(t.database.db, HA_TINH);
  thachHa = await buildProgramme(t.database.db, THACH_HA);
});
afterAll(() => t.close());

describe('activities', () => {
  it('records an activity as a task’s evidence, taking the task’s programme and content', async () => {
    const { body, event } = await expectAuditedWrite(
      t.database.db,
      () => communeOfficer.post('/api/activities', activityInput(THACH_HA, thachHa, { poorAudience: 25 })),
      201,
    );
    expect(event).toMatchObject({ action: 'activity.create', provinceCode: HA_TINH, communeCode: THACH_HA });
    expect(body).toMatchObject({
      group: 'training',
      programmeId: thachHa.programme.id,
      contentId: thachHa.task.contentId,
      taskId: thachHa.task.id,
      budgetTotal: 12_000_000,
      unitName: 'Xã Thạch Hà',
    });
    expect(ids(await communeViewer.get(`/api/activities?task=${thachHa.task.id}`))).toEqual([body.id]);
  });

  it('a commune records evidence of its province’s task, held in the commune', async () => {
    const res = await communeOfficer.post(
      '/api/activities',
      activityInput(THACH_HA, province, { kind: 'door_to_door' }),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ programmeId: province.programme.id, group: 'communication' });
  });

  it('refuses bad input naming the field, and changes nothing', async () => {
    const valid = activityInput(THACH_HA, thachHa);
    const cases: [Record<string, unknown>, string][] = [
      [{ poorAudience: 61 }, 'poorAudience'],
      [{ endsOn: '2025-04-09' }, 'endsOn'],
      [{ audienceSize: -1 }, 'audienceSize'],
      [{ budget: { ...valid.budget, fund: 1.5 } }, 'budget.fund'],
      [{ kind: 'party' }, 'kind'],
      [{ organiserIds: [] }, 'organiserIds'],
      [{ taskId: '3f1d2c4b-5a6e-4f70-8a9b-0c1d2e3f4a5b' }, 'taskId'],
      [{ taskId: null, contentId: province.programme.contents[0]!.id, programmeId: thachHa.programme.id }, 'contentId'],
      [{ unitCode: '99999' }, 'unitCode'],
    ];
    for (const [change, field] of cases) {
      await refused(() => communeOfficer.post('/api/activities', { ...valid, ...change }), {
        status: 400,
        code: 'validation_failed',
        field,
      });
    }
    await refused(() => communeViewer.post('/api/activities', valid), { status: 403, code: 'forbidden' });
    await refused(() => communeOfficer.post('/api/activities', { ...valid, unitCode: CAM_XUYEN }), {
      status: 403,
      code: 'out_of_scope',
    });
  });

  it('a commune never sees another commune’s activities; the province sees them all', async () => {
    const other = await buildProgramme(t.database.db, CAM_XUYEN);
    const res = await otherCommuneOfficer.post('/api/activities', activityInput(CAM_XUYEN, other));
    expect(res.statusCode, res.body).toBe(201);
    const theirs = res.json().id;
    expect(ids(await communeViewer.get('/api/activities?limit=500'))).not.toContain(theirs);
    expect((await communeViewer.get(`/api/activities/${theirs}`)).statusCode).toBe(404);
    expect((await communeViewer.get(`/api/activities?unit=${CAM_XUYEN}`)).json().items).toEqual([]);
    expect(ids(await provinceOfficer.get('/api/activities?limit=500'))).toContain(theirs);
    const summary = (await communeViewer.get('/api/activities/summary')).json();
    expect(summary.rows.every((r: { unitCode: string }) => r.unitCode === THACH_HA)).toBe(true);
  });

  it('totals by period and unit equal the sums of the activities listed', async () => {
    for (const [kind, audienceSize, poorAudience, startsOn] of [
      ['meeting', 120, 40, '2024-03-05'],
      ['conference', 80, 5, '2024-09-10'],
      ['training', 35, 35, '2024-11-20'],
    ] as const) {
      const res = await provinceOfficer.post(
        '/api/activities',
        activityInput(HA_TINH, province, { kind, audienceSize, poorAudience, startsOn, endsOn: startsOn }),
      );
      expect(res.statusCode, res.body).toBe(201);
    }
    const list = (await provinceOfficer.get('/api/activities?from=2024-01-01&to=2024-12-31&limit=2')).json();
    const all = (await provinceOfficer.get('/api/activities?from=2024-01-01&to=2024-12-31&limit=500')).json();
    expect(list.items).toHaveLength(2);
    expect(list.totals).toEqual({
      activities: all.items.length,
      audience: all.items.reduce((s: number, a: { audienceSize: number }) => s + a.audienceSize, 0),
      poorAudience: all.items.reduce((s: number, a: { poorAudience: number }) => s + a.poorAudience, 0),
      budget: all.items.reduce((s: number, a: { budgetTotal: number }) => s + a.budgetTotal, 0),
    });
    expect(list.totals).toMatchObject({ activities: 3, audience: 235, poorAudience: 80 });
    const summary = (await provinceOfficer.get('/api/activities/summary?from=2024-01-01&to=2024-12-31')).json();
    expect(summary.totals).toEqual(list.totals);
    expect(summary.rows.map((r: { group: string; activities: number }) => [r.group, r.activities])).toEqual([
      ['communication', 1],
      ['training', 1],
      ['conference', 1],
    ]);
  });

  it('is edited with the version read', async () => {
    const created = (await communeOfficer.post('/api/activities', activityInput(THACH_HA, thachHa))).json();
    const body = { ...activityInput(THACH_HA, thachHa, { audienceSize: 75 }), version: created.version };
    const { body: updated } = await expectAuditedWrite(
      t.database.db,
      () => communeOfficer.put(`/api/activities/${created.id}`, body),
      200,
    );
    expect(updated).toMatchObject({ audienceSize: 75, version: created.version + 1 });
    await refused(() => communeOfficer.put(`/api/activities/${created.id}`, body), {
      status: 409,
      code: 'stale_version',
    });
    await refused(
      () => otherCommuneOfficer.put(`/api/activities/${created.id}`, { ...body, unitCode: CAM_XUYEN, taskId: null }),
      {
        status: 404,
        code: 'not_found',
      },
    );
  });
});
