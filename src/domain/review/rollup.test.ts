import { describe, expect, it } from 'vitest';
import { INDICATOR_KEYS } from '../poverty';
import { cellValue, fixedMeasures, measureKey, parseMeasure, rate, rollupTables } from './rollup';

describe('roll-up measures', () => {
  it('every measure is named by a key that names it again', () => {
    const measures = [
      ...fixedMeasures(INDICATOR_KEYS),
      { kind: 'ethnicity', list: 'poor', ethnicity: 'Ê Đê' } as const,
    ];
    for (const m of measures) expect(parseMeasure(measureKey(m))).toEqual(m);
  });

  it.each([
    '',
    'poor.',
    'rich',
    'poor.deprived.happiness',
    'near_poor.group.rich',
    'poor.cause.luck',
    'poor.ethnicity.',
    'poor.opening.x',
  ])('no measure is named "%s"', (key) => expect(parseMeasure(key)).toBeNull());

  it('every cell of every table is a measure (so it can list its households)', () => {
    const tables = rollupTables([{ key: 'water_source', name: { vi: 'Nước', en: 'Water' } }], ['Kinh', 'Tày']);
    for (const table of tables)
      for (const column of table.columns) {
        expect(parseMeasure(column.measure), `${table.key} ${column.measure}`).not.toBeNull();
        if (column.rateOf) expect(parseMeasure(column.rateOf.measure)).not.toBeNull();
      }
    expect(tables.map((t) => t.name.vi.length).every((n) => n <= 31)).toBe(true);
  });

  it('rates are percentages with one decimal, 0 without a base', () => {
    expect(rate(4, 9)).toBe(44.4);
    expect(rate(1, 0)).toBe(0);
    const column = { label: { vi: '', en: '' }, measure: 'poor', rateOf: { measure: 'households' } };
    expect(cellValue(column, { poor: [4, 10], households: [9, 40] }, { poor: 0, near_poor: 0 }, 1)).toBe(25);
  });
});
