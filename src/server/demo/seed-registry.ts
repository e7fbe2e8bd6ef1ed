/**
 * Writes the demo registry (registry.ts) into the database inside the seed's transaction. Rows go
 * in 500 to a statement: one service call per household would take minutes on PGlite. The rows
 * are what the households service would write (its keysFrom and memberRow compute the search and
 * sort keys), and each household gets the audit events the services record — `household.create`
 * by the administrator, and `household.assess` for each assessment — as the villages and
 * organisations of the seed do.
 */
import { randomUUID } from 'node:crypto';
import type { Actor } from '../platform/access';
import { auditEvents } from '../platform/audit/tables';
import type { Db } from '../platform/db/database';
import { listAdminUnits } from '../modules/admin-units/service';
import { assessmentAuditSummary } from '../modules/assessments/service';
import { householdAssessments } from '../modules/assessments/tables';
import { keysFrom, memberRow } from '../modules/households/service';
import { householdMembers, households } from '../modules/households/tables';
import { listVillages } from '../modules/villages/service';
import { generateRegistry, type DemoCommune, type DemoHousehold } from './registry';

const BATCH = 500;

/** The province's communes with their villages, in a stable order (the generator keys on it). */
export async function demoCommunes(db: Db, admin: Actor, provinceCode: string): Promise<DemoCommune[]> {
  const { items } = await listAdminUnits(db, {
    parentCode: provinceCode,
    date: null,
    limit: 500,
    offset: 0,
    sort: 'name',
    order: 'asc',
  });
  const communes: DemoCommune[] = [];
  for (const unit of [...items].sort((a, b) => a.code.localeCompare(b.code))) {
    const { items: villages } = await listVillages(db, admin, {
      commune: unit.code,
      limit: 500,
      offset: 0,
      sort: 'name',
      order: 'asc',
      includeArchived: false,
    });
    communes.push({
      code: unit.code,
      name: unit.name,
      ward: unit.unitType === 'ward',
      villages: villages
        .map((v) => ({ id: v.id, name: v.name }))
        .sort((a, b) => a.name.localeCompare(b.name, 'vi', { numeric: true })),
    });
  }
  return communes;
}

export interface RegistryCounts {
  households: number;
  members: number;
  assessments: number;
}

export async function seedRegistry(db: Db, admin: Actor, provinceCode: string): Promise<RegistryCounts> {
  const communes = await demoCommunes(db, admin, provinceCode);
  const villageNames = new Map(communes.flatMap((c) => c.villages.map((v) => [v.id, v.name])));
  const registry = generateRegistry(communes);
  const counts: RegistryCounts = { households: 0, members: 0, assessments: 0 };
  for (let start = 0; start < registry.length; start += BATCH) {
    const batch = registry.slice(start, start + BATCH).map((h) => ({ id: randomUUID(), household: h }));
    await db.insert(households).values(batch.map(({ id, household }) => householdRow(id, household, provinceCode)));
    const members = batch.flatMap(({ id, household }) =>
      household.members.map((m, position) => ({
        ...memberRow(m),
        householdId: id,
        provinceCode,
        communeCode: household.communeCode,
        position,
      })),
    );
    const assessments = batch.flatMap(({ id, household }) =>
      household.assessments.map((a) => ({
        ...a,
        id: randomUUID(),
        householdId: id,
        provinceCode,
        communeCode: household.communeCode,
      })),
    );
    for (let i = 0; i < members.length; i += BATCH)
      await db.insert(householdMembers).values(members.slice(i, i + BATCH));
    for (let i = 0; i < assessments.length; i += BATCH)
      await db.insert(householdAssessments).values(assessments.slice(i, i + BATCH));

    const audit = (action: string, householdId: string, communeCode: string, after: unknown) => ({
      actorId: admin.id,
      actorUsername: admin.username,
      action,
      entity: 'household',
      entityId: householdId,
      provinceCode,
      communeCode,
      after,
    });
    const events = [
      ...batch.map(({ id, household }) =>
        audit('household.create', id, household.communeCode, created(household, villageNames.get(household.villageId))),
      ),
      ...assessments.map((a) =>
        audit('household.assess', a.householdId, a.communeCode, assessmentAuditSummary(a.id, a)),
      ),
    ];
    for (let i = 0; i < events.length; i += BATCH) await db.insert(auditEvents).values(events.slice(i, i + BATCH));
    counts.households += batch.length;
    counts.members += members.length;
    counts.assessments += assessments.length;
  }
  return counts;
}

function householdRow(id: string, h: DemoHousehold, provinceCode: string) {
  return {
    id,
    provinceCode,
    communeCode: h.communeCode,
    villageId: h.villageId,
    code: h.code,
    address: h.address,
    area: h.area,
    ethnicMinority: h.ethnicMinority,
    phone: h.phone,
    policyFlags: h.policyFlags,
    ...h.dwelling,
    ...keysFrom(h.code, h.address, h.members),
  };
}

/** The audit record of a created household: who lives there, without citizen IDs. */
function created(h: DemoHousehold, villageName: string | undefined) {
  return {
    code: h.code,
    villageName: villageName ?? '',
    address: h.address,
    area: h.area,
    ethnicMinority: h.ethnicMinority,
    policyFlags: h.policyFlags,
    dwelling: h.dwelling,
    members: h.members.map((m) => ({
      fullName: m.fullName,
      relation: m.relation,
      sex: m.sex,
      dateOfBirth: m.dateOfBirth,
    })),
  };
}
