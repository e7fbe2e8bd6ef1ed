/**
 * The demo's first start: migrations, administrative units and the whole demo seed on an empty
 * PGlite directory, in wall-clock and CPU seconds (CPU time is steadier on a shared machine), with
 * the support, houses and models it made. Run it on two versions to see what a seed stage adds.
 *   npx tsx bench/demo-seed.ts
 * Results are recorded in docs/benchmarks.md.
 */
import { sql } from 'drizzle-orm';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEMO_PASSWORD } from '../src/server/demo/seed';
import { loadConfig } from '../src/server/platform/config';
import { openDatabase, rowsOf } from '../src/server/platform/db/database';
import { createLogger } from '../src/server/platform/logger';
import { prepareDatabase } from '../src/server/server';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chungtay-demo-bench-'));
const config = loadConfig({ defaultDataDir: path.join(dir, 'data') });
const database = await openDatabase({ engine: 'pglite', dataDir: config.dataDir });
try {
  const wall = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  await prepareDatabase(database, { ...config, adminPassword: DEMO_PASSWORD }, createLogger('silent'), true);
  const used = process.cpuUsage(cpu);
  console.log(
    `engine: pglite, node ${process.version}, ${os.cpus().length} cores, load ${os.loadavg()[0]!.toFixed(1)}`,
  );
  console.log(
    `first start (migrations, units, demo seed): ${(Number(process.hrtime.bigint() - wall) / 1e9).toFixed(1)} s wall,`,
    `${((used.user + used.system) / 1e6).toFixed(1)} s CPU`,
  );
  const count = async (table: string) =>
    rowsOf<{ n: number | null }>(
      await database.db.execute(
        sql`select case when to_regclass(${table}) is null then null else (xpath('/row/n/text()', query_to_xml(${`select count(*) as n from ${table}`}, false, true, '')))[1]::text::int end as n`,
      ),
    )[0]!.n;
  for (const table of ['households', 'support_records', 'houses', 'poverty_models', 'poverty_model_participants'])
    console.log(`${table.padEnd(28)} ${(await count(table)) ?? '—'}`);
} finally {
  await database.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
