/**
 * A household's movement between two years' lists (biến động hộ nghèo, hộ cận nghèo), as the
 * official movement reports count it. Only listed households (and applicants) are surveyed each
 * year, so a year without an assessment means the household was not on the lists that year.
 */
import type { Category } from '../poverty';
import type { Movement } from './codes';

export interface YearStatus {
  year: number;
  category: Category;
}

const inLists = (category: Category) => category === 'poor' || category === 'near_poor';

/**
 * The movement of each assessed year, given the household's assessments (any order) and the
 * first year its commune was assessed at all: before that nothing is known, so a first
 * assessment in that year is the `baseline`, not a newly poor household.
 */
export function movements(history: readonly YearStatus[], firstAssessedYear: number): Map<number, Movement> {
  const sorted = [...history].sort((a, b) => a.year - b.year);
  const result = new Map<number, Movement>();
  sorted.forEach((status, i) => {
    const earlier = sorted.slice(0, i);
    result.set(status.year, movementOf(status, earlier, firstAssessedYear));
  });
  return result;
}

function movementOf(status: YearStatus, earlier: readonly YearStatus[], firstAssessedYear: number): Movement {
  if (earlier.length === 0 && status.year <= firstAssessedYear) return 'baseline';
  const before = earlier.find((e) => e.year === status.year - 1)?.category ?? 'not_poor';
  const wasPoor = earlier.some((e) => e.category === 'poor');
  const wasListed = earlier.some((e) => inLists(e.category));
  switch (status.category) {
    case 'poor':
      if (before === 'poor') return 'remained_poor';
      if (before === 'near_poor') return 'near_poor_to_poor';
      return wasPoor ? 'fell_back_poor' : 'newly_poor';
    case 'near_poor':
      if (before === 'near_poor') return 'remained_near_poor';
      if (before === 'poor') return 'escaped_to_near_poor';
      return wasListed ? 'fell_back_near_poor' : 'newly_near_poor';
    default:
      if (before === 'poor') return 'escaped_above_near_poor';
      if (before === 'near_poor') return 'escaped_near_poor';
      return 'not_poor';
  }
}
