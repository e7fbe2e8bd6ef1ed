import { describe, expect, it } from 'vitest';
import { STANDARD_2022_2025, STANDARD_2027_2030 } from './builtin';
import { compareStandards, type ComparedHousehold } from './compare';

const households: ComparedHousehold[] = [
  // Average under 2022–2025, poor under 2027–2030's higher line.
  {
    id: 'HN-001',
    area: 'rural',
    incomePerCapitaMonthly: 1_800_000,
    deprivations: ['employment', 'sanitation', 'telecom'],
  },
  // Poor under 2022–2025 only because of information means, which 2027–2030 drops.
  {
    id: 'HN-002',
    area: 'rural',
    incomePerCapitaMonthly: 1_200_000,
    deprivations: ['employment', 'telecom', 'information_access'],
  },
  // Waste counts only under 2027–2030.
  {
    id: 'HN-003',
    area: 'urban',
    incomePerCapitaMonthly: 1_900_000,
    deprivations: ['housing_area', 'water_source', 'waste'],
  },
  { id: 'HN-004', area: 'urban', incomePerCapitaMonthly: 5_000_000, deprivations: [] },
];

describe('compareStandards', () => {
  const comparison = compareStandards(STANDARD_2022_2025, STANDARD_2027_2030, households);

  it('lists the households that change category', () => {
    expect(comparison.changes).toEqual([
      { id: 'HN-001', from: 'average', to: 'poor' },
      { id: 'HN-002', from: 'poor', to: 'near_poor' },
      { id: 'HN-003', from: 'near_poor', to: 'poor' },
    ]);
    expect(comparison).toMatchObject({
      from: { standard: '2022-2025', version: 1 },
      to: { standard: '2027-2030', version: 1 },
      total: 4,
      changed: 3,
    });
  });

  it('counts every household once in the transition matrix', () => {
    const { matrix } = comparison;
    expect(matrix.average.poor).toBe(1);
    expect(matrix.poor.near_poor).toBe(1);
    expect(matrix.near_poor.poor).toBe(1);
    expect(matrix.not_poor.not_poor).toBe(1);
    const cells = Object.values(matrix).flatMap((row) => Object.values(row));
    expect(cells.reduce((a, b) => a + b, 0)).toBe(4);
  });

  it('refuses an indicator neither standard has, naming the household', () => {
    const bad = [households[3]!, { ...households[0]!, deprivations: ['land'] }];
    expect(() => compareStandards(STANDARD_2022_2025, STANDARD_2027_2030, bad)).toThrow(
      expect.objectContaining({ code: 'unknown_indicator', field: 'households[1].deprivations' }),
    );
  });
});
