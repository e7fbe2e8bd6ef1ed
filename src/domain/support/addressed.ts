/**
 * Which support answers which deprivation (thiếu hụt): a household deprived on housing quality
 * with no house built or repaired — nor one approved — is a deprivation left unaddressed. Data,
 * so a province can extend it; indicators no support kind answers (water, sanitation, the
 * information indicators) are not listed.
 */
import type { SupportKind } from './catalog';

export interface AddressedBy {
  indicator: string;
  kinds: readonly SupportKind[];
  /** How far back a support still counts: the year's own, or the programme period's (a house lasts). */
  since: 'year' | 'period';
  /** A house approved in the houses register (not yet handed over) counts as planned support. */
  housePlanned: boolean;
}

export const ADDRESSED_BY: readonly AddressedBy[] = [
  { indicator: 'housing_quality', kinds: ['house_build', 'house_repair'], since: 'period', housePlanned: true },
  { indicator: 'housing_area', kinds: ['house_build', 'house_repair'], since: 'period', housePlanned: true },
  { indicator: 'health_insurance', kinds: ['health_insurance'], since: 'year', housePlanned: false },
  {
    indicator: 'employment',
    kinds: ['vocational_training', 'job_placement', 'production', 'policy_loan'],
    since: 'year',
    housePlanned: false,
  },
  { indicator: 'child_schooling', kinds: ['scholarship'], since: 'year', housePlanned: false },
  { indicator: 'adult_education', kinds: ['vocational_training', 'scholarship'], since: 'year', housePlanned: false },
  { indicator: 'nutrition', kinds: ['medical', 'production'], since: 'year', housePlanned: false },
];

/** The first day of the programme period a year belongs to (2021–2025, then 2026–2030). */
export function periodStart(year: number): string {
  return year <= 2025 ? '2021-01-01' : `${2026 + Math.floor((year - 2026) / 5) * 5}-01-01`;
}
