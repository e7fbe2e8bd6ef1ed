import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../../../../test/helpers/app';
import { buildHousehold, buildVillage, CAM_XUYEN, THACH_HA } from '../../../../test/helpers/factories';
import { buildRound } from '../../../../test/helpers/reviews';
import { auditTrail, expectRefused } from '../../../../test/helpers/trace';
import { wordText } from '../../../../test/helpers/word';
import { householdAssessments } from '../assessments/tables';
import { reviewCases, reviewRounds } from './tables';

let t: TestApp;
type Client = Awaited<ReturnType<typeof signIn>>;
let officer: Client;
let approver: Client;
let reviewer: Client;
let viewer: Client;
let outsider: Client;
let villageA: { id: string };
let villageB: { id: string };
let poor: { id: string };
let nearPoor: { id: string };
let applicant: { id: string };

const tables = () => [reviewRounds, reviewCases, householdAssessments];

/** Poor on the 2026 list: income under the line and 3 deprivations (two written overrides). */
const POOR_2026 = {
  year: 2026,
  surveyDate: '2025-10-15',
  incomePerCapitaMonthly: 1_000_000,
  overrides: [
    { indicator: 'health_insurance', deprived: true, reason: 'Thẻ BHYT hết hạn' },
    { indicator: 'nutrition', deprived: true, reason: 'Trẻ suy dinh dưỡng' },
  ],
};

const survey = (version: number, attrs: Record<string, unknown> = {}) => ({
  version,
  draft: false,
  surveyDate: '2026-10-20',
  incomePerCapitaMonthly: 1_900_000,
  causes: ['no_capital'],
  ...attrs,
});

beforeAll(async () => {
  t = await createTestApp();
  officer = await signIn(t, { scopeCode: THACH_HA, roles: ['officer'] });
  approver = await signIn(t, { scopeCode: THACH_HA, roles: ['approver'], fullName: 'Trần Văn Chủ Tịch' });
  reviewer = await signIn(t, { scopeCode: THACH_HA, roles: ['reviewer'] });
  viewer = await signIn(t, { scopeCode: THACH_HA, roles: ['viewer'] });
  outsider = await signIn(t, { scopeCode: CAM_XUYEN, roles: ['officer'] });
  villageA = await buildVillage(t.database.db, { name: 'Thôn Đông' });
  villageB = await buildVillage(t.database.db, { name: 'Thôn Tây' });
  poor = await buildHousehold(t.database.db, {
    villageId: villageA.id,
    headName: 'Lê Văn Nghèo',
    headCitizenId: '042085000123',
  });
  nearPoor = await buildHousehold(t.database.db, { villageId: villageA.id, headName: 'Phạm Thị Cận' });
  applicant = await buildHousehold(t.database.db, { villageId: villageB.id, headName: 'Hoàng Văn Đơn' });
  expect((await officer.post(`/api/households/${poor.id}/assessments`, POOR_2026)).statusCode).toBe(201);
  const near = { year: 2026, surveyDate: '2025-10-15', incomePerCapitaMonthly: 1_400_000 };
  expect((await officer.post(`/api/households/${nearPoor.id}/assessments`, near)).json().category).toBe('near_poor');
});
afterAll(() => t.close());

