import { sql } from 'drizzle-orm';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureAdminUnits } from '../../src/server/modules/admin-units/reference-data';
import { postReceipt } from '../../src/server/modules/fund/service';
import { openDatabase } from '../../src/server/platform/db/database';
import { buildFund, buildUser, THACH_HA } from '../helpers/factories';

/** `chungtay verify-ledger` as an operator runs it, on a real PGlite directory. */
const BIN = path.resolve(import.meta.dirname, '../../bin/chungtay.mjs');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chungtay-ledger-'));
const run = promisify(execFile);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const verify = () =>
  run(process.execPath, [BIN, 'verify-ledger'], {
    env: { PATH: process.env.PATH ?? '', HOME: dir, CHUNGTAY_DATA_DIR: dir, CHUNGTAY_LOG_LEVEL: 'error' },
  }).then(
    ({ stdout }) => ({ code: 0, stdout }),
    (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
  );

/** Open the directory in this process, do something, close it (the command needs the lock). */
async function withData(task: (db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<void>) {
  const database = await openDatabase({ engine: 'pglite', dataDir: dir });
  try {
    await task(database.db);
  } finally {
    await database.close();
  }
}

describe('chungtay verify-ledger', () => {
  const ids: string[] = [];

  it('exits 0 when every chain is intact', async () => {
    const database = await openDatabase({ engine: 'pglite', dataDir: dir });
    try {
      await database.migrate();
      await ensureAdminUnits(database.db);
      const fund = await buildFund(database.db, { unitCode: THACH_HA });
      const { actor } = await buildUser(database.db, { scopeCode: THACH_HA });
      for (const amount of [100_000, 200_000, 300_000]) {
        const res = await postReceipt(database.db, actor, fund.id, {
          amount,
          date: '2026-05-01',
          method: 'cash',
          donor: { kind: 'anonymous' },
        });
        ids.push(res.posting.id);
      }
    } finally {
      await database.close();
    }
    const result = await verify();
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout).toContain('3 bút toán, nguyên vẹn');
    // A fresh data directory is initialised and migrated, then a process starts: slow on a busy machine.
  }, 180_000);

  it('exits non-zero naming the first broken link after a superuser edits a posting', async () => {
    await withData(async (db) => {
      await db.execute(sql`alter table fund_postings disable trigger fund_postings_append_only`);
      await db.execute(sql`update fund_postings set donor_name = 'Người khác' where id = ${ids[1]}`);
      await db.execute(sql`alter table fund_postings enable trigger fund_postings_append_only`);
    });
    const result = await verify();
    expect(result.code).toBe(3);
    expect(result.stdout).toContain(`#2 ${ids[1]}`);
    expect(result.stdout).toContain('hash mismatch');
  }, 120_000);
});
