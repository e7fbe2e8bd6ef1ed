/**
 * Calendar dates and ages at a survey date, in whole days with no time zone (a survey date is a
 * date on a form, not an instant), and the retirement age that ends working age.
 */

export interface CalendarDate {
  year: number;
  month: number; // 1–12
  day: number;
}

/** A real YYYY-MM-DD date, or undefined. */
export function parseDate(value: string): CalendarDate | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(value);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * Completed months of age; completed years are a twelfth of it, so a child born 2019-05-10 turns
 * 6 on 2025-05-10, not the day before. A month is completed on the same day of the month as the birth day;
 * someone born on 29 February (or the 31st) completes it on the 1st of the next month when the
 * month is shorter.
 */
export function ageInMonths(birth: CalendarDate, at: CalendarDate): number {
  const months = (at.year - birth.year) * 12 + (at.month - birth.month);
  return at.day < birth.day ? months - 1 : months;
}

/**
 * The school year (starting in September) a date falls in, by its starting calendar year. Children
 * enter grade 1 in the school year of the calendar year they turn 6, so the level expected of a
 * child follows the age they reach in that calendar year, not their age on the survey date.
 */
export function schoolAge(birth: CalendarDate, at: CalendarDate): number {
  return (at.month >= 9 ? at.year : at.year - 1) - birth.year;
}

/**
 * Retirement age in normal working conditions (Labour Code 2019 Art. 169, Decree 135/2020/NĐ-CP):
 * from 2021 men 60 years 3 months rising 3 months a year to 62 (2028); women 55 years 4 months
 * rising 4 months a year to 60 (2035); before 2021, 60 and 55. Working age runs from the
 * indicator's minimum age (15) until this age, taking the schedule of the survey year.
 */
export const RETIREMENT_AGE = {
  male: { before: 60 * 12, from: 2021, start: 60 * 12 + 3, step: 3, final: 62 * 12 },
  female: { before: 55 * 12, from: 2021, start: 55 * 12 + 4, step: 4, final: 60 * 12 },
} as const;

export type Sex = keyof typeof RETIREMENT_AGE;

export function retirementAgeInMonths(sex: Sex, year: number): number {
  const schedule = RETIREMENT_AGE[sex];
  if (year < schedule.from) return schedule.before;
  return Math.min(schedule.final, schedule.start + (year - schedule.from) * schedule.step);
}
