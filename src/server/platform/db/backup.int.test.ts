import { count, desc, sql } from 'drizzle-orm';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../../test/helpers/app';
import { buildUser, buildVillage } from '../../../../test/helpers/factories';
import { villages } from '../../modules/villages/tables';
import { auditEvents } from '../audit/tables';
import { BackupError, readBackup, restoreBackup, writeBackup } from './backup';
import type { Database } from './database';

let database: Database & { dispose(): Promise<void> };
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chungtay-backup-'));
const file = path.join(dir, 'backup.sql');

const villageCount = async () => (await database.db.select({ n: count() }).from(villages))[0]!.n;
const auditCount = async () => (await database.db.select({ n: count() }).from(auditEvents))[0]!.n;

/** Rewrite a backup's body and give it a valid checksum again (a well-formed but wrong file). */
function resign(source: string, target: string, edit: (body: string) => string) {
  const text = fs.readFileSync(source, 'utf8');
  const body = edit(text.slice(0, text.lastIndexOf('-- sha256: ')));
  fs.writeFileSync(target, `${body}-- sha256: ${createHash('sha256').update(body).digest('hex')}\n`);
}

beforeAll(async () => {
  database = await openTestDatabase();
  await buildUser(database.db);
  await buildVillage(database.db, { name: 'Thôn Trước Sao Lưu' });
  await writeBackup(database, file);
});
afterAll(async () => {
  await database.dispose();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('writes plain SQL with a header, inserts in foreign-key order and a checksum', () => {
    const text = fs.readFileSync(file, 'utf8');
    expect(text.startsWith('-- Chung Tay backup\n-- format: chungtay-backup/1\n')).toBe(true);
    expect(text).toContain('INSERT INTO "villages"');
    expect(text.indexOf('INSERT INTO "organisations"')).toBeLessThan(text.indexOf('INSERT INTO "users"'));
    expect(text.indexOf('INSERT INTO "admin_units"')).toBeLessThan(
      text.indexOf('INSERT INTO "admin_unit_successions"'),
    );
    expect(text).toMatch(/-- sha256: [0-9a-f]{64}\n$/u);
    expect(readBackup(file).tables).toContain('audit_events');
  });

  it('is readable by its owner only, leaves sessions out, and writes dates in ISO whatever the session says', async () => {
    expect(fs.statSync(file).mode & 0o077).toBe(0);
    expect(fs.readFileSync(file, 'utf8')).not.toContain('INSERT INTO "sessions"');
    await database.db.execute(sql`set DateStyle = 'SQL, DMY'`);
    const odd = path.join(dir, 'odd-datestyle.sql');
    await writeBackup(database, odd);
    await database.db.execute(sql`set DateStyle = 'ISO, MDY'`);
    const text = fs.readFileSync(odd, 'utf8');
    expect(text).toContain("'2025-07-01'");
    expect(text).not.toContain("'01/07/2025'");
  });

  it('restores the data as it was, audit log included', async () => {
    const villagesBefore = await villageCount();
    const auditBefore = await auditCount();
    await buildVillage(database.db, { name: 'Thôn Sau Sao Lưu' });
    expect(await villageCount()).toBe(villagesBefore + 1);
    await restoreBackup(database, file);
    expect(await villageCount()).toBe(villagesBefore);
    // The restored log, plus one event recording the restore itself.
    expect(await auditCount()).toBe(auditBefore + 1);
    const [last] = await database.db.select().from(auditEvents).orderBy(desc(auditEvents.id)).limit(1);
    expect(last).toMatchObject({ action: 'system.restore', entity: 'database' });
    const names = (await database.db.select({ name: villages.name }).from(villages)).map((v) => v.name);
    expect(names).toContain('Thôn Trước Sao Lưu');
    expect(names).not.toContain('Thôn Sau Sao Lưu');
    // Sequences continue after the restored rows, and the append-only guard is back on.
    await buildVillage(database.db);
    await expect(database.db.execute(sql`delete from audit_events`)).rejects.toThrow();
  });

  it('refuses a corrupted file and leaves the data untouched', async () => {
    const corrupt = path.join(dir, 'corrupt.sql');
    fs.writeFileSync(corrupt, fs.readFileSync(file, 'utf8').replace('Thôn Trước Sao Lưu', 'Thôn Bị Sửa'));
    const before = await villageCount();
    await expect(restoreBackup(database, corrupt)).rejects.toThrow(/SHA-256 không khớp/u);
    expect(await villageCount()).toBe(before);
  });

  it('refuses a file that is not a Chung Tay backup', async () => {
    const foreign = path.join(dir, 'foreign.sql');
    fs.writeFileSync(foreign, 'DROP TABLE villages;\n');
    await expect(restoreBackup(database, foreign)).rejects.toBeInstanceOf(BackupError);
    const empty = path.join(dir, 'empty.sql');
    fs.writeFileSync(empty, '');
    await expect(restoreBackup(database, empty)).rejects.toBeInstanceOf(BackupError);
    await expect(restoreBackup(database, path.join(dir, 'missing.sql'))).rejects.toThrow(/Không tìm thấy/u);
    expect(await villageCount()).toBeGreaterThan(0);
  });

  it('refuses a backup from another schema version', async () => {
    const other = path.join(dir, 'other-version.sql');
    resign(file, other, (body) => body.replace(/^-- schema: .*$/mu, '-- schema: 1:0'));
    await expect(restoreBackup(database, other)).rejects.toThrow(/phiên bản/u);
  });

  it('rolls everything back when a statement in the middle fails', async () => {
    const broken = path.join(dir, 'broken.sql');
    resign(file, broken, (body) =>
      body.replace(
        'INSERT INTO "villages"',
        'INSERT INTO "villages" (no_such_column) VALUES (1);\nINSERT INTO "villages"',
      ),
    );
    const villagesBefore = await villageCount();
    const auditBefore = await auditCount();
    await expect(restoreBackup(database, broken)).rejects.toThrow();
    expect(await villageCount()).toBe(villagesBefore);
    expect(await auditCount()).toBe(auditBefore);
  });
});
