/**
 * The demo's support outside the Fund (seed version 6): what poor and near-poor households of the
 * demo communes received in 2022–2026 from the national target programme's projects, the local
 * budget, businesses and policy loans — more for the poor, per-member kinds to a member of the
 * right age; houses built or repaired in every stage, some behind schedule; and poverty-reduction
 * models whose households joined while poor or near-poor, one copied to other communes. Who is
 * poor in which year is read from the demo's assessments, never made up here: the outcomes the
 * model pages show are the registry's. Everything goes through the services (repeat rules,
 * audit). Deterministic.
 */
import { sql } from 'drizzle-orm';
import type { ModelKind } from '../../domain/models';
import type { Category } from '../../domain/poverty';
import type { Actor } from '../platform/access';
import { rowsOf, type Db } from '../platform/db/database';
import { AppError } from '../platform/errors';
import { addParticipant, createModel, replicateModel } from '../modules/models/service';
import { findCurrentUnit } from '../modules/admin-units/service';
import { createOrganisation } from '../modules/organisations/service';
import { listVillages } from '../modules/villages/service';
import { advanceHouse, approveHouse } from '../modules/support/houses';
import type { SupportCreateReq } from '../modules/support/schemas';
import { recordSupport } from '../modules/support/service';
import { Random } from './random';

/** Thạch Hà, Cẩm Xuyên (the demo accounts' communes) and Thành Sen: where the support is recorded. */
const SUPPORT_COMMUNES = ['18562', '18673', '18073'];
const YEARS = [2022, 2023, 2024, 2025, 2026] as const;

interface DemoHousehold {
  id: string;
  code: string;
  communeCode: string;
  villageId: string;
  /** Category by list year. */
  lists: Record<string, Category>;
  poorHousing: boolean;
}
interface DemoMember {
  id: string;
  householdId: string;
  dateOfBirth: string;
}

/** Households that were poor or near-poor in some list year, with their lists, by code. */
async function listedHouseholds(db: Db, provinceCode: string) {
  return rowsOf<DemoHousehold>(
    await db.execute(sql`
      select h.id, h.code, h.commune_code as "communeCode", h.village_id as "villageId",
        json_object_agg(a.year, a.category) as lists,
        bool_or('housing_quality' = any(a.deprivations)) as "poorHousing"
      from households h join household_assessments a on a.household_id = h.id
      where h.province_code = ${provinceCode} and h.archived_at is null
      group by h.id
      having bool_or(a.category in ('poor', 'near_poor'))
      order by h.code`),
  );
}

async function currentMembers(db: Db, householdIds: string[]) {
  const rows = rowsOf<DemoMember>(
    await db.execute(sql`
      select id, household_id as "householdId", date_of_birth::text as "dateOfBirth"
      from household_members
      where left_at is null and household_id in (select unnest(${`{${householdIds.join(',')}}`}::uuid[]))
      order by household_id, position`),
  );
  const byHousehold = new Map<string, DemoMember[]>();
  for (const m of rows) byHousehold.set(m.householdId, [...(byHousehold.get(m.householdId) ?? []), m]);
  return byHousehold;
}

