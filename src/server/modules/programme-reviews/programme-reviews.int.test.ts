import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityInput, buildProgramme, supervisionInput } from '../../../../test/helpers/coordination';
import { createTestApp, signIn, type TestApp } from '../../../../test/helpers/app';
import { openDocx } from '../../../../test/helpers/docx';
import {
  buildFund,
  buildHousehold,
  CAM_XUYEN,
  HA_TINH,
  PHU_KHUONG,
  THACH_HA,
  VINH_LONG,
} from '../../../../test/helpers/factories';
import { modelFixture } from '../../../../test/helpers/models';
import { findFund } from '../fund/repo';
import { fundReport } from '../fund/report';
import { expectAuditedWrite, expectRefused } from '../../../../test/helpers/trace';
import { programmeReviews } from '../coordination/tables';

type Signed = Awaited<ReturnType<typeof signIn>>;
let t: TestApp;
let officer: Signed;
let built: Awaited<ReturnType<typeof buildProgramme>>;

beforeAll(async () => {
  t = await createTestApp();
  officer = await signIn(t, { scopeCode: HA_TINH, roles: ['officer'] });
  built = await buildProgramme(t.database.db, HA_TINH);
});
afterAll(() => t.close());

const ok = async (res: Promise<{ statusCode: number; body: string; json: () => unknown }>) => {
  const r = await res;
  expect(r.statusCode, r.body).toBeLessThan(300);
  return r.json() as { id: string; version: number; [k: string]: unknown };
};

/** Records of 2025 under the programme (and one of 2024, outside the period). */
async function record() {
  const { programme, task } = built;
  const [communication, supervising] = programme.contents;
  const activity = (o: Parameters<typeof activityInput>[2]) =>
    ok(officer.post('/api/activities', activityInput(HA_TINH, built, o)));
  await activity({
    kind: 'training',
    audienceSize: 60,
    poorAudience: 10,
    budget: { state: 5_000_000, fund: 0, social: 0, other: 0 },
  });
  await activity({ kind: 'broadcast', audienceSize: 0, poorAudience: 0, taskId: null, contentId: communication!.id });
  await activity({ kind: 'meeting', audienceSize: 150, poorAudience: 45, taskId: null, contentId: communication!.id });
  await activity({ kind: 'conference', audienceSize: 90, poorAudience: 0, taskId: null, programmeId: programme.id });
  await activity({
    kind: 'meeting',
    audienceSize: 999,
    poorAudience: 999,
    startsOn: '2024-12-31',
    endsOn: '2024-12-31',
  });
  // Not under the programme at all.
  await activity({ kind: 'meeting', audienceSize: 500, poorAudience: 500, taskId: null });

  const planned = await ok(
    officer.post(
      '/api/supervisions',
      supervisionInput(HA_TINH, built, { taskId: null, contentId: supervising!.id, programmeId: programme.id }),
    ),
  );
  const s = await ok(
    officer.post(`/api/supervisions/${planned.id}/conduct`, {
      conductedOn: '2025-05-20',
      findings: 'Đạt',
      version: planned.version,
    }),
  );
  const recommend = (text: string) =>
    ok(
      officer.post(`/api/supervisions/${s.id}/recommendations`, {
        addresseeId: programme.parties[1]!.id,
        text,
        dueOn: '2025-09-30',
        version: s.version,
      }),
    );
  const r1 = await recommend('Một');
  await recommend('Hai');
  const answered = await ok(
    officer.post(`/api/recommendations/${r1.id}/answer`, {
      answer: 'Xong',
      answeredOn: '2025-08-01',
      version: r1.version,
    }),
  );
  await ok(
    officer.post(`/api/recommendations/${r1.id}/resolve`, { resolvedOn: '2025-08-15', version: answered.version }),
  );

  await ok(
    officer.post('/api/commendations', {
      unitCode: HA_TINH,
      contentId: supervising!.id,
      form: 'certificate_of_merit',
      level: 'province',
      recipientKind: 'collective',
      recipientName: 'Hội Nông dân xã Thạch Hà',
      achievement: 'Thành tích xuất sắc',
      decisionNumber: '125/QĐ-MTTQ',
      decisionDate: '2025-12-15',
    }),
  );
  await ok(officer.post(`/api/tasks/${task.id}/progress`, { status: 'done', progress: 100, version: task.version }));
}

