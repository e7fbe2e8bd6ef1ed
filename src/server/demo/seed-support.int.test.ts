import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../../../test/helpers/app';
import { buildVillage, CAM_XUYEN, HA_TINH, systemAdmin, THACH_HA } from '../../../test/helpers/factories';
import { PER_MEMBER_KINDS, type SupportKind } from '../../domain/support';
import { rowsOf } from '../platform/db/database';
import { seedRegistry } from './seed-registry';
import { seedSupport, type SupportCounts } from './seed-support';

let t: TestApp;
let counts: SupportCounts;
let seconds: number;

// The two demo communes only (villages there), as the other demo seed tests do.
beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  for (const code of [THACH_HA, CAM_XUYEN])
    for (const name of ['Thôn 1', 'Thôn 2']) await buildVillage(db, { communeCode: code, name });
  const admin = await systemAdmin(db);
  await db.transaction((tx) => seedRegistry(tx, admin, HA_TINH));
  const started = performance.now();
  counts = await db.transaction((tx) => seedSupport(tx, admin, HA_TINH));
  seconds = (performance.now() - started) / 1000;
  console.log(`seedSupport: ${JSON.stringify(counts)} in ${seconds.toFixed(1)} s (PGlite, two communes)`);
}, 600_000);
afterAll(() => t.close());

interface Given {
  householdId: string;
  kind: SupportKind;
  sourceCode: string;
  year: number;
  memberId: string | null;
  category: string | null;
}
/** Every support in force, with the household's category in the list of the support's year. */
async function given() {
  return rowsOf<Given>(
    await t.database.db.execute(sql`
      select s.household_id as "householdId", s.kind, s.source_code as "sourceCode",
        extract(year from s.date)::int as year, s.member_id as "memberId", a.category
      from support_records s
      left join household_assessments a on a.household_id = s.household_id and a.year = extract(year from s.date)::int
      where s.cancelled_at is null`),
  );
}

describe('the demo support', { timeout: 300_000 }, () => {
  it('covers 2022–2026 with several kinds from sources other than the Fund, per-member kinds to a member', async () => {
    const rows = await given();
    expect(rows.length).toBeGreaterThan(counts.supports);
    expect(new Set(rows.map((r) => r.year))).toEqual(new Set([2022, 2023, 2024, 2025, 2026]));
    expect(new Set(rows.map((r) => r.kind)).size).toBeGreaterThanOrEqual(6);
    expect(rows.some((r) => r.sourceCode === 'fund')).toBe(false);
    for (const source of ['vbsp', 'business', 'local_budget', 'ntp2021_project_3', 'ntp2026'])
      expect(rows.map((r) => r.sourceCode)).toContain(source);
    expect(rows.filter((r) => PER_MEMBER_KINDS.has(r.kind)).every((r) => r.memberId !== null)).toBe(true);
  });

  it('goes to households poor or near-poor in that year’s list, the poor getting more', async () => {
    const rows = (await given()).filter((r) => r.kind !== 'house_build' && r.kind !== 'house_repair');
    expect(rows.filter((r) => r.category !== 'poor' && r.category !== 'near_poor')).toEqual([]);
    const listed = rowsOf<{ category: string; n: number }>(
      await t.database.db.execute(sql`
        select category, count(*)::int as n from household_assessments
        where category in ('poor', 'near_poor') group by category`),
    );
    const perHouseholdYear = (category: string) =>
      rows.filter((r) => r.category === category).length / listed.find((l) => l.category === category)!.n;
    expect(perHouseholdYear('poor')).toBeGreaterThan(perHouseholdYear('near_poor'));
  });

  it('respects the repeat rules: one Tết gift a year, one house a programme period', async () => {
    const repeated = rowsOf(
      await t.database.db.execute(sql`
        select household_id, kind, extract(year from date) from support_records
        where cancelled_at is null and kind = 'tet_gift'
        group by 1, 2, 3 having count(*) > 1`),
    );
    expect(repeated).toEqual([]);
  });

  it('has houses in every stage, some behind schedule, each for a household poor the year it was approved', async () => {
    const officer = await signIn(t, { scopeCode: HA_TINH, roles: ['officer'] });
    const houses = (await officer.get('/api/houses?limit=100')).json();
    expect(houses.total).toBe(counts.houses);
    expect(new Set(houses.items.map((h: { stage: string }) => h.stage))).toEqual(
      new Set(['approved', 'under_construction', 'completed', 'handed_over']),
    );
    expect((await officer.get('/api/houses?behindSchedule=true')).json().total).toBeGreaterThanOrEqual(2);
    const poorWhenApproved = rowsOf<{ n: number }>(
      await t.database.db.execute(sql`
        select count(*)::int as n from houses h join household_assessments a
          on a.household_id = h.household_id and a.year = extract(year from h.approved_on)::int and a.category = 'poor'`),
    )[0]!.n;
    expect(poorWhenApproved).toBe(counts.houses);
  });

  it('has models with households that joined poor or near-poor, one replicated, and some escaped poverty per the registry', async () => {
    const officer = await signIn(t, { scopeCode: HA_TINH, roles: ['officer'] });
    const { items } = (await officer.get('/api/models?limit=100')).json();
    expect(items.length).toBe(counts.models);
    expect(items.length).toBeGreaterThanOrEqual(3);
    const copies = items.filter((m: { originId: string | null }) => m.originId);
    expect(copies.length).toBeGreaterThanOrEqual(1);
    let escaped = 0;
    for (const m of items) {
      const model = (await officer.get(`/api/models/${m.id}`)).json();
      expect(model.participants.length).toBeGreaterThan(0);
      for (const p of model.participants) {
        expect(['poor', 'near_poor']).toContain(p.before.category);
        expect(p.received.length).toBeGreaterThan(0);
        // The outcome's statuses are the registry's.
        const latest = rowsOf<{ year: number; category: string }>(
          await t.database.db.execute(
            sql`select year, category from household_assessments where household_id = ${p.householdId} order by year desc limit 1`,
          ),
        )[0];
        expect(p.now).toEqual(latest);
      }
      escaped += model.results.escapedPoverty;
    }
    expect(escaped).toBeGreaterThan(0);
    const comparison = (await officer.get(`/api/models/${copies[0].id}/comparison`)).json();
    expect(comparison.items.length).toBeGreaterThanOrEqual(2);
    expect(comparison.items[0].isOrigin).toBe(true);
  });
});
