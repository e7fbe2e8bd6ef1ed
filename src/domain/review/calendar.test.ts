import { describe, expect, it } from 'vitest';
import { HOLIDAYS } from './holidays';
import { POSTING_WORKING_DAYS, workingCalendar } from './calendar';

describe('working days', () => {
  it('a posting from Friday lasts over the weekend: 3 working days from 28/11/2025 end on Tuesday 02/12', () => {
    expect(workingCalendar.periodEnd('2025-11-28', POSTING_WORKING_DAYS)).toBe('2025-12-02');
  });

  it('counts the first day when it is a working day: Monday 01/12/2025 → Wednesday 03/12', () => {
    expect(workingCalendar.periodEnd('2025-12-01', 3)).toBe('2025-12-03');
  });

  it('a posting started on a Saturday starts counting on Monday', () => {
    expect(workingCalendar.periodEnd('2026-11-21', 3)).toBe('2026-11-25');
  });

  it('skips National Day and its adjacent day: from Friday 29/08/2025, 3 working days end on Thursday 04/09', () => {
    expect(workingCalendar.periodEnd('2025-08-29', 3)).toBe('2025-09-04');
  });

  it('skips Tết 2026 (16–20/02): from Friday 13/02/2026, 3 working days end on Tuesday 24/02', () => {
    expect(workingCalendar.periodEnd('2026-02-13', 3)).toBe('2026-02-24');
  });

  it('skips 30/4 and 1/5 2026 (Thursday, Friday) and the Hùng Kings day moved to Monday 27/04', () => {
    expect(workingCalendar.periodEnd('2026-04-24', 3)).toBe('2026-04-29');
    expect(workingCalendar.periodEnd('2026-04-28', 3)).toBe('2026-05-04');
    expect(workingCalendar.isWorkingDay('2026-04-27')).toBe(false);
  });

  it('counts the working days between two dates', () => {
    expect(workingCalendar.workingDaysBetween('2025-12-01', '2025-12-07')).toBe(5);
    expect(workingCalendar.workingDaysBetween('2025-12-07', '2025-12-01')).toBe(0);
  });

  it('holds every year 2025–2027 with Tết, 30/4, 1/5, 2/9 and its adjacent day; 2027 is marked expected', () => {
    for (const year of [2025, 2026, 2027]) {
      const list = HOLIDAYS[year]!;
      expect(list.filter((h) => h.name.en.includes('Tết')).length).toBe(5);
      expect(list.filter((h) => h.name.en.includes('National Day')).length).toBe(2);
      expect(list.some((h) => h.name.en.includes('Hùng'))).toBe(true);
      for (const h of list) expect(h.date.startsWith(String(year))).toBe(true);
    }
    expect(HOLIDAYS[2027]!.every((h) => h.expected)).toBe(true);
    expect(HOLIDAYS[2026]!.some((h) => h.expected)).toBe(false);
  });

  it('lists only weekdays (a weekend holiday is a compensatory weekday instead)', () => {
    for (const h of Object.values(HOLIDAYS).flat()) {
      const weekday = new Date(`${h.date}T00:00:00Z`).getUTCDay();
      expect([0, 6]).not.toContain(weekday);
    }
  });
});
