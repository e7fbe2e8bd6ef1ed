/**
 * Reading a bank statement (sao kê tài khoản) exported by a Vietnamese bank as CSV or Excel: the
 * header row is found among the first rows (banks put the account's details above it), columns
 * are recognised by their usual Vietnamese or English names, and every cell that cannot be read
 * is reported by row and column. A file with any problem is refused whole: nothing is imported.
 */
import { Readable } from 'node:stream';
import type ExcelJSModule from 'exceljs';
import { AppError, type FieldProblem } from '../../platform/errors';
import ExcelJS from '../registry-excel/exceljs';
import { cellText, readCell } from '../registry-excel/cells';
import { foldLabel } from '../registry-excel/columns';

/** A statement is a month or a campaign of one account: a few thousand lines at most. */
export const STATEMENT_LIMIT_BYTES = 2 * 1024 * 1024;
export const STATEMENT_MAX_LINES = 5000;
const HEADER_SEARCH_ROWS = 20;

export interface StatementRow {
  /** The row in the file (1-based), to point at it. */
  row: number;
  date: string;
  bankTransactionId: string;
  credit: number;
  debit: number;
  content: string;
}

type Column = 'date' | 'bankTransactionId' | 'credit' | 'debit' | 'content';

/** Each column's name as shown to the user, and the headers banks give it (folded, units in brackets dropped). */
const COLUMNS: Record<Column, { label: string; headers: string[] }> = {
  date: {
    label: 'Ngày giao dịch',
    headers: ['ngay giao dich', 'ngay gd', 'ngay', 'ngay hach toan', 'ngay hieu luc', 'transaction date', 'date'],
  },
  bankTransactionId: {
    label: 'Số bút toán',
    headers: ['so but toan', 'ma giao dich', 'ma gd', 'so giao dich', 'so tham chieu', 'so chung tu', 'transaction id'],
  },
  credit: {
    label: 'Ghi có',
    headers: ['ghi co', 'so tien ghi co', 'phat sinh co', 'co', 'tien vao', 'credit', 'credit amount'],
  },
  debit: {
    label: 'Ghi nợ',
    headers: ['ghi no', 'so tien ghi no', 'phat sinh no', 'no', 'tien ra', 'debit', 'debit amount'],
  },
  content: {
    label: 'Nội dung',
    headers: ['noi dung', 'noi dung giao dich', 'noi dung chuyen khoan', 'dien giai', 'mo ta', 'description'],
  },
};
const REQUIRED: Column[] = ['date', 'bankTransactionId', 'credit', 'content'];

const refused = (vi: string, en: string, problems: FieldProblem[] = []) =>
  new AppError(
    422,
    'statement_file_invalid',
    vi,
    en,
    problems.length ? problems : [{ field: 'file', message: vi, messageEn: en }],
  );

export const statementTooLarge = () =>
  new AppError(
    413,
    'file_too_large',
    `Tệp sao kê quá lớn: tối đa ${STATEMENT_LIMIT_BYTES / 1024 / 1024} MB. Hãy xuất sao kê theo từng tháng.`,
    `The statement is too large: at most ${STATEMENT_LIMIT_BYTES / 1024 / 1024} MB. Export one month at a time.`,
  );

const headerOf = (text: string) => foldLabel(text.replace(/\(.*?\)/gu, ''));

/** An .xlsx file is a zip archive ("PK"); anything else is read as CSV text in UTF-8. */
async function worksheetOf(file: Buffer): Promise<ExcelJSModule.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  if (file.subarray(0, 2).toString('latin1') === 'PK') {
    try {
      await workbook.xlsx.load(file as unknown as ArrayBuffer);
    } catch {
      throw refused('Không đọc được tệp Excel (.xlsx).', 'The Excel (.xlsx) file cannot be read.');
    }
    const sheet = workbook.worksheets[0];
    if (!sheet) throw refused('Tệp không có trang tính nào.', 'The file has no worksheet.');
    return sheet;
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(file).replace(/^\ufeff/u, '');
  } catch {
    throw refused(
      'Tệp CSV phải được lưu với bảng mã UTF-8 (hoặc gửi tệp Excel .xlsx).',
      'The CSV file must be saved as UTF-8 (or send an Excel .xlsx file).',
    );
  }
  const firstLine = text.split(/\r?\n/u).find((l) => l.trim()) ?? '';
  const delimiter = [';', '\t', ','].reduce((best, d) =>
    firstLine.split(d).length > firstLine.split(best).length ? d : best,
  );
  try {
    return await workbook.csv.read(Readable.from([text]), { parserOptions: { delimiter }, map: (v: unknown) => v });
  } catch {
    throw refused('Không đọc được tệp CSV.', 'The CSV file cannot be read.');
  }
}

