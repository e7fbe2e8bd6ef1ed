import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Category } from '../../../domain/poverty';
import { createTestApp, signIn, type TestApp } from '../../../../test/helpers/app';
import {
  buildHousehold,
  buildOrganisation,
  buildVillage,
  CAM_XUYEN,
  HA_TINH,
  systemAdmin,
  THACH_HA,
} from '../../../../test/helpers/factories';
import { readWorkbook } from '../../../../test/helpers/workbooks';
import { rowsOf } from '../../platform/db/database';
import { importListedResult, standardsForImport } from '../assessments/service';

let t: TestApp;
let officer: Awaited<ReturnType<typeof signIn>>;
let lead: { id: string };
let partner: { id: string };
let village: { id: string };

beforeAll(async () => {
  t = await createTestApp();
  officer = await signIn(t, { scopeCode: THACH_HA, roles: ['officer'] });
  lead = await buildOrganisation(t.database.db, { name: 'Hội Nông dân xã Thạch Hà' });
  partner = await buildOrganisation(t.database.db, { name: 'Hội Liên hiệp Phụ nữ xã Thạch Hà' });
  village = await buildVillage(t.database.db, { communeCode: THACH_HA, name: 'Thôn Bò Vàng' });
});
afterAll(() => t.close());

const model = (extra: Record<string, unknown> = {}) => ({
  name: 'Nuôi bò sinh sản thôn Bò Vàng',
  kind: 'livestock',
  communeCode: THACH_HA,
  villageIds: [village.id],
  leadOrganisationId: lead.id,
  partnerOrganisationIds: [partner.id],
  startsOn: '2023-03-01',
  endsOn: '2025-12-31',
  budget: [
    { sourceCode: 'ntp2021_project_2', amount: 300_000_000 },
    { sourceCode: 'local_budget', amount: 60_000_000 },
  ],
  expectedResults: 'Mỗi hộ có 2 con bò sinh sản; 50% hộ nghèo thoát nghèo sau 3 năm',
  expectedIncomeIncrease: 15_000_000,
  ...extra,
});

/** The household's lists by year, as decided (imported results: the category is what the list said). */
async function lists(householdId: string, categories: Record<number, Category>) {
  const admin = await systemAdmin(t.database.db);
  await t.database.db.transaction(async (tx) => {
    const standards = await standardsForImport(tx, HA_TINH);
    for (const [year, category] of Object.entries(categories))
      await importListedResult(tx, admin, standards, householdId, { year: Number(year), category });
  });
}

const cow = (date: string) => ({
  kind: 'production',
  sourceCode: 'ntp2021_project_2',
  value: 25_000_000,
  date,
  decisionNumber: '15/QĐ-UBND',
});

async function audited(entityId: string) {
  return rowsOf<{ action: string }>(
    await t.database.db.execute(
      sql`select action from audit_events where entity = 'poverty_model' and entity_id = ${entityId} order by id`,
    ),
  ).map((r) => r.action);
}

