import { scopeCovers } from '../../../domain/access';
import type { PolicyFlag, Relation, SexCode } from '../../../domain/registry/codes';
import type { Actor } from '../../platform/access';
import type { Executor } from '../../platform/db/database';
import { currentStatuses } from '../assessments/service';
import { villageNames } from '../villages/service';
import * as repo from './repo';
import type { Dwelling, HouseholdSummary, HouseholdView } from './schemas';

export async function presentSummaries(db: Executor, rows: repo.HouseholdRow[]): Promise<HouseholdSummary[]> {
  const ids = rows.map((r) => r.id);
  const [names, counts, statuses] = await Promise.all([
    villageNames(
      db,
      rows.map((r) => r.villageId),
    ),
    repo.currentMemberCounts(db, ids),
    currentStatuses(db, ids),
  ]);
  return rows.map((r) => summary(r, names.get(r.villageId) ?? '', counts.get(r.id) ?? 0, statuses.get(r.id) ?? null));
}

function summary(
  r: repo.HouseholdRow,
  villageName: string,
  memberCount: number,
  status: HouseholdSummary['status'],
): HouseholdSummary {
  return {
    id: r.id,
    provinceCode: r.provinceCode,
    communeCode: r.communeCode,
    villageId: r.villageId,
    villageName,
    code: r.code,
    headName: r.headName,
    address: r.address,
    area: r.area as 'rural' | 'urban',
    ethnicMinority: r.ethnicMinority,
    phone: r.phone,
    policyFlags: r.policyFlags as PolicyFlag[],
    memberCount,
    status,
    archived: r.archivedAt !== null,
    archiveReason: r.archiveReason,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
  };
}

export function dwellingOf(r: repo.HouseholdRow): Dwelling {
  return {
    walls: r.walls as Dwelling['walls'],
    frame: r.frame as Dwelling['frame'],
    roof: r.roof as Dwelling['roof'],
    floorArea: r.floorArea,
    cleanWater: r.cleanWater,
    hygienicLatrine: r.hygienicLatrine,
    telecomSubscription: r.telecomSubscription,
    devices: r.devices as Dwelling['devices'],
    hearsLoudspeaker: r.hearsLoudspeaker,
    internetUse: r.internetUse,
    wasteHandledHygienically: r.wasteHandledHygienically,
  };
}

/**
 * A household with its dwelling and members. A citizen ID also found in another household is
 * flagged; the other household is named only when it lies in the viewer's area.
 */
export async function presentHousehold(
  db: Executor,
  row: repo.HouseholdRow,
  viewer: Actor | null,
): Promise<HouseholdView> {
  const [names, members, statuses] = await Promise.all([
    villageNames(db, [row.villageId]),
    repo.membersOf(db, [row.id]),
    currentStatuses(db, [row.id]),
  ]);
  const ids = members.map((m) => m.citizenId).filter((id): id is string => !!id);
  const elsewhere = await repo.sameCitizenIds(db, ids, row.id);
  const current = members.filter((m) => !m.leftAt);
  return {
    ...summary(row, names.get(row.villageId) ?? '', current.length, statuses.get(row.id) ?? null),
    dwelling: dwellingOf(row),
    members: members.map((m) => ({
      ...memberView(m),
      duplicateOf: elsewhere
        .filter((e) => e.citizenId === m.citizenId)
        .map((e) => {
          const visible = !viewer || scopeCovers(viewer.scope, e);
          return {
            householdId: visible ? e.householdId : null,
            householdCode: visible ? e.householdCode : null,
            communeCode: e.communeCode,
          };
        }),
    })),
  };
}

/** A member as the household view shows it, without the citizen-ID check (which needs a query). */
export function memberView(m: repo.MemberRow): Omit<HouseholdView['members'][number], 'duplicateOf'> {
  return {
    id: m.id,
    position: m.position,
    fullName: m.fullName,
    dateOfBirth: m.dateOfBirth,
    sex: m.sex as SexCode,
    citizenId: m.citizenId,
    relation: m.relation as Relation,
    ethnicity: m.ethnicity,
    disability: m.disability,
    healthInsurance: m.healthInsurance,
    attending: m.attending as HouseholdView['members'][number]['attending'],
    education: m.education as HouseholdView['members'][number]['education'],
    inTraining: m.inTraining,
    work: m.work as HouseholdView['members'][number]['work'],
    ableToWork: m.ableToWork,
    monthlySocialAllowance: m.monthlySocialAllowance,
    stunted: m.stunted,
    underweight: m.underweight,
    leftAt: m.leftAt,
    leftReason: m.leftReason,
  };
}
