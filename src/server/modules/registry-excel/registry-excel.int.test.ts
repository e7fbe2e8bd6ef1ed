import { sql } from 'drizzle-orm';
import ExcelJS from './exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../platform/db/database';
import { createTestApp, signIn, type Session, type TestApp } from '../../../../test/helpers/app';
import { buildVillage, CAM_XUYEN, THACH_HA } from '../../../../test/helpers/factories';
import { nationalWorkbook, templateWorkbook } from '../../../../test/helpers/workbooks';
import { allHouseholdPages, keysFrom } from '../households/service';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { worksheets } from './reader';
import { XLSX_TYPE } from './schemas';

let t: TestApp;
let officer: Awaited<ReturnType<typeof signIn>>;

beforeAll(async () => {
  t = await createTestApp();
  officer = await signIn(t);
  await buildVillage(t.database.db, { name: 'Thôn Đông Hà' });
});
afterAll(() => t.close());

const household = (code: string, extra: Record<string, unknown> = {}) => ({
  communeCode: THACH_HA,
  code,
  village: 'thon dong ha',
  address: 'Xóm 1, thôn Đông Hà',
  area: 'Nông thôn',
  ethnicMinority: 'Không',
  policyFlags: 'Gia đình người có công; Phụ nữ làm chủ hộ',
  walls: 'Bền chắc',
  floorArea: '42,5',
  cleanWater: 'Có',
  devices: 'Ti vi; Điện thoại',
  ...extra,
});
const member = (code: string, extra: Record<string, unknown> = {}) => ({
  householdCode: code,
  fullName: 'Nguyễn Văn An',
  dateOfBirth: '02/03/1985',
  sex: 'Nam',
  relation: 'Chủ hộ',
  ...extra,
});

const post = (s: Session, url: string, file: Buffer) =>
  s.request({ method: 'POST', url, payload: file, headers: { 'content-type': XLSX_TYPE } });

async function count(table: string) {
  return rowsOf<{ n: number }>(await t.database.db.execute(sql`select count(*)::int as n from ${sql.raw(table)}`))[0]!
    .n;
}

/** The import computes keys in SQL: they must be what the households service computes. */
async function expectKeysAsTheService(codes: string[]) {
  const rows = rowsOf<{
    code: string;
    address: string;
    head_name: string;
    sort_key: string;
    search_key: string;
    search_words: string[];
    persons: number;
    head_ethnicity: string | null;
    members: { fullName: string; citizenId: string | null; relation: string; ethnicity: string | null }[];
  }>(
    await t.database.db.execute(sql`
      select h.code, h.address, h.head_name, h.sort_key, h.search_key, h.search_words, h.persons, h.head_ethnicity,
        (select json_agg(json_build_object('fullName', m.full_name, 'citizenId', m.citizen_id, 'relation', m.relation,
                                           'ethnicity', m.ethnicity)
                         order by m.position)
         from household_members m where m.household_id = h.id and m.left_at is null) as members
      from households h where h.commune_code = ${THACH_HA} and h.code in ${codes}`),
  );
  expect(rows).toHaveLength(codes.length);
  for (const row of rows) {
    const keys = keysFrom(row.code, row.address, row.members);
    expect([row.head_name, row.sort_key, row.search_key, row.search_words], row.code).toEqual([
      keys.headName,
      keys.sortKey,
      keys.searchKey,
      keys.searchWords,
    ]);
    // The roll-up's figures kept on the household: its current members and its head's ethnicity.
    expect([row.persons, row.head_ethnicity], row.code).toEqual([
      row.members.length,
      row.members.find((m) => m.relation === 'head')?.ethnicity ?? null,
    ]);
  }
}

