/**
 * The national poverty-reduction software's list ("DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO SAU KHI RÀ
 * SOÁT"): a row per member, the head's name repeated on each row of the household. Consecutive
 * rows with the same head (and village) are one household. The list has no household code: one
 * is derived from the head's folded name and date of birth ("QG-" and 12 hex digits of their
 * SHA-256), so the same list imported again finds the same households.
 */
import { createHash } from 'node:crypto';
import { todayInVietnam } from '../../../domain/calendar';
import { CATEGORIES, CATEGORY_LABELS } from '../../../domain/poverty';
import { foldAccents } from '../../../domain/text';
import type { CurrentUnit } from '../admin-units/service';
import { codeList, foldLabel, LISTS, type Column, type SheetLayout } from './columns';
import { cellText } from './cells';
import {
  listedProblems,
  placeProblems,
  readFields,
  validateHousehold,
  validateMember,
  type HouseholdRecord,
  type RowProblem,
} from './rows';

const category = codeList('Phân loại hộ', CATEGORIES, CATEGORY_LABELS);
const categoryList = { ...category, find: (t: string) => category.find(t) ?? category.find(`hộ ${t}`) };

type NationalColumn = Column & { aliases?: string[] };
const col = (key: string, header: string, kind: Column['kind'], aliases: string[] = [], required = false) =>
  ({ key, header, kind, aliases, required, help: '' }) satisfies NationalColumn;

export const NATIONAL_LAYOUT: SheetLayout = {
  name: 'Danh sách hộ nghèo, hộ cận nghèo',
  help: 'Danh sách xuất từ phần mềm quốc gia về giảm nghèo',
  columns: [
    col('headName', 'Chủ hộ', 'text', ['Họ và tên chủ hộ', 'Họ tên chủ hộ', 'Tên chủ hộ'], true),
    col('fullName', 'Thành viên', 'text', ['Họ và tên', 'Họ tên', 'Họ và tên thành viên', 'Tên thành viên'], true),
    col('relation', 'Quan hệ với chủ hộ', { code: LISTS.relation }, ['Quan hệ', 'Mối quan hệ với chủ hộ'], true),
    col('dateOfBirth', 'Ngày sinh', 'date', ['Ngày, tháng, năm sinh', 'Ngày tháng năm sinh'], true),
    col('sex', 'Giới tính', { code: LISTS.sex }, [], true),
    col('citizenId', 'Số CCCD', 'citizenId', ['Số định danh cá nhân', 'CCCD', 'Số CMND/CCCD', 'Số định danh']),
    col('householdCode', 'Mã hộ', 'text', ['Mã hộ gia đình']),
    col('provinceName', 'Tỉnh', 'text', ['Tỉnh/thành phố']),
    col('provinceCode', 'Mã tỉnh', 'text'),
    col('districtName', 'Huyện', 'text', ['Quận/huyện']),
    col('districtCode', 'Mã huyện', 'text'),
    col('communeName', 'Xã', 'text', ['Xã/phường']),
    col('communeCode', 'Mã xã', 'text', [], true),
    col('village', 'Thôn', 'text', ['Thôn/tổ dân phố', 'Thôn/xóm', 'Thôn, ấp, bản', 'Thôn/ấp'], true),
    col('ethnicity', 'Dân tộc', 'text'),
    col('category', 'Phân loại hộ', { code: categoryList }, ['Loại hộ', 'Phân loại'], true),
    col('decisionNumber', 'Số quyết định', 'text', ['Quyết định công nhận', 'Số QĐ']),
    col('decisionDate', 'Ngày quyết định', 'date', ['Ngày QĐ', 'Ngày ban hành quyết định']),
    col('b1', 'B1', 'integer', ['Điểm B1']),
    col('b2', 'B2', 'integer', ['Điểm B2']),
    col('ethnicMinority', 'Dân tộc thiểu số', 'boolean', ['Hộ dân tộc thiểu số', 'DTTS']),
    col('unableToWork', 'Không có khả năng lao động', 'boolean', ['Hộ không có khả năng lao động']),
    col('meritFamily', 'Thuộc hộ người có công', 'boolean', ['Người có công', 'Hộ gia đình người có công']),
    col('causes', 'Nguyên nhân nghèo', { codes: LISTS.cause }, ['Nguyên nhân']),
  ],
};

/** A header row of the national list: names the head and the relation to the head. */
export function isNationalHeader(values: unknown[]) {
  const folded = values.map((v) => cellText(v)).map((t) => (t === null ? '' : foldLabel(String(t))));
  return (
    folded.some((t) => t === 'chu ho' || t.includes('ho va ten chu ho')) && folded.some((t) => t.startsWith('quan he'))
  );
}

function nationalHouseholdCode(headName: string, dateOfBirth: string) {
  const digest = createHash('sha256')
    .update(`${foldAccents(headName)}|${dateOfBirth}`)
    .digest('hex');
  return `QG-${digest.slice(0, 12).toUpperCase()}`;
}

