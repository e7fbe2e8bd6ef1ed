import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../../../../test/helpers/app';
import { buildHousehold, buildVillage, CAM_XUYEN, HA_TINH, THACH_HA } from '../../../../test/helpers/factories';
import { fundedCommuneFund } from '../../../../test/helpers/support';
import { readWorkbook } from '../../../../test/helpers/workbooks';

/**
 * A distribution read back as one thing: listed in the caller's area only, opened with who
 * received what and which fund paid, its recipients as an Excel list; a support cancelled
 * afterwards no longer counts in it.
 */
type Signed = Awaited<ReturnType<typeof signIn>>;
let t: TestApp;
let officer: Signed;
let province: Signed;
let elsewhere: Signed;
let gifts: { id: string };
let relief: { id: string };
let camXuyen: { id: string };
let fundId: string;

async function distribute(by: Signed, body: Record<string, unknown>, codes: string[]) {
  const res = await by.request({
    method: 'POST',
    url: '/api/support-distributions',
    payload: { ...body, rows: codes.map((householdCode) => ({ householdCode })) },
    headers: { 'idempotency-key': crypto.randomUUID() },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string };
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  officer = await signIn(t, { scopeCode: THACH_HA, roles: ['officer'] });
  province = await signIn(t, { scopeCode: HA_TINH, roles: ['officer'] });
  elsewhere = await signIn(t, { scopeCode: CAM_XUYEN, roles: ['officer'] });
  const village = await buildVillage(db, { communeCode: THACH_HA });
  for (const code of ['DV-001', 'DV-002', 'DV-003'])
    await buildHousehold(db, { villageId: village.id, code, headName: `Nguyễn Văn ${code.slice(-1)}` });
  await buildHousehold(db, { communeCode: CAM_XUYEN, code: 'DX-001' });
  fundId = await fundedCommuneFund(db, officer, 2_000_000, '2026-01-05');
  gifts = await distribute(
    officer,
    {
      communeCode: THACH_HA,
      kind: 'tet_gift',
      sourceCode: 'fund',
      fundId,
      date: '2026-02-05',
      value: 500_000,
      decisionNumber: '07/QĐ-MTTQ',
    },
    ['DV-001', 'DV-002', 'DV-003'],
  );
  relief = await distribute(
    officer,
    { communeCode: THACH_HA, kind: 'relief', sourceCode: 'business', date: '2025-10-20', value: 1_000_000 },
    ['DV-001', 'DV-002'],
  );
  camXuyen = await distribute(
    elsewhere,
    { communeCode: CAM_XUYEN, kind: 'tet_gift', sourceCode: 'business', date: '2026-02-01', value: 300_000 },
    ['DX-001'],
  );
});
afterAll(() => t.close());

const ids = (res: { json(): { items: { id: string }[] } }) => res.json().items.map((d) => d.id);