describe('POST /api/households/import', () => {
  it('creates households and members, then updates them when the same file comes again', async () => {
    const file = await templateWorkbook({
      households: [household('IMP-1'), household('IMP-2')],
      members: [
        member('IMP-1', { citizenId: '042085000123' }),
        member('IMP-1', { fullName: 'Trần Thị Bình', sex: 'Nữ', relation: 'Vợ/chồng', dateOfBirth: '1987-05-20' }),
        member('IMP-2', { fullName: 'Lê Văn Cường' }),
      ],
    });
    const res = await post(officer, `/api/households/import?commune=${THACH_HA}`, file);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      households: { created: 2, updated: 0 },
      members: { created: 3, updated: 0 },
    });
    const again = await post(officer, `/api/households/import?commune=${THACH_HA}`, file);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({
      households: { created: 0, updated: 2 },
      members: { created: 0, updated: 3 },
    });
    const list = (await officer.get(`/api/households?commune=${THACH_HA}&q=IMP-1`)).json();
    expect(list.items[0]).toMatchObject({ code: 'IMP-1', headName: 'Nguyễn Văn An', memberCount: 2 });
    await expectKeysAsTheService(['IMP-1', 'IMP-2']);
  });

  it('keeps backslashes, quotes and Vietnamese text exactly as the file has them (COPY on PostgreSQL)', async () => {
    const address = 'Số 5\\7 "Đông Hà", ngõ \\N';
    const file = await templateWorkbook({
      households: [household('ODD-1', { address })],
      members: [member('ODD-1', { fullName: 'Phạm Thị "Út" Hằng' })],
    });
    const res = await post(officer, `/api/households/import?commune=${THACH_HA}`, file);
    expect(res.statusCode, res.body).toBe(200);
    const [found] = (await officer.get(`/api/households?commune=${THACH_HA}&q=ODD-1`)).json().items;
    const detail = (await officer.get(`/api/households/${found.id}`)).json();
    expect(detail.address).toBe(address);
    expect(detail.policyFlags).toEqual(['merit_family', 'woman_headed']);
    expect(detail.members[0].fullName).toBe('Phạm Thị "Út" Hằng');
    await expectKeysAsTheService(['ODD-1']);
  });

  it('records a created household by its code, row and import; its first change keeps what it held as before', async () => {
    const file = await templateWorkbook({
      households: [household('AUD-1')],
      members: [member('AUD-1', { citizenId: '042085000777' })],
    });
    const imported = await post(officer, `/api/households/import?commune=${THACH_HA}`, file);
    expect(imported.statusCode, imported.body).toBe(200);
    const [found] = (await officer.get(`/api/households?commune=${THACH_HA}&q=AUD-1`)).json().items;
    const [importEvent] = rowsOf<{ entity_id: string; after: { sha256: string } }>(
      await t.database.db.execute(sql`select entity_id, after from audit_events
        where action = 'household.import' order by id desc limit 1`),
    );
    expect(importEvent!.after.sha256).toBe(imported.json().sha256);
    await officer.patch(`/api/households/${found.id}`, { phone: '0912345678', version: 1 });
    const history = (await officer.get(`/api/households/${found.id}/history`)).json();
    expect(history.items.map((e: { action: string }) => e.action)).toEqual([
      'household.update',
      'household.import_create',
    ]);
    expect(history.items[1].after).toEqual({ code: 'AUD-1', row: 2, importId: importEvent!.entity_id });
    expect(history.items[0].before).toMatchObject({ code: 'AUD-1', phone: null, address: 'Xóm 1, thôn Đông Hà' });
    expect(JSON.stringify(history.items[0].before)).toContain('042085000777');
  });
});

describe('an upload over a real connection', () => {
  it('is read from the socket as the browser sends it (the request stream is not walked as JSON input)', async () => {
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const file = await templateWorkbook({ households: [household('NET-1')], members: [member('NET-1')] });
    const res = await fetch(`${address}/api/households/import?commune=${THACH_HA}&dryRun=true`, {
      method: 'POST',
      headers: { cookie: officer.cookie, 'x-csrf-token': officer.csrfToken, 'content-type': XLSX_TYPE },
      body: new Uint8Array(file),
    });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await res.json()).toMatchObject({ dryRun: true, households: { created: 1 } });
  });
});

