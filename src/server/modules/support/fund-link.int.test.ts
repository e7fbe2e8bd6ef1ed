import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../../../../test/helpers/app';
import { buildHousehold, CAM_XUYEN, THACH_HA } from '../../../../test/helpers/factories';
import { fundedCommuneFund } from '../../../../test/helpers/support';
import { rowsOf } from '../../platform/db/database';

let t: TestApp;
let officer: Awaited<ReturnType<typeof signIn>>;
let fundId: string;

beforeAll(async () => {
  t = await createTestApp();
  officer = await signIn(t, { scopeCode: THACH_HA, roles: ['officer'] });
  fundId = await fundedCommuneFund(t.database.db, officer, 500_000_000, '2026-01-02');
});
afterAll(() => t.close());

const house = (extra: Record<string, unknown> = {}) => ({
  kind: 'house_repair',
  sourceCode: 'fund',
  fundId,
  value: 30_000_000,
  date: '2026-03-05',
  decisionNumber: '21/QĐ-MTTQ',
  handoverProof: 'Biên bản bàn giao ngày 05/03/2026',
  ...extra,
});

async function audited(entity: string, entityId: string) {
  return rowsOf<{ action: string }>(
    await t.database.db.execute(
      sql`select action from audit_events where entity = ${entity} and entity_id = ${entityId} order by id`,
    ),
  ).map((r) => r.action);
}

const count = async (table: 'support_records' | 'fund_postings') =>
  rowsOf<{ n: number }>(await t.database.db.execute(sql`select count(*)::int as n from ${sql.identifier(table)}`))[0]!
    .n;

/** The three totals a user reads: the household's support, the fund's spending by purpose, the province's coverage. */
async function totals(householdId: string) {
  const household = (await officer.get(`/api/households/${householdId}/supports`)).json();
  const fund = (await t.app.inject({ method: 'GET', url: `/api/public/funds/${fundId}` })).json();
  return {
    household: household.totalValue as number,
    fundSpent: fund.spentTotal as number,
    repairs: (fund.spendingByPurpose as { purpose: string; amount: number }[]).find((p) => p.purpose === 'house_repair')
      ?.amount,
  };
}

