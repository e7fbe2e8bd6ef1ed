import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export const CHROMIUM = '/usr/bin/chromium';
const ROOT = path.resolve(import.meta.dirname, '../..');
const WEB_OUT = path.join(ROOT, 'dist/web/index.html');
// Everything the browser bundle is built from.
const WEB_SOURCES = ['src/web', 'src/domain', 'vite.config.ts'].map((p) => path.join(ROOT, p));

function newestMtime(target: string): number {
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

/** Build the web app unless dist/web is newer than every source file. */
function buildWeb(): void {
  if (existsSync(WEB_OUT)) {
    const built = statSync(WEB_OUT).mtimeMs;
    if (WEB_SOURCES.every((p) => !existsSync(p) || newestMtime(p) < built)) return;
  }
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: 'inherit',
    // Vitest sets NODE_ENV=test, which would make Vite build React's development bundle.
    env: { ...process.env, NODE_ENV: 'production' },
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(
  baseUrl: string,
  child: ChildProcess,
  output: () => string,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`The demo server exited with code ${child.exitCode} before it was ready:\n${output()}`);
    }
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The demo server did not answer /api/health within ${timeoutMs / 1000} s:\n${output()}`);
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(killer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * Build the web app, start `chungtay demo` on a free port with a fresh data directory, and hand
 * its address to the tests; stop it and remove the directory afterwards.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `End-to-end tests need Chromium at ${CHROMIUM}, which is missing. Install it (apt-get install -y chromium) — these tests are never skipped.`,
    );
  }
  buildWeb();

  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'chungtay-e2e-'));
  const baseUrl = `http://127.0.0.1:${port}`;
  let log = '';
  // Always a fresh embedded database: a DATABASE_URL meant for the integration tests would make
  // the browser tests share (and depend on) a server database that outlives the run.
  const { DATABASE_URL: _serverDatabase, ...inherited } = process.env;
  const child = spawn(process.execPath, [path.join(ROOT, 'bin/chungtay.mjs'), 'demo'], {
    cwd: ROOT,
    env: {
      ...inherited,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      CHUNGTAY_DATA_DIR: dataDir,
      CHUNGTAY_LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

  const teardown = async () => {
    await stop(child);
    rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    // The first start seeds the whole demo: minutes on a loaded 2-core machine.
    await waitForHealth(baseUrl, child, () => log, 300_000);
  } catch (error) {
    await teardown();
    throw error;
  }
  project.provide('baseUrl', baseUrl);
  return teardown;
}
