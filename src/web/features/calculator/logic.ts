/**
 * The calculator's pure pieces: which standard to start with and to compare against, which
 * ticked indicators a standard knows, and the income field's text.
 */
import type { Language } from '../../../domain/poverty/format';
import { ApiError } from '../../api/client';
import type { Area, Category, IndicatorDefinition } from '../../../domain/poverty/types';
import type { PublicStandard } from './api';

/** The national standards the server classifies with (one version each), oldest first. */
export function usableStandards(items: readonly PublicStandard[]): PublicStandard[] {
  return items.filter((s) => s.current && s.provinceCode === null).sort((a, b) => firstYear(a) - firstYear(b));
}

function firstYear(standard: PublicStandard): number {
  return Math.min(...standard.years);
}

/** "2022–2026": the years whose lists a standard decides (2022–2025 was extended to 2026). */
export function yearSpan(standard: PublicStandard): { from: number; to: number } {
  return { from: firstYear(standard), to: Math.max(...standard.years) };
}

/** The standard for next year's household lists (a review at the end of a year decides them). */
export function defaultStandardId(standards: readonly PublicStandard[], today = new Date()): string | undefined {
  const year = today.getFullYear();
  const covers = (y: number) => standards.find((s) => s.years.includes(y));
  return (covers(year + 1) ?? covers(year) ?? latest(standards))?.id;
}

function latest(standards: readonly PublicStandard[]): PublicStandard | undefined {
  return [...standards].sort((a, b) => firstYear(b) - firstYear(a))[0];
}

/**
 * The standard to compare with: the next one in time, or for the newest the one before it
 * (2022–2025 ↔ 2027–2030; 2016–2020 → 2022–2025).
 */
export function comparisonStandard(
  selected: PublicStandard,
  standards: readonly PublicStandard[],
): PublicStandard | undefined {
  const ordered = [...standards].sort((a, b) => firstYear(a) - firstYear(b));
  const at = ordered.findIndex((s) => s.id === selected.id);
  if (at < 0) return undefined;
  return at === ordered.length - 1 ? ordered[at - 1] : ordered[at + 1];
}

export function indicatorsOf(standard: PublicStandard): IndicatorDefinition[] {
  return standard.dimensions.flatMap((d) => d.indicators);
}

/** The ticked keys a standard knows, in its own order. */
export function knownTo(standard: PublicStandard, keys: readonly string[]): string[] {
  const ticked = new Set(keys);
  return indicatorsOf(standard)
    .map((i) => i.key)
    .filter((key) => ticked.has(key));
}

/** Indicators of `from` that `to` does not have. */
export function missingIn(from: PublicStandard, to: PublicStandard): IndicatorDefinition[] {
  const known = new Set<string>(indicatorsOf(to).map((i) => i.key));
  return indicatorsOf(from).filter((i) => !known.has(i.key));
}

/** Whether the indicator set is provisional in any part. */
export function provisionalIndicators(standard: PublicStandard): boolean {
  return standard.dimensions.some(
    (d) => d.status === 'provisional' || d.indicators.some((i) => i.status === 'provisional'),
  );
}

/**
 * Whether anything that decides a household's category is provisional: lines, rules,
 * indicators. (A legal document whose title was not read does not make the result uncertain.)
 */
export function provisionalRules(standard: PublicStandard): boolean {
  return (
    provisionalIndicators(standard) ||
    standard.lines.some((l) => l.status === 'provisional') ||
    standard.rules.some((r) => r.status === 'provisional')
  );
}

/**
 * The income at or under which a household is poor or near-poor: the line the near-poor rule
 * (else the last poor rule) is bounded by.
 */
export function povertyLine(standard: PublicStandard, area: Area): number | undefined {
  const rule =
    standard.rules.find((r) => r.category === 'near_poor' && r.when.incomeAtMost) ??
    standard.rules.findLast((r) => r.category === 'poor' && r.when.incomeAtMost);
  return standard.lines.find((l) => l.id === rule?.when.incomeAtMost)?.[area];
}

const DECIMAL: Record<Language, string> = { vi: ',', en: '.' };

/**
 * The digits of a typed income: "1.500.000" (vi) or "1,500,000" (en) → "1500000". Whole đồng
 * only, so whatever follows the decimal separator is dropped; "" when there are no digits.
 */
export function incomeDigits(text: string | undefined, lang: Language): string {
  const whole = (text ?? '').split(DECIMAL[lang])[0] ?? '';
  return whole.replace(/\D/gu, '').replace(/^0+(?=\d)/u, '');
}

export function parseIncome(text: string | undefined, lang: Language): number | null {
  const digits = incomeDigits(text, lang);
  return digits ? Number(digits) : null;
}

const GROUP: Record<Language, string> = { vi: '.', en: ',' };

/** 1500000 → "1.500.000" (vi) or "1,500,000" (en); works on the digits, so any length is exact. */
export function formatIncome(value: number | string | undefined, lang: Language): string {
  const digits = String(value ?? '').replace(/\D/gu, '');
  return digits.replace(/\B(?=(\d{3})+(?!\d))/gu, GROUP[lang]);
}

export const CATEGORY_COLORS: Record<Category, string> = {
  poor: 'red',
  near_poor: 'orange',
  average: 'blue',
  not_poor: 'green',
};

export { capitalise } from '../../../domain/text';

/** "2022–2025": the period a standard is known by (its id, with an en dash). */
export function period(standard: PublicStandard): string {
  return standard.id.replace('-', '–');
}

export const REQUEST_FIELDS = ['standard', 'area', 'incomePerCapitaMonthly', 'deprivations'] as const;
export type RequestField = (typeof REQUEST_FIELDS)[number];
export type FieldErrors = Partial<Record<RequestField, string>>;

/** The server's 400 answer as messages by request field ("body.deprivations.2" → deprivations). */
export function fieldErrors(error: unknown, lang: Language): FieldErrors {
  if (!(error instanceof ApiError)) return {};
  const fieldOf = (path: string | undefined) =>
    REQUEST_FIELDS.find((f) => {
      const name = (path ?? '').replace(/^body\./u, '');
      return name === f || name.startsWith(`${f}.`) || name.startsWith(`${f}[`);
    });
  const found: FieldErrors = {};
  for (const e of error.errors) {
    const field = fieldOf(e.field);
    if (field && !found[field]) found[field] = lang === 'en' ? e.messageEn : e.message;
  }
  const field = fieldOf(error.field);
  const text = lang === 'en' ? (error.detailEn ?? error.detail) : (error.detail ?? error.detailEn);
  if (field && text && !found[field]) found[field] = text;
  return found;
}