describe('a support paid from the Fund is one fact with its expenditure', () => {
  it('recording the support posts the expenditure in the same step; each names the other; counted once everywhere', async () => {
    const h = await buildHousehold(t.database.db);
    const before = await totals(h.id);
    const res = await officer.post(`/api/households/${h.id}/supports`, house());
    expect(res.statusCode, res.body).toBe(201);
    const support = res.json();
    expect(support.fundPostingId).toBeTruthy();
    const posting = (await officer.get(`/api/postings/${support.fundPostingId}`)).json();
    expect(posting).toMatchObject({
      kind: 'expenditure',
      amount: 30_000_000,
      purpose: 'house_repair',
      householdId: h.id,
    });
    expect(await audited('support', support.id)).toEqual(['support.record']);
    expect(await audited('fund_posting', posting.id)).toEqual(['fund.expenditure']);
    const after = await totals(h.id);
    expect(after.household - before.household).toBe(30_000_000);
    expect(after.fundSpent - before.fundSpent).toBe(30_000_000);
    expect((after.repairs ?? 0) - (before.repairs ?? 0)).toBe(30_000_000);
  });

  it('an expenditure to a household posted on the fund page becomes its support record', async () => {
    const h = await buildHousehold(t.database.db);
    const res = await officer.post(`/api/funds/${fundId}/expenditures`, {
      amount: 1_000_000,
      date: '2026-01-20',
      purpose: 'tet_gift',
      householdId: h.id,
      decisionNumber: '3/QĐ-MTTQ',
      description: 'Quà Tết Bính Ngọ',
    });
    expect(res.statusCode, res.body).toBe(201);
    const list = (await officer.get(`/api/households/${h.id}/supports`)).json();
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({
      kind: 'tet_gift',
      sourceCode: 'fund',
      value: 1_000_000,
      fundPostingId: res.json().id,
      note: 'Quà Tết Bính Ngọ',
    });
    expect(list.totalValue).toBe(1_000_000);
  });

  it('a second Tết gift from the fund page is refused by the repeat rule and nothing is posted', async () => {
    const h = await buildHousehold(t.database.db);
    const gift = {
      amount: 500_000,
      date: '2026-01-21',
      purpose: 'tet_gift',
      householdId: h.id,
      decisionNumber: '4/QĐ-MTTQ',
    };
    expect((await officer.post(`/api/funds/${fundId}/expenditures`, gift)).statusCode).toBe(201);
    const [supports, postings] = [await count('support_records'), await count('fund_postings')];
    const again = await officer.post(`/api/funds/${fundId}/expenditures`, { ...gift, date: '2026-02-01' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'support_repeated' });
    expect([await count('support_records'), await count('fund_postings')]).toEqual([supports, postings]);
  });

  it('reversing the posting cancels the support; cancelling the support reverses the posting — each audited, totals back', async () => {
    const h = await buildHousehold(t.database.db);
    const base = await totals(h.id);
    const a = (await officer.post(`/api/households/${h.id}/supports`, house())).json();
    const reversal = await officer.post(`/api/postings/${a.fundPostingId}/reversal`, { reason: 'Ghi nhầm hộ' });
    expect(reversal.statusCode, reversal.body).toBe(201);
    let list = (await officer.get(`/api/households/${h.id}/supports`)).json();
    expect(list.items[0]).toMatchObject({ id: a.id, cancelled: true, cancelReason: 'Ghi nhầm hộ' });
    expect(await audited('support', a.id)).toEqual(['support.record', 'support.cancel']);
    expect(await totals(h.id)).toEqual(base);

    // Cancelled, the repair may be recorded again; cancelling it from the support side reverses its posting.
    const b = (await officer.post(`/api/households/${h.id}/supports`, house({ date: '2026-04-01' }))).json();
    const cancel = await officer.post(`/api/supports/${b.id}/cancellation`, { reason: 'Hộ không nhận' });
    expect(cancel.statusCode, cancel.body).toBe(200);
    expect((await officer.get(`/api/postings/${b.fundPostingId}`)).json().reversedBy).toBeTruthy();
    expect(await totals(h.id)).toEqual(base);
    list = (await officer.get(`/api/households/${h.id}/supports`)).json();
    expect(list).toMatchObject({ total: 2, inForce: 0, totalValue: 0 });
    // Either side again is refused, nothing changes.
    expect((await officer.post(`/api/supports/${b.id}/cancellation`, { reason: 'Lần nữa' })).statusCode).toBe(409);
    expect((await officer.post(`/api/postings/${b.fundPostingId}/reversal`, { reason: 'Lần nữa' })).statusCode).toBe(
      409,
    );
  });

  it('refuses bad input with the field named and writes nothing', async () => {
    const h = await buildHousehold(t.database.db);
    const [supports, postings] = [await count('support_records'), await count('fund_postings')];
    const noFund = await officer.post(`/api/households/${h.id}/supports`, house({ fundId: null }));
    expect(noFund.statusCode).toBe(400);
    expect(noFund.body).toContain('cần chọn quỹ chi');
    const loan = await officer.post(
      `/api/households/${h.id}/supports`,
      house({ kind: 'policy_loan', loanTermMonths: 36 }),
    );
    expect(loan.statusCode).toBe(400);
    expect(loan.body).toContain('không chi từ Quỹ');
    const tooMuch = await officer.post(`/api/households/${h.id}/supports`, house({ value: 900_000_000 }));
    expect(tooMuch.statusCode).toBe(409);
    expect(tooMuch.json().code).toBe('fund_overdraft');
    expect([await count('support_records'), await count('fund_postings')]).toEqual([supports, postings]);
  });

  it('keeps to the area: another commune’s officer can neither spend this fund nor cancel the support', async () => {
    const h = await buildHousehold(t.database.db);
    const a = (await officer.post(`/api/households/${h.id}/supports`, house())).json();
    const other = await signIn(t, { scopeCode: CAM_XUYEN, roles: ['officer'] });
    expect((await other.post(`/api/supports/${a.id}/cancellation`, { reason: 'x' })).statusCode).toBe(404);
    expect((await other.post(`/api/postings/${a.fundPostingId}/reversal`, { reason: 'x' })).statusCode).toBe(404);
    const theirs = await buildHousehold(t.database.db, { communeCode: CAM_XUYEN });
    const spend = await other.post(`/api/households/${theirs.id}/supports`, house());
    expect([403, 404]).toContain(spend.statusCode);
  });
});
