import { spawn, execFile, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { verifyLedger } from '../../src/server/modules/fund/verify';
import { openDatabase, rowsOf, type DatabaseTarget } from '../../src/server/platform/db/database';
import { buildFund, buildUser, THACH_HA } from '../helpers/factories';
import { scratchPostgres } from '../helpers/app';

/**
 * The server killed with SIGKILL in the middle of a burst of postings (issue 5), on the engine of
 * this test project: after a restart no posting is partial, every posting the server acknowledged
 * is there, the chains verify (`chungtay verify-ledger`, as an operator runs it), and receipts go
 * on being numbered from where they stopped.
 */
const BIN = path.resolve(import.meta.dirname, '../../bin/chungtay.mjs');
const home = fs.mkdtempSync(path.join(os.tmpdir(), 'chungtay-crash-'));
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  fs.rmSync(home, { recursive: true, force: true });
});

/** Where the server keeps its data: a PGlite directory, or a scratch PostgreSQL database. */
async function dataTarget(): Promise<{ target: DatabaseTarget; env: Record<string, string> }> {
  if (inject('engine') === 'postgres') {
    const scratch = await scratchPostgres();
    cleanups.push(scratch.drop);
    return { target: { engine: 'postgres', url: scratch.url }, env: { DATABASE_URL: scratch.url } };
  }
  const dataDir = path.join(home, 'data');
  const template = new Blob([fs.readFileSync(inject('pgliteTemplate'))]);
  // Copy the migrated template into the directory once; later opens find it there.
  const database = await openDatabase({ engine: 'pglite', dataDir, loadDataDir: template });
  await database.close();
  return { target: { engine: 'pglite', dataDir }, env: { CHUNGTAY_DATA_DIR: dataDir } };
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function startServer(env: Record<string, string>): Promise<{ child: ChildProcess; base: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, [BIN, 'start'], {
    env: { PATH: process.env.PATH ?? '', HOME: home, PORT: String(port), CHUNGTAY_LOG_LEVEL: 'error', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let waited = 0; waited < 120_000; waited += 250) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    const up = await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return { child, base };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  child.kill('SIGKILL');
  throw new Error('the server did not start within 120 s');
}

async function signIn(base: string, username: string, password: string) {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  expect(res.status).toBe(200);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return (url: string, body: unknown, key: string) =>
    fetch(`${base}${url}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken, 'idempotency-key': key },
      body: JSON.stringify(body),
    });
}

const ended = (child: ChildProcess, signal: NodeJS.Signals) =>
  new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
const killed = (child: ChildProcess) => ended(child, 'SIGKILL');
const stopped = (child: ChildProcess) => ended(child, 'SIGTERM');

/** `chungtay verify-ledger` as an operator runs it (it fails the test unless it exits 0). */
const verifyLedgerCommand = (env: Record<string, string>) =>
  promisify(execFile)(process.execPath, [BIN, 'verify-ledger'], {
    env: { PATH: process.env.PATH ?? '', HOME: home, CHUNGTAY_LOG_LEVEL: 'error', ...env },
  });

// Real server processes started and killed: slow on a loaded machine.
describe('a server killed during a burst of postings', { timeout: 400_000 }, () => {
  it('leaves no partial posting, keeps every acknowledged one, and its chain verifies after restart', async () => {
    const { target, env } = await dataTarget();
    const setup = await openDatabase(target);
    const fund = await buildFund(setup.db, { unitCode: THACH_HA });
    const { user, password } = await buildUser(setup.db, { scopeCode: THACH_HA });
    await setup.close();

    const first = await startServer(env);
    const post = await signIn(first.base, user.username, password);
    const acknowledged = new Map<string, { id: string; receiptNumber: string | null }>();
    let sent = 0;
    let stop = false;
    const client = async (c: number) => {
      for (let i = 0; !stop; i++) {
        const key = `crash-${c}-${i}`;
        sent++;
        // Two receipts for each spending, so that most spending finds money.
        const res = await (
          i % 3 === 2
            ? post(
                `/api/funds/${fund.id}/expenditures`,
                { amount: 30_000, date: '2026-04-02', purpose: 'relief', decisionNumber: '12/QĐ-UBND' },
                key,
              )
            : post(
                `/api/funds/${fund.id}/receipts`,
                { amount: 50_000 + c, date: '2026-04-01', method: 'bank', donor: { kind: 'anonymous' } },
                key,
              )
        ).catch(() => null);
        if (res === null) return; // the server is gone
        if (res.status === 201) acknowledged.set(key, (await res.json()) as { id: string; receiptNumber: string });
        else expect([409, 503]).toContain(res.status); // an overdraft refused cleanly, or shutting down
      }
    };
    const burst = Promise.all(Array.from({ length: 8 }, (_, c) => client(c)));
    while (acknowledged.size < 60) await new Promise((resolve) => setTimeout(resolve, 20));
    await killed(first.child); // mid-burst: requests are in flight
    stop = true;
    await burst;
    expect(sent).toBeGreaterThan(acknowledged.size);

    expect((await verifyLedgerCommand(env)).stdout).toMatch(/nguyên vẹn/u);

    const after = await openDatabase(target);
    try {
      const stored = rowsOf<{ id: string; lines: number; total: string }>(
        await after.db.execute(sql`
          select p.id, count(l.line)::int as lines, coalesce(sum(l.amount), 0)::text as total
          from fund_postings p left join fund_posting_lines l on l.posting_id = p.id
          where p.fund_id = ${fund.id} group by p.id`),
      );
      // Nothing partial: each posting has its balanced lines (the chain check also covers them).
      expect(stored.filter((p) => p.lines < 2 || p.total !== '0')).toEqual([]);
      const ids = new Set(stored.map((p) => p.id));
      // Every posting the server answered 201 to survived the crash.
      expect([...acknowledged.values()].filter((a) => !ids.has(a.id))).toEqual([]);
      // A claimed Idempotency-Key always has its posting (claim and posting commit together).
      const orphans = rowsOf<{ n: number }>(
        await after.db.execute(sql`select count(*)::int as n from fund_idempotency_keys k
          where not exists (select 1 from fund_postings p where p.id = k.posting_id)`),
      );
      expect(orphans[0]!.n).toBe(0);
    } finally {
      await after.close();
    }

    // After a restart, a retried request answers with its posting and a new receipt takes the next number.
    const second = await startServer(env);
    try {
      const again = await signIn(second.base, user.username, password);
      const [key, before] = [...acknowledged.entries()].find(([, a]) => a.receiptNumber)!;
      const retried = await again(
        `/api/funds/${fund.id}/receipts`,
        {
          amount: 50_000 + Number(key.split('-')[1]),
          date: '2026-04-01',
          method: 'bank',
          donor: { kind: 'anonymous' },
        },
        key,
      );
      expect(retried.headers.get('idempotent-replayed')).toBe('true');
      expect(((await retried.json()) as { id: string }).id).toBe(before.id);
      const numbers = [...acknowledged.values()].flatMap((a) => (a.receiptNumber ? [a.receiptNumber] : []));
      const fresh = await again(
        `/api/funds/${fund.id}/receipts`,
        { amount: 1_000, date: '2026-04-03', method: 'cash', donor: { kind: 'anonymous' } },
        'after-restart',
      );
      expect(fresh.status).toBe(201);
      expect(numbers).not.toContain(((await fresh.json()) as { receiptNumber: string }).receiptNumber);
    } finally {
      await stopped(second.child);
    }
    // Gapless receipt numbers across the crash, and the chain, checked once more.
    const last = await openDatabase(target);
    try {
      expect((await verifyLedger(last.db, { level: 'national' })).ok).toBe(true);
    } finally {
      await last.close();
    }
  });
});