const ageOn = (dateOfBirth: string, date: string) => Number(date.slice(0, 4)) - Number(dateOfBirth.slice(0, 4));
const day = (year: number, month: number, d: number) =>
  `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
/** The programme's production and training money: project 3 and 4 until 2025, the merged programme from 2026. */
const ntp = (year: number, project: 2 | 3 | 4) => (year >= 2026 ? 'ntp2026' : `ntp2021_project_${project}`);

type Support = Pick<SupportCreateReq, 'kind' | 'sourceCode' | 'value' | 'date'> & Partial<SupportCreateReq>;

/** A support as the service takes it: what the demo leaves out is empty (none is paid from the Fund). */
const complete = (support: Support): SupportCreateReq => ({
  fundId: null,
  memberId: null,
  decisionNumber: null,
  handoverProof: null,
  note: null,
  loanTermMonths: null,
  loanOutstanding: null,
  ...support,
});

/** Record through the support service; a support the repeat rules refuse (e.g. a gift the Fund gave) is left out. */
async function give(db: Db, admin: Actor, householdId: string, support: Support) {
  try {
    await recordSupport(db, admin, householdId, complete(support));
    return true;
  } catch (error) {
    if (error instanceof AppError && error.code === 'support_repeated') return false;
    throw error;
  }
}

export interface SupportCounts {
  /** The yearly supports (not counting those of houses handed over and of models). */
  supports: number;
  houses: number;
  models: number;
  participants: number;
}

export async function seedSupport(db: Db, admin: Actor, provinceCode: string): Promise<SupportCounts> {
  const random = new Random('ho-tro-giam-ngheo');
  const listed = await listedHouseholds(db, provinceCode);
  const members = await currentMembers(
    db,
    listed.map((h) => h.id),
  );
  const counts: SupportCounts = { supports: 0, houses: 0, models: 0, participants: 0 };
  const local = listed.filter((h) => SUPPORT_COMMUNES.includes(h.communeCode));
  for (const household of local) {
    const r = random.fork(household.code);
    for (const year of YEARS) {
      const category = household.lists[year];
      if (category !== 'poor' && category !== 'near_poor') continue;
      for (const support of yearOfSupport(r, year, category, members.get(household.id) ?? []))
        if (await give(db, admin, household.id, support)) counts.supports++;
    }
  }
  counts.houses = await seedHouses(db, admin, local, random.fork('nha'));
  const models = await seedModels(db, admin, listed, members, random.fork('mo-hinh'));
  counts.models = models.models;
  counts.participants = models.participants;
  return counts;
}

/** What a poor (or near-poor) household received in one list year: a few supports, rarer for the near-poor. */
function yearOfSupport(r: Random, year: number, category: Category, members: DemoMember[]): Support[] {
  const poor = category === 'poor';
  const supports: Support[] = [];
  if (r.chance(poor ? 0.3 : 0.1))
    supports.push({
      kind: 'production',
      sourceCode: ntp(year, 3),
      value: r.int(poor ? 6 : 4, 15) * 1_000_000,
      date: day(year, r.int(3, 6), r.int(1, 28)),
      decisionNumber: `${r.int(10, 99)}/QĐ-UBND`,
      note: r.pick(['Bò giống', 'Lợn nái giống', 'Gà giống và thức ăn', 'Phân bón, giống lúa', 'Dê giống']),
    });
  if (r.chance(poor ? 0.15 : 0.1)) {
    const value = r.int(3, 10) * 10_000_000;
    const term = r.pick([36, 48, 60]);
    const monthsPaid = Math.max(0, (2026 - year) * 12 + 11 - r.int(3, 6));
    supports.push({
      kind: 'policy_loan',
      sourceCode: 'vbsp',
      value,
      date: day(year, r.int(2, 9), r.int(1, 28)),
      loanTermMonths: term,
      loanOutstanding: Math.max(0, Math.round((value * (1 - monthsPaid / term)) / 100_000) * 100_000),
      note: poor ? 'Vay hộ nghèo' : 'Vay hộ cận nghèo',
    });
  }
  const worker = members.find((m) => {
    const age = ageOn(m.dateOfBirth, `${year}-06-01`);
    return age >= 18 && age <= 45;
  });
  if (worker && r.chance(poor ? 0.12 : 0.06))
    supports.push({
      kind: 'vocational_training',
      sourceCode: ntp(year, 4),
      memberId: worker.id,
      value: r.int(3, 6) * 1_000_000,
      date: day(year, r.int(4, 10), r.int(1, 28)),
      note: r.pick(['Sơ cấp may công nghiệp', 'Kỹ thuật chăn nuôi', 'Sửa chữa máy nông nghiệp', 'Nấu ăn']),
    });
  const patient = members.length ? r.pick(members) : undefined;
  if (patient && r.chance(poor ? 0.08 : 0.03))
    supports.push({
      kind: 'medical',
      sourceCode: 'local_budget',
      memberId: patient.id,
      value: r.int(10, 50) * 100_000,
      date: day(year, r.int(1, 11), r.int(1, 28)),
    });
  if (poor && r.chance(0.3))
    supports.push({ kind: 'tet_gift', sourceCode: 'business', value: 500_000, date: day(year, 1, r.int(15, 25)) });
  return supports;
}

/**
 * Houses for poor households deprived on housing quality: handed over (the oldest), completed,
 * under construction — one past its planned completion — and approved, one not started two months on.
 */
async function seedHouses(db: Db, admin: Actor, households: DemoHousehold[], r: Random) {
  const candidates = households.filter((h) => h.poorHousing && Object.values(h.lists).includes('poor'));
  const plan: {
    approved: string;
    stages: readonly ('under_construction' | 'completed' | 'handed_over')[];
    planned: string;
  }[] = [
    ...[2023, 2024, 2024, 2025, 2025].map((year) => ({
      approved: day(year, 3, 10),
      planned: day(year, 8, 31),
      stages: ['under_construction', 'completed', 'handed_over'] as const,
    })),
    { approved: '2026-04-02', planned: '2026-09-30', stages: ['under_construction', 'completed'] },
    { approved: '2026-05-15', planned: '2026-10-31', stages: ['under_construction', 'completed'] },
    { approved: '2026-06-10', planned: '2026-12-31', stages: ['under_construction'] },
    // Behind schedule: still building after the planned completion.
    { approved: '2026-03-20', planned: '2026-08-31', stages: ['under_construction'] },
    // Behind schedule: approved, not started within 60 days.
    { approved: '2026-08-05', planned: '2027-01-31', stages: [] },
    { approved: '2026-11-20', planned: '2027-04-30', stages: [] },
  ];
  const stageDate = (approved: string, step: number) => {
    const d = new Date(`${approved}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + [20, 120, 135][step]!);
    return d.toISOString().slice(0, 10);
  };
  const housed = new Set<string>();
  let count = 0;
  for (const [i, house] of plan.entries()) {
    const year = Number(house.approved.slice(0, 4));
    // A household on the poor list of the year its house is approved, one house each.
    const household = candidates.find((h) => h.lists[year] === 'poor' && !housed.has(h.id));
    if (!household) continue;
    housed.add(household.id);
    const build = r.chance(0.6);
    const main = year >= 2026 ? 'ntp2026' : year >= 2024 ? 'temporary_houses' : 'ntp2021_project_5';
    const amount = (build ? 40_000_000 : 20_000_000) * (main === 'temporary_houses' ? 1.5 : 1);
    let view = await approveHouse(db, admin, household.id, {
      kind: build ? 'build' : 'repair',
      decisionNumber: `${10 + i}/QĐ-UBND`,
      approvedOn: house.approved,
      plannedCompletion: house.planned,
      builder: r.pick([
        'Tổ thợ xây thôn',
        'Công ty TNHH Xây dựng Hồng Lĩnh',
        'Gia đình tự xây, đoàn viên thanh niên hỗ trợ công',
      ]),
      funding: [
        { sourceCode: main, amount },
        { sourceCode: 'local_budget', amount: 5_000_000 },
        ...(r.chance(0.5) ? [{ sourceCode: 'business', amount: r.int(5, 20) * 1_000_000 }] : []),
      ],
    });
    for (const [step, stage] of house.stages.entries())
      view = await advanceHouse(db, admin, view.id, {
        stage,
        date: stageDate(house.approved, step),
        version: view.version,
      });
    if (view.stage === 'handed_over')
      await give(db, admin, household.id, {
        kind: build ? 'house_build' : 'house_repair',
        sourceCode: main,
        value: view.totalCost,
        date: view.dates.handed_over!,
        decisionNumber: view.decisionNumber,
        handoverProof: `Biên bản bàn giao nhà ngày ${view.dates.handed_over!.split('-').reverse().join('/')}`,
      });
    count++;
  }
  return count;
}

