/**
 * Files made by LibreOffice Calc, not by the product (test/fixtures/excel/README.md says how):
 * shared strings, dates typed as text and as date cells, numbers with thousands separators,
 * merged title rows above the header and formatted empty rows after the data.
 */
import { sql } from 'drizzle-orm';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../platform/db/database';
import { createTestApp, signIn, type Session, type TestApp } from '../../../../test/helpers/app';
import { buildVillage, THACH_HA } from '../../../../test/helpers/factories';
import { XLSX_TYPE } from './schemas';

let t: TestApp;
let officer: Session;

beforeAll(async () => {
  t = await createTestApp();
  officer = await signIn(t);
  await buildVillage(t.database.db, { name: 'Thôn Đông Hà' });
});
afterAll(() => t.close());

const IMPORT = `/api/households/import?commune=${THACH_HA}`;
const fixture = (name: string) => fs.readFileSync(path.join(__dirname, '../../../../test/fixtures/excel', name));
const post = (file: Buffer) =>
  officer.request({ method: 'POST', url: IMPORT, payload: file, headers: { 'content-type': XLSX_TYPE } });
const householdOf = async (q: string) =>
  (await officer.get(`/api/households?commune=${THACH_HA}&q=${encodeURIComponent(q)}`)).json().items[0];

describe('workbooks saved by LibreOffice', () => {
  it('a template filled in LibreOffice imports, with its assessments', async () => {
    const res = await post(fixture('template-libreoffice.xlsx'));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      layout: 'template',
      households: { created: 2, updated: 0 },
      members: { created: 3, updated: 0 },
      assessments: { created: 2, updated: 0 },
    });
    const first = (await officer.get(`/api/households/${(await householdOf('LO-1')).id}`)).json();
    expect(first).toMatchObject({ headName: 'Nguyễn Văn Lộc', dwelling: { floorArea: 1234.5 } });
    expect(first.members.map((m: { dateOfBirth: string }) => m.dateOfBirth)).toEqual(['1985-03-02', '1987-06-05']);
    const second = (await officer.get(`/api/households/${(await householdOf('LO-2')).id}`)).json();
    expect(second).toMatchObject({ area: 'urban', dwelling: { floorArea: 30 } });
    expect(second.members[0].dateOfBirth).toBe('1990-01-15');
    const results = (await officer.get(`/api/households/${first.id}/assessments`)).json().items;
    expect(results[0]).toMatchObject({ year: 2026, incomePerCapitaMonthly: 1_500_000, causes: ['no_capital'] });
  });

  it('a LibreOffice file with errors is refused, each located, nothing written', async () => {
    const households = async () =>
      rowsOf<{ n: number }>(await t.database.db.execute(sql`select count(*)::int as n from households`))[0]!.n;
    const before = await households();
    const res = await post(fixture('errors-libreoffice.xlsx'));
    expect(res.statusCode, res.body).toBe(422);
    const errors = res.json().errors as { sheet: string; row: number; column: string; message: string }[];
    const at = (sheet: string, row: number, column: string) =>
      errors.find((e) => e.sheet === sheet && e.row === row && e.column === column)?.message;
    expect(at('Hộ', 4, 'Mã hộ')).toMatch(/bị lặp.*dòng 3/u);
    expect(at('Hộ', 5, 'Khu vực')).toMatch(/không có trong danh mục/u);
    expect(at('Hộ', 6, 'Mã hộ')).toMatch(/chưa có chủ hộ/u);
    expect(at('Nhân khẩu', 3, 'Ngày sinh')).toMatch(/không tồn tại/u);
    expect(await households()).toBe(before);
  });

  it('a national list saved by LibreOffice imports with its categories, and again as updates', async () => {
    const file = fixture('national-libreoffice.xlsx');
    const res = await post(file);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      layout: 'national',
      households: { created: 2 },
      members: { created: 3 },
      assessments: { created: 2, updated: 0 },
    });
    const again = await post(file);
    expect(again.json()).toMatchObject({ households: { updated: 2 }, assessments: { created: 0, updated: 2 } });
    const head = await householdOf('ho van thanh');
    const results = (await officer.get(`/api/households/${head.id}/assessments`)).json().items;
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({
      year: 2026,
      source: 'import',
      category: 'poor',
      decisionNumber: '321/QĐ-UBND',
      decisionDate: '2025-12-18',
    });
  });
});
