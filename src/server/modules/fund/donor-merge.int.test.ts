import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../../../../test/helpers/app';
import { buildFund, CAM_XUYEN, systemAdmin, THACH_HA } from '../../../../test/helpers/factories';
import { auditTrail, expectAuditedWrite, expectRefused, traceOf } from '../../../../test/helpers/trace';
import { readWorkbook } from '../../../../test/helpers/workbooks';
import { fundDonors, fundPostings } from './tables';
import { verifyLedger } from './verify';

let t: TestApp;
let officer: Awaited<ReturnType<typeof signIn>>;
let viewer: Awaited<ReturnType<typeof signIn>>;
let stranger: Awaited<ReturnType<typeof signIn>>;
let fund: Awaited<ReturnType<typeof buildFund>>;
let other: Awaited<ReturnType<typeof buildFund>>;

interface Donor {
  id: string;
  kind: string;
  name: string | null;
  version: number;
  mergedInto: string | null;
  receipts: number;
  given: number;
  merged: { id: string; name: string | null; version: number }[];
}

const ids: Record<'minhPhat' | 'cty' | 'caps' | 'binh' | 'anonymous' | 'theirs', string> = {} as never;
let ctyReceipt: { id: string; receiptNumber: string };
let ctyPledge: { id: string };

const give = (amount: number, date: string, donor: Record<string, unknown>) =>
  officer.post(`/api/funds/${fund.id}/receipts`, { amount, date, method: 'cash', ...donor });
const donors = async () => {
  const res = await officer.get(`/api/funds/${fund.id}/donors?sort=given&order=desc`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { items: Donor[] }).items;
};
const donor = async (id: string) => (await t.database.db.select().from(fundDonors)).find((d) => d.id === id)!;
const merge = (id: string, body: Record<string, unknown>) => () => officer.post(`/api/donors/${id}/merge`, body);
const unmerge = (id: string, body: Record<string, unknown>) => () => officer.post(`/api/donors/${id}/unmerge`, body);
const publicDonors = async () =>
  ((await t.app.inject({ method: 'GET', url: `/api/public/funds/${fund.id}` })).json().receipts as { donor: string }[])
    .map((r) => r.donor)
    .sort();
/** The report's receipts by kind of donor, for 2026. */
const byDonorKind = async () => {
  const xlsx = await officer.get(`/api/funds/${fund.id}/report?from=2026-01-01&to=2026-12-31&format=xlsx`);
  expect(xlsx.statusCode, xlsx.body).toBe(200);
  const [rows] = Object.values(await readWorkbook(xlsx.rawPayload));
  return Object.fromEntries(
    rows!.flatMap(([label, amount]) =>
      typeof label === 'string' && label.includes('Theo nhà hảo tâm') ? [[label.trim(), amount]] : [],
    ),
  );
};

beforeAll(async () => {
  t = await createTestApp();
  fund = await buildFund(t.database.db, { unitCode: THACH_HA });
  other = await buildFund(t.database.db, { unitCode: CAM_XUYEN });
  officer = await signIn(t, { scopeCode: THACH_HA, roles: ['fund_accountant'] });
  viewer = await signIn(t, { scopeCode: THACH_HA, roles: ['viewer'] });
  stranger = await signIn(t, { scopeCode: CAM_XUYEN, roles: ['fund_accountant'] });
  // The same company entered three ways: as a business that agreed to be named, as an
  // organisation that did not (twice, once reversed), and once more in capitals.
  const first = (
    await give(5_000_000, '2026-10-20', {
      donor: { kind: 'business', name: 'Công ty TNHH Minh Phát', publishName: true },
    })
  ).json();
  ids.minhPhat = first.donor.id;
  ctyReceipt = (
    await give(3_000_000, '2026-10-21', {
      donor: { kind: 'organization', name: 'Cty TNHH Minh Phát', publishName: false },
    })
  ).json();
  ids.cty = (await officer.get(`/api/postings/${ctyReceipt.id}`)).json().donor.id;
  const pledged = await officer.post(`/api/funds/${fund.id}/pledges`, {
    donorId: ids.cty,
    amount: 2_000_000,
    dueDate: '2026-11-30',
  });
  expect(pledged.statusCode, pledged.body).toBe(201);
  ctyPledge = pledged.json();
  const wrong = (await give(9_000_000, '2026-10-22', { donorId: ids.cty })).json();
  await officer.post(`/api/postings/${wrong.id}/reversal`, { reason: 'Ghi nhầm số tiền' });
  ids.caps = (
    await give(500_000, '2026-10-23', { donor: { kind: 'business', name: 'CÔNG TY TNHH MINH PHÁT.' } })
  ).json().donor.id;
  ids.binh = (
    await give(200_000, '2026-10-24', { donor: { kind: 'individual', name: 'Ông Trần Văn Bình' } })
  ).json().donor.id;
  ids.anonymous = (await give(100_000, '2026-10-25', { donor: { kind: 'anonymous' } })).json().donor.id;
  // Another commune's fund met the same company.
  ids.theirs = (
    await stranger.post(`/api/funds/${other.id}/receipts`, {
      amount: 1_000,
      date: '2026-10-20',
      method: 'cash',
      donor: { kind: 'business', name: 'Công ty TNHH Minh Phát' },
    })
  ).json().donor.id;
}, 60_000);
afterAll(() => t.close());

