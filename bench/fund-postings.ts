/**
 * Postings per second on the Fund's ledger with every check (issue 5): Idempotency-Key claimed,
 * funds locked, overdraft refused, receipt numbered, hash chained, lines balanced at commit,
 * audit row written — through the fund service, as the API calls it.
 *   npx tsx bench/fund-postings.ts [postings]                 (PGlite in memory)
 *   DATABASE_URL=… npx tsx bench/fund-postings.ts [postings]  (PostgreSQL: a scratch database
 *                                                              <name>_bench is created and dropped)
 * Three runs: one client on one fund; 8 clients on one fund (those that arrive while a posting holds
 * it share the next transaction); 8 clients on 4 funds, each request to the next fund in turn.
 * 70 % receipts, 30 % expenditures, dated in the Peak Month for the Poor (its busiest weeks: each
 * receipt is counted to the month's campaign). Results: docs/benchmarks.md.
 */
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import pg from 'pg';
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

let key = 0;
async function post(fundId: string, i: number) {
  const idempotency = `bench-${++key}`;
  if (i % 10 < 7) {
    await postReceipt(
      db,
      actor,
      fundId,
      { amount: 100_000 + (i % 50) * 1_000, date: '2026-10-20', method: 'bank', donor: { kind: 'anonymous' } },
      idempotency,
    );
  } else {
    await postExpenditure(
      db,
      actor,
      fundId,
      { amount: 50_000, date: '2026-10-21', purpose: 'relief', decisionNumber: '1/QĐ' },
      idempotency,
    );
  }
}

async function run(label: string, clients: number, fundIds: string[]) {
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
        await post(fundIds[i % fundIds.length]!, i).catch((error: unknown) => {
          // A spending that finds the fund short is refused cleanly: counted, not fatal.
          if (error instanceof AppError && error.code === 'fund_overdraft') refused++;
          else throw error;
        });
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
    `${label.padEnd(22)} ${total} requests (${refused} overdrafts refused) in ${seconds.toFixed(2)} s: ` +
      `${(total / seconds).toFixed(0)}/s, CPU per request: Node ${nodeMs.toFixed(2)} ms${server}`,
  );
}

console.log(`engine ${database.engine}, ${os.cpus().length} cores, node ${process.version}`);
await run('1 client, 1 fund', 1, [funds[0]!.id]);
await run('8 clients, 1 fund', 8, [funds[1]!.id]);
await run(
  '8 clients, 4 funds',
  8,
  funds.map((f) => f.id),
);
const start = process.hrtime.bigint();
const verification = await verifyLedger(db, { level: 'national' });
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
const postings = verification.funds.reduce((s, f) => s + f.postings, 0);
console.log(`verify-ledger: ${postings} postings in ${seconds.toFixed(2)} s, ok = ${verification.ok}`);
await drop();
