import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, signInSystemAdmin, type TestApp } from '../../../../test/helpers/app';
import {
  buildOrganisation,
  CAM_XUYEN,
  HA_TINH,
  PHU_KHUONG,
  THACH_HA,
  VINH_LONG,
} from '../../../../test/helpers/factories';
import { expectAuditedWrite, expectRefused } from '../../../../test/helpers/trace';
import { organisations } from './tables';

type Signed = Awaited<ReturnType<typeof signIn>>;
type SignedAdmin = Awaited<ReturnType<typeof signInSystemAdmin>>;
type Organisation = Awaited<ReturnType<typeof buildOrganisation>>;

let t: TestApp;
let systemAdmin: SignedAdmin;
/** Users of the commune Thạch Hà, and of the province Hà Tĩnh. */
let communeViewer: Signed;
let communeOfficer: Signed;
let communeAdmin: Signed;
let provinceAdmin: Signed;

/** One organisation at each level: the country, Hà Tĩnh and its two communes, Vĩnh Long and one of its wards. */
const at = {} as Record<'national' | 'haTinh' | 'thachHa' | 'camXuyen' | 'vinhLong' | 'phuKhuong', Organisation>;

let seq = 0;
const valid = (overrides: Record<string, unknown> = {}) => ({
  name: `Hội Cựu chiến binh ${++seq}`,
  shortName: 'CCB',
  kind: 'member_organisation',
  unitCode: THACH_HA,
  ...overrides,
});

const refused = (
  act: () => Promise<LightMyRequestResponse>,
  expected: { status: number; code: string; field?: string },
) => expectRefused(t.database.db, [organisations], act, expected);
const idsOf = (res: LightMyRequestResponse): string[] => res.json().items.map((o: Organisation) => o.id);

beforeAll(async () => {
  t = await createTestApp();
  systemAdmin = await signInSystemAdmin(t);
  communeViewer = await signIn(t, { scopeCode: THACH_HA, roles: ['viewer'] });
  communeOfficer = await signIn(t, { scopeCode: THACH_HA, roles: ['officer'] });
  communeAdmin = await signIn(t, { scopeCode: THACH_HA, roles: ['admin'] });
  provinceAdmin = await signIn(t, { scopeCode: HA_TINH, roles: ['admin'] });
  const db = t.database.db;
  at.national = await buildOrganisation(db, { unitCode: null, name: 'Ngân hàng Chính sách xã hội', kind: 'bank' });
  at.haTinh = await buildOrganisation(db, {
    unitCode: HA_TINH,
    name: 'Ủy ban MTTQ Việt Nam tỉnh Hà Tĩnh',
    kind: 'front_committee',
  });
  at.thachHa = await buildOrganisation(db, { unitCode: THACH_HA, name: 'Hội Liên hiệp Phụ nữ xã Thạch Hà' });
  at.camXuyen = await buildOrganisation(db, { unitCode: CAM_XUYEN, name: 'Hội Nông dân xã Cẩm Xuyên' });
  at.vinhLong = await buildOrganisation(db, {
    unitCode: VINH_LONG,
    name: 'Sở Y tế tỉnh Vĩnh Long',
    kind: 'government_department',
  });
  at.phuKhuong = await buildOrganisation(db, { unitCode: PHU_KHUONG, name: 'Đoàn Thanh niên phường Phú Khương' });
});
afterAll(() => t.close());

