import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProgramme, supervisionInput } from '../../../../test/helpers/coordination';
import { createTestApp, signIn, type TestApp } from '../../../../test/helpers/app';
import { CAM_XUYEN, HA_TINH, THACH_HA } from '../../../../test/helpers/factories';
import { auditTrail, expectAuditedWrite, expectRefused } from '../../../../test/helpers/trace';
import { recommendations, supervisions } from './tables';

type Signed = Awaited<ReturnType<typeof signIn>>;
let t: TestApp;
let provinceOfficer: Signed;
let communeOfficer: Signed;
let otherCommuneOfficer: Signed;
let built: Awaited<ReturnType<typeof buildProgramme>>;

const refused = (
  act: () => Promise<LightMyRequestResponse>,
  expected: { status: number; code: string; field?: string },
) => expectRefused(t.database.db, [supervisions, recommendations], act, expected);
const written = (act: () => Promise<LightMyRequestResponse>, status = 200) =>
  expectAuditedWrite(t.database.db, act, status);

beforeAll(async () => {
  t = await createTestApp();
  provinceOfficer = await signIn(t, { scopeCode: HA_TINH, roles: ['officer'] });
  communeOfficer = await signIn(t, { scopeCode: THACH_HA, roles: ['officer'] });
  otherCommuneOfficer = await signIn(t, { scopeCode: CAM_XUYEN, roles: ['officer'] });
  built = await buildProgramme(t.database.db, HA_TINH);
});
afterAll(() => t.close());

/** A supervision planned and conducted by the province. */
async function conducted(overrides = {}) {
  const { body: planned } = await written(
    () => provinceOfficer.post('/api/supervisions', supervisionInput(HA_TINH, built, overrides)),
    201,
  );
  const { body } = await written(() =>
    provinceOfficer.post(`/api/supervisions/${planned.id}/conduct`, {
      conductedOn: '2025-05-20',
      findings: 'Một số hộ chưa được niêm yết.',
      version: planned.version,
    }),
  );
  return body;
}

