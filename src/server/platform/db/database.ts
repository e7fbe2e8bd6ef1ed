import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import path from 'node:path';
import pg from 'pg';
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
    const pool = new pg.Pool({ connectionString: target.url, max: 10 });
    // An idle connection the server closed (restart, failover) is dropped and replaced by the
    // pool; without a listener its error would stop the process.
    pool.on('error', () => {});
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

/** Rows of a raw `db.execute(sql…)` on either driver. */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
