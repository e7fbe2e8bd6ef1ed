/**
 * Targeting and coverage (không để ai bị bỏ lại phía sau): who on the year's poor and near-poor
 * lists received nothing, which deprivations no support answers, which communes have the highest
 * poverty rates and what share of the support reached them, and a priority list under an
 * editable rule with each household's score explained. Each view is also an Excel file.
 */
import {
  DEFAULT_PRIORITY_RULE,
  FACTOR_LABELS,
  PRIORITY_FACTORS,
  score,
  SUPPORT_KIND_LABELS,
  type PriorityRule,
  type SupportKind,
} from '../../../domain/support';
import { CATEGORY_LABELS } from '../../../domain/poverty';
import { capitalise } from '../../../domain/text';
import { INDICATORS_2022 } from '../../../domain/poverty/standards/2022-2025';
import type { Actor } from '../../platform/access';
import type { Db } from '../../platform/db/database';
import { errors } from '../../platform/errors';
import { unitNames } from '../admin-units/service';
import { XLSX_TYPE } from '../registry-excel/schemas';
import { tableWorkbook, type TableSheet } from '../registry-excel/table-workbook';
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

const indicatorName = (key: string) => INDICATORS_2022[key as keyof typeof INDICATORS_2022]?.name.vi ?? key;
const all = <Q extends TargetingQuery>(query: Q): Q => ({ ...query, limit: EXPORT_ROWS, offset: 0 });
const category = (c: 'poor' | 'near_poor') => capitalise(CATEGORY_LABELS[c].vi);
type ListedHousehold = { code: string; headName: string; communeCode: string; category: 'poor' | 'near_poor' };

/** The first cells of a household list's rows: number, code, head, commune (by name), category. */
async function householdCells(db: Db, rows: ListedHousehold[]) {
  const communes = await unitNames(
    db,
    rows.map((r) => r.communeCode),
  );
  return (r: ListedHousehold, i: number) => [
    i + 1,
    r.code,
    r.headName,
    communes.get(r.communeCode) ?? r.communeCode,
    category(r.category),
  ];
}
const HOUSEHOLD_HEADER = ['STT', 'Mã hộ', 'Chủ hộ', 'Xã/phường', 'Loại hộ'];

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
  const file = (sheet: TableSheet) => tableWorkbook([sheet]).then((body) => ({ name, type: XLSX_TYPE, body }));
  switch (view) {
    case 'left-behind': {
      const { items } = await leftBehind(db, actor, all(query));
      const cells = await householdCells(db, items);
      return file({
        name: 'Chưa được hỗ trợ',
        title: `Hộ nghèo, cận nghèo chưa được hỗ trợ năm ${year}`,
        header: [...HOUSEHOLD_HEADER, 'Số chỉ số thiếu hụt', 'Chỉ số thiếu hụt'],
        rows: items.map((r, i) => [...cells(r, i), r.deprivationCount, r.deprivations.map(indicatorName).join(', ')]),
      });
    }
    case 'unaddressed': {
      const { items } = await unaddressed(db, actor, all(query));
      const cells = await householdCells(db, items);
      return file({
        name: 'Thiếu hụt chưa hỗ trợ',
        title: `Thiếu hụt chưa được hỗ trợ năm ${year}`,
        header: [...HOUSEHOLD_HEADER, 'Thiếu hụt', 'Loại hỗ trợ còn thiếu'],
        rows: items.map((r, i) => [
          ...cells(r, i),
          indicatorName(r.indicator),
          r.kinds.map((k) => SUPPORT_KIND_LABELS[k].vi).join(', '),
        ]),
      });
    }
    case 'coverage': {
      const { communes } = await coverage(db, actor, query);
      return file({
        name: 'Theo xã',
        title: `Tỷ lệ nghèo và phần hỗ trợ theo xã năm ${year}`,
        header: [
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
        rows: communes.map((c, i) => [
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
        ]),
      });
    }
    case 'priority': {
      const { items, rule } = await priority(db, actor, all(query));
      const cells = await householdCells(db, items);
      // Every factor's points in its own column, so the ranking can be checked (and re-sorted) in Excel.
      const factors = PRIORITY_FACTORS.filter((f) => rule[f] > 0);
      return file({
        name: 'Ưu tiên',
        title: `Danh sách ưu tiên hỗ trợ năm ${year}`,
        lines: [`Quy tắc chấm điểm: ${factors.map((f) => `${FACTOR_LABELS[f].vi} ${rule[f]} điểm`).join('; ')}.`],
        header: [
          'Thứ hạng',
          ...HOUSEHOLD_HEADER.slice(1),
          'Điểm',
          ...factors.map((f) => `${capitalise(FACTOR_LABELS[f].vi)} (điểm)`),
          'Cách tính điểm',
        ],
        // The rank in the first column (equal scores share one) instead of the row's number.
        rows: items.map((r, i) => [
          r.rank,
          ...cells(r, i).slice(1),
          r.score,
          ...factors.map((f) => r.parts.find((p) => p.factor === f)?.points ?? 0),
          r.parts.map((p) => `${p.label.vi} × ${p.count} = ${p.points}`).join('; '),
        ]),
      });
    }
    default:
      throw errors.notFound('báo cáo', 'View');
  }
}