interface DemoModel {
  name: string;
  kind: ModelKind;
  communeCode: string;
  /** Associations of the commune that lead and partner (created if absent). */
  lead: string;
  partner: string;
  startsOn: string;
  endsOn: string | null;
  budget: { sourceCode: string; amount: number }[];
  expectedResults: string;
  expectedIncomeIncrease: number;
  actualResults?: string;
  actualIncomeIncrease?: number;
  /** What each household receives when it joins. */
  received: (year: number, r: Random) => Support;
  size: number;
  /** Copies elsewhere, started later. */
  copies?: { communeCode: string; startsOn: string; size: number }[];
}

const MODELS: DemoModel[] = [
  {
    name: 'Nuôi bò sinh sản',
    kind: 'livestock',
    communeCode: '18562',
    lead: 'Hội Nông dân',
    partner: 'Hội Liên hiệp Phụ nữ',
    startsOn: '2023-03-01',
    endsOn: '2025-12-31',
    budget: [
      { sourceCode: 'ntp2021_project_2', amount: 360_000_000 },
      { sourceCode: 'local_budget', amount: 40_000_000 },
    ],
    expectedResults:
      'Mỗi hộ được hỗ trợ 1 con bò cái sinh sản và tập huấn kỹ thuật; sau 3 năm có ít nhất một nửa số hộ nghèo thoát nghèo.',
    expectedIncomeIncrease: 15_000_000,
    actualResults:
      'Đàn bò phát triển tốt, phần lớn hộ đã có bê con; nhiều hộ thoát nghèo, một số hộ gặp rủi ro dịch bệnh.',
    actualIncomeIncrease: 12_000_000,
    received: (year, r) => ({
      kind: 'production',
      sourceCode: 'ntp2021_project_2',
      value: r.int(22, 28) * 1_000_000,
      date: day(year, 4, r.int(5, 25)),
      decisionNumber: '25/QĐ-UBND',
    }),
    size: 12,
    copies: [
      { communeCode: '18673', startsOn: '2024-03-01', size: 10 },
      { communeCode: '18544', startsOn: '2025-02-15', size: 6 },
    ],
  },
  {
    name: 'Trồng cam, bưởi theo hướng hữu cơ',
    kind: 'crops',
    communeCode: '18673',
    lead: 'Hội Nông dân',
    partner: 'Hội Cựu chiến binh',
    startsOn: '2022-09-01',
    endsOn: null,
    budget: [
      { sourceCode: 'ntp2021_project_3', amount: 180_000_000 },
      { sourceCode: 'business', amount: 60_000_000 },
    ],
    expectedResults: 'Chuyển 8 ha đất vườn tạp sang trồng cam, bưởi; doanh nghiệp bao tiêu sản phẩm.',
    expectedIncomeIncrease: 20_000_000,
    received: (year, r) => ({
      kind: 'production',
      sourceCode: 'ntp2021_project_3',
      value: r.int(8, 14) * 1_000_000,
      date: day(year, 10, r.int(1, 28)),
      note: 'Cây giống, phân bón hữu cơ',
    }),
    size: 10,
  },
  {
    name: 'Đào tạo nghề may và giới thiệu việc làm',
    kind: 'vocational',
    communeCode: '18073',
    lead: 'Hội Liên hiệp Phụ nữ',
    partner: 'Đoàn Thanh niên',
    startsOn: '2024-02-01',
    endsOn: '2026-06-30',
    budget: [
      { sourceCode: 'ntp2021_project_4', amount: 120_000_000 },
      { sourceCode: 'business', amount: 30_000_000 },
    ],
    expectedResults:
      'Đào tạo sơ cấp nghề may cho lao động hộ nghèo, cận nghèo; giới thiệu việc làm tại doanh nghiệp may.',
    expectedIncomeIncrease: 36_000_000,
    received: (year, r) => ({
      kind: 'policy_loan',
      sourceCode: 'vbsp',
      value: r.int(2, 5) * 10_000_000,
      date: day(year, 3, r.int(1, 28)),
      loanTermMonths: 36,
      note: 'Vay vốn mua máy may',
    }),
    size: 8,
  },
];

