import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { withAdminConnection } from '../helpers/postgres';

/**
 * The `chungtay` command as an operator uses it: a real process on a real PGlite directory.
 */
const BIN = path.resolve(import.meta.dirname, '../../bin/chungtay.mjs');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chungtay-cli-'));
const dataDir = path.join(dir, 'data');
const children: ChildProcess[] = [];
const run = promisify(execFile);

function baseEnv(extra: Record<string, string> = {}) {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? dir,
    CHUNGTAY_DATA_DIR: dataDir,
  };
  return { ...env, ...extra };
}

/** Start `chungtay start` and resolve once it listens, with everything it printed so far. */
function startServer(
  env: Record<string, string>,
): Promise<{ child: ChildProcess; output: () => string; port: number }> {
  const port = 20000 + Math.floor(Math.random() * 20000);
  const child = spawn(process.execPath, [BIN, 'start'], { env: { ...env, PORT: String(port) } });
  children.push(child);
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start within 90 s:\n${output}`)), 90_000);
    child.stdout!.on('data', () => {
      if (output.includes('đang chạy tại')) {
        clearTimeout(timer);
        resolve({ child, output: () => output, port });
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited ${code}:\n${output}`));
    });
  });
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

async function loginAs(port: number, username: string, password: string) {
  const res = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  return res.status;
}

afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
  fs.rmSync(dir, { recursive: true, force: true });
});

// Each test starts real processes (tsx, migrations on a fresh PGlite): on a loaded machine that
// has taken longer than the default 30 s.
describe('chungtay start on an empty PGlite directory', { timeout: 120_000 }, () => {
  let adminPassword = '';

  it('creates the administrator, prints the generated password once, and says production belongs on PostgreSQL', async () => {
    const server = await startServer(baseEnv());
    const printed = /mật khẩu:\s+(\S+)/u.exec(server.output());
    expect(printed).not.toBeNull();
    adminPassword = printed![1]!;
    expect(server.output()).toContain('PGlite');
    expect(server.output()).toContain('PostgreSQL');
    const health = await (await fetch(`http://127.0.0.1:${server.port}/api/health`)).json();
    expect(health).toMatchObject({ status: 'ok', engine: 'pglite' });
    expect(await loginAs(server.port, 'admin', adminPassword)).toBe(200);

    // A second process on the same directory refuses to open it, and says why.
    const second = await run(process.execPath, [BIN, 'backup', path.join(dir, 'x.sql')], { env: baseEnv() }).catch(
      (e) => e,
    );
    expect(second.code).toBe(1);
    expect(second.stderr).toContain('đang được tiến trình');

    expect(await stop(server.child)).toBe(0);
    expect(fs.existsSync(`${dataDir}.lock`)).toBe(false);
  });

  it('keeps the data across a restart and prints no password the second time', async () => {
    const server = await startServer(baseEnv());
    expect(server.output()).not.toMatch(/mật khẩu:/u);
    expect(await loginAs(server.port, 'admin', adminPassword)).toBe(200);
    expect(await stop(server.child)).toBe(0);
  });

  it('backs up to plain SQL, and a corrupt file is refused without touching the data', async () => {
    const file = path.join(dir, 'backup.sql');
    const { stdout } = await run(process.execPath, [BIN, 'backup', file], { env: baseEnv() });
    expect(stdout).toContain('Đã sao lưu');
    fs.writeFileSync(path.join(dir, 'bad.sql'), fs.readFileSync(file, 'utf8').slice(0, 5000));
    const bad = await run(process.execPath, [BIN, 'restore', path.join(dir, 'bad.sql')], { env: baseEnv() }).catch(
      (e) => e,
    );
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('không phải bản sao lưu');
    const { stdout: restored } = await run(process.execPath, [BIN, 'restore', file], { env: baseEnv() });
    expect(restored).toContain('Đã khôi phục');
  });

  it.runIf(process.env.DATABASE_URL)('moves the office from PGlite to PostgreSQL with backup and restore', async () => {
    const url = process.env.DATABASE_URL!;
    const name = `chungtay_move_${randomBytes(4).toString('hex')}`;
    await withAdminConnection(url, (c) => c.query(`CREATE DATABASE ${name}`));
    const target = new URL(url);
    target.pathname = `/${name}`;
    try {
      const env = baseEnv({ DATABASE_URL: target.toString() });
      await run(process.execPath, [BIN, 'restore', path.join(dir, 'backup.sql')], { env });
      const server = await startServer(env);
      expect(server.output()).not.toMatch(/mật khẩu:/u);
      const health = await (await fetch(`http://127.0.0.1:${server.port}/api/health`)).json();
      expect(health.engine).toBe('postgres');
      expect(await loginAs(server.port, 'admin', adminPassword)).toBe(200);
      expect(await stop(server.child)).toBe(0);
    } finally {
      await withAdminConnection(url, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    }
  });

  it('uses CHUNGTAY_ADMIN_PASSWORD for the first administrator and does not print it', async () => {
    const env = baseEnv({ CHUNGTAY_DATA_DIR: path.join(dir, 'other'), CHUNGTAY_ADMIN_PASSWORD: 'mat-khau-quan-tri-1' });
    const server = await startServer(env);
    expect(server.output()).not.toContain('mat-khau-quan-tri-1');
    expect(await loginAs(server.port, 'admin', 'mat-khau-quan-tri-1')).toBe(200);
    expect(await stop(server.child)).toBe(0);
  });

  it('refuses an invalid setting with a clear message', async () => {
    const res = await run(process.execPath, [BIN, 'migrate'], { env: baseEnv({ PORT: 'abc' }) }).catch((e) => e);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('PORT');
  });
});
