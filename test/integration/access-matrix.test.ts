import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf, type Db } from '../../src/server/platform/db/database';
import { STANDARD_2022_2025 } from '../../src/domain/poverty';
import { bodyOptions, createTestApp, login, signIn, type Session, type TestApp } from '../helpers/app';
import {
  buildFund,
  buildHousehold,
  buildOrganisation,
  buildUser,
  buildVillage,
  CAM_XUYEN,
  HA_TINH,
  member,
  THACH_HA,
} from '../helpers/factories';
import { buildRound } from '../helpers/reviews';
import { templateWorkbook } from '../helpers/workbooks';
import {
  COORDINATION_WRITES,
  coordinationFixture,
  coordinationId,
  type CoordinationFixture,
} from '../helpers/coordination';
import { XLSX_TYPE } from '../../src/server/modules/registry-excel/schemas';
import { MODEL_WRITES, modelFixture, modelReads, type ModelFixture } from '../helpers/models';

const DISTRIBUTION = {
  communeCode: THACH_HA,
  kind: 'relief',
  sourceCode: 'local_budget',
  date: '2026-10-01',
  value: 1,
};

/**
 * Issue 2, point 13, as one table: every endpoint of the foundation, tried by a commune user on
 * another commune's data (403 or 404, never the data) and by a viewer on their own commune's
 * data for every write (403). A refused request never writes.
 */
/** A workbook of one household (its commune and village do not matter: the request is refused first). */
const XLSX = await templateWorkbook({
  households: [{ communeCode: CAM_XUYEN, code: 'XL-1', village: 'Thôn 1', address: 'x', area: 'Nông thôn' }],
  members: [
    { householdCode: 'XL-1', fullName: 'Lê Văn Tệp', dateOfBirth: '02/03/1985', sex: 'Nam', relation: 'Chủ hộ' },
  ],
});
/** An uploaded workbook travels as itself, with its own content type. */
const WORKBOOK = { file: XLSX, type: XLSX_TYPE };

let t: TestApp;
const s: Record<'officer' | 'communeAdmin' | 'viewer', Session> = {} as never;
const other = {
  villageId: '',
  organisationId: '',
  userId: '',
  userVersion: 1,
  householdId: '',
  fundId: '',
  postingId: '',
  pledgeId: '',
  statementLineId: '',
  donorId: '',
  roundId: '',
  distributionId: '',
};
const own = {
  villageId: '',
  organisationId: '',
  userId: '',
  householdId: '',
  fundId: '',
  postingId: '',
  pledgeId: '',
  statementLineId: '',
  donorId: '',
};
/** Coordination records of Cẩm Xuyên and of Thạch Hà. */
let otherCoordination: CoordinationFixture;
let ownCoordination: CoordinationFixture;
/** A model of Cẩm Xuyên and one of Thạch Hà. */
let otherModel: ModelFixture;
let ownModel: ModelFixture;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  for (const [key, roles] of [
    ['officer', ['officer']],
    ['communeAdmin', ['admin', 'officer']],
    ['viewer', ['viewer']],
  ] as const) {
    const { user, password } = await buildUser(db, { scopeCode: THACH_HA, roles: [...roles] });
    s[key] = await login(t.app, user.username, password);
  }
  other.villageId = (await buildVillage(db, { communeCode: CAM_XUYEN })).id;
  other.organisationId = (await buildOrganisation(db, { unitCode: CAM_XUYEN })).id;
  const otherUser = await buildUser(db, { scopeCode: CAM_XUYEN });
  other.userId = otherUser.user.id;
  own.villageId = (await buildVillage(db, { communeCode: THACH_HA })).id;
  own.organisationId = (await buildOrganisation(db, { unitCode: THACH_HA })).id;
  own.userId = (await buildUser(db, { scopeCode: THACH_HA })).user.id;
  other.householdId = (await buildHousehold(db, { communeCode: CAM_XUYEN })).id;
  own.householdId = (await buildHousehold(db, { communeCode: THACH_HA, villageId: own.villageId })).id;
  // A fund in each commune, each with a receipt.
  const cashier = await signIn(t, { scopeCode: HA_TINH, roles: ['fund_accountant'] });
  for (const [where, code] of [
    [other, CAM_XUYEN],
    [own, THACH_HA],
  ] as const) {
    where.fundId = (await buildFund(db, { unitCode: code })).id;
    const res = await cashier.post(`/api/funds/${where.fundId}/receipts`, RECEIPT);
    where.postingId = res.json().id;
    where.donorId = res.json().donor.id;
    const pledge = await cashier.post(`/api/funds/${where.fundId}/pledges`, PLEDGE);
    where.pledgeId = pledge.json().id;
    await cashier.request({
      method: 'POST',
      url: `/api/funds/${where.fundId}/statement-imports`,
      ...bodyOptions(STATEMENT),
    });
    where.statementLineId = (await cashier.get(`/api/funds/${where.fundId}/statement-lines`)).json().items[0].id;
  }
  otherCoordination = await coordinationFixture(db, CAM_XUYEN);
  ownCoordination = await coordinationFixture(db, THACH_HA);
  otherModel = await modelFixture(db, CAM_XUYEN);
  ownModel = await modelFixture(db, THACH_HA);
  const otherHousehold = await buildHousehold(db, { communeCode: CAM_XUYEN, villageId: other.villageId });
  other.roundId = (await buildRound(db, otherHousehold, 'posting')).roundId;
  const camXuyenOfficer = await signIn(t, { scopeCode: CAM_XUYEN, roles: ['officer'] });
  const handedOut = await camXuyenOfficer.request({
    method: 'POST',
    url: '/api/support-distributions',
    payload: { ...DISTRIBUTION, communeCode: CAM_XUYEN, rows: [{ householdCode: otherHousehold.code }] },
    headers: { 'idempotency-key': 'phat-cam-xuyen' },
  });
  other.distributionId = handedOut.json().id;
});

