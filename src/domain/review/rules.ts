import { addDays } from './calendar';

/**
 * A village meeting agrees a household's proposed result when more than half of those present
 * agree (Decision 24/2021/QĐ-TTg); otherwise the household is surveyed again.
 */
export function meetingAgrees(present: number, agreeing: number): boolean {
  if (!Number.isInteger(present) || !Number.isInteger(agreeing) || present < 1 || agreeing < 0 || agreeing > present)
    throw new RangeError('present ≥ 1 and 0 ≤ agreeing ≤ present');
  return agreeing * 2 > present;
}

/** A regular review decides an application within 15 days of receiving it. */
export const REGULAR_REVIEW_DAYS = 15;

export function applicationDeadline(receivedOn: string): string {
  return addDays(receivedOn, REGULAR_REVIEW_DAYS);
}

export type DeadlineStatus = 'on_time' | 'due_soon' | 'overdue' | 'decided_on_time' | 'decided_late';

/** Where an application stands against its deadline on `today` (due soon: 3 days or fewer left). */
export function deadlineStatus(deadline: string, today: string, decidedOn: string | null): DeadlineStatus {
  if (decidedOn) return decidedOn <= deadline ? 'decided_on_time' : 'decided_late';
  if (today > deadline) return 'overdue';
  return addDays(today, 3) >= deadline ? 'due_soon' : 'on_time';
}

/** The default window of the periodic review: 1 September – 14 December. */
export function periodicWindow(year: number) {
  return { start: `${year}-09-01`, end: `${year}-12-14` };
}

/**
 * A bulk classification carries forward the income the household's own survey recorded for one of
 * the two lists before the one being decided (a round deciding the 2027 list reads the 2026 or the
 * 2025 survey). The law asks for the income of the last 12 months: an older survey, or a result
 * imported from a list (which holds no income), is not carried — that household is surveyed by hand.
 */
export const CARRIED_INCOME_LISTS = 2;

export function carriedIncomeYears(listYear: number) {
  return { from: listYear - CARRIED_INCOME_LISTS, to: listYear - 1 };
}
