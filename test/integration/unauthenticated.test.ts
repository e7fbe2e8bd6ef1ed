import type { InjectOptions } from 'fastify';
import { ROLES } from '../../src/domain/access';
import { STANDARD_2022_2025 } from '../../src/domain/poverty';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAssessment } from '../../src/server/modules/assessments/service';
import { householdAssessments } from '../../src/server/modules/assessments/tables';
import { householdMembers, households } from '../../src/server/modules/households/tables';
import { approveHouse } from '../../src/server/modules/support/houses';
import { recordSupport } from '../../src/server/modules/support/service';
import { houses, supportDistributions, supportRecords } from '../../src/server/modules/support/tables';
import {
  fundCampaigns,
  fundDonors,
  fundPledges,
  fundPostings,
  fundStatementLines,
  funds,
} from '../../src/server/modules/fund/tables';
import { createPledge } from '../../src/server/modules/fund/pledges';
import { mergeDonor } from '../../src/server/modules/fund/donor-merge';
import { createDonor } from '../../src/server/modules/fund/service';
import { importStatement, listStatementLines } from '../../src/server/modules/fund/statement';
import { organisations } from '../../src/server/modules/organisations/tables';
import { users } from '../../src/server/modules/users/tables';
import { villages } from '../../src/server/modules/villages/tables';
import { sessions } from '../../src/server/platform/auth/tables';
import { bodyOptions, createTestApp, login, signIn, type TestApp } from '../helpers/app';
import {
  buildFund,
  buildHousehold,
  buildOrganisation,
  buildUser,
  buildVillage,
  member,
  systemAdmin,
  CAM_XUYEN,
  TEST_PASSWORD,
  THACH_HA,
} from '../helpers/factories';
import { buildRound } from '../helpers/reviews';
import { traceOf } from '../helpers/trace';
import {
  COORDINATION_PATHS,
  COORDINATION_TABLES,
  COORDINATION_WRITES,
  coordinationFixture,
  coordinationId,
  type CoordinationFixture,
} from '../helpers/coordination';
import { MODEL_PATHS, MODEL_TABLES, MODEL_WRITES, modelFixture, type ModelFixture } from '../helpers/models';
import { recordMeeting } from '../../src/server/modules/reviews/meetings';
import { templateWorkbook } from '../helpers/workbooks';
import { XLSX_TYPE } from '../../src/server/modules/registry-excel/schemas';
import { distributionWorkbook } from '../helpers/support';

/**
 * The two guards every route stands behind, checked against the routes the API documents (so a
 * new route is covered the day it is added): no session → 401; a signed-in write without the
 * session's X-CSRF-Token → 403, and nothing changes.
 */

interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
const isPublic = (path: string) =>
  path === '/api/auth/login' ||
  path === '/api/health' ||
  path.startsWith('/api/docs') ||
  path.startsWith('/api/public/');
const label = (r: Route) => `${r.method} ${r.path}`;

/** Path parameters filled with values of the right shape (the record need not exist). */
const SAMPLE_PARAMS: Record<string, string> = {
  id: '3f1d2c4b-5a6e-4f70-8a9b-0c1d2e3f4a5b',
  memberId: '3f1d2c4b-5a6e-4f70-8a9b-0c1d2e3f4a5c',
  caseId: '3f1d2c4b-5a6e-4f70-8a9b-0c1d2e3f4a5d',
  meetingId: '3f1d2c4b-5a6e-4f70-8a9b-0c1d2e3f4a5e',
  complaintId: '3f1d2c4b-5a6e-4f70-8a9b-0c1d2e3f4a5f',
  householdId: '3f1d2c4b-5a6e-4f70-8a9b-0c1d2e3f4a60',
  code: '42',
  view: 'coverage',
};
function fill(path: string, params: Record<string, string> = SAMPLE_PARAMS) {
  return path.replace(/\{(\w+)\}/gu, (_, name: string) => {
    const value = params[name];
    if (!value) throw new Error(`no sample value for the path parameter {${name}} of ${path}`);
    return value;
  });
}

let t: TestApp;
let routes: Route[];