describe('a periodic review round, from planning to the decision', () => {
  let round: { id: string; version: number };
  const caseOf = async (householdId: string) => {
    const list = (await officer.get(`/api/reviews/${round.id}/cases?limit=500`)).json().items as {
      id: string;
      householdId: string;
      version: number;
      status: string;
    }[];
    return list.find((c) => c.householdId === householdId)!;
  };
  const reload = async () => {
    const body = (await officer.get(`/api/reviews/${round.id}`)).json();
    round = body;
    return body;
  };

  it('refuses bad input naming the field, other communes and roles that do not run reviews', async () => {
    await expectRefused(
      t.database.db,
      tables(),
      () => officer.post('/api/reviews', { communeCode: THACH_HA, year: 2026, kind: 'yearly' }),
      {
        status: 400,
        code: 'validation_failed',
        field: 'kind',
      },
    );
    await expectRefused(
      t.database.db,
      tables(),
      () => officer.post('/api/reviews', { communeCode: THACH_HA, year: 2019, kind: 'periodic' }),
      {
        status: 400,
        code: 'validation_failed',
        field: 'year',
      },
    );
    await expectRefused(
      t.database.db,
      tables(),
      () =>
        officer.post('/api/reviews', {
          communeCode: THACH_HA,
          year: 2026,
          kind: 'periodic',
          windowStart: '2026-12-01',
          windowEnd: '2026-09-01',
        }),
      { status: 400, code: 'validation_failed', field: 'windowEnd' },
    );
    await expectRefused(
      t.database.db,
      tables(),
      () => outsider.post('/api/reviews', { communeCode: THACH_HA, year: 2026, kind: 'periodic' }),
      {
        status: 403,
        code: 'out_of_scope',
      },
    );
    await expectRefused(
      t.database.db,
      tables(),
      () => viewer.post('/api/reviews', { communeCode: THACH_HA, year: 2026, kind: 'periodic' }),
      {
        status: 403,
        code: 'forbidden',
      },
    );
  });

  it('plans the 2026 periodic round: window 1/9–14/12, deciding the 2027 lists under 2027-2030; once per year', async () => {
    const res = await officer.post('/api/reviews', { communeCode: THACH_HA, year: 2026, kind: 'periodic' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      state: 'planned',
      listYear: 2027,
      standardId: '2027-2030',
      windowStart: '2026-09-01',
      windowEnd: '2026-12-14',
      actions: ['start_listing'],
    });
    round = res.json();
    await expectRefused(
      t.database.db,
      tables(),
      () => officer.post('/api/reviews', { communeCode: THACH_HA, year: 2026, kind: 'periodic' }),
      {
        status: 409,
        code: 'round_exists',
      },
    );
    expect((await outsider.get(`/api/reviews/${round.id}`)).statusCode).toBe(404);
    const trail = await auditTrail(t.database.db, 'review_round', round.id);
    expect(trail.map((e) => e.action)).toEqual(['review.create']);
  });

  it('listing brings in the current poor and near-poor households; applications and proposals join them once', async () => {
    const res = await officer.post(`/api/reviews/${round.id}/listing`, { version: round.version });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ state: 'listing', counts: { cases: 2 } });
    round = res.json();
    expect(await caseOf(poor.id)).toMatchObject({
      reason: 'current_poor',
      previousCategory: 'poor',
      status: 'pending',
    });
    expect(await caseOf(nearPoor.id)).toMatchObject({ reason: 'current_near_poor', previousCategory: 'near_poor' });

    const application = {
      form: 'mau_01',
      receivedOn: '2026-09-15',
      channel: 'post',
      applicantName: 'Hoàng Văn Đơn',
      content: 'Chồng bị tai nạn lao động, mất khả năng lao động',
    };
    await expectRefused(
      t.database.db,
      tables(),
      () => officer.post(`/api/reviews/${round.id}/cases`, { householdId: applicant.id, reason: 'application' }),
      {
        status: 400,
        code: 'validation_failed',
        field: 'application',
      },
    );
    await expectRefused(
      t.database.db,
      tables(),
      () =>
        officer.post(`/api/reviews/${round.id}/cases`, {
          householdId: applicant.id,
          reason: 'application',
          application: { ...application, channel: 'fax' },
        }),
      { status: 400, code: 'validation_failed', field: 'application.channel' },
    );
    const added = await officer.post(`/api/reviews/${round.id}/cases`, {
      householdId: applicant.id,
      reason: 'application',
      application,
    });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({
      reason: 'application',
      previousCategory: null,
      application: { form: 'mau_01', channel: 'post' },
    });
    await expectRefused(
      t.database.db,
      tables(),
      () =>
        officer.post(`/api/reviews/${round.id}/cases`, {
          householdId: poor.id,
          reason: 'village_head',
          proposedBy: 'Trưởng thôn',
        }),
      { status: 409, code: 'case_exists', field: 'householdId' },
    );
    const elsewhere = await buildHousehold(t.database.db, { communeCode: CAM_XUYEN });
    await expectRefused(
      t.database.db,
      tables(),
      () => officer.post(`/api/reviews/${round.id}/cases`, { householdId: elsewhere.id, reason: 'village_head' }),
      {
        status: 400,
        code: 'validation_failed',
        field: 'householdId',
      },
    );
  });

  it('a reviewer assigned to a village sees and surveys only that village’s households', async () => {
    const assign = await officer.post(`/api/reviews/${round.id}/reviewers`, {
      userId: reviewer.user.id,
      villageId: villageB.id,
    });
    expect(assign.statusCode, assign.body).toBe(200);
    const own = await reviewer.get(`/api/reviews/${round.id}/cases`);
    expect(own.statusCode).toBe(200);
    expect(own.json().items.map((c: { householdId: string }) => c.householdId)).toEqual([applicant.id]);
    expect((await officer.get(`/api/reviews/${round.id}/cases`)).json().total).toBe(3);
    await reload();
    expect((await officer.post(`/api/reviews/${round.id}/survey`, { version: round.version })).json().state).toBe(
      'surveying',
    );
    const other = await caseOf(poor.id);
    await expectRefused(
      t.database.db,
      tables(),
      () => reviewer.put(`/api/reviews/${round.id}/cases/${other.id}/survey`, survey(other.version)),
      {
        status: 404,
        code: 'not_found',
      },
    );
    expect((await reviewer.get(`/api/reviews/${round.id}/cases/${other.id}`)).statusCode).toBe(404);
  });

  it('the survey sheet saves drafts, derives the deprivations, classifies under 2027-2030 and explains', async () => {
    const mine = await caseOf(applicant.id);
    const preview = await reviewer.post(
      `/api/reviews/${round.id}/cases/${mine.id}/survey/preview`,
      survey(mine.version),
    );
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toMatchObject({ year: 2027, standard: { id: '2027-2030' }, category: 'near_poor' });
    const draft = await reviewer.put(
      `/api/reviews/${round.id}/cases/${mine.id}/survey`,
      survey(mine.version, { draft: true }),
    );
    expect(draft.statusCode, draft.body).toBe(200);
    expect(draft.json().case).toMatchObject({ status: 'draft', proposedCategory: 'near_poor', causes: ['no_capital'] });
    await expectRefused(
      t.database.db,
      tables(),
      () =>
        reviewer.put(
          `/api/reviews/${round.id}/cases/${mine.id}/survey`,
          survey(draft.json().case.version, { surveyDate: '2026-08-01' }),
        ),
      { status: 400, code: 'validation_failed', field: 'surveyDate' },
    );
    const done = await reviewer.put(
      `/api/reviews/${round.id}/cases/${mine.id}/survey`,
      survey(draft.json().case.version),
    );
    expect(done.json().case.status).toBe('surveyed');
    expect(done.json().result.explanation.vi).toMatch(/1\.900\.000/u);

    await reload();
    await expectRefused(
      t.database.db,
      tables(),
      () => officer.post(`/api/reviews/${round.id}/meetings`, { version: round.version }),
      {
        status: 409,
        code: 'survey_incomplete',
      },
    );
    const p = await caseOf(poor.id);
    const overrides = POOR_2026.overrides;
    const poorSurvey = await officer.put(
      `/api/reviews/${round.id}/cases/${p.id}/survey`,
      survey(p.version, { incomePerCapitaMonthly: 1_200_000, overrides }),
    );
    expect(poorSurvey.json().case.proposedCategory).toBe('poor');
    const n = await caseOf(nearPoor.id);
    const escaped = await officer.put(
      `/api/reviews/${round.id}/cases/${n.id}/survey`,
      survey(n.version, { incomePerCapitaMonthly: 3_500_000 }),
    );
    expect(escaped.json().case.proposedCategory).toBe('not_poor');
  });

  it('a village meeting agrees a result with more than half of those present; exactly half sends it back to surveying', async () => {
    await reload();
    expect((await officer.post(`/api/reviews/${round.id}/meetings`, { version: round.version })).json().state).toBe(
      'meetings',
    );
    const p = await caseOf(poor.id);
    const n = await caseOf(nearPoor.id);
    await expectRefused(
      t.database.db,
      tables(),
      () =>
        officer.post(`/api/reviews/${round.id}/village-meetings`, {
          villageId: villageA.id,
          heldOn: '2026-11-10',
          chair: 'Nguyễn Văn Trưởng',
          present: 20,
          votes: [{ caseId: p.id, agreeing: 21 }],
        }),
      { status: 400, code: 'validation_failed', field: 'votes.0.agreeing' },
    );
    const meeting = await officer.post(`/api/reviews/${round.id}/village-meetings`, {
      villageId: villageA.id,
      heldOn: '2026-11-10',
      chair: 'Nguyễn Văn Trưởng',
      present: 20,
      votes: [
        { caseId: p.id, agreeing: 15 },
        { caseId: n.id, agreeing: 10 },
      ],
    });
    expect(meeting.statusCode, meeting.body).toBe(200);
    expect(await caseOf(poor.id)).toMatchObject({ status: 'agreed', meetingPresent: 20, meetingAgreeing: 15 });
    expect(await caseOf(nearPoor.id)).toMatchObject({ status: 'resurvey' });

    const minutesId = meeting.json().meetings[0].id;
    const minutes = await officer.get(`/api/reviews/${round.id}/village-meetings/${minutesId}/minutes.docx`);
    expect(minutes.statusCode).toBe(200);
    const { text, xml } = await wordText(minutes.rawPayload);
    expect(text).toContain('BIÊN BẢN HỌP DÂN');
    expect(text).toContain('Số người dự họp: 20 người');
    expect(text).toMatch(/Lê Văn Nghèo[\s\S]*Thống nhất/u);
    expect(text).toMatch(/Phạm Thị Cận[\s\S]*Rà soát lại/u);
    expect(xml).toContain('Times New Roman');

    await reload();
    await expectRefused(
      t.database.db,
      tables(),
      () => officer.post(`/api/reviews/${round.id}/posting`, { version: round.version, postedOn: '2026-11-27' }),
      {
        status: 409,
        code: 'meetings_incomplete',
      },
    );
    // Surveyed again, then agreed by a second meeting; the other village meets too.
    const again = await caseOf(nearPoor.id);
    await officer.put(
      `/api/reviews/${round.id}/cases/${again.id}/survey`,
      survey(again.version, { incomePerCapitaMonthly: 3_200_000 }),
    );
    const second = await officer.post(`/api/reviews/${round.id}/village-meetings`, {
      villageId: villageA.id,
      heldOn: '2026-11-17',
      chair: 'Nguyễn Văn Trưởng',
      present: 18,
      votes: [{ caseId: again.id, agreeing: 12 }],
    });
    expect(second.statusCode, second.body).toBe(200);
    const mine = await caseOf(applicant.id);
    await officer.post(`/api/reviews/${round.id}/village-meetings`, {
      villageId: villageB.id,
      heldOn: '2026-11-12',
      chair: 'Võ Thị Tây',
      present: 31,
      votes: [{ caseId: mine.id, agreeing: 16 }],
    });
    expect((await caseOf(applicant.id)).status).toBe('agreed');
  });

  it('posts the lists for 3 working days, records a complaint and its re-check with re-posting', async () => {
    await reload();
    const posted = await officer.post(`/api/reviews/${round.id}/posting`, {
      version: round.version,
      postedOn: '2026-11-27',
    });
    expect(posted.statusCode, posted.body).toBe(200);
    // Friday 27/11/2026 + Monday + Tuesday.
    expect(posted.json()).toMatchObject({ state: 'posting', postedOn: '2026-11-27', postingEnds: '2026-12-01' });
    const list = await officer.get(`/api/reviews/${round.id}/posting-list.docx?village=${villageA.id}`);
    expect(list.statusCode).toBe(200);
    const { text } = await wordText(list.rawPayload);
    expect(text).toContain('DANH SÁCH NIÊM YẾT CÔNG KHAI');
    expect(text).toContain('Niêm yết từ ngày 27/11/2026 đến hết ngày 01/12/2026');
    expect(text).toContain('Lê Văn Nghèo');
    expect(text).not.toContain('Hoàng Văn Đơn');
    const pdf = await officer.get(`/api/reviews/${round.id}/posting-list.pdf?village=${villageA.id}`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.headers['content-disposition']).toContain('danh-sach-niem-yet-2026-thon.pdf');

    const applicantCase = await caseOf(applicant.id);
    const complaint = await officer.post(`/api/reviews/${round.id}/complaints`, {
      caseId: applicantCase.id,
      receivedOn: '2026-11-30',
      complainant: 'Hoàng Văn Đơn',
      content: 'Thu nhập kê khai chưa trừ chi phí chữa bệnh',
    });
    expect(complaint.statusCode, complaint.body).toBe(200);
    const open = complaint.json().complaints[0];

    await reload();
    await expectRefused(
      t.database.db,
      tables(),
      () =>
        officer.post(`/api/reviews/${round.id}/decide`, {
          version: round.version,
          decisionNumber: '245/QĐ-UBND',
          decisionDate: '2026-12-05',
          signerName: 'Trần Văn Chủ Tịch',
        }),
      { status: 403, code: 'forbidden' },
    );
    await expectRefused(
      t.database.db,
      tables(),
      () =>
        approver.post(`/api/reviews/${round.id}/decide`, {
          version: round.version,
          decisionNumber: '245/QĐ-UBND',
          decisionDate: '2026-12-05',
          signerName: 'Trần Văn Chủ Tịch',
        }),
      { status: 409, code: 'complaints_open' },
    );
    const recheck = {
      version: open.version,
      findings: 'Phúc tra: thu nhập thực tế 1.300.000 đ/người/tháng',
      outcomeCategory: 'poor',
    };
    await expectRefused(
      t.database.db,
      tables(),
      () => officer.post(`/api/reviews/${round.id}/complaints/${open.id}/recheck`, { ...recheck, repostedOn: null }),
      {
        status: 400,
        code: 'validation_failed',
        field: 'repostedOn',
      },
    );
    const done = await officer.post(`/api/reviews/${round.id}/complaints/${open.id}/recheck`, {
      ...recheck,
      repostedOn: '2026-12-02',
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({
      postingEnds: '2026-12-04',
      complaints: [{ resolved: true, changed: true, outcomeCategory: 'poor' }],
    });
    expect(await caseOf(applicant.id)).toMatchObject({ finalCategory: 'poor' });
  });

  it('the chairman decides after the posting: the results become the 2027 official status, certificates are numbered', async () => {
    await reload();
    const decision = {
      version: round.version,
      decisionNumber: '245/QĐ-UBND',
      decisionDate: '2026-12-04',
      signerName: 'Trần Văn Chủ Tịch',
    };
    await expectRefused(t.database.db, tables(), () => approver.post(`/api/reviews/${round.id}/decide`, decision), {
      status: 400,
      code: 'validation_failed',
      field: 'decisionDate',
    });
    await expectRefused(
      t.database.db,
      tables(),
      () => approver.post(`/api/reviews/${round.id}/decide`, { ...decision, decisionNumber: 'QĐ 245' }),
      {
        status: 400,
        code: 'validation_failed',
        field: 'decisionNumber',
      },
    );
    // Asked with its progress (as the page does): households written, then the decided round.
    const res = await approver.request({
      method: 'POST',
      url: `/api/reviews/${round.id}/decide`,
      payload: { ...decision, decisionDate: '2026-12-05' },
      headers: { accept: 'application/x-ndjson' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const lines = res.body
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { progress?: { done: number; total: number }; result?: unknown });
    const total = lines[0]!.progress!.total;
    expect(lines.slice(0, -1)).toEqual([{ progress: { done: 0, total } }, { progress: { done: total, total } }]);
    expect(lines.at(-1)!.result).toMatchObject({
      state: 'decided',
      decisionNumber: '245/QĐ-UBND',
      actions: ['reopen'],
    });

    const official = (await officer.get(`/api/households/${poor.id}/assessments`)).json().items[0];
    expect(official).toMatchObject({
      year: 2027,
      category: 'poor',
      decisionNumber: '245/QĐ-UBND',
      decisionDate: '2026-12-05',
      standard: { id: '2027-2030' },
    });
    const escaped = (await officer.get(`/api/households/${nearPoor.id}/assessments`)).json().items[0];
    expect(escaped).toMatchObject({ year: 2027, category: 'not_poor', decisionNumber: '245/QĐ-UBND' });
    const rechecked = (await officer.get(`/api/households/${applicant.id}/assessments`)).json().items[0];
    expect(rechecked).toMatchObject({ year: 2027, category: 'poor' });
    const decidedTrail = (await auditTrail(t.database.db, 'household', poor.id)).map((e) => e.action);
    expect(decidedTrail).toContain('household.assess.decided');

    const doc = await officer.get(`/api/reviews/${round.id}/decision.docx`);
    expect(doc.statusCode).toBe(200);
    const { text, xml } = await wordText(doc.rawPayload);
    for (const part of [
      'ỦY BAN NHÂN DÂN',
      'XÃ THẠCH HÀ',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số: 245/QĐ-UBND',
      'Thạch Hà, ngày 05 tháng 12 năm 2026',
      'QUYẾT ĐỊNH',
      'CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ THẠCH HÀ',
      // Cited from the document library, not retyped.
      'Căn cứ Luật Tổ chức chính quyền địa phương ngày 16/06/2025;',
      'Căn cứ Quyết định số 24/2021/QĐ-TTg ngày 16/07/2021 của Thủ tướng Chính phủ quy định quy trình rà soát hộ nghèo',
      'Căn cứ Nghị định số 351/2025/NĐ-CP ngày 30/12/2025 của Chính phủ quy định chuẩn nghèo đa chiều giai đoạn 2027–2030;',
      'gồm: 2 hộ nghèo (Phụ lục I), 0 hộ cận nghèo (Phụ lục II); danh sách 0 hộ thoát nghèo (Phụ lục III) và 1 hộ thoát cận nghèo (Phụ lục IV)',
      'Nơi nhận:',
      'TM. ỦY BAN NHÂN DÂN',
      'Trần Văn Chủ Tịch',
      'PHỤ LỤC I. DANH SÁCH HỘ NGHÈO NĂM 2027',
      'PHỤ LỤC IV. DANH SÁCH HỘ THOÁT CẬN NGHÈO NĂM 2027',
    ])
      expect(text).toContain(part);
    expect(xml).toContain('Times New Roman');

    const poorCase = await caseOf(poor.id);
    expect(poorCase).toMatchObject({ finalCategory: 'poor' });
    const cert = await officer.get(`/api/reviews/${round.id}/cases/${poorCase.id}/certificate.docx`);
    expect(cert.statusCode).toBe(200);
    const certificate = (await wordText(cert.rawPayload)).text;
    expect(certificate).toMatch(/Số: \d+\/GCN-HN\.HCN/u);
    expect(certificate).toContain('GIẤY CHỨNG NHẬN HỘ NGHÈO');
    expect(certificate).toContain('Lê Văn Nghèo');
    expect(certificate).toContain('042085000123');
    expect(certificate).toContain('Trần Thị Bình');
    const escapedCase = await caseOf(nearPoor.id);
    expect((await officer.get(`/api/reviews/${round.id}/cases/${escapedCase.id}/certificate.docx`)).statusCode).toBe(
      409,
    );
  });

  it('a decided round is locked; only an approver reopens it, with a reason that is recorded and shown', async () => {
    await reload();
    const p = await caseOf(poor.id);
    await expectRefused(
      t.database.db,
      tables(),
      () => officer.put(`/api/reviews/${round.id}/cases/${p.id}/survey`, survey(p.version)),
      {
        status: 409,
        code: 'round_decided',
      },
    );
    await expectRefused(
      t.database.db,
      tables(),
      () =>
        officer.post(`/api/reviews/${round.id}/reopen`, { version: round.version, reason: 'Khiếu nại sau quyết định' }),
      {
        status: 403,
        code: 'forbidden',
      },
    );
    await expectRefused(
      t.database.db,
      tables(),
      () => approver.post(`/api/reviews/${round.id}/reopen`, { version: round.version, reason: ' ' }),
      {
        status: 400,
        code: 'validation_failed',
        field: 'reason',
      },
    );
    const reopened = await approver.post(`/api/reviews/${round.id}/reopen`, {
      version: round.version,
      reason: 'Khiếu nại của hộ Lê Văn Nghèo sau quyết định',
    });
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect(reopened.json().state).toBe('posting');
    const detail = await reload();
    expect(detail.events.at(-1)).toMatchObject({
      action: 'reopen',
      fromState: 'decided',
      toState: 'posting',
      reason: 'Khiếu nại của hộ Lê Văn Nghèo sau quyết định',
      actorName: 'Trần Văn Chủ Tịch',
    });
    const trail = await auditTrail(t.database.db, 'review_round', round.id);
    expect(trail.at(-1)).toMatchObject({
      action: 'review.reopen',
      after: expect.objectContaining({ reason: 'Khiếu nại của hộ Lê Văn Nghèo sau quyết định' }),
    });
  });
});

describe('a regular review', () => {
  it('is due 15 days after the application is received, and flagged overdue after that', async () => {
    const household = await buildHousehold(t.database.db);
    const created = await officer.post('/api/reviews', { communeCode: THACH_HA, year: 2026, kind: 'regular' });
    expect(created.json()).toMatchObject({
      listYear: 2026,
      standardId: '2022-2025',
      deadline: null,
      deadlineStatus: null,
    });
    const round = created.json();
    await officer.post(`/api/reviews/${round.id}/listing`, { version: round.version });
    const application = {
      form: 'mau_04',
      receivedOn: '2026-10-01',
      channel: 'online',
      applicantName: 'Nguyễn Văn An',
      content: 'Đề nghị công nhận thoát nghèo',
    };
    const added = await officer.post(`/api/reviews/${round.id}/cases`, {
      householdId: household.id,
      reason: 'application',
      application,
    });
    expect(added.statusCode, added.body).toBe(201);
    const detail = (await officer.get(`/api/reviews/${round.id}`)).json();
    // Received 01/10/2026, undecided on the test's date (after 16/10/2026).
    expect(detail).toMatchObject({
      receivedOn: '2026-10-01',
      deadline: '2026-10-16',
      deadlineStatus: 'overdue',
      overdue: true,
    });
    expect((await officer.get(`/api/reviews/${round.id}/cases`)).json().total).toBe(1);
  });

  it('an application refused by the decision is answered with written reasons, kept with the round', async () => {
    const household = await buildHousehold(t.database.db, { villageId: villageB.id, headName: 'Đỗ Văn Khá' });
    // Applied for recognition (Mẫu 01), surveyed well above the lines: not recognised.
    const built = await buildRound(t.database.db, household, 'posting', { income: 6_000_000 });
    const decision = {
      version: built.version,
      decisionNumber: '31/QĐ-UBND',
      decisionDate: '2026-11-10',
      signerName: 'Trần Văn Chủ Tịch',
    };
    await expectRefused(
      t.database.db,
      tables(),
      () => approver.post(`/api/reviews/${built.roundId}/decide`, decision),
      { status: 400, code: 'validation_failed' },
    );
    const reason =
      'Thu nhập bình quân 6.000.000 đồng/người/tháng, cao hơn chuẩn cận nghèo; không thiếu hụt dịch vụ cơ bản.';
    const res = await approver.post(`/api/reviews/${built.roundId}/decide`, { ...decision, refusalReason: reason });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ state: 'decided', refusalReason: reason });
    const trail = await auditTrail(t.database.db, 'review_round', built.roundId);
    expect(trail.find((e) => e.action === 'review.decide')!.after).toMatchObject({ refusalReason: reason });
    const detail = (await officer.get(`/api/reviews/${built.roundId}`)).json();
    expect(detail.events.at(-1)).toMatchObject({ action: 'decide', reason });
    const notice = await officer.get(`/api/reviews/${built.roundId}/refusal.docx`);
    expect(notice.statusCode, notice.body).toBe(200);
    expect(notice.headers['content-disposition']).toContain('thong-bao-khong-cong-nhan-31-');
    const { text } = await wordText(notice.rawPayload);
    expect(text).toContain('THÔNG BÁO');
    expect(text).toContain('Kính gửi: Ông/bà Người Làm Đơn');
    expect(text).toContain('công nhận hộ nghèo, hộ cận nghèo (Mẫu số 01)');
    expect(text).toContain('Quyết định số 31/QĐ-UBND ngày 10 tháng 11 năm 2026');
    expect(text).toContain(reason);
    // A decision that granted the application has no notice to send.
    const other = await buildHousehold(t.database.db, { villageId: villageB.id });
    const granted = await buildRound(t.database.db, other, 'decided');
    const none = await officer.get(`/api/reviews/${granted.roundId}/refusal.docx`);
    expect(none.statusCode).toBe(409);
    expect(none.json().code).toBe('no_refusal');
  });
});

describe('the household page', () => {
  it('shows the household’s review cases with the round’s step and result; outside the area, nothing', async () => {
    const res = await viewer.get(`/api/households/${poor.id}/reviews`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual([
      expect.objectContaining({
        year: 2026,
        listYear: 2027,
        kind: 'periodic',
        roundState: 'posting', // reopened after its decision
        reason: 'current_poor',
        decisionNumber: expect.any(String),
      }),
    ]);
    expect(res.json()[0].finalCategory).not.toBeNull();
    const outside = await outsider.get(`/api/households/${poor.id}/reviews`);
    expect(outside.statusCode).toBe(404);
  });
});
