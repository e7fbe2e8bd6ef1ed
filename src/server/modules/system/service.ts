import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Actor } from '../../platform/access';
import { recordAudit } from '../../platform/audit/audit';
import { writeBackup } from '../../platform/db/backup';
import type { Database } from '../../platform/db/database';
import { errors } from '../../platform/errors';

/**
 * A backup taken while the server runs (on PGlite the `chungtay backup` command needs the
 * server stopped): whole-database, so only a national administrator may take it.
 */
export async function takeBackup(database: Database, actor: Actor) {
  if (!actor.roles.includes('admin') || actor.scope.level !== 'national') {
    throw errors.forbidden(
      'Chỉ quản trị hệ thống cấp toàn quốc được tải bản sao lưu toàn bộ dữ liệu.',
      'Only a national administrator may download a full backup.',
    );
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chungtay-backup-'));
  const file = path.join(dir, `chungtay-${new Date().toISOString().slice(0, 10)}.sql`);
  const { rows } = await writeBackup(database, file);
  await recordAudit(database.db, actor, {
    action: 'system.backup',
    entity: 'database',
    entityId: 'backup',
    area: { provinceCode: null, communeCode: null },
    after: { rows },
  });
  const stream = fs.createReadStream(file);
  stream.on('close', () => fs.rmSync(dir, { recursive: true, force: true }));
  return { fileName: path.basename(file), stream };
}
