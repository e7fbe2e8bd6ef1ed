/**
 * The repeat rule: a programme forbids a second support of the same kind to the same household
 * (or member) within a period — a house once in the programme's years, a health insurance card
 * once a year, a Tết gift once a Tết. The rule says which earlier support stands in the way, and
 * why, in words an officer can read back to the household.
 */
import { vietnameseDate } from '../calendar';
import type { Localized } from '../poverty';
import { SUPPORT_KIND_LABELS, type SupportKind } from './catalog';

/** How long a support of a kind excludes another: within the same calendar year, within a number of years, or never again in a period. */
export type RepeatWindow =
  { per: 'year' } | { per: 'years'; years: number } | { per: 'period'; from: string; to: string };

export interface RepeatRule {
  kind: SupportKind;
  window: RepeatWindow;
  /** The rule's basis, shown with the refusal (e.g. the programme's decision). */
  basis: string;
}

export interface GivenSupport {
  id: string;
  kind: SupportKind;
  /** YYYY-MM-DD. */
  date: string;
  householdId: string;
  memberId: string | null;
}

export type RepeatCheck = { allowed: true } | { allowed: false; conflicting: GivenSupport; reason: Localized };

const year = (date: string) => Number(date.slice(0, 4));

/** Whether an earlier support falls in the candidate's window (both dates YYYY-MM-DD). */
function within(window: RepeatWindow, earlier: string, candidate: string): boolean {
  switch (window.per) {
    case 'year':
      return year(earlier) === year(candidate);
    case 'years': {
      const until = `${year(earlier) + window.years}${earlier.slice(4)}`;
      return earlier <= candidate ? candidate < until : false;
    }
    case 'period':
      return [earlier, candidate].every((d) => d >= window.from && d <= window.to);
  }
}

function windowText(window: RepeatWindow, candidate: string): Localized {
  switch (window.per) {
    case 'year':
      return { vi: `trong năm ${year(candidate)}`, en: `in ${year(candidate)}` };
    case 'years':
      return { vi: `trong ${window.years} năm`, en: `within ${window.years} years` };
    case 'period':
      return {
        vi: `trong giai đoạn ${vietnameseDate(window.from)}–${vietnameseDate(window.to)}`,
        en: `in the period ${vietnameseDate(window.from)}–${vietnameseDate(window.to)}`,
      };
  }
}

/**
 * Whether `candidate` may be given: refused when a rule of its kind finds an earlier support of
 * the same kind to the same household — or, for a member's support, to the same member — in
 * its window. `given` holds the household's supports already recorded.
 */
export function checkRepeat(
  rules: readonly RepeatRule[],
  given: readonly GivenSupport[],
  candidate: Omit<GivenSupport, 'id'>,
): RepeatCheck {
  for (const rule of rules) {
    if (rule.kind !== candidate.kind) continue;
    const conflicting = given.find(
      (g) =>
        g.kind === candidate.kind &&
        g.householdId === candidate.householdId &&
        (candidate.memberId === null || g.memberId === null || g.memberId === candidate.memberId) &&
        (within(rule.window, g.date, candidate.date) || within(rule.window, candidate.date, g.date)),
    );
    if (!conflicting) continue;
    const label = SUPPORT_KIND_LABELS[candidate.kind];
    const span = windowText(rule.window, candidate.date);
    return {
      allowed: false,
      conflicting,
      reason: {
        vi: `Hộ đã nhận "${label.vi}" ngày ${vietnameseDate(conflicting.date)}; mỗi hộ chỉ được hỗ trợ một lần ${span.vi} (${rule.basis}).`,
        en: `The household already received "${label.en}" on ${vietnameseDate(conflicting.date)}; one support ${span.en} (${rule.basis}).`,
      },
    };
  }
  return { allowed: true };
}

/**
 * The rules every province starts with: housing once in each programme's years; a health
 * insurance card and a scholarship once a year per member; a Tết gift once a calendar year.
 */
export const DEFAULT_REPEAT_RULES: readonly RepeatRule[] = [
  ...(['house_build', 'house_repair'] as const).flatMap((kind): RepeatRule[] => [
    {
      kind,
      window: { per: 'period', from: '2021-01-01', to: '2025-12-31' },
      basis: 'CTMTQG giảm nghèo bền vững 2021–2025, Dự án 5',
    },
    {
      kind,
      window: { per: 'period', from: '2026-01-01', to: '2030-12-31' },
      basis: 'CTMTQG 2026–2035, giai đoạn 2026–2030',
    },
  ]),
  { kind: 'health_insurance', window: { per: 'year' }, basis: 'mỗi người một thẻ BHYT mỗi năm' },
  { kind: 'scholarship', window: { per: 'year' }, basis: 'mỗi học sinh một suất học bổng mỗi năm' },
  { kind: 'tet_gift', window: { per: 'year' }, basis: 'mỗi hộ một suất quà Tết mỗi năm' },
];
