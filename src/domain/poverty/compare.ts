/**
 * Classifying the same households under two standards (the 2027–2030 transition): how many
 * move from each category to each other one, and which households change.
 */
import { classify, type ClassifyInput } from './classify';
import { PovertyError } from './errors';
import { compileStandard } from './standard';
import { CATEGORIES, type Category, type StandardDefinition } from './types';

/**
 * A household's data for both standards. Its deprivations may name indicators of either: each
 * standard counts its own (information_access only under 2022–2025, waste only under 2027–2030).
 */
export interface ComparedHousehold extends ClassifyInput {
  id: string;
}

export interface StandardComparison {
  from: { standard: string; version: number };
  to: { standard: string; version: number };
  total: number;
  changed: number;
  /** matrix[category under `from`][category under `to`] = number of households. */
  matrix: Record<Category, Record<Category, number>>;
  changes: { id: string; from: Category; to: Category }[];
}

export function compareStandards(
  from: StandardDefinition,
  to: StandardDefinition,
  households: Iterable<ComparedHousehold>,
): StandardComparison {
  const fromBits = compileStandard(from).bits;
  const toBits = compileStandard(to).bits;
  const matrix = Object.fromEntries(
    CATEGORIES.map((category) => [category, Object.fromEntries(CATEGORIES.map((other) => [other, 0]))]),
  ) as StandardComparison['matrix'];
  const changes: StandardComparison['changes'] = [];
  let total = 0;
  for (const household of households) {
    const unknown = household.deprivations.find((key) => !fromBits.has(key) && !toBits.has(key));
    if (unknown !== undefined)
      throw new PovertyError(
        'unknown_indicator',
        `households[${total}].deprivations`,
        `Chỉ số "${unknown}" không thuộc chuẩn nghèo ${from.id} hay ${to.id}.`,
        `Indicator "${unknown}" is part of neither standard ${from.id} nor ${to.id}.`,
      );
    const before = classify(from, {
      ...household,
      deprivations: household.deprivations.filter((key) => fromBits.has(key)),
    });
    const after = classify(to, { ...household, deprivations: household.deprivations.filter((key) => toBits.has(key)) });
    matrix[before.category][after.category]++;
    if (before.category !== after.category)
      changes.push({ id: household.id, from: before.category, to: after.category });
    total++;
  }
  return {
    from: { standard: from.id, version: from.version },
    to: { standard: to.id, version: to.version },
    total,
    changed: changes.length,
    matrix,
    changes,
  };
}
