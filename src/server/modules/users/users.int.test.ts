import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type Session, type TestApp } from '../../../../test/helpers/app';
import {
  buildOrganisation,
  buildUser,
  CAM_XUYEN,
  HA_TINH,
  THACH_HA,
  VINH_LONG,
} from '../../../../test/helpers/factories';
import { ROLES } from '../../../domain/access';
import { auditTrail } from '../../../../test/helpers/trace';
import { users } from './tables';

let t: TestApp;
let provinceAdmin: Session;
let communeOfficer: Session;
let viewer: Session;

const newUser = (overrides: Record<string, unknown> = {}) => ({
  username: `nguoi.dung.${Math.floor(Math.random() * 1e9)}`,
  fullName: 'Nguyễn Thị Bình',
  organisationId: null,
  scopeCode: THACH_HA,
  roles: ['officer'],
  ...overrides,
});
const auditFor = (id: string) => auditTrail(t.database.db, 'user', id);

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const a = await buildUser(db, { scopeCode: HA_TINH, roles: [...ROLES] });
  provinceAdmin = await login(t.app, a.user.username, a.password);
  const o = await buildUser(db, { scopeCode: THACH_HA, roles: ['officer'] });
  communeOfficer = await login(t.app, o.user.username, o.password);
  const v = await buildUser(db, { scopeCode: THACH_HA, roles: ['viewer'] });
  viewer = await login(t.app, v.user.username, v.password);
});
afterAll(() => t.close());

describe('POST /api/users', () => {
  it('401 without a session', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/users', payload: newUser() })).statusCode).toBe(401);
  });

  it.each([
    ['username', { username: 'Ab' }],
    ['username', { username: 'có dấu' }],
    ['fullName', { fullName: '' }],
    ['fullName', { fullName: 'x'.repeat(121) }],
    ['scopeCode', { scopeCode: '4' }],
    ['scopeCode', { scopeCode: '99999' }],
    ['scopeCode', { scopeCode: '84' }],
    ['roles', { roles: [] }],
    ['roles', { roles: ['superuser'] }],
    ['roles', { roles: ['viewer', 'viewer'] }],
    ['organisationId', { organisationId: 'not-a-uuid' }],
    ['password', { password: 'short' }],
    ['nickname', { nickname: 'unknown field' }],
  ])('400 naming %s for %j, and nothing is written', async (field, overrides) => {
    const body = newUser(overrides);
    const res = await provinceAdmin.post('/api/users', body);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(
      res
        .json()
        .errors.map((e: { field: string }) => e.field)
        .join(' '),
    ).toContain(field);
    expect(res.json().detail).toMatch(/\S/u);
    const rows = await t.database.db
      .select()
      .from(users)
      .where(eq(users.username, String(body.username).toLowerCase()));
    expect(rows).toHaveLength(0);
  });

  it('403 for anyone who is not an administrator', async () => {
    for (const session of [communeOfficer, viewer]) {
      const res = await session.post('/api/users', newUser());
      expect(res.statusCode).toBe(403);
    }
  });

  it('403 when a province administrator grants another province or the whole country', async () => {
    expect((await provinceAdmin.post('/api/users', newUser({ scopeCode: VINH_LONG }))).statusCode).toBe(403);
    expect((await provinceAdmin.post('/api/users', newUser({ scopeCode: null }))).statusCode).toBe(403);
  });

  it('403 when an administrator grants a role they do not hold themselves', async () => {
    const { user, password } = await buildUser(t.database.db, { scopeCode: HA_TINH, roles: ['admin', 'viewer'] });
    const narrowAdmin = await login(t.app, user.username, password);
    const res = await narrowAdmin.post('/api/users', newUser({ roles: ['fund_accountant'] }));
    expect(res.statusCode).toBe(403);
    expect((await narrowAdmin.post('/api/users', newUser({ roles: ['viewer'] }))).statusCode).toBe(201);
  });

  it('creates a commune user with a one-time password, audited in the same transaction', async () => {
    const org = await buildOrganisation(t.database.db, { unitCode: THACH_HA });
    const res = await provinceAdmin.post(
      '/api/users',
      newUser({ organisationId: org.id, fullName: '  Lê   Văn Tâm ' }),
    );
    expect(res.statusCode).toBe(201);
    const { user, initialPassword } = res.json();
    expect(user.fullName).toBe('Lê Văn Tâm');
    expect(user.organisation).toEqual({ id: org.id, name: org.name });
    expect(user.mustChangePassword).toBe(true);
    expect(initialPassword).toMatch(/^[A-Za-z0-9]{14}$/u);
    const [row] = await t.database.db.select().from(users).where(eq(users.id, user.id));
    expect(row!.passwordHash.startsWith('$argon2id$')).toBe(true);
    const events = await auditFor(user.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: 'user.create', provinceCode: HA_TINH, communeCode: THACH_HA });
    expect(JSON.stringify(events[0]!.after)).not.toContain('argon2');
    expect((await login(t.app, user.username, initialPassword)).csrfToken).toBeTruthy();
  });

  it('409 for a username already taken (in any case)', async () => {
    const body = newUser();
    expect((await provinceAdmin.post('/api/users', body)).statusCode).toBe(201);
    const again = await provinceAdmin.post('/api/users', { ...body, username: body.username.toUpperCase() });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'username_taken', field: 'username' });
  });

  it('keeps one account per username when two administrators create it at the same moment', async () => {
    const body = newUser();
    const results = await Promise.all([1, 2, 3].map(() => provinceAdmin.post('/api/users', body)));
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
    for (const r of results.filter((x) => x.statusCode === 409)) expect(r.json().code).toBe('username_taken');
  });
});

