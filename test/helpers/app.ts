import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { inject } from 'vitest';
import { buildApp } from '../../src/server/app';
import { LoginThrottle } from '../../src/server/platform/auth/throttle';
import { openDatabase, type Database } from '../../src/server/platform/db/database';
import { buildUser, systemAdmin, TEST_PASSWORD } from './factories';
import { dropTestDatabase, postgresTemplate, withAdminConnection } from './postgres';

export interface TestApp {
  database: Database;
  app: FastifyInstance;
  close(): Promise<void>;
}

/** A fresh PostgreSQL database copied from the migrated template: its URL, and how to drop it. */
export async function scratchPostgres(): Promise<{ url: string; drop(): Promise<void> }> {
  const url = process.env.DATABASE_URL!;
  const name = `chungtay_test_${randomBytes(6).toString('hex')}`;
  await withAdminConnection(url, (c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${postgresTemplate(url)}`));
  const testUrl = new URL(url);
  testUrl.pathname = `/${name}`;
  return { url: testUrl.toString(), drop: () => dropTestDatabase(url, name) };
}

/** A fresh, migrated database (with the administrative units) on the engine of this test project. */
export async function openTestDatabase(): Promise<Database & { dispose(): Promise<void> }> {
  if (inject('engine') === 'postgres') {
    const scratch = await scratchPostgres();
    const database = await openDatabase({ engine: 'postgres', url: scratch.url });
    return Object.assign(database, {
      dispose: async () => {
        await database.close();
        await scratch.drop();
      },
    });
  }
  const template = new Blob([fs.readFileSync(inject('pgliteTemplate'))]);
  const database = await openDatabase({ engine: 'pglite', loadDataDir: template });
  return Object.assign(database, { dispose: () => database.close() });
}

export async function createTestApp(options: { throttle?: LoginThrottle } = {}): Promise<TestApp> {
  const database = await openTestDatabase();
  const app = await buildApp({
    database,
    config: { sessionHours: 12, webDir: '/nonexistent' },
    throttle: options.throttle ?? new LoginThrottle({ windowMs: 60_000, perUser: 5, perAddress: 1000 }),
  });
  await app.ready();
  return {
    database,
    app,
    close: async () => {
      await app.close();
      await database.dispose();
    },
  };
}

/** A signed-in client: its cookie and CSRF token go with every request. */
export interface Session {
  cookie: string;
  csrfToken: string;
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
}

export async function login(app: FastifyInstance, username: string, password: string): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const { csrfToken } = res.json() as { csrfToken: string };
  const request = (options: InjectOptions) =>
    app.inject({ ...options, headers: { cookie, 'x-csrf-token': csrfToken, ...options.headers } });
  return {
    cookie,
    csrfToken,
    request,
    get: (url) => request({ method: 'GET', url }),
    post: (url, payload) => request({ method: 'POST', url, payload: payload as InjectOptions['payload'] }),
    patch: (url, payload) => request({ method: 'PATCH', url, payload: payload as InjectOptions['payload'] }),
    put: (url, payload) => request({ method: 'PUT', url, payload: payload as InjectOptions['payload'] }),
  };
}

/** A new user (see buildUser: by default an officer of Thạch Hà), signed in. */
export async function signIn(t: TestApp, attrs: Parameters<typeof buildUser>[1] = {}) {
  const { user, actor, password } = await buildUser(t.database.db, attrs);
  return Object.assign(await login(t.app, user.username, password), { user, actor });
}

/** The national system administrator `admin` (every role), signed in. */
export async function signInSystemAdmin(t: TestApp) {
  const actor = await systemAdmin(t.database.db);
  return Object.assign(await login(t.app, 'admin', TEST_PASSWORD), { actor });
}

/** A file sent as itself, not as JSON: its bytes, its type and the query naming what it is for. */
export interface FileUpload {
  file: Buffer;
  type: string;
  query?: Record<string, string>;
}
const isFileUpload = (body: unknown): body is FileUpload =>
  typeof body === 'object' && body !== null && Buffer.isBuffer((body as FileUpload).file);

/** The inject options carrying a request body: a file with its type and query, or JSON. */
export function bodyOptions(body: unknown): Pick<InjectOptions, 'payload' | 'headers' | 'query'> {
  return isFileUpload(body)
    ? { payload: body.file, headers: { 'content-type': body.type }, query: body.query ?? {} }
    : { payload: body as InjectOptions['payload'] };
}