const RECEIPT = { amount: 1_000_000, date: '2026-03-01', method: 'cash', donor: { kind: 'anonymous' } };
const PLEDGE = { donor: { kind: 'anonymous' }, amount: 1_000_000, dueDate: '2026-11-30' };
/** A statement of one transfer whose note names nothing: it waits for the manual matching screen. */
const STATEMENT = {
  file: Buffer.from('Ngày giao dịch;Số bút toán;Ghi có;Nội dung\n01/03/2026;FT0001;100000;chuyen tien'),
  type: 'text/csv',
};
const EXPENDITURE = { amount: 1_000, date: '2026-03-02', purpose: 'relief', decisionNumber: '01/QĐ-MTTQ' };
/** Every fund route, on the given commune's fund and posting. */
const fundCases = (where: typeof own): Case[] => [
  ['read its fund balance', 'GET', () => `/api/funds/${where.fundId}/balance`],
  ['read its fund', 'GET', () => `/api/funds/${where.fundId}`],
  ['read its postings', 'GET', () => `/api/funds/${where.fundId}/postings`],
  ['read its campaigns', 'GET', () => `/api/funds/${where.fundId}/campaigns`],
  ['read its donation QR', 'GET', () => `/api/funds/${where.fundId}/vietqr`],
  ['read its posting', 'GET', () => `/api/postings/${where.postingId}`],
  ['read its report', 'GET', () => `/api/funds/${where.fundId}/report?from=2026-01-01&to=2026-12-31`],
  ['print its receipt', 'GET', () => `/api/postings/${where.postingId}/receipt.pdf`],
  ['record a receipt there', 'POST', () => `/api/funds/${where.fundId}/receipts`, () => RECEIPT],
  ['spend from its fund', 'POST', () => `/api/funds/${where.fundId}/expenditures`, () => EXPENDITURE],
  [
    'allocate from its fund',
    'POST',
    () => `/api/funds/${where.fundId}/allocations`,
    () => ({
      toFundId: (where === own ? other : own).fundId,
      amount: 1_000,
      date: '2026-03-02',
      decisionNumber: '02/QĐ',
    }),
  ],
  [
    'open a campaign on its fund',
    'POST',
    () => `/api/funds/${where.fundId}/campaigns`,
    () => ({ name: 'Tết 2027', startDate: '2027-01-01', endDate: '2027-02-01' }),
  ],
  ['reverse its posting', 'POST', () => `/api/postings/${where.postingId}/reversal`, () => ({ reason: 'thử' })],
  ['read its pledges', 'GET', () => `/api/funds/${where.fundId}/pledges`],
  ['read its pledge', 'GET', () => `/api/pledges/${where.pledgeId}`],
  ['read its pledge’s QR', 'GET', () => `/api/pledges/${where.pledgeId}/vietqr`],
  ['read its bank statement lines', 'GET', () => `/api/funds/${where.fundId}/statement-lines`],
  ['record a pledge on its fund', 'POST', () => `/api/funds/${where.fundId}/pledges`, () => PLEDGE],
  ['cancel its pledge', 'POST', () => `/api/pledges/${where.pledgeId}/cancellation`, () => ({ reason: 'thử' })],
  ['import its bank statement', 'POST', () => `/api/funds/${where.fundId}/statement-imports`, () => STATEMENT],
  [
    'match its statement line',
    'POST',
    () => `/api/statement-lines/${where.statementLineId}/match`,
    () => ({ to: 'campaign', campaignId: null }),
  ],
  [
    'set its statement line aside',
    'POST',
    () => `/api/statement-lines/${where.statementLineId}/set-aside`,
    () => ({ reason: 'thử' }),
  ],
  ['read its donors', 'GET', () => `/api/funds/${where.fundId}/donors`],
  ['correct its donor', 'PUT', () => `/api/donors/${where.donorId}`, () => ({ version: 1, publishName: false })],
  ['read its likely duplicate donors', 'GET', () => `/api/funds/${where.fundId}/donors/duplicates`],
  [
    'merge its donor',
    'POST',
    () => `/api/donors/${where.donorId}/merge`,
    () => ({ intoId: (where === own ? other : own).donorId, version: 1 }),
  ],
  ['unmerge its donor', 'POST', () => `/api/donors/${where.donorId}/unmerge`, () => ({ version: 1, reason: 'thử' })],
  [
    'add a donor to its fund',
    'POST',
    () => '/api/donors',
    () => ({ fundId: where.fundId, kind: 'business', name: 'Công ty Lạ' }),
  ],
];
const fundWrites = (where: typeof own) => fundCases(where).filter(([, method]) => method !== 'GET');
afterAll(() => t.close());

