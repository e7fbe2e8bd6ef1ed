import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type TestApp } from '../../../../test/helpers/app';
import {
  buildUser,
  CAM_XUYEN,
  HA_TINH,
  systemAdmin,
  TEST_PASSWORD,
  THACH_HA,
} from '../../../../test/helpers/factories';
import { auditEvents } from '../../platform/audit/tables';
import { LoginThrottle } from '../../platform/auth/throttle';
import { sessions } from '../../platform/auth/tables';
import { users } from '../users/tables';

let t: TestApp;
const loginRequest = (username: string, password: string, ip = '127.0.0.1') =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: ip });

beforeAll(async () => {
  t = await createTestApp({ throttle: new LoginThrottle({ windowMs: 60_000, perUser: 3, perAddress: 10 }) });
});
afterAll(() => t.close());

describe('POST /api/auth/login', () => {
  it('signs in with an HttpOnly, SameSite session cookie and returns the user and a CSRF token', async () => {
    const { user, password } = await buildUser(t.database.db, { scopeCode: THACH_HA, roles: ['officer'] });
    const res = await loginRequest(user.username, password);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'chungtay_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Strict');
    const body = res.json();
    expect(body.user.username).toBe(user.username);
    expect(body.user.scope).toMatchObject({
      level: 'commune',
      communeCode: THACH_HA,
      name: 'Xã Thạch Hà, Tỉnh Hà Tĩnh',
    });
    expect(body.user).not.toHaveProperty('passwordHash');
    expect(body.csrfToken).toMatch(/^[\w-]{20,}$/u);
    // The database keeps only a hash of the token.
    const stored = await t.database.db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(stored.some((s) => s.id === cookie.value)).toBe(false);
  });

  it('accepts the username in any case', async () => {
    const { user, password } = await buildUser(t.database.db);
    expect((await loginRequest(user.username.toUpperCase(), password)).statusCode).toBe(200);
  });

  it('gives the same answer for a wrong password and an unknown user', async () => {
    const { user } = await buildUser(t.database.db);
    const wrong = await loginRequest(user.username, 'not-the-password');
    const unknown = await loginRequest('no-such-user', 'not-the-password');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().code).toBe('bad_credentials');
    expect(unknown.json().detail).toBe(wrong.json().detail);
    expect(wrong.json().detail).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
  });

  it('refuses a disabled account as if the password were wrong', async () => {
    const { user, password } = await buildUser(t.database.db);
    await t.database.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, user.id));
    expect((await loginRequest(user.username, password)).json().code).toBe('bad_credentials');
  });

  it('locks a username out after repeated failures, even with the right password', async () => {
    const { user, password } = await buildUser(t.database.db);
    for (let i = 0; i < 3; i++) await loginRequest(user.username, 'wrong-password', '10.1.1.1');
    const res = await loginRequest(user.username, password, '10.1.1.2');
    expect(res.statusCode).toBe(429);
    expect(res.json().code).toBe('too_many_attempts');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('limits one address trying many usernames', async () => {
    for (let i = 0; i < 10; i++) await loginRequest(`guess${i}`, 'wrong-password', '10.2.2.2');
    const { user, password } = await buildUser(t.database.db);
    expect((await loginRequest(user.username, password, '10.2.2.2')).statusCode).toBe(429);
    expect((await loginRequest(user.username, password, '10.2.2.3')).statusCode).toBe(200);
  });

  it('rejects a body without a password or with extra fields, naming the field', async () => {
    const missing = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'a' } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().field).toBe('password');
    const extra = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'a', password: 'b', admin: true },
    });
    expect(extra.statusCode).toBe(400);
    const malformed = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username": "a",',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({ code: 'validation_failed', field: 'body' });
  });
});

