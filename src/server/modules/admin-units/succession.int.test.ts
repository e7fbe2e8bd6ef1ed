import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../../../../test/helpers/app';
import { HA_TINH, THACH_HA, VINH_LONG } from '../../../../test/helpers/factories';
import { ROLES } from '../../../domain/access';

let t: TestApp;
let admin: Awaited<ReturnType<typeof signIn>>;
beforeAll(async () => {
  t = await createTestApp();
  admin = await signIn(t, { scopeCode: HA_TINH, roles: [...ROLES] });
});
afterAll(() => t.close());

const predecessorsOf = async (code: string) =>
  (await admin.get(`/api/admin-units/${code}`)).json().predecessors as {
    code: string;
    kind: string;
    confirmed: boolean;
  }[];

describe('correcting the 2025 succession', () => {
  it('a provincial administrator confirms a partial link, which is then shown as confirmed and audited', async () => {
    const partial = (await predecessorsOf(THACH_HA)).find((p) => !p.confirmed);
    const target = partial ?? (await predecessorsOf(THACH_HA))[0]!;
    const res = await admin.post('/api/admin-units/successions/confirm', {
      predecessorCode: target.code,
      successorCode: THACH_HA,
      kind: 'partial',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ kind: 'partial', confirmed: true, successor: { code: THACH_HA } });
    expect((await predecessorsOf(THACH_HA)).find((p) => p.code === target.code)).toMatchObject({
      kind: 'partial',
      confirmed: true,
    });
    const log = (await admin.get('/api/audit-events?entity=admin_unit_succession')).json();
    expect(log.items[0]).toMatchObject({
      action: 'admin_unit_succession.confirm',
      entityId: `${target.code}>${THACH_HA}`,
    });
  });

  it('adds a missing link and removes a wrong one with a reason', async () => {
    const before = await predecessorsOf(THACH_HA);
    const added = await admin.post('/api/admin-units/successions/confirm', {
      predecessorCode: '18673',
      successorCode: THACH_HA,
      kind: 'partial',
    });
    expect(added.statusCode).toBe(200);
    expect((await predecessorsOf(THACH_HA)).length).toBe(before.length + 1);
    const noReason = await admin.post('/api/admin-units/successions/remove', {
      predecessorCode: '18673',
      successorCode: THACH_HA,
      reason: ' ',
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().field).toBe('reason');
    const removed = await admin.post('/api/admin-units/successions/remove', {
      predecessorCode: '18673',
      successorCode: THACH_HA,
      reason: 'Nhập nhầm',
    });
    expect(removed.statusCode).toBe(204);
    expect((await predecessorsOf(THACH_HA)).length).toBe(before.length);
    const again = await admin.post('/api/admin-units/successions/remove', {
      predecessorCode: '18673',
      successorCode: THACH_HA,
      reason: 'Lần hai',
    });
    expect(again.statusCode).toBe(404);
  });

  it('refuses codes that are not a closed unit and a current unit of the same level, naming the field', async () => {
    const notClosed = await admin.post('/api/admin-units/successions/confirm', {
      predecessorCode: '99999',
      successorCode: THACH_HA,
      kind: 'full',
    });
    expect(notClosed.json().field).toBe('predecessorCode');
    const wrongLevel = await admin.post('/api/admin-units/successions/confirm', {
      predecessorCode: '18589',
      successorCode: HA_TINH,
      kind: 'full',
    });
    expect(wrongLevel.json().field).toBe('successorCode');
  });

  it('refuses another province’s succession and anyone who is not an administrator', async () => {
    const far = await admin.post('/api/admin-units/successions/confirm', {
      predecessorCode: '84',
      successorCode: VINH_LONG,
      kind: 'full',
    });
    expect(far.statusCode).toBe(403);
    const officer = await signIn(t, { scopeCode: HA_TINH, roles: ['officer'] });
    const res = await officer.post('/api/admin-units/successions/confirm', {
      predecessorCode: '18589',
      successorCode: THACH_HA,
      kind: 'full',
    });
    expect(res.statusCode).toBe(403);
  });
});
