import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../../../../test/helpers/app';
import { buildHousehold, buildVillage, CAM_XUYEN, THACH_HA } from '../../../../test/helpers/factories';
import { assess, distributionWorkbook } from '../../../../test/helpers/support';
import { rowsOf } from '../../platform/db/database';
import { XLSX_TYPE } from '../registry-excel/schemas';

type Household = Awaited<ReturnType<typeof buildHousehold>>;

let t: TestApp;
let officer: Awaited<ReturnType<typeof signIn>>;
let poor: Household[];
let nearPoor: Household;
let notPoor: Household;
let elsewhere: Household;

const header = {
  communeCode: THACH_HA,
  kind: 'tet_gift',
  sourceCode: 'business',
  date: '2026-02-10',
  value: 500_000,
  decisionNumber: '05/QĐ-UBND',
  note: 'Quà Tết Bính Ngọ của Công ty TNHH Hồng Lĩnh',
};

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  officer = await signIn(t, { scopeCode: THACH_HA, roles: ['officer'] });
  const village = await buildVillage(db, { communeCode: THACH_HA });
  const build = (code: string) => buildHousehold(db, { villageId: village.id, code });
  poor = [await build('PH-001'), await build('PH-002'), await build('PH-003')];
  nearPoor = await build('PH-004');
  notPoor = await build('PH-005');
  elsewhere = await buildHousehold(db, { communeCode: CAM_XUYEN, code: 'CX-001' });
  for (const h of poor)
    await assess(db, h, { year: 2026, category: 'poor', deprivations: ['housing_quality', 'sanitation', 'telecom'] });
  await assess(db, nearPoor, { year: 2026, category: 'near_poor' });
  // Poor in 2025, out of poverty by the latest assessment: not chosen.
  await assess(db, notPoor, { year: 2025, category: 'poor' });
  await assess(db, notPoor, { year: 2026, category: 'not_poor' });
});
afterAll(() => t.close());

const supportCount = async () =>
  rowsOf<{ n: number }>(await t.database.db.execute(sql`select count(*)::int as n from support_records`))[0]!.n;

const row = (householdCode: string, extra: Record<string, unknown> = {}) => ({ householdCode, ...extra });
const confirm = (body: unknown, key: string) =>
  officer.request({
    method: 'POST',
    url: '/api/support-distributions',
    payload: body as object,
    headers: { 'idempotency-key': key },
  });
const uploadSheet = (file: Buffer, query: Record<string, string | number> = {}) => {
  const params = new URLSearchParams(
    Object.entries({ ...header, note: undefined, ...query }).filter(([, v]) => v !== undefined) as [string, string][],
  );
  return officer.request({
    method: 'POST',
    url: `/api/support-distributions/sheet?${params}`,
    payload: file,
    headers: { 'content-type': XLSX_TYPE },
  });
};