describe('re-importing a household', () => {
  it('keeps members the file leaves out, demotes a head it no longer names, and recomputes the keys', async () => {
    const first = await templateWorkbook({
      households: [household('KEEP-1')],
      members: [
        member('KEEP-1', { citizenId: '042085000555' }),
        member('KEEP-1', { fullName: 'Đỗ Thị Hạnh', sex: 'Nữ', relation: 'Vợ/chồng', dateOfBirth: '04/05/1988' }),
      ],
    });
    expect((await post(officer, IMPORT, first)).statusCode).toBe(200);
    const second = await templateWorkbook({
      households: [household('KEEP-1')],
      members: [
        member('KEEP-1', { fullName: 'Đỗ Thị Hạnh', sex: 'Nữ', relation: 'Chủ hộ', dateOfBirth: '04/05/1988' }),
        member('KEEP-1', { fullName: 'Nguyễn Minh Khôi', relation: 'Con', dateOfBirth: '01/01/2015' }),
      ],
    });
    const res = await post(officer, IMPORT, second);
    expect(res.json()).toMatchObject({ households: { updated: 1 }, members: { created: 1, updated: 1 } });
    const { items } = (await officer.get(`/api/households?commune=${THACH_HA}&q=KEEP-1`)).json();
    expect(items[0]).toMatchObject({ headName: 'Đỗ Thị Hạnh', memberCount: 3 });
    const detail = (await officer.get(`/api/households/${items[0].id}`)).json();
    expect(detail.members.map((m: { fullName: string; relation: string }) => [m.fullName, m.relation])).toEqual([
      ['Nguyễn Văn An', 'other'],
      ['Đỗ Thị Hạnh', 'head'],
      ['Nguyễn Minh Khôi', 'child'],
    ]);
    expect((await officer.get(`/api/households?commune=${THACH_HA}&q=minh khoi`)).json().items[0]?.code).toBe('KEEP-1');
    await expectKeysAsTheService(['KEEP-1']);
  });
});

const IMPORT = `/api/households/import?commune=${THACH_HA}`;
type Problem = { sheet: string | null; row: number | null; column: string | null; message: string };

/** The problems of a refused file, and proof that nothing was written. */
async function refused(file: Buffer, status = 422) {
  const before = [await count('households'), await count('household_members'), await count('audit_events')];
  const res = await post(officer, IMPORT, file);
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toContain('application/problem+json');
  expect([await count('households'), await count('household_members'), await count('audit_events')]).toEqual(before);
  return res.json() as { code: string; detail: string; errors: Problem[] };
}
const at = (errors: Problem[], sheet: string, row: number, column: string) =>
  errors.find((e) => e.sheet === sheet && e.row === row && e.column === column);