type Case = [string, 'GET' | 'POST' | 'PATCH' | 'PUT', () => string, (() => unknown)?];

const anotherCommunesData: Case[] = [
  ...fundCases(other),
  ['create its fund', 'POST', () => '/api/funds', () => ({ unitCode: CAM_XUYEN, name: 'Quỹ lạ' })],
  ['list its households', 'GET', () => `/api/households?commune=${CAM_XUYEN}`],
  ['read its household', 'GET', () => `/api/households/${other.householdId}`],
  [
    'add a household there',
    'POST',
    () => '/api/households',
    () => ({
      communeCode: CAM_XUYEN,
      villageId: other.villageId,
      code: 'LA-1',
      address: 'x',
      area: 'rural',
      members: [member({ relation: 'head' })],
    }),
  ],
  [
    'edit its household',
    'PATCH',
    () => `/api/households/${other.householdId}`,
    () => ({ phone: '0912345678', version: 1 }),
  ],
  [
    'archive its household',
    'POST',
    () => `/api/households/${other.householdId}/archive`,
    () => ({ reason: 'thử', version: 1 }),
  ],
  [
    'add a member there',
    'POST',
    () => `/api/households/${other.householdId}/members`,
    () => ({ ...member(), version: 1 }),
  ],
  ['read its assessments', 'GET', () => `/api/households/${other.householdId}/assessments`],
  ['read what its household received', 'GET', () => `/api/households/${other.householdId}/supports`],
  ['read its household’s support year by year', 'GET', () => `/api/households/${other.householdId}/support-years`],
  ['list its houses', 'GET', () => `/api/houses?commune=${CAM_XUYEN}`],
  [
    'approve a house there',
    'POST',
    () => `/api/households/${other.householdId}/houses`,
    () => ({
      kind: 'build',
      decisionNumber: '1/QĐ',
      approvedOn: '2026-03-02',
      plannedCompletion: '2026-08-31',
      funding: [{ sourceCode: 'fund', amount: 1_000_000 }],
    }),
  ],
  [
    'record a support there',
    'POST',
    () => `/api/households/${other.householdId}/supports`,
    () => ({ kind: 'relief', sourceCode: 'local_budget', value: 1_000_000, date: '2026-10-01' }),
  ],
  ['list its distributions', 'GET', () => `/api/support-distributions?commune=${CAM_XUYEN}`],
  ['read its distribution', 'GET', () => `/api/support-distributions/${other.distributionId}`],
  ['download its distribution’s recipients', 'GET', () => `/api/support-distributions/${other.distributionId}/export`],
  [
    'hand out support to a list there',
    'POST',
    () => '/api/support-distributions/preview',
    () => ({ ...DISTRIBUTION, communeCode: CAM_XUYEN, rows: [{ householdCode: 'LA-1' }] }),
  ],
  [
    'assess its household',
    'POST',
    () => `/api/households/${other.householdId}/assessments`,
    () => ({ year: 2026, surveyDate: '2025-10-15', incomePerCapitaMonthly: 1_000_000 }),
  ],
  [
    'preview an assessment there',
    'POST',
    () => `/api/households/${other.householdId}/assessments/preview`,
    () => ({ year: 2026, surveyDate: '2025-10-15', incomePerCapitaMonthly: 1_000_000 }),
  ],
  ['read its review round', 'GET', () => `/api/reviews/${other.roundId}`],
  ['read its review work list', 'GET', () => `/api/reviews/${other.roundId}/cases`],
  ['read its bulk classification', 'GET', () => `/api/reviews/${other.roundId}/classification`],
  [
    'classify its review round in bulk',
    'POST',
    () => `/api/reviews/${other.roundId}/classification`,
    () => ({ surveyDate: '2026-10-20' }),
  ],
  ['read its household’s review rounds', 'GET', () => `/api/households/${other.householdId}/reviews`],
  ['download its posting list', 'GET', () => `/api/reviews/${other.roundId}/posting-list.docx`],
  ['download its posting list as PDF', 'GET', () => `/api/reviews/${other.roundId}/posting-list.pdf`],
  ['download its refusal notice', 'GET', () => `/api/reviews/${other.roundId}/refusal.docx`],
  [
    'list the households behind its roll-up figures',
    'GET',
    () => `/api/reviews/rollup/households?year=2026&commune=${CAM_XUYEN}&measure=poor`,
  ],
  [
    'plan a review round there',
    'POST',
    () => '/api/reviews',
    () => ({ communeCode: CAM_XUYEN, year: 2026, kind: 'regular' }),
  ],
  [
    'decide its review round',
    'POST',
    () => `/api/reviews/${other.roundId}/decide`,
    () => ({ version: 1, decisionNumber: '1/QĐ-UBND', decisionDate: '2026-11-10', signerName: 'X' }),
  ],
  ['compare its results', 'GET', () => `/api/assessments/comparison?commune=${CAM_XUYEN}&year=2026&to=2027-2030`],
  ['export its households', 'GET', () => `/api/households/export?commune=${CAM_XUYEN}`],
  ['import households there', 'POST', () => `/api/households/import?commune=${CAM_XUYEN}`, () => WORKBOOK],
  ['check a workbook there', 'POST', () => `/api/households/import/annotated?commune=${CAM_XUYEN}`, () => WORKBOOK],
  ['list its villages', 'GET', () => `/api/villages?commune=${CAM_XUYEN}`],
  ['read its village', 'GET', () => `/api/villages/${other.villageId}`],
  [
    'add a village there',
    'POST',
    () => '/api/villages',
    () => ({ communeCode: CAM_XUYEN, name: 'Thôn Lạ', kind: 'thon' }),
  ],
  ['rename its village', 'PATCH', () => `/api/villages/${other.villageId}`, () => ({ name: 'Thôn Khác', version: 1 })],
  [
    'archive its village',
    'POST',
    () => `/api/villages/${other.villageId}/archive`,
    () => ({ reason: 'thử', version: 1 }),
  ],
  ['read its organisation', 'GET', () => `/api/organisations/${other.organisationId}`],
  [
    'add an organisation there',
    'POST',
    () => '/api/organisations',
    () => ({ name: 'Hội Lạ', kind: 'other', unitCode: CAM_XUYEN }),
  ],
  [
    'edit its organisation',
    'PATCH',
    () => `/api/organisations/${other.organisationId}`,
    () => ({ name: 'Hội Khác', version: 1 }),
  ],
  [
    'archive its organisation',
    'POST',
    () => `/api/organisations/${other.organisationId}/archive`,
    () => ({ version: 1 }),
  ],
  ['read its user', 'GET', () => `/api/users/${other.userId}`],
  [
    'create a user there',
    'POST',
    () => '/api/users',
    () => ({ username: 'nguoi.la', fullName: 'Người Lạ', scopeCode: CAM_XUYEN, roles: ['viewer'] }),
  ],
  ['edit its user', 'PATCH', () => `/api/users/${other.userId}`, () => ({ fullName: 'Đổi Tên', version: 1 })],
  [
    'change its user’s access',
    'PUT',
    () => `/api/users/${other.userId}/access`,
    () => ({ scopeCode: THACH_HA, roles: ['admin'], version: 1 }),
  ],
  ['disable its user', 'POST', () => `/api/users/${other.userId}/disable`, () => ({ version: 1 })],
  ['enable its user', 'POST', () => `/api/users/${other.userId}/enable`, () => ({ version: 1 })],
  ['reset its user’s password', 'POST', () => `/api/users/${other.userId}/password-reset`, () => ({ version: 1 })],
  [
    'confirm its succession',
    'POST',
    () => '/api/admin-units/successions/confirm',
    () => ({ predecessorCode: '18697', successorCode: CAM_XUYEN, kind: 'full' }),
  ],
  [
    'remove its succession',
    'POST',
    () => '/api/admin-units/successions/remove',
    () => ({ predecessorCode: '18697', successorCode: CAM_XUYEN, reason: 'thử' }),
  ],
];

