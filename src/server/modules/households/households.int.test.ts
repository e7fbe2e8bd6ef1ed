import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../../../../test/helpers/app';
import {
  buildHousehold,
  buildVillage,
  CAM_XUYEN,
  HA_TINH,
  member,
  PHU_KHUONG,
  systemAdmin,
  THACH_HA,
  VINH_LONG,
} from '../../../../test/helpers/factories';
import { eq } from 'drizzle-orm';
import { auditTrail } from '../../../../test/helpers/trace';
import { addMember, changeHead, memberLeaves, splitHousehold } from './service';
import { households } from './tables';

let t: TestApp;
let officer: Awaited<ReturnType<typeof signIn>>;
let viewer: Awaited<ReturnType<typeof signIn>>;
let villageId = '';

const newHousehold = (overrides: Record<string, unknown> = {}) => ({
  communeCode: THACH_HA,
  villageId,
  code: `HN-${Math.floor(Math.random() * 1e9)}`,
  address: 'Thôn 3, xã Thạch Hà',
  area: 'rural',
  members: [
    member({ fullName: 'Lê Văn Dũng', relation: 'head', citizenId: '042085001234' }),
    member({
      fullName: 'Lê Thị Hoa',
      relation: 'child',
      sex: 'female',
      dateOfBirth: '2012-09-01',
      education: null,
      work: null,
      attending: 'lower_secondary',
    }),
  ],
  ...overrides,
});
const auditFor = (id: string) => auditTrail(t.database.db, 'household', id);

beforeAll(async () => {
  t = await createTestApp();
  officer = await signIn(t, { scopeCode: THACH_HA, roles: ['officer'] });
  viewer = await signIn(t, { scopeCode: THACH_HA, roles: ['viewer'] });
  villageId = (await buildVillage(t.database.db, { communeCode: THACH_HA })).id;
});
afterAll(() => t.close());

describe('POST /api/households', () => {
  it('401 without a session', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/households', payload: newHousehold() })).statusCode).toBe(
      401,
    );
  });

  it.each([
    ['code', { code: 'mã có dấu' }],
    ['address', { address: '' }],
    ['area', { area: 'mountain' }],
    ['villageId', { villageId: 'not-a-uuid' }],
    ['communeCode', { communeCode: '42' }],
    ['members', { members: [] }],
    ['members', { members: [member({ relation: 'child' })] }],
    ['members.0.citizenId', { members: [member({ relation: 'head', citizenId: '1234' })] }],
    ['members.0.citizenId', { members: [member({ relation: 'head', citizenId: '042185001234' })] }],
    ['members.0.dateOfBirth', { members: [member({ relation: 'head', dateOfBirth: '1985-02-30' })] }],
    [
      'dwelling.floorArea',
      {
        dwelling: {
          walls: null,
          frame: null,
          roof: null,
          floorArea: -3,
          cleanWater: null,
          hygienicLatrine: null,
          telecomSubscription: null,
          devices: null,
          hearsLoudspeaker: null,
          internetUse: null,
          wasteHandledHygienically: null,
        },
      },
    ],
    ['policyFlags', { policyFlags: ['rich'] }],
  ])('400 naming %s', async (field, overrides) => {
    const res = await officer.post('/api/households', newHousehold(overrides));
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .errors.map((e: { field: string }) => e.field)
        .join(' '),
    ).toContain(field);
  });

  it('400 for a village of another commune', async () => {
    const other = await buildVillage(t.database.db, { communeCode: CAM_XUYEN });
    const admin = await signIn(t, { scopeCode: HA_TINH, roles: ['officer'] });
    const res = await admin.post('/api/households', newHousehold({ villageId: other.id }));
    expect(res.json().field).toBe('villageId');
  });

  it('403 for a viewer, and for an officer of another commune', async () => {
    expect((await viewer.post('/api/households', newHousehold())).statusCode).toBe(403);
    const elsewhere = await signIn(t, { scopeCode: CAM_XUYEN, roles: ['officer'] });
    expect((await elsewhere.post('/api/households', newHousehold())).statusCode).toBe(403);
  });

  it('creates a household with its members, audited, and refuses the same code twice in the commune', async () => {
    const body = newHousehold();
    const res = await officer.post('/api/households', body);
    expect(res.statusCode).toBe(201);
    const h = res.json();
    expect(h).toMatchObject({ code: body.code, headName: 'Lê Văn Dũng', memberCount: 2, version: 1 });
    expect(h.members.map((m: { relation: string }) => m.relation)).toEqual(['head', 'child']);
    expect((await auditFor(h.id)).map((e) => e.action)).toEqual(['household.create']);
    const again = await officer.post('/api/households', body);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'household_code_taken', field: 'code' });
  });
});

