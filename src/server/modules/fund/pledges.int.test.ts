import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../../../../test/helpers/app';
import { buildFund, CAM_XUYEN, THACH_HA } from '../../../../test/helpers/factories';
import { expectAuditedWrite, expectRefused } from '../../../../test/helpers/trace';
import { fundDonors, fundPledgePayments, fundPledges, fundPostings } from './tables';

let t: TestApp;
let officer: Awaited<ReturnType<typeof signIn>>;
let viewer: Awaited<ReturnType<typeof signIn>>;
let neighbour: Awaited<ReturnType<typeof signIn>>;
let fund: Awaited<ReturnType<typeof buildFund>>;
let otherFund: Awaited<ReturnType<typeof buildFund>>;
const TABLES = [fundPledges, fundPledgePayments, fundPostings, fundDonors];

const pledge = (extra: Record<string, unknown> = {}) => ({
  donor: { kind: 'business', name: 'Công ty TNHH Hòa Bình', publishName: true },
  amount: 10_000_000,
  dueDate: '2026-11-30',
  ...extra,
});

beforeAll(async () => {
  t = await createTestApp();
  fund = await buildFund(t.database.db, { unitCode: THACH_HA });
  otherFund = await buildFund(t.database.db, { unitCode: CAM_XUYEN });
  officer = await signIn(t, { scopeCode: THACH_HA, roles: ['officer'] });
  viewer = await signIn(t, { scopeCode: THACH_HA, roles: ['viewer'] });
  neighbour = await signIn(t, { scopeCode: CAM_XUYEN, roles: ['officer'] });
});
afterAll(() => t.close());