describe('GET /api/organisations', () => {
  it('401 without a session', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/organisations' });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('unauthenticated');
  });

  it.each([
    ['querystring.kind', 'kind=church'],
    ['querystring.unit', 'unit=4'],
    ['querystring.includeArchived', 'includeArchived=1'],
    ['querystring.colour', 'colour=red'],
  ])('400 naming %s for ?%s', async (field, query) => {
    const res = await communeViewer.get(`/api/organisations?${query}`);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'validation_failed', field });
  });

  it('shows a commune user the organisations of their commune, their province and the country, and no other commune’s', async () => {
    const ids = idsOf(await communeViewer.get('/api/organisations?limit=500'));
    expect(ids).toEqual(expect.arrayContaining([at.national.id, at.haTinh.id, at.thachHa.id]));
    for (const hidden of [at.camXuyen, at.vinhLong, at.phuKhuong]) expect(ids).not.toContain(hidden.id);
  });

  it('shows a province user every organisation of the province and the national ones, not another province’s', async () => {
    const ids = idsOf(await provinceAdmin.get('/api/organisations?limit=500'));
    expect(ids).toEqual(expect.arrayContaining([at.national.id, at.haTinh.id, at.thachHa.id, at.camXuyen.id]));
    expect(ids).not.toContain(at.vinhLong.id);
    expect(ids).not.toContain(at.phuKhuong.id);
  });

  it('finds an organisation by its name or short name without accents', async () => {
    const byName = await communeViewer.get('/api/organisations?q=hoi lien hiep phu nu');
    expect(idsOf(byName)).toEqual([at.thachHa.id]);
    const org = await buildOrganisation(t.database.db, {
      unitCode: THACH_HA,
      name: 'Hợp tác xã Nông nghiệp',
      shortName: 'HTX Đồng Tiến',
    });
    expect(idsOf(await communeViewer.get('/api/organisations?q=htx dong tien'))).toEqual([org.id]);
  });

  it('filters by kind and by unit', async () => {
    const banks = (await communeViewer.get('/api/organisations?kind=bank&limit=500')).json();
    expect(banks.items.map((o: Organisation) => o.id)).toContain(at.national.id);
    expect(banks.items.every((o: Organisation) => o.kind === 'bank')).toBe(true);
    const province = (await provinceAdmin.get(`/api/organisations?unit=${HA_TINH}&limit=500`)).json();
    expect(province.items.map((o: Organisation) => o.id)).toContain(at.haTinh.id);
    expect(province.items.every((o: Organisation) => o.unitCode === HA_TINH)).toBe(true);
    expect(province.total).toBe(province.items.length);
  });

  it('names the unit each organisation sits at, "Trung ương" for national ones', async () => {
    const items: Organisation[] = (await communeViewer.get('/api/organisations?limit=500')).json().items;
    const byId = new Map(items.map((o) => [o.id, o]));
    expect(byId.get(at.national.id)).toMatchObject({
      unitCode: null,
      unitName: 'Trung ương',
      provinceCode: null,
      communeCode: null,
    });
    expect(byId.get(at.haTinh.id)).toMatchObject({
      unitName: 'Tỉnh Hà Tĩnh',
      provinceCode: HA_TINH,
      communeCode: null,
    });
    expect(byId.get(at.thachHa.id)).toMatchObject({
      unitName: 'Xã Thạch Hà',
      provinceCode: HA_TINH,
      communeCode: THACH_HA,
    });
  });
});

describe('GET /api/organisations/:id', () => {
  it('gives a commune user the organisations above them', async () => {
    for (const org of [at.national, at.haTinh, at.thachHa]) {
      const res = await communeViewer.get(`/api/organisations/${org.id}`);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual(org);
    }
  });

  it('404 for another commune’s or another province’s organisation, as for one that does not exist', async () => {
    for (const id of [at.camXuyen.id, at.vinhLong.id, at.phuKhuong.id, '00000000-0000-4000-8000-000000000000']) {
      const res = await communeViewer.get(`/api/organisations/${id}`);
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('not_found');
    }
  });

  it('400 for an id that is not a uuid', async () => {
    const res = await communeViewer.get('/api/organisations/hoi-nong-dan');
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toBe('params.id');
  });
});