describe('finding households', () => {
  it('finds a household by a member’s name without accents, by code and by citizen ID, only in the area', async () => {
    const mine = await buildHousehold(t.database.db, { headName: 'Phạm Thị Ánh Tuyết', headCitizenId: '042085009999' });
    const far = await buildHousehold(t.database.db, { communeCode: CAM_XUYEN, headName: 'Phạm Thị Ánh Tuyết' });
    for (const q of ['pham thi anh tuyet', mine.code.toLowerCase(), '042085009999']) {
      const ids = (await officer.get(`/api/households?q=${encodeURIComponent(q)}`))
        .json()
        .items.map((h: { id: string }) => h.id);
      expect(ids).toContain(mine.id);
      expect(ids).not.toContain(far.id);
    }
    expect((await officer.get(`/api/households/${far.id}`)).statusCode).toBe(404);
    expect((await officer.get(`/api/households?commune=${CAM_XUYEN}`)).statusCode).toBe(403);
  });

  it('narrows a national list to one province; a province officer cannot ask for another', async () => {
    const haTinh = await buildHousehold(t.database.db, { headName: 'Võ Thị Tỉnh' });
    const vinhLong = await buildHousehold(t.database.db, { communeCode: PHU_KHUONG, headName: 'Võ Thị Tỉnh' });
    const national = await signIn(t, { scopeCode: null, roles: ['officer'] });
    const ids = async (query: string) =>
      (await national.get(`/api/households?q=vo%20thi%20tinh&${query}`)).json().items.map((h: { id: string }) => h.id);
    expect(await ids('')).toEqual(expect.arrayContaining([haTinh.id, vinhLong.id]));
    expect(await ids(`province=${HA_TINH}`)).toEqual([haTinh.id]);
    const province = await signIn(t, { scopeCode: HA_TINH, roles: ['officer'] });
    expect((await province.get(`/api/households?province=${VINH_LONG}`)).statusCode).toBe(403);
    expect((await province.get('/api/households?province=99')).statusCode).toBe(400);
  });

  it('matches whole words typed and an unfinished last word, in order', async () => {
    const h = await buildHousehold(t.database.db, { headName: 'Võ Thị Thanh Hằng' });
    const ids = async (q: string) =>
      (await officer.get(`/api/households?q=${encodeURIComponent(q)}`)).json().items.map((x: { id: string }) => x.id);
    expect(await ids('vo thi thanh h')).toContain(h.id);
    expect(await ids('Võ Thị Thanh Hằng')).toContain(h.id);
    expect(await ids('thanh hang')).toContain(h.id);
    expect(await ids('hang thanh')).not.toContain(h.id);
    expect(await ids('vo thi tha')).toContain(h.id);
    const page = (await officer.get('/api/households?limit=1')).json();
    expect(page).toMatchObject({ totalCapped: false });
  });

  it('shows a viewer only the last four digits of citizen IDs', async () => {
    const h = await buildHousehold(t.database.db, { headCitizenId: '042085004321' });
    const res = await viewer.get(`/api/households/${h.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const seen = res.json();
    expect(seen.members[0].citizenId).toBe('********4321');
    expect((await officer.get(`/api/households/${h.id}`)).json().members[0].citizenId).toBe('042085004321');
  });

  it('flags the same citizen ID in two households as a possible duplicate', async () => {
    const a = await buildHousehold(t.database.db, { headCitizenId: '042085007777' });
    const b = await buildHousehold(t.database.db, { communeCode: CAM_XUYEN, headCitizenId: '042085007777' });
    const seen = (await officer.get(`/api/households/${a.id}`)).json();
    // The other household lies outside the officer's commune: flagged, not named.
    expect(seen.members[0].duplicateOf).toEqual([{ householdId: null, householdCode: null, communeCode: CAM_XUYEN }]);
    const province = await signIn(t, { scopeCode: HA_TINH, roles: ['officer'] });
    const named = (await province.get(`/api/households/${a.id}`)).json();
    expect(named.members[0].duplicateOf[0]).toMatchObject({ householdId: b.id, householdCode: b.code });
  });
});

describe('changing a household', () => {
  it('edits, records the dwelling, moves within the commune and archives, each audited with before and after', async () => {
    const h = await buildHousehold(t.database.db);
    let res = await officer.patch(`/api/households/${h.id}`, {
      phone: '0912 345 678',
      policyFlags: ['merit_family'],
      version: 1,
    });
    expect(res.json()).toMatchObject({ phone: '0912 345 678', policyFlags: ['merit_family'], version: 2 });
    res = await officer.put(`/api/households/${h.id}/dwelling`, { ...h.dwelling, floorArea: 60, version: 2 });
    expect(res.json().dwelling.floorArea).toBe(60);
    const otherVillage = await buildVillage(t.database.db, { communeCode: THACH_HA });
    res = await officer.post(`/api/households/${h.id}/move`, { villageId: otherVillage.id, version: 3 });
    expect(res.json().villageId).toBe(otherVillage.id);
    const stale = await officer.post(`/api/households/${h.id}/archive`, { reason: 'Chuyển đi nơi khác', version: 3 });
    expect(stale.json().code).toBe('stale_version');
    res = await officer.post(`/api/households/${h.id}/archive`, { reason: 'Chuyển đi nơi khác', version: 4 });
    expect(res.json()).toMatchObject({ archived: true, archiveReason: 'Chuyển đi nơi khác' });
    const events = await auditFor(h.id);
    expect(events.map((e) => e.action)).toEqual([
      'household.create',
      'household.update',
      'household.dwelling',
      'household.move',
      'household.archive',
    ]);
    expect((events[1]!.before as { phone: string | null }).phone).toBeNull();
    expect((await officer.patch(`/api/households/${h.id}`, { phone: '0900000000', version: 5 })).json().code).toBe(
      'household_archived',
    );
  });

  it('refuses a move to a village of another commune', async () => {
    const h = await buildHousehold(t.database.db);
    const far = await buildVillage(t.database.db, { communeCode: CAM_XUYEN });
    const province = await signIn(t, { scopeCode: HA_TINH, roles: ['officer'] });
    const res = await province.post(`/api/households/${h.id}/move`, { villageId: far.id, version: 1 });
    expect(res.json().field).toBe('villageId');
  });

  it('adds a member, records one leaving, and changes the head; the head cannot simply leave', async () => {
    const h = await buildHousehold(t.database.db, { headName: 'Hồ Văn Cả' });
    const [head, spouse] = h.members;
    let res = await officer.post(`/api/households/${h.id}/members`, {
      ...member({ fullName: 'Hồ Thị Út', sex: 'female', dateOfBirth: '2019-01-01', education: null, work: null }),
      version: 1,
    });
    expect(res.json().memberCount).toBe(3);
    expect(
      (
        await officer.post(`/api/households/${h.id}/members/${head!.id}/leave`, {
          date: '2026-11-01',
          reason: 'Qua đời',
          version: 2,
        })
      ).json().code,
    ).toBe('head_change_needed');
    res = await officer.post(`/api/households/${h.id}/head`, {
      memberId: spouse!.id,
      formerHeadRelation: 'spouse',
      version: 2,
    });
    expect(res.json().headName).toBe('Trần Thị Bình');
    res = await officer.post(`/api/households/${h.id}/members/${head!.id}/leave`, {
      date: '2026-11-01',
      reason: 'Qua đời',
      version: 3,
    });
    expect(res.json().memberCount).toBe(2);
    expect(res.json().members.find((m: { id: string }) => m.id === head!.id)).toMatchObject({
      leftAt: '2026-11-01',
      leftReason: 'Qua đời',
    });
    const found = (await officer.get('/api/households?q=tran thi binh')).json().items.map((x: { id: string }) => x.id);
    expect(found).toContain(h.id);
  });

  it('404 for another commune’s household, whatever the action; 403 for a viewer', async () => {
    const far = await buildHousehold(t.database.db, { communeCode: CAM_XUYEN });
    expect((await officer.patch(`/api/households/${far.id}`, { phone: '0900000000', version: 1 })).statusCode).toBe(
      404,
    );
    expect((await officer.post(`/api/households/${far.id}/archive`, { reason: 'x', version: 1 })).statusCode).toBe(404);
    const mine = await buildHousehold(t.database.db);
    expect((await viewer.patch(`/api/households/${mine.id}`, { phone: '0900000000', version: 1 })).statusCode).toBe(
      403,
    );
    expect((await auditFor(far.id)).map((e) => e.action)).toEqual(['household.create']);
  });
});

describe('splitting and merging households', () => {
  it('splits a son’s family off into a new household; both are audited and the old one keeps its head', async () => {
    const h = await buildHousehold(t.database.db, { headName: 'Đinh Văn Cha' });
    let res = await officer.post(`/api/households/${h.id}/members`, {
      ...member({ fullName: 'Đinh Văn Con', dateOfBirth: '1995-01-01', citizenId: '042095000001' }),
      version: 1,
    });
    const son = res.json().members.find((m: { fullName: string }) => m.fullName === 'Đinh Văn Con');
    const headMove = await officer.post(`/api/households/${h.id}/split`, {
      code: `TACH-${Date.now()}`,
      members: [{ memberId: h.members[0]!.id, relation: 'head' }],
      version: 2,
    });
    expect(headMove.json().code).toBe('head_change_needed');
    const code = `TACH-${Date.now()}`;
    res = await officer.post(`/api/households/${h.id}/split`, {
      code,
      members: [{ memberId: son.id, relation: 'head' }],
      version: 2,
    });
    expect(res.statusCode).toBe(200);
    const { from, created } = res.json();
    expect(from).toMatchObject({ headName: 'Đinh Văn Cha', memberCount: 2, version: 3 });
    expect(created).toMatchObject({ code, headName: 'Đinh Văn Con', memberCount: 1, villageId: h.villageId });
    expect((await auditFor(created.id)).map((e) => e.action)).toEqual(['household.create_by_split']);
    const found = (await officer.get('/api/households?q=042095000001')).json().items.map((x: { id: string }) => x.id);
    expect(found).toEqual([created.id]);
  });

  it('merges a household into another of the commune; the merged one is archived with the reason', async () => {
    const into = await buildHousehold(t.database.db, { headName: 'Mai Văn Lớn' });
    const from = await buildHousehold(t.database.db, { villageId: into.villageId, headName: 'Mai Văn Nhỏ' });
    const members = from.members.map((m) => ({ memberId: m.id, relation: 'other' }));
    const partial = await officer.post(`/api/households/${into.id}/merge`, {
      fromHouseholdId: from.id,
      fromVersion: 1,
      members: members.slice(0, 1),
      version: 1,
    });
    expect(partial.json().field).toBe('members');
    const res = await officer.post(`/api/households/${into.id}/merge`, {
      fromHouseholdId: from.id,
      fromVersion: 1,
      members,
      version: 1,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().memberCount).toBe(4);
    const archived = (await officer.get(`/api/households/${from.id}`)).json();
    expect(archived).toMatchObject({ archived: true, archiveReason: `Nhập vào hộ ${into.code}`, memberCount: 0 });
  });

  it('shows the history of a household to its officers, with IDs masked for viewers', async () => {
    const h = await buildHousehold(t.database.db, { headCitizenId: '042085006543' });
    await officer.patch(`/api/households/${h.id}`, { phone: '0987654321', version: 1 });
    const history = (await officer.get(`/api/households/${h.id}/history`)).json();
    expect(history.items.map((e: { action: string }) => e.action)).toEqual(['household.update', 'household.create']);
    expect(JSON.stringify(history.items[1].after)).toContain('042085006543');
    const seen = (await viewer.get(`/api/households/${h.id}/history`)).json();
    expect(JSON.stringify(seen)).not.toContain('042085006543');
    expect(JSON.stringify(seen)).toContain('********6543');
    const elsewhere = await signIn(t, { scopeCode: CAM_XUYEN, roles: ['officer'] });
    expect((await elsewhere.get(`/api/households/${h.id}/history`)).statusCode).toBe(404);
  });
});

describe('what the household keeps of its members for the province roll-up', () => {
  it('its number of current members and its head’s ethnicity follow every write of members, a split included', async () => {
    const db = t.database.db;
    const admin = await systemAdmin(db);
    const kept = async (id: string) =>
      (
        await db
          .select({ persons: households.persons, headEthnicity: households.headEthnicity })
          .from(households)
          .where(eq(households.id, id))
      )[0];
    let h = await buildHousehold(db, {
      members: [
        member({ fullName: 'Lò Văn Pọm', relation: 'head', ethnicity: 'Thái' }),
        member({ fullName: 'Lò Thị Ơn', relation: 'spouse', sex: 'female', ethnicity: 'Kinh' }),
      ],
    });
    const [pom, on] = h.members;
    expect(await kept(h.id)).toEqual({ persons: 2, headEthnicity: 'Thái' });
    h = await addMember(db, admin, h.id, {
      ...member({ fullName: 'Lò Văn Em', ethnicity: 'Thái' }),
      version: h.version,
    });
    expect(await kept(h.id)).toEqual({ persons: 3, headEthnicity: 'Thái' });
    h = await changeHead(db, admin, h.id, { memberId: on!.id, formerHeadRelation: 'spouse', version: h.version });
    expect(await kept(h.id)).toEqual({ persons: 3, headEthnicity: 'Kinh' });
    const child = h.members.find((m) => m.fullName === 'Lò Văn Em')!;
    h = await memberLeaves(db, admin, h.id, child.id, { date: '2026-10-01', reason: 'Đi làm xa', version: h.version });
    expect(await kept(h.id)).toEqual({ persons: 2, headEthnicity: 'Kinh' });
    const split = await splitHousehold(db, admin, h.id, {
      code: `HN-${Math.floor(Math.random() * 1e9)}`,
      members: [{ memberId: pom!.id, relation: 'head' }],
      version: h.version,
    });
    expect(await kept(h.id)).toEqual({ persons: 1, headEthnicity: 'Kinh' });
    expect(await kept(split.created.id)).toEqual({ persons: 1, headEthnicity: 'Thái' });
  });
});