describe('a poverty-reduction model and its households', { timeout: 120_000 }, () => {
  it('reads each household’s outcome from the registry: who escaped poverty after joining, and the rates', async () => {
    const created = await officer.post('/api/models', model());
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    expect(created.json()).toMatchObject({ totalBudget: 360_000_000, villages: [{ name: 'Thôn Bò Vàng' }] });

    const escaped = await buildHousehold(t.database.db, { headName: 'Nguyễn Văn Thoát' });
    const stillPoor = await buildHousehold(t.database.db, { headName: 'Lê Văn Còn' });
    const before = await buildHousehold(t.database.db, { headName: 'Trần Văn Sớm' });
    const nearPoor = await buildHousehold(t.database.db, { headName: 'Phạm Thị Cận' });
    await lists(escaped.id, { 2023: 'poor', 2024: 'poor', 2025: 'near_poor' });
    await lists(stillPoor.id, { 2023: 'poor', 2024: 'poor', 2025: 'poor' });
    // Out of poverty in 2024, before it joined in mid-2024: not the model's result.
    await lists(before.id, { 2023: 'poor', 2024: 'not_poor', 2025: 'not_poor' });
    await lists(nearPoor.id, { 2023: 'near_poor', 2025: 'average' });

    const join = (householdId: string, joinedOn: string, received: unknown[] = []) =>
      officer.post(`/api/models/${id}/participants`, { householdId, joinedOn, received });
    const first = await join(escaped.id, '2023-04-10', [cow('2023-04-15')]);
    expect(first.statusCode, first.body).toBe(201);
    expect((await join(stillPoor.id, '2023-04-10', [cow('2023-04-15')])).statusCode).toBe(201);
    expect((await join(before.id, '2024-06-01')).statusCode).toBe(201);
    expect((await join(nearPoor.id, '2023-05-01')).statusCode).toBe(201);

    const view = (await officer.get(`/api/models/${id}`)).json();
    const byHead = Object.fromEntries(view.participants.map((p: { headName: string }) => [p.headName, p])) as Record<
      string,
      { outcome: string; before: unknown; now: unknown; received: { kind: string; value: number }[] }
    >;
    expect(byHead['Nguyễn Văn Thoát']).toMatchObject({
      outcome: 'escaped_poverty',
      before: { year: 2023, category: 'poor' },
      now: { year: 2025, category: 'near_poor' },
      received: [{ kind: 'production', value: 25_000_000 }],
    });
    expect(byHead['Lê Văn Còn']!.outcome).toBe('unchanged');
    expect(byHead['Trần Văn Sớm']).toMatchObject({
      outcome: 'unchanged',
      before: { year: 2024, category: 'not_poor' },
    });
    expect(byHead['Phạm Thị Cận']!.outcome).toBe('escaped_near_poverty');
    expect(view.results).toMatchObject({
      participants: 4,
      poorAtJoining: 2,
      nearPoorAtJoining: 1,
      escapedPoverty: 1,
      escapedNearPoverty: 1,
      povertyExitRate: 0.5,
    });

    // What it received is one of the household's supports (shown once on its page), noting the model.
    const supports = (await officer.get(`/api/households/${escaped.id}/supports`)).json();
    expect(supports.items).toMatchObject([
      { kind: 'production', note: 'Mô hình giảm nghèo: Nuôi bò sinh sản thôn Bò Vàng' },
    ]);
    expect((await officer.get(`/api/households/${escaped.id}/models`)).json()).toEqual([
      expect.objectContaining({ id, outcome: 'escaped_poverty', joinedOn: '2023-04-10' }),
    ]);
    expect(await audited(id)).toEqual(['model.create', ...Array(4).fill('model.participant.add')]);
  });

  it('exports the list and one model to Excel: participants, what each received, the outcome read from the registry', async () => {
    const created = await officer.post('/api/models', model({ name: 'Trồng cam Xuất Khẩu', kind: 'crops' }));
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    const escaped = await buildHousehold(t.database.db, { headName: 'Đặng Văn Cam' });
    const stillPoor = await buildHousehold(t.database.db, { headName: 'Hồ Thị Quýt' });
    await lists(escaped.id, { 2023: 'poor', 2025: 'not_poor' });
    await lists(stillPoor.id, { 2023: 'poor', 2025: 'poor' });
    for (const [household, received] of [
      [escaped, [cow('2023-04-15')]],
      [stillPoor, []],
    ] as const) {
      const joined = await officer.post(`/api/models/${id}/participants`, {
        householdId: household.id,
        joinedOn: '2023-04-10',
        received,
      });
      expect(joined.statusCode, joined.body).toBe(201);
    }

    const one = await officer.get(`/api/models/${id}/export`);
    expect(one.statusCode, one.body).toBe(200);
    expect(one.headers['content-disposition']).toContain(encodeURIComponent('Mô hình Trồng cam Xuất Khẩu.xlsx'));
    const sheets = await readWorkbook(one.rawPayload);
    expect(Object.keys(sheets)).toEqual(['Mô hình', 'Hộ tham gia']);
    const about = Object.fromEntries(sheets['Mô hình']!.slice(2).map(([k, v]) => [k, v]));
    expect(about).toMatchObject({
      'Loại mô hình': 'Trồng trọt',
      'Đơn vị chủ trì': 'Hội Nông dân xã Thạch Hà',
      'Thời gian thực hiện': '01/03/2023 – 31/12/2025',
      'Tổng kinh phí (đồng)': 360_000_000,
      'Số hộ tham gia': 2,
      'Thoát nghèo': 1,
      'Tỷ lệ thoát nghèo (%)': 50,
    });
    expect(about['Kinh phí theo nguồn']).toBe(
      'CTMTQG giảm nghèo bền vững 2021–2025, Dự án 2: Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo: 300.000.000 đ; Ngân sách địa phương: 60.000.000 đ',
    );
    const households = sheets['Hộ tham gia']!;
    expect(households[2]).toEqual([
      'STT',
      'Mã hộ',
      'Chủ hộ',
      'Ngày tham gia',
      'Khi tham gia',
      'Hiện nay',
      'Kết quả',
      'Đã nhận qua mô hình',
      'Giá trị đã nhận (đồng)',
    ]);
    const byHead = Object.fromEntries(households.slice(3).map((r) => [r[2], r.slice(3)]));
    expect(byHead['Đặng Văn Cam']).toEqual([
      '10/04/2023',
      'Hộ nghèo (2023)',
      'Hộ không nghèo (2025)',
      'Thoát nghèo',
      'Hỗ trợ sản xuất, con giống, cây giống 25.000.000 đ (15/04/2023)',
      25_000_000,
    ]);
    expect(byHead['Hồ Thị Quýt']!.slice(3, 6)).toEqual(['Chưa thay đổi', '', 0]);

    const list = await officer.get('/api/models/export?q=cam xuat');
    expect(list.statusCode, list.body).toBe(200);
    const rows = (await readWorkbook(list.rawPayload))['Mô hình giảm nghèo']!;
    expect(rows[0]).toEqual(['Danh sách mô hình giảm nghèo']);
    const header = rows[2] as string[];
    expect(header.slice(0, 4)).toEqual(['STT', 'Tên mô hình', 'Loại mô hình', 'Xã/phường']);
    expect(rows.slice(3)).toHaveLength(1);
    const cell = (name: string) => rows[3]![header.indexOf(name)];
    expect([cell('Tên mô hình'), cell('Số hộ tham gia'), cell('Thoát nghèo'), cell('Tỷ lệ thoát nghèo (%)')]).toEqual([
      'Trồng cam Xuất Khẩu',
      2,
      1,
      50,
    ]);

    // Another commune's officer gets neither the model nor it in the list.
    const outsider = await signIn(t, { scopeCode: CAM_XUYEN, roles: ['officer'] });
    expect((await outsider.get(`/api/models/${id}/export`)).statusCode).toBe(404);
    const theirs = await readWorkbook((await outsider.get('/api/models/export?q=cam xuat')).rawPayload);
    expect(theirs['Mô hình giảm nghèo']!.slice(3)).toEqual([]);
  });

  it('refuses a household twice, one of another commune, a join outside the period, and a support the support rules refuse — changing nothing', async () => {
    const id = (await officer.post('/api/models', model())).json().id;
    const h = await buildHousehold(t.database.db);
    const elsewhere = await buildHousehold(t.database.db, { communeCode: CAM_XUYEN });
    expect(
      (await officer.post(`/api/models/${id}/participants`, { householdId: h.id, joinedOn: '2023-05-01' })).statusCode,
    ).toBe(201);
    const twice = await officer.post(`/api/models/${id}/participants`, { householdId: h.id, joinedOn: '2023-06-01' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ code: 'already_participant' });
    const other = await officer.post(`/api/models/${id}/participants`, {
      householdId: elsewhere.id,
      joinedOn: '2023-05-01',
    });
    expect(other.statusCode).toBe(400);
    expect(other.json().errors[0].field).toBe('householdId');
    const h2 = await buildHousehold(t.database.db);
    const late = await officer.post(`/api/models/${id}/participants`, { householdId: h2.id, joinedOn: '2026-02-01' });
    expect(late.json().errors[0]).toMatchObject({
      field: 'joinedOn',
      message: 'Ngày tham gia phải trong thời gian thực hiện mô hình.',
    });
    // A per-member support without its member: the support module's rule, named in the request's terms.
    const training = { ...cow('2023-05-02'), kind: 'vocational_training' };
    const noMember = await officer.post(`/api/models/${id}/participants`, {
      householdId: h2.id,
      joinedOn: '2023-05-01',
      received: [cow('2023-05-02'), training],
    });
    expect(noMember.statusCode).toBe(400);
    expect(noMember.json().errors[0].field).toBe('received.1.memberId');
    const view = (await officer.get(`/api/models/${id}`)).json();
    expect(view.participants).toHaveLength(1);
    expect((await officer.get(`/api/households/${h2.id}/supports`)).json().total).toBe(0);
  });

  it('takes off a household added by mistake, with the reason, audited; not while a support through the model is in force', async () => {
    const id = (await officer.post('/api/models', model())).json().id;
    const wrong = await buildHousehold(t.database.db);
    const given = await buildHousehold(t.database.db);
    await officer.post(`/api/models/${id}/participants`, { householdId: wrong.id, joinedOn: '2023-05-01' });
    await officer.post(`/api/models/${id}/participants`, {
      householdId: given.id,
      joinedOn: '2023-05-01',
      received: [cow('2023-05-02')],
    });
    const remove = (householdId: string, reason: unknown = 'Thêm nhầm hộ') =>
      officer.post(`/api/models/${id}/participants/${householdId}/removal`, { reason });

    const blank = await remove(wrong.id, '');
    expect(blank.statusCode).toBe(400);
    expect(blank.json().errors[0].field).toBe('reason');
    const res = await remove(wrong.id);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().participants.map((p: { householdId: string }) => p.householdId)).toEqual([given.id]);
    expect(await audited(id)).toContain('model.participant.remove');
    const event = rowsOf<{ before: { householdId: string }; after: { reason: string } }>(
      await t.database.db.execute(sql`select before, after from audit_events
        where entity_id = ${id} and action = 'model.participant.remove'`),
    )[0]!;
    expect(event).toMatchObject({ before: { householdId: wrong.id }, after: { reason: 'Thêm nhầm hộ' } });
    expect((await remove(wrong.id)).statusCode).toBe(404);

    // The cow given through the model is the household's support: it must be cancelled first.
    const refused = await remove(given.id);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'participant_has_supports' });
    expect(refused.json().detail).toContain('1 khoản hỗ trợ qua mô hình');
    const support = (await officer.get(`/api/households/${given.id}/supports`)).json().items[0];
    await officer.post(`/api/supports/${support.id}/cancellation`, { reason: 'Ghi nhầm hộ' });
    expect((await remove(given.id)).json().participants).toEqual([]);
    // The cancelled support stays on the household's page, with its reason.
    expect((await officer.get(`/api/households/${given.id}/supports`)).json().items[0]).toMatchObject({
      cancelled: true,
      cancelReason: 'Ghi nhầm hộ',
    });
  });

  it('validates the model with Vietnamese messages naming the field', async () => {
    const cases: [Record<string, unknown>, string, string?][] = [
      [{ name: '' }, 'name', 'Không được để trống'],
      [{ kind: 'fishing' }, 'kind'],
      [{ endsOn: '2022-01-01' }, 'endsOn', 'Ngày kết thúc phải sau ngày bắt đầu'],
      [{ budget: [] }, 'budget', 'Cần ít nhất một nguồn kinh phí'],
      [{ budget: [{ sourceCode: 'xo_so', amount: 1_000 }] }, 'budget.0.sourceCode', 'Không có nguồn kinh phí "xo_so".'],
      [
        { budget: [{ sourceCode: 'local_budget', amount: 1.5 }] },
        'budget.0.amount',
        'Kinh phí phải là số nguyên (đồng)',
      ],
      [{ partnerOrganisationIds: [lead.id] }, 'partnerOrganisationIds.0'],
      [{ villageIds: [(await buildVillage(t.database.db, { communeCode: CAM_XUYEN })).id] }, 'villageIds.0'],
      [{ communeCode: '1856' }, 'communeCode', 'Mã xã/phường gồm 5 chữ số'],
    ];
    for (const [change, field, message] of cases) {
      const res = await officer.post('/api/models', model(change));
      expect(res.statusCode, `${field}: ${res.body}`).toBe(400);
      const problem = res.json().errors.find((e: { field: string }) => e.field.endsWith(field));
      expect(problem, `${field}: ${res.body}`).toBeDefined();
      if (message) expect(problem.message).toBe(message);
    }
  });

  it('keeps to the area: another commune’s officer neither sees, edits, joins nor copies into it; a viewer cannot write', async () => {
    const id = (await officer.post('/api/models', model())).json().id;
    const stranger = await signIn(t, { scopeCode: CAM_XUYEN, roles: ['officer'] });
    expect((await stranger.get(`/api/models/${id}`)).statusCode).toBe(404);
    expect((await stranger.get('/api/models?limit=500')).json().items.map((m: { id: string }) => m.id)).not.toContain(
      id,
    );
    expect((await stranger.get(`/api/models?commune=${THACH_HA}`)).json().code).toBe('out_of_scope');
    expect(
      (await stranger.put(`/api/models/${id}`, { ...model(), version: 1, communeCode: undefined })).statusCode,
    ).toBe(404);
    expect((await stranger.post('/api/models', model())).statusCode).toBe(403);
    expect(
      (
        await officer.post(`/api/models/${id}/replication`, {
          ...model(),
          name: undefined,
          kind: undefined,
          expectedResults: undefined,
          expectedIncomeIncrease: undefined,
          communeCode: CAM_XUYEN,
        })
      ).statusCode,
    ).toBe(403);
    const viewer = await signIn(t, { scopeCode: THACH_HA, roles: ['viewer'] });
    expect((await viewer.get(`/api/models/${id}`)).json().canManage).toBe(false);
    const h = await buildHousehold(t.database.db);
    expect(
      (await viewer.post(`/api/models/${id}/participants`, { householdId: h.id, joinedOn: '2023-05-01' })).statusCode,
    ).toBe(403);
  });

  it('an edit on a version someone else changed is refused with 409 stale_version and changes nothing', async () => {
    const created = (await officer.post('/api/models', model())).json();
    const { communeCode: _c, ...fields } = model();
    const edit = (version: number, actualResults: string) =>
      officer.put(`/api/models/${created.id}`, { ...fields, actualResults, actualIncomeIncrease: 12_000_000, version });
    const [a, b] = await Promise.all([edit(1, 'Kết quả A'), edit(1, 'Kết quả B')]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const loser = a.statusCode === 409 ? a : b;
    expect(loser.json().code).toBe('stale_version');
    const now = (await officer.get(`/api/models/${created.id}`)).json();
    expect(now.version).toBe(2);
    expect(now.actualResults).toBe((a.statusCode === 200 ? a : b).json().actualResults);
    expect(await audited(created.id)).toEqual(['model.create', 'model.update']);
  });
});

