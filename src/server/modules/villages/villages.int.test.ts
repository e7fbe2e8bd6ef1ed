import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../../../../test/helpers/app';
import { buildVillage, CAM_XUYEN, HA_TINH, PHU_KHUONG, THACH_HA } from '../../../../test/helpers/factories';
import { expectAuditedWrite, expectRefused } from '../../../../test/helpers/trace';
import { villages } from './tables';

type Signed = Awaited<ReturnType<typeof signIn>>;
type Village = { id: string; name: string; communeCode: string; version: number; archived: boolean };

let t: TestApp;
/** An officer and a viewer of the commune Thạch Hà; an officer of the whole province Hà Tĩnh. */
let officer: Signed;
let viewer: Signed;
let provinceOfficer: Signed;

let seq = 0;
const newName = () => `Thôn Mới ${++seq}`;
const valid = (overrides: Record<string, unknown> = {}) => ({
  communeCode: THACH_HA,
  name: newName(),
  kind: 'thon',
  ...overrides,
});

const refused = (
  act: () => Promise<LightMyRequestResponse>,
  expected: { status: number; code: string; field?: string },
) => expectRefused(t.database.db, [villages], act, expected);
const anonymous = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) => () =>
  t.app.inject({ method, url, payload });
const namesOf = (res: LightMyRequestResponse): string[] => res.json().items.map((v: Village) => v.name);
const idsOf = (res: LightMyRequestResponse): string[] => res.json().items.map((v: Village) => v.id);

beforeAll(async () => {
  t = await createTestApp();
  officer = await signIn(t, { scopeCode: THACH_HA, roles: ['officer'] });
  viewer = await signIn(t, { scopeCode: THACH_HA, roles: ['viewer'] });
  provinceOfficer = await signIn(t, { scopeCode: HA_TINH, roles: ['officer'] });
});
afterAll(() => t.close());

