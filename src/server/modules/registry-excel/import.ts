/**
 * importHouseholds: a workbook (the template's sheets, or the national software's list) into a
 * commune's registry, all or nothing. Rows are streamed, validated one by one with the registry's
 * own schemas, staged in batches, checked across the file, then merged in one transaction with an
 * audit row per household written and one for the import.
 */
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { foldAccents } from '../../../domain/text';
import type { Actor } from '../../platform/access';
import { recordAudit } from '../../platform/audit/audit';
import type { Db, Executor } from '../../platform/db/database';
import { requireCurrentUnit, type CurrentUnit } from '../admin-units/service';
import { memberRow, requireManage } from '../households/service';
import { listVillages } from '../villages/service';
import { AssessmentImport, type Place } from './assessments';
import { ASSESSMENT_SHEET, HOUSEHOLD_SHEET, MEMBER_SHEET, foldLabel, remembered, type SheetLayout } from './columns';
import { NATIONAL_LAYOUT, NationalRows, isNationalHeader, type NationalBatch } from './national';
import { fileTooLarge, importRefused, ProblemList } from './problems';
import { guardUpload, HEADER_SEARCH_ROWS, matchHeader, worksheets, type SheetRows } from './reader';
import * as repo from './repo';
import {
  placeProblems,
  readFields,
  validateAssessment,
  validateHousehold,
  validateMember,
  type AssessmentRecord,
  type HouseholdRecord,
  type MemberRecord,
  type RowProblem,
} from './rows';
import type { ImportResult } from './schemas';

export const IMPORT_LIMIT_BYTES = 100 * 1024 * 1024;
const BATCH = 2000;

export interface ImportOptions {
  dryRun?: boolean;
  limitBytes?: number;
  /** Told how long each phase took (the benchmark's profile). */
  profile?: Profile;
}

export type Profile = (phase: string, ms: number) => void;

/** Runs a phase and reports its duration to the profile, if any. */
function timer(profile: Profile | undefined) {
  return async <T>(phase: string, run: () => Promise<T>): Promise<T> => {
    if (!profile) return run();
    const start = performance.now();
    try {
      return await run();
    } finally {
      profile(phase, performance.now() - start);
    }
  };
}

export interface ImportOutcome {
  result: ImportResult | null;
  problems: ProblemList;
}

class Rollback extends Error {}

/** The import as the route calls it: a 422 listing every problem, or the counts. */
export async function importHouseholds(
  db: Db,
  actor: Actor,
  communeCode: string,
  upload: Readable,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const outcome = await checkAndImport(db, actor, communeCode, upload, options);
  if (!outcome.result) throw importRefused(outcome.problems);
  return outcome.result;
}

/** The commune the caller imports into: a commune in force, inside the scope, and theirs to manage. */
async function communeToImport(db: Db, actor: Actor, communeCode: string) {
  const commune = await requireCurrentUnit(db, communeCode, 'querystring.commune', 'commune');
  requireManage(actor, commune.area);
  return commune;
}

