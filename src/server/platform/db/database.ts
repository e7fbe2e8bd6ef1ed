import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import type { ExtractTablesWithRelations, SQL } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgDialect, PgQueryResultHKT, PgSession, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { PROJECT_ROOT, type Engine } from '../config';
import { acquireDataDirLock } from './lock';

export type Db = PgDatabase<PgQueryResultHKT>;
export type Tx = PgTransaction<
  PgQueryResultHKT,
  Record<string, never>,
  ExtractTablesWithRelations<Record<string, never>>
>;
/** Repositories take either the database or a transaction handle. */
export type Executor = Db | Tx;

export const MIGRATIONS_DIR = path.join(PROJECT_ROOT, 'migrations');

export interface Database {
  engine: Engine;
  db: Db;
  /** Apply pending migrations (idempotent). */
  migrate(): Promise<void>;
  /** Checkpoint (PGlite), close and release the data-directory lock. */
  close(): Promise<void>;
  /** Run multi-statement SQL text in one transaction (restore); rolls back on any error. */
  script(body: (exec: (text: string) => Promise<void>) => Promise<void>): Promise<void>;
  /** The embedded engine, for dump/load of its data directory in tests. */
  pglite?: PGlite;
}

export type DatabaseTarget =
  { engine: 'pglite'; dataDir?: string; loadDataDir?: Blob } | { engine: 'postgres'; url: string };

const PGLITE_EXTENSIONS = { pg_trgm, unaccent };

/** Open the engine the configuration names. `dataDir` absent = in memory (tests). */
export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.engine === 'postgres') {
    // JIT off: PostgreSQL compiles any query its planner costs high — a province-wide view — and
    // compiling took 1.5–4 s of a 5–7 s view in bench/support-coverage.ts while saving nothing.
    const pool = new pg.Pool({ connectionString: target.url, max: 10, options: '-c jit=off' });
    // An idle connection the server closed (restart, failover) is dropped and replaced by the
    // pool; without a listener its error would stop the process.
    pool.on('error', () => {});
    pool.on('connect', queueQueries);
    await pool.query('select 1');
    const db = drizzleNodePg(pool) as unknown as Db;
    return {
      engine: 'postgres',
      db,
      migrate: () => migrateNodePg(drizzleNodePg(pool), { migrationsFolder: MIGRATIONS_DIR }),
      close: () => pool.end(),
      script: async (body) => {
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          await body(async (text) => void (await client.query(text)));
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK');
          throw error;
        } finally {
          client.release();
        }
      },
    };
  }
  const release = target.dataDir ? acquireDataDirLock(target.dataDir) : () => undefined;
  try {
    const client = await PGlite.create(target.dataDir, {
      extensions: PGLITE_EXTENSIONS,
      loadDataDir: target.loadDataDir,
    });
    const db = drizzlePglite(client) as unknown as Db;
    return {
      engine: 'pglite',
      db,
      pglite: client,
      script: (body) => client.transaction((tx) => body(async (text) => void (await tx.exec(text)))),
      migrate: () => migratePglite(drizzlePglite(client), { migrationsFolder: MIGRATIONS_DIR }),
      close: async () => {
        try {
          if (!client.closed) {
            await client.exec('CHECKPOINT');
            await client.close();
          }
        } finally {
          release();
        }
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

/**
 * A connection runs one query at a time. Reads started together inside a transaction (a
 * Promise.all on its one connection) waited in pg's own queue, which pg deprecates and removes
 * in pg 9; they wait here instead, in the order they were asked. Calls with a callback (the
 * pool's own `pool.query`, on a connection nothing else uses) and streams (COPY, never started
 * beside another query) go straight to pg.
 */
function queueQueries(client: pg.PoolClient) {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  let previous: Promise<unknown> = Promise.resolve();
  client.query = ((...args: unknown[]) => {
    const stream = typeof (args[0] as { submit?: unknown } | null)?.submit === 'function';
    if (stream || args.some((arg) => typeof arg === 'function')) return query(...args);
    const result = previous.then(() => query(...args));
    previous = result.catch(() => undefined);
    return result;
  }) as typeof client.query;
}

/** Rows of a raw `db.execute(sql…)` on either driver. */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

/**
 * One field of COPY's text format: NULL as \N; backslash, tab, newline and carriage return
 * escaped; booleans as t/f; a string array as an array literal with every element quoted.
 */
export function copyField(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  const text = Array.isArray(value)
    ? `{${value.map((item) => `"${String(item).replace(/[\\"]/gu, '\\$&')}"`).join(',')}}`
    : typeof value === 'object'
      ? JSON.stringify(value)
      : String(value);
  return text.replace(/[\\\t\n\r]/gu, (c) => COPY_ESCAPES[c]!);
}
const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/**
 * Rows into a table by COPY on the transaction's own PostgreSQL connection: bulk loading without
 * parsing the rows as JSON or parameters (2.4 times faster measured on staging). False when the
 * executor is not a node-postgres connection (PGlite): the caller inserts the rows another way.
 */
export async function copyRows(
  tx: Executor,
  table: string,
  columns: readonly string[],
  rows: readonly Record<string, unknown>[],
): Promise<boolean> {
  // drizzle keeps the transaction's pg client on its session (not part of its typed API).
  const client = (tx as unknown as { session?: { client?: unknown } }).session?.client;
  if (!(client instanceof pg.Client)) return false;
  const text = rows.map((row) => columns.map((c) => copyField(row[c])).join('\t')).join('\n') + '\n';
  await pipeline(Readable.from([text]), client.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin`)));
  return true;
}

/**
 * Statements run hundreds of times a second with the same text (a posting on the Fund's ledger)
 * are named after their text, so that PostgreSQL parses and plans each once per connection and
 * then only binds and runs it: half of what the server spent on a posting (bench/fund-postings.ts).
 * After five runs the server may keep one generic plan, so only statements whose best plan does
 * not depend on their values belong here (a row by its key, rows from a JSON parameter). PGlite
 * runs them as any other statement.
 */
const statementName = (text: string) => `chungtay_${createHash('sha1').update(text).digest('base64url')}`;

/** Raw SQL, named after its text (see `statementName`): its rows, as the driver returns them. */
export async function executePrepared<T>(tx: Executor, query: SQL): Promise<T[]> {
  // drizzle keeps its dialect and session on the database handle (not part of its typed API).
  const { dialect, session } = tx as unknown as { dialect: PgDialect; session: PgSession };
  const built = dialect.sqlToQuery(query);
  return rowsOf<T>(await session.prepareQuery(built, undefined, statementName(built.sql), false).execute());
}