describe('POST /api/organisations', () => {
  it('401 without a session, and nothing is written', async () => {
    await refused(() => t.app.inject({ method: 'POST', url: '/api/organisations', payload: valid() }), {
      status: 401,
      code: 'unauthenticated',
    });
  });

  it('400 for a body that is not JSON', async () => {
    const malformed = () =>
      communeAdmin.request({
        method: 'POST',
        url: '/api/organisations',
        headers: { 'content-type': 'application/json' },
        payload: '{"name": "Hội',
      });
    await refused(malformed, { status: 400, code: 'validation_failed', field: 'body' });
  });

  it.each([
    ['kind', 'an unknown kind', { kind: 'church' }],
    ['kind', 'no kind', { kind: undefined }],
    ['name', 'a name that is not text', { name: ['Hội'] }],
    ['name', 'a name over 200 characters', { name: 'H'.repeat(201) }],
    ['name', 'a blank name', { name: ' ' }],
    ['shortName', 'a short name over 50 characters', { shortName: 'H'.repeat(51) }],
    ['unitCode', 'no unit (national must be said with null)', { unitCode: undefined }],
    ['unitCode', 'a unit code of one digit', { unitCode: '4' }],
    ['unitCode', 'the code of a former district', { unitCode: '445' }],
    ['unitCode', 'Trà Vinh, a province merged into Vĩnh Long in July 2025', { unitCode: '84' }],
    ['unitCode', 'Thạch Sơn, a commune merged into Thạch Hà in July 2025', { unitCode: '18589' }],
    ['website', 'an unknown field', { website: 'https://example.vn' }],
  ])('400 naming %s for %s, and nothing is written', async (field, _what, overrides) => {
    await refused(() => communeAdmin.post('/api/organisations', valid(overrides)), {
      status: 400,
      code: 'validation_failed',
      field,
    });
  });

  it('403 for anyone who is not an administrator, even in their own commune', async () => {
    for (const user of [communeViewer, communeOfficer]) {
      await refused(() => user.post('/api/organisations', valid()), { status: 403, code: 'forbidden' });
    }
  });

  it('403 for a commune administrator placing an organisation at the province or at another commune', async () => {
    for (const unitCode of [HA_TINH, CAM_XUYEN, null]) {
      await refused(() => communeAdmin.post('/api/organisations', valid({ unitCode })), {
        status: 403,
        code: 'out_of_scope',
      });
    }
  });

  it('403 for an administrator of Hà Tĩnh placing an organisation in Vĩnh Long or at national level', async () => {
    for (const unitCode of [VINH_LONG, PHU_KHUONG, null]) {
      await refused(() => provinceAdmin.post('/api/organisations', valid({ unitCode })), {
        status: 403,
        code: 'out_of_scope',
      });
    }
  });

  it('lets a province administrator create at the province and in its communes, audited', async () => {
    const { body, event } = await expectAuditedWrite(
      t.database.db,
      () =>
        provinceAdmin.post(
          '/api/organisations',
          valid({
            name: '  Sở Nông nghiệp   và Môi trường ',
            shortName: '',
            unitCode: HA_TINH,
            kind: 'government_department',
          }),
        ),
      201,
    );
    expect(body).toMatchObject({
      name: 'Sở Nông nghiệp và Môi trường',
      shortName: null,
      kind: 'government_department',
      unitCode: HA_TINH,
      unitName: 'Tỉnh Hà Tĩnh',
      provinceCode: HA_TINH,
      communeCode: null,
      archived: false,
      version: 1,
    });
    expect(event).toMatchObject({
      action: 'organisation.create',
      entity: 'organisation',
      entityId: body.id,
      actorId: provinceAdmin.user.id,
      actorUsername: provinceAdmin.user.username,
      provinceCode: HA_TINH,
      communeCode: null,
      before: null,
    });
    expect(event.after).toEqual(body);
    const inCommune = await provinceAdmin.post('/api/organisations', valid({ unitCode: CAM_XUYEN }));
    expect(inCommune.statusCode).toBe(201);
    expect(inCommune.json()).toMatchObject({ provinceCode: HA_TINH, communeCode: CAM_XUYEN, unitName: 'Xã Cẩm Xuyên' });
  });

  it('lets a commune administrator create in their own commune, and the commune then sees it', async () => {
    const { body, event } = await expectAuditedWrite(
      t.database.db,
      () => communeAdmin.post('/api/organisations', valid()),
      201,
    );
    expect(event).toMatchObject({ actorId: communeAdmin.user.id, provinceCode: HA_TINH, communeCode: THACH_HA });
    expect((await communeViewer.get(`/api/organisations/${body.id}`)).json()).toEqual(body);
  });

  it('lets the national administrator create a national organisation', async () => {
    const { body, event } = await expectAuditedWrite(
      t.database.db,
      () =>
        systemAdmin.post(
          '/api/organisations',
          valid({ unitCode: null, name: 'Bộ Y tế', kind: 'government_department' }),
        ),
      201,
    );
    expect(body).toMatchObject({ unitCode: null, unitName: 'Trung ương', provinceCode: null, communeCode: null });
    expect(event).toMatchObject({ actorUsername: 'admin', provinceCode: null, communeCode: null });
  });
});