describe('likely duplicates', () => {
  it('groups the donors of the fund whose names read the same without accents, case, punctuation or "Cty"', async () => {
    const res = await officer.get(`/api/funds/${fund.id}/donors/duplicates`);
    expect(res.statusCode, res.body).toBe(200);
    const { groups } = res.json() as { groups: { key: string; donors: Donor[] }[] };
    // Trần Văn Bình has no twin, the anonymous donor no name, the other commune's company is theirs.
    expect(groups.map((g) => [g.key, g.donors.map((d) => [d.name, d.given])])).toEqual([
      [
        'cong ty tnhh minh phat',
        [
          ['Công ty TNHH Minh Phát', 5_000_000],
          ['Cty TNHH Minh Phát', 3_000_000],
          ['CÔNG TY TNHH MINH PHÁT.', 500_000],
        ],
      ],
    ]);
    expect((await stranger.get(`/api/funds/${fund.id}/donors/duplicates`)).statusCode).toBe(404);
  });
});

describe('merging a duplicate donor', () => {
  it('counts its receipts under the donor kept everywhere donors are summed; the ledger and the receipts stay as written', async () => {
    expect(await byDonorKind()).toEqual({
      'Theo nhà hảo tâm: Doanh nghiệp': 5_500_000,
      'Theo nhà hảo tâm: Tổ chức': 3_000_000,
      'Theo nhà hảo tâm: Cá nhân': 200_000,
      'Theo nhà hảo tâm: Ẩn danh': 100_000,
    });
    expect((await publicDonors()).filter((n) => n.includes('Minh Phát'))).toEqual(['Công ty TNHH Minh Phát']);
    const ledger = await t.database.db.select().from(fundPostings);
    const cty = await donor(ids.cty);

    const { body, event } = await expectAuditedWrite(
      t.database.db,
      merge(ids.cty, { intoId: ids.minhPhat, version: cty.version, reason: 'Cùng mã số thuế 3001234567' }),
      200,
    );
    expect(body).toMatchObject({ id: ids.cty, mergedInto: ids.minhPhat, version: cty.version + 1 });
    expect(event).toMatchObject({ action: 'fund.donor.merge', entity: 'fund_donor', entityId: ids.cty });
    expect(event.before).toMatchObject({ mergedInto: null });
    expect(event.after).toMatchObject({
      mergedInto: ids.minhPhat,
      into: { id: ids.minhPhat, name: 'Công ty TNHH Minh Phát' },
      reason: 'Cùng mã số thuế 3001234567',
    });

    // The donors tab: the duplicate is gone, its receipt (not the reversed one) counts under the survivor.
    const list = await donors();
    expect(list.map((d) => d.id)).not.toContain(ids.cty);
    expect(list.find((d) => d.id === ids.minhPhat)).toMatchObject({
      receipts: 2,
      given: 8_000_000,
      merged: [{ id: ids.cty, name: 'Cty TNHH Minh Phát', version: cty.version + 1 }],
    });
    // Nor is it offered for new receipts.
    const all = (await officer.get('/api/donors?limit=100')).json().items as Donor[];
    expect(all.map((d) => d.id)).not.toContain(ids.cty);
    // The report counts it under the survivor's kind.
    expect(await byDonorKind()).toMatchObject({ 'Theo nhà hảo tâm: Doanh nghiệp': 8_500_000 });
    expect(await byDonorKind()).not.toHaveProperty(['Theo nhà hảo tâm: Tổ chức']);
    // The public page names it as the survivor, by the survivor's consent: one donor.
    expect((await publicDonors()).filter((n) => n.includes('Minh Phát'))).toEqual([
      'Công ty TNHH Minh Phát',
      'Công ty TNHH Minh Phát',
    ]);
    // The ledger is untouched; the receipt (and its PDF) keeps the name it was written with.
    expect(await t.database.db.select().from(fundPostings)).toEqual(ledger);
    expect((await officer.get(`/api/postings/${ctyReceipt.id}`)).json().donor).toEqual({
      id: ids.cty,
      kind: 'organization',
      name: 'Cty TNHH Minh Phát',
    });
    expect((await officer.get(`/api/postings/${ctyReceipt.id}/receipt.pdf`)).statusCode).toBe(200);
    const admin = await systemAdmin(t.database.db);
    expect((await verifyLedger(t.database.db, admin.scope)).ok).toBe(true);
    // A receipt that names the duplicate is recorded under the survivor from now on.
    const later = (await give(1_000_000, '2026-10-26', { donorId: ids.cty })).json();
    expect(later.donor).toEqual({ id: ids.minhPhat, kind: 'business', name: 'Công ty TNHH Minh Phát' });
    await officer.post(`/api/postings/${later.id}/reversal`, { reason: 'Thử ghi' });
    // The duplicate's pledge is listed under the donor kept (still found by the name it was
    // recorded with), and a payment naming the donor kept pays it.
    const pledges = (await officer.get(`/api/funds/${fund.id}/pledges?q=cty`)).json();
    expect(pledges.items.map((p: { id: string; donor: unknown }) => [p.id, p.donor])).toEqual([
      [ctyPledge.id, { id: ids.minhPhat, kind: 'business', name: 'Công ty TNHH Minh Phát' }],
    ]);
    expect(pledges.total).toBe(1);
    const payment = await give(2_000_000, '2026-11-02', { donorId: ids.minhPhat, pledgeId: ctyPledge.id });
    expect(payment.statusCode, payment.body).toBe(201);
    expect((await officer.get(`/api/funds/${fund.id}/pledges?status=paid`)).json().items).toMatchObject([
      { id: ctyPledge.id, paid: 2_000_000 },
    ]);
    await officer.post(`/api/postings/${payment.json().id}/reversal`, { reason: 'Thử ghi' });
  });

  it('resolves a merge into a merged donor to its survivor, and refuses one that would loop', async () => {
    const caps = await donor(ids.caps);
    // Into the merged duplicate: kept under its survivor, no chain.
    const { body } = await expectAuditedWrite(
      t.database.db,
      merge(ids.caps, { intoId: ids.cty, version: caps.version }),
      200,
    );
    expect(body.mergedInto).toBe(ids.minhPhat);
    // The survivor into one of its own duplicates: a loop.
    const kept = await donor(ids.minhPhat);
    await expectRefused(t.database.db, [fundDonors], merge(ids.minhPhat, { intoId: ids.caps, version: kept.version }), {
      status: 400,
      code: 'validation_failed',
      field: 'intoId',
    });
  });

  it('takes the duplicates already merged along when the donor they were merged into is merged in turn', async () => {
    const caps = await donor(ids.caps);
    await unmerge(ids.caps, { version: caps.version, reason: 'Giữ bản viết hoa làm bản chính' })();
    const kept = await donor(ids.minhPhat);
    const { result, events } = await traceOf(
      t.database.db,
      [],
      merge(ids.minhPhat, { intoId: ids.caps, version: kept.version }),
    );
    expect(result.statusCode, result.body).toBe(200);
    expect(events.map((e) => [e.action, e.entityId])).toEqual([
      ['fund.donor.merge', ids.minhPhat],
      ['fund.donor.merge', ids.cty],
    ]);
    expect((await donor(ids.cty)).mergedInto).toBe(ids.caps);
    const survivor = (await donors()).find((d) => d.id === ids.caps)!;
    expect(survivor).toMatchObject({ receipts: 3, given: 8_500_000 });
    expect(survivor.merged.map((m) => m.id).sort()).toEqual([ids.minhPhat, ids.cty].sort());
    // The public page now follows the survivor's consent: not named.
    expect((await publicDonors()).filter((n) => n.includes('Minh Phát'))).toEqual([]);
  });

  it('is undone with a reason: the duplicate stands on its own again, audited', async () => {
    const kept = await donor(ids.minhPhat);
    const { body, event } = await expectAuditedWrite(
      t.database.db,
      unmerge(ids.minhPhat, { version: kept.version, reason: 'Hai công ty khác nhau' }),
      200,
    );
    expect(body).toMatchObject({ id: ids.minhPhat, mergedInto: null });
    expect(event).toMatchObject({ action: 'fund.donor.unmerge', entityId: ids.minhPhat });
    expect(event.after).toMatchObject({ reason: 'Hai công ty khác nhau' });
    const list = await donors();
    expect(list.find((d) => d.id === ids.minhPhat)).toMatchObject({ receipts: 1, given: 5_000_000, merged: [] });
    expect(list.find((d) => d.id === ids.caps)).toMatchObject({ receipts: 2, given: 3_500_000 });
    expect((await auditTrail(t.database.db, 'fund_donor', ids.minhPhat)).map((e) => e.action)).toEqual([
      'fund.donor.merge',
      'fund.donor.unmerge',
    ]);
  });
});

