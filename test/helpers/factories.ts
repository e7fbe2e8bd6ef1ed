import { eq } from 'drizzle-orm';
import { scopeFromCodes, ROLES, type Role } from '../../src/domain/access';
import type { OrganisationKind, VillageKind } from '../../src/domain/reference';
import type { MemberInput } from '../../src/server/modules/households/schemas';
import { createFund } from '../../src/server/modules/fund/service';
import { createHousehold } from '../../src/server/modules/households/service';
import { createOrganisation } from '../../src/server/modules/organisations/service';
import { createUser, ensureSystemAdministrator } from '../../src/server/modules/users/service';
import { users } from '../../src/server/modules/users/tables';
import { createVillage } from '../../src/server/modules/villages/service';
import type { Actor } from '../../src/server/platform/access';
import type { Db } from '../../src/server/platform/db/database';

/** Places used across tests: Hà Tĩnh with its communes Thạch Hà and Cẩm Xuyên; Vĩnh Long with its ward Phú Khương. */
export const HA_TINH = '42';
export const THACH_HA = '18562';
export const CAM_XUYEN = '18673';
export const VINH_LONG = '86';
export const PHU_KHUONG = '28756';
export const TEST_PASSWORD = 'mat-khau-thu-nghiem';

let counter = 0;
const unique = (prefix: string) => `${prefix}${++counter}${Math.floor(Math.random() * 1e6)}`;

/** The national system administrator, as an actor for calling services directly. */
export async function systemAdmin(db: Db): Promise<Actor> {
  await ensureSystemAdministrator(db, TEST_PASSWORD);
  const [row] = await db.select().from(users).where(eq(users.username, 'admin'));
  return { id: row!.id, username: 'admin', fullName: row!.fullName, roles: [...ROLES], scope: { level: 'national' } };
}

export async function buildUser(
  db: Db,
  attrs: {
    scopeCode?: string | null;
    roles?: Role[];
    username?: string;
    fullName?: string;
    organisationId?: string | null;
  } = {},
) {
  const admin = await systemAdmin(db);
  const { user } = await createUser(db, admin, {
    username: attrs.username ?? unique('user'),
    fullName: attrs.fullName ?? 'Nguyễn Văn Thử',
    organisationId: attrs.organisationId ?? null,
    scopeCode: attrs.scopeCode === undefined ? THACH_HA : attrs.scopeCode,
    roles: attrs.roles ?? ['officer'],
    password: TEST_PASSWORD,
  });
  const actor: Actor = {
    id: user.id,
    username: user.username,
    fullName: user.fullName,
    roles: user.roles,
    scope: scopeFromCodes(user.scope),
  };
  return { user, actor, password: TEST_PASSWORD };
}

export async function buildVillage(db: Db, attrs: { communeCode?: string; name?: string; kind?: VillageKind } = {}) {
  return createVillage(db, await systemAdmin(db), {
    communeCode: attrs.communeCode ?? THACH_HA,
    name: attrs.name ?? unique('Thôn '),
    kind: attrs.kind ?? 'thon',
  });
}

export async function buildOrganisation(
  db: Db,
  attrs: { unitCode?: string | null; name?: string; shortName?: string | null; kind?: OrganisationKind } = {},
) {
  return createOrganisation(db, await systemAdmin(db), {
    name: attrs.name ?? unique('Hội Nông dân '),
    shortName: attrs.shortName ?? null,
    kind: attrs.kind ?? 'member_organisation',
    unitCode: attrs.unitCode === undefined ? THACH_HA : attrs.unitCode,
  });
}

/** A household of two (head and spouse) in a village of the commune (a new village unless given). */
export async function buildHousehold(
  db: Db,
  attrs: {
    communeCode?: string;
    villageId?: string;
    code?: string;
    headName?: string;
    headCitizenId?: string | null;
    /** The members, head first (default: a man heading the household and his wife). */
    members?: MemberInput[];
  } = {},
) {
  const communeCode = attrs.communeCode ?? THACH_HA;
  const villageId = attrs.villageId ?? (await buildVillage(db, { communeCode })).id;
  return createHousehold(db, await systemAdmin(db), {
    communeCode,
    villageId,
    code: attrs.code ?? unique('HO'),
    address: 'Xóm Đông, thôn 1',
    area: 'rural',
    ethnicMinority: false,
    phone: null,
    policyFlags: [],
    dwelling: {
      walls: 'durable',
      frame: 'durable',
      roof: 'non_durable',
      floorArea: 42.5,
      cleanWater: true,
      hygienicLatrine: false,
      telecomSubscription: true,
      devices: ['phone', 'tv'],
      hearsLoudspeaker: true,
      internetUse: null,
      wasteHandledHygienically: null,
    },
    members: attrs.members ?? [
      member({ fullName: attrs.headName ?? 'Nguyễn Văn An', relation: 'head', citizenId: attrs.headCitizenId ?? null }),
      member({ fullName: 'Trần Thị Bình', relation: 'spouse', sex: 'female', dateOfBirth: '1987-05-20' }),
    ],
  });
}

export function member(attrs: Partial<MemberInput> = {}): MemberInput {
  return {
    fullName: 'Nguyễn Văn Con',
    dateOfBirth: '1985-03-02',
    sex: 'male',
    citizenId: null,
    relation: 'child',
    ethnicity: 'Kinh',
    disability: false,
    healthInsurance: true,
    attending: null,
    education: 'upper_secondary',
    inTraining: false,
    work: 'own_account',
    ableToWork: true,
    monthlySocialAllowance: false,
    stunted: null,
    underweight: null,
    ...attrs,
  };
}

/** A Fund for the Poor of a province or commune (Thạch Hà's unless told), with an Agribank account. */
export async function buildFund(db: Db, attrs: { unitCode?: string; name?: string } = {}) {
  const unitCode = attrs.unitCode ?? THACH_HA;
  return createFund(db, await systemAdmin(db), {
    unitCode,
    name: attrs.name ?? `Quỹ "Vì người nghèo" ${unitCode}`,
    bankBin: '970405',
    bankName: 'Agribank',
    accountNumber: `3700${unitCode}`,
    accountHolder: 'Ủy ban MTTQ',
  });
}
