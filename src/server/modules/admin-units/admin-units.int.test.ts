import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type Session, type TestApp } from '../../../../test/helpers/app';
import { buildUser, THACH_HA } from '../../../../test/helpers/factories';

let t: TestApp;
let officer: Session;

beforeAll(async () => {
  t = await createTestApp();
  const { user, password } = await buildUser(t.database.db, { scopeCode: THACH_HA, roles: ['viewer'] });
  officer = await login(t.app, user.username, password);
});
afterAll(() => t.close());

describe('GET /api/admin-units', () => {
  it('answers 401 without a session', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/admin-units?parent=42' });
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().code).toBe('unauthenticated');
  });

  it('lists the 69 current communes of Hà Tĩnh, in Vietnamese order', async () => {
    const res = await officer.get('/api/admin-units?parent=42&limit=500');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBe(69);
    expect(body.items).toHaveLength(69);
    const names: string[] = body.items.map((u: { name: string }) => u.name);
    expect(names[0]).toBe('Bắc Hồng Lĩnh');
    // "Cẩm …" sorts after "Can Lộc" (a < ă < â) and "Đ…" after every "D…".
    expect(names.indexOf('Can Lộc')).toBeLessThan(names.indexOf('Cẩm Bình'));
    expect(names.findIndex((n) => n.startsWith('Đ'))).toBeGreaterThan(names.findLastIndex((n) => n.startsWith('D')));
  });

  it('lists the 34 provinces when no parent is given, and searches without accents', async () => {
    expect((await officer.get('/api/admin-units?limit=100')).json().total).toBe(34);
    const found = (await officer.get('/api/admin-units?parent=42&q=thach ha')).json();
    expect(found.items.map((u: { code: string }) => u.code)).toContain(THACH_HA);
  });

  it('shows the three-tier structure as it stood on a past date', async () => {
    const res = await officer.get('/api/admin-units?parent=42&at=2025-06-30&limit=50');
    expect(res.json().items.every((u: { level: string }) => u.level === 'district')).toBe(true);
    expect(res.json().total).toBeGreaterThan(10);
  });

  it('rejects a malformed code, an unknown filter and a bad date, naming the field', async () => {
    const bad = await officer.get('/api/admin-units?parent=4x');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().field).toBe('querystring.parent');
    expect((await officer.get('/api/admin-units?colour=red')).statusCode).toBe(400);
    const date = await officer.get('/api/admin-units?at=2025-13-01');
    expect(date.statusCode).toBe(400);
    expect(date.json().field).toBe('querystring.at');
  });
});

describe('GET /api/admin-units/:code', () => {
  it('answers for the former Trà Vinh (84) that it was closed and succeeded by Vĩnh Long (86)', async () => {
    const res = await officer.get('/api/admin-units/84');
    expect(res.statusCode).toBe(200);
    const unit = res.json();
    expect(unit.status).toBe('closed');
    expect(unit.validTo).toBe('2025-07-01');
    expect(unit.successors.map((s: { code: string }) => s.code)).toEqual(['86']);
  });

  it('gives a current commune its path and the units it was formed from', async () => {
    const unit = (await officer.get(`/api/admin-units/${THACH_HA}`)).json();
    expect(unit.status).toBe('current');
    expect(unit.path.map((p: { code: string }) => p.code)).toEqual(['42', THACH_HA]);
    expect(unit.predecessors.length).toBeGreaterThan(0);
  });

  it('keeps a reused code apart: 00004 is Ba Đình today and was Trúc Bạch before July 2025', async () => {
    expect((await officer.get('/api/admin-units/00004')).json().name).toBe('Ba Đình');
    const old = (await officer.get('/api/admin-units/00004?at=2025-01-01')).json();
    expect(old.name).toBe('Trúc Bạch');
    expect(old.path.map((p: { level: string }) => p.level)).toEqual(['province', 'district', 'commune']);
  });

  it('answers 404 for a code that never existed', async () => {
    const res = await officer.get('/api/admin-units/99999');
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('not_found');
  });
});
