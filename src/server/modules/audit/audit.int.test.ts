import { count, sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, signInSystemAdmin, type TestApp } from '../../../../test/helpers/app';
import { buildVillage, HA_TINH, PHU_KHUONG, THACH_HA } from '../../../../test/helpers/factories';
import { auditEvents } from '../../platform/audit/tables';

type Signed = Awaited<ReturnType<typeof signIn>>;
type Event = {
  id: number;
  at: string;
  actorUsername: string;
  action: string;
  entity: string;
  entityId: string;
  provinceCode: string | null;
};

let t: TestApp;
let systemAdmin: Awaited<ReturnType<typeof signInSystemAdmin>>;
let provinceAdmin: Signed;
let officer: Signed;

const events = (res: LightMyRequestResponse): Event[] => res.json().items;
const idsOf = (res: LightMyRequestResponse) => events(res).map((e) => e.id);

/** Audit events written straight to the table at chosen instants (INSERT is the one thing it allows). */
async function recordedAt(entityId: string, instants: string[]) {
  const rows = await t.database.db
    .insert(auditEvents)
    .values(
      instants.map((at) => ({
        at: new Date(at),
        actorUsername: 'lich.su',
        action: 'village.update',
        entity: 'village',
        entityId,
        provinceCode: HA_TINH,
        communeCode: THACH_HA,
      })),
    )
    .returning({ id: auditEvents.id });
  return rows.map((r) => r.id);
}

beforeAll(async () => {
  t = await createTestApp();
  systemAdmin = await signInSystemAdmin(t);
  provinceAdmin = await signIn(t, { scopeCode: HA_TINH, roles: ['admin'] });
  officer = await signIn(t, { scopeCode: THACH_HA, roles: ['officer', 'approver', 'fund_accountant'] });
});
afterAll(() => t.close());

describe('GET /api/audit-events: who may read the log', () => {
  it('401 without a session', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/audit-events' });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('unauthenticated');
  });

  it('403 for anyone who is not an administrator', async () => {
    const viewer = await signIn(t, { scopeCode: HA_TINH, roles: ['viewer'] });
    for (const user of [officer, viewer]) {
      const res = await user.get('/api/audit-events');
      expect(res.statusCode).toBe(403);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().code).toBe('forbidden');
    }
  });

  it('shows an administrator of Hà Tĩnh the events of Hà Tĩnh and not those of Vĩnh Long', async () => {
    const far = await systemAdmin.post('/api/villages', {
      communeCode: PHU_KHUONG,
      name: 'Khóm Phú Hòa',
      kind: 'khom',
    });
    expect(far.statusCode).toBe(201);
    const near = await officer.post('/api/villages', { communeCode: THACH_HA, name: 'Thôn Hòa Bình', kind: 'thon' });
    expect(near.statusCode).toBe(201);

    const seen = events(await provinceAdmin.get('/api/audit-events?entity=village&limit=500'));
    expect(seen.map((e) => e.entityId)).toContain(near.json().id);
    expect(seen.map((e) => e.entityId)).not.toContain(far.json().id);
    expect(seen.every((e) => e.provinceCode === HA_TINH)).toBe(true);
    const asked = await provinceAdmin.get(`/api/audit-events?entityId=${far.json().id}`);
    expect(asked.json()).toMatchObject({ items: [], total: 0 });

    const national = events(await systemAdmin.get('/api/audit-events?entity=village&limit=500'));
    expect(national.map((e) => e.entityId)).toEqual(expect.arrayContaining([near.json().id, far.json().id]));
  });

  it('shows who did what, from where, with the record before and after', async () => {
    const village = await buildVillage(t.database.db, { communeCode: THACH_HA });
    const renamed = (
      await officer.patch(`/api/villages/${village.id}`, { name: 'Thôn Sơn Hà', version: village.version })
    ).json();
    const [event] = (await provinceAdmin.get(`/api/audit-events?entityId=${village.id}&action=village.update`)).json()
      .items;
    expect(event).toMatchObject({
      actorUsername: officer.user.username,
      action: 'village.update',
      entity: 'village',
      entityId: village.id,
      provinceCode: HA_TINH,
      communeCode: THACH_HA,
      before: village,
      after: renamed,
      ip: '127.0.0.1',
    });
  });
});

