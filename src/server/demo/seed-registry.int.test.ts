import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../../../test/helpers/app';
import { buildVillage, CAM_XUYEN, HA_TINH, systemAdmin, THACH_HA } from '../../../test/helpers/factories';
import { householdAssessments } from '../modules/assessments/tables';
import { householdMembers, households } from '../modules/households/tables';
import { auditEvents } from '../platform/audit/tables';
import { seedRegistry, type RegistryCounts } from './seed-registry';

let t: TestApp;
let seeded: RegistryCounts;

// Villages in two communes only: the registry goes where villages are, so this seeds the two
// demo communes (780 households) rather than the whole province.
beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  for (const name of ['Thôn 1', 'Thôn 2', 'Thôn 3']) await buildVillage(db, { communeCode: THACH_HA, name });
  for (const name of ['Thôn 1', 'Thôn 2']) await buildVillage(db, { communeCode: CAM_XUYEN, name });
  const admin = await systemAdmin(db);
  seeded = await db.transaction((tx) => seedRegistry(tx, admin, HA_TINH));
});
afterAll(() => t.close());

const rows = async (table: typeof households | typeof householdMembers | typeof householdAssessments) =>
  (await t.database.db.select({ n: count() }).from(table))[0]!.n;

describe('seedRegistry', () => {
  it('writes every household, member and assessment it generated, each audited', async () => {
    expect(seeded.households).toBeGreaterThanOrEqual(600);
    expect(await rows(households)).toBe(seeded.households);
    expect(await rows(householdMembers)).toBe(seeded.members);
    expect(await rows(householdAssessments)).toBe(seeded.assessments);
    const audited = async (action: string) =>
      (await t.database.db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.action, action)))[0]!.n;
    expect(await audited('household.create')).toBe(seeded.households);
    expect(await audited('household.assess')).toBe(seeded.assessments);
  });

  it('answers the commune officer’s household list and a search by the head’s name', async () => {
    const officer = await signIn(t, { scopeCode: THACH_HA, roles: ['officer'] });
    const list = await officer.get(`/api/households?commune=${THACH_HA}&limit=5`);
    expect(list.statusCode).toBe(200);
    expect(list.json().total).toBe(420);
    const head: string = list.json().items[0].headName;
    const found = await officer.get(`/api/households?q=${encodeURIComponent(head.toLowerCase())}`);
    expect(found.json().items.map((h: { headName: string }) => h.headName)).toContain(head);
  });
});