describe('a file with problems is refused whole, every problem located', () => {
  it('names each bad cell by sheet, row and column in Vietnamese', async () => {
    const file = await templateWorkbook({
      households: [
        household('ERR-1'),
        household('ERR-1'), // row 3: repeated code
        household('ERR-3', { area: 'Miền núi' }), // unknown label
        household('ERR-4', { floorArea: 'bốn mươi' }), // not a number
        household('ERR-5', { village: 'Thôn Không Có' }), // not a village of the commune
        household('ERR-6', { communeCode: CAM_XUYEN }), // another commune
        household('ERR-7', { address: '' }), // required
        household('ERR-8', { floorArea: '-5' }), // negative
        household('ERR-9'), // no head
      ],
      members: [
        member('ERR-1', { citizenId: '042085000123' }),
        member('ERR-1', { fullName: 'Con', relation: 'Chủ hộ', dateOfBirth: '01/01/2010' }), // row 3: second head
        member('ERR-3', { dateOfBirth: '31/02/1990' }), // impossible date
        member('ERR-4', { dateOfBirth: '01/01/2999' }), // future
        member('ERR-5', { citizenId: '042185000123' }), // ID says female
        member('ERR-6', { citizenId: '042085000123' }), // repeated ID
        member('KHONG-CO'), // unknown household
        member('ERR-7', { dateOfBirth: 'hôm qua' }), // not a date
      ],
    });
    const { code, errors } = await refused(file);
    expect(code).toBe('import_invalid');
    expect(at(errors, 'Hộ', 3, 'Mã hộ')?.message).toMatch(/bị lặp.*dòng 2/u);
    expect(at(errors, 'Hộ', 4, 'Khu vực')?.message).toMatch(/không có trong danh mục/u);
    expect(at(errors, 'Hộ', 5, 'Diện tích nhà ở (m²)')?.message).toMatch(/không phải là số/u);
    expect(at(errors, 'Hộ', 6, 'Thôn/tổ dân phố')?.message).toMatch(/không có trong/u);
    expect(at(errors, 'Hộ', 7, 'Mã xã')?.message).toMatch(/khác xã đang nhập/u);
    expect(at(errors, 'Hộ', 8, 'Địa chỉ')?.message).toMatch(/để trống/u);
    expect(at(errors, 'Hộ', 9, 'Diện tích nhà ở (m²)')?.message).toMatch(/âm/u);
    expect(at(errors, 'Hộ', 10, 'Mã hộ')?.message).toMatch(/chưa có chủ hộ/u);
    expect(at(errors, 'Nhân khẩu', 3, 'Quan hệ với chủ hộ')?.message).toMatch(/hai chủ hộ/u);
    expect(at(errors, 'Nhân khẩu', 4, 'Ngày sinh')?.message).toMatch(/không tồn tại/u);
    expect(at(errors, 'Nhân khẩu', 5, 'Ngày sinh')?.message).toMatch(/tương lai/u);
    expect(at(errors, 'Nhân khẩu', 6, 'Số định danh cá nhân')?.message).toMatch(/giới tính/u);
    expect(at(errors, 'Nhân khẩu', 7, 'Số định danh cá nhân')?.message).toMatch(/bị lặp/u);
    expect(at(errors, 'Nhân khẩu', 8, 'Mã hộ')?.message).toMatch(/không có ở sheet/u);
    expect(at(errors, 'Nhân khẩu', 9, 'Ngày sinh')?.message).toMatch(/không phải ngày/u);
  });

  it('an empty body, a file that is not xlsx, a workbook without households or a sheet', async () => {
    expect((await refused(Buffer.alloc(0))).errors[0]!.message).toMatch(/trống/u);
    expect((await refused(Buffer.from('Họ và tên,Ngày sinh\nAn,1/1/1990'))).errors[0]!.message).toMatch(
      /không phải tệp Excel/u,
    );
    const truncated = (await templateWorkbook({ households: [household('T-1')], members: [member('T-1')] })).subarray(
      0,
      300,
    );
    expect((await refused(truncated)).errors[0]!.message).toMatch(/hỏng|không phải/u);
    expect((await refused(await templateWorkbook({ households: [], members: [] }))).errors[0]!.message).toMatch(
      /không có hộ nào/u,
    );
    const noMembers = await refused(await templateWorkbook({ households: [household('T-2')] }));
    expect(noMembers.errors.map((e) => e.message)).toContain('Thiếu sheet "Nhân khẩu".');
  });

  it('a missing required column is named', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Hộ').addRow(['Mã xã', 'Mã hộ', 'Địa chỉ', 'Khu vực']);
    workbook.addWorksheet('Nhân khẩu').addRow(['Mã hộ', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Quan hệ với chủ hộ']);
    const { errors } = await refused(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(errors).toContainEqual(expect.objectContaining({ sheet: 'Hộ', row: 1, column: 'Thôn/tổ dân phố' }));
  });

  it('a file above the limit is refused with 413 before it is read', async () => {
    const res = await officer.request({
      method: 'POST',
      url: IMPORT,
      payload: Buffer.alloc(16),
      headers: { 'content-type': XLSX_TYPE, 'content-length': String(200 * 1024 * 1024) },
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().detail).toMatch(/quá lớn/u);
  });
});

/** The dwelling fields an assessment needs besides those `household()` fills. */
const FULL_DWELLING = {
  frame: 'Bền chắc',
  roof: 'Bền chắc',
  hygienicLatrine: 'Không',
  telecomSubscription: 'Có',
  hearsLoudspeaker: 'Có',
};

describe('tolerance of hand-made files', () => {
  it('reads text dates, thousands separators, merged titles, spaces, case and accents, trailing empty rows', async () => {
    const file = await templateWorkbook({
      title: 'DANH SÁCH HỘ GIA ĐÌNH — XÃ THẠCH HÀ',
      households: [
        household('TOL-1', {
          area: '  nong THON ',
          floorArea: '1.234,5',
          walls: 'ben chac',
          cleanWater: 'x',
          ...FULL_DWELLING,
        }),
        household('TOL-2', { area: 'urban', floorArea: 30, ...FULL_DWELLING }),
        {},
        {},
      ],
      members: [
        member('TOL-1', { dateOfBirth: '2/3/1985', sex: ' nam ', relation: 'chu ho' }),
        member('TOL-2', { dateOfBirth: new Date(Date.UTC(1990, 0, 15)), citizenId: 42090000321 }),
        {},
      ],
      assessments: [
        { householdCode: 'TOL-1', year: 2026, surveyDate: '2025-10-01', incomePerCapitaMonthly: '1.500.000' },
        { householdCode: 'TOL-2', year: 2026, surveyDate: '01/10/2025', incomePerCapitaMonthly: '1 500 000' },
      ],
    });
    const res = await post(officer, `${IMPORT}&dryRun=true`, file);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ dryRun: true, households: { created: 2 }, members: { created: 2 } });
    expect((await officer.get(`/api/households?commune=${THACH_HA}&q=TOL-1`)).json().total).toBe(0);
  });
});

describe('the assessments sheet', () => {
  const assessed = (code: string) => household(code, FULL_DWELLING);
  const survey = (code: string, extra: Record<string, unknown> = {}) => ({
    householdCode: code,
    year: 2026,
    surveyDate: '15/10/2025',
    incomePerCapitaMonthly: '1.500.000',
    ...extra,
  });

  it('creates the year result with indicators derived from the imported household, and replaces it on re-import', async () => {
    const file = await templateWorkbook({
      households: [assessed('ASM-1')],
      members: [member('ASM-1', { citizenId: '042085000901' })],
      assessments: [
        survey('ASM-1', { causes: 'Thiếu vốn sản xuất, kinh doanh' }),
        {
          householdCode: 'ASM-1',
          year: 2026,
          overrideIndicator: 'health_insurance',
          overrideDeprived: 'Có',
          overrideReason: 'Thẻ BHYT hết hạn 9/2025',
        },
      ],
    });
    const res = await post(officer, IMPORT, file);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().assessments).toEqual({ created: 1, updated: 0 });
    const id = (await officer.get(`/api/households?commune=${THACH_HA}&q=ASM-1`)).json().items[0].id;
    const { items } = (await officer.get(`/api/households/${id}/assessments`)).json();
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ year: 2026, source: 'survey', surveyDate: '2025-10-15', causes: ['no_capital'] });
    const find = (key: string) => items[0].indicators.find((i: { indicator: string }) => i.indicator === key);
    expect(find('sanitation')).toMatchObject({ deprived: true, derived: { deprived: true } });
    expect(find('health_insurance')).toMatchObject({ deprived: true, override: { deprived: true } });
    const audits = await count('audit_events');
    const again = await post(officer, IMPORT, file);
    expect(again.json().assessments).toEqual({ created: 0, updated: 1 });
    expect(await count('audit_events')).toBeGreaterThan(audits);
    expect((await officer.get(`/api/households/${id}/assessments`)).json().items).toHaveLength(1);
  });

  it('a bad assessment row is located at its row and column, and nothing is written', async () => {
    const unreadable = await templateWorkbook({
      households: [assessed('BAD-A1'), assessed('BAD-A2')],
      members: [member('BAD-A1'), member('BAD-A2')],
      assessments: [
        survey('BAD-A1'),
        {
          householdCode: 'BAD-A1',
          year: 2026,
          overrideIndicator: 'Chỉ tiêu không có',
          overrideDeprived: 'Có',
          overrideReason: 'x',
        },
        survey('BAD-A2'),
        { householdCode: 'BAD-A2', year: 2026, overrideIndicator: 'health_insurance', overrideDeprived: 'Có' },
      ],
    });
    const read = (await refused(unreadable)).errors;
    expect(read).toHaveLength(2);
    expect(at(read, 'Đánh giá', 3, 'Chỉ tiêu điều chỉnh')?.message).toMatch(/không có trong danh mục/u);
    expect(at(read, 'Đánh giá', 5, 'Lý do điều chỉnh')?.message).toMatch(/lý do/iu);

    // Results are checked by the assessments module once the file reads cleanly.
    const national = await nationalWorkbook([
      {
        headName: 'Trương Văn Quyết',
        fullName: 'Trương Văn Quyết',
        relation: 'Chủ hộ',
        dateOfBirth: '03/03/1975',
        sex: 'Nam',
        communeCode: THACH_HA,
        communeName: 'Xã Thạch Hà',
        village: 'Thôn Đông Hà',
        category: 'Hộ nghèo',
        decisionNumber: '45/QĐ-UBND',
        decisionDate: '20/12/2025',
      },
    ]);
    expect((await post(officer, IMPORT, national)).statusCode).toBe(200);
    const decided = (await officer.get(`/api/households?commune=${THACH_HA}&q=truong van quyet`)).json().items[0];
    const refusedByRules = await templateWorkbook({
      households: [assessed('BAD-A3'), assessed(decided.code), household('BAD-A4')],
      members: [
        member('BAD-A3'),
        member(decided.code, { fullName: 'Trương Văn Quyết', dateOfBirth: '03/03/1975' }),
        member('BAD-A4'),
      ],
      assessments: [
        survey('BAD-A3', { surveyDate: '01/03/2023' }),
        survey(decided.code),
        survey('BAD-A4'), // the household's dwelling is not fully recorded
      ],
    });
    const ruled = (await refused(refusedByRules)).errors;
    expect(at(ruled, 'Đánh giá', 2, 'Ngày khảo sát')?.message).toMatch(/từ 01\/09\/2025 đến 31\/12\/2026/u);
    expect(at(ruled, 'Đánh giá', 3, 'Năm')?.message).toMatch(/45\/QĐ-UBND/u);
    expect(at(ruled, 'Đánh giá', 4, 'Mã hộ')?.message).toMatch(/sheet "Hộ"/u);
    expect((await officer.get(`/api/households?commune=${THACH_HA}&q=BAD-A`)).json().total).toBe(0);
    expect((await officer.get(`/api/households/${decided.id}/assessments`)).json().items[0]).toMatchObject({
      source: 'import',
      category: 'poor',
    });
  });
});