/** Every write of a module's table of valid requests, on the given commune's records (the bodies the CSRF test uses). */
const writesOf =
  <F>(
    writes: Record<string, (f: F, db: Db) => unknown>,
    idOf: (path: string, f: F) => string,
    params: (f: F) => Record<string, string> = () => ({}),
  ) =>
  (what: string, fixture: () => F): Case[] =>
    Object.entries(writes).map(([route, body]) => {
      const [method, path] = route.split(' ') as [Case[1], string];
      return [
        `${what}: ${route}`,
        method,
        () =>
          Object.entries({ ...params(fixture()), id: idOf(path, fixture()) }).reduce(
            (filled, [name, value]) => filled.replace(`{${name}}`, value),
            path,
          ),
        () => body(fixture(), t.database.db),
      ];
    });
const coordinationWrites = writesOf(COORDINATION_WRITES, coordinationId);
const modelWrites = writesOf(
  MODEL_WRITES,
  (_path, f) => f.model.id,
  (f) => ({ householdId: f.participant.id }),
);

const coordinationReads = (f: () => CoordinationFixture): Case[] => [
  ['read its programme', 'GET', () => `/api/programmes/${f().programme.id}`],
  ['download its programme', 'GET', () => `/api/programmes/${f().programme.id}/document`],
  ['read its plans', 'GET', () => `/api/programmes/${f().programme.id}/plans`],
  ['read its task', 'GET', () => `/api/tasks/${f().task.id}`],
  ['read its task’s evidence', 'GET', () => `/api/tasks/${f().task.id}/evidence`],
  ['read its document', 'GET', () => `/api/legal-documents/${f().legalDocument.id}`],
  [
    'list its document’s files',
    'GET',
    () => `/api/attachments?ownerKind=legal_document&ownerId=${f().legalDocument.id}`,
  ],
  ['read its activity', 'GET', () => `/api/activities/${f().activity.id}`],
  ['list its activity’s files', 'GET', () => `/api/attachments?ownerKind=activity&ownerId=${f().activity.id}`],
  ['read its activity’s photo', 'GET', () => `/api/attachments/${f().attachment.id}/content`],
  ['read its news draft', 'GET', () => `/api/news/${f().news.id}`],
  ['read its supervision', 'GET', () => `/api/supervisions/${f().supervision.id}`],
  ['read its review report', 'GET', () => `/api/programme-reviews/${f().review.id}`],
  ['download its review report', 'GET', () => `/api/programme-reviews/${f().review.id}/document`],
];

