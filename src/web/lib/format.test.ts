import { describe, expect, test } from 'vitest';
import { formatDate, formatDateTime, formatNumber } from './format';

describe('formatting for Vietnamese readers', () => {
  test('timestamps as dd/mm/yyyy HH:mm in Hanoi time', () => {
    expect(formatDateTime('2026-11-21T23:32:19.783Z')).toBe('22/11/2026 06:32');
    expect(formatDateTime('2025-01-05T01:05:00Z')).toBe('05/01/2025 08:05');
    expect(formatDateTime(null)).toBe('');
  });

  test('business dates as dd/mm/yyyy without shifting the day', () => {
    expect(formatDate('2025-07-01')).toBe('01/07/2025');
    expect(formatDate('2025-06-30T20:00:00Z')).toBe('01/07/2025');
    expect(formatDate(null)).toBe('');
  });

  test('numbers with dots between thousands', () => {
    expect(formatNumber(1500000)).toBe('1.500.000');
  });
});
