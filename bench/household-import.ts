/**
 * Household import from Excel (issue 3, item 8): a workbook of N households (default 100,000)
 * with 4 members each is streamed to a temporary file, then imported into one commune through
 * the import service, all or nothing, in one transaction. Prints households/s and the peak RSS
 * (sampled every 50 ms), the time of each phase, the parse-only rate of the sheet reader and of
 * ExcelJS, then exports the same households (keyset pages) and prints that rate and peak RSS.
 * Run at two sizes to see that memory does not grow with the file.
 *   npx tsx bench/household-import.ts [households]                (PGlite in a temporary directory)
 *   DATABASE_URL=… npx tsx bench/household-import.ts [households] (PostgreSQL; the database is emptied)
 * Results: docs/benchmarks.md.
 */
import { sql } from 'drizzle-orm';
import ExcelJS from '../src/server/modules/registry-excel/exceljs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { ensureAdminUnits } from '../src/server/modules/admin-units/reference-data';
import { ASSESSMENT_SHEET, HOUSEHOLD_SHEET, MEMBER_SHEET } from '../src/server/modules/registry-excel/columns';
import { importHouseholds } from '../src/server/modules/registry-excel/import';
import type { ExportQuery } from '../src/server/modules/registry-excel/schemas';
import { exportHouseholds } from '../src/server/modules/registry-excel/service';
import { worksheets } from '../src/server/modules/registry-excel/reader';
import { createVillage } from '../src/server/modules/villages/service';
import type { Actor } from '../src/server/platform/access';
import { loadConfig } from '../src/server/platform/config';
import { openDatabase } from '../src/server/platform/db/database';

const total = Number(process.argv[2] ?? 100_000);
const COMMUNE = '18562';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chungtay-import-'));
const config = loadConfig({ defaultDataDir: path.join(dir, 'data') });
const report = (what: string, value: string) => console.log(`${what.padEnd(44)} ${value}`);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Phan', 'Vũ', 'Đặng', 'Bùi', 'Đỗ'];
const GIVEN = ['An', 'Bình', 'Cường', 'Dũng', 'Hà', 'Hải', 'Hoa', 'Hùng', 'Lan', 'Linh', 'Mai', 'Nam'];
const name = (i: number, middle: string) => `${FAMILY[i % 10]} ${middle} ${GIVEN[(i * 7) % 12]}`;

/** The workbook, written with the streaming writer and inline strings (as the export writes). */
async function generate(file: string) {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
  const households = workbook.addWorksheet(HOUSEHOLD_SHEET.name);
  households.addRow(HOUSEHOLD_SHEET.columns.map((c) => c.header)).commit();
  for (let i = 1; i <= total; i++)
    households
      .addRow([
        COMMUNE,
        `H${i}`,
        `Thôn ${1 + (i % 10)}`,
        `Xóm ${i % 50}`,
        'Nông thôn',
        'Không',
        null,
        null,
        'Bền chắc',
        'Bền chắc',
        'Không bền chắc',
        40 + (i % 30),
        'Có',
        i % 3 ? 'Có' : 'Không',
        'Có',
        'Ti vi; Điện thoại',
      ])
      .commit();
  households.commit();
  const members = workbook.addWorksheet(MEMBER_SHEET.name);
  members.addRow(MEMBER_SHEET.columns.map((c) => c.header)).commit();
  for (let i = 1; i <= total; i++) {
    const year = 1950 + (i % 40);
    members
      .addRow([
        `H${i}`,
        name(i, 'Văn'),
        `02/03/${year}`,
        'Nam',
        `0420${String(year % 100).padStart(2, '0')}${String(i).padStart(6, '0')}`,
        'Chủ hộ',
        'Kinh',
        'Không',
        'Có',
        null,
        'Trung học cơ sở',
        'Không',
        'Tự làm (nông nghiệp, kinh doanh…)',
      ])
      .commit();
    members
      .addRow([`H${i}`, name(i + 1, 'Thị'), `05/06/${year + 2}`, 'Nữ', null, 'Vợ/chồng', 'Kinh', 'Không', 'Có'])
      .commit();
    members
      .addRow([
        `H${i}`,
        name(i + 2, 'Minh'),
        `01/09/${2005 + (i % 15)}`,
        'Nam',
        null,
        'Con',
        'Kinh',
        'Không',
        'Có',
        'Tiểu học',
      ])
      .commit();
    members
      .addRow([`H${i}`, name(i + 3, 'Ngọc'), `11/11/${2008 + (i % 12)}`, 'Nữ', null, 'Con', 'Kinh', 'Không', 'Có'])
      .commit();
  }
  members.commit();
  workbook
    .addWorksheet(ASSESSMENT_SHEET.name)
    .addRow(ASSESSMENT_SHEET.columns.map((c) => c.header))
    .commit();
  await workbook.commit();
}