describe('PATCH /api/organisations/:id', () => {
  it('401 without a session, and nothing changes', async () => {
    const org = await buildOrganisation(t.database.db);
    await refused(
      () =>
        t.app.inject({
          method: 'PATCH',
          url: `/api/organisations/${org.id}`,
          payload: { name: 'Mới', version: org.version },
        }),
      { status: 401, code: 'unauthenticated' },
    );
  });

  it.each([
    ['version', 'no version', { version: undefined }],
    ['kind', 'an unknown kind', { kind: 'church' }],
    ['name', 'a name over 200 characters', { name: 'H'.repeat(201) }],
    ['unitCode', 'an attempt to move the organisation', { unitCode: CAM_XUYEN }],
  ])('400 naming %s for %s, and nothing changes', async (field, _what, overrides) => {
    const org = await buildOrganisation(t.database.db, { unitCode: THACH_HA });
    await refused(
      () => communeAdmin.patch(`/api/organisations/${org.id}`, { name: 'Mới', version: org.version, ...overrides }),
      {
        status: 400,
        code: 'validation_failed',
        field,
      },
    );
  });

  it('403 for a commune officer, and for a commune administrator editing the province’s organisation', async () => {
    const own = await buildOrganisation(t.database.db, { unitCode: THACH_HA });
    await refused(() => communeOfficer.patch(`/api/organisations/${own.id}`, { name: 'Mới', version: own.version }), {
      status: 403,
      code: 'forbidden',
    });
    for (const org of [at.haTinh, at.national]) {
      await refused(() => communeAdmin.patch(`/api/organisations/${org.id}`, { name: 'Mới', version: org.version }), {
        status: 403,
        code: 'out_of_scope',
      });
    }
  });

  it('404 for an administrator editing an organisation out of sight', async () => {
    await refused(
      () => communeAdmin.patch(`/api/organisations/${at.camXuyen.id}`, { name: 'Mới', version: at.camXuyen.version }),
      {
        status: 404,
        code: 'not_found',
      },
    );
    await refused(
      () => provinceAdmin.patch(`/api/organisations/${at.vinhLong.id}`, { name: 'Mới', version: at.vinhLong.version }),
      {
        status: 404,
        code: 'not_found',
      },
    );
  });

  it('renames and re-kinds an organisation, auditing before and after', async () => {
    const org = await buildOrganisation(t.database.db, { unitCode: CAM_XUYEN, name: 'Hội Khuyến học' });
    const { body, event } = await expectAuditedWrite(
      t.database.db,
      () =>
        provinceAdmin.patch(`/api/organisations/${org.id}`, {
          name: 'Hội Khuyến học xã Cẩm Xuyên',
          shortName: 'HKH',
          kind: 'other',
          version: org.version,
        }),
      200,
    );
    expect(body).toMatchObject({
      id: org.id,
      name: 'Hội Khuyến học xã Cẩm Xuyên',
      shortName: 'HKH',
      kind: 'other',
      version: org.version + 1,
    });
    expect(event).toMatchObject({
      action: 'organisation.update',
      entity: 'organisation',
      entityId: org.id,
      actorId: provinceAdmin.user.id,
      provinceCode: HA_TINH,
      communeCode: CAM_XUYEN,
    });
    expect(event.before).toEqual(org);
    expect(event.after).toEqual(body);
    const cleared = await provinceAdmin.patch(`/api/organisations/${org.id}`, {
      shortName: null,
      version: body.version,
    });
    expect(cleared.json()).toMatchObject({ name: 'Hội Khuyến học xã Cẩm Xuyên', shortName: null, kind: 'other' });
  });

  it('409 stale_version when someone else changed the organisation since it was read', async () => {
    const org = await buildOrganisation(t.database.db, { unitCode: THACH_HA });
    expect(
      (await communeAdmin.patch(`/api/organisations/${org.id}`, { name: 'Tên mới', version: org.version })).statusCode,
    ).toBe(200);
    await refused(
      () => communeAdmin.patch(`/api/organisations/${org.id}`, { name: 'Tên khác', version: org.version }),
      {
        status: 409,
        code: 'stale_version',
      },
    );
  });
});

