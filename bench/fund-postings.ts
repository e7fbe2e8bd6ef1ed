/**
 * Postings per second on the Fund's ledger with every check (issue 5): Idempotency-Key claimed,
 * funds locked, overdraft refused, receipt numbered, hash chained, lines balanced at commit,
 * audit row written — through the fund service, as the API calls it, and through the HTTP API.
 *   npx tsx bench/fund-postings.ts [postings]                 (PGlite in memory)
 *   DATABASE_URL=… npx tsx bench/fund-postings.ts [postings]  (PostgreSQL: a scratch database
 *                                                              <name>_bench is created and dropped)
 * Four runs: one client on one fund; 8 clients on one fund (those that arrive while a posting holds
 * it share the next transaction); 8 clients on 4 funds, each request to the next fund in turn; the
 * same through the HTTP API.
 * 70 % receipts, 30 % expenditures, dated in the Peak Month for the Poor (its busiest weeks: each
 * receipt is counted to the month's campaign). Results: docs/benchmarks.md.
 */
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import pg from 'pg';
import { buildApp } from '../src/server/app';
import { ensureAdminUnits } from '../src/server/modules/admin-units/reference-data';
import { createFund, postExpenditure, postReceipt } from '../src/server/modules/fund/service';
import { verifyLedger } from '../src/server/modules/fund/verify';
import { ensureSystemAdministrator } from '../src/server/modules/users/service';
import { ROLES } from '../src/domain/access';
import type { Actor } from '../src/server/platform/access';
import { AppError } from '../src/server/platform/errors';
import { openDatabase, type Database } from '../src/server/platform/db/database';
import { users } from '../src/server/modules/users/tables';
import { eq } from 'drizzle-orm';

const total = Number(process.argv[2] ?? 2000);
const url = process.env.DATABASE_URL;

async function scratch(): Promise<{ database: Database; drop: () => Promise<void> }> {
  if (!url) {
    const database = await openDatabase({ engine: 'pglite' });
    return { database, drop: () => database.close() };
  }
  const base = new URL(url);
  const name = `${base.pathname.slice(1)}_bench`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.query(`CREATE DATABASE ${name}`);
  base.pathname = `/${name}`;
  const database = await openDatabase({ engine: 'postgres', url: base.toString() });
  return {
    database,
    drop: async () => {
      await database.close();
      await admin.query(`DROP DATABASE IF EXISTS ${name}`);
      await admin.end();
    },
  };
}

const { database, drop } = await scratch();
const benchDatabase = url ? `${new URL(url).pathname.slice(1)}_bench` : null;

/**
 * CPU seconds used so far by the PostgreSQL backends serving the bench's database (user + system,
 * from /proc; null when the server is not on this machine): with Node's own, what a posting costs
 * whatever else the machine runs. Backends that exit between two readings are not counted, so the
 * pool keeps its connections open through a run.
 */
function serverCpuSeconds(): number | null {
  if (!benchDatabase) return null;
  const tick = 100; // USER_HZ on Linux
  let total = 0;
  let seen = false;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(` ${benchDatabase} `)) continue;
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      total += (Number(fields[11]) + Number(fields[12])) / tick;
      seen = true;
    } catch {
      // The process ended while being read.
    }
  }
  return seen ? total : null;
}
const db = database.db;
await database.migrate();
await ensureAdminUnits(db);
await ensureSystemAdministrator(db, 'bench-password-1');
const [row] = await db.select().from(users).where(eq(users.username, 'admin'));
const actor: Actor = {
  id: row!.id,
  username: 'admin',
  fullName: row!.fullName,
  roles: [...ROLES],
  scope: { level: 'national' },
};
const funds = [];
for (const unitCode of ['42', '18562', '18673', '18073']) {
  funds.push(
    await createFund(db, actor, {
      unitCode,
      name: `Quỹ ${unitCode}`,
      bankBin: '970405',
      accountNumber: `37${unitCode}`,
    }),
  );
}

