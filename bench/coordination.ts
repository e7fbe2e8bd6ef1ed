/**
 * Coordination at province scale (issue 6): N activities (default 200,000) over the 69 communes
 * of Hà Tĩnh and five years, one in five under a programme's task, generated in SQL; then the
 * activity list with its totals (province and commune scope, a year's period), the summary by
 * unit and group, and the drafting of a review report's figures for a year.
 *   DATABASE_URL=… npx tsx bench/coordination.ts [activities]   (adds rows; use a scratch database)
 * Prints p50/p95 of each. Results: docs/benchmarks.md.
 */
import { sql } from 'drizzle-orm';
import os from 'node:os';
import { listActivities, summariseActivities } from '../src/server/modules/activities/service';
import { ensureAdminUnits } from '../src/server/modules/admin-units/reference-data';
import { ensureLegalDocuments } from '../src/server/modules/legal-documents/service';
import { draftFigures } from '../src/server/modules/programme-reviews/service';
import { requireProgramme } from '../src/server/modules/coordination/service';
import { buildProgramme } from '../test/helpers/coordination';
import { systemAdmin } from '../test/helpers/factories';
import type { Actor } from '../src/server/platform/access';
import { loadConfig } from '../src/server/platform/config';
import { openDatabase } from '../src/server/platform/db/database';

const total = Number(process.argv[2] ?? 200_000);
const config = loadConfig();
if (config.engine !== 'postgres') throw new Error('Set DATABASE_URL: this benchmark targets PostgreSQL.');
const database = await openDatabase({ engine: 'postgres', url: config.databaseUrl! });
const db = database.db;
await database.migrate();
await ensureAdminUnits(db);
await ensureLegalDocuments(db);
const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const report = (what: string, value: string) => console.log(`${what.padEnd(56)} ${value}`);

const admin = await systemAdmin(db);
const { programme, task } = await buildProgramme(db, '42');
const organiser = programme.parties[0]!.id;
const start = process.hrtime.bigint();
await db.execute(sql`
  insert into coordination_activities (kind, title, starts_on, ends_on, unit_code, province_code, commune_code,
    organiser_ids, audience_kind, audience_size, poor_audience, topics, budget_state, budget_fund,
    programme_id, content_id, task_id, sort_key, search_key)
  select (array['meeting','broadcast','press','training','conference','door_to_door'])[1 + i % 6],
    'Hoạt động ' || i, d, d, c.codes[1 + i % array_length(c.codes, 1)], '42', c.codes[1 + i % array_length(c.codes, 1)], array[${organiser}::uuid], 'residents',
    20 + i % 150, i % 40, 'Giảm nghèo', (i % 10) * 500000, (i % 3) * 1000000,
    case when i % 5 = 0 then ${programme.id}::uuid end, case when i % 5 = 0 then ${task.contentId}::uuid end,
    case when i % 5 = 0 then ${task.id}::uuid end, 'hoat dong ' || i, 'hoat dong ' || i || ' giam ngheo'
  from generate_series(1, ${total}) i
  cross join lateral (select (date '2022-01-01' + (i * 7919) % 1826) as d) dd
  cross join (select array_agg(code order by code) as codes from admin_units
    where parent_code = '42' and valid_to is null) c`);
await db.execute(sql`analyze coordination_activities`);
report(`generated ${total.toLocaleString('en')} activities`, `${(ms(start) / 1000).toFixed(1)} s`);

const province: Actor = { ...admin, scope: { level: 'province', provinceCode: '42' } };
const commune: Actor = { ...admin, scope: { level: 'commune', provinceCode: '42', communeCode: '18562' } };
const base = { limit: 50, offset: 0, sort: 'startsOn' as const, order: 'desc' as const };

async function time(what: string, act: () => Promise<unknown>, runs = 15) {
  await act();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = process.hrtime.bigint();
    await act();
    samples.push(ms(s));
  }
  samples.sort((a, b) => a - b);
  const q = (p: number) => samples[Math.min(samples.length - 1, Math.floor(p * samples.length))]!.toFixed(1);
  report(what, `p50 ${q(0.5)} ms  p95 ${q(0.95)} ms`);
}

await time('province list + totals, no filter', () => listActivities(db, province, base));
await time('province list + totals, year 2025', () =>
  listActivities(db, province, { ...base, from: '2025-01-01', to: '2025-12-31' }),
);
await time('province list + totals, search "hoat dong 1234"', () =>
  listActivities(db, province, { ...base, q: 'hoat dong 1234' }),
);
await time('commune list + totals, year 2025', () =>
  listActivities(db, commune, { ...base, from: '2025-01-01', to: '2025-12-31' }),
);
await time('province summary by unit and group, year 2025', () =>
  summariseActivities(db, province, { from: '2025-01-01', to: '2025-12-31' }),
);
const row = await requireProgramme(db, province, programme.id);
await time('review figures of the programme, year 2025', () => draftFigures(db, row, '2025-01-01', '2025-12-31'));
report('machine', `${os.cpus().length} cores, ${os.cpus()[0]?.model ?? ''}`);
await database.close();
