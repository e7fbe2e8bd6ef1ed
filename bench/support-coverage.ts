/**
 * Targeting and coverage at province scale (issue 7): the left-behind list, the coverage by
 * commune and the priority list over Hà Tĩnh's households, through the targeting service with a
 * province officer's scope. Builds on the registry of bench/household-search.ts (run it first on
 * the same database: 1,500,000 households, a 2026 result for one in six, 4 % poor and 4 %
 * near-poor), then adds, set-wise in SQL, the year's support: a Tết gift to two poor or
 * near-poor households in three, a production support to one not-poor household in twenty, and
 * last year's gifts (which must not count).
 *   DATABASE_URL=… npx tsx bench/household-search.ts 1500000
 *   DATABASE_URL=… npx tsx bench/support-coverage.ts
 * Prints the median and worst of 5 runs per view. Results: docs/benchmarks.md.
 */
import { sql } from 'drizzle-orm';
import os from 'node:os';
import { coverage, leftBehind, priority, ruleOf } from '../src/server/modules/support/targeting';
import type { Actor } from '../src/server/platform/access';
import { loadConfig } from '../src/server/platform/config';
import { openDatabase, rowsOf } from '../src/server/platform/db/database';

const config = loadConfig();
if (config.engine !== 'postgres') throw new Error('Set DATABASE_URL: this benchmark targets PostgreSQL.');
const database = await openDatabase({ engine: 'postgres', url: config.databaseUrl! });
const db = database.db;
const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const report = (what: string, value: string) => console.log(`${what.padEnd(56)} ${value}`);
const officer: Actor = {
  id: '00000000-0000-4000-8000-000000000001',
  username: 'bench',
  fullName: 'Bench',
  roles: ['officer'],
  scope: { level: 'province', provinceCode: '42' },
};

try {
  const [{ n }] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from households`)) as [
    { n: number },
  ];
  console.log(`PostgreSQL, ${n.toLocaleString('en')} households, node ${process.version}, ${os.cpus().length} cores`);
  await generateSupport();
  const year = 2026;
  const views: [string, () => Promise<unknown>][] = [
    ['left behind (first page of 50, with total)', () => leftBehind(db, officer, { year, limit: 50, offset: 0 })],
    ['coverage by commune (whole province)', () => coverage(db, officer, { year, limit: 50, offset: 0 })],
    [
      'priority list (first page of 50, ranked over the province)',
      () => priority(db, officer, { year, limit: 50, offset: 0, ...ruleOf({}), budget: 1e9, cost: 1e6 }),
    ],
  ];
  for (const [what, run] of views) {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = process.hrtime.bigint();
      await run();
      times.push(ms(t));
    }
    times.sort((a, b) => a - b);
    report(what, `median ${times[2]!.toFixed(0)} ms, worst ${times[4]!.toFixed(0)} ms`);
  }
  const left = (await leftBehind(db, officer, { year, limit: 1, offset: 0 })).total;
  report('households left behind (checked figure)', left.toLocaleString('en'));
} finally {
  await database.close();
}

async function generateSupport() {
  await db.execute(sql`delete from support_records`);
  const t = process.hrtime.bigint();
  await db.execute(sql`
    insert into support_records (province_code, commune_code, household_id, kind, source_code, value, date)
    select a.province_code, a.commune_code, a.household_id, k.kind, 'business', k.value, k.date::date
    from household_assessments a
    cross join lateral (values ('tet_gift', 500000, '2026-01-25'), ('tet_gift', 400000, '2025-01-20')) k(kind, value, date)
    where a.year = 2026 and a.category in ('poor', 'near_poor') and (hashtext(a.household_id::text) % 3 <> 0 or k.date < '2026-01-01')
    union all
    select a.province_code, a.commune_code, a.household_id, 'production', 'local_budget', 3000000, date '2026-04-01'
    from household_assessments a where a.year = 2026 and a.category not in ('poor', 'near_poor') and hashtext(a.household_id::text) % 20 = 0`);
  await db.execute(sql`analyze support_records`);
  const [{ n }] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from support_records`)) as [
    { n: number },
  ];
  report(`generate ${n.toLocaleString('en')} support records`, `${ms(t).toFixed(0)} ms`);
}
