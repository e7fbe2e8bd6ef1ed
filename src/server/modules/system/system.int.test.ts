import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, signInSystemAdmin, type TestApp } from '../../../../test/helpers/app';
import { HA_TINH } from '../../../../test/helpers/factories';
import { ROLES } from '../../../domain/access';
import { readBackup } from '../../platform/db/backup';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('GET /api/system/backup', () => {
  it('gives a national administrator a verified SQL backup of the running database, audited', async () => {
    const admin = await signInSystemAdmin(t);
    const res = await admin.get('/api/system/backup');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="chungtay-\d{4}-\d{2}-\d{2}\.sql"/u);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ct-dl-')), 'download.sql');
    fs.writeFileSync(file, res.rawPayload);
    expect(readBackup(file).tables).toContain('admin_units');
    const log = (await admin.get('/api/audit-events?action=system.backup')).json();
    expect(log.total).toBe(1);
  });

  it('refuses a provincial administrator, even with every role', async () => {
    const provincial = await signIn(t, { scopeCode: HA_TINH, roles: [...ROLES] });
    expect((await provincial.get('/api/system/backup')).statusCode).toBe(403);
  });
});
