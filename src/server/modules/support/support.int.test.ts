import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../../../../test/helpers/app';
import { buildHousehold, CAM_XUYEN } from '../../../../test/helpers/factories';
import { rowsOf } from '../../platform/db/database';

let t: TestApp;
let officer: Awaited<ReturnType<typeof signIn>>;

beforeAll(async () => {
  t = await createTestApp();
  officer = await signIn(t);
});
afterAll(() => t.close());

const gift = (extra: Record<string, unknown> = {}) => ({
  kind: 'tet_gift',
  sourceCode: 'business',
  value: 500_000,
  date: '2026-01-20',
  decisionNumber: '12/QĐ-MTTQ',
  handoverProof: 'Biên bản bàn giao ngày 20/01/2026',
  ...extra,
});

async function audited(entityId: string) {
  return rowsOf<{ action: string }>(
    await t.database.db.execute(
      sql`select action from audit_events where entity = 'support' and entity_id = ${entityId} order by id`,
    ),
  ).map((r) => r.action);
}

describe('recording what a household receives', () => {
  it('records a support with its source, value, decision and proof, audited; the household lists it with the total', async () => {
    const h = await buildHousehold(t.database.db);
    const res = await officer.post(`/api/households/${h.id}/supports`, gift());
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({ kind: 'tet_gift', value: 500_000, decisionNumber: '12/QĐ-MTTQ', cancelled: false });
    expect(await audited(created.id)).toEqual(['support.record']);
    const card = await officer.post(`/api/households/${h.id}/supports`, {
      ...gift({ kind: 'health_insurance', sourceCode: 'local_budget', value: 1_105_650 }),
      memberId: h.members[1]!.id,
    });
    expect(card.statusCode, card.body).toBe(201);
    expect(card.json().memberName).toBe('Trần Thị Bình');
    const list = (await officer.get(`/api/households/${h.id}/supports?sort=date&order=desc`)).json();
    expect(list.total).toBe(2);
    expect(list.totalValue).toBe(1_605_650);
  });

  it('refuses a second support of a kind the programme gives once, naming the earlier one, and writes nothing', async () => {
    const h = await buildHousehold(t.database.db);
    expect((await officer.post(`/api/households/${h.id}/supports`, gift())).statusCode).toBe(201);
    const again = await officer.post(`/api/households/${h.id}/supports`, gift({ date: '2026-12-30' }));
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'support_repeated' });
    expect(again.json().detail).toContain('ngày 20/01/2026');
    expect((await officer.get(`/api/households/${h.id}/supports`)).json().total).toBe(1);
    // Next year it is allowed.
    expect((await officer.post(`/api/households/${h.id}/supports`, gift({ date: '2027-01-25' }))).statusCode).toBe(201);
  });

  it('a cancelled record no longer counts: the support can then be recorded again; cancelling twice is refused', async () => {
    const h = await buildHousehold(t.database.db);
    const house = { kind: 'house_build', sourceCode: 'ntp2021_project_5', value: 40_000_000, date: '2024-05-02' };
    const first = (await officer.post(`/api/households/${h.id}/supports`, house)).json();
    expect((await officer.post(`/api/households/${h.id}/supports`, { ...house, date: '2025-03-01' })).statusCode).toBe(
      409,
    );
    const cancel = await officer.post(`/api/supports/${first.id}/cancellation`, { reason: 'Nhập nhầm hộ' });
    expect(cancel.statusCode, cancel.body).toBe(200);
    expect(cancel.json()).toMatchObject({ cancelled: true, cancelReason: 'Nhập nhầm hộ' });
    expect((await officer.get(`/api/households/${h.id}/supports`)).json()).toMatchObject({
      total: 1,
      inForce: 0,
      totalValue: 0,
    });
    expect(await audited(first.id)).toEqual(['support.record', 'support.cancel']);
    expect((await officer.post(`/api/supports/${first.id}/cancellation`, { reason: 'lần nữa' })).statusCode).toBe(409);
    expect((await officer.post(`/api/households/${h.id}/supports`, { ...house, date: '2025-03-01' })).statusCode).toBe(
      201,
    );
  });

  it('two concurrent entries of a once-only support: exactly one is recorded', async () => {
    const h = await buildHousehold(t.database.db);
    const results = await Promise.all(
      [1, 2, 3].map(() => officer.post(`/api/households/${h.id}/supports`, gift({ date: '2026-02-01' }))),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
  });
});

describe('bad input is refused by field, and nothing is written', () => {
  it('names the field for each kind of mistake', async () => {
    const h = await buildHousehold(t.database.db);
    const cases: [Record<string, unknown>, string][] = [
      [gift({ value: 0 }), 'value'],
      [gift({ value: 1.5 }), 'value'],
      [gift({ value: '500000' }), 'value'],
      [gift({ kind: 'car' }), 'kind'],
      [gift({ date: '2026-02-30' }), 'date'],
      [gift({ sourceCode: 'nowhere' }), 'sourceCode'],
      [gift({ kind: 'health_insurance' }), 'memberId'],
      [gift({ memberId: '00000000-0000-4000-8000-000000000000' }), 'memberId'],
      [gift({ kind: 'policy_loan', sourceCode: 'vbsp', value: 50_000_000 }), 'loanTermMonths'],
      [gift({ loanTermMonths: 12 }), 'loanTermMonths'],
      [
        gift({ kind: 'policy_loan', sourceCode: 'vbsp', loanTermMonths: 36, loanOutstanding: 900_000 }),
        'loanOutstanding',
      ],
      [gift({ extra: 1 }), ''],
    ];
    for (const [body, field] of cases) {
      const res = await officer.post(`/api/households/${h.id}/supports`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      if (field) expect(JSON.stringify(res.json().errors), JSON.stringify(body)).toContain(field);
    }
    expect((await officer.get(`/api/households/${h.id}/supports`)).json().total).toBe(0);
  });
});

describe('scope and roles', () => {
  it("another commune's officer can neither read nor record; a viewer reads without the notes", async () => {
    const h = await buildHousehold(t.database.db);
    const created = (
      await officer.post(`/api/households/${h.id}/supports`, gift({ note: 'Hộ có người ốm nặng' }))
    ).json();
    const elsewhere = await signIn(t, { scopeCode: CAM_XUYEN });
    expect((await elsewhere.get(`/api/households/${h.id}/supports`)).statusCode).toBe(404);
    expect((await elsewhere.post(`/api/households/${h.id}/supports`, gift({ date: '2027-01-02' }))).statusCode).toBe(
      404,
    );
    expect((await elsewhere.post(`/api/supports/${created.id}/cancellation`, { reason: 'x' })).statusCode).toBe(404);
    const viewer = await signIn(t, { roles: ['viewer'] });
    const seen = (await viewer.get(`/api/households/${h.id}/supports`)).json();
    expect(seen.items[0]).toMatchObject({ value: 500_000, note: null, handoverProof: null });
    expect((await viewer.post(`/api/households/${h.id}/supports`, gift({ date: '2027-01-02' }))).statusCode).toBe(403);
  });
});
