import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../../../../test/helpers/app';
import { buildFund, CAM_XUYEN, THACH_HA } from '../../../../test/helpers/factories';
import { expectAuditedWrite, expectRefused } from '../../../../test/helpers/trace';
import { fundDonors } from './tables';

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
  phone: string | null;
  publishName: boolean;
  version: number;
  receipts: number;
  given: number;
  lastDate: string | null;
}

const give = (amount: number, date: string, donor: Record<string, unknown>) =>
  officer.post(`/api/funds/${fund.id}/receipts`, { amount, date, method: 'cash', ...donor });
const donors = async (query = '') => {
  const res = await officer.get(`/api/funds/${fund.id}/donors${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: Donor[]; total: number };
};

beforeAll(async () => {
  t = await createTestApp();
  fund = await buildFund(t.database.db, { unitCode: THACH_HA });
  other = await buildFund(t.database.db, { unitCode: CAM_XUYEN });
  officer = await signIn(t, { scopeCode: THACH_HA, roles: ['fund_accountant'] });
  viewer = await signIn(t, { scopeCode: THACH_HA, roles: ['viewer'] });
  stranger = await signIn(t, { scopeCode: CAM_XUYEN, roles: ['fund_accountant'] });
  // Trần Văn Bình gives twice, once reversed; a business once; someone anonymously.
  const first = (
    await give(2_000_000, '2026-03-01', {
      donor: { kind: 'individual', name: 'Trần Văn Bình', phone: '0912345678', publishName: false },
    })
  ).json();
  await give(500_000, '2026-03-05', { donorId: first.donor.id });
  const wrong = (await give(9_000_000, '2026-03-06', { donorId: first.donor.id })).json();
  await officer.post(`/api/postings/${wrong.id}/reversal`, { reason: 'Ghi nhầm số tiền' });
  await give(10_000_000, '2026-03-02', {
    donor: { kind: 'business', name: 'Công ty TNHH Đồng Tâm', publishName: true },
  });
  await give(100_000, '2026-03-03', { donor: { kind: 'anonymous' } });
  // Another commune's donor is not this fund's.
  await stranger.post(`/api/funds/${other.id}/receipts`, {
    amount: 1_000,
    date: '2026-03-01',
    method: 'cash',
    donor: { kind: 'individual', name: 'Trần Văn Bình' },
  });
});
afterAll(() => t.close());

describe('the donors of a fund', () => {
  it('lists its donors with what each gave, reversed receipts left out', async () => {
    const { items, total } = await donors('?sort=given&order=desc');
    expect(total).toBe(3);
    expect(items.map((d) => [d.name, d.kind, d.receipts, d.given, d.lastDate])).toEqual([
      ['Công ty TNHH Đồng Tâm', 'business', 1, 10_000_000, '2026-03-02'],
      ['Trần Văn Bình', 'individual', 2, 2_500_000, '2026-03-05'],
      [null, 'anonymous', 1, 100_000, '2026-03-03'],
    ]);
  });

  it('finds a donor without accents, by phone, and filters by kind', async () => {
    expect((await donors('?q=tran van binh')).items.map((d) => d.name)).toEqual(['Trần Văn Bình']);
    expect((await donors('?q=0912345')).items.map((d) => d.name)).toEqual(['Trần Văn Bình']);
    expect((await donors('?kind=business')).items.map((d) => d.name)).toEqual(['Công ty TNHH Đồng Tâm']);
    expect((await officer.get(`/api/funds/${fund.id}/donors?kind=someone`)).statusCode).toBe(400);
  });

  it('is not shown to another commune', async () => {
    expect((await stranger.get(`/api/funds/${fund.id}/donors`)).statusCode).toBe(404);
  });
});

describe('correcting a donor', () => {
  const binh = async () => (await donors('?q=binh')).items[0]!;

  it('changes contact details and consent, audited, and the public page names the donor from then on', async () => {
    const publicNames = async () =>
      (
        (await t.app.inject({ method: 'GET', url: `/api/public/funds/${fund.id}` })).json().receipts as {
          donor: string;
        }[]
      ).map((r) => r.donor);
    expect(await publicNames()).not.toContain('Trần Văn Bình');

    const donor = await binh();
    const { body, event } = await expectAuditedWrite(
      t.database.db,
      () =>
        officer.put(`/api/donors/${donor.id}`, {
          version: donor.version,
          name: 'Trần Văn Bình',
          phone: '0987 654 321',
          email: 'binh@example.vn',
          address: 'Thôn Đông, xã Thạch Hà',
          publishName: true,
        }),
      200,
    );
    expect(body).toMatchObject({ phone: '0987 654 321', publishName: true, version: donor.version + 1 });
    expect(event).toMatchObject({ action: 'fund.donor.update', entityId: donor.id });
    expect(event.before).toMatchObject({ publishName: false, phone: '0912345678' });
    expect(event.after).toMatchObject({ publishName: true, email: 'binh@example.vn' });
    expect((await publicNames()).filter((n) => n === 'Trần Văn Bình')).toHaveLength(2);

    // Consent withdrawn: "Nhà hảo tâm" again.
    await officer.put(`/api/donors/${donor.id}`, { version: body.version, name: 'Trần Văn Bình', publishName: false });
    expect(await publicNames()).not.toContain('Trần Văn Bình');
  });

  it('refuses a stale version, a missing name, a name for an anonymous donor; changes nothing', async () => {
    const donor = await binh();
    const put = (id: string, body: Record<string, unknown>) => () => officer.put(`/api/donors/${id}`, body);
    await expectRefused(
      t.database.db,
      [fundDonors],
      put(donor.id, { version: donor.version - 1, name: 'Trần Bình', publishName: true }),
      { status: 409, code: 'stale_version' },
    );
    await expectRefused(t.database.db, [fundDonors], put(donor.id, { version: donor.version, publishName: true }), {
      status: 400,
      code: 'validation_failed',
      field: 'name',
    });
    const anonymous = (await donors('?kind=anonymous')).items[0]!;
    await expectRefused(
      t.database.db,
      [fundDonors],
      put(anonymous.id, { version: anonymous.version, name: 'Ai đó', publishName: true }),
      { status: 400, code: 'validation_failed', field: 'name' },
    );
    await expectRefused(t.database.db, [fundDonors], put(donor.id, { version: donor.version, name: 'X' }), {
      status: 400,
      code: 'validation_failed',
      field: 'publishName',
    });
  });

  it('is for the officers who keep the fund of the donor’s unit', async () => {
    const donor = await binh();
    const body = { version: donor.version, name: 'Trần Văn Bình', publishName: true };
    await expectRefused(t.database.db, [fundDonors], () => viewer.put(`/api/donors/${donor.id}`, body), {
      status: 403,
      code: 'forbidden',
    });
    await expectRefused(t.database.db, [fundDonors], () => stranger.put(`/api/donors/${donor.id}`, body), {
      status: 404,
      code: 'not_found',
    });
  });
});