/** A commune's association (Hội Nông dân xã…), made once. */
async function association(db: Db, admin: Actor, made: Map<string, string>, name: string, communeCode: string) {
  const key = `${name} ${communeCode}`;
  const existing = made.get(key);
  if (existing) return existing;
  const unit = await findCurrentUnit(db, communeCode);
  const place = unit ? unit.fullName.charAt(0).toLowerCase() + unit.fullName.slice(1) : communeCode;
  const org = await createOrganisation(db, admin, {
    name: `${name} ${place}`,
    shortName: null,
    kind: 'member_organisation',
    unitCode: communeCode,
  });
  made.set(key, org.id);
  return org.id;
}

/** A model's villages: the commune's first two. */
async function firstVillages(db: Db, admin: Actor, communeCode: string) {
  const { items } = await listVillages(db, admin, {
    commune: communeCode,
    limit: 2,
    offset: 0,
    sort: 'name',
    order: 'asc',
    includeArchived: false,
  });
  return items.map((v) => v.id);
}

/**
 * Households of a commune poor or near-poor in the list in force when they join (the poor
 * first), as an officer would choose them.
 */
function chooseParticipants(households: DemoHousehold[], communeCode: string, joinYear: number, size: number) {
  const listed = households.filter((h) => {
    const c = h.lists[joinYear];
    return h.communeCode === communeCode && (c === 'poor' || c === 'near_poor');
  });
  return [
    ...listed.filter((h) => h.lists[joinYear] === 'poor'),
    ...listed.filter((h) => h.lists[joinYear] === 'near_poor'),
  ].slice(0, size);
}