/** The header row: the first that names the required columns. */
function findHeader(sheet: ExcelJSModule.Worksheet) {
  for (let r = 1; r <= Math.min(sheet.rowCount, HEADER_SEARCH_ROWS); r++) {
    const at = new Map<Column, number>();
    sheet.getRow(r).eachCell((cell, col) => {
      const header = headerOf(String(cell.text ?? ''));
      for (const [column, { headers }] of Object.entries(COLUMNS) as [Column, (typeof COLUMNS)[Column]][]) {
        if (!at.has(column) && headers.includes(header)) at.set(column, col);
      }
    });
    if (at.has('bankTransactionId') && at.has('credit')) return { row: r, at };
  }
  return null;
}

export async function readStatement(file: Buffer): Promise<StatementRow[]> {
  if (file.length > STATEMENT_LIMIT_BYTES) throw statementTooLarge();
  if (file.length === 0) throw refused('Tệp sao kê trống.', 'The statement file is empty.');
  const sheet = await worksheetOf(file);
  const header = findHeader(sheet);
  const names = REQUIRED.map((c) => `"${COLUMNS[c].label}"`).join(', ');
  if (!header) {
    throw refused(
      `Không tìm thấy dòng tiêu đề với các cột ${names} trong ${HEADER_SEARCH_ROWS} dòng đầu.`,
      `No header row with the columns ${names} in the first ${HEADER_SEARCH_ROWS} rows.`,
    );
  }
  const missing = REQUIRED.filter((c) => !header.at.has(c));
  if (missing.length) {
    const list = missing.map((c) => `"${COLUMNS[c].label}"`).join(', ');
    throw refused(
      `Dòng tiêu đề (dòng ${header.row}) thiếu cột ${list}.`,
      `The header row (row ${header.row}) lacks ${list}.`,
    );
  }
  if (sheet.rowCount - header.row > STATEMENT_MAX_LINES) {
    throw refused(
      `Tệp có hơn ${STATEMENT_MAX_LINES} dòng giao dịch: hãy xuất sao kê theo từng tháng.`,
      `The file has more than ${STATEMENT_MAX_LINES} transactions: export one month at a time.`,
    );
  }

  const rows: StatementRow[] = [];
  const problems: FieldProblem[] = [];
  const seen = new Map<string, number>();
  for (let r = header.row + 1; r <= sheet.rowCount; r++) {
    const line = sheet.getRow(r);
    const raw = (c: Column) => (header.at.has(c) ? line.getCell(header.at.get(c)!).value : null);
    const add = (c: Column, vi: string, en: string) =>
      problems.push({
        field: 'file',
        row: r,
        column: COLUMNS[c].label,
        message: `Dòng ${r}, cột "${COLUMNS[c].label}": ${vi}`,
        messageEn: `Row ${r}, column "${COLUMNS[c].label}": ${en}`,
      });
    const read = (c: Column, kind: 'date' | 'text' | 'integer') => {
      const result = readCell(raw(c), kind);
      if ('problem' in result) {
        add(c, result.problem.vi, result.problem.en);
        return null;
      }
      return (result.value ?? null) as string | number | null;
    };
    const id = read('bankTransactionId', 'text') as string | null;
    // A row without a transaction id nor a date is a blank line, the totals or a closing note.
    if (id === null && !('value' in readCell(raw('date'), 'date') && cellText(raw('date')) !== null)) continue;
    const date = read('date', 'date') as string | null;
    const credit = (read('credit', 'integer') as number | null) ?? 0;
    const debit = (read('debit', 'integer') as number | null) ?? 0;
    const content = (read('content', 'text') as string | null) ?? '';
    if (id === null) add('bankTransactionId', 'thiếu số bút toán.', 'the transaction id is missing.');
    if (date === null && cellText(raw('date')) === null) add('date', 'thiếu ngày giao dịch.', 'the date is missing.');
    if (credit === 0 && debit === 0)
      add('credit', 'không có số tiền ghi có hoặc ghi nợ.', 'no credit nor debit amount.');
    if (credit > 0 && debit > 0)
      add('credit', 'một dòng không thể vừa ghi có vừa ghi nợ.', 'a line cannot be both credit and debit.');
    if (credit > 1_000_000_000_000) add('credit', 'số tiền quá 1.000 tỷ đồng.', 'more than 1,000 billion VND.');
    if (id !== null) {
      const first = seen.get(id);
      if (first !== undefined) {
        add(
          'bankTransactionId',
          `số bút toán "${id}" trùng với dòng ${first}.`,
          `transaction id "${id}" repeats row ${first}.`,
        );
      } else seen.set(id, r);
    }
    if (id !== null && date !== null) rows.push({ row: r, date, bankTransactionId: id, credit, debit, content });
  }
  if (problems.length) {
    throw refused(
      `Tệp sao kê có ${problems.length} lỗi, chưa nhập dòng nào. ${problems[0]!.message}`,
      `The statement has ${problems.length} problem(s); nothing was imported. ${problems[0]!.messageEn}`,
      problems,
    );
  }
  if (rows.length === 0) {
    throw refused(
      'Tệp sao kê không có giao dịch nào dưới dòng tiêu đề.',
      'The statement has no transactions below its header.',
    );
  }
  return rows;
}
