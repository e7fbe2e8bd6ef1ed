import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProgramme } from '../../../../test/helpers/coordination';
import { createTestApp, signIn, type TestApp } from '../../../../test/helpers/app';
import { buildFund, buildHousehold, CAM_XUYEN, HA_TINH, THACH_HA } from '../../../../test/helpers/factories';
import { modelFixture } from '../../../../test/helpers/models';
import { expectAuditedWrite, expectRefused, traceOf } from '../../../../test/helpers/trace';
import { taskEvidence } from './tables';

type Signed = Awaited<ReturnType<typeof signIn>>;
let t: TestApp;
let communeOfficer: Signed;
let provinceOfficer: Signed;
let built: Awaited<ReturnType<typeof buildProgramme>>;

beforeAll(async () => {
  t = await createTestApp();
  communeOfficer = await signIn(t, { scopeCode: THACH_HA, roles: ['officer'] });
  provinceOfficer = await signIn(t, { scopeCode: HA_TINH, roles: ['officer'] });
  built = await buildProgramme(t.database.db, THACH_HA);
});
afterAll(() => t.close());

const ok = async (res: Promise<LightMyRequestResponse>) => {
  const r = await res;
  expect(r.statusCode, r.body).toBeLessThan(300);
  return r.json() as { id: string; version: number; [k: string]: unknown };
};
const link = (by: Signed, kind: string, refId: string) =>
  by.post(`/api/tasks/${built.task.id}/evidence`, { kind, refId });
const refused = (
  act: () => Promise<LightMyRequestResponse>,
  expected: { status: number; code: string; field?: string },
) => expectRefused(t.database.db, [taskEvidence], act, expected);

/** A support recorded for a new household of a commune. */
async function support(by: Signed, communeCode = THACH_HA) {
  const h = await buildHousehold(t.database.db, { communeCode });
  return ok(
    by.post(`/api/households/${h.id}/supports`, {
      kind: 'production',
      sourceCode: 'local_budget',
      value: 3_000_000,
      date: '2025-04-01',
    }),
  );
}