describe('handing out support to a list of households', () => {
  it('chooses the commune’s poor and near-poor households by their latest assessment', async () => {
    const res = await officer.post('/api/support-distributions/selection', {
      ...header,
      kind: 'relief',
      categories: ['poor', 'near_poor'],
    });
    expect(res.statusCode, res.body).toBe(200);
    const preview = res.json();
    expect(preview.rows.map((r: { householdCode: string }) => r.householdCode)).toEqual([
      'PH-001',
      'PH-002',
      'PH-003',
      'PH-004',
    ]);
    expect(preview).toMatchObject({ accepted: 4, refused: 0, totalValue: 2_000_000 });
  });

  it('previews row by row, in Vietnamese, which rows will be refused and why, writing nothing', async () => {
    const before = await supportCount();
    const res = await officer.post('/api/support-distributions/preview', {
      ...header,
      rows: [
        row('PH-001'),
        row('PH-002', { value: 700_000 }),
        row('PH-001'),
        row('CX-001'),
        row('PH-003', { member: 'Lê Văn Không' }),
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const preview = res.json();
    expect(preview).toMatchObject({ accepted: 2, refused: 3, totalValue: 1_200_000 });
    const reasons = preview.rows.map((r: { problems: { column: string; message: string }[] }) =>
      r.problems.map((p) => `${p.column}: ${p.message}`),
    );
    expect(reasons[0]).toEqual([]);
    expect(reasons[2]).toEqual(['Mã hộ: Mã hộ PH-001 đã có ở dòng 1.']);
    expect(reasons[3]).toEqual([`Mã hộ: Không có hộ mã CX-001 trong xã/phường ${THACH_HA}.`]);
    expect(reasons[4]).toEqual(['Thành viên: Hộ PH-003 không có thành viên "Lê Văn Không".']);
    expect(await supportCount()).toBe(before);
  });

  it('records every row in one step, each audited, once per Idempotency-Key; then the repeat rule refuses those households', async () => {
    const body = { ...header, rows: [row('PH-001'), row('PH-002', { value: 700_000, member: 'tran thi binh' })] };
    const res = await confirm(body, 'tet-2026-dot-1');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ households: 2, totalValue: 1_200_000, replayed: false });
    const retried = await confirm(body, 'tet-2026-dot-1');
    expect(retried.statusCode).toBe(201);
    expect(retried.json()).toMatchObject({ id: res.json().id, replayed: true });
    const list = (await officer.get(`/api/households/${poor[1]!.id}/supports`)).json();
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({
      kind: 'tet_gift',
      value: 700_000,
      memberName: 'Trần Thị Bình',
      note: header.note,
    });
    const events = rowsOf<{ action: string; n: number }>(
      await t.database.db.execute(sql`select action, count(*)::int as n from audit_events
        where action in ('support.record', 'support.distribute') and at > now() - interval '1 minute' group by action order by action`),
    );
    expect(events).toEqual([
      { action: 'support.distribute', n: 1 },
      { action: 'support.record', n: 2 },
    ]);
    // The same key for another list is refused; a second Tết gift this year is refused with the earlier date.
    expect((await confirm({ ...body, rows: [row('PH-003')] }, 'tet-2026-dot-1')).statusCode).toBe(422);
    const again = await officer.post('/api/support-distributions/preview', {
      ...header,
      date: '2026-12-20',
      rows: [row('PH-001'), row('PH-003')],
    });
    expect(again.json().rows[0].problems[0].message).toContain('ngày 10/02/2026');
    expect(again.json().rows[1].problems).toEqual([]);
  });

  it('records nothing when any row is refused at confirmation (all or nothing), listing each row', async () => {
    const before = await supportCount();
    const res = await confirm({ ...header, rows: [row('PH-004'), row('PH-001')] }, 'tet-2026-dot-2');
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'distribution_refused' });
    expect(res.json().errors).toEqual([
      expect.objectContaining({
        row: 2,
        column: 'Mã hộ',
        message: expect.stringContaining('Dòng 2: Hộ đã nhận "Quà Tết"'),
      }),
    ]);
    expect(await supportCount()).toBe(before);
    expect((await confirm({ ...header, rows: [row('PH-004')] }, 'no-key-needed')).statusCode).toBe(201);
    const noKey = await officer.post('/api/support-distributions', { ...header, rows: [row('PH-005')] });
    expect(noKey.statusCode).toBe(400);
  });

  it('reads the list from an Excel file: bad cells, duplicate codes and another commune’s households are refused by row and column', async () => {
    const file = await distributionWorkbook([
      ['PH-003', 300_000, null, 'Nhận tại nhà văn hóa'],
      ['PH-005', 'ba trăm', null, null],
      [null, 200_000, null, null],
      ['PH-003', null, null, null],
      ['CX-001', null, null, null],
    ]);
    const res = await uploadSheet(file, { kind: 'relief' });
    expect(res.statusCode, res.body).toBe(200);
    const preview = res.json();
    expect(preview).toMatchObject({ accepted: 1, refused: 4, totalValue: 300_000 });
    const byRow = Object.fromEntries(
      preview.rows.map((r: { row: number; problems: { column: string; message: string }[] }) => [
        r.row,
        r.problems.map((p) => `${p.column}: ${p.message}`),
      ]),
    );
    expect(byRow[2]).toEqual([]);
    expect(byRow[3]).toEqual(['Giá trị (đồng): Giá trị phải là số nguyên dương (đồng), đọc được "ba trăm".']);
    expect(byRow[4]).toEqual(['Mã hộ: Thiếu mã hộ.']);
    expect(byRow[5]).toEqual(['Mã hộ: Mã hộ PH-003 đã có ở dòng 2.']);
    expect(byRow[6]).toEqual([`Mã hộ: Không có hộ mã CX-001 trong xã/phường ${THACH_HA}.`]);
  });

  it.each([
    ['an empty file', async () => distributionWorkbook([]), 'không có dòng dữ liệu'],
    [
      'a file without the household code column',
      async () => distributionWorkbook([['x', 1]], ['Tên', 'Tiền']),
      'thiếu cột "Mã hộ"',
    ],
    ['a file that is not Excel', async () => Buffer.from('không phải tệp Excel'), 'Không đọc được tệp'],
  ])('refuses %s with a Vietnamese reason', async (_, make, reason) => {
    const res = await uploadSheet(await make());
    expect(res.statusCode).toBe(422);
    expect(res.json().detail).toContain(reason);
  });

  it('keeps to the area: another commune’s list or a viewer is refused', async () => {
    const other = await signIn(t, { scopeCode: CAM_XUYEN, roles: ['officer'] });
    const theirs = await other.post('/api/support-distributions/preview', { ...header, rows: [row('PH-001')] });
    expect(theirs.statusCode).toBe(403);
    const viewer = await signIn(t, { scopeCode: THACH_HA, roles: ['viewer'] });
    expect(
      (await viewer.post('/api/support-distributions/preview', { ...header, rows: [row('PH-001')] })).statusCode,
    ).toBe(403);
    expect(elsewhere.communeCode).toBe(CAM_XUYEN);
  });
});
