/**
 * Every problem of an uploaded workbook, located by sheet, row and column (the header as the
 * file shows it), in Vietnamese and English. The import refuses the whole file with all of them.
 */
import { AppError, type FieldProblem } from '../../platform/errors';

const MAX_LISTED = 1000;

export interface ImportProblem {
  sheet: string | null;
  row: number | null;
  /** 1-based column index, for marking the cell. */
  col: number | null;
  column: string | null;
  message: string;
  messageEn: string;
}

export function columnLetter(col: number): string {
  let letters = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** Collects problems, keeping the first MAX_LISTED and counting the rest. */
export class ProblemList {
  readonly items: ImportProblem[] = [];
  total = 0;
  /** Problems of the file as a whole (unreadable, a sheet or column missing): rows are not checked further. */
  fileLevel = 0;

  add(problem: ImportProblem) {
    this.total++;
    if (this.items.length < MAX_LISTED) this.items.push(problem);
  }

  file(message: string, messageEn: string, sheet: string | null = null) {
    this.fileLevel++;
    this.add({ sheet, row: null, col: null, column: null, message, messageEn });
  }
}

const fieldOf = (p: ImportProblem) =>
  p.sheet === null ? 'file' : p.row === null ? p.sheet : `${p.sheet}!${p.col ? columnLetter(p.col) : ''}${p.row}`;

export function importRefused(problems: ProblemList): AppError {
  const more = problems.total - problems.items.length;
  const listed: FieldProblem[] = problems.items.map((p) => ({
    field: fieldOf(p),
    sheet: p.sheet,
    row: p.row,
    column: p.column,
    cell: p.row !== null && p.col ? `${columnLetter(p.col)}${p.row}` : null,
    message: p.message,
    messageEn: p.messageEn,
  }));
  const note = more > 0 ? ` Chỉ liệt kê ${MAX_LISTED} lỗi đầu, còn ${more} lỗi nữa.` : '';
  const noteEn = more > 0 ? ` Only the first ${MAX_LISTED} are listed; ${more} more.` : '';
  return new AppError(
    422,
    'import_invalid',
    `Tệp có ${problems.total} lỗi, chưa ghi dữ liệu nào. Sửa các ô được chỉ ra rồi nhập lại.${note}`,
    `The file has ${problems.total} problems; nothing was written.${noteEn}`,
    listed,
  );
}

export const fileTooLarge = (limitMb: number) =>
  new AppError(
    413,
    'file_too_large',
    `Tệp quá lớn: tối đa ${limitMb} MB. Hãy chia thành nhiều tệp theo thôn.`,
    `The file is too large: at most ${limitMb} MB.`,
  );
