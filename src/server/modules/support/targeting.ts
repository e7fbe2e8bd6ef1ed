/**
 * Targeting and coverage (không để ai bị bỏ lại phía sau): who on the year's poor and near-poor
 * lists received nothing, which deprivations no support answers, which communes have the highest
 * poverty rates and what share of the support reached them, and a priority list under an
 * editable rule with each household's score explained. Each view is also an Excel file.
 */
import {
  DEFAULT_PRIORITY_RULE,
  PRIORITY_FACTORS,
  score,
  SUPPORT_KIND_LABELS,
  type PriorityRule,
  type SupportKind,
} from '../../../domain/support';
import { CATEGORY_LABELS } from '../../../domain/poverty';
import { INDICATORS_2022 } from '../../../domain/poverty/standards/2022-2025';
import type { Actor } from '../../platform/access';
import type { Db } from '../../platform/db/database';
import { errors } from '../../platform/errors';
import { unitNames } from '../admin-units/service';
import ExcelJS from '../registry-excel/exceljs';
import * as repo from './targeting-repo';
import type { PriorityQuery, TargetingQuery } from './targeting-schemas';

/** An Excel export holds the whole view, up to this many rows. */
const EXPORT_ROWS = 50_000;

function areaOf(actor: Actor, query: TargetingQuery): repo.ViewArea {
  return { scope: actor.scope, year: query.year, commune: query.commune };
}

export function leftBehind(db: Db, actor: Actor, query: TargetingQuery) {
  return repo.leftBehind(db, areaOf(actor, query), query.limit, query.offset);
}

export async function unaddressed(db: Db, actor: Actor, query: TargetingQuery & { indicator?: string }) {
  const { items, total } = await repo.unaddressed(db, areaOf(actor, query), query.indicator, query.limit, query.offset);
  return { items: items.map((r) => ({ ...r, kinds: r.kinds as SupportKind[] })), total };
}

const percent = (part: number, whole: number) => (whole > 0 ? Math.round((part * 1000) / whole) / 10 : 0);

/** Communes by poverty rate, highest first, with their share of the year's support. */
export async function coverage(db: Db, actor: Actor, query: TargetingQuery) {
  const rows = (await repo.coverage(db, areaOf(actor, query))).filter(
    (r) => !query.commune || r.communeCode === query.commune,
  );
  const totalValue = rows.reduce((sum, r) => sum + r.supportValue, 0);
  const names = await unitNames(
    db,
    rows.map((r) => r.communeCode),
  );
  const communes = rows
    .map((r) => ({
      ...r,
      name: names.get(r.communeCode) ?? r.communeCode,
      povertyRate: percent(r.poor, r.assessed),
      valueShare: percent(r.supportValue, totalValue),
      reachedShare: percent(r.reached, r.poor + r.nearPoor),
    }))
    .sort((x, y) => y.povertyRate - x.povertyRate || x.communeCode.localeCompare(y.communeCode));
  return { year: query.year, totalValue, communes };
}

/** The rule of the request: the default points, with those the officer changed. */
export function ruleOf(query: Partial<Record<(typeof PRIORITY_FACTORS)[number], number>>): PriorityRule {
  return Object.fromEntries(PRIORITY_FACTORS.map((f) => [f, query[f] ?? DEFAULT_PRIORITY_RULE[f]])) as PriorityRule;
}

/** The priority list: ranked in SQL over the area, each shown row explained part by part by the pure rule. */
export async function priority(db: Db, actor: Actor, query: PriorityQuery) {
  const rule = ruleOf(query);
  const { items, total } = await repo.priority(db, areaOf(actor, query), rule, query.limit, query.offset);
  const covered = query.budget && query.cost ? Math.floor(query.budget / query.cost) : null;
  return {
    rule,
    coveredByBudget: covered,
    total,
    items: items.map((r, i) => ({
      householdId: r.householdId,
      code: r.code,
      headName: r.headName,
      communeCode: r.communeCode,
      category: r.category,
      rank: r.rank,
      score: r.score,
      parts: score({ ...r, category: r.category }, rule).parts,
      withinBudget: covered === null ? null : query.offset + i < covered,
    })),
  };
}

// ——— Excel

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
type Cell = string | number;