describe('POST /api/organisations/:id/archive', () => {
  it('401 without a session; 400 without a version', async () => {
    const org = await buildOrganisation(t.database.db);
    await refused(
      () =>
        t.app.inject({
          method: 'POST',
          url: `/api/organisations/${org.id}/archive`,
          payload: { version: org.version },
        }),
      { status: 401, code: 'unauthenticated' },
    );
    await refused(() => communeAdmin.post(`/api/organisations/${org.id}/archive`, {}), {
      status: 400,
      code: 'validation_failed',
      field: 'version',
    });
  });

  it('403 for a non-administrator or an organisation above the administrator; 404 out of sight', async () => {
    const own = await buildOrganisation(t.database.db, { unitCode: THACH_HA });
    await refused(() => communeOfficer.post(`/api/organisations/${own.id}/archive`, { version: own.version }), {
      status: 403,
      code: 'forbidden',
    });
    await refused(
      () => communeAdmin.post(`/api/organisations/${at.haTinh.id}/archive`, { version: at.haTinh.version }),
      {
        status: 403,
        code: 'out_of_scope',
      },
    );
    await refused(
      () => provinceAdmin.post(`/api/organisations/${at.phuKhuong.id}/archive`, { version: at.phuKhuong.version }),
      {
        status: 404,
        code: 'not_found',
      },
    );
  });

  it('archives an organisation: gone from the list unless archived ones are asked for, audited', async () => {
    const org = await buildOrganisation(t.database.db, { unitCode: THACH_HA, name: 'Tổ hợp tác Mây tre đan' });
    const { body, event } = await expectAuditedWrite(
      t.database.db,
      () => communeAdmin.post(`/api/organisations/${org.id}/archive`, { version: org.version }),
      200,
    );
    expect(body).toMatchObject({ id: org.id, archived: true, version: org.version + 1 });
    expect(event).toMatchObject({
      action: 'organisation.archive',
      entity: 'organisation',
      entityId: org.id,
      actorId: communeAdmin.user.id,
    });
    expect(event.before).toEqual(org);
    expect(event.after).toEqual(body);
    expect(idsOf(await communeViewer.get('/api/organisations?limit=500'))).not.toContain(org.id);
    const withArchived = await communeViewer.get('/api/organisations?limit=500&includeArchived=true');
    expect(withArchived.json().items.find((o: Organisation) => o.id === org.id)).toEqual(body);
  });

  it('409 already_archived when archiving twice, keeping the original archive date', async () => {
    const org = await buildOrganisation(t.database.db, { unitCode: THACH_HA });
    const first = await communeAdmin.post(`/api/organisations/${org.id}/archive`, { version: org.version });
    expect(first.statusCode).toBe(200);
    await refused(() => communeAdmin.post(`/api/organisations/${org.id}/archive`, { version: first.json().version }), {
      status: 409,
      code: 'already_archived',
    });
  });

  it('409 stale_version when archiving an organisation changed since it was read', async () => {
    const org = await buildOrganisation(t.database.db, { unitCode: THACH_HA });
    await communeAdmin.patch(`/api/organisations/${org.id}`, { name: 'Tên mới', version: org.version });
    await refused(() => communeAdmin.post(`/api/organisations/${org.id}/archive`, { version: org.version }), {
      status: 409,
      code: 'stale_version',
    });
  });
});