describe('the sheet reader', () => {
  it('reads the same rows however the upload is cut into chunks', async () => {
    const made = await templateWorkbook({
      title: 'DANH SÁCH — XÃ THẠCH HÀ',
      households: [household('CHUNK-1', { address: 'Xóm 1 & 2 <Đông>' }), {}, {}],
      members: [member('CHUNK-1', { dateOfBirth: new Date(Date.UTC(1990, 0, 15)), citizenId: 42090000321 }), {}],
    });
    const saved = fs.readFileSync(path.join(__dirname, '../../../../test/fixtures/excel/template-libreoffice.xlsx'));
    for (const file of [made, saved]) {
      const read = async (size: number) => {
        const parts: Buffer[] = [];
        for (let at = 0; at < file.length; at += size) parts.push(file.subarray(at, at + size));
        const rows: string[] = [];
        for await (const sheet of worksheets(Readable.from(parts)))
          for await (const row of sheet.rows) rows.push(`${sheet.name}!${row.number} ${JSON.stringify(row.values)}`);
        return rows;
      };
      const whole = await read(file.length);
      expect(whole.join('\n')).toContain(file === made ? 'Xóm 1 & 2 <Đông>' : 'Nguyễn Văn Lộc');
      for (const size of [1, 7, 61, 4096]) expect(await read(size)).toEqual(whole);
    }
  });
});

