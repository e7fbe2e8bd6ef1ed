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
