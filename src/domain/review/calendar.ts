import { ALL_HOLIDAYS, type Holiday } from './holidays';

/** Working days (ngày làm việc): Monday to Friday, not a public holiday. Dates are `YYYY-MM-DD`. */

const DAY = 86_400_000;

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

export function isWeekend(date: string): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6;
}

export class WorkingCalendar {
  private readonly holidays: Map<string, Holiday>;

  constructor(holidays: readonly Holiday[] = ALL_HOLIDAYS) {
    this.holidays = new Map(holidays.map((h) => [h.date, h]));
  }

  holiday(date: string): Holiday | undefined {
    return this.holidays.get(date);
  }

  isWorkingDay(date: string): boolean {
    return !isWeekend(date) && !this.holidays.has(date);
  }

  /** The first working day on or after `date`. */
  onOrAfter(date: string): string {
    let day = date;
    while (!this.isWorkingDay(day)) day = addDays(day, 1);
    return day;
  }

  /**
   * The last day of a period of `count` working days that starts on `start` (counted when it is a
   * working day): posting from Friday 28/11/2025 for 3 working days ends on Tuesday 02/12/2025.
   */
  periodEnd(start: string, count: number): string {
    if (count < 1) throw new RangeError('count must be at least 1');
    let day = this.onOrAfter(start);
    for (let counted = 1; counted < count; counted++) day = this.onOrAfter(addDays(day, 1));
    return day;
  }

  /** Working days from `from` to `to`, both included (0 when `to` is before `from`). */
  workingDaysBetween(from: string, to: string): number {
    let count = 0;
    for (let day = from; day <= to; day = addDays(day, 1)) if (this.isWorkingDay(day)) count++;
    return count;
  }
}

export const workingCalendar = new WorkingCalendar();

/** Public posting (niêm yết công khai) lasts 3 working days. */
export const POSTING_WORKING_DAYS = 3;
