/**
 * The household workbook's use cases besides the import (import.ts): the template, the export of
 * a filtered list, and the uploaded workbook returned with its problem cells marked.
 */
import ExcelJS from './exceljs';
import type { Workbook } from 'exceljs';
import { PassThrough, Readable } from 'node:stream';
import type { Actor } from '../../platform/access';
import type { Db } from '../../platform/db/database';
import { householdPolicy, maskPersonal } from '../households/policy';
import { allHouseholdPages } from '../households/service';
import { HOUSEHOLD_SHEET, LISTS, MEMBER_SHEET, PROBLEMS_SHEET, type Column, type SheetLayout } from './columns';
import { checkAndImport, communeVillages, IMPORT_LIMIT_BYTES } from './import';
import { columnLetter, fileTooLarge, importRefused, type ImportProblem } from './problems';
import * as repo from './repo';
import type { ExportQuery } from './schemas';
import { writeWorkbook } from './writer';

/** The empty workbook to fill, with the commune's villages in the drop-down when one is given. */
export async function importTemplate(db: Db, actor: Actor, communeCode: string | undefined): Promise<Readable> {
  // The village list checks the commune (in force, in the caller's scope).
  const villages = communeCode ? (await communeVillages(db, actor, communeCode)).map((v) => v.name) : [];
  const out = new PassThrough();
  writeWorkbook(out, { communeCode, villages }).catch((error: Error) => out.destroy(error));
  return out;
}

const EXPORT_PAGE = 1000;

/** A cell's value as the workbook shows it: labels for codes, Có/Không, real dates. */
function cellValue(column: Column, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (column.kind === 'boolean') return LISTS.boolean.label(String(value));
  if (column.kind === 'date') return new Date(`${String(value)}T00:00:00Z`);
  if (typeof column.kind === 'object') {
    if ('code' in column.kind) return column.kind.code.label(String(value));
    const list = column.kind.codes;
    return (value as string[]).map((c) => list.label(c)).join('; ') || null;
  }
  return value;
}
const rowOf = (layout: SheetLayout, record: Record<string, unknown>) =>
  layout.columns.map((c) => cellValue(c, record[c.key]));

/**
 * The households the list would show (same filters, same scope, same order), every page walked by
 * keyset, in the template's layout so that the file imports back. Citizen IDs masked for those
 * who may not see them. Memory holds one page of households and their members.
 */
export async function exportHouseholds(db: Db, actor: Actor, query: ExportQuery): Promise<Readable> {
  const walk = () => allHouseholdPages(db, actor, { ...query, limit: EXPORT_PAGE, offset: 0 });
  const checked = walk();
  const first = await checked.next(); // scope and filters checked before the file starts
  const showIds = householdPolicy.seeCitizenIds(actor);
  const out = new PassThrough();
  const rows = async (layout: SheetLayout, add: (values: unknown[]) => void) => {
    if (layout !== HOUSEHOLD_SHEET && layout !== MEMBER_SHEET) return;
    const pages = layout === HOUSEHOLD_SHEET ? resumed(first, checked) : walk();
    for await (const { items, rows: households } of pages) {
      if (layout === HOUSEHOLD_SHEET) {
        households.forEach((h, i) => add(rowOf(layout, { ...h, village: items[i]!.villageName })));
        continue;
      }
      const codes = new Map(households.map((h) => [h.id, h.code]));
      for (const m of await repo.currentMembers(db, [...codes.keys()]))
        add(
          rowOf(layout, { ...(showIds ? m : (maskPersonal(m) as typeof m)), householdCode: codes.get(m.householdId) }),
        );
    }
  };
  writeWorkbook(out, { communeCode: query.commune, rows }).catch((error: Error) => out.destroy(error));
  return out;
}

/** A walk whose first step was already taken. */
async function* resumed<T>(first: IteratorResult<T>, rest: AsyncGenerator<T>) {
  if (first.done) return;
  yield first.value;
  yield* rest;
}

const PROBLEM_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFF9999' } } as const;

async function readAll(upload: Readable, limit: number) {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of upload as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) {
      upload.destroy();
      throw fileTooLarge(limit / 1024 / 1024);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * The uploaded workbook checked (nothing written) and returned with every problem cell filled red
 * with a note, after a first sheet "Lỗi" listing them. A file that cannot be opened gets the 422.
 */
export async function annotateWorkbook(db: Db, actor: Actor, communeCode: string, upload: Readable) {
  const file = await readAll(upload, IMPORT_LIMIT_BYTES);
  const { problems } = await checkAndImport(db, actor, communeCode, Readable.from([file]), { dryRun: true });
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
  } catch {
    throw importRefused(problems);
  }
  const list = workbook.addWorksheet(PROBLEMS_SHEET, { properties: { tabColor: { argb: 'FFFF0000' } } });
  list.columns = [
    { header: 'Sheet', width: 16 },
    { header: 'Dòng', width: 8 },
    { header: 'Cột', width: 26 },
    { header: 'Ô', width: 8 },
    { header: 'Lỗi', width: 80 },
  ];
  list.getRow(1).font = { bold: true };
  if (problems.total === 0) list.addRow(['', '', '', '', 'Không phát hiện lỗi: có thể nhập tệp này.']);
  for (const p of problems.items) {
    list.addRow([p.sheet, p.row, p.column, p.row && p.col ? `${columnLetter(p.col)}${p.row}` : '', p.message]);
    mark(workbook, p);
  }
  if (problems.total > problems.items.length)
    list.addRow(['', '', '', '', `Còn ${problems.total - problems.items.length} lỗi nữa chưa liệt kê.`]);
  // The list of problems first.
  const sheets = workbook.worksheets as unknown as { orderNo: number; id: number }[];
  for (const sheet of sheets) sheet.orderNo = sheet.id === list.id ? 0 : sheet.orderNo + 1;
  workbook.views = [{ activeTab: 0, x: 0, y: 0, width: 10000, height: 20000, firstSheet: 0, visibility: 'visible' }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function mark(workbook: Workbook, problem: ImportProblem) {
  if (!problem.sheet || !problem.row) return;
  const sheet = workbook.getWorksheet(problem.sheet);
  if (!sheet) return;
  const cell = sheet.getRow(problem.row).getCell(problem.col ?? 1);
  cell.fill = PROBLEM_FILL;
  const before = typeof cell.note === 'string' ? `${cell.note}\n` : '';
  cell.note = `${before}${problem.message}`;
}