describe('POST /api/villages', () => {
  it('401 without a session, and nothing is written', async () => {
    await refused(anonymous('POST', '/api/villages', valid()), { status: 401, code: 'unauthenticated' });
  });

  it('400 for a body that is not JSON', async () => {
    const malformed = () =>
      officer.request({
        method: 'POST',
        url: '/api/villages',
        headers: { 'content-type': 'application/json' },
        payload: '{"communeCode": "18562", "name": ',
      });
    await refused(malformed, { status: 400, code: 'validation_failed', field: 'body' });
  });

  it.each([
    ['colour', 'an unknown field', { colour: 'đỏ' }],
    ['name', 'a name that is not text', { name: 42 }],
    ['name', 'a name over 100 characters', { name: `Thôn ${'a'.repeat(97)}` }],
    ['name', 'a blank name', { name: '   ' }],
    ['kind', 'an unknown kind of village', { kind: 'lang' }],
    ['communeCode', 'a missing commune', { communeCode: undefined }],
    ['communeCode', 'a commune code of four digits', { communeCode: '1856' }],
    ['communeCode', 'a province code', { communeCode: HA_TINH }],
    ['communeCode', 'Thạch Sơn, a commune merged into Thạch Hà in July 2025', { communeCode: '18589' }],
    ['communeCode', 'a commune code that never existed', { communeCode: '99999' }],
  ])('400 naming %s for %s, and nothing is written', async (field, _what, overrides) => {
    const problem = await refused(() => officer.post('/api/villages', valid(overrides)), {
      status: 400,
      code: 'validation_failed',
      field,
    });
    expect(problem.detail).toMatch(/\S/u);
    expect(problem.detailEn).toMatch(/\S/u);
  });

  it('403 for a viewer, even in their own commune', async () => {
    await refused(() => viewer.post('/api/villages', valid()), { status: 403, code: 'forbidden' });
  });

  it('403 for an officer of Thạch Hà creating a village in Cẩm Xuyên', async () => {
    await refused(() => officer.post('/api/villages', valid({ communeCode: CAM_XUYEN })), {
      status: 403,
      code: 'out_of_scope',
    });
  });

  it('403 for a provincial officer of Hà Tĩnh creating a village in Vĩnh Long', async () => {
    await refused(() => provinceOfficer.post('/api/villages', valid({ communeCode: PHU_KHUONG })), {
      status: 403,
      code: 'out_of_scope',
    });
  });

  it('creates a village of the officer’s commune, tidying the name, and audits who did it', async () => {
    const { body, event } = await expectAuditedWrite(
      t.database.db,
      () => officer.post('/api/villages', valid({ name: '  Thôn   Bắc   Sơn ', kind: 'xom' })),
      201,
    );
    expect(body).toMatchObject({
      provinceCode: HA_TINH,
      communeCode: THACH_HA,
      name: 'Thôn Bắc Sơn',
      kind: 'xom',
      archived: false,
      archivedAt: null,
      archiveReason: null,
      version: 1,
    });
    expect(event).toMatchObject({
      action: 'village.create',
      entity: 'village',
      entityId: body.id,
      actorId: officer.user.id,
      actorUsername: officer.user.username,
      provinceCode: HA_TINH,
      communeCode: THACH_HA,
      before: null,
    });
    expect(event.after).toEqual(body);
    expect((await officer.get(`/api/villages/${body.id}`)).json()).toEqual(body);
  });

  it('accepts a name of exactly 100 characters', async () => {
    const name = `Thôn ${'a'.repeat(95)}`;
    const res = await officer.post('/api/villages', valid({ name }));
    expect(res.statusCode).toBe(201);
    expect(res.json().name).toBe(name);
  });

  it('lets a provincial officer create villages in any commune of the province', async () => {
    const res = await provinceOfficer.post('/api/villages', valid({ communeCode: CAM_XUYEN }));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ provinceCode: HA_TINH, communeCode: CAM_XUYEN });
  });

  it('409 village_name_taken for a name the commune already uses, whatever the accents, case or keyboard', async () => {
    expect((await officer.post('/api/villages', valid({ name: 'Thôn Đông' }))).statusCode).toBe(201);
    for (const name of ['thon dong', 'THÔN ĐÔNG', 'Thôn Đông'.normalize('NFD'), ' Thôn  Đông ']) {
      await refused(() => officer.post('/api/villages', valid({ name })), {
        status: 409,
        code: 'village_name_taken',
        field: 'name',
      });
    }
  });

  it('keeps one village per name when several officers create it at the same moment', async () => {
    const results = await Promise.all(
      [officer, officer, provinceOfficer, provinceOfficer].map((user) =>
        user.post('/api/villages', valid({ name: 'Thôn Đồng Thời' })),
      ),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409, 409]);
    for (const r of results.filter((x) => x.statusCode === 409))
      expect(r.json()).toMatchObject({ code: 'village_name_taken', field: 'name' });
    const listed = await officer.get('/api/villages?q=thon dong thoi');
    expect(listed.json().total).toBe(1);
  });

  it('allows the same name in another commune', async () => {
    await buildVillage(t.database.db, { communeCode: THACH_HA, name: 'Thôn Tây' });
    const res = await provinceOfficer.post('/api/villages', valid({ communeCode: CAM_XUYEN, name: 'Thôn Tây' }));
    expect(res.statusCode).toBe(201);
  });
});