describe('a merge refused', () => {
  it('for bad input, a stale version, a merged or anonymous donor — with a Vietnamese reason, changing nothing', async () => {
    const binh = await donor(ids.binh);
    const cty = await donor(ids.cty);
    const refused = (act: () => ReturnType<typeof officer.post>, status: number, code: string, field?: string) =>
      expectRefused(t.database.db, [fundDonors], act, { status, code, field });
    const invalid = (act: () => ReturnType<typeof officer.post>, field: string) =>
      refused(act, 400, 'validation_failed', field);
    const self = await invalid(merge(ids.binh, { intoId: ids.binh, version: binh.version }), 'intoId');
    expect(self.detail).toBe('Không thể gộp nhà hảo tâm vào chính mình.');
    await invalid(merge(ids.binh, { intoId: 'không-phải-mã', version: binh.version }), 'intoId');
    await invalid(merge(ids.binh, { version: binh.version }), 'intoId');
    await invalid(merge(ids.binh, { intoId: ids.caps }), 'version');
    // Another commune's donor of the same name is not this fund's.
    const caps = await donor(ids.caps);
    const theirs = await invalid(merge(ids.caps, { intoId: ids.theirs, version: caps.version }), 'intoId');
    expect(theirs.detail).toBe('Không tìm thấy nhà hảo tâm được giữ lại trong cùng quỹ.');
    await invalid(merge(ids.binh, { intoId: ids.anonymous, version: binh.version }), 'intoId');
    await refused(merge(ids.binh, { intoId: ids.caps, version: binh.version + 1 }), 409, 'stale_version');
    await refused(merge(ids.cty, { intoId: ids.binh, version: cty.version }), 409, 'donor_merged');
    const anonymous = await donor(ids.anonymous);
    await refused(merge(ids.anonymous, { intoId: ids.binh, version: anonymous.version }), 409, 'donor_anonymous');
    await refused(unmerge(ids.binh, { version: binh.version, reason: 'Thử' }), 409, 'donor_not_merged');
    await invalid(unmerge(ids.cty, { version: cty.version }), 'reason');
    await invalid(unmerge(ids.cty, { version: cty.version, reason: '   ' }), 'reason');
  });

  it('for those who do not keep the fund of the donor’s unit', async () => {
    const binh = await donor(ids.binh);
    const body = { intoId: ids.caps, version: binh.version };
    await expectRefused(t.database.db, [fundDonors], () => viewer.post(`/api/donors/${ids.binh}/merge`, body), {
      status: 403,
      code: 'forbidden',
    });
    await expectRefused(t.database.db, [fundDonors], () => stranger.post(`/api/donors/${ids.binh}/merge`, body), {
      status: 404,
      code: 'not_found',
    });
    const cty = await donor(ids.cty);
    await expectRefused(
      t.database.db,
      [fundDonors],
      () => stranger.post(`/api/donors/${ids.cty}/unmerge`, { version: cty.version, reason: 'Thử' }),
      { status: 404, code: 'not_found' },
    );
  });
});
