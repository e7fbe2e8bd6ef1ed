import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../../../test/helpers/app';
import { buildVillage, HA_TINH, systemAdmin, THACH_HA } from '../../../test/helpers/factories';
import { verifyLedger } from '../modules/fund/verify';
import { rowsOf } from '../platform/db/database';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { listPledges } from '../modules/fund/pledges';
import { importStatement } from '../modules/fund/statement';
import { seedFund } from './seed-fund';
import { seedRegistry } from './seed-registry';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  for (const name of ['Thôn 1', 'Thôn 2']) await buildVillage(db, { communeCode: THACH_HA, name });
  const admin = await systemAdmin(db);
  await db.transaction(async (tx) => {
    await seedRegistry(tx, admin, HA_TINH);
    await seedFund(tx, admin);
  });
});
afterAll(() => t.close());

describe('the demo fund', () => {
  it('holds four funds whose chains verify and whose balances are never below zero', async () => {
    const result = await verifyLedger(t.database.db, { level: 'national' });
    expect(result.funds).toHaveLength(4);
    expect(result.funds.filter((f) => !f.ok)).toEqual([]);
    const balances = rowsOf<{ balance: string }>(await t.database.db.execute(sql`select balance from funds`));
    expect(balances.every((b) => Number(b.balance) >= 0)).toBe(true);
  });

  it('has the Peak Months of 2025 and 2026 with receipts, spending on households and a reversal', async () => {
    const officer = await signIn(t, { scopeCode: THACH_HA, roles: ['officer'] });
    const funds = (await officer.get('/api/funds')).json().items as { id: string; communeCode: string | null }[];
    const own = funds.find((f) => f.communeCode === THACH_HA)!;
    const campaigns = (await officer.get(`/api/funds/${own.id}/campaigns`)).json().items as {
      kind: string;
      year: number;
      raised: number;
    }[];
    for (const year of [2025, 2026]) {
      expect(campaigns.find((c) => c.kind === 'peak_month' && c.year === year)!.raised).toBeGreaterThan(0);
    }
    const spent = (await officer.get(`/api/funds/${own.id}/postings?kind=expenditure&limit=100`)).json();
    expect(spent.items.filter((p: { householdId: string | null }) => p.householdId).length).toBeGreaterThanOrEqual(20);
    const reversals = (await officer.get(`/api/funds/${own.id}/postings?kind=reversal`)).json();
    expect(reversals.total).toBe(1);
    const balance = (await officer.get(`/api/funds/${own.id}/balance`)).json();
    expect(balance.allocationsIn).toBe(600_000_000);
  });

  it('records a donor who gave again under the same donor, leaving only the rice entered anew as duplicates to merge', async () => {
    const province = await signIn(t, { scopeCode: HA_TINH, roles: ['officer'] });
    const funds = (await province.get('/api/funds')).json().items as { id: string; communeCode: string | null }[];
    const own = funds.find((f) => f.communeCode === null)!;
    const donors = (await province.get(`/api/funds/${own.id}/donors?limit=100`)).json().items as {
      kind: string;
      name: string | null;
      receipts: number;
    }[];
    const named = donors.filter((d) => d.name).map((d) => `${d.kind} ${d.name}`);
    expect(named).toEqual([...new Set(named)]);
    expect(donors.some((d) => d.receipts > 1)).toBe(true);
    const commune = funds.find((f) => f.communeCode === THACH_HA)!;
    const duplicates = (await province.get(`/api/funds/${commune.id}/donors/duplicates`)).json();
    expect(duplicates.groups.length).toBeGreaterThan(0);
  });

  it('shows every demo expenditure to a household as that household’s support, linked, of the same value', async () => {
    const [unlinked] = rowsOf<{ n: number }>(
      await t.database.db.execute(sql`select count(*)::int as n from fund_postings p
        where p.kind = 'expenditure' and p.household_id is not null
          and not exists (select 1 from support_records s where s.fund_posting_id = p.id
            and s.household_id = p.household_id and s.value = p.amount and s.source_code = 'fund')`),
    );
    expect(unlinked!.n).toBe(0);
    const [linked] = rowsOf<{ n: number }>(
      await t.database.db.execute(
        sql`select count(*)::int as n from support_records where fund_posting_id is not null`,
      ),
    );
    expect(linked!.n).toBeGreaterThanOrEqual(20);
  });

  it('has pledges that the sample bank statement pays, and leaves it transfers to match by hand', async () => {
    const db = t.database.db;
    const admin = await systemAdmin(db);
    const [own] = rowsOf<{ id: string }>(await db.execute(sql`select id from funds where commune_code = ${THACH_HA}`));
    const pledges = await listPledges(db, admin, own!.id, { limit: 50, offset: 0, sort: 'dueDate', order: 'asc' });
    expect(pledges.items.map((p) => [p.reference, p.status])).toEqual([
      ['CKLAMH26', 'cancelled'],
      ['CKDNTR26', 'open'],
      ['CKHLXD26', 'open'],
      ['CKTTHA27', 'open'],
    ]);
    const sample = await readFile(path.resolve(import.meta.dirname, '../../web/public/samples/sao-ke-mau.csv'));
    const preview = await importStatement(db, admin, own!.id, sample, { dryRun: true });
    expect(preview.lines.map((l) => [l.bankTransactionId, l.outcome, l.pledgeReference])).toEqual([
      ['FT26324001', 'pledge', 'CKHLXD26'],
      ['FT26325002', 'pledge', 'CKDNTR26'],
      ['FT26326003', 'campaign', null],
      ['FT26328004', 'unmatched', null],
      ['FT26329005', 'unmatched', null],
      ['FT26330006', 'debit', null],
      ['FT26334007', 'unmatched', null],
      ['FT26335008', 'pledge', 'CKTTHA27'],
    ]);
    expect(preview.lines[2]!.campaignName).toBe('Tháng cao điểm "Vì người nghèo" năm 2026');
  });
});