describe('who may import', () => {
  it('a viewer cannot; an officer of another commune cannot, and nothing is written', async () => {
    const file = await templateWorkbook({ households: [household('ACC-1')], members: [member('ACC-1')] });
    const viewer = await signIn(t, { roles: ['viewer'] });
    const other = await signIn(t, { scopeCode: CAM_XUYEN });
    const before = await count('households');
    expect((await post(viewer, IMPORT, file)).statusCode).toBe(403);
    expect((await post(other, IMPORT, file)).statusCode).toBe(403);
    expect(await count('households')).toBe(before);
  });
});

describe('template, export and annotated file', () => {
  it('the template has the instruction, data and list sheets with drop-downs', async () => {
    const res = await officer.get(`/api/households/import-template?commune=${THACH_HA}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain(XLSX_TYPE);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Hướng dẫn', 'Hộ', 'Nhân khẩu', 'Đánh giá', 'Danh mục']);
    const households = workbook.getWorksheet('Hộ')!;
    expect(households.getRow(1).getCell(5).value).toBe('Khu vực');
    const validations = (households as unknown as { dataValidations: { model: Record<string, { type: string }> } })
      .dataValidations.model;
    expect(Object.values(validations).some((v) => v.type === 'list')).toBe(true);
    const lists = workbook.getWorksheet('Danh mục')!;
    const values = lists.getSheetValues().flat().map(String);
    expect(values).toContain('Nông thôn');
    expect(values).toContain('Thôn Đông Hà');
    // Another commune's villages are not the officer's to read.
    expect((await officer.get(`/api/households/import-template?commune=${CAM_XUYEN}`)).statusCode).toBe(403);
  });

  it('an export re-imports as updates, not duplicates', async () => {
    const file = await templateWorkbook({
      households: [household('EXP-1'), household('EXP-2', { area: 'Thành thị' })],
      members: [member('EXP-1', { citizenId: '042085000777' }), member('EXP-2', { fullName: 'Hồ Thị Em', sex: 'Nữ' })],
    });
    expect((await post(officer, IMPORT, file)).statusCode).toBe(200);
    const exported = await officer.get(`/api/households/export?commune=${THACH_HA}&q=EXP`);
    expect(exported.statusCode).toBe(200);
    const households = await count('households');
    const again = await post(officer, IMPORT, exported.rawPayload);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ households: { created: 0, updated: 2 }, members: { created: 0, updated: 2 } });
    expect(await count('households')).toBe(households);

    const viewer = await signIn(t, { roles: ['viewer'] });
    const masked = await viewer.get(`/api/households/export?commune=${THACH_HA}&q=EXP`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(masked.rawPayload as unknown as ArrayBuffer);
    const ids = workbook.getWorksheet('Nhân khẩu')!.getColumn(5).values.map(String);
    expect(ids).toContain('********0777');
    expect(ids).not.toContain('042085000777');
  });

  it('the export walks the list by keyset: every household once, in the list order', async () => {
    const codes = Array.from({ length: 25 }, (_, i) => `PAGE-${String(i).padStart(2, '0')}`);
    const file = await templateWorkbook({
      households: codes.map((c) => household(c)),
      members: codes.map((c, i) => member(c, { fullName: `Phạm Văn ${String.fromCharCode(65 + (i % 7))}` })),
    });
    expect((await post(officer, IMPORT, file)).statusCode).toBe(200);
    for (const [sort, order] of [
      ['code', 'asc'],
      ['head', 'asc'],
      ['createdAt', 'desc'],
    ] as const) {
      const query = { commune: THACH_HA, q: 'PAGE', sort, order, includeArchived: false } as const;
      const whole = (
        await officer.get(`/api/households?commune=${THACH_HA}&q=PAGE&sort=${sort}&order=${order}&limit=100`)
      )
        .json()
        .items.map((h: { code: string }) => h.code);
      const walked: string[] = [];
      for await (const page of allHouseholdPages(t.database.db, officer.actor, {
        ...query,
        limit: 10,
        offset: 0,
      }))
        walked.push(...page.items.map((h) => h.code));
      expect(walked).toEqual(whole);
      expect(new Set(walked).size).toBe(25);
    }
  });

  it('an export outside the scope is refused', async () => {
    expect((await officer.get(`/api/households/export?commune=${CAM_XUYEN}`)).statusCode).toBe(403);
  });

  it('the annotated file marks each problem cell and lists them first', async () => {
    const file = await templateWorkbook({
      households: [household('ANN-1', { area: 'Miền núi' })],
      members: [member('ANN-1')],
    });
    const res = await post(officer, `/api/households/import/annotated?commune=${THACH_HA}`, file);
    expect(res.statusCode, res.body).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]!.name).toBe('Lỗi');
    expect(workbook.worksheets[0]!.getRow(2).values).toEqual(expect.arrayContaining(['Hộ', 2, 'Khu vực', 'E2']));
    const cell = workbook.getWorksheet('Hộ')!.getCell('E2');
    expect(String(cell.note)).toMatch(/không có trong danh mục/u);
    expect((cell.fill as { fgColor?: { argb?: string } }).fgColor?.argb).toBe('FFFF9999');
  });
});

describe('the national software list', () => {
  it('brings in households, members and the category; the same list again updates', async () => {
    await buildVillage(t.database.db, { name: 'Thôn Bắc Sơn' });
    const rows = [
      ['Phan Văn Hùng', 'Phan Văn Hùng', 'Chủ hộ', '12/04/1970', 'Nam', '042070001234'],
      ['Phan Văn Hùng', 'Lê Thị Lan', 'Vợ/chồng', '05/06/1972', 'Nữ', ''],
      ['Phan Văn Hùng', 'Phan Minh Tâm', 'Con', '01/09/2005', 'Nam', ''],
      ['Đinh Thị Hoa', 'Đinh Thị Hoa', 'Chủ hộ', '1960-01-20', 'Nữ', ''],
    ].map(([headName, fullName, relation, dateOfBirth, sex, citizenId]) => ({
      headName: headName!,
      fullName: fullName!,
      relation: relation!,
      dateOfBirth: dateOfBirth!,
      sex: sex!,
      citizenId: citizenId || undefined,
      communeCode: THACH_HA,
      communeName: 'Xã Thạch Hà',
      village: 'Thôn Bắc Sơn',
      category: headName === 'Đinh Thị Hoa' ? 'Hộ cận nghèo' : 'Hộ nghèo',
      decisionNumber: '123/QĐ-UBND',
      decisionDate: '15/12/2025',
      b1: 120,
      b2: 30,
      meritFamily: headName === 'Đinh Thị Hoa',
      causes: 'Thiếu vốn sản xuất, kinh doanh',
    }));
    const file = await nationalWorkbook(rows);
    const res = await post(officer, IMPORT, file);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ layout: 'national', households: { created: 2 }, members: { created: 4 } });
    const again = await post(officer, IMPORT, file);
    expect(again.json()).toMatchObject({ households: { created: 0, updated: 2 }, members: { updated: 4 } });
    expect(res.json().assessments).toEqual({ created: 2, updated: 0 });
    expect(again.json().assessments).toEqual({ created: 0, updated: 2 });
    const found = (await officer.get(`/api/households?commune=${THACH_HA}&q=dinh thi hoa`)).json();
    expect(found.items[0]).toMatchObject({ headName: 'Đinh Thị Hoa', policyFlags: ['merit_family'] });
    expect(found.items[0].code).toMatch(/^QG-[0-9A-F]{12}$/u);
    const { items } = (await officer.get(`/api/households/${found.items[0].id}/assessments`)).json();
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      year: 2026,
      source: 'import',
      category: 'near_poor',
      decisionNumber: '123/QĐ-UBND',
      decisionDate: '2025-12-15',
      causes: ['no_capital'],
    });
  });

  it('a bad row of the national list is located', async () => {
    const file = await nationalWorkbook([
      {
        headName: 'Võ Văn Nam',
        fullName: 'Võ Văn Nam',
        relation: 'Chủ hộ',
        dateOfBirth: '30/02/1970',
        sex: 'Nam',
        communeCode: THACH_HA,
        communeName: 'Xã Thạch Hà',
        village: 'Thôn Đông Hà',
        category: 'Hộ nghèo',
      },
    ]);
    const { errors } = await refused(file);
    expect(errors).toContainEqual(expect.objectContaining({ row: 4, column: 'Ngày sinh' }));
  });

  it("the list's scores and decision number are bounded before they reach the database", async () => {
    const file = await nationalWorkbook([
      {
        headName: 'Võ Văn Nam',
        fullName: 'Võ Văn Nam',
        relation: 'Chủ hộ',
        dateOfBirth: '02/03/1970',
        sex: 'Nam',
        communeCode: THACH_HA,
        communeName: 'Xã Thạch Hà',
        village: 'Thôn Đông Hà',
        category: 'Hộ nghèo',
        decisionNumber: 'Q'.repeat(101),
        b1: 3_000_000_000,
        b2: 30,
      },
    ]);
    const { errors } = await refused(file);
    expect(errors).toContainEqual(
      expect.objectContaining({ row: 4, column: 'B1', cell: expect.stringMatching(/4$/u) }),
    );
    expect(errors).toContainEqual(expect.objectContaining({ row: 4, column: 'Số quyết định' }));
    expect(errors.some((e) => e.column === 'B2')).toBe(false);
  });
});