describe('GET /api/users', () => {
  it('lists only users inside the administrator’s province, searchable without accents', async () => {
    const db = t.database.db;
    const local = await buildUser(db, { scopeCode: CAM_XUYEN, fullName: 'Trương Thị Ánh' });
    const far = await buildUser(db, { scopeCode: VINH_LONG, fullName: 'Trương Thị Ánh' });
    const res = await provinceAdmin.get('/api/users?q=truong thi anh&limit=100');
    expect(res.statusCode).toBe(200);
    const ids = res.json().items.map((u: { id: string }) => u.id);
    expect(ids).toContain(local.user.id);
    expect(ids).not.toContain(far.user.id);
    expect((await provinceAdmin.get(`/api/users/${far.user.id}`)).statusCode).toBe(404);
  });

  it('pages with limit and offset and reports the total', async () => {
    const page1 = (await provinceAdmin.get('/api/users?limit=2&offset=0&sort=username')).json();
    const page2 = (await provinceAdmin.get('/api/users?limit=2&offset=2&sort=username')).json();
    expect(page1.items).toHaveLength(2);
    expect(page1.total).toBeGreaterThanOrEqual(4);
    expect(page2.items[0].username > page1.items[1].username).toBe(true);
  });

  it('403 for an officer; 400 for a limit above 500', async () => {
    expect((await communeOfficer.get('/api/users')).statusCode).toBe(403);
    expect((await provinceAdmin.get('/api/users?limit=501')).json().field).toBe('querystring.limit');
  });
});

