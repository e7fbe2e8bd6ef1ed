/**
 * Foundation benchmark: what an office waits for at first start, and what one API call costs.
 * Prints what it measured; results are recorded in docs/benchmarks.md.
 *   npx tsx bench/foundation.ts            (PGlite)
 *   DATABASE_URL=… npx tsx bench/foundation.ts   (PostgreSQL; the database is emptied first)
 */
import { sql } from 'drizzle-orm';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../src/server/app';
import { DEMO_PASSWORD } from '../src/server/demo/seed';
import { LoginThrottle } from '../src/server/platform/auth/throttle';
import { writeBackup, restoreBackup } from '../src/server/platform/db/backup';
import { openDatabase } from '../src/server/platform/db/database';
import { loadConfig } from '../src/server/platform/config';
import { createLogger } from '../src/server/platform/logger';
import { prepareDatabase } from '../src/server/server';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chungtay-bench-'));
const config = loadConfig({ defaultDataDir: path.join(dir, 'data') });
const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const report = (what: string, value: string) => console.log(`${what.padEnd(58)} ${value}`);

function percentiles(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!.toFixed(2);
  return `p50 ${at(0.5)} ms, p95 ${at(0.95)} ms (n=${s.length})`;
}

const database = await openDatabase(
  config.engine === 'postgres'
    ? { engine: 'postgres', url: config.databaseUrl! }
    : { engine: 'pglite', dataDir: config.dataDir },
);
try {
  if (database.engine === 'postgres') {
    await database.db.execute(
      sql`drop schema if exists public cascade; drop schema if exists drizzle cascade; create schema public`,
    );
  }
  console.log(`engine: ${database.engine}, node ${process.version}, ${os.cpus().length} cores`);
  let t = process.hrtime.bigint();
  await database.migrate();
  report('migrations on an empty database', `${ms(t).toFixed(0)} ms`);
  t = process.hrtime.bigint();
  await prepareDatabase(database, { ...config, adminPassword: DEMO_PASSWORD }, createLogger('silent'), true);
  report('administrative units (14,149) + demo province seed', `${ms(t).toFixed(0)} ms`);

  const app = await buildApp({
    database,
    config,
    throttle: new LoginThrottle({ windowMs: 1, perUser: 1e9, perAddress: 1e9 }),
  });
  const loginTimes: number[] = [];
  let cookie = '';
  let csrf = '';
  for (let i = 0; i < 20; i++) {
    t = process.hrtime.bigint();
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'tinh.quantri', password: DEMO_PASSWORD },
    });
    loginTimes.push(ms(t));
    cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    csrf = res.json().csrfToken;
  }
  report('POST /api/auth/login (argon2id verify + session)', percentiles(loginTimes));

  const timeGet = async (url: string, n = 200) => {
    const samples: number[] = [];
    for (let i = 0; i < n; i++) {
      t = process.hrtime.bigint();
      const res = await app.inject({ method: 'GET', url, headers: { cookie } });
      if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
      samples.push(ms(t));
    }
    report(`GET ${url}`, percentiles(samples));
  };
  await timeGet('/api/admin-units?parent=42&limit=100');
  await timeGet('/api/admin-units/84');
  await timeGet('/api/villages?commune=18562');
  await timeGet('/api/users?q=thach ha');
  await timeGet('/api/organisations?q=mttq&limit=20');

  // An audit log of a busy province: 200,000 events spread over its communes.
  t = process.hrtime.bigint();
  await database.db.execute(sql`
    insert into audit_events (action, entity, entity_id, province_code, commune_code, at, actor_username)
    select 'village.update', 'village', gen_random_uuid()::text, '42', (array['18562','18673','18073'])[1 + g % 3],
           now() - (g || ' minutes')::interval, 'bench'
    from generate_series(1, 200000) g`);
  report('insert 200,000 audit events', `${ms(t).toFixed(0)} ms`);
  await timeGet('/api/audit-events?limit=50', 50);
  await timeGet('/api/audit-events?limit=50&entity=village&from=2026-01-01', 50);
  await timeGet('/api/audit-events?limit=50&offset=100000', 20);

  const writes: number[] = [];
  for (let i = 0; i < 100; i++) {
    t = process.hrtime.bigint();
    const res = await app.inject({
      method: 'POST',
      url: '/api/villages',
      headers: { cookie, 'x-csrf-token': csrf },
      payload: { communeCode: '18562', name: `Thôn Đo ${i}`, kind: 'thon' },
    });
    if (res.statusCode !== 201) throw new Error(res.body);
    writes.push(ms(t));
  }
  report('POST /api/villages (validate, scope, write + audit)', percentiles(writes));
  await app.close();

  const file = path.join(dir, 'backup.sql');
  t = process.hrtime.bigint();
  const { rows } = await writeBackup(database, file);
  report(`backup (${rows} rows, ${(fs.statSync(file).size / 1e6).toFixed(1)} MB)`, `${ms(t).toFixed(0)} ms`);
  t = process.hrtime.bigint();
  await restoreBackup(database, file);
  report('restore of that backup', `${ms(t).toFixed(0)} ms`);
} finally {
  await database.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
