/**
 * Reading one cell as a file made by Excel, LibreOffice or by hand holds it: a date as a date
 * cell, a serial number or text (dd/mm/yyyy, d/m/yyyy, yyyy-mm-dd); a number as a number or text
 * with thousands separators ("1.500.000", "1,500,000", "1 500 000"); a coded value by its
 * Vietnamese label or its code, whatever the case, accents or spacing.
 */
import { foldLabel, remembered, type CellKind } from './columns';
import { todayInVietnam } from '../../../domain/calendar';

export interface CellProblem {
  vi: string;
  en: string;
}
export type CellResult = { value: unknown } | { problem: CellProblem };

const UNEVEN_SPACES = /\s\s|[\t\n\r\f\v\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]|^\s|\s$/u;

/** The text of a cell's value as ExcelJS gives it (rich text, formula results, hyperlinks). */
export function cellText(value: unknown): string | number | boolean | Date | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') {
    const nfc = value.normalize('NFC');
    // Most cells need no spacing fixed: checking is cheaper than replacing (millions of cells a file).
    const text = UNEVEN_SPACES.test(nfc) ? nfc.replace(/[\s\u00a0]+/gu, ' ').trim() : nfc;
    return text === '' ? null : text;
  }
  if (typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  const v = value as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: string };
  if (v.richText) return cellText(v.richText.map((r) => r.text).join(''));
  if ('result' in v) return cellText(v.result);
  if (v.text !== undefined) return cellText(v.text);
  if (v.error) return cellText(v.error);
  return null;
}

const problem = (vi: string, en: string): CellResult => ({ problem: { vi, en } });

/** Excel's day 0 is 1899-12-30 (its 1900 leap-year bug included). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function isoOf(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

function parseDate(value: string | number | boolean | Date): CellResult {
  let iso: string | null = null;
  if (value instanceof Date) iso = value.toISOString().slice(0, 10);
  else if (typeof value === 'number') {
    if (Number.isInteger(value) && value > 0 && value < 100_000)
      iso = new Date(EXCEL_EPOCH + value * 86_400_000).toISOString().slice(0, 10);
  } else if (typeof value === 'string') {
    const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/u.exec(value);
    const ymd = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+Z?)?$/u.exec(value);
    if (dmy) iso = isoOf(Number(dmy[3]), Number(dmy[2]), Number(dmy[1]));
    else if (ymd) iso = isoOf(Number(ymd[1]), Number(ymd[2]), Number(ymd[3]));
    else return problem(`"${value}" không phải ngày (ghi dd/mm/yyyy).`, `"${value}" is not a date (write dd/mm/yyyy).`);
  }
  if (!iso) return problem(`Ngày "${String(value)}" không tồn tại.`, `The date "${String(value)}" does not exist.`);
  if (iso < '1900-01-01') return problem('Ngày trước năm 1900.', 'The date is before 1900.');
  if (iso > todayInVietnam()) return problem('Ngày ở tương lai.', 'The date is in the future.');
  return { value: iso };
}

/** A number typed with thousands separators; a decimal comma or point for decimal columns. */
function parseNumber(value: string | number | boolean | Date, integer: boolean): CellResult {
  let n: number | null = null;
  if (typeof value === 'number') n = value;
  else if (typeof value === 'string') {
    const text = value.replace(/\s*(đồng|đ|vnd|m²|m2)$/iu, '').trim();
    const grouped = /^-?\d{1,3}([.,\s])\d{3}(\1\d{3})*$/u.exec(text);
    const decimal = /^-?\d+([.,]\d+)?$/u.test(text);
    if (grouped && (integer || grouped[1] === ' ' || grouped[2] !== undefined))
      n = Number(text.replace(/[.,\s]/gu, ''));
    else if (/^-?\d{1,3}([.,\s]\d{3})+[.,]\d+$/u.test(text)) {
      // 1.234,5 or 1,234.5: the last separator is the decimal one.
      const decimalMark = text.at(-1 - /\d+$/u.exec(text)![0].length)!;
      n = Number(text.replace(new RegExp(`[^\\d${decimalMark === '.' ? '.' : ','}-]`, 'gu'), '').replace(',', '.'));
    } else if (decimal) n = Number(text.replace(',', '.'));
  }
  if (n === null || !Number.isFinite(n))
    return problem(`"${String(value)}" không phải là số.`, `"${String(value)}" is not a number.`);
  if (n < 0) return problem('Không được là số âm.', 'Must not be negative.');
  if (integer && !Number.isInteger(n)) return problem('Phải là số nguyên.', 'Must be a whole number.');
  return { value: n };
}

const YES = new Set(['co', 'c', 'x', 'yes', 'y', 'true', '1', 'dung', 'v']);
const NO = new Set(['khong', 'k', 'no', 'n', 'false', '0', 'sai', '-']);

/** Có/Không as typed, remembered by text: a column of a large file repeats a handful of texts. */
const TRUE = { value: true };
const FALSE = { value: false };
const booleanOf = remembered((text: string): CellResult => {
  const folded = foldLabel(text);
  if (YES.has(folded)) return TRUE;
  if (NO.has(folded)) return FALSE;
  return problem(`"${text}": ghi Có hoặc Không.`, `"${text}": write Có (yes) or Không (no).`);
});

/** Citizen IDs typed as numbers lose their leading zeros (province codes 001–096): put them back. */
function parseCitizenId(value: string | number | boolean | Date): CellResult {
  if (typeof value === 'number' && Number.isInteger(value) && value > 0 && value < 1e12)
    return { value: String(value).padStart(12, '0') };
  return { value: String(value).replace(/[\s.]/gu, '') };
}

/** One cell read for its column: `undefined` when empty (the schema's default applies). */
export function readCell(raw: unknown, kind: CellKind): CellResult {
  const value = cellText(raw);
  if (value === null) return { value: undefined };
  switch (kind) {
    case 'text':
      return { value: value instanceof Date ? value.toISOString().slice(0, 10) : String(value) };
    case 'citizenId':
      return parseCitizenId(value);
    case 'date':
      return parseDate(value);
    case 'integer':
    case 'decimal':
      return parseNumber(value, kind === 'integer');
    case 'boolean':
      return typeof value === 'boolean' ? { value } : booleanOf(String(value));
  }
  if ('code' in kind) {
    const code = kind.code.find(String(value));
    return code !== undefined ? { value: code } : unknownLabel(String(value), kind.code.name);
  }
  const codes: string[] = [];
  for (const part of String(value).split(/[;\n]/u)) {
    if (!part.trim()) continue;
    const whole = kind.codes.find(part);
    const pieces = whole !== undefined ? [whole] : part.split(',').map((p) => kind.codes.find(p));
    const bad = pieces.findIndex((p) => p === undefined);
    if (bad >= 0) return unknownLabel(part.trim(), kind.codes.name);
    codes.push(...(pieces as string[]));
  }
  return { value: [...new Set(codes)] };
}

const unknownLabel = (value: string, list: string) =>
  problem(
    `"${value}" không có trong danh mục "${list}" (xem sheet Danh mục).`,
    `"${value}" is not in the list "${list}".`,
  );
