/**
 * The Excel list of a distribution: one row per household — household code, value (optional:
 * the distribution's value otherwise), member (optional: citizen ID or full name), note. Read
 * into rows to check; a cell that cannot be read is the row's problem, located by row and column.
 */
import ExcelJS from '../registry-excel/exceljs';
import { readCell } from '../registry-excel/cells';
import { foldLabel } from '../registry-excel/columns';
import { AppError } from '../../platform/errors';
import type { Actor } from '../../platform/access';
import type { Db } from '../../platform/db/database';
import { COLUMNS, previewDistribution, type NumberedRow } from './distribution';
import type { DistributionHeader } from './schemas';

export type SheetProblem = { row: number; column: string; message: string; messageEn: string };

const HEADERS: [keyof typeof COLUMNS, string][] = [
  ['code', 'ma ho'],
  ['value', 'gia tri'],
  ['member', 'thanh vien'],
  ['note', 'ghi chu'],
];

const unreadable = (vi: string, en: string) =>
  new AppError(422, 'distribution_file_unreadable', vi, en, [{ field: 'file', message: vi, messageEn: en }]);

/** The rows of the first sheet (header on row 1), and the cells that could not be read. */
export async function readDistributionSheet(file: Buffer): Promise<{ rows: NumberedRow[]; problems: SheetProblem[] }> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
  } catch {
    throw unreadable(
      'Không đọc được tệp: hãy gửi tệp Excel (.xlsx).',
      'The file cannot be read: send an Excel (.xlsx) file.',
    );
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw unreadable('Tệp không có trang tính nào.', 'The file has no worksheet.');
  const at = new Map<keyof typeof COLUMNS, number>();
  sheet.getRow(1).eachCell((cell, col) => {
    const header = foldLabel(String(cell.text ?? ''));
    const known = HEADERS.find(([, start]) => header.startsWith(start));
    if (known && !at.has(known[0])) at.set(known[0], col);
  });
  if (!at.has('code'))
    throw unreadable(
      `Dòng 1 của trang "${sheet.name}" thiếu cột "${COLUMNS.code}".`,
      `Row 1 of sheet "${sheet.name}" has no "${COLUMNS.code}" column.`,
    );
  const rows: NumberedRow[] = [];
  const problems: SheetProblem[] = [];
  sheet.eachRow((line, number) => {
    if (number === 1) return;
    const raw = (key: keyof typeof COLUMNS) => (at.has(key) ? line.getCell(at.get(key)!).value : null);
    const text = (key: keyof typeof COLUMNS) => {
      const read = readCell(raw(key), 'text');
      return 'value' in read && read.value != null ? String(read.value) : null;
    };
    const code = text('code');
    const member = text('member');
    const note = text('note');
    if (code === null && member === null && note === null && raw('value') === null) return; // blank line
    const add = (column: string, message: string, messageEn: string) =>
      problems.push({ row: number, column, message, messageEn });
    if (code === null) add(COLUMNS.code, 'Thiếu mã hộ.', 'The household code is missing.');
    let value: number | null = null;
    if (raw('value') !== null) {
      const read = readCell(raw('value'), 'integer');
      if ('problem' in read || !Number.isInteger(read.value) || (read.value as number) <= 0)
        add(
          COLUMNS.value,
          `Giá trị phải là số nguyên dương (đồng), đọc được "${String(line.getCell(at.get('value')!).text)}".`,
          `The value must be a positive whole number of đồng, read "${String(line.getCell(at.get('value')!).text)}".`,
        );
      else value = read.value as number;
    }
    if (code !== null) rows.push({ row: number, householdCode: code, value, member, note });
  });
  if (rows.length === 0 && problems.length === 0)
    throw unreadable('Tệp không có dòng dữ liệu nào (từ dòng 2).', 'The file has no data rows (from row 2).');
  return { rows, problems };
}

/** The preview of a distribution read from an Excel file: the file's own problems beside the registry's. */
export async function previewSheet(db: Db, actor: Actor, header: DistributionHeader, file: Buffer) {
  const { rows, problems } = await readDistributionSheet(file);
  const preview = await previewDistribution(db, actor, header, rows);
  const byRow = new Map(preview.rows.map((r) => [r.row, r]));
  for (const p of problems) {
    const row = byRow.get(p.row);
    const { row: _, ...located } = p;
    if (!row) {
      const missing = {
        row: p.row,
        householdCode: '',
        householdId: null,
        headName: null,
        memberName: null,
        value: null,
        note: null,
        problems: [located],
      };
      byRow.set(p.row, missing);
      continue;
    }
    if (row.problems.length === 0) preview.totalValue -= row.value ?? 0;
    row.problems.push(located);
  }
  const all = [...byRow.values()].sort((a, b) => a.row - b.row);
  const refused = all.filter((r) => r.problems.length > 0).length;
  return { ...preview, rows: all, accepted: all.length - refused, refused };
}
