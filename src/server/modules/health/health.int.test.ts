import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createTestApp, login, type TestApp } from '../../../../test/helpers/app';
import { buildUser, HA_TINH } from '../../../../test/helpers/factories';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('public endpoints', () => {
  it('GET /api/health answers without a session and names the engine', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      status: 'ok',
      engine: inject('engine'),
      version: expect.stringMatching(/^\d+\.\d+\.\d+/u),
    });
  });

  it('serves the OpenAPI document without a session, generated from the schemas', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/auth/login',
        '/api/admin-units/{code}',
        '/api/villages',
        '/api/organisations',
        '/api/users',
        '/api/audit-events',
      ]),
    );
    const create = doc.paths['/api/users'].post.requestBody.content['application/json'].schema;
    expect(create.required).toEqual(expect.arrayContaining(['username', 'fullName', 'scopeCode', 'roles']));
    expect((await t.app.inject({ method: 'GET', url: '/api/docs/' })).statusCode).toBe(200);
  });

  it('answers an unknown API path with a problem+json 404 once signed in', async () => {
    const { user, password } = await buildUser(t.database.db, { scopeCode: HA_TINH });
    const session = await login(t.app, user.username, password);
    const res = await session.get('/api/no-such-thing');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });
});

describe('request limits', () => {
  it('refuses a body over 1 MiB with 413 and a form body with 415', async () => {
    const big = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ username: 'a', password: 'x'.repeat(1_100_000) }),
    });
    expect(big.statusCode).toBe(413);
    expect(big.json().code).toBe('body_too_large');
    const form = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'username=a&password=b',
    });
    expect(form.statusCode).toBe(415);
  });
});

describe('odd input', () => {
  it('refuses control characters (NUL) in a body or a query, naming the field, and impossible dates', async () => {
    const { user, password } = await buildUser(t.database.db, { scopeCode: HA_TINH, roles: ['officer'] });
    const session = await login(t.app, user.username, password);
    const body = await session.post('/api/villages', { communeCode: '18562', name: 'Thôn\u0000X', kind: 'thon' });
    expect(body.statusCode).toBe(400);
    expect(body.json().field).toBe('name');
    const query = await session.get('/api/villages?q=a%00b');
    expect(query.statusCode).toBe(400);
    expect(query.json().field).toBe('querystring.q');
    const login0 = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'a\u0000', password: 'x' },
    });
    expect(login0.statusCode).toBe(400);
    const year0 = await session.get('/api/admin-units?parent=42&at=0000-01-01');
    expect(year0.statusCode).toBe(400);
    expect(year0.json().field).toBe('querystring.at');
  });
});
