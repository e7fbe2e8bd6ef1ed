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

  it('corrects a movement and a commendation with the version read, inside its own unit only', async () => {
    const province = await signIn(t, { scopeCode: HA_TINH, roles: ['officer'] });
    const commune = await signIn(t, { scopeCode: THACH_HA, roles: ['officer'] });
    const other = await signIn(t, { scopeCode: CAM_XUYEN, roles: ['officer'] });
    const viewer = await signIn(t, { scopeCode: THACH_HA, roles: ['viewer'] });
    const { body: movement } = await expectAuditedWrite(
      t.database.db,
      () =>
        province.post('/api/movements', {
          name: 'Ngày vì người nghèo',
          unitCode: HA_TINH,
          periodFrom: 2024,
          periodTo: 2025,
        }),
      201,
    );
    const moved = {
      name: 'Tháng cao điểm Vì người nghèo',
      periodFrom: 2024,
      periodTo: 2026,
      version: movement.version,
    };
    for (const [change, field] of [
      [{ periodTo: 2020 }, 'periodTo'],
      [{ name: '' }, 'name'],
      [{ unitCode: THACH_HA }, undefined],
    ] as const) {
      await expectRefused(
        t.database.db,
        [movements],
        () => province.put(`/api/movements/${movement.id}`, { ...moved, ...change }),
        {
          status: 400,
          code: 'validation_failed',
          field,
        },
      );
    }
    // The commune sees its province's movement but does not keep it.
    await expectRefused(t.database.db, [movements], () => commune.put(`/api/movements/${movement.id}`, moved), {
      status: 403,
      code: 'out_of_scope',
    });
    const { body: renamed, event } = await expectAuditedWrite(
      t.database.db,
      () => province.put(`/api/movements/${movement.id}`, moved),
      200,
    );
    expect(renamed).toMatchObject({
      name: moved.name,
      periodTo: 2026,
      unitCode: HA_TINH,
      version: movement.version + 1,
    });
    expect(event).toMatchObject({ action: 'movement.update', entityId: movement.id });
    await expectRefused(t.database.db, [movements], () => province.put(`/api/movements/${movement.id}`, moved), {
      status: 409,
      code: 'stale_version',
    });

    const { body: commended } = await expectAuditedWrite(
      t.database.db,
      () =>
        commune.post('/api/commendations', {
          unitCode: THACH_HA,
          movementId: movement.id,
          form: 'letter_of_commendation',
          level: 'commune',
          recipientKind: 'individual',
          recipientName: 'Ông Nguyễn Văn Hòa',
          achievement: 'Hiến đất làm đường',
          decisionNumber: '12/QĐ-UBND',
          decisionDate: '2025-11-18',
        }),
      201,
    );
    const corrected = {
      movementId: null,
      form: 'certificate_of_merit',
      level: 'commune',
      recipientKind: 'individual',
      recipientName: 'Ông Nguyễn Văn Hoà',
      achievement: 'Hiến 200 m² đất làm đường liên thôn',
      decisionNumber: '12/QĐ-UBND',
      decisionDate: '2025-11-19',
      version: commended.version,
    };
    for (const [change, field] of [
      [{ decisionDate: '19/11/2025' }, 'decisionDate'],
      [{ form: 'medal' }, 'form'],
      [{ movementId: '3f1d2c4b-5a6e-4f70-8a9b-0c1d2e3f4a5b' }, 'movementId'],
      [{ version: undefined }, 'version'],
    ] as const) {
      await expectRefused(
        t.database.db,
        [commendations],
        () => commune.put(`/api/commendations/${commended.id}`, { ...corrected, ...change }),
        { status: 400, code: 'validation_failed', field },
      );
    }
    await expectRefused(
      t.database.db,
      [commendations],
      () => other.put(`/api/commendations/${commended.id}`, corrected),
      {
        status: 404,
        code: 'not_found',
      },
    );
    await expectRefused(
      t.database.db,
      [commendations],
      () => viewer.put(`/api/commendations/${commended.id}`, corrected),
      {
        status: 403,
        code: 'forbidden',
      },
    );
    const { body: after } = await expectAuditedWrite(
      t.database.db,
      () => commune.put(`/api/commendations/${commended.id}`, corrected),
      200,
    );
    expect(after).toMatchObject({
      form: 'certificate_of_merit',
      movementId: null,
      movementName: null,
      decisionDate: '2025-11-19',
      unitName: 'Xã Thạch Hà',
      version: commended.version + 1,
    });
    await expectRefused(
      t.database.db,
      [commendations],
      () => commune.put(`/api/commendations/${commended.id}`, corrected),
      {
        status: 409,
        code: 'stale_version',
      },
    );
  });
});