/** The benchmark's mix: 70 % receipts, 30 % spendings, each with its own Idempotency-Key. */
let key = 0;
const receipt = (i: number) => ({
  amount: 100_000 + (i % 50) * 1_000,
  date: '2026-10-20',
  method: 'bank' as const,
  donor: { kind: 'anonymous' as const },
});
const spending = { amount: 50_000, date: '2026-10-21', purpose: 'relief' as const, decisionNumber: '1/QĐ' };
const isReceipt = (i: number) => i % 10 < 7;

/** One request of the mix; a spending that finds the fund short is refused cleanly, not fatal. */
type Post = (fundId: string, i: number) => Promise<'posted' | 'refused'>;

/** A posting through the fund service, as the API's routes call it. */
const postThroughService: Post = async (fundId, i) => {
  const idempotency = `bench-${++key}`;
  try {
    if (isReceipt(i)) await postReceipt(db, actor, fundId, receipt(i), idempotency);
    else await postExpenditure(db, actor, fundId, spending, idempotency);
    return 'posted';
  } catch (error) {
    if (error instanceof AppError && error.code === 'fund_overdraft') return 'refused';
    throw error;
  }
};

/**
 * A posting through the HTTP API, everything but the socket: the session and the CSRF token
 * checked, the body validated, the answer serialised (Fastify's inject).
 */
const app = await buildApp({ database, config: { sessionHours: 12, webDir: '/nonexistent' } });
const signedIn = await app.inject({
  method: 'POST',
  url: '/api/auth/login',
  payload: { username: 'admin', password: 'bench-password-1' },
});
const headers = {
  cookie: signedIn.cookies.map((c) => `${c.name}=${c.value}`).join('; '),
  'x-csrf-token': (signedIn.json() as { csrfToken: string }).csrfToken,
};
const postThroughApi: Post = async (fundId, i) => {
  const res = await app.inject({
    method: 'POST',
    url: `/api/funds/${fundId}/${isReceipt(i) ? 'receipts' : 'expenditures'}`,
    headers: { ...headers, 'idempotency-key': `bench-${++key}` },
    payload: isReceipt(i) ? receipt(i) : spending,
  });
  if (res.statusCode === 201) return 'posted';
  if (res.statusCode === 409 && (res.json() as { code: string }).code === 'fund_overdraft') return 'refused';
  throw new Error(`${res.statusCode} ${res.body}`);
};

async function run(label: string, clients: number, fundIds: string[], post: Post = postThroughService) {
  let next = 0;
  let refused = 0;
  const cpu = process.cpuUsage();
  const serverBefore = serverCpuSeconds();
  const start = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (;;) {
        const i = next++;
        if (i >= total) return;
        // Each request to the next fund in turn, whichever client sends it.
        if ((await post(fundIds[i % fundIds.length]!, i)) === 'refused') refused++;
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  // Node's own CPU per request: when it nears the wall time per request, Node is the bottleneck.
  const used = process.cpuUsage(cpu);
  const nodeMs = (used.user + used.system) / 1000 / total;
  const serverAfter = serverCpuSeconds();
  const server =
    serverBefore !== null && serverAfter !== null
      ? `, PostgreSQL backends ${(((serverAfter - serverBefore) * 1000) / total).toFixed(2)} ms`
      : '';
  console.log(
    `${label.padEnd(26)} ${total} requests (${refused} overdrafts refused) in ${seconds.toFixed(2)} s: ` +
      `${(total / seconds).toFixed(0)}/s, CPU per request: Node ${nodeMs.toFixed(2)} ms${server}`,
  );
}

console.log(`engine ${database.engine}, ${os.cpus().length} cores, node ${process.version}`);
await run('1 client, 1 fund', 1, [funds[0]!.id]);
await run('8 clients, 1 fund', 8, [funds[1]!.id]);
const all = funds.map((f) => f.id);
await run('8 clients, 4 funds', 8, all);
await run('8 clients, 4 funds, API', 8, all, postThroughApi);
const start = process.hrtime.bigint();
const verification = await verifyLedger(db, { level: 'national' });
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
const postings = verification.funds.reduce((s, f) => s + f.postings, 0);
console.log(`verify-ledger: ${postings} postings in ${seconds.toFixed(2)} s, ok = ${verification.ok}`);
await app.close();
await drop();