describe('supervision', () => {
  it('is planned for a year, then conducted with its findings', async () => {
    const { body: planned } = await written(
      () => provinceOfficer.post('/api/supervisions', supervisionInput(HA_TINH, built)),
      201,
    );
    expect(planned).toMatchObject({
      status: 'planned',
      year: 2025,
      taskId: built.task.id,
      programmeId: built.programme.id,
    });
    const plan = (await provinceOfficer.get('/api/supervisions?year=2025&status=planned&limit=500')).json();
    expect(plan.items.map((s: { id: string }) => s.id)).toContain(planned.id);
    await refused(
      () =>
        provinceOfficer.post(`/api/supervisions/${planned.id}/recommendations`, {
          addresseeId: built.programme.parties[1]!.id,
          text: 'Sớm quá',
          dueOn: '2025-06-30',
          version: planned.version,
        }),
      { status: 409, code: 'supervision_not_conducted' },
    );
    await refused(
      () =>
        provinceOfficer.post(`/api/supervisions/${planned.id}/conduct`, {
          conductedOn: '2024-12-01',
          findings: 'x',
          version: planned.version,
        }),
      { status: 400, code: 'validation_failed', field: 'conductedOn' },
    );
    const { body, event } = await written(() =>
      provinceOfficer.post(`/api/supervisions/${planned.id}/conduct`, {
        conductedOn: '2025-05-20',
        findings: 'Việc rà soát đúng quy trình.',
        version: planned.version,
      }),
    );
    expect(event.action).toBe('supervision.conduct');
    expect(body).toMatchObject({ status: 'conducted', conductedOn: '2025-05-20' });
  });

  it('refuses bad input naming the field, and keeps out other communes', async () => {
    const valid = supervisionInput(HA_TINH, built);
    for (const [change, field] of [
      [{ periodTo: '2024-12-31' }, 'periodTo'],
      [{ method: 'phone' }, 'method'],
      [{ supervisedId: 'x' }, 'supervisedId'],
      [{ topic: '' }, 'topic'],
    ] as const) {
      await refused(() => provinceOfficer.post('/api/supervisions', { ...valid, ...change }), {
        status: 400,
        code: 'validation_failed',
        field,
      });
    }
    await refused(() => communeOfficer.post('/api/supervisions', valid), { status: 403, code: 'out_of_scope' });
    const s = await conducted();
    expect((await otherCommuneOfficer.get(`/api/supervisions/${s.id}`)).statusCode).toBe(404);
  });

  it('follows a recommendation to closure; its addressee’s users are reminded until it is resolved', async () => {
    const s = await conducted();
    const addressee = built.programme.parties[1]!;
    // A commune officer of the addressee organisation (it sits at the province, they at Thạch Hà).
    const addresseeUser = await signIn(t, { scopeCode: THACH_HA, roles: ['officer'], organisationId: addressee.id });
    await refused(
      () =>
        provinceOfficer.post(`/api/supervisions/${s.id}/recommendations`, {
          addresseeId: addressee.id,
          text: 'Hạn trước ngày giám sát',
          dueOn: '2025-05-01',
          version: s.version,
        }),
      { status: 400, code: 'validation_failed', field: 'dueOn' },
    );
    const { body: rec } = await written(
      () =>
        provinceOfficer.post(`/api/supervisions/${s.id}/recommendations`, {
          addresseeId: addressee.id,
          text: 'Công khai danh sách hộ nghèo tại nhà văn hóa thôn.',
          dueOn: '2025-07-31',
          version: s.version,
        }),
      201,
    );
    // Long past its deadline and unresolved: overdue, and on the addressee's reminders.
    expect(rec).toMatchObject({ status: 'open', overdue: true, canAnswer: true, canFollowUp: true });
    const reminders = (await addresseeUser.get('/api/recommendations/mine')).json();
    expect(reminders.items).toEqual([
      expect.objectContaining({ id: rec.id, overdue: true, canAnswer: true, canFollowUp: false }),
    ]);
    expect((await communeOfficer.get('/api/recommendations/mine')).json().items).toEqual([]);
    expect(
      (await provinceOfficer.get(`/api/recommendations?overdue=true&limit=500`))
        .json()
        .items.map((r: { id: string }) => r.id),
    ).toContain(rec.id);

    await refused(() => addresseeUser.post(`/api/recommendations/${rec.id}/accept`, { version: rec.version }), {
      status: 403,
      code: 'forbidden',
    });
    await refused(
      () =>
        provinceOfficer.post(`/api/recommendations/${rec.id}/resolve`, {
          resolvedOn: '2025-07-01',
          version: rec.version,
        }),
      {
        status: 409,
        code: 'recommendation_step_not_allowed',
      },
    );
    const { body: answered } = await written(() =>
      addresseeUser.post(`/api/recommendations/${rec.id}/answer`, {
        answer: 'Đã niêm yết ngày 10/07/2025.',
        answeredOn: '2025-07-10',
        version: rec.version,
      }),
    );
    expect(answered).toMatchObject({ status: 'answered', overdue: true });
    const { body: accepted } = await written(() =>
      provinceOfficer.post(`/api/recommendations/${rec.id}/accept`, { version: answered.version }),
    );
    await refused(
      () =>
        provinceOfficer.post(`/api/recommendations/${rec.id}/resolve`, {
          resolvedOn: '2025-07-01',
          version: accepted.version,
        }),
      { status: 400, code: 'validation_failed', field: 'resolvedOn' },
    );
    const { body: resolved } = await written(() =>
      provinceOfficer.post(`/api/recommendations/${rec.id}/resolve`, {
        resolvedOn: '2025-07-20',
        version: accepted.version,
      }),
    );
    expect(resolved).toMatchObject({ status: 'resolved', overdue: false, resolvedOn: '2025-07-20' });
    expect((await addresseeUser.get('/api/recommendations/mine')).json().items).toEqual([]);
    expect((await auditTrail(t.database.db, 'recommendation', rec.id)).map((e) => e.action)).toEqual([
      'recommendation.create',
      'recommendation.answer',
      'recommendation.accept',
      'recommendation.resolve',
    ]);
    await refused(() => provinceOfficer.post(`/api/recommendations/${rec.id}/accept`, { version: resolved.version }), {
      status: 409,
      code: 'recommendation_step_not_allowed',
    });
  });

  it('a recommendation due in the future is not overdue', async () => {
    const s = await conducted();
    const { body } = await written(
      () =>
        provinceOfficer.post(`/api/supervisions/${s.id}/recommendations`, {
          addresseeId: built.programme.parties[0]!.id,
          text: 'Theo dõi tiếp.',
          dueOn: '2099-12-31',
          version: s.version,
        }),
      201,
    );
    expect(body).toMatchObject({ overdue: false });
    expect(body.daysLeft).toBeGreaterThan(0);
  });

  it('lists the supervisions and recommendations of one unit, within the caller’s area', async () => {
    const commune = await buildProgramme(t.database.db, THACH_HA);
    const { body: atCommune } = await written(
      () => communeOfficer.post('/api/supervisions', supervisionInput(THACH_HA, commune, { topic: 'Giám sát tại xã' })),
      201,
    );
    const ids = async (by: Signed, url: string) =>
      (await by.get(url)).json().items.map((r: { id: string }) => r.id) as string[];
    const ofCommune = await ids(provinceOfficer, `/api/supervisions?unit=${THACH_HA}&limit=500`);
    expect(ofCommune).toContain(atCommune.id);
    const all = await ids(provinceOfficer, '/api/supervisions?limit=500');
    expect(all.length).toBeGreaterThan(ofCommune.length);
    // The province code keeps the province's own and its communes'.
    expect(await ids(provinceOfficer, `/api/supervisions?unit=${HA_TINH}&limit=500`)).toEqual(all);
    // Another commune's filter finds none of Thạch Hà's: the area predicate still applies.
    expect(await ids(communeOfficer, `/api/supervisions?unit=${CAM_XUYEN}`)).toEqual([]);
    // The province's supervisions made recommendations; Thạch Hà's made none.
    expect(await ids(provinceOfficer, `/api/recommendations?unit=${HA_TINH}&limit=500`)).not.toEqual([]);
    expect(await ids(provinceOfficer, `/api/recommendations?unit=${THACH_HA}&limit=500`)).toEqual([]);
    await refused(() => provinceOfficer.get('/api/supervisions?unit=4'), {
      status: 400,
      code: 'validation_failed',
      field: 'querystring.unit',
    });
  });
});