const writesInOwnCommune: Case[] = [
  ...fundWrites(own),
  ['create a fund', 'POST', () => '/api/funds', () => ({ unitCode: THACH_HA, name: 'Quỹ xem' })],
  [
    'add a household',
    'POST',
    () => '/api/households',
    () => ({
      communeCode: THACH_HA,
      villageId: own.villageId,
      code: 'XEM-1',
      address: 'x',
      area: 'rural',
      members: [member({ relation: 'head' })],
    }),
  ],
  [
    'edit a household',
    'PATCH',
    () => `/api/households/${own.householdId}`,
    () => ({ phone: '0912345678', version: 1 }),
  ],
  [
    'archive a household',
    'POST',
    () => `/api/households/${own.householdId}/archive`,
    () => ({ reason: 'thử', version: 1 }),
  ],
  ['add a member', 'POST', () => `/api/households/${own.householdId}/members`, () => ({ ...member(), version: 1 })],
  [
    'assess a household',
    'POST',
    () => `/api/households/${own.householdId}/assessments`,
    () => ({ year: 2026, surveyDate: '2025-10-15', incomePerCapitaMonthly: 1_000_000 }),
  ],
  [
    'approve a house',
    'POST',
    () => `/api/households/${own.householdId}/houses`,
    () => ({
      kind: 'build',
      decisionNumber: '1/QĐ',
      approvedOn: '2026-03-02',
      plannedCompletion: '2026-08-31',
      funding: [{ sourceCode: 'fund', amount: 1_000_000 }],
    }),
  ],
  [
    'record a support',
    'POST',
    () => `/api/households/${own.householdId}/supports`,
    () => ({ kind: 'relief', sourceCode: 'local_budget', value: 1_000_000, date: '2026-10-01' }),
  ],
  ['import households', 'POST', () => `/api/households/import?commune=${THACH_HA}`, () => WORKBOOK],
  [
    'hand out support to a list',
    'POST',
    () => '/api/support-distributions',
    () => ({ ...DISTRIBUTION, rows: [{ householdCode: 'LA-1' }] }),
  ],
  ['plan a review round', 'POST', () => '/api/reviews', () => ({ communeCode: THACH_HA, year: 2026, kind: 'regular' })],
  ['add a village', 'POST', () => '/api/villages', () => ({ communeCode: THACH_HA, name: 'Thôn Xem', kind: 'thon' })],
  ['rename a village', 'PATCH', () => `/api/villages/${own.villageId}`, () => ({ name: 'Thôn Đổi', version: 1 })],
  ['archive a village', 'POST', () => `/api/villages/${own.villageId}/archive`, () => ({ reason: 'thử', version: 1 })],
  [
    'add an organisation',
    'POST',
    () => '/api/organisations',
    () => ({ name: 'Hội Xem', kind: 'other', unitCode: THACH_HA }),
  ],
  [
    'edit an organisation',
    'PATCH',
    () => `/api/organisations/${own.organisationId}`,
    () => ({ name: 'Hội Đổi', version: 1 }),
  ],
  ['archive an organisation', 'POST', () => `/api/organisations/${own.organisationId}/archive`, () => ({ version: 1 })],
  [
    'create a user',
    'POST',
    () => '/api/users',
    () => ({ username: 'nguoi.xem', fullName: 'Người Xem', scopeCode: THACH_HA, roles: ['viewer'] }),
  ],
  ['edit a user', 'PATCH', () => `/api/users/${own.userId}`, () => ({ fullName: 'Đổi Tên', version: 1 })],
  [
    'change a user’s access',
    'PUT',
    () => `/api/users/${own.userId}/access`,
    () => ({ scopeCode: THACH_HA, roles: ['admin'], version: 1 }),
  ],
  ['disable a user', 'POST', () => `/api/users/${own.userId}/disable`, () => ({ version: 1 })],
  ['enable a user', 'POST', () => `/api/users/${own.userId}/enable`, () => ({ version: 1 })],
  ['reset a user’s password', 'POST', () => `/api/users/${own.userId}/password-reset`, () => ({ version: 1 })],
  [
    'confirm a succession',
    'POST',
    () => '/api/admin-units/successions/confirm',
    () => ({ predecessorCode: '18589', successorCode: THACH_HA, kind: 'full' }),
  ],
  [
    'load a provincial poverty standard',
    'POST',
    () => '/api/poverty/standards',
    () => ({ provinceCode: '42', definition: { ...STANDARD_2022_2025, version: 50 } }),
  ],
];