describe('distributions as users see them', () => {
  it('lists a commune’s distributions newest first, titled; the province sees every commune; filters by commune, year, kind', async () => {
    const mine = await officer.get('/api/support-distributions');
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json()).toMatchObject({
      total: 2,
      items: [
        {
          id: gifts.id,
          communeCode: THACH_HA,
          kind: 'tet_gift',
          households: 3,
          totalValue: 1_500_000,
          cancelled: 0,
          fundId,
          title: 'Quà Tết 2026 — 3 hộ, 1.500.000 đ',
        },
        { id: relief.id, kind: 'relief', households: 2, totalValue: 2_000_000, fundId: null },
      ],
    });
    expect(mine.json().items[0].communeName).not.toBe(THACH_HA);
    expect(ids(await province.get('/api/support-distributions'))).toEqual([gifts.id, camXuyen.id, relief.id]);
    expect(ids(await province.get(`/api/support-distributions?commune=${CAM_XUYEN}`))).toEqual([camXuyen.id]);
    expect(ids(await province.get('/api/support-distributions?year=2025'))).toEqual([relief.id]);
    // The decision number typed without accents or in lower case.
    expect(ids(await province.get(`/api/support-distributions?q=${encodeURIComponent('07/qd')}`))).toEqual([gifts.id]);
    expect(ids(await province.get('/api/support-distributions?kind=tet_gift&sort=totalValue&order=asc'))).toEqual([
      camXuyen.id,
      gifts.id,
    ]);
    const page = (await province.get('/api/support-distributions?limit=1&offset=1')).json();
    expect(page).toMatchObject({ total: 3, items: [{ id: camXuyen.id }] });
    // Asking for another commune's distributions is refused, not answered with an empty list.
    const theirs = await officer.get(`/api/support-distributions?commune=${CAM_XUYEN}`);
    expect(theirs.statusCode).toBe(403);
    expect(theirs.json().code).toBe('out_of_scope');
  });

  it('refuses a bad filter with the field named', async () => {
    for (const [query, field] of [
      ['commune=123', 'commune'],
      ['year=abc', 'year'],
      ['kind=banh_chung', 'kind'],
      ['commune=99999', 'commune'],
    ]) {
      const res = await officer.get(`/api/support-distributions?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().errors[0].field).toContain(field);
    }
  });

  it('opens one with its fund and every household; a cancelled support is marked and no longer counted', async () => {
    const before = (await officer.get(`/api/support-distributions/${gifts.id}`)).json();
    expect(before).toMatchObject({
      date: '2026-02-05',
      sourceCode: 'fund',
      decisionNumber: '07/QĐ-MTTQ',
      fundName: `Quỹ "Vì người nghèo" ${THACH_HA}`,
      campaignName: null,
      households: 3,
      totalValue: 1_500_000,
    });
    expect(before.recipients.map((r: { householdCode: string }) => r.householdCode)).toEqual([
      'DV-001',
      'DV-002',
      'DV-003',
    ]);
    expect(before.recipients[0]).toMatchObject({ headName: 'Nguyễn Văn 1', value: 500_000, cancelled: false });

    const cancel = await officer.post(`/api/supports/${before.recipients[1].supportId}/cancellation`, {
      reason: 'Hộ đã nhận quà của doanh nghiệp',
    });
    expect(cancel.statusCode, cancel.body).toBe(200);
    const after = (await officer.get(`/api/support-distributions/${gifts.id}`)).json();
    expect(after).toMatchObject({ households: 2, totalValue: 1_000_000, cancelled: 1 });
    expect(after.title).toBe('Quà Tết 2026 — 2 hộ, 1.000.000 đ');
    expect(after.recipients[1]).toMatchObject({ householdCode: 'DV-002', cancelled: true });
  });

  it('exports its recipients to Excel headed in Vietnamese', async () => {
    const res = await officer.get(`/api/support-distributions/${relief.id}/export`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''Danh%20s%C3%A1ch%20nh%E1%BA%ADn");
    const rows = Object.values(await readWorkbook(res.rawPayload))[0]!;
    expect(rows[0]).toEqual(['Danh sách hộ nhận: Cứu trợ đột xuất 2025 — 2 hộ, 2.000.000 đ']);
    expect(rows[1]![0]).toMatch(/^Xã\/phường: .+\. Ngày phát: 20\/10\/2025\.$/u);
    expect(rows[2]).toEqual(['Nguồn: Doanh nghiệp, nhà tài trợ. Quyết định: không ghi.']);
    expect(rows[3]).toEqual(['STT', 'Mã hộ', 'Chủ hộ', 'Người nhận', 'Giá trị (đồng)', 'Ghi chú', 'Tình trạng']);
    expect(rows.slice(4)).toEqual([
      [1, 'DV-001', 'Nguyễn Văn 1', 'Nguyễn Văn 1', 1_000_000, undefined, 'Đã nhận'],
      [2, 'DV-002', 'Nguyễn Văn 2', 'Nguyễn Văn 2', 1_000_000, undefined, 'Đã nhận'],
    ]);
  });

  it('does not open or export another commune’s distribution, nor an unknown one', async () => {
    for (const url of [
      `/api/support-distributions/${camXuyen.id}`,
      `/api/support-distributions/${camXuyen.id}/export`,
      `/api/support-distributions/${crypto.randomUUID()}`,
    ]) {
      const res = await officer.get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.json().code).toBe('not_found');
    }
    expect((await officer.get('/api/support-distributions/not-a-uuid')).statusCode).toBe(400);
  });
});
