/**
 * The three built-in standards, transcribed from ../shared/domain/poverty-standards.md (one file
 * each in standards/). Facts the notes mark as reported but not read in the legal text are
 * `provisional`; an administrator corrects them by loading a new version (validate.ts), never by
 * a code change.
 */
import { STANDARD_2016_2020 } from './standards/2016-2020';
import { STANDARD_2022_2025 } from './standards/2022-2025';
import { STANDARD_2027_2030 } from './standards/2027-2030';
import type { StandardDefinition } from './types';

export { STANDARD_2016_2020, STANDARD_2022_2025, STANDARD_2027_2030 };

/** The built-in standards, the one in force first. */
export const BUILTIN_STANDARDS: readonly StandardDefinition[] = [
  STANDARD_2022_2025,
  STANDARD_2027_2030,
  STANDARD_2016_2020,
];

/** The highest version of a standard by id. */
export function findStandard(id: string, standards: readonly StandardDefinition[] = BUILTIN_STANDARDS) {
  let found: StandardDefinition | undefined;
  for (const standard of standards)
    if (standard.id === id && (!found || standard.version > found.version)) found = standard;
  return found;
}

/**
 * The standard that decides the household lists of a year. The periodic review held at the end
 * of a year decides the next year's lists: pass the year after the review.
 */
export function standardForYear(year: number, standards: readonly StandardDefinition[] = BUILTIN_STANDARDS) {
  return standards.find((s) => s.years.includes(year));
}
