/**
 * Writing the household workbook with ExcelJS's streaming writer: the instruction sheet, the data
 * sheets (header, widths, drop-down lists from the "Danh mục" sheet) and their rows, committed
 * row by row so memory stays flat however many households are exported.
 */
import ExcelJS from './exceljs';
import type { DataValidation, Worksheet } from 'exceljs';
import type { Writable } from 'node:stream';
import {
  DATA_SHEETS,
  INSTRUCTION_SHEET,
  LISTS,
  LISTS_SHEET,
  type CodeList,
  type Column,
  type SheetLayout,
} from './columns';
import { columnLetter } from './problems';

/** Rows of a data sheet, as cell values in the sheet's column order. */
export type RowSource = (layout: SheetLayout, add: (values: unknown[]) => void) => Promise<void>;

const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } } as const;
/** Drop-down lists cover this many rows below the header. */
const VALIDATED_ROWS = 5000;

/** The code list a column picks from: Có/Không is one too. */
const listOf = (kind: Column['kind']): { list: CodeList; many: boolean } | null =>
  kind === 'boolean'
    ? { list: LISTS.boolean, many: false }
    : typeof kind === 'object'
      ? 'code' in kind
        ? { list: kind.code, many: false }
        : { list: kind.codes, many: true }
      : null;
const labels = (list: CodeList) => list.codes.map((c) => list.label(c));

export async function writeWorkbook(
  out: Writable,
  options: { communeCode?: string; villages?: string[]; rows?: RowSource },
) {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Chung Tay';
  const lists = listColumns(options.villages ?? []);
  writeInstructions(workbook.addWorksheet(INSTRUCTION_SHEET));
  for (const layout of DATA_SHEETS) {
    const sheet = workbook.addWorksheet(layout.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = layout.columns.map((c) => ({
      header: c.header,
      key: c.key,
      width: c.width ?? Math.max(12, c.header.length + 2),
      style: c.kind === 'citizenId' || c.key === 'code' || c.key === 'householdCode' ? { numFmt: '@' } : {},
    }));
    const header = sheet.getRow(1);
    header.font = { bold: true };
    header.eachCell((cell) => (cell.fill = HEADER_FILL));
    layout.columns.forEach((column, i) => validate(sheet, column, i + 1, lists));
    header.commit();
    if (options.rows) await options.rows(layout, (values) => sheet.addRow(values).commit());
    sheet.commit();
  }
  const listSheet = workbook.addWorksheet(LISTS_SHEET);
  const longest = Math.max(...[...lists.values()].map((l) => l.values.length));
  listSheet.columns = [...lists.values()].map((l) => ({ header: l.title, width: 34 }));
  listSheet.getRow(1).font = { bold: true };
  listSheet.getRow(1).commit();
  for (let r = 0; r < longest; r++) listSheet.addRow([...lists.values()].map((l) => l.values[r] ?? null)).commit();
  listSheet.commit();
  await workbook.commit();
}

interface ListColumn {
  title: string;
  values: string[];
  range: string;
}

/** Every code list a column uses, one column of the "Danh mục" sheet each. */
function listColumns(villages: string[]) {
  const lists = new Map<string, ListColumn>();
  const add = (title: string, values: string[]) => {
    const letter = columnLetter(lists.size + 1);
    lists.set(title, {
      title,
      values,
      range: `'${LISTS_SHEET}'!$${letter}$2:$${letter}$${Math.max(2, values.length + 1)}`,
    });
  };
  add(LISTS.boolean.name, labels(LISTS.boolean));
  for (const layout of DATA_SHEETS)
    for (const column of layout.columns) {
      const found = listOf(column.kind);
      if (found && !lists.has(found.list.name)) add(found.list.name, labels(found.list));
    }
  if (villages.length) add('Thôn/tổ dân phố', villages);
  return lists;
}

function validate(sheet: Worksheet, column: Column, index: number, lists: Map<string, ListColumn>) {
  const found = listOf(column.kind);
  const list = found ? lists.get(found.list.name) : column.key === 'village' ? lists.get('Thôn/tổ dân phố') : undefined;
  if (!list) return;
  const letter = columnLetter(index);
  const validations = (sheet as unknown as { dataValidations: { add(range: string, v: DataValidation): void } })
    .dataValidations;
  validations.add(`${letter}2:${letter}${VALIDATED_ROWS + 1}`, {
    type: 'list',
    allowBlank: true,
    formulae: [list.range],
    // Several values separated by ";" cannot be picked from a list: typing them is allowed.
    showErrorMessage: !found?.many,
    errorStyle: 'warning',
    error: `Chọn một giá trị trong danh mục "${list.title}".`,
  });
}

function writeInstructions(sheet: Worksheet) {
  sheet.columns = [{ width: 34 }, { width: 12 }, { width: 60 }, { width: 70 }];
  const line = (values: unknown[], bold = false) => {
    const row = sheet.addRow(values);
    if (bold) row.font = { bold: true };
    row.alignment = { wrapText: true, vertical: 'top' };
    row.commit();
  };
  line(['HƯỚNG DẪN NHẬP DANH SÁCH HỘ GIA ĐÌNH TỪ EXCEL'], true);
  for (const rule of [
    'Ghi dữ liệu vào các sheet "Hộ", "Nhân khẩu" và (nếu có) "Đánh giá"; giữ nguyên dòng tiêu đề. Có thể thêm dòng tiêu đề phía trên.',
    'Các cột có danh sách thả xuống: chọn trong danh sách (sheet "Danh mục"); ghi mã hoặc nhãn, không phân biệt hoa thường, có dấu hay không dấu.',
    'Ngày ghi dd/mm/yyyy (ví dụ 02/03/1985) hoặc dùng ô ngày của Excel. Số tiền có thể ghi 1.500.000 hoặc 1500000.',
    'Tệp được nhập trọn vẹn hoặc không nhập gì: nếu có lỗi, hệ thống liệt kê từng ô lỗi (sheet, dòng, cột, lý do) và không ghi dữ liệu nào.',
    'Nhập lại cùng tệp sẽ cập nhật hộ (theo mã xã và mã hộ) và nhân khẩu (theo số định danh, hoặc họ tên và ngày sinh), không tạo trùng.',
    'Tệp tối đa 100 MB.',
  ])
    line([rule]);
  for (const layout of DATA_SHEETS) {
    line([]);
    line([`Sheet "${layout.name}"`, '', layout.help], true);
    line(['Cột', 'Bắt buộc', 'Cách ghi', 'Giá trị được chọn'], true);
    for (const column of layout.columns) {
      const found = listOf(column.kind);
      const allowed = found ? labels(found.list).join('; ') : '';
      line([column.header, column.required ? 'Có' : '', column.help, allowed]);
    }
  }
  sheet.commit();
}