describe('GET /api/villages', () => {
  let own: Village;
  let neighbour: Village;
  let far: Village;

  beforeAll(async () => {
    own = await buildVillage(t.database.db, { communeCode: THACH_HA, name: 'Xóm Chợ' });
    neighbour = await buildVillage(t.database.db, { communeCode: CAM_XUYEN, name: 'Xóm Chợ' });
    far = await buildVillage(t.database.db, { communeCode: PHU_KHUONG, name: 'Khóm 1' });
  });

  it('401 without a session', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/villages' });
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it.each([
    ['querystring.commune', 'commune=1856'],
    ['querystring.includeArchived', 'includeArchived=yes'],
    ['querystring.limit', 'limit=501'],
    ['querystring.sort', 'sort=kind'],
    ['querystring.colour', 'colour=red'],
    ['querystring.commune', 'commune=18589'],
  ])('400 naming %s for ?%s', async (field, query) => {
    const res = await officer.get(`/api/villages?${query}`);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'validation_failed', field });
  });

  it('shows a commune user the villages of their own commune only', async () => {
    const res = await viewer.get('/api/villages?limit=500');
    expect(res.statusCode).toBe(200);
    expect(idsOf(res)).toContain(own.id);
    expect(idsOf(res)).not.toContain(neighbour.id);
    expect(idsOf(res)).not.toContain(far.id);
    expect(res.json().items.every((v: Village) => v.communeCode === THACH_HA)).toBe(true);
    expect(res.json().total).toBe(res.json().items.length);
  });

  it('403 for an officer of Thạch Hà asking for the villages of Cẩm Xuyên', async () => {
    const res = await officer.get(`/api/villages?commune=${CAM_XUYEN}`);
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('out_of_scope');
  });

  it('lets a provincial officer list the villages of every commune of the province, and no other', async () => {
    const all = await provinceOfficer.get('/api/villages?limit=500');
    expect(idsOf(all)).toEqual(expect.arrayContaining([own.id, neighbour.id]));
    expect(idsOf(all)).not.toContain(far.id);
    expect(all.json().items.every((v: Village & { provinceCode: string }) => v.provinceCode === HA_TINH)).toBe(true);
    const one = await provinceOfficer.get(`/api/villages?commune=${CAM_XUYEN}&limit=500`);
    expect(idsOf(one)).toContain(neighbour.id);
    expect(one.json().items.every((v: Village) => v.communeCode === CAM_XUYEN)).toBe(true);
    expect((await provinceOfficer.get(`/api/villages?commune=${PHU_KHUONG}`)).statusCode).toBe(403);
  });

  it('finds "Xóm Chợ" when searching without accents', async () => {
    const res = await officer.get('/api/villages?q=xom cho');
    expect(namesOf(res)).toEqual(['Xóm Chợ']);
  });

  it('finds "Thôn Đông" when searching "thon dong"', async () => {
    await buildVillage(t.database.db, { communeCode: CAM_XUYEN, name: 'Thôn Đông' });
    const res = await provinceOfficer.get(`/api/villages?commune=${CAM_XUYEN}&q=thon dong`);
    expect(namesOf(res)).toEqual(['Thôn Đông']);
  });

  it('sorts names in Vietnamese dictionary order', async () => {
    for (const name of ['Ấp Bình', 'Ấp Ân Phú', 'Ấp Đình', 'Ấp Dừa', 'Ấp An Hòa']) {
      await buildVillage(t.database.db, { communeCode: CAM_XUYEN, name, kind: 'ap' });
    }
    const res = await provinceOfficer.get(`/api/villages?commune=${CAM_XUYEN}&q=ap&limit=500`);
    expect(namesOf(res).filter((n) => n.startsWith('Ấp '))).toEqual([
      'Ấp An Hòa',
      'Ấp Ân Phú',
      'Ấp Bình',
      'Ấp Dừa',
      'Ấp Đình',
    ]);
  });
});

describe('GET /api/villages/:id', () => {
  it('400 for an id that is not a uuid', async () => {
    const res = await officer.get('/api/villages/123');
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toBe('params.id');
  });

  it('404 for a village of another commune, as for one that does not exist', async () => {
    const neighbour = await buildVillage(t.database.db, { communeCode: CAM_XUYEN });
    for (const id of [neighbour.id, '00000000-0000-4000-8000-000000000000']) {
      const res = await officer.get(`/api/villages/${id}`);
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('not_found');
    }
    expect((await provinceOfficer.get(`/api/villages/${neighbour.id}`)).statusCode).toBe(200);
  });
});