async function seedModels(
  db: Db,
  admin: Actor,
  households: DemoHousehold[],
  members: Map<string, DemoMember[]>,
  r: Random,
) {
  const made = new Map<string, string>();
  let models = 0;
  let participants = 0;
  const join = async (modelId: string, communeCode: string, startsOn: string, demo: DemoModel, size: number) => {
    const year = Number(startsOn.slice(0, 4));
    for (const household of chooseParticipants(households, communeCode, year, size)) {
      const joinedOn = day(year, Number(startsOn.slice(5, 7)) + 1, 1);
      const received: Support[] = [demo.received(year, r)];
      const worker = (members.get(household.id) ?? []).find(
        (m) => ageOn(m.dateOfBirth, joinedOn) >= 18 && ageOn(m.dateOfBirth, joinedOn) <= 40,
      );
      if (demo.kind === 'vocational' && worker)
        received.push(
          {
            kind: 'vocational_training',
            sourceCode: ntp(year, 4),
            memberId: worker.id,
            value: 4_500_000,
            date: joinedOn,
            note: 'Sơ cấp may công nghiệp',
          },
          {
            kind: 'job_placement',
            sourceCode: 'local_budget',
            memberId: worker.id,
            value: 500_000,
            date: day(year, 9, 15),
          },
        );
      await addParticipant(db, admin, modelId, {
        householdId: household.id,
        joinedOn,
        note: null,
        received: received.map(complete),
      });
      participants++;
    }
  };
  for (const demo of MODELS) {
    if (!chooseParticipants(households, demo.communeCode, Number(demo.startsOn.slice(0, 4)), 1).length) continue;
    const lead = await association(db, admin, made, demo.lead, demo.communeCode);
    const partner = await association(db, admin, made, demo.partner, demo.communeCode);
    const villages = await firstVillages(db, admin, demo.communeCode);
    const model = await createModel(db, admin, {
      name: demo.name,
      kind: demo.kind,
      communeCode: demo.communeCode,
      villageIds: villages,
      leadOrganisationId: lead,
      partnerOrganisationIds: [partner],
      startsOn: demo.startsOn,
      endsOn: demo.endsOn,
      budget: demo.budget,
      expectedResults: demo.expectedResults,
      expectedIncomeIncrease: demo.expectedIncomeIncrease,
      actualResults: demo.actualResults ?? null,
      actualIncomeIncrease: demo.actualIncomeIncrease ?? null,
    });
    models++;
    await join(model.id, demo.communeCode, demo.startsOn, demo, demo.size);
    for (const copy of demo.copies ?? []) {
      if (!chooseParticipants(households, copy.communeCode, Number(copy.startsOn.slice(0, 4)), 1).length) continue;
      const copyLead = await association(db, admin, made, demo.lead, copy.communeCode);
      const copyVillages = await firstVillages(db, admin, copy.communeCode);
      const replicated = await replicateModel(db, admin, model.id, {
        communeCode: copy.communeCode,
        villageIds: copyVillages,
        leadOrganisationId: copyLead,
        partnerOrganisationIds: [],
        startsOn: copy.startsOn,
        endsOn: null,
        budget: [
          { sourceCode: 'ntp2021_project_2', amount: copy.size * 25_000_000 },
          { sourceCode: 'business', amount: 20_000_000 },
        ],
      });
      models++;
      await join(replicated.id, copy.communeCode, copy.startsOn, demo, copy.size);
    }
  }
  return { models, participants };
}
