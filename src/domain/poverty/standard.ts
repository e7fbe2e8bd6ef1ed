/**
 * Checking a standard's rules and turning them into a decision table.
 *
 * The lines split income into cells (≤ first line, between two lines, above the last); a rule's
 * conditions only ever compare income with lines and the deprivation count with numbers, so
 * every household in one cell with one count is decided by the same rule. With at most a few
 * lines and 30 indicators the table is tiny, and checking every cell proves the rules total
 * (every household gets a category), free of dead rules, and monotone (more income never makes
 * a household poorer; more deprivations never less poor). Classification is then a lookup.
 */
import { PovertyError } from './errors';
import { formatNumber } from './format';
import {
  AREAS,
  CATEGORY_SEVERITY,
  type Area,
  type IndicatorKey,
  type Localized,
  type RuleDefinition,
  type StandardDefinition,
} from './types';

/** A problem with a standard definition, named by its JSON path. */
export interface StandardProblem {
  field: string;
  message: string;
  messageEn: string;
}

export interface CompiledStandard {
  /** Indicator keys in the standard's order; bit i of a deprivation mask is indicators[i]. */
  indicators: IndicatorKey[];
  bits: Map<string, number>;
  amounts: Record<Area, number[]>;
  /** Deprivation counts run 0..indicators.length. */
  width: number;
  /** Index into the standard's rules, by income cell × width + deprivation count. */
  decisions: Uint16Array;
  /** One shared, frozen list of deprived indicators per deprivation mask, filled as met. */
  deprivationLists: Map<number, readonly IndicatorKey[]>;
}

// Deprivations are kept as bits of a 32-bit integer.
const MAX_INDICATORS = 30;

/** Every problem that makes the rules unusable (structure is validate.ts's job). */
export function checkStandard(standard: StandardDefinition): StandardProblem[] {
  return analyse(standard).problems;
}

const cache = new WeakMap<StandardDefinition, CompiledStandard>();

/** The decision table for a standard, built once; definitions are treated as immutable. */
export function compileStandard(standard: StandardDefinition): CompiledStandard {
  let compiled = cache.get(standard);
  if (!compiled) {
    const result = analyse(standard);
    const first = result.problems[0];
    if (first || !result.compiled) {
      throw new PovertyError(
        'invalid_standard',
        first?.field ?? '',
        `Chuẩn nghèo ${standard.id} không hợp lệ: ${first?.message}`,
        `Standard ${standard.id} is invalid: ${first?.messageEn}`,
      );
    }
    compiled = result.compiled;
    cache.set(standard, compiled);
  }
  return compiled;
}

type Report = (field: string, message: string, messageEn: string) => void;

function analyse(standard: StandardDefinition): { problems: StandardProblem[]; compiled?: CompiledStandard } {
  const problems: StandardProblem[] = [];
  const report: Report = (field, message, messageEn) => problems.push({ field, message, messageEn });
  const indicators = checkNames(standard, report);
  if (problems.length > 0) return { problems };
  const width = indicators.length + 1;
  const decisions = decide(standard, width, report);
  if (decisions) checkMonotone(standard, decisions, width, report);
  if (!decisions || problems.length > 0) return { problems };
  const amounts = { rural: standard.lines.map((line) => line.rural), urban: standard.lines.map((line) => line.urban) };
  const bits = new Map(indicators.map((key, i) => [key as string, 1 << i]));
  return { problems, compiled: { indicators, bits, amounts, width, decisions, deprivationLists: new Map() } };
}

/** Years and lines in order, names unique, rules referring to lines that exist. */
function checkNames(standard: StandardDefinition, report: Report): IndicatorKey[] {
  const { years, lines, dimensions, rules } = standard;
  years.forEach((year, i) => {
    if (i > 0 && year <= years[i - 1]!)
      report(`years[${i}]`, 'Các năm phải tăng dần và không trùng nhau.', 'Years must be ascending without repeats.');
  });
  for (const area of AREAS) {
    lines.forEach((line, i) => {
      const previous = lines[i - 1];
      if (previous && line[area] <= previous[area])
        report(
          `lines[${i}].${area}`,
          `Phải lớn hơn mức "${previous.id}" đứng trước (${formatNumber(previous[area], 'vi')}): các mức xếp từ thấp đến cao.`,
          `Must be above line "${previous.id}" listed before it (${formatNumber(previous[area], 'en')}): lines go lowest first.`,
        );
    });
  }
  const indicators = dimensions.flatMap((dimension, i) =>
    dimension.indicators.map((indicator, j) => ({ key: indicator.key, path: `dimensions[${i}].indicators[${j}].key` })),
  );
  unique(
    lines.map((line, i) => ({ key: line.id, path: `lines[${i}].id` })),
    { vi: 'mức thu nhập', en: 'income line' },
    report,
  );
  unique(
    dimensions.map((d, i) => ({ key: d.key, path: `dimensions[${i}].key` })),
    { vi: 'nhóm chiều', en: 'dimension' },
    report,
  );
  unique(indicators, { vi: 'chỉ số', en: 'indicator' }, report);
  unique(
    rules.map((rule, i) => ({ key: rule.id, path: `rules[${i}].id` })),
    { vi: 'quy tắc', en: 'rule' },
    report,
  );
  if (indicators.length > MAX_INDICATORS)
    report('dimensions', `Tối đa ${MAX_INDICATORS} chỉ số.`, `At most ${MAX_INDICATORS} indicators.`);
  const lineIds = new Set(lines.map((line) => line.id));
  rules.forEach((rule, i) => {
    for (const bound of ['incomeAbove', 'incomeAtMost'] as const) {
      const id = rule.when[bound];
      if (id !== undefined && !lineIds.has(id))
        report(
          `rules[${i}].when.${bound}`,
          `Không có mức thu nhập "${id}" trong lines.`,
          `No income line "${id}" in lines.`,
        );
    }
  });
  return indicators.map((indicator) => indicator.key);
}

