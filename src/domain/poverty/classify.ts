/**
 * Classifying a household under a standard: income per person per month and the deprived
 * indicators in, category and the deciding rule out. A lookup in the standard's decision table
 * (standard.ts), so a province's million households classify in about a second; explanations
 * are text, built only when asked for.
 */
import { invalidInput, unknownIndicator } from './errors';
import { formatNumber, formatVnd, type Language } from './format';
import { compileStandard, type CompiledStandard } from './standard';
import {
  CATEGORY_LABELS,
  type Area,
  type Category,
  type IndicatorKey,
  type Localized,
  type RuleDefinition,
  type StandardDefinition,
} from './types';

export interface ClassifyInput {
  area: Area;
  /** Integer VND per person per month, directly estimated or from a scorecard. */
  incomePerCapitaMonthly: number;
  /** Indicator keys of the standard; repeats and order do not matter. */
  deprivations: readonly string[];
}

export interface Classification {
  standard: string;
  version: number;
  category: Category;
  /** Without repeats, in the standard's order. */
  deprivations: readonly IndicatorKey[];
  deprivationCount: number;
  /**
   * The survey-sheet form where the standard defines one: B2 = points per deprivation × count,
   * and the B1 line of the area. B1 itself comes from the regional scorecard, which is not part
   * of the standard; the income decides.
   */
  scores?: { deprivationScore: number; incomeScoreLine: number };
  /** Id of the rule that decided. */
  rule: string;
}

export type ExplainedClassification = Classification & { explanation: Localized };

export function classify(
  standard: StandardDefinition,
  input: ClassifyInput,
  options: { explain: true },
): ExplainedClassification;
export function classify(
  standard: StandardDefinition,
  input: ClassifyInput,
  options?: { explain?: boolean },
): Classification;
export function classify(
  standard: StandardDefinition,
  input: ClassifyInput,
  options?: { explain?: boolean },
): Classification | ExplainedClassification {
  const compiled = compileStandard(standard);
  const { area, incomePerCapitaMonthly: income } = input;
  if (area !== 'rural' && area !== 'urban')
    throw invalidInput(
      'area',
      'Khu vực phải là "rural" (nông thôn) hoặc "urban" (thành thị).',
      'Area must be "rural" or "urban".',
    );
  if (!Number.isSafeInteger(income) || income < 0)
    throw invalidInput(
      'incomePerCapitaMonthly',
      'Thu nhập bình quân phải là số nguyên đồng, không âm.',
      'Income per capita must be a non-negative whole number of đồng.',
    );
  let mask = 0;
  for (const key of input.deprivations) {
    const bit = compiled.bits.get(key);
    if (bit === undefined) throw unknownIndicator('deprivations', key, standard.id);
    mask |= bit;
  }
  const count = bitCount(mask);
  const amounts = compiled.amounts[area];
  let cell = 0;
  while (cell < amounts.length && income > amounts[cell]!) cell++;
  const rule = standard.rules[compiled.decisions[cell * compiled.width + count]!]!;
  const result: Classification = {
    standard: standard.id,
    version: standard.version,
    category: rule.category,
    deprivations: deprivationList(compiled, mask),
    deprivationCount: count,
    rule: rule.id,
  };
  const form = standard.scoreForm;
  if (form)
    result.scores = {
      deprivationScore: count * form.pointsPerDeprivation,
      incomeScoreLine: form.incomeScoreLine[area],
    };
  if (!options?.explain) return result;
  const explanation = {
    vi: explain(standard, input, rule, count, 'vi'),
    en: explain(standard, input, rule, count, 'en'),
  };
  return { ...result, explanation };
}

function bitCount(mask: number): number {
  let v = mask - ((mask >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

// Shared per mask, so that classifying allocates only its result.
function deprivationList(compiled: CompiledStandard, mask: number): readonly IndicatorKey[] {
  let list = compiled.deprivationLists.get(mask);
  if (!list) {
    list = Object.freeze(compiled.indicators.filter((_, i) => mask & (1 << i)));
    compiled.deprivationLists.set(mask, list);
  }
  return list;
}

const WORDS = {
  vi: {
    income: (amount: number) => `Thu nhập bình quân ${formatNumber(amount, 'vi')} đ/người/tháng`,
    line: (name: Localized, area: string) => `${name.vi} ${area}`,
    deprivations: (count: number) => `thiếu hụt ${count} chỉ số`,
    and: 'và',
    under: 'theo',
  },
  en: {
    income: (amount: number) => `Monthly income per person ${formatVnd(amount, 'en')}`,
    line: (name: Localized, area: string) => `${area} ${name.en}`,
    deprivations: (count: number) => `${count} deprived indicator${count === 1 ? '' : 's'}`,
    and: 'and',
    under: 'under',
  },
};

/** "Thu nhập bình quân 1.500.000 đ/người/tháng ≤ chuẩn nghèo nông thôn 1.500.000 đ và thiếu hụt 3 chỉ số (≥ 3): hộ nghèo theo Nghị định 07/2021/NĐ-CP" */
function explain(
  standard: StandardDefinition,
  input: ClassifyInput,
  rule: RuleDefinition,
  count: number,
  language: Language,
) {
  const words = WORDS[language];
  const { incomeAbove, incomeAtMost, deprivationsAtLeast, deprivationsBelow } = rule.when;
  const line = (id: string) => {
    const found = standard.lines.find((l) => l.id === id)!;
    return `${words.line(found.name, standard.areas[input.area][language])} ${formatVnd(found[input.area], language)}`;
  };
  const income = [
    incomeAbove !== undefined && `> ${line(incomeAbove)}`,
    incomeAtMost !== undefined && `≤ ${line(incomeAtMost)}`,
  ].filter(Boolean);
  const bounds = [
    deprivationsAtLeast !== undefined && `≥ ${deprivationsAtLeast}`,
    deprivationsBelow !== undefined && `< ${deprivationsBelow}`,
  ].filter(Boolean);
  const conditions = [
    `${words.income(input.incomePerCapitaMonthly)} ${income.join(', ')}`.trimEnd(),
    bounds.length > 0 && `${words.deprivations(count)} (${bounds.join(', ')})`,
  ].filter(Boolean);
  const basis = standard.legalBasis[0]!;
  const category = CATEGORY_LABELS[rule.category][language];
  return `${conditions.join(` ${words.and} `)}: ${category} ${words.under} ${basis.kind[language]} ${basis.number}`;
}