beforeAll(async () => {
  t = await createTestApp();
  const doc = t.app.swagger() as { paths: Record<string, Partial<Record<(typeof METHODS)[number], unknown>>> };
  routes = Object.entries(doc.paths).flatMap(([path, operations]) =>
    METHODS.filter((m) => operations[m]).map((m) => ({ method: m.toUpperCase() as Route['method'], path })),
  );
});
afterAll(() => t.close());

describe('without a session', () => {
  it('the API document lists the routes walked here', () => {
    const listed = routes.map(label);
    for (const known of [
      'GET /api/villages',
      'PATCH /api/organisations/{id}',
      'PUT /api/users/{id}/access',
      'GET /api/audit-events',
      'POST /api/auth/logout',
    ]) {
      expect(listed).toContain(known);
    }
    expect(routes.filter((r) => r.path.startsWith('/api/') && !isPublic(r.path)).length).toBeGreaterThanOrEqual(20);
  });

  it('every /api route except sign-in, health, docs and /api/public answers 401 problem+json', async () => {
    const signedOut = await signIn(t, { roles: ['admin'] });
    expect((await signedOut.post('/api/auth/logout')).statusCode).toBe(204);
    const credentials: Record<string, Record<string, string>> = {
      'no cookie': {},
      'a made-up session cookie': { cookie: 'chungtay_session=bia-dat-ra' },
      'the cookie of a signed-out session': { cookie: signedOut.cookie, 'x-csrf-token': signedOut.csrfToken },
    };
    const wrong: string[] = [];
    for (const route of routes.filter((r) => r.path.startsWith('/api/') && !isPublic(r.path))) {
      for (const [who, headers] of Object.entries(credentials)) {
        const res = await t.app.inject({
          method: route.method,
          url: fill(route.path),
          headers,
          payload: route.method === 'GET' ? undefined : {},
        });
        const ok =
          res.statusCode === 401 &&
          String(res.headers['content-type']).startsWith('application/problem+json') &&
          res.json().code === 'unauthenticated';
        if (!ok) wrong.push(`${label(route)} with ${who}: ${res.statusCode} ${res.body.slice(0, 80)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('sign-in, health and the API docs stay reachable', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/docs/json' })).statusCode).toBe(200);
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'khong.co', password: 'sai-mat-khau' },
    });
    expect(bad.statusCode).toBe(401);
    expect(bad.json().code).toBe('bad_credentials');
  });
});

// One pass over every write route, each on fresh fixtures: minutes on a loaded machine.
describe('a signed-in write without the CSRF token', { timeout: 600_000 }, () => {
  type Fixtures = {
    village: Awaited<ReturnType<typeof buildVillage>>;
    organisation: Awaited<ReturnType<typeof buildOrganisation>>;
    user: Awaited<ReturnType<typeof buildUser>>['user'];
    household: Awaited<ReturnType<typeof buildHousehold>>;
    /** A second household of the same village, to merge. */
    neighbour: Awaited<ReturnType<typeof buildHousehold>>;
    assessment: Awaited<ReturnType<typeof createAssessment>>;
    support: Awaited<ReturnType<typeof recordSupport>>;
    house: Awaited<ReturnType<typeof approveHouse>>;
    /** Thạch Hà's fund (made once, holding money) and a fresh receipt on it, to reverse. */
    fund: Awaited<ReturnType<typeof buildFund>>;
    posting: { id: string };
    /** Built only for the coordination routes. */
    coordination?: CoordinationFixture;
    /** Built only for the model routes. */
    model?: ModelFixture;
    /** A review round of the household's commune, when the route needs one (see buildRound). */
    review?: Awaited<ReturnType<typeof buildRound>>;
    /** A pledge on the fund, or a bank statement line waiting to be matched, when the route needs one. */
    pledge?: { id: string };
    statementLine?: { id: string };
    /** A donor of the fund, when the route needs one. */
    donor?: { id: string; version: number };
  };
  /** The same company entered twice on the fund. */
  const twinDonors = async (f: Fixtures) => {
    const admin = await systemAdmin(t.database.db);
    const entered = (name: string) =>
      createDonor(t.database.db, admin, { fundId: f.fund.id, kind: 'business', name, publishName: false });
    return [await entered('Cty TNHH Song Sinh'), await entered('Công ty TNHH Song Sinh')] as const;
  };
  /** A statement of one incoming transfer, never seen before. */
  const statementFile = () =>
    Buffer.from(`Ngày giao dịch;Số bút toán;Ghi có;Nội dung\n01/03/2026;CSRF${++seq};100000;ung ho`);
  const waitingLine = async (f: Fixtures) => {
    const admin = await systemAdmin(t.database.db);
    await importStatement(t.database.db, admin, f.fund.id, statementFile(), {});
    const lines = await listStatementLines(t.database.db, admin, f.fund.id, {
      status: 'unmatched',
      q: `CSRF${seq}`,
      limit: 1,
      offset: 0,
      sort: 'date',
      order: 'asc',
    });
    f.statementLine = lines.items[0]!;
  };
  let seq = 0;
  let provinceFund: Awaited<ReturnType<typeof buildFund>> | undefined;
  const ASSESSMENT = { year: 2026, surveyDate: '2025-10-15', incomePerCapitaMonthly: 1_400_000 };
  const ASSESSMENT_INPUT = { ...ASSESSMENT, incomeScore: null, overrides: [], causes: [], note: null };
  const SUPPORT = { kind: 'production', sourceCode: 'local_budget', value: 3_000_000, date: '2026-04-01' };
  const DISTRIBUTION = {
    communeCode: THACH_HA,
    kind: 'relief',
    sourceCode: 'local_budget',
    date: '2026-04-02',
    value: 200_000,
  };
  const HOUSE = {
    kind: 'build' as const,
    decisionNumber: '45/QĐ-UBND',
    approvedOn: '2026-03-02',
    plannedCompletion: '2026-08-31',
    builder: null,
    funding: [{ sourceCode: 'local_budget', amount: 40_000_000 }],
  };

  /** A workbook of one new household in the fixture's village. */
  const householdFile = (f: Fixtures) =>
    templateWorkbook({
      households: [
        { communeCode: THACH_HA, code: `XL-${++seq}`, village: f.village.name, address: 'Thôn 1', area: 'Nông thôn' },
      ],
      members: [
        {
          householdCode: `XL-${seq}`,
          fullName: 'Nguyễn Văn Tệp',
          dateOfBirth: '02/03/1985',
          sex: 'Nam',
          relation: 'Chủ hộ',
        },
      ],
    });
  /** An uploaded workbook names its commune in the query. */
  const WORKBOOK_QUERY = { commune: THACH_HA };
  /** A request each state-changing route would accept, on fresh records. */
  const VALID: Record<string, (f: Fixtures) => unknown> = {
    'POST /api/auth/logout': () => undefined,
    'POST /api/auth/password': () => ({ currentPassword: TEST_PASSWORD, newPassword: 'mat-khau-moi-dai-hon' }),
    'POST /api/villages': () => ({ communeCode: THACH_HA, name: `Thôn Chống Giả ${++seq}`, kind: 'thon' }),
    'PATCH /api/villages/{id}': (f) => ({ name: `Thôn Đổi Tên ${++seq}`, version: f.village.version }),
    'POST /api/villages/{id}/archive': (f) => ({ reason: 'Sáp nhập', version: f.village.version }),
    'POST /api/organisations': () => ({
      name: `Hội Người cao tuổi ${++seq}`,
      kind: 'member_organisation',
      unitCode: THACH_HA,
    }),
    'PATCH /api/organisations/{id}': (f) => ({ name: `Hội Đổi Tên ${++seq}`, version: f.organisation.version }),
    'POST /api/organisations/{id}/archive': (f) => ({ version: f.organisation.version }),
    'POST /api/users': () => ({
      username: `chong.gia.${++seq}`,
      fullName: 'Phạm Văn Cờ',
      scopeCode: THACH_HA,
      roles: ['viewer'],
    }),
    'PATCH /api/users/{id}': (f) => ({ fullName: 'Phạm Thị Mới', version: f.user.version }),
    'PUT /api/users/{id}/access': (f) => ({ scopeCode: CAM_XUYEN, roles: ['viewer'], version: f.user.version }),
    'POST /api/users/{id}/disable': (f) => ({ version: f.user.version }),
    'POST /api/users/{id}/enable': (f) => ({ version: f.user.version }),
    'POST /api/users/{id}/password-reset': (f) => ({ version: f.user.version }),
    'POST /api/households': (f) => ({
      communeCode: THACH_HA,
      villageId: f.village.id,
      code: `CG-${++seq}`,
      address: 'Thôn 1',
      area: 'rural',
      members: [member({ relation: 'head' })],
    }),
    'PATCH /api/households/{id}': (f) => ({ phone: '0912345678', version: f.household.version }),
    'PUT /api/households/{id}/dwelling': (f) => ({
      ...f.household.dwelling,
      floorArea: 30,
      version: f.household.version,
    }),
    'POST /api/households/{id}/move': (f) => ({ villageId: f.village.id, version: f.household.version }),
    'POST /api/households/{id}/archive': (f) => ({ reason: 'Chuyển đi', version: f.household.version }),
    'POST /api/households/{id}/head': (f) => ({
      memberId: spouse(f).id,
      formerHeadRelation: 'spouse',
      version: f.household.version,
    }),
    'POST /api/households/{id}/members': (f) => ({ ...member(), version: f.household.version }),
    'PATCH /api/households/{id}/members/{memberId}': (f) => ({ fullName: 'Tên Mới', version: f.household.version }),
    'POST /api/households/{id}/members/{memberId}/leave': (f) => ({
      date: '2026-11-01',
      reason: 'Chuyển đi',
      version: f.household.version,
    }),
    'POST /api/households/{id}/split': (f) => ({
      code: `TACH-${++seq}`,
      members: [{ memberId: spouse(f).id, relation: 'head' }],
      version: f.household.version,
    }),
    'POST /api/households/{id}/merge': (f) => ({
      fromHouseholdId: f.neighbour.id,
      fromVersion: f.neighbour.version,
      members: f.neighbour.members.map((m) => ({ memberId: m.id, relation: 'other' })),
      version: f.household.version,
    }),
    'POST /api/households/{id}/assessments': () => ({ ...ASSESSMENT, year: 2025 }),
    'POST /api/households/{id}/assessments/preview': () => ASSESSMENT,
    'PUT /api/assessments/{id}': (f) => ({ ...ASSESSMENT, version: f.assessment.version }),
    'POST /api/households/{id}/supports': () => SUPPORT,
    'POST /api/supports/{id}/cancellation': () => ({ reason: 'Nhập nhầm' }),
    'POST /api/support-distributions/preview': (f) => ({
      ...DISTRIBUTION,
      rows: [{ householdCode: f.household.code }],
    }),
    'POST /api/support-distributions/selection': () => ({ ...DISTRIBUTION, categories: ['poor'] }),
    'POST /api/support-distributions/sheet': async (f) => ({
      file: await distributionWorkbook([[f.household.code]]),
      type: XLSX_TYPE,
      // The list's header (kind, source, value, date) travels in the query.
      query: { ...DISTRIBUTION, value: String(DISTRIBUTION.value) },
    }),
    'POST /api/support-distributions': (f) => ({ ...DISTRIBUTION, rows: [{ householdCode: f.household.code }] }),
    'POST /api/households/{id}/houses': () => ({ ...HOUSE, kind: 'repair' }),
    'POST /api/houses/{id}/stage': (f) => ({
      stage: 'under_construction',
      date: '2026-03-10',
      version: f.house.version,
    }),
    'POST /api/reviews': () => ({ communeCode: THACH_HA, year: 2026, kind: 'regular' }),
    'POST /api/reviews/{id}/listing': async (f) => ({ version: (await round(f, 'planned')).version }),
    'POST /api/reviews/{id}/cases': async (f) => {
      await round(f, 'listing');
      return { householdId: f.neighbour.id, reason: 'village_head', proposedBy: 'Trưởng thôn' };
    },
    'POST /api/reviews/{id}/reviewers': async (f) => {
      await round(f, 'listing');
      return { userId: f.user.id, villageId: f.village.id };
    },
    'POST /api/reviews/{id}/survey': async (f) => ({ version: (await round(f, 'listing')).version }),
    'POST /api/reviews/{id}/cases/{caseId}/survey/preview': async (f) => surveyOf(await round(f, 'surveying')),
    'PUT /api/reviews/{id}/cases/{caseId}/survey': async (f) => surveyOf(await round(f, 'surveying')),
    'POST /api/reviews/{id}/classification': async (f) => {
      // The neighbour is on no list: listed by its application, so the job finds nothing to classify.
      f.review = await buildRound(t.database.db, f.neighbour, 'surveying', { kind: 'periodic' });
      return { surveyDate: '2026-10-20' };
    },
    'POST /api/reviews/{id}/meetings': async (f) => ({ version: (await round(f, 'surveying')).version }),
    'POST /api/reviews/{id}/village-meetings': async (f) => {
      const r = await round(f, 'meetings');
      return {
        villageId: f.village.id,
        heldOn: '2026-10-12',
        chair: 'Trưởng Thôn',
        present: 5,
        votes: [{ caseId: r.caseId, agreeing: 3 }],
      };
    },
    'POST /api/reviews/{id}/posting': async (f) => {
      const r = await round(f, 'meetings');
      await recordMeeting(t.database.db, await systemAdmin(t.database.db), r.roundId, {
        villageId: f.village.id,
        heldOn: '2026-10-12',
        chair: 'Trưởng Thôn',
        present: 5,
        votes: [{ caseId: r.caseId, agreeing: 3 }],
      });
      return { version: r.version, postedOn: '2026-11-02' };
    },
    'POST /api/reviews/{id}/complaints': async (f) => ({
      caseId: (await round(f, 'posting')).caseId,
      receivedOn: '2026-11-03',
      complainant: 'Người Khiếu Nại',
      content: 'Chưa đúng',
    }),
    'POST /api/reviews/{id}/complaints/{complaintId}/recheck': async (f) => ({
      version: (await round(f, 'posting', true)).complaintVersion,
      findings: 'Đúng kết quả',
      outcomeCategory: 'near_poor',
      repostedOn: null,
    }),
    'POST /api/reviews/{id}/decide': async (f) => ({
      version: (await round(f, 'posting')).version,
      decisionNumber: '15/QĐ-UBND',
      decisionDate: '2026-11-10',
      signerName: 'Chủ Tịch',
    }),
    'POST /api/reviews/{id}/reopen': async (f) => ({
      version: (await round(f, 'decided')).version,
      reason: 'Phúc tra lại',
    }),
    'POST /api/households/import': async (f) => ({
      file: await householdFile(f),
      type: XLSX_TYPE,
      query: WORKBOOK_QUERY,
    }),
    'POST /api/households/import/annotated': async (f) => ({
      file: await householdFile(f),
      type: XLSX_TYPE,
      query: WORKBOOK_QUERY,
    }),
    'POST /api/funds': () => ({ unitCode: '18532', name: 'Quỹ "Vì người nghèo" xã Thạch Lạc' }),
    'POST /api/funds/{id}/receipts': () => ({
      amount: 500_000,
      date: '2026-03-01',
      method: 'cash',
      donor: { kind: 'anonymous' },
    }),
    'POST /api/funds/{id}/expenditures': () => ({
      amount: 1_000,
      date: '2026-03-01',
      purpose: 'relief',
      decisionNumber: '01/QĐ-MTTQ',
    }),
    'POST /api/funds/{id}/allocations': () => ({
      toFundId: provinceFund!.id,
      amount: 1_000,
      date: '2026-03-01',
      decisionNumber: '02/QĐ-MTTQ',
    }),
    'POST /api/funds/{id}/campaigns': () => ({
      name: `Tết vì người nghèo ${++seq}`,
      startDate: '2026-01-01',
      endDate: '2026-02-01',
    }),
    'POST /api/postings/{id}/reversal': () => ({ reason: 'Ghi nhầm' }),
    'POST /api/funds/{id}/pledges': () => ({
      donor: { kind: 'business', name: 'Công ty Cam Kết' },
      amount: 1_000_000,
      dueDate: '2026-11-30',
    }),
    'POST /api/pledges/{id}/cancellation': async (f) => {
      f.pledge = await createPledge(t.database.db, await systemAdmin(t.database.db), f.fund.id, {
        donor: { kind: 'anonymous' },
        amount: 1_000_000,
        dueDate: '2026-11-30',
      });
      return { reason: 'Rút cam kết' };
    },
    'POST /api/funds/{id}/statement-imports': () => ({ file: statementFile(), type: 'text/csv' }),
    'POST /api/statement-lines/{id}/match': async (f) => {
      await waitingLine(f);
      return { to: 'campaign', campaignId: null };
    },
    'POST /api/statement-lines/{id}/set-aside': async (f) => {
      await waitingLine(f);
      return { reason: 'Lãi tiền gửi' };
    },
    'POST /api/donors': (f) => ({ fundId: f.fund.id, kind: 'business', name: 'Công ty Chống Giả' }),
    'PUT /api/donors/{id}': async (f) => {
      const donor = await createDonor(t.database.db, await systemAdmin(t.database.db), {
        fundId: f.fund.id,
        kind: 'individual',
        name: 'Phan Văn Sửa',
      });
      f.donor = donor;
      return { version: donor.version, name: 'Phan Văn Sửa', phone: '0911000111', publishName: true };
    },
    'POST /api/donors/{id}/merge': async (f) => {
      const [duplicate, kept] = await twinDonors(f);
      f.donor = duplicate;
      return { intoId: kept.id, version: duplicate.version };
    },
    'POST /api/donors/{id}/unmerge': async (f) => {
      const [duplicate, kept] = await twinDonors(f);
      f.donor = await mergeDonor(t.database.db, await systemAdmin(t.database.db), duplicate.id, {
        intoId: kept.id,
        version: duplicate.version,
      });
      return { version: f.donor.version, reason: 'Hai công ty khác nhau' };
    },
    'POST /api/poverty/standards': () => ({
      provinceCode: null,
      definition: { ...STANDARD_2022_2025, version: 100 + ++seq },
    }),
    'POST /api/admin-units/successions/confirm': () => ({
      predecessorCode: '18589',
      successorCode: THACH_HA,
      kind: 'full',
    }),
    'POST /api/admin-units/successions/remove': () => ({
      predecessorCode: '18607',
      successorCode: THACH_HA,
      reason: 'Thử gỡ',
    }),
  };
  for (const [route, body] of Object.entries(COORDINATION_WRITES)) {
    VALID[route] = (f) => body(f.coordination!, t.database.db);
  }
  for (const [route, body] of Object.entries(MODEL_WRITES)) {
    VALID[route] = (f) => body(f.model!, t.database.db);
  }
  /** A regular round of the household, up to `state` (kept on the fixtures for the path). */
  const round = async (f: Fixtures, state: Parameters<typeof buildRound>[2], complaint = false) =>
    (f.review = await buildRound(t.database.db, f.household, state, { complaint }));
  const surveyOf = (r: Awaited<ReturnType<typeof buildRound>>) => ({
    version: r.caseVersion,
    draft: true,
    surveyDate: '2026-10-06',
    incomePerCapitaMonthly: 1_200_000,
  });
  const idFor = (path: string, f: Fixtures) =>
    f.pledge?.id ??
    f.statementLine?.id ??
    f.donor?.id ??
    (f.coordination
      ? coordinationId(path, f.coordination)
      : f.model
        ? f.model.model.id
        : path.startsWith('/api/reviews/')
          ? f.review!.roundId
          : path.startsWith('/api/villages/')
            ? f.village.id
            : path.startsWith('/api/organisations/')
              ? f.organisation.id
              : path.startsWith('/api/households/')
                ? f.household.id
                : path.startsWith('/api/assessments/')
                  ? f.assessment.id
                  : path.startsWith('/api/supports/')
                    ? f.support.id
                    : path.startsWith('/api/houses/')
                      ? f.house.id
                      : path.startsWith('/api/funds/')
                        ? f.fund.id
                        : path.startsWith('/api/postings/')
                          ? f.posting.id
                          : f.user.id);
  /** The household's second member (not the head, so it may leave). */
  const spouse = (f: Fixtures) => f.household.members[1]!;

  // Slow by nature (see the describe's timeout): every write route on fresh records.
  it('is refused with 403 csrf_token_invalid and changes nothing, though the same request with the token succeeds', async () => {
    const db = t.database.db;
    const writes = routes.filter((r) => r.method !== 'GET' && r.path.startsWith('/api/') && !isPublic(r.path));
    expect(
      writes.map(label).filter((l) => !VALID[l]),
      'add a valid request for each new write route',
    ).toEqual([]);
    const other = await signIn(t, { roles: ['viewer'] });
    const fund = await buildFund(db, { unitCode: THACH_HA });
    provinceFund = await buildFund(db, { unitCode: '42' });
    const cashier = await signIn(t, { scopeCode: null, roles: ['fund_accountant'] });
    const give = () =>
      cashier.post(`/api/funds/${fund.id}/receipts`, {
        amount: 1_000_000,
        date: '2026-03-01',
        method: 'cash',
        donor: { kind: 'anonymous' },
      });
    await give();

    for (const route of writes) {
      // A national administrator and officer of their own, so signing out or changing a password harms no other case.
      const me = await signIn(t, { scopeCode: null, roles: [...ROLES] });
      const village = await buildVillage(db);
      const household = await buildHousehold(db, { villageId: village.id });
      const f: Fixtures = {
        village,
        organisation: await buildOrganisation(db),
        user: (await buildUser(db)).user,
        household,
        neighbour: await buildHousehold(db, { villageId: village.id }),
        assessment: await createAssessment(db, await systemAdmin(db), household.id, ASSESSMENT_INPUT),
        support: await recordSupport(db, await systemAdmin(db), household.id, {
          ...SUPPORT,
          kind: 'relief',
          memberId: null,
          decisionNumber: null,
          handoverProof: null,
          note: null,
          loanTermMonths: null,
          loanOutstanding: null,
          fundId: null,
        }),
        house: await approveHouse(
          db,
          await systemAdmin(db),
          (await buildHousehold(db, { villageId: village.id })).id,
          HOUSE,
        ),
        fund,
        posting: (await give()).json(),
        coordination: COORDINATION_PATHS.test(route.path) ? await coordinationFixture(db) : undefined,
        model: MODEL_PATHS.test(route.path) ? await modelFixture(db) : undefined,
      };
      // The body first: building it may make the records the path names (a review round).
      const body = await VALID[label(route)]!(f);
      const request: InjectOptions = {
        method: route.method,
        url: fill(route.path, {
          id: idFor(route.path, f),
          memberId: spouse(f).id,
          caseId: f.review?.caseId ?? '',
          complaintId: f.review?.complaintId ?? '',
          householdId: f.model?.participant.id ?? '',
        }),
        ...bodyOptions(body),
        // A distribution carries its Idempotency-Key.
        ...(route.path === '/api/support-distributions' ? { headers: { 'idempotency-key': `phat-${++seq}` } } : {}),
      };

      for (const [why, token] of [
        ['without the header', undefined],
        ['with another session’s token', other.csrfToken],
      ] as const) {
        const {
          result: res,
          events,
          changed,
        } = await traceOf(
          db,
          [
            villages,
            organisations,
            users,
            sessions,
            households,
            householdMembers,
            householdAssessments,
            supportRecords,
            supportDistributions,
            houses,
            funds,
            fundPostings,
            fundDonors,
            fundCampaigns,
            fundPledges,
            fundStatementLines,
            ...COORDINATION_TABLES,
            ...MODEL_TABLES,
          ],
          () =>
            t.app.inject({
              ...request,
              headers: { ...request.headers, cookie: me.cookie, ...(token ? { 'x-csrf-token': token } : {}) },
            }),
        );
        expect(res.statusCode, `${label(route)} ${why}`).toBe(403);
        expect(res.headers['content-type']).toContain('application/problem+json');
        expect(res.json().code, `${label(route)} ${why}`).toBe('csrf_token_invalid');
        expect(events, `${label(route)} ${why} wrote an audit event`).toEqual([]);
        expect(changed, `${label(route)} ${why} changed data`).toBe(false);
      }
      expect((await me.get('/api/auth/me')).statusCode, `still signed in after ${label(route)}`).toBe(200);

      const accepted = await me.request(request);
      expect(accepted.statusCode, `${label(route)} with the token: ${accepted.body}`).toBeGreaterThanOrEqual(200);
      expect(accepted.statusCode, `${label(route)} with the token: ${accepted.body}`).toBeLessThan(300);
    }
  });

  it('keeps the password when the change is refused', async () => {
    const me = await signIn(t, { roles: ['viewer'] });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie: me.cookie },
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'mat-khau-cua-ke-gian' },
    });
    expect(res.statusCode).toBe(403);
    await expect(login(t.app, me.user.username, TEST_PASSWORD)).resolves.toBeTruthy();
    await expect(login(t.app, me.user.username, 'mat-khau-cua-ke-gian')).rejects.toThrow(/401/u);
  });
});