describe('evidence a task links from the fund, support and models', () => {
  it('links a campaign, a support and a model of the programme’s area, each audited, and lists them', async () => {
    const fund = await buildFund(t.database.db, { unitCode: THACH_HA });
    const campaign = await ok(
      communeOfficer.post(`/api/funds/${fund.id}/campaigns`, {
        name: 'Vận động ủng hộ Tết 2025',
        startDate: '2025-01-05',
        endDate: '2025-01-25',
      }),
    );
    const given = await support(communeOfficer);
    const { model } = await modelFixture(t.database.db, THACH_HA);

    for (const [kind, refId] of [
      ['fund_campaign', campaign.id],
      ['support', given.id],
      ['model', model.id],
    ] as const) {
      const { body, event } = await expectAuditedWrite(t.database.db, () => link(communeOfficer, kind, refId), 201);
      expect(event).toMatchObject({ action: 'task.evidence.link', entityId: body.id, communeCode: THACH_HA });
    }
    // Seen above the programme's unit too, by date.
    const listed = (await provinceOfficer.get(`/api/tasks/${built.task.id}/evidence`)).json();
    expect(listed.items).toEqual([
      expect.objectContaining({ kind: 'model', label: model.name, date: model.startsOn }),
      expect.objectContaining({ kind: 'fund_campaign', label: 'Vận động ủng hộ Tết 2025', date: '2025-01-05' }),
      expect.objectContaining({
        kind: 'support',
        label: 'Hỗ trợ sản xuất, con giống, cây giống: 3.000.000 đ',
        date: '2025-04-01',
      }),
    ]);
    await refused(() => link(communeOfficer, 'model', model.id), {
      status: 409,
      code: 'evidence_already_linked',
      field: 'refId',
    });
  });

  it('refuses a record the caller may not see, one outside the programme’s area, a cancelled support, and a bad kind', async () => {
    const { model: elsewhere } = await modelFixture(t.database.db, CAM_XUYEN);
    await refused(() => link(communeOfficer, 'model', elsewhere.id), {
      status: 400,
      code: 'validation_failed',
      field: 'refId',
    });
    // The province officer sees the province's fund, but it is not the commune programme's.
    const provinceFund = await buildFund(t.database.db, { unitCode: HA_TINH });
    const provinceCampaign = await ok(
      provinceOfficer.post(`/api/funds/${provinceFund.id}/campaigns`, {
        name: 'Tháng cao điểm tỉnh',
        startDate: '2025-10-17',
        endDate: '2025-11-18',
      }),
    );
    const outside = await refused(() => link(provinceOfficer, 'fund_campaign', provinceCampaign.id), {
      status: 400,
      code: 'validation_failed',
      field: 'refId',
    });
    expect(outside.detail).toBe('Bản ghi nằm ngoài địa bàn của chương trình phối hợp.');
    const cancelled = await support(communeOfficer);
    await ok(communeOfficer.post(`/api/supports/${cancelled.id}/cancellation`, { reason: 'Ghi nhầm hộ' }));
    await refused(() => link(communeOfficer, 'support', cancelled.id), {
      status: 400,
      code: 'validation_failed',
      field: 'refId',
    });
    await refused(() => link(communeOfficer, 'house', cancelled.id), {
      status: 400,
      code: 'validation_failed',
      field: 'kind',
    });
    const viewer = await signIn(t, { scopeCode: THACH_HA, roles: ['viewer'] });
    const unlinked = await support(communeOfficer);
    await refused(() => link(viewer, 'support', unlinked.id), {
      status: 403,
      code: 'forbidden',
    });
  });

  it('is unlinked (the record itself stays), audited; another commune sees no evidence of the task', async () => {
    const given = await support(communeOfficer);
    const linked = await ok(link(communeOfficer, 'support', given.id));
    const { result, events } = await traceOf(t.database.db, [], () =>
      communeOfficer.request({ method: 'DELETE', url: `/api/task-evidence/${linked.id}` }),
    );
    expect(result.statusCode, result.body).toBe(204);
    expect(events.map((e) => e.action)).toEqual(['task.evidence.unlink']);
    const items = (await communeOfficer.get(`/api/tasks/${built.task.id}/evidence`)).json().items;
    expect(items.map((e: { id: string }) => e.id)).not.toContain(linked.id);
    expect((await communeOfficer.get(`/api/households/${given.householdId}/supports`)).json().total).toBe(1);
    const other = await signIn(t, { scopeCode: CAM_XUYEN, roles: ['officer'] });
    expect((await other.get(`/api/tasks/${built.task.id}/evidence`)).statusCode).toBe(404);
  });

  it('links a distribution as one piece of evidence, titled by its kind, households and value; never another commune’s', async () => {
    const db = t.database.db;
    const distribute = async (by: Signed, communeCode: string, count: number) => {
      const codes: string[] = [];
      for (let i = 0; i < count; i++) codes.push((await buildHousehold(db, { communeCode })).code);
      return ok(
        by.request({
          method: 'POST',
          url: '/api/support-distributions',
          payload: {
            communeCode,
            kind: 'tet_gift',
            sourceCode: 'business',
            date: '2026-01-28',
            value: 500_000,
            rows: codes.map((householdCode) => ({ householdCode })),
          },
          headers: { 'idempotency-key': crypto.randomUUID() },
        }),
      );
    };
    const gifts = await distribute(communeOfficer, THACH_HA, 3);
    const { body, event } = await expectAuditedWrite(db, () => link(communeOfficer, 'distribution', gifts.id), 201);
    expect(body).toMatchObject({ kind: 'distribution', refId: gifts.id, label: 'Quà Tết 2026 — 3 hộ, 1.500.000 đ' });
    expect(event).toMatchObject({ action: 'task.evidence.link', entityId: body.id, communeCode: THACH_HA });
    const listed = (await communeOfficer.get(`/api/tasks/${built.task.id}/evidence`)).json().items;
    expect(listed).toContainEqual(expect.objectContaining({ kind: 'distribution', date: '2026-01-28' }));

    // Another commune's distribution is unknown to this commune's officer, and outside the programme for the province's.
    const camXuyenOfficer = await signIn(t, { scopeCode: CAM_XUYEN, roles: ['officer'] });
    const theirs = await distribute(camXuyenOfficer, CAM_XUYEN, 1);
    await refused(() => link(communeOfficer, 'distribution', theirs.id), {
      status: 400,
      code: 'validation_failed',
      field: 'refId',
    });
    const outside = await refused(() => link(provinceOfficer, 'distribution', theirs.id), {
      status: 400,
      code: 'validation_failed',
      field: 'refId',
    });
    expect(outside.detail).toBe('Bản ghi nằm ngoài địa bàn của chương trình phối hợp.');

    // One whose every support was cancelled is no evidence of anything.
    const voided = await distribute(communeOfficer, THACH_HA, 1);
    const [recipient] = (await communeOfficer.get(`/api/support-distributions/${voided.id}`)).json().recipients;
    await ok(communeOfficer.post(`/api/supports/${recipient.supportId}/cancellation`, { reason: 'Ghi nhầm đợt' }));
    const emptied = await refused(() => link(communeOfficer, 'distribution', voided.id), {
      status: 400,
      code: 'validation_failed',
      field: 'refId',
    });
    expect(emptied.detail).toBe('Mọi hỗ trợ của đợt phát đã bị hủy, không làm minh chứng.');
  });
});