function unique(items: { key: string; path: string }[], what: Localized, report: Report) {
  const seen = new Set<string>();
  for (const { key, path } of items) {
    if (seen.has(key)) report(path, `Trùng ${what.vi} "${key}".`, `Duplicate ${what.en} "${key}".`);
    seen.add(key);
  }
}

/** The first rule that holds in each cell; undefined when some cell has none. */
function decide(standard: StandardDefinition, width: number, report: Report): Uint16Array | undefined {
  const { lines, rules } = standard;
  const lineIndex = new Map(lines.map((line, i) => [line.id, i]));
  const holds = ({ when }: RuleDefinition, cell: number, count: number) =>
    (when.incomeAbove === undefined || cell > lineIndex.get(when.incomeAbove)!) &&
    (when.incomeAtMost === undefined || cell <= lineIndex.get(when.incomeAtMost)!) &&
    (when.deprivationsAtLeast === undefined || count >= when.deprivationsAtLeast) &&
    (when.deprivationsBelow === undefined || count < when.deprivationsBelow);
  const decisions = new Uint16Array((lines.length + 1) * width);
  for (let cell = 0; cell <= lines.length; cell++) {
    for (let count = 0; count < width; count++) {
      const index = rules.findIndex((rule) => holds(rule, cell, count));
      if (index < 0) {
        const where = describeCell(standard, cell, count);
        report('rules', `Không quy tắc nào áp dụng cho ${where.vi}.`, `No rule applies to ${where.en}.`);
        return undefined;
      }
      decisions[cell * width + count] = index;
    }
  }
  const used = new Set(decisions);
  rules.forEach((rule, i) => {
    if (!used.has(i))
      report(
        `rules[${i}]`,
        `Quy tắc "${rule.id}" không bao giờ được áp dụng (điều kiện rỗng hoặc bị các quy tắc trước che hết).`,
        `Rule "${rule.id}" never applies (its conditions are empty or earlier rules cover them).`,
      );
  });
  return decisions;
}

/** More income never makes a household poorer; more deprivations never less poor. */
function checkMonotone(standard: StandardDefinition, decisions: Uint16Array, width: number, report: Report) {
  const cells = decisions.length / width;
  const severity = (cell: number, count: number) =>
    CATEGORY_SEVERITY[standard.rules[decisions[cell * width + count]!]!.category];
  for (let cell = 0; cell < cells; cell++) {
    for (let count = 0; count < width; count++) {
      if (cell + 1 < cells && severity(cell + 1, count) > severity(cell, count)) {
        const where = describeCell(standard, cell + 1, count);
        report(
          'rules',
          `Thu nhập cao hơn lại bị xếp loại nghèo hơn (${where.vi}).`,
          `More income gives a poorer category (${where.en}).`,
        );
        return;
      }
      if (count + 1 < width && severity(cell, count + 1) < severity(cell, count)) {
        const where = describeCell(standard, cell, count + 1);
        report(
          'rules',
          `Thiếu hụt nhiều hơn lại được xếp loại ít nghèo hơn (${where.vi}).`,
          `More deprivations give a less poor category (${where.en}).`,
        );
        return;
      }
    }
  }
}

function describeCell(standard: StandardDefinition, cell: number, count: number): Localized {
  const above = standard.lines[cell - 1]?.id;
  const atMost = standard.lines[cell]?.id;
  const bounds = [above && `> "${above}"`, atMost && `≤ "${atMost}"`].filter(Boolean);
  return {
    vi: `thu nhập ${bounds.join(' và ')} với ${count} chỉ số thiếu hụt`,
    en: `income ${bounds.join(' and ')} with ${count} deprivations`,
  };
}