describe('changing an account', () => {
  it('disables and enables, refusing a stale version', async () => {
    const { user, password } = await buildUser(t.database.db);
    const disabled = await provinceAdmin.post(`/api/users/${user.id}/disable`, { version: user.version });
    expect(disabled.statusCode).toBe(200);
    expect(disabled.json().disabled).toBe(true);
    await expect(login(t.app, user.username, password)).rejects.toThrow(/401/u);
    const stale = await provinceAdmin.post(`/api/users/${user.id}/enable`, { version: user.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('stale_version');
    const enabled = await provinceAdmin.post(`/api/users/${user.id}/enable`, { version: disabled.json().version });
    expect(enabled.json().disabled).toBe(false);
    expect((await auditFor(user.id)).map((e) => e.action)).toEqual(['user.create', 'user.disable', 'user.enable']);
  });

  it('resets a password: the old one stops working, the temporary one works once signed in', async () => {
    const { user, password } = await buildUser(t.database.db);
    const session = await login(t.app, user.username, password);
    const res = await provinceAdmin.post(`/api/users/${user.id}/password-reset`, { version: user.version });
    expect(res.statusCode).toBe(200);
    expect((await session.get('/api/auth/me')).statusCode).toBe(401);
    await expect(login(t.app, user.username, password)).rejects.toThrow(/401/u);
    const fresh = await login(t.app, user.username, res.json().temporaryPassword);
    expect((await fresh.get('/api/auth/me')).json().user.mustChangePassword).toBe(true);
  });

  it('an administrator cannot change their own access nor disable themselves', async () => {
    const me = (await provinceAdmin.get('/api/auth/me')).json().user;
    expect((await provinceAdmin.post(`/api/users/${me.id}/disable`, { version: me.version })).statusCode).toBe(403);
    const res = await provinceAdmin.put(`/api/users/${me.id}/access`, {
      scopeCode: HA_TINH,
      roles: ['viewer'],
      version: me.version,
    });
    expect(res.statusCode).toBe(403);
  });

  it('edits the full name and organisation; 400 for an organisation out of sight', async () => {
    const { user } = await buildUser(t.database.db);
    const farOrg = await buildOrganisation(t.database.db, { unitCode: '86' });
    const bad = await provinceAdmin.patch(`/api/users/${user.id}`, {
      organisationId: farOrg.id,
      version: user.version,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().field).toBe('organisationId');
    const ok = await provinceAdmin.patch(`/api/users/${user.id}`, { fullName: 'Hồ Văn Nam', version: user.version });
    expect(ok.json()).toMatchObject({ fullName: 'Hồ Văn Nam', version: user.version + 1 });
  });

  it('a provincial administrator cannot take over a peer: no reset, no disable, no change of another provincial admin', async () => {
    const peer = await buildUser(t.database.db, { scopeCode: HA_TINH, roles: ['admin', 'viewer'] });
    const v = { version: peer.user.version };
    expect((await provinceAdmin.post(`/api/users/${peer.user.id}/password-reset`, v)).statusCode).toBe(403);
    expect((await provinceAdmin.post(`/api/users/${peer.user.id}/disable`, v)).statusCode).toBe(403);
    const access = { scopeCode: THACH_HA, roles: ['viewer'], ...v };
    expect((await provinceAdmin.put(`/api/users/${peer.user.id}/access`, access)).statusCode).toBe(403);
    // A commune administrator is narrower, so the province manages them.
    const communeAdmin = await buildUser(t.database.db, { scopeCode: THACH_HA, roles: ['admin', 'viewer'] });
    const reset = await provinceAdmin.post(`/api/users/${communeAdmin.user.id}/password-reset`, { version: 1 });
    expect(reset.statusCode).toBe(200);
  });

  it('404 for a user of another province, whatever the action', async () => {
    const far = await buildUser(t.database.db, { scopeCode: VINH_LONG });
    const v = { version: far.user.version };
    expect((await provinceAdmin.post(`/api/users/${far.user.id}/disable`, v)).statusCode).toBe(404);
    expect((await provinceAdmin.post(`/api/users/${far.user.id}/password-reset`, v)).statusCode).toBe(404);
    expect((await provinceAdmin.patch(`/api/users/${far.user.id}`, { ...v, fullName: 'X' })).statusCode).toBe(404);
    expect((await auditFor(far.user.id)).map((e) => e.action)).toEqual(['user.create']);
  });
});