/** Validate, and write unless asked not to or something is wrong; never throws for bad content. */
export async function checkAndImport(
  db: Db,
  actor: Actor,
  communeCode: string,
  upload: Readable,
  options: ImportOptions = {},
): Promise<ImportOutcome> {
  const commune = await communeToImport(db, actor, communeCode);
  const villages = await villagesOf(db, actor, communeCode);
  const limitBytes = options.limitBytes ?? IMPORT_LIMIT_BYTES;
  const { feed, info } = guardUpload(upload, limitBytes);
  const problems = new ProblemList();
  let outcome: ImportOutcome | undefined;
  const time = timer(options.profile);
  try {
    await db.transaction(async (tx) => {
      await repo.createStaging(tx);
      const importer = new RowImporter(tx, commune, villages, problems, time);
      try {
        const start = performance.now();
        for await (const sheet of worksheets(feed)) await importer.sheet(sheet);
        options.profile?.('read and validate (staging included)', performance.now() - start);
      } catch (error) {
        if (info.tooLarge) throw fileTooLarge(limitBytes / 1024 / 1024);
        if (info.bytes > 0 && !info.notZip)
          problems.file(
            'Tệp bị hỏng hoặc không phải tệp Excel (.xlsx).',
            'The file is damaged or not an Excel (.xlsx) file.',
          );
        void error; // reported as a damaged file
      }
      await drain(feed);
      if (info.tooLarge) throw fileTooLarge(limitBytes / 1024 / 1024);
      if (info.bytes === 0) problems.file('Tệp trống.', 'The file is empty.');
      else if (info.notZip)
        problems.file('Tệp không phải tệp Excel (.xlsx).', 'The file is not an Excel (.xlsx) file.');
      else if (problems.total === 0) await importer.finishReading();
      await importer.flush();
      if (problems.total === 0 && !(await repo.anyStaged(tx)))
        problems.file('Tệp không có hộ nào.', 'The file has no households.');
      if (problems.fileLevel > 0) throw new Rollback();
      await time('index and analyze staging', () => repo.indexStaging(tx));
      await time('cross-checks', () => crossCheck(tx, communeCode, importer, problems));
      if (problems.total > 0) throw new Rollback();
      await time('match existing', () => repo.matchExisting(tx, communeCode));
      const counts = await time('counts', () => repo.counts(tx));
      const result: ImportResult = {
        ...counts,
        assessments: { created: 0, updated: 0 },
        dryRun: options.dryRun ?? false,
        layout: importer.layout,
        sha256: info.sha256,
      };
      // A dry run writes too (results are derived from the registry as the file leaves it), then rolls back.
      const assessments = new AssessmentImport(tx, actor, importer.place, problems);
      await write(tx, actor, commune, result, info.bytes, time, assessments);
      if (problems.total > 0) throw new Rollback();
      outcome = { result, problems };
      if (options.dryRun) throw new Rollback();
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
  return outcome ?? { result: null, problems };
}

async function drain(feed: Readable) {
  if (feed.readableEnded) return;
  feed.resume();
  await new Promise<void>((resolve) => {
    feed.once('end', resolve);
    feed.once('close', resolve);
  });
}

/** The commune's villages in use (a commune keeps dozens, never hundreds). */
export async function communeVillages(db: Db, actor: Actor, communeCode: string) {
  const { items } = await listVillages(db, actor, {
    commune: communeCode,
    limit: 500,
    offset: 0,
    sort: 'name',
    order: 'asc',
    includeArchived: false,
  });
  return items;
}

async function villagesOf(db: Db, actor: Actor, communeCode: string) {
  return new Map((await communeVillages(db, actor, communeCode)).map((v) => [foldAccents(v.name), v.id]));
}

type Area = { provinceCode: string; communeCode: string };

async function write(
  tx: Executor,
  actor: Actor,
  commune: CurrentUnit,
  result: ImportResult,
  bytes: number,
  time: ReturnType<typeof timer>,
  assessments: AssessmentImport,
) {
  const area: Area = { provinceCode: commune.area.provinceCode!, communeCode: commune.code };
  await time('keep before', () => repo.keepBefore(tx));
  await time('keys', () => repo.stageKeys(tx));
  await time('merge households', () => repo.mergeHouseholds(tx, area));
  await time('merge members', () => repo.mergeMembers(tx, area));
  const importId = randomUUID();
  await time('audit', () =>
    repo.auditHouseholds(
      tx,
      { id: actor.id, username: actor.username, ip: actor.ip ?? null, requestId: actor.requestId ?? null },
      area,
      importId,
    ),
  );
  result.assessments = await time('assessments', () => assessments.run(area.provinceCode));
  await recordAudit(tx, actor, {
    action: 'household.import',
    entity: 'household_import',
    entityId: importId,
    area: commune.area,
    after: { ...result, bytes },
  });
}

async function crossCheck(tx: Executor, communeCode: string, importer: RowImporter, problems: ProblemList) {
  const found = await repo.crossChecks(tx, communeCode, 1000);
  const national = importer.layout === 'national';
  // The national list holds households and members on its one sheet.
  const at = (sheet: SheetLayout, key: string) => importer.place(national ? NATIONAL_LAYOUT : sheet, key);
  const add = (
    list: repo.Located[],
    sheet: SheetLayout,
    key: string,
    vi: (l: repo.Located) => string,
    en: (l: repo.Located) => string,
  ) => list.forEach((l) => problems.add({ ...at(sheet, key), row: l.row, message: vi(l), messageEn: en(l) }));
  add(
    found.duplicateCodes,
    HOUSEHOLD_SHEET,
    'code',
    (l) => `Mã hộ "${l.code}" bị lặp (đã có ở dòng ${l.other}).`,
    (l) => `Household code "${l.code}" repeated (first at row ${l.other}).`,
  );
  add(
    found.archived,
    HOUSEHOLD_SHEET,
    'code',
    (l) => `Hộ mã "${l.code}" đã được lưu trữ, không cập nhật được.`,
    (l) => `Household "${l.code}" is archived.`,
  );
  add(
    found.noHead,
    HOUSEHOLD_SHEET,
    'code',
    (l) => `Hộ "${l.code}" chưa có chủ hộ ở sheet "${MEMBER_SHEET.name}".`,
    (l) => `Household "${l.code}" has no head among the members.`,
  );
  add(
    found.duplicateCitizenIds,
    MEMBER_SHEET,
    'citizenId',
    (l) => `Số định danh ${l.code} bị lặp (đã có ở dòng ${l.other}).`,
    (l) => `Citizen ID repeated (first at row ${l.other}).`,
  );
  add(
    found.unknownMemberHousehold,
    MEMBER_SHEET,
    'householdCode',
    (l) => `Mã hộ "${l.code}" không có ở sheet "${HOUSEHOLD_SHEET.name}".`,
    (l) => `Household code "${l.code}" is not in the households sheet.`,
  );
  add(
    found.secondHead,
    MEMBER_SHEET,
    'relation',
    (l) => `Hộ "${l.code}" có hai chủ hộ (chủ hộ đầu tiên ở dòng ${l.other}).`,
    (l) => `Household "${l.code}" has two heads (the first at row ${l.other}).`,
  );
  add(
    found.unknownAssessmentHousehold,
    ASSESSMENT_SHEET,
    'householdCode',
    (l) => `Mã hộ "${l.code}" không có ở sheet "${HOUSEHOLD_SHEET.name}".`,
    (l) => `Household code "${l.code}" is not in the households sheet.`,
  );
}

/** The layout whose every required column this row names, if any (and not already read). */
function recognised(layouts: SheetLayout[], seen: Set<SheetLayout>, values: unknown[]) {
  return (
    layouts.find((l) => {
      if (seen.has(l)) return false;
      const at = matchHeader(l, values);
      return l.columns.every((c) => !c.required || at.has(c.key));
    }) ?? null
  );
}

/**
 * A member's name keys as the households service computes them (memberRow), its folding and
 * sort key remembered by full name: a province repeats common names, and folding was a fifth of
 * the reading time.
 */
const nameKeys = remembered((fullName: string) => {
  const keys = memberRow({ fullName, citizenId: null } as Parameters<typeof memberRow>[0]);
  return { nameKey: keys.nameKey, sortKey: keys.sortKey, searchKey: keys.searchKey };
});
function memberKeys(member: { fullName: string; citizenId: string | null }) {
  const keys = nameKeys(member.fullName);
  // The search key folds "name ID": an ID is digits, so it is the folded name and the ID.
  return member.citizenId ? { ...keys, searchKey: `${keys.nameKey} ${member.citizenId}` } : keys;
}

/** Reads the sheets as they stream by, validating and staging rows. */
class RowImporter {
  layout: ImportResult['layout'] = 'template';
  private readonly seen = new Set<SheetLayout>();
  private readonly batches = { import_households: [], import_members: [], import_assessments: [] } as Record<
    repo.StagedTable,
    Record<string, unknown>[]
  >;
  private national: NationalRows | null = null;
  private staging: Promise<void> = Promise.resolve();
  readonly headers = new Map<SheetLayout, { name: string; at: Map<string, number> }>();

  constructor(
    private readonly tx: Executor,
    private readonly commune: CurrentUnit,
    private readonly villages: Map<string, string>,
    private readonly problems: ProblemList,
    private readonly time: ReturnType<typeof timer>,
  ) {}

  /** Where a layout's column is in this file (its sheet's name, the column's index and header). */
  readonly place: Place = (layout, key) => {
    const found = this.headers.get(layout);
    return {
      sheet: found?.name ?? layout.name,
      col: key ? (found?.at.get(key) ?? null) : null,
      column: (key && layout.columns.find((c) => c.key === key)?.header) || null,
    };
  };

  /**
   * A sheet is known by its name, or else by a header naming every required column of a layout
   * (ExcelJS cannot tell the names of sheets stored before the workbook part, as streamed files do).
   */
  async sheet(sheet: SheetRows) {
    const folded = foldLabel(sheet.name);
    const layouts = [HOUSEHOLD_SHEET, MEMBER_SHEET, ASSESSMENT_SHEET];
    const named = layouts.find((l) => foldLabel(l.name) === folded) ?? null;
    let header: Map<string, number> | null = null;
    let chosen: SheetLayout | null = named;
    let name = sheet.name;
    for await (const row of sheet.rows) {
      if (!header) {
        if (row.number > HEADER_SEARCH_ROWS) continue;
        if (!chosen)
          chosen = isNationalHeader(row.values) ? NATIONAL_LAYOUT : recognised(layouts, this.seen, row.values);
        if (!chosen) continue;
        const found = matchHeader(chosen, row.values);
        if (found.size < Math.min(3, chosen.columns.length)) continue;
        header = found;
        if (!named && /^sheet\d+$/iu.test(sheet.name) && chosen !== NATIONAL_LAYOUT) name = chosen.name;
        if (!this.acceptHeader(chosen, name, row.number, header)) break;
        continue;
      }
      await this.row(chosen!, name, header, row.number, row.values);
    }
    for await (const row of sheet.rows) void row; // the rest of a refused sheet, drained
    if (named && !header)
      this.problems.file(
        `Không tìm thấy dòng tiêu đề của sheet "${sheet.name}" trong ${HEADER_SEARCH_ROWS} dòng đầu.`,
        `No header row found in the first ${HEADER_SEARCH_ROWS} rows of sheet "${sheet.name}".`,
        sheet.name,
      );
  }

  private acceptHeader(layout: SheetLayout, name: string, rowNumber: number, at: Map<string, number>) {
    this.seen.add(layout);
    this.headers.set(layout, { name, at });
    if (layout === NATIONAL_LAYOUT) {
      this.layout = 'national';
      this.national = new NationalRows(this.commune, this.villages);
    }
    const missing = layout.columns.filter((c) => c.required && !at.has(c.key));
    this.problems.fileLevel += missing.length;
    for (const column of missing)
      this.problems.add({
        sheet: name,
        row: rowNumber,
        col: null,
        column: column.header,
        message: `Thiếu cột bắt buộc "${column.header}".`,
        messageEn: `Missing required column "${column.header}".`,
      });
    return missing.length === 0;
  }

  private report(sheet: string, at: Map<string, number>, rowNumber: number, list: RowProblem[]) {
    for (const p of list)
      this.problems.add({
        sheet,
        row: rowNumber,
        col: p.column ? (at.get(p.column.key) ?? null) : null,
        column: p.column?.header ?? null,
        message: p.vi,
        messageEn: p.en,
      });
  }

  private async row(layout: SheetLayout, sheet: string, at: Map<string, number>, rowNumber: number, values: unknown[]) {
    if (layout === NATIONAL_LAYOUT) {
      const read = this.national!.row(at, rowNumber, values);
      this.report(sheet, at, rowNumber, read.problems);
      return this.nationalBatch(sheet, at, read);
    }
    const { fields, problems, empty } = readFields(layout, at, values);
    if (empty) return;
    const failed = new Set(problems.map((p) => p.column?.key));
    const keep = (list: RowProblem[]) => [...problems, ...list.filter((p) => !failed.has(p.column?.key))];
    if (layout === HOUSEHOLD_SHEET) {
      const checked = validateHousehold(layout, fields);
      const all = keep(checked.problems);
      if (checked.record) all.push(...placeProblems(layout, checked.record, this.commune, this.villages));
      this.report(sheet, at, rowNumber, all);
      const code = typeof fields.code === 'string' ? fields.code.trim() : null;
      await this.household(rowNumber, checked.record ?? { code: code ?? undefined }, all.length === 0);
    } else if (layout === MEMBER_SHEET) {
      const checked = validateMember(layout, fields);
      const all = keep(checked.problems);
      this.report(sheet, at, rowNumber, all);
      await this.member(rowNumber, checked.record ?? fields, all.length === 0);
    } else {
      // An override whose indicator could not be read is still an override row, not a result row.
      const read = failed.has('overrideIndicator') ? { ...fields, overrideIndicator: '?' } : fields;
      const checked = validateAssessment(layout, read);
      const all = keep(checked.problems);
      this.report(sheet, at, rowNumber, all);
      await this.assessment(rowNumber, checked.record, fields, all.length === 0);
    }
  }

  /** Rows are staged a batch at a time, one batch in flight while the next is read. */
  private async push(table: repo.StagedTable, row: Record<string, unknown>) {
    const batch = this.batches[table];
    batch.push(row);
    if (batch.length >= BATCH) await this.stage(table, batch.splice(0));
  }

  private async stage(table: repo.StagedTable, rows: Record<string, unknown>[]) {
    await this.staging;
    this.staging = this.time('staging inserts (overlapping the reading)', () => repo.stage(this.tx, table, rows));
    this.staging.catch(() => undefined); // surfaced by the next await
  }

  async household(rowNumber: number, record: Partial<HouseholdRecord>, valid: boolean) {
    if (!valid || !record.dwelling) return this.push('import_households', { row: rowNumber, valid, code: record.code });
    const d = record.dwelling;
    await this.push('import_households', {
      row: rowNumber,
      valid,
      code: record.code,
      search_prefix: foldAccents(`${record.code} ${record.address}`),
      village_id: this.villages.get(foldAccents(record.village!)),
      address: record.address,
      area: record.area,
      ethnic_minority: record.ethnicMinority,
      phone: record.phone,
      policy_flags: record.policyFlags,
      walls: d.walls,
      frame: d.frame,
      roof: d.roof,
      floor_area: d.floorArea,
      clean_water: d.cleanWater,
      hygienic_latrine: d.hygienicLatrine,
      telecom_subscription: d.telecomSubscription,
      devices: d.devices,
      hears_loudspeaker: d.hearsLoudspeaker,
      internet_use: d.internetUse,
      waste_handled_hygienically: d.wasteHandledHygienically,
    });
  }

  async member(rowNumber: number, record: Partial<MemberRecord> | Record<string, unknown>, valid: boolean) {
    const m = record as MemberRecord;
    if (!valid)
      return this.push('import_members', {
        row: rowNumber,
        valid,
        household_code: typeof m.householdCode === 'string' ? m.householdCode.trim() : null,
        relation: typeof m.relation === 'string' ? m.relation : null,
      });
    const { householdCode, ...member } = m;
    const keys = memberKeys(member);
    await this.push('import_members', {
      row: rowNumber,
      valid,
      household_code: householdCode,
      full_name: member.fullName,
      date_of_birth: member.dateOfBirth,
      sex: member.sex,
      citizen_id: member.citizenId,
      relation: member.relation,
      ethnicity: member.ethnicity,
      disability: member.disability,
      health_insurance: member.healthInsurance,
      attending: member.attending,
      education: member.education,
      in_training: member.inTraining,
      work: member.work,
      able_to_work: member.ableToWork,
      monthly_social_allowance: member.monthlySocialAllowance,
      stunted: member.stunted,
      underweight: member.underweight,
      name_key: keys.nameKey,
      sort_key: keys.sortKey,
      search_key: keys.searchKey,
    });
  }

  async assessment(
    rowNumber: number,
    record: AssessmentRecord | undefined,
    fields: Record<string, unknown>,
    valid: boolean,
  ) {
    await this.push('import_assessments', {
      row: rowNumber,
      valid,
      household_code: record?.householdCode ?? (typeof fields.householdCode === 'string' ? fields.householdCode : null),
      year: record?.year ?? null,
      payload: record ? { kind: 'survey', ...record } : null,
    });
  }

  private async nationalBatch(sheet: string, at: Map<string, number>, batch: NationalBatch) {
    for (const late of this.national!.late.splice(0)) this.report(sheet, at, late.row, late.problems);
    for (const h of batch.households) await this.household(h.row, h.record, h.valid);
    for (const m of batch.members) await this.member(m.row, m.record, m.valid);
    for (const l of batch.listed)
      await this.push('import_assessments', {
        row: l.row,
        valid: true,
        household_code: l.householdCode,
        year: l.result.year,
        payload: { kind: 'listed', ...l.result },
      });
  }

  /** After the last sheet: what was missing, and the national list's last household. */
  async finishReading() {
    if (this.national) {
      const place = this.headers.get(NATIONAL_LAYOUT)!;
      return this.nationalBatch(place.name, place.at, this.national.finish());
    }
    for (const layout of [HOUSEHOLD_SHEET, MEMBER_SHEET])
      if (!this.seen.has(layout))
        this.problems.file(`Thiếu sheet "${layout.name}".`, `The sheet "${layout.name}" is missing.`, layout.name);
  }

  async flush() {
    for (const table of Object.keys(this.batches) as repo.StagedTable[])
      await this.stage(table, this.batches[table].splice(0));
    await this.staging;
  }
}