describe('PATCH /api/villages/:id', () => {
  it('401 without a session, and nothing changes', async () => {
    const v = await buildVillage(t.database.db);
    await refused(anonymous('PATCH', `/api/villages/${v.id}`, { name: newName(), version: v.version }), {
      status: 401,
      code: 'unauthenticated',
    });
  });

  it.each([
    ['version', 'a missing version', { version: undefined }],
    ['version', 'a version that is not a number', { version: '1' }],
    ['name', 'a name over 100 characters', { name: 'x'.repeat(101) }],
    ['kind', 'an unknown kind', { kind: 'village' }],
    ['communeCode', 'an attempt to move the village to another commune', { communeCode: CAM_XUYEN }],
  ])('400 naming %s for %s, and nothing changes', async (field, _what, overrides) => {
    const v = await buildVillage(t.database.db);
    await refused(() => officer.patch(`/api/villages/${v.id}`, { name: newName(), version: v.version, ...overrides }), {
      status: 400,
      code: 'validation_failed',
      field,
    });
  });

  it('403 for a viewer', async () => {
    const v = await buildVillage(t.database.db);
    await refused(() => viewer.patch(`/api/villages/${v.id}`, { name: newName(), version: v.version }), {
      status: 403,
      code: 'forbidden',
    });
  });

  it('404 for an officer of Thạch Hà renaming a village of Cẩm Xuyên', async () => {
    const v = await buildVillage(t.database.db, { communeCode: CAM_XUYEN });
    await refused(() => officer.patch(`/api/villages/${v.id}`, { name: newName(), version: v.version }), {
      status: 404,
      code: 'not_found',
    });
  });

  it('renames a village, bumping its version and auditing before and after', async () => {
    const v = await buildVillage(t.database.db, { name: 'Thôn Cũ' });
    const { body, event } = await expectAuditedWrite(
      t.database.db,
      () => officer.patch(`/api/villages/${v.id}`, { name: 'Thôn Hòa Bình', kind: 'to_dan_pho', version: v.version }),
      200,
    );
    expect(body).toMatchObject({ id: v.id, name: 'Thôn Hòa Bình', kind: 'to_dan_pho', version: v.version + 1 });
    expect(event).toMatchObject({
      action: 'village.update',
      entity: 'village',
      entityId: v.id,
      actorId: officer.user.id,
      actorUsername: officer.user.username,
      provinceCode: HA_TINH,
      communeCode: THACH_HA,
    });
    expect(event.before).toEqual(v);
    expect(event.after).toEqual(body);
    expect((await officer.get('/api/villages?q=hoa binh')).json().items.map((x: Village) => x.id)).toEqual([v.id]);
  });

  it('409 stale_version when someone else changed the village since it was read', async () => {
    const v = await buildVillage(t.database.db);
    expect((await officer.patch(`/api/villages/${v.id}`, { name: newName(), version: v.version })).statusCode).toBe(
      200,
    );
    await refused(() => officer.patch(`/api/villages/${v.id}`, { name: newName(), version: v.version }), {
      status: 409,
      code: 'stale_version',
    });
  });

  it('409 village_name_taken for a rename onto another village’s name, but a village may fix its own spelling', async () => {
    await buildVillage(t.database.db, { name: 'Thôn Nam' });
    const v = await buildVillage(t.database.db, { name: 'thon bac' });
    await refused(() => officer.patch(`/api/villages/${v.id}`, { name: 'THÔN NAM', version: v.version }), {
      status: 409,
      code: 'village_name_taken',
      field: 'name',
    });
    const fixed = await officer.patch(`/api/villages/${v.id}`, { name: 'Thôn Bắc', version: v.version });
    expect(fixed.statusCode).toBe(200);
    expect(fixed.json().name).toBe('Thôn Bắc');
  });
});

