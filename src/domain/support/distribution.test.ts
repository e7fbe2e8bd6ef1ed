import { describe, expect, it } from 'vitest';
import { distributionTitle } from './distribution';

describe('distributionTitle', () => {
  const gifts = { kind: 'tet_gift' as const, date: '2026-01-20', households: 300, totalValue: 150_000_000 };

  it('names the kind, the year, the households and the value as an officer reads them', () => {
    expect(distributionTitle(gifts, 'vi')).toBe('Quà Tết 2026 — 300 hộ, 150.000.000 đ');
    expect(distributionTitle(gifts, 'en')).toBe('Tết gift 2026 — 300 households, 150,000,000 VND');
  });

  it('groups thousands of households and says one household in English', () => {
    expect(distributionTitle({ ...gifts, households: 1200 }, 'vi')).toContain('1.200 hộ');
    expect(distributionTitle({ ...gifts, households: 1, totalValue: 500_000 }, 'en')).toBe(
      'Tết gift 2026 — 1 household, 500,000 VND',
    );
  });
});
