import { eq, sql } from 'drizzle-orm';
import { ROLES, type Role } from '../../domain/access';
import type { OrganisationKind, VillageKind } from '../../domain/reference';
import type { Actor } from '../platform/access';
import type { Db } from '../platform/db/database';
import { appMeta } from '../platform/db/tables';
import { listAdminUnits } from '../modules/admin-units/service';
import { createOrganisation } from '../modules/organisations/service';
import { createUser } from '../modules/users/service';
import { createVillage } from '../modules/villages/service';
import { seedFund } from './seed-fund';
import { seedRegistry } from './seed-registry';
import { seedCoordination } from './seed-coordination';
import { seedReviews } from './seed-reviews';
import { organisations } from '../modules/organisations/tables';
import { users } from '../modules/users/tables';
import { seedSupport } from './seed-support';

/**
 * The demo province: Hà Tĩnh with its 69 real communes, villages in each, the organisations
 * that run the programme, accounts at province and commune level, and a synthetic household
 * registry with the assessments of 2022–2026 (registry.ts). Deterministic: the same data every
 * time. Later modules extend it.
 */
export const DEMO_PROVINCE = '42';
export const DEMO_PASSWORD = 'ChungTay@2026';
const META_KEY = 'demo.seed';
/**
 * 1: province, organisations, villages, accounts; 2: the household registry and its assessments;
 * 3: the Fund for the Poor (funds, Peak Months 2025 and 2026, allocations, spending, a reversal).
 * 4: coordination (programmes, plans and tasks, activities, supervision, commendations, a review).
 * 5: household reviews (the 2025 rounds decided, the 2026 round under way, regular applications)
 *    and a reviewer's account.
 * 6: support outside the Fund 2022–2026, houses in every stage, poverty-reduction models.
 */
const SEED_VERSION = 6;

export interface DemoAccount {
  username: string;
  fullName: string;
  scopeCode: string | null;
  roles: Role[];
  organisation: string | null;
  what: string;
  /** The seed version that added the account (1 when absent): an older demo gets it on upgrade. */
  since?: number;
}

const THACH_HA = '18562';
const CAM_XUYEN = '18673';

export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    username: 'tinh.quantri',
    fullName: 'Nguyễn Văn Quản',
    scopeCode: DEMO_PROVINCE,
    roles: ['admin', 'viewer', 'officer', 'approver', 'fund_accountant'],
    organisation: 'Sở Nông nghiệp và Môi trường tỉnh Hà Tĩnh',
    what: 'quản trị cấp tỉnh',
  },
  {
    username: 'tinh.mttq',
    fullName: 'Trần Thị Hương',
    scopeCode: DEMO_PROVINCE,
    roles: ['officer', 'approver', 'fund_accountant'],
    organisation: 'Ủy ban MTTQ Việt Nam tỉnh Hà Tĩnh',
    what: 'cán bộ Mặt trận tỉnh',
  },
  {
    username: 'tinh.giamngheo',
    fullName: 'Lê Văn Minh',
    scopeCode: DEMO_PROVINCE,
    roles: ['officer', 'approver'],
    organisation: 'Sở Nông nghiệp và Môi trường tỉnh Hà Tĩnh',
    what: 'cán bộ giảm nghèo của Sở',
  },
  {
    username: 'tinh.lanhdao',
    fullName: 'Phạm Đức Thắng',
    scopeCode: DEMO_PROVINCE,
    roles: ['viewer'],
    organisation: 'Ủy ban MTTQ Việt Nam tỉnh Hà Tĩnh',
    what: 'lãnh đạo (chỉ xem)',
  },
  {
    username: 'canbo.thachha',
    fullName: 'Hoàng Thị Lan',
    scopeCode: THACH_HA,
    roles: ['officer'],
    organisation: 'UBND xã Thạch Hà',
    what: 'cán bộ giảm nghèo xã Thạch Hà',
  },
  {
    username: 'chutich.thachha',
    fullName: 'Võ Minh Tuấn',
    scopeCode: THACH_HA,
    roles: ['approver', 'viewer'],
    organisation: 'UBND xã Thạch Hà',
    what: 'chủ tịch UBND xã Thạch Hà',
  },
  {
    username: 'mttq.thachha',
    fullName: 'Đặng Thị Mai',
    scopeCode: THACH_HA,
    roles: ['officer', 'fund_accountant'],
    organisation: 'Ủy ban MTTQ Việt Nam xã Thạch Hà',
    what: 'cán bộ Mặt trận xã Thạch Hà',
  },
  {
    username: 'xem.thachha',
    fullName: 'Bùi Văn Hải',
    scopeCode: THACH_HA,
    roles: ['viewer'],
    organisation: 'UBND xã Thạch Hà',
    what: 'người xem xã Thạch Hà',
  },
  {
    username: 'dtv.thachha',
    fullName: 'Ngô Văn Điều',
    scopeCode: THACH_HA,
    roles: ['reviewer'],
    organisation: 'UBND xã Thạch Hà',
    what: 'điều tra viên rà soát (Thôn 1, xã Thạch Hà)',
    since: 5,
  },
  {
    username: 'canbo.camxuyen',
    fullName: 'Phan Thị Thu',
    scopeCode: CAM_XUYEN,
    roles: ['officer'],
    organisation: 'UBND xã Cẩm Xuyên',
    what: 'cán bộ giảm nghèo xã Cẩm Xuyên',
  },
];