describe('POST /api/villages/:id/archive', () => {
  it('401 without a session, and nothing changes', async () => {
    const v = await buildVillage(t.database.db);
    await refused(anonymous('POST', `/api/villages/${v.id}/archive`, { reason: 'Sáp nhập', version: v.version }), {
      status: 401,
      code: 'unauthenticated',
    });
  });

  it.each([
    ['reason', 'no reason', { reason: undefined }],
    ['reason', 'a blank reason', { reason: '  ' }],
    ['reason', 'a reason over 500 characters', { reason: 'x'.repeat(501) }],
    ['version', 'no version', { version: undefined }],
  ])('400 naming %s for %s, and nothing changes', async (field, _what, overrides) => {
    const v = await buildVillage(t.database.db);
    await refused(
      () => officer.post(`/api/villages/${v.id}/archive`, { reason: 'Sáp nhập', version: v.version, ...overrides }),
      {
        status: 400,
        code: 'validation_failed',
        field,
      },
    );
  });

  it('403 for a viewer; 404 for an officer of another commune', async () => {
    const own = await buildVillage(t.database.db);
    await refused(() => viewer.post(`/api/villages/${own.id}/archive`, { reason: 'Sáp nhập', version: own.version }), {
      status: 403,
      code: 'forbidden',
    });
    const neighbour = await buildVillage(t.database.db, { communeCode: CAM_XUYEN });
    await refused(
      () => officer.post(`/api/villages/${neighbour.id}/archive`, { reason: 'Sáp nhập', version: neighbour.version }),
      {
        status: 404,
        code: 'not_found',
      },
    );
  });

  it('archives with a reason: hidden from the list unless archived villages are asked for', async () => {
    const v = await buildVillage(t.database.db, { name: 'Xóm Bãi Bồi' });
    const { body, event } = await expectAuditedWrite(
      t.database.db,
      () => officer.post(`/api/villages/${v.id}/archive`, { reason: 'Sáp nhập vào Thôn Đông', version: v.version }),
      200,
    );
    expect(body).toMatchObject({ archived: true, archiveReason: 'Sáp nhập vào Thôn Đông', version: v.version + 1 });
    expect(body.archivedAt).toEqual(expect.any(String));
    expect(event).toMatchObject({
      action: 'village.archive',
      entity: 'village',
      entityId: v.id,
      actorId: officer.user.id,
    });
    expect(event.before).toEqual(v);
    expect(event.after).toEqual(body);

    expect(idsOf(await officer.get('/api/villages?limit=500'))).not.toContain(v.id);
    expect(idsOf(await officer.get('/api/villages?limit=500&includeArchived=false'))).not.toContain(v.id);
    const withArchived = await officer.get('/api/villages?limit=500&includeArchived=true');
    expect(withArchived.json().items.find((x: Village) => x.id === v.id)).toEqual(body);
    expect((await officer.get(`/api/villages/${v.id}`)).json()).toEqual(body);
  });

  it('409 already_archived when archiving twice', async () => {
    const v = await buildVillage(t.database.db);
    const first = await officer.post(`/api/villages/${v.id}/archive`, { reason: 'Sáp nhập', version: v.version });
    await refused(
      () => officer.post(`/api/villages/${v.id}/archive`, { reason: 'Lần nữa', version: first.json().version }),
      {
        status: 409,
        code: 'already_archived',
      },
    );
  });

  it('409 stale_version when archiving a village changed since it was read', async () => {
    const v = await buildVillage(t.database.db);
    await officer.patch(`/api/villages/${v.id}`, { name: newName(), version: v.version });
    await refused(() => officer.post(`/api/villages/${v.id}/archive`, { reason: 'Sáp nhập', version: v.version }), {
      status: 409,
      code: 'stale_version',
    });
  });

  it('frees the name of an archived village for a new one', async () => {
    const v = await buildVillage(t.database.db, { name: 'Thôn Trung' });
    await officer.post(`/api/villages/${v.id}/archive`, { reason: 'Chia tách', version: v.version });
    expect((await officer.post('/api/villages', valid({ name: 'Thôn Trung' }))).statusCode).toBe(201);
  });
});