const file = path.join(dir, 'households.xlsx');
let t = process.hrtime.bigint();
await generate(file);
report(
  `workbook of ${total.toLocaleString('en')} households`,
  `${mb(fs.statSync(file).size)}, ${(Number(process.hrtime.bigint() - t) / 1e9).toFixed(1)} s to write`,
);

/** The floor: the sheet reader alone (and ExcelJS's streaming reader, for comparison), nothing done with the rows. */
async function parseOnly(what: string, sheets: AsyncIterable<{ rows: AsyncIterable<unknown> }>) {
  const start = process.hrtime.bigint();
  let rows = 0;
  for await (const sheet of sheets) for await (const row of sheet.rows) rows += row ? 1 : 0;
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  report(
    `parse only, ${what}`,
    `${rows.toLocaleString('en')} rows in ${seconds.toFixed(1)} s, ${(total / seconds).toFixed(0)} households/s`,
  );
}
async function* excelJsSheets() {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(fs.createReadStream(file), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'ignore',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  for await (const sheet of reader) yield { rows: sheet as AsyncIterable<unknown> };
}
await parseOnly('sheet reader (sheet-xml.ts)', worksheets(fs.createReadStream(file)));
await parseOnly('ExcelJS streaming reader', excelJsSheets());

const database = await openDatabase(
  config.engine === 'postgres'
    ? { engine: 'postgres', url: config.databaseUrl! }
    : { engine: 'pglite', dataDir: config.dataDir },
);
const db = database.db;
try {
  if (config.engine === 'postgres') {
    await db.execute(sql`drop schema if exists public cascade`);
    await db.execute(sql`drop schema if exists drizzle cascade`);
    await db.execute(sql`create schema public`);
  }
  await database.migrate();
  await ensureAdminUnits(db);
  const actor: Actor = {
    id: '00000000-0000-4000-8000-000000000001',
    username: 'bench',
    fullName: 'Bench',
    roles: ['officer', 'admin'],
    scope: { level: 'national' },
  };
  for (let v = 1; v <= 10; v++)
    await createVillage(db, actor, { communeCode: COMMUNE, name: `Thôn ${v}`, kind: 'thon' });
  console.log(`${database.engine}, node ${process.version}, ${os.cpus().length} cores, ${mb(os.totalmem())} RAM`);

  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const before = peak;
  t = process.hrtime.bigint();
  const phases = new Map<string, number>();
  const profile = (phase: string, ms: number) => phases.set(phase, (phases.get(phase) ?? 0) + ms);
  const result = await importHouseholds(db, actor, COMMUNE, fs.createReadStream(file), { profile });
  const seconds = Number(process.hrtime.bigint() - t) / 1e9;
  clearInterval(sampler);
  for (const [phase, ms] of phases) report(`  ${phase}`, `${(ms / 1000).toFixed(2)} s`);
  report(
    'imported',
    `${result.households.created} households, ${result.members.created} members in ${seconds.toFixed(1)} s`,
  );
  report('households/s', (total / seconds).toFixed(0));
  report('RSS before / peak during the import', `${mb(before)} / ${mb(peak)}`);

  // The export of the same households (the list walked by keyset), written to a file.
  peak = process.memoryUsage().rss;
  const exportSampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  t = process.hrtime.bigint();
  const exported = path.join(dir, 'export.xlsx');
  const stream = await exportHouseholds(db, actor, {
    commune: COMMUNE,
    sort: 'head',
    order: 'asc',
    includeArchived: false,
  } as ExportQuery);
  await pipeline(stream, fs.createWriteStream(exported));
  const exportSeconds = Number(process.hrtime.bigint() - t) / 1e9;
  clearInterval(exportSampler);
  report(
    'export',
    `${mb(fs.statSync(exported).size)} in ${exportSeconds.toFixed(1)} s, ${(total / exportSeconds).toFixed(0)} households/s`,
  );
  report('RSS peak during the export', mb(peak));
} finally {
  await database.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