const PROVINCE_ORGANISATIONS: [string, string | null, OrganisationKind][] = [
  ['Ủy ban MTTQ Việt Nam tỉnh Hà Tĩnh', 'MTTQ tỉnh', 'front_committee'],
  ['Sở Nông nghiệp và Môi trường tỉnh Hà Tĩnh', 'Sở NN&MT', 'government_department'],
  ['UBND tỉnh Hà Tĩnh', null, 'peoples_committee'],
  ['Hội Nông dân tỉnh Hà Tĩnh', null, 'member_organisation'],
  ['Hội Liên hiệp Phụ nữ tỉnh Hà Tĩnh', 'Hội LHPN tỉnh', 'member_organisation'],
  ['Tỉnh Đoàn Hà Tĩnh', null, 'member_organisation'],
  ['Hội Cựu chiến binh tỉnh Hà Tĩnh', 'Hội CCB tỉnh', 'member_organisation'],
  ['Liên đoàn Lao động tỉnh Hà Tĩnh', 'LĐLĐ tỉnh', 'member_organisation'],
  ['Ngân hàng Chính sách xã hội chi nhánh Hà Tĩnh', 'NHCSXH Hà Tĩnh', 'bank'],
];
const NATIONAL_ORGANISATIONS: [string, string | null, OrganisationKind][] = [
  ['Ủy ban Trung ương MTTQ Việt Nam', 'UBTW MTTQ', 'front_committee'],
  ['Bộ Nông nghiệp và Môi trường', 'Bộ NN&MT', 'government_department'],
];

/** A small deterministic number from a code, so every commune gets the same villages each run. */
const stableNumber = (code: string, min: number, max: number) =>
  min + ([...code].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 9973, 7) % (max - min + 1));

/** All or nothing: an interrupted first start leaves no half-made province behind. */
export async function seedDemo(database: Db, admin: Actor): Promise<boolean> {
  const [done] = await database.select().from(appMeta).where(eq(appMeta.key, META_KEY));
  const version = (done?.value as { version?: number } | undefined)?.version ?? 0;
  if (version >= SEED_VERSION) return false;
  // A demo seeded by an older version gets only what was added since.
  await database.transaction(async (tx) => {
    // Each stage reads what the ones before wrote: PGlite has no autovacuum to gather the tables'
    // statistics, so they are gathered after each stage and its queries planned on real sizes (the
    // reviews' stage took 125 s planned on empty tables, 3 s after an analyze).
    const stage = async (seeded: () => Promise<unknown>) => {
      await seeded();
      await tx.execute(sql`analyze`);
    };
    if (version < 1) await stage(() => seedProvince(tx, admin));
    if (version < 2) await stage(() => seedRegistry(tx, admin, DEMO_PROVINCE));
    if (version < 3) await stage(() => seedFund(tx, admin));
    if (version < 4) await stage(() => seedCoordination(tx, admin, DEMO_PROVINCE));
    if (version < 5) {
      const seeder = await holdingEveryRole(tx, admin);
      await createAccounts(tx, seeder, 5);
      await stage(() => seedReviews(tx, seeder, DEMO_PROVINCE));
    }
    if (version < 6) await stage(() => seedSupport(tx, admin, DEMO_PROVINCE));
    await tx
      .insert(appMeta)
      .values({ key: META_KEY, value: { version: SEED_VERSION } })
      .onConflictDoUpdate({ target: appMeta.key, set: { value: { version: SEED_VERSION }, updatedAt: new Date() } });
  });
  return true;
}

async function seedProvince(db: Db, admin: Actor) {
  const addOrganisation = async (
    name: string,
    shortName: string | null,
    kind: OrganisationKind,
    unitCode: string | null,
  ) => {
    await createOrganisation(db, admin, { name, shortName, kind, unitCode });
  };
  for (const [name, short, kind] of NATIONAL_ORGANISATIONS) await addOrganisation(name, short, kind, null);
  for (const [name, short, kind] of PROVINCE_ORGANISATIONS) await addOrganisation(name, short, kind, DEMO_PROVINCE);

  const { items: communes } = await listAdminUnits(db, {
    parentCode: DEMO_PROVINCE,
    date: null,
    limit: 500,
    offset: 0,
    sort: 'name',
    order: 'asc',
  });
  for (const commune of communes) {
    const ward = commune.unitType === 'ward';
    const place = `${ward ? 'phường' : 'xã'} ${commune.name}`;
    await addOrganisation(`UBND ${place}`, null, 'peoples_committee', commune.code);
    await addOrganisation(`Ủy ban MTTQ Việt Nam ${place}`, `MTTQ ${place}`, 'front_committee', commune.code);
    const kind: VillageKind = ward ? 'to_dan_pho' : 'thon';
    const count = stableNumber(commune.code, 4, 9);
    for (let i = 1; i <= count; i++) {
      await createVillage(db, admin, { communeCode: commune.code, name: `${ward ? 'Tổ dân phố' : 'Thôn'} ${i}`, kind });
    }
  }
  await createAccounts(db, admin, 1);
}

/**
 * The system administrator holds every role; one made before the reviewer role existed is given
 * it, so that it may create the demo reviewer's account (one grants only roles one holds).
 */
async function holdingEveryRole(db: Db, admin: Actor): Promise<Actor> {
  await db
    .update(users)
    .set({ roles: [...ROLES] })
    .where(eq(users.id, admin.id));
  return { ...admin, roles: [...ROLES] };
}

/** The demo accounts a seed version added, in the organisations named. */
async function createAccounts(db: Db, admin: Actor, since: number) {
  for (const account of DEMO_ACCOUNTS.filter((a) => (a.since ?? 1) === since)) {
    const [organisation] = account.organisation
      ? await db
          .select({ id: organisations.id })
          .from(organisations)
          .where(eq(organisations.name, account.organisation))
      : [];
    await createUser(db, admin, {
      username: account.username,
      fullName: account.fullName,
      organisationId: organisation?.id ?? null,
      scopeCode: account.scopeCode,
      roles: account.roles,
      password: DEMO_PASSWORD,
    });
  }
}