describe('replication', { timeout: 120_000 }, () => {
  it('a copy in another commune keeps its origin; a copy of the copy too; the family compares side by side', async () => {
    const province = await signIn(t, { scopeCode: HA_TINH, roles: ['officer'] });
    const original = (await province.post('/api/models', model())).json();
    const h = await buildHousehold(t.database.db);
    await lists(h.id, { 2023: 'poor', 2025: 'near_poor' });
    await province.post(`/api/models/${original.id}/participants`, { householdId: h.id, joinedOn: '2023-04-01' });

    const camXuyenVillage = await buildVillage(t.database.db, { communeCode: CAM_XUYEN });
    const place = {
      communeCode: CAM_XUYEN,
      villageIds: [camXuyenVillage.id],
      leadOrganisationId: lead.id,
      partnerOrganisationIds: [],
      startsOn: '2025-01-15',
      budget: [{ sourceCode: 'business', amount: 100_000_000 }],
    };
    const copy = await province.post(`/api/models/${original.id}/replication`, place);
    expect(copy.statusCode, copy.body).toBe(201);
    expect(copy.json()).toMatchObject({
      name: original.name,
      kind: 'livestock',
      communeCode: CAM_XUYEN,
      originId: original.id,
      origin: { id: original.id, name: original.name },
    });
    const second = (
      await province.post(`/api/models/${copy.json().id}/replication`, {
        ...place,
        name: 'Nuôi bò sinh sản — nhân rộng lần 2',
      })
    ).json();
    expect(second.originId).toBe(original.id);
    expect((await province.get(`/api/models/${original.id}`)).json().copies.map((c: { id: string }) => c.id)).toEqual([
      copy.json().id,
      second.id,
    ]);

    const comparison = (await province.get(`/api/models/${second.id}/comparison`)).json();
    expect(comparison.originId).toBe(original.id);
    expect(comparison.items).toHaveLength(3);
    expect(comparison.items[0]).toMatchObject({
      id: original.id,
      isOrigin: true,
      totalBudget: 360_000_000,
      budgetPerParticipant: 360_000_000,
      results: { participants: 1, escapedPoverty: 1, povertyExitRate: 1 },
    });
    expect(comparison.items[1]).toMatchObject({
      isOrigin: false,
      budgetPerParticipant: null,
      results: { participants: 0 },
    });
    expect(await audited(copy.json().id)).toEqual(['model.replicate']);
    // Thạch Hà's officer sees only its own commune's member of the family.
    expect((await officer.get(`/api/models/${original.id}/comparison`)).json().items).toHaveLength(1);
  });
});
