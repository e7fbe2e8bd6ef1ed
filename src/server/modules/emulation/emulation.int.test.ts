import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProgramme } from '../../../../test/helpers/coordination';
import { createTestApp, signIn, type TestApp } from '../../../../test/helpers/app';
import { CAM_XUYEN, HA_TINH, THACH_HA } from '../../../../test/helpers/factories';
import { expectAuditedWrite, expectRefused } from '../../../../test/helpers/trace';
import { commendations, movements } from './tables';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('emulation and commendation', () => {
  it('a province launches a movement its communes see, and communes commend under it', async () => {
    const province = await signIn(t, { scopeCode: HA_TINH, roles: ['officer'] });
    const commune = await signIn(t, { scopeCode: THACH_HA, roles: ['officer'] });
    const other = await signIn(t, { scopeCode: CAM_XUYEN, roles: ['officer'] });
    const { body: movement } = await expectAuditedWrite(
      t.database.db,
      () =>
        province.post('/api/movements', {
          name: 'Vì người nghèo – Không để ai bị bỏ lại phía sau',
          unitCode: HA_TINH,
          periodFrom: 2021,
          periodTo: 2025,
        }),
      201,
    );
    expect((await commune.get('/api/movements')).json().items.map((m: { id: string }) => m.id)).toContain(movement.id);
    const { programme } = await buildProgramme(t.database.db, THACH_HA);
    const body = {
      unitCode: THACH_HA,
      movementId: movement.id,
      programmeId: programme.id,
      form: 'letter_of_commendation',
      level: 'commune',
      recipientKind: 'household',
      recipientName: 'Hộ bà Trần Thị Vươn',
      achievement: 'Tự nguyện làm đơn ra khỏi danh sách hộ nghèo',
      decisionNumber: '45/QĐ-UBND',
      decisionDate: '2025-12-20',
    };
    for (const [change, field] of [
      [{ recipientKind: 'family' }, 'recipientKind'],
      [{ decisionDate: '20/12/2025' }, 'decisionDate'],
      [{ recipientName: '  ' }, 'recipientName'],
      [{ movementId: '3f1d2c4b-5a6e-4f70-8a9b-0c1d2e3f4a5b' }, 'movementId'],
    ] as const) {
      await expectRefused(
        t.database.db,
        [commendations, movements],
        () => commune.post('/api/commendations', { ...body, ...change }),
        {
          status: 400,
          code: 'validation_failed',
          field,
        },
      );
    }
    await expectRefused(t.database.db, [commendations], () => other.post('/api/commendations', body), {
      status: 403,
      code: 'out_of_scope',
    });
    const { body: commended } = await expectAuditedWrite(
      t.database.db,
      () => commune.post('/api/commendations', body),
      201,
    );
    expect(commended).toMatchObject({
      movementName: movement.name,
      recipientKind: 'household',
      unitName: 'Xã Thạch Hà',
    });
    expect((await other.get('/api/commendations')).json().items).toEqual([]);
    expect((await province.get(`/api/commendations?movement=${movement.id}`)).json().items).toHaveLength(1);
    // Filtered by level and recipient kind.
    const listed = async (query: string) =>
      (await province.get(`/api/commendations?${query}`)).json().items.map((c: { id: string }) => c.id) as string[];
    expect(await listed('level=commune&recipientKind=household')).toContain(commended.id);
    expect(await listed('level=province')).not.toContain(commended.id);
    expect(await listed('recipientKind=business')).not.toContain(commended.id);
  });
});
