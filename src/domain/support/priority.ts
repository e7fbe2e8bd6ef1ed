/**
 * The priority list for a limited budget: households ranked by a transparent rule the officer
 * can read and edit — points per deprivation, per tenth of the income gap, per vulnerable
 * member, for the household's circumstances — each household's score shown part by part, so
 * that anyone can check why it stands where it does.
 */
import type { Localized } from '../poverty';

export const PRIORITY_FACTORS = [
  'poor',
  'nearPoor',
  'deprivation',
  'incomeGapTenth',
  'child',
  'elderly',
  'disabled',
  'ethnicMinority',
  'womanHeaded',
  'noSupportThisYear',
] as const;
export type PriorityFactor = (typeof PRIORITY_FACTORS)[number];

/** Points per unit of each factor: whole numbers from 0 to 100. */
export type PriorityRule = Record<PriorityFactor, number>;

export const DEFAULT_PRIORITY_RULE: PriorityRule = {
  poor: 30,
  nearPoor: 15,
  deprivation: 10,
  incomeGapTenth: 5,
  child: 4,
  elderly: 4,
  disabled: 6,
  ethnicMinority: 5,
  womanHeaded: 5,
  noSupportThisYear: 10,
};

export const FACTOR_LABELS: Record<PriorityFactor, Localized> = {
  poor: { vi: 'hộ nghèo', en: 'poor household' },
  nearPoor: { vi: 'hộ cận nghèo', en: 'near-poor household' },
  deprivation: { vi: 'chỉ số thiếu hụt', en: 'deprivations' },
  incomeGapTenth: { vi: 'phần mười thu nhập còn thiếu so với chuẩn', en: 'tenths of income below the line' },
  child: { vi: 'trẻ em dưới 16 tuổi', en: 'children under 16' },
  elderly: { vi: 'người từ 60 tuổi', en: 'people aged 60 or more' },
  disabled: { vi: 'người khuyết tật', en: 'people with disabilities' },
  ethnicMinority: { vi: 'hộ dân tộc thiểu số', en: 'ethnic-minority household' },
  womanHeaded: { vi: 'phụ nữ làm chủ hộ', en: 'woman-headed' },
  noSupportThisYear: { vi: 'chưa được hỗ trợ trong năm', en: 'no support this year' },
};

export interface PriorityFacts {
  householdId: string;
  code: string;
  category: 'poor' | 'near_poor' | 'average' | 'not_poor' | null;
  deprivationCount: number;
  /** Monthly income per person and the standard's line for the household's area, in VND. */
  incomePerCapita: number | null;
  povertyLine: number | null;
  children: number;
  elderly: number;
  disabled: number;
  ethnicMinority: boolean;
  womanHeaded: boolean;
  supportedThisYear: boolean;
}

export interface ScorePart {
  factor: PriorityFactor;
  count: number;
  points: number;
  label: Localized;
}

export interface Ranked {
  householdId: string;
  code: string;
  rank: number;
  score: number;
  parts: ScorePart[];
}

/** The rule's problems, one per factor (an unknown factor, or points not a whole number 0–100). */
export function ruleProblems(rule: Record<string, unknown>): { factor: string; message: Localized }[] {
  const problems: { factor: string; message: Localized }[] = [];
  for (const [factor, points] of Object.entries(rule)) {
    if (!(PRIORITY_FACTORS as readonly string[]).includes(factor))
      problems.push({ factor, message: { vi: `Không có tiêu chí "${factor}".`, en: `Unknown factor "${factor}".` } });
    else if (!Number.isInteger(points) || (points as number) < 0 || (points as number) > 100)
      problems.push({
        factor,
        message: { vi: 'Điểm phải là số nguyên từ 0 đến 100.', en: 'Points must be a whole number from 0 to 100.' },
      });
  }
  return problems;
}

/** Whole tenths of the line the income falls short by (0 when at or above it, or unknown). */
export function incomeGapTenths(income: number | null, line: number | null): number {
  if (income === null || line === null || line <= 0 || income >= line) return 0;
  return Math.floor(((line - Math.max(income, 0)) * 10) / line);
}

export function score(facts: PriorityFacts, rule: PriorityRule): { score: number; parts: ScorePart[] } {
  const counts: Record<PriorityFactor, number> = {
    poor: facts.category === 'poor' ? 1 : 0,
    nearPoor: facts.category === 'near_poor' ? 1 : 0,
    deprivation: facts.deprivationCount,
    incomeGapTenth: incomeGapTenths(facts.incomePerCapita, facts.povertyLine),
    child: facts.children,
    elderly: facts.elderly,
    disabled: facts.disabled,
    ethnicMinority: facts.ethnicMinority ? 1 : 0,
    womanHeaded: facts.womanHeaded ? 1 : 0,
    noSupportThisYear: facts.supportedThisYear ? 0 : 1,
  };
  const parts = PRIORITY_FACTORS.filter((f) => counts[f] > 0 && rule[f] > 0).map((factor) => ({
    factor,
    count: counts[factor],
    points: counts[factor] * rule[factor],
    label: FACTOR_LABELS[factor],
  }));
  return { score: parts.reduce((sum, p) => sum + p.points, 0), parts };
}

/**
 * Households in priority order: higher score first; ties by more deprivations, then by code,
 * so the order never depends on how the list was read. Equal scores share a rank.
 */
export function rank(households: readonly PriorityFacts[], rule: PriorityRule): Ranked[] {
  const scored = households
    .map((facts) => ({ facts, ...score(facts, rule) }))
    .sort(
      (a, b) =>
        b.score - a.score ||
        b.facts.deprivationCount - a.facts.deprivationCount ||
        (a.facts.code < b.facts.code ? -1 : a.facts.code > b.facts.code ? 1 : 0),
    );
  let rankOf = 0;
  return scored.map((s, i) => {
    if (i === 0 || s.score !== scored[i - 1]!.score) rankOf = i + 1;
    return { householdId: s.facts.householdId, code: s.facts.code, rank: rankOf, score: s.score, parts: s.parts };
  });
}