interface Pending {
  row: number;
  key: string;
  fields: Record<string, unknown>;
  members: { row: number; fields: Record<string, unknown> }[];
}

export interface NationalBatch {
  problems: RowProblem[];
  households: { row: number; record: Partial<HouseholdRecord>; valid: boolean }[];
  members: { row: number; record: Record<string, unknown>; valid: boolean }[];
  listed: { row: number; householdCode: string; result: Record<string, unknown> }[];
}

/** Groups the member rows into households as they stream by (one household held at a time). */
export class NationalRows {
  private pending: Pending | null = null;
  /** Problems of a finished household are reported at its rows, so they are returned with it. */
  readonly late: { row: number; problems: RowProblem[] }[] = [];

  constructor(
    private readonly commune: CurrentUnit,
    private readonly villages: Map<string, string>,
  ) {}

  row(at: Map<string, number>, rowNumber: number, values: unknown[]): NationalBatch {
    const { fields, problems, empty } = readFields(NATIONAL_LAYOUT, at, values);
    const out = emptyBatch();
    if (empty) return out;
    out.problems.push(...problems);
    const key = `${foldAccents(String(fields.headName ?? ''))}|${foldAccents(String(fields.village ?? ''))}`;
    if (this.pending && this.pending.key !== key) merge(out, this.close());
    if (!this.pending) this.pending = { row: rowNumber, key, fields, members: [] };
    this.pending.members.push({ row: rowNumber, fields });
    if (fields.relation === 'head') this.pending.fields = { ...this.pending.fields, ...fields };
    return out;
  }

  finish(): NationalBatch {
    return this.pending ? this.close() : emptyBatch();
  }

  private close(): NationalBatch {
    const { row, fields, members } = this.pending!;
    this.pending = null;
    const out = emptyBatch();
    const headName = String(fields.headName ?? '');
    const code =
      typeof fields.householdCode === 'string'
        ? fields.householdCode
        : nationalHouseholdCode(headName, String(fields.dateOfBirth ?? ''));
    const village = String(fields.village ?? '');
    const household = validateHousehold(NATIONAL_LAYOUT, {
      communeCode: fields.communeCode,
      code,
      village,
      address: `${village}, ${this.commune.name}`,
      area: /^phường/iu.test(this.commune.name) ? 'urban' : 'rural',
      ethnicMinority: fields.ethnicMinority ?? false,
      policyFlags: [
        ...(fields.meritFamily ? ['merit_family'] : []),
        ...(fields.unableToWork ? ['unable_to_work'] : []),
      ],
    });
    const place = household.record ? placeProblems(NATIONAL_LAYOUT, household.record, this.commune, this.villages) : [];
    const householdProblems = [...household.problems, ...place];
    const listed = fields.category ? listedProblems(NATIONAL_LAYOUT, fields) : [];
    this.late.push({ row, problems: [...householdProblems, ...listed] });
    out.households.push({
      row,
      record: household.record ?? { code },
      valid: householdProblems.length === 0,
    });
    for (const m of members) {
      const member = validateMember(NATIONAL_LAYOUT, {
        householdCode: code,
        fullName: m.fields.fullName,
        dateOfBirth: m.fields.dateOfBirth,
        sex: m.fields.sex,
        citizenId: m.fields.citizenId,
        relation: m.fields.relation,
        ...(m.fields.ethnicity ? { ethnicity: m.fields.ethnicity } : {}),
      });
      this.late.push({ row: m.row, problems: member.problems });
      out.members.push({
        row: m.row,
        record: member.record ?? { householdCode: code, relation: m.fields.relation },
        valid: member.problems.length === 0,
      });
    }
    if (fields.category)
      out.listed.push({
        row,
        householdCode: code,
        result: {
          year: listYear(fields.decisionDate as string | undefined),
          category: fields.category,
          incomeScore: fields.b1 ?? null,
          deprivationScore: fields.b2 ?? null,
          causes: fields.causes ?? [],
          decisionNumber: fields.decisionNumber ?? null,
          decisionDate: fields.decisionDate ?? null,
        },
      });
    return out;
  }
}

/** A decision of the periodic review (September–December) decides the next year's list. */
function listYear(decisionDate: string | undefined) {
  if (!decisionDate) return Number(todayInVietnam().slice(0, 4));
  const year = Number(decisionDate.slice(0, 4));
  return Number(decisionDate.slice(5, 7)) >= 9 ? year + 1 : year;
}

const emptyBatch = (): NationalBatch => ({ problems: [], households: [], members: [], listed: [] });
function merge(into: NationalBatch, from: NationalBatch) {
  into.problems.push(...from.problems);
  into.households.push(...from.households);
  into.members.push(...from.members);
  into.listed.push(...from.listed);
}