async function workbook(title: string, header: string[], rows: Cell[][]) {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(title.slice(0, 31));
  sheet.addRow([title]).font = { bold: true, size: 13 };
  sheet.addRow(header).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  sheet.columns.forEach((c, i) => (c.width = i === 0 ? 8 : 22));
  return { body: Buffer.from(await book.xlsx.writeBuffer()), type: XLSX_TYPE };
}

const category = (c: 'poor' | 'near_poor') => CATEGORY_LABELS[c].vi;
const indicatorName = (key: string) => INDICATORS_2022[key as keyof typeof INDICATORS_2022]?.name.vi ?? key;
const all = <Q extends TargetingQuery>(query: Q): Q => ({ ...query, limit: EXPORT_ROWS, offset: 0 });

export type TargetingView = 'left-behind' | 'unaddressed' | 'coverage' | 'priority';

/** The view as an Excel file (the whole list, not a page), headed in Vietnamese. */
export async function exportView(
  db: Db,
  actor: Actor,
  view: TargetingView,
  query: PriorityQuery & { indicator?: string },
) {
  const year = query.year;
  const name = `${view}-${year}${query.commune ? `-${query.commune}` : ''}.xlsx`;
  switch (view) {
    case 'left-behind': {
      const { items } = await leftBehind(db, actor, all(query));
      const rows = items.map((r, i) => [
        i + 1,
        r.code,
        r.headName,
        r.communeCode,
        category(r.category),
        r.deprivationCount,
        r.deprivations.map(indicatorName).join(', '),
      ]);
      return {
        name,
        ...(await workbook(
          `Hộ nghèo, cận nghèo chưa được hỗ trợ năm ${year}`,
          ['STT', 'Mã hộ', 'Chủ hộ', 'Mã xã', 'Loại hộ', 'Số chỉ số thiếu hụt', 'Chỉ số thiếu hụt'],
          rows,
        )),
      };
    }
    case 'unaddressed': {
      const { items } = await unaddressed(db, actor, all(query));
      const rows = items.map((r, i) => [
        i + 1,
        r.code,
        r.headName,
        r.communeCode,
        category(r.category),
        indicatorName(r.indicator),
        r.kinds.map((k) => SUPPORT_KIND_LABELS[k].vi).join(', '),
      ]);
      return {
        name,
        ...(await workbook(
          `Thiếu hụt chưa được hỗ trợ năm ${year}`,
          ['STT', 'Mã hộ', 'Chủ hộ', 'Mã xã', 'Loại hộ', 'Thiếu hụt', 'Loại hỗ trợ còn thiếu'],
          rows,
        )),
      };
    }
    case 'coverage': {
      const { communes } = await coverage(db, actor, query);
      const rows = communes.map((c, i) => [
        i + 1,
        c.name,
        c.assessed,
        c.poor,
        c.nearPoor,
        c.povertyRate,
        c.supportedHouseholds,
        c.supportValue,
        c.valueShare,
        c.reached,
        c.reachedShare,
      ]);
      return {
        name,
        ...(await workbook(
          `Tỷ lệ nghèo và phần hỗ trợ theo xã năm ${year}`,
          [
            'STT',
            'Xã/phường',
            'Số hộ được đánh giá',
            'Hộ nghèo',
            'Hộ cận nghèo',
            'Tỷ lệ nghèo (%)',
            'Số hộ được hỗ trợ',
            'Giá trị hỗ trợ (đồng)',
            'Phần giá trị (%)',
            'Hộ nghèo, cận nghèo được hỗ trợ',
            'Tỷ lệ được hỗ trợ (%)',
          ],
          rows,
        )),
      };
    }
    case 'priority': {
      const { items } = await priority(db, actor, all(query));
      const rows = items.map((r) => [
        r.rank,
        r.code,
        r.headName,
        r.communeCode,
        category(r.category),
        r.score,
        r.parts.map((p) => `${p.label.vi} × ${p.count} = ${p.points}`).join('; '),
      ]);
      return {
        name,
        ...(await workbook(
          `Danh sách ưu tiên hỗ trợ năm ${year}`,
          ['Thứ hạng', 'Mã hộ', 'Chủ hộ', 'Mã xã', 'Loại hộ', 'Điểm', 'Cách tính điểm'],
          rows,
        )),
      };
    }
    default:
      throw errors.notFound('báo cáo', 'View');
  }
}