describe('GET /api/audit-events: filters', () => {
  it.each([
    ['querystring.from', 'from=2025-13-01'],
    ['querystring.to', 'to=01/03/2025'],
    ['querystring.limit', 'limit=0'],
    ['querystring.offset', 'offset=-1'],
    ['querystring.sort', 'sort=actor'],
    ['querystring.colour', 'colour=red'],
  ])('400 naming %s for ?%s', async (field, query) => {
    const res = await provinceAdmin.get(`/api/audit-events?${query}`);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'validation_failed', field });
  });

  it('400 naming `to` for a period that ends before it starts', async () => {
    const res = await provinceAdmin.get('/api/audit-events?from=2025-03-02&to=2025-03-01');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'validation_failed', field: 'to' });
  });

  it('filters by entity and by action', async () => {
    const org = await provinceAdmin.post('/api/organisations', {
      name: 'Hội Chữ thập đỏ tỉnh',
      kind: 'member_organisation',
      unitCode: HA_TINH,
    });
    expect(org.statusCode).toBe(201);
    const byEntity = events(await provinceAdmin.get('/api/audit-events?entity=organisation&limit=500'));
    expect(byEntity.map((e) => e.entityId)).toContain(org.json().id);
    expect(byEntity.every((e) => e.entity === 'organisation')).toBe(true);
    const byAction = events(await provinceAdmin.get('/api/audit-events?action=organisation.create&limit=500'));
    expect(byAction.map((e) => e.entityId)).toContain(org.json().id);
    expect(byAction.every((e) => e.action === 'organisation.create')).toBe(true);
  });

  it('filters by the actor’s username, in any case', async () => {
    const created = await officer.post('/api/villages', {
      communeCode: THACH_HA,
      name: 'Thôn Liên Hương',
      kind: 'thon',
    });
    const mine = events(
      await provinceAdmin.get(`/api/audit-events?actor=${officer.user.username.toUpperCase()}&limit=500`),
    );
    expect(mine.map((e) => e.entityId)).toContain(created.json().id);
    expect(mine.every((e) => e.actorUsername === officer.user.username)).toBe(true);
  });

  it('reads from and to as whole Vietnamese days (00:00 to 24:00 in UTC+7)', async () => {
    // 23:59:59 on 1 March and 00:00 on 2 March 2025 in Hà Tĩnh.
    const [lastOfMarch1, firstOfMarch2] = await recordedAt('ranh-gioi-ngay', [
      '2025-03-01T16:59:59Z',
      '2025-03-01T17:00:00Z',
    ]);
    const within = async (query: string) =>
      idsOf(await provinceAdmin.get(`/api/audit-events?entityId=ranh-gioi-ngay&${query}`));
    expect(await within('from=2025-03-01&to=2025-03-01')).toEqual([lastOfMarch1]);
    expect(await within('from=2025-03-02&to=2025-03-02')).toEqual([firstOfMarch2]);
    expect(await within('to=2025-03-01')).toEqual([lastOfMarch1]);
    expect(await within('from=2025-03-02')).toEqual([firstOfMarch2]);
    expect(await within('from=2025-02-28&to=2025-03-03')).toEqual([firstOfMarch2, lastOfMarch1]);
    expect(await within('from=2025-03-03')).toEqual([]);
  });

  it('pages with limit and offset, newest first, and reports the total', async () => {
    const ids = await recordedAt('trang', [
      '2025-04-01T01:00:00Z',
      '2025-04-02T01:00:00Z',
      '2025-04-03T01:00:00Z',
      '2025-04-04T01:00:00Z',
      '2025-04-05T01:00:00Z',
    ]);
    const page = (offset: number, extra = '') =>
      provinceAdmin.get(`/api/audit-events?entityId=trang&limit=2&offset=${offset}${extra}`);
    const pages = await Promise.all([page(0), page(2), page(4), page(6)]);
    expect(pages.map((p) => p.json().total)).toEqual([5, 5, 5, 5]);
    expect(pages.map(idsOf)).toEqual([[ids[4], ids[3]], [ids[2], ids[1]], [ids[0]], []]);
    expect(idsOf(await page(0, '&order=asc'))).toEqual([ids[0], ids[1]]);
  });
});

describe('the audit log is append-only in the database itself', () => {
  const refusal = async (statement: ReturnType<typeof sql>) => {
    const error = await t.database.db.execute(statement).then(
      () => null,
      (e: unknown) => e as { cause?: { code?: string; message?: string }; code?: string; message?: string },
    );
    expect(error, 'the database must refuse').not.toBeNull();
    const cause = error!.cause ?? error!;
    expect(cause.code).toBe('P0001');
    expect(cause.message).toContain('append_only');
  };
  const total = async () => (await t.database.db.select({ n: count() }).from(auditEvents))[0]!.n;

  it('refuses UPDATE, DELETE and TRUNCATE of audit_events, keeping every row', async () => {
    await buildVillage(t.database.db);
    const before = await total();
    expect(before).toBeGreaterThan(0);
    await refusal(sql`UPDATE audit_events SET actor_username = 'ai-do', action = 'village.delete'`);
    await refusal(sql`DELETE FROM audit_events`);
    await refusal(sql`DELETE FROM audit_events WHERE id = (SELECT max(id) FROM audit_events)`);
    await refusal(sql`TRUNCATE audit_events`);
    expect(await total()).toBe(before);
    const changed = await t.database.db.execute(
      sql`SELECT count(*) AS n FROM audit_events WHERE actor_username = 'ai-do'`,
    );
    expect(Number((changed as unknown as { rows: { n: unknown }[] }).rows[0]!.n)).toBe(0);
  });
});
