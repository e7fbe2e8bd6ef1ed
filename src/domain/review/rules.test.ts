import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applicationDeadline, carriedIncomeYears, deadlineStatus, meetingAgrees, periodicWindow } from './rules';

describe('village meeting majority (more than half of those present)', () => {
  it('exactly half is not enough; one more is', () => {
    expect(meetingAgrees(20, 10)).toBe(false);
    expect(meetingAgrees(20, 11)).toBe(true);
    expect(meetingAgrees(21, 11)).toBe(true);
    expect(meetingAgrees(21, 10)).toBe(false);
    expect(meetingAgrees(1, 1)).toBe(true);
  });

  it('agrees exactly when agreeing > present / 2, for any meeting', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 2000 })
          .chain((present) => fc.tuple(fc.constant(present), fc.integer({ min: 0, max: present }))),
        ([present, agreeing]) => meetingAgrees(present, agreeing) === agreeing > present / 2,
      ),
    );
  });

  it('refuses impossible counts', () => {
    expect(() => meetingAgrees(0, 0)).toThrow(RangeError);
    expect(() => meetingAgrees(10, 11)).toThrow(RangeError);
    expect(() => meetingAgrees(10, -1)).toThrow(RangeError);
  });
});

describe('the 15-day deadline of a regular review', () => {
  it('is 15 days after receipt, across a month end', () => {
    expect(applicationDeadline('2026-03-10')).toBe('2026-03-25');
    expect(applicationDeadline('2026-12-20')).toBe('2027-01-04');
  });

  it('is flagged due soon in its last 3 days, overdue after it, and late when decided after it', () => {
    const deadline = applicationDeadline('2026-03-10');
    expect(deadlineStatus(deadline, '2026-03-15', null)).toBe('on_time');
    expect(deadlineStatus(deadline, '2026-03-22', null)).toBe('due_soon');
    expect(deadlineStatus(deadline, '2026-03-25', null)).toBe('due_soon');
    expect(deadlineStatus(deadline, '2026-03-26', null)).toBe('overdue');
    expect(deadlineStatus(deadline, '2026-04-30', '2026-03-25')).toBe('decided_on_time');
    expect(deadlineStatus(deadline, '2026-04-30', '2026-03-26')).toBe('decided_late');
  });
});

it('the periodic window is 1 September – 14 December', () => {
  expect(periodicWindow(2026)).toEqual({ start: '2026-09-01', end: '2026-12-14' });
});

it('a bulk classification deciding the 2027 list carries the income of the 2026 or the 2025 survey, not older', () => {
  expect(carriedIncomeYears(2027)).toEqual({ from: 2025, to: 2026 });
});