describe('the periodic review report', () => {
  it('drafts figures equal to the sums of the records of the programme in the period', async () => {
    await record();
    const { body: review, event } = await expectAuditedWrite(
      t.database.db,
      () =>
        officer.post(`/api/programmes/${built.programme.id}/reviews`, {
          kind: 'so_ket',
          periodFrom: '2025-01-01',
          periodTo: '2025-12-31',
        }),
      201,
    );
    expect(event.action).toBe('review.draft');
    const figures = review.figures as {
      total: Record<string, number>;
      byContent: { contentId: string | null; figures: Record<string, number> }[];
    };

    // The same sums, read from the lists users see.
    const listed = (
      await officer.get(`/api/activities?programme=${built.programme.id}&from=2025-01-01&to=2025-12-31&limit=500`)
    ).json();
    const sum = (items: { audienceSize: number; group: string }[], group: string) =>
      items.filter((a) => a.group === group).reduce((s, a) => s + a.audienceSize, 0);
    expect(figures.total).toMatchObject({
      communication: listed.items.filter((a: { group: string }) => a.group === 'communication').length,
      communicationAudience: sum(listed.items, 'communication'),
      trainings: 1,
      trainees: sum(listed.items, 'training'),
      conferences: 1,
      conferenceAudience: 90,
      poorAudience: listed.totals.poorAudience,
      budget: listed.totals.budget,
      supervisions: 1,
      recommendations: 2,
      recommendationsResolved: 1,
      commendations: 1,
      tasks: 1,
      tasksDone: 1,
    });
    expect(figures.total).toMatchObject({ communication: 2, communicationAudience: 150, poorAudience: 55 });
    // Per content: the task's activity counts under its content; the programme-wide conference under none.
    const [first, second, general] = figures.byContent;
    expect(first).toMatchObject({
      contentId: built.programme.contents[0]!.id,
      figures: { trainings: 1, communication: 2, tasks: 1 },
    });
    expect(second).toMatchObject({ figures: { supervisions: 1, recommendations: 2, commendations: 1 } });
    expect(general).toMatchObject({ contentId: null, figures: { conferences: 1 } });
    for (const key of Object.keys(figures.total)) {
      expect(
        figures.byContent.reduce((s, c) => s + c.figures[key]!, 0),
        key,
      ).toBe(figures.total[key]);
    }
  });

  it('counts the fund, houses and models of the programme’s area in the period, each as the sum of its records', async () => {
    const db = t.database.db;
    const [province, commune, elsewhere] = await Promise.all([
      buildFund(db, { unitCode: HA_TINH }),
      buildFund(db, { unitCode: THACH_HA }),
      buildFund(db, { unitCode: VINH_LONG }),
    ]);
    const donor = { kind: 'individual', name: 'Nguyễn Thị Hảo', publishName: true };
    const receive = (fundId: string, amount: number, date: string, by = officer) =>
      ok(by.post(`/api/funds/${fundId}/receipts`, { amount, date, method: 'cash', donor }));
    await receive(province.id, 10_000_000, '2025-03-01');
    await receive(commune.id, 4_000_000, '2025-10-20');
    await receive(commune.id, 1_000_000, '2024-12-31'); // before the period
    const cancelled = await receive(commune.id, 2_000_000, '2025-04-01');
    await ok(officer.post(`/api/postings/${cancelled.id}/reversal`, { reason: 'Ghi nhầm', date: '2025-04-02' }));
    const vinhLong = await signIn(t, { scopeCode: VINH_LONG, roles: ['officer'] });
    await receive(elsewhere.id, 50_000_000, '2025-05-01', vinhLong); // another province
    await ok(
      officer.post(`/api/funds/${commune.id}/expenditures`, {
        amount: 3_000_000,
        date: '2025-11-01',
        purpose: 'house_repair',
        decisionNumber: '12/QĐ-MTTQ',
      }),
    );
    // Moving money between the area's funds is neither a receipt nor spending.
    await ok(
      officer.post(`/api/funds/${province.id}/allocations`, {
        toFundId: commune.id,
        amount: 2_000_000,
        date: '2025-06-01',
        decisionNumber: '20/QĐ-MTTQ',
      }),
    );

    /** A house of a new Thạch Hà household, approved on a date and taken through the dated stages. */
    const house = async (approvedOn: string, steps: [string, string][]) => {
      const h = await buildHousehold(db);
      let row = await ok(
        officer.post(`/api/households/${h.id}/houses`, {
          kind: 'build',
          decisionNumber: '45/QĐ-UBND',
          approvedOn,
          plannedCompletion: '2026-12-31',
          funding: [{ sourceCode: 'temporary_houses', amount: 60_000_000 }],
        }),
      );
      for (const [stage, date] of steps) {
        row = await ok(officer.post(`/api/houses/${row.id}/stage`, { stage, date, version: row.version }));
      }
    };
    await house('2025-02-01', [
      ['under_construction', '2025-03-01'],
      ['completed', '2025-06-01'],
      ['handed_over', '2025-06-10'],
    ]);
    // Completed after the period: under construction at its end.
    await house('2025-05-01', [
      ['under_construction', '2025-06-01'],
      ['completed', '2026-02-01'],
    ]);
    await house('2025-11-01', []);
    // Approved before the period, handed over in it.
    await house('2024-06-01', [
      ['under_construction', '2024-07-01'],
      ['completed', '2024-12-01'],
      ['handed_over', '2025-01-20'],
    ]);
    await house('2026-01-05', []); // after the period

    const { model, newcomer } = await modelFixture(db, THACH_HA); // running since 2024, one household
    await ok(
      officer.post(`/api/models/${model.id}/participants`, { householdId: newcomer.id, joinedOn: '2026-01-10' }),
    );
    await modelFixture(db, PHU_KHUONG); // another province

    const review = await ok(
      officer.post(`/api/programmes/${built.programme.id}/reviews`, {
        kind: 'so_ket',
        periodFrom: '2025-01-01',
        periodTo: '2025-12-31',
      }),
    );
    const resources = (review.figures as { resources: Record<string, unknown> }).resources;
    expect(resources).toEqual({
      fundReceipts: 14_000_000,
      fundSpent: 3_000_000,
      housesApproved: 3,
      housesByStage: { approved: 1, under_construction: 1, completed: 0, handed_over: 1 },
      housesHandedOver: 2,
      models: 1,
      modelHouseholds: 1,
    });
    // The fund module's own report of each fund of the area sums to the same.
    const reports = await Promise.all(
      [province, commune].map(async (f) =>
        fundReport(db, (await findFund(db, f.id, { level: 'national' }))!, '2025-01-01', '2025-12-31'),
      ),
    );
    expect(reports.reduce((s, r) => s + r.receipts, 0)).toBe(resources.fundReceipts);
    expect(reports.reduce((s, r) => s + r.spent, 0)).toBe(resources.fundSpent);

    const doc = await openDocx((await officer.get(`/api/programme-reviews/${review.id}/document`)).rawPayload);
    expect(doc.text).toContain('Quỹ "Vì người nghèo": tiếp nhận\n14.000.000 đ');
    expect(doc.text).toContain(
      'Nhà ở được phê duyệt hỗ trợ\n3 (đã phê duyệt: 1; đang xây dựng: 1; đã hoàn thành: 0; đã bàn giao: 1)',
    );
    expect(doc.text).toContain('Mô hình giảm nghèo (hộ tham gia)\n1 (1 hộ)');
  });

  it('keeps the edited text, refreshes the figures, and exports a Word report with both', async () => {
    const draft = await ok(
      officer.post(`/api/programmes/${built.programme.id}/reviews`, {
        kind: 'tong_ket',
        periodFrom: '2023-05-09',
        periodTo: '2026-12-31',
      }),
    );
    const sections = draft.sections as { contents: { contentId: string; text: string | null }[] };
    expect(sections.contents[0]!.text).toMatch(
      /^Tổ chức 3 hoạt động tuyên truyền .*; mở 1 lớp tập huấn, bồi dưỡng cho 60 lượt người/u,
    );
    await expectRefused(
      t.database.db,
      [programmeReviews],
      () =>
        officer.put(`/api/programme-reviews/${draft.id}`, {
          sections: { ...sections, contents: [{ contentId: built.task.id, text: 'x' }] },
          version: draft.version,
        }),
      { status: 400, code: 'validation_failed', field: 'sections.contents.0.contentId' },
    );
    const edited = await ok(
      officer.put(`/api/programme-reviews/${draft.id}`, {
        number: '35/BC-MTTQ-SNN',
        sections: {
          contents: sections.contents.map((c, i) =>
            i === 0 ? { ...c, text: 'Tuyên truyền sâu rộng tới 100% thôn.' } : c,
          ),
          difficulties: 'Kinh phí tuyên truyền còn hạn chế.',
          directions: 'Tiếp tục nhân rộng mô hình giảm nghèo.',
        },
        version: draft.version,
      }),
    );
    await ok(
      officer.post(
        '/api/activities',
        activityInput(HA_TINH, built, { kind: 'press', audienceSize: 0, startsOn: '2026-02-01', endsOn: '2026-02-01' }),
      ),
    );
    const refreshed = await ok(officer.post(`/api/programme-reviews/${draft.id}/refresh`, { version: edited.version }));
    expect((refreshed.sections as { difficulties: string }).difficulties).toBe('Kinh phí tuyên truyền còn hạn chế.');
    expect((refreshed.figures as { total: { communication: number } }).total.communication).toBe(
      (draft.figures as { total: { communication: number } }).total.communication + 1,
    );

    const res = await officer.get(`/api/programme-reviews/${draft.id}/document`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/filename="bao-cao-tong-ket-[a-z0-9-]+\.docx"/u);
    const doc = await openDocx(res.rawPayload);
    expect(doc.fonts).toEqual(new Set(['Times New Roman']));
    expect(doc.paragraphs).toEqual(
      expect.arrayContaining([
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Số: 35/BC-MTTQ-SNN',
        'BÁO CÁO',
        'I. KẾT QUẢ THỰC HIỆN',
        `1. ${built.programme.contents[0]!.title}`,
        'Tuyên truyền sâu rộng tới 100% thôn.',
        'II. KHÓ KHĂN, VƯỚNG MẮC',
        'Kinh phí tuyên truyền còn hạn chế.',
        'III. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI',
        'Tiếp tục nhân rộng mô hình giảm nghèo.',
        'Hộ thoát nghèo trên địa bàn',
      ]),
    );
    expect(doc.text).toContain('Tổng kết thực hiện Chương trình phối hợp số');
  });

  it('is kept by the programme’s unit: a commune reads it but another commune does not', async () => {
    const other = await signIn(t, { scopeCode: CAM_XUYEN, roles: ['officer'] });
    const { programme } = await buildProgramme(t.database.db, CAM_XUYEN);
    const review = await ok(
      (await signIn(t, { scopeCode: CAM_XUYEN, roles: ['officer'] })).post(`/api/programmes/${programme.id}/reviews`, {
        kind: 'so_ket',
        periodFrom: '2025-01-01',
        periodTo: '2025-06-30',
      }),
    );
    expect((await officer.get(`/api/programme-reviews/${review.id}`)).statusCode).toBe(200);
    const thachHa = await signIn(t, { roles: ['officer'] });
    expect((await thachHa.get(`/api/programme-reviews/${review.id}`)).statusCode).toBe(404);
    await expectRefused(
      t.database.db,
      [programmeReviews],
      () =>
        other.post(`/api/programmes/${built.programme.id}/reviews`, {
          kind: 'so_ket',
          periodFrom: '2025-01-01',
          periodTo: '2025-06-30',
        }),
      { status: 403, code: 'out_of_scope' },
    );
  });
});