async function createPledge(extra: Record<string, unknown> = {}) {
  const res = await officer.post(`/api/funds/${fund.id}/pledges`, pledge(extra));
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const pay = (p: { id: string; donor: { id: string } }, amount: number) =>
  officer.post(`/api/funds/${fund.id}/receipts`, {
    amount,
    date: '2026-11-02',
    method: 'cash',
    donorId: p.donor.id,
    pledgeId: p.id,
  });

describe('pledges', () => {
  it('records a pledge with its transfer reference, open, audited', async () => {
    const { body, event } = await expectAuditedWrite(
      t.database.db,
      () => officer.post(`/api/funds/${fund.id}/pledges`, pledge()),
      201,
    );
    expect(body).toMatchObject({
      amount: 10_000_000,
      paid: 0,
      status: 'open',
      dueDate: '2026-11-30',
      donor: { kind: 'business', name: 'Công ty TNHH Hòa Bình' },
    });
    expect(body.reference).toMatch(/^CK[A-HJ-NP-Z2-9]{6}$/u);
    expect(event).toMatchObject({ action: 'fund.pledge.create', entity: 'fund_pledge', communeCode: THACH_HA });
  });

  it.each([
    ['a zero amount', { amount: 0 }, 'amount'],
    ['an impossible due date', { dueDate: '2026-02-30' }, 'dueDate'],
    ['no donor', { donor: undefined }, 'donor'],
    ['a named donor without a name', { donor: { kind: 'individual' } }, 'donor.name'],
  ])('refuses %s, naming the field, changing nothing', async (_, extra, field) => {
    await expectRefused(t.database.db, TABLES, () => officer.post(`/api/funds/${fund.id}/pledges`, pledge(extra)), {
      status: 400,
      code: 'validation_failed',
      field,
    });
  });

  it('refuses a campaign of another fund', async () => {
    const campaign = (
      await neighbour.post(`/api/funds/${otherFund.id}/campaigns`, {
        name: 'Tết vì người nghèo',
        startDate: '2026-01-05',
        endDate: '2026-02-15',
      })
    ).json();
    await expectRefused(
      t.database.db,
      TABLES,
      () => officer.post(`/api/funds/${fund.id}/pledges`, pledge({ campaignId: campaign.id })),
      { status: 400, code: 'validation_failed', field: 'campaignId' },
    );
  });

  it('only those who keep the fund record pledges; another commune does not see them', async () => {
    await expectRefused(t.database.db, TABLES, () => viewer.post(`/api/funds/${fund.id}/pledges`, pledge()), {
      status: 403,
      code: 'forbidden',
    });
    const created = await createPledge();
    expect((await neighbour.get(`/api/pledges/${created.id}`)).statusCode).toBe(404);
    expect((await neighbour.get(`/api/funds/${fund.id}/pledges`)).statusCode).toBe(404);
    expect((await viewer.get(`/api/pledges/${created.id}`)).json()).toMatchObject({ id: created.id, canPost: false });
  });

  it('is paid by its receipts: partly, then in full; never more than pledged; a reversed receipt no longer counts', async () => {
    const p = await createPledge({ amount: 5_000_000 });
    const first = await pay(p, 2_000_000);
    expect(first.statusCode, first.body).toBe(201);
    expect((await officer.get(`/api/pledges/${p.id}`)).json()).toMatchObject({
      paid: 2_000_000,
      status: 'partly_paid',
    });

    await expectRefused(t.database.db, TABLES, () => pay(p, 3_000_001), {
      status: 409,
      code: 'pledge_overpaid',
      field: 'amount',
    });
    expect((await pay(p, 3_000_000)).statusCode).toBe(201);
    expect((await officer.get(`/api/pledges/${p.id}`)).json()).toMatchObject({ paid: 5_000_000, status: 'paid' });

    const reversal = await officer.post(`/api/postings/${first.json().id}/reversal`, { reason: 'Ghi nhầm' });
    expect(reversal.statusCode, reversal.body).toBe(201);
    expect((await officer.get(`/api/pledges/${p.id}`)).json()).toMatchObject({
      paid: 3_000_000,
      status: 'partly_paid',
    });
  });

  it('a payment must come from the donor who pledged', async () => {
    const p = await createPledge();
    await expectRefused(
      t.database.db,
      TABLES,
      () =>
        officer.post(`/api/funds/${fund.id}/receipts`, {
          amount: 1_000,
          date: '2026-11-02',
          method: 'cash',
          donor: { kind: 'anonymous' },
          pledgeId: p.id,
        }),
      { status: 400, code: 'validation_failed', field: 'donorId' },
    );
  });

  it('cancels what is left, audited; a cancelled pledge takes no payment; lists filter by status', async () => {
    const p = await createPledge({ amount: 4_000_000 });
    const { body, event } = await expectAuditedWrite(
      t.database.db,
      () => officer.post(`/api/pledges/${p.id}/cancellation`, { reason: 'Doanh nghiệp rút cam kết' }),
      200,
    );
    expect(body).toMatchObject({ status: 'cancelled', cancelReason: 'Doanh nghiệp rút cam kết' });
    expect(event).toMatchObject({ action: 'fund.pledge.cancel' });
    await expectRefused(t.database.db, TABLES, () => pay(p, 1_000), { status: 409, code: 'pledge_cancelled' });
    await expectRefused(
      t.database.db,
      TABLES,
      () => officer.post(`/api/pledges/${p.id}/cancellation`, { reason: 'Lần nữa' }),
      { status: 409, code: 'pledge_closed' },
    );
    const cancelled = (await officer.get(`/api/funds/${fund.id}/pledges?status=cancelled`)).json();
    expect(cancelled.items.map((i: { id: string }) => i.id)).toContain(p.id);
    expect(cancelled.items.every((i: { status: string }) => i.status === 'cancelled')).toBe(true);
  });

  it('has its own VietQR: its reference in the note, what is left as the amount', async () => {
    const p = await createPledge({ amount: 3_000_000 });
    await pay(p, 1_000_000);
    const qr = (await officer.get(`/api/pledges/${p.id}/vietqr`)).json();
    expect(qr.note).toContain(p.reference);
    expect(qr.payload).toContain('54072000000'); // EMVCo field 54 (amount): 7 characters, 2000000
    expect(qr.svg).toContain('<svg');
  });
});
