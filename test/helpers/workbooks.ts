/**
 * Workbooks for the tests and the benchmark: the template's layout filled with given rows, and
 * the national software's list layout with its merged title rows.
 */
import ExcelJS from '../../src/server/modules/registry-excel/exceljs';
import { ASSESSMENT_SHEET, HOUSEHOLD_SHEET, MEMBER_SHEET } from '../../src/server/modules/registry-excel/columns';
import { NATIONAL_LAYOUT } from '../../src/server/modules/registry-excel/national';

type Cells = Record<string, unknown>;

export interface WorkbookRows {
  households?: Cells[];
  members?: Cells[];
  assessments?: Cells[];
  /** A merged title row above each header. */
  title?: string;
}

/** The template's sheets with these rows (cells by column key; absent keys left empty). */
export async function templateWorkbook(rows: WorkbookRows): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const [layout, list] of [
    [HOUSEHOLD_SHEET, rows.households],
    [MEMBER_SHEET, rows.members],
    [ASSESSMENT_SHEET, rows.assessments],
  ] as const) {
    if (!list) continue;
    const sheet = workbook.addWorksheet(layout.name);
    if (rows.title) {
      sheet.addRow([rows.title]);
      sheet.mergeCells(1, 1, 1, layout.columns.length);
    }
    sheet.addRow(layout.columns.map((c) => c.header));
    for (const cells of list) sheet.addRow(layout.columns.map((c) => cells[c.key] ?? null));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export interface NationalMember {
  headName: string;
  fullName: string;
  relation: string;
  dateOfBirth: string;
  sex: string;
  citizenId?: string;
  communeCode: string;
  communeName: string;
  village: string;
  ethnicity?: string;
  category: string;
  decisionNumber?: string;
  decisionDate?: string;
  b1?: number;
  b2?: number;
  ethnicMinority?: boolean;
  unableToWork?: boolean;
  meritFamily?: boolean;
  causes?: string;
}

/** The national software's list: two merged title rows, the header, then a row per member. */
export async function nationalWorkbook(members: NationalMember[], province = { code: '42', name: 'Hà Tĩnh' }) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Danh sach');
  const headers = NATIONAL_LAYOUT.columns.filter((c) => !['householdCode'].includes(c.key));
  sheet.addRow(['DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO SAU KHI RÀ SOÁT']);
  sheet.mergeCells(1, 1, 1, headers.length + 1);
  sheet.addRow([`Tỉnh ${province.name}`]);
  sheet.mergeCells(2, 1, 2, headers.length + 1);
  sheet.addRow(['STT', ...headers.map((c) => c.header)]);
  members.forEach((m, i) => {
    const cells: Record<string, unknown> = {
      ...m,
      provinceName: province.name,
      provinceCode: province.code,
      districtName: '',
      districtCode: '',
      ethnicMinority: m.ethnicMinority ? 'x' : '',
      unableToWork: m.unableToWork ? 'x' : '',
      meritFamily: m.meritFamily ? 'x' : '',
    };
    sheet.addRow([i + 1, ...headers.map((c) => cells[c.key] ?? null)]);
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Each sheet of a workbook we wrote, by name, as rows of cell values (from row 1). */
export async function readWorkbook(file: Buffer | ArrayBuffer): Promise<Record<string, unknown[][]>> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(file as ArrayBuffer);
  return Object.fromEntries(
    book.worksheets.map((sheet) => {
      const rows: unknown[][] = [];
      sheet.eachRow((row, n) => (rows[n - 1] = (row.values as unknown[]).slice(1)));
      return [sheet.name, Array.from(rows, (r) => r ?? [])];
    }),
  );
}