/** Writes recorded so far (sign-ins aside): a refused request must not add one. */
async function auditCount() {
  const res = await t.database.db.execute(
    sql`select count(*)::int as n from audit_events where action not like 'auth.%'`,
  );
  return rowsOf<{ n: number }>(res)[0]!.n;
}

anotherCommunesData.push(
  ...coordinationReads(() => otherCoordination),
  ...coordinationWrites('write Cẩm Xuyên’s coordination records', () => otherCoordination),
);
writesInOwnCommune.push(...coordinationWrites('coordination', () => ownCoordination));

anotherCommunesData.push(...modelReads(() => otherModel), ...modelWrites('write Cẩm Xuyên’s model', () => otherModel));
writesInOwnCommune.push(...modelWrites('models', () => ownModel));

describe.each(['officer', 'communeAdmin'] as const)('a %s of Thạch Hà on Cẩm Xuyên’s data', (who) => {
  it.each(anotherCommunesData)('cannot %s', async (_what, method, url, body) => {
    // The body first: building it may record (its organisations), the request must not.
    const payload = await body?.();
    const before = await auditCount();
    const res = await s[who].request({ method, url: url(), ...bodyOptions(payload) });
    expect([403, 404]).toContain(res.statusCode);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(['forbidden', 'out_of_scope', 'not_found']).toContain(res.json().code);
    expect(await auditCount()).toBe(before);
  });

  it('does not see Cẩm Xuyên in the lists', async () => {
    const rollup = (await s[who].get('/api/reviews/rollup?year=2026')).json();
    expect(rollup.communes.map((c: { code: string }) => c.code)).toEqual([THACH_HA]);
    const villages = (await s[who].get('/api/villages?limit=500')).json();
    expect(villages.items.every((v: { communeCode: string }) => v.communeCode === THACH_HA)).toBe(true);
    const orgs = (await s[who].get('/api/organisations?limit=500')).json();
    expect(orgs.items.some((o: { communeCode: string | null }) => o.communeCode === CAM_XUYEN)).toBe(false);
  });
});

describe('a viewer of Thạch Hà', () => {
  it.each(writesInOwnCommune)('cannot %s, even in their own commune', async (_what, method, url, body) => {
    // The body first: building it may record (its organisations), the request must not.
    const payload = await body?.();
    const before = await auditCount();
    const res = await s.viewer.request({ method, url: url(), ...bodyOptions(payload) });
    expect(res.statusCode).toBe(403);
    expect(await auditCount()).toBe(before);
  });

  it('cannot check the ledger', async () => {
    expect((await s.viewer.get('/api/ledger/verification')).statusCode).toBe(403);
  });

  it('cannot read the audit log', async () => {
    expect((await s.viewer.get('/api/audit-events')).statusCode).toBe(403);
  });
});