describe('sessions', () => {
  it('GET /api/auth/me answers 401 without a session and the user with one', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    const { user, password } = await buildUser(t.database.db, { scopeCode: HA_TINH, roles: ['admin'] });
    const session = await login(t.app, user.username, password);
    const me = (await session.get('/api/auth/me')).json();
    expect(me.user.permissions).toMatchObject({ manageUsers: true, viewAudit: true });
    expect(me.csrfToken).toBe(session.csrfToken);
  });

  it('logout ends the session for good and is audited', async () => {
    const { user, password } = await buildUser(t.database.db);
    const session = await login(t.app, user.username, password);
    expect((await session.request({ method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(204);
    expect((await session.get('/api/auth/me')).statusCode).toBe(401);
    const events = await t.database.db.select().from(auditEvents).where(eq(auditEvents.entityId, user.id));
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(['auth.login', 'auth.logout']));
  });

  it('logout without the CSRF token is refused', async () => {
    const { user, password } = await buildUser(t.database.db);
    const session = await login(t.app, user.username, password);
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: session.cookie } });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('csrf_token_invalid');
    expect((await session.get('/api/auth/me')).statusCode).toBe(200);
  });

  it('an expired session no longer works', async () => {
    const { user, password } = await buildUser(t.database.db);
    const session = await login(t.app, user.username, password);
    await t.database.db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.userId, user.id));
    expect((await session.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('changing a user’s scope signs them out everywhere', async () => {
    const { user, password } = await buildUser(t.database.db, { scopeCode: THACH_HA });
    const session = await login(t.app, user.username, password);
    await systemAdmin(t.database.db);
    const admin = await login(t.app, 'admin', TEST_PASSWORD);
    const res = await admin.put(`/api/users/${user.id}/access`, {
      scopeCode: CAM_XUYEN,
      roles: ['viewer'],
      version: user.version,
    });
    expect(res.statusCode).toBe(200);
    expect((await session.get('/api/auth/me')).statusCode).toBe(401);
    const again = await login(t.app, user.username, password);
    expect((await again.get('/api/auth/me')).json().user.scope.communeCode).toBe(CAM_XUYEN);
  });
});

describe('POST /api/auth/password', () => {
  it('changes the own password after checking the current one', async () => {
    const { user, password } = await buildUser(t.database.db);
    const session = await login(t.app, user.username, password);
    const wrong = await session.post('/api/auth/password', {
      currentPassword: 'nope',
      newPassword: 'mot-mat-khau-moi',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().field).toBe('currentPassword');
    const short = await session.post('/api/auth/password', { currentPassword: password, newPassword: 'ngan' });
    expect(short.json().field).toBe('newPassword');
    const ok = await session.post('/api/auth/password', { currentPassword: password, newPassword: 'mot-mat-khau-moi' });
    expect(ok.statusCode).toBe(204);
    expect((await loginRequest(user.username, password)).statusCode).toBe(401);
    expect((await loginRequest(user.username, 'mot-mat-khau-moi')).statusCode).toBe(200);
  });
});

describe('one-time passwords', () => {
  it('a user signed in with a one-time password can do nothing but change it', async () => {
    await systemAdmin(t.database.db);
    const admin = await login(t.app, 'admin', TEST_PASSWORD);
    const created = await admin.post('/api/users', {
      username: `mot.lan.${Date.now()}`,
      fullName: 'Ngô Thị Hoa',
      scopeCode: THACH_HA,
      roles: ['officer'],
    });
    const { user, initialPassword } = created.json();
    const session = await login(t.app, user.username, initialPassword);
    expect((await session.get('/api/auth/me')).json().user.mustChangePassword).toBe(true);
    const blocked = await session.post('/api/villages', { communeCode: THACH_HA, name: 'Thôn Tạm', kind: 'thon' });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('password_change_required');
    expect((await session.get('/api/villages')).json().code).toBe('password_change_required');
    const changed = await session.post('/api/auth/password', {
      currentPassword: initialPassword,
      newPassword: 'mat-khau-rieng-cua-toi',
    });
    expect(changed.statusCode).toBe(204);
    expect((await session.get('/api/villages')).statusCode).toBe(200);
  });

  it('changing the own password signs out the other sessions but keeps this one', async () => {
    const { user, password } = await buildUser(t.database.db);
    const here = await login(t.app, user.username, password);
    const elsewhere = await login(t.app, user.username, password);
    await here.post('/api/auth/password', { currentPassword: password, newPassword: 'mat-khau-moi-hon-nua' });
    expect((await here.get('/api/auth/me')).statusCode).toBe(200);
    expect((await elsewhere.get('/api/auth/me')).statusCode).toBe(401);
  });
});

describe('the path as the router sees it', () => {
  it('a percent-encoded /api path still needs a session', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/%61pi/admin-units?parent=42' });
    expect(res.statusCode).toBe(401);
  });
});
