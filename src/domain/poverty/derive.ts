/**
 * Deriving a standard's indicators from a household's survey, and the surveyor's overrides.
 * Ages are taken at the survey date. An override needs a written reason and never erases what
 * was derived: an assessment keeps both.
 */
import { ageInMonths, parseDate, schoolAge, type CalendarDate } from './age';
import { DERIVERS, type Derivation } from './derivers';
import { invalidInput, PovertyError } from './errors';
import type { HouseholdFacts, MemberFacts, Person, SurveyedHousehold } from './facts';
import type { IndicatorDefinition, IndicatorKey, StandardDefinition } from './types';

export interface DerivedIndicator extends Derivation {
  indicator: IndicatorKey;
}

/** Each indicator of the standard, in its order, deprived or not and why. */
export function derive(
  standard: StandardDefinition,
  household: HouseholdFacts,
  surveyDate: string,
): DerivedIndicator[] {
  const date = parseDate(surveyDate);
  if (!date)
    throw invalidInput('surveyDate', 'Ngày điều tra phải có dạng YYYY-MM-DD.', 'The survey date must be YYYY-MM-DD.');
  if (household.members.length === 0)
    throw invalidInput('members', 'Hộ phải có ít nhất một thành viên.', 'A household needs at least one member.');
  const people = household.members.map((facts, i) => person(facts, i, date));
  const surveyed = { people, dwelling: household.dwelling, surveyDate: date };
  return standard.dimensions.flatMap((dimension) =>
    dimension.indicators.map((indicator) => ({ indicator: indicator.key, ...deriveOne(indicator, surveyed) })),
  );
}

function person(facts: MemberFacts, index: number, at: CalendarDate): Person {
  const birth = parseDate(facts.dateOfBirth);
  const field = `members[${index}].dateOfBirth`;
  if (!birth) throw invalidInput(field, 'Ngày sinh phải có dạng YYYY-MM-DD.', 'The date of birth must be YYYY-MM-DD.');
  const months = ageInMonths(birth, at);
  if (months < 0)
    throw invalidInput(field, 'Ngày sinh sau ngày điều tra.', 'The date of birth is after the survey date.');
  return { facts, months, age: Math.floor(months / 12), schoolAge: schoolAge(birth, at) };
}

// The derivers are typed per key; a definition's key and params always belong together.
function deriveOne(indicator: IndicatorDefinition, household: SurveyedHousehold): Derivation {
  const deriver = DERIVERS[indicator.key] as (
    h: SurveyedHousehold,
    params: IndicatorDefinition['params'],
  ) => Derivation;
  return deriver(household, indicator.params);
}

export interface IndicatorOverride {
  indicator: string;
  deprived: boolean;
  /** Why the surveyor decided otherwise (or decided where a fact was missing). Required. */
  reason: string;
}

export interface AssessedIndicator {
  indicator: IndicatorKey;
  /** The value that counts: the override's when there is one. */
  deprived: boolean;
  derived: Derivation;
  override?: { deprived: boolean; reason: string };
}

export function applyOverrides(
  derived: readonly DerivedIndicator[],
  overrides: readonly IndicatorOverride[],
): AssessedIndicator[] {
  const byIndicator = new Map<string, IndicatorOverride>();
  overrides.forEach((override, i) => {
    if (!derived.some((d) => d.indicator === override.indicator))
      throw new PovertyError(
        'unknown_indicator',
        `overrides[${i}].indicator`,
        `Chỉ số "${override.indicator}" không có trong các chỉ số đã xác định.`,
        `Indicator "${override.indicator}" is not among the derived indicators.`,
      );
    if (byIndicator.has(override.indicator))
      throw new PovertyError(
        'duplicate_override',
        `overrides[${i}].indicator`,
        `Chỉ số "${override.indicator}" bị điều chỉnh hai lần.`,
        `Indicator "${override.indicator}" is overridden twice.`,
      );
    if (override.reason.trim() === '')
      throw new PovertyError(
        'override_reason_required',
        `overrides[${i}].reason`,
        `Cần ghi rõ lý do điều chỉnh chỉ số "${override.indicator}".`,
        `A written reason is required to override indicator "${override.indicator}".`,
      );
    byIndicator.set(override.indicator, override);
  });
  return derived.map(({ indicator, ...derivation }) => {
    const override = byIndicator.get(indicator);
    if (!override) return { indicator, deprived: derivation.deprived, derived: derivation };
    const kept = { deprived: override.deprived, reason: override.reason.trim() };
    return { indicator, deprived: override.deprived, derived: derivation, override: kept };
  });
}

/** The deprived indicators, ready for classify(). */
export function deprivedIndicators(
  indicators: readonly { indicator: IndicatorKey; deprived: boolean }[],
): IndicatorKey[] {
  return indicators.filter((item) => item.deprived).map((item) => item.indicator);
}
