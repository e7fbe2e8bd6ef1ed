import { describe, expect, test } from 'vitest';
import { BUILTIN_STANDARDS, type StandardDefinition } from '../../../domain/poverty';
import { ApiError } from '../../api/client';
import type { PublicStandard } from './api';
import {
  capitalise,
  comparisonStandard,
  defaultStandardId,
  fieldErrors,
  formatIncome,
  incomeDigits,
  knownTo,
  missingIn,
  parseIncome,
  period,
  povertyLine,
  provisionalIndicators,
  provisionalRules,
  usableStandards,
  yearSpan,
} from './logic';

/** The built-in standards as GET /api/public/poverty/standards lists them. */
function published(s: StandardDefinition): PublicStandard {
  return { ...s, status: 'confirmed', source: 'builtin', provinceCode: null, loadedAt: null, current: true };
}

const STANDARDS = usableStandards(BUILTIN_STANDARDS.map(published));
const byId = (id: string) => STANDARDS.find((s) => s.id === id)!;

describe('choosing standards', () => {
  test('starts with the standard of next year’s lists', () => {
    expect(defaultStandardId(STANDARDS, new Date('2026-11-22'))).toBe('2027-2030');
    expect(defaultStandardId(STANDARDS, new Date('2024-03-01'))).toBe('2022-2025');
    // Past every period: the newest.
    expect(defaultStandardId(STANDARDS, new Date('2040-01-01'))).toBe('2027-2030');
  });

  test('compares with the neighbouring standard', () => {
    expect(comparisonStandard(byId('2027-2030'), STANDARDS)?.id).toBe('2022-2025');
    expect(comparisonStandard(byId('2022-2025'), STANDARDS)?.id).toBe('2027-2030');
    expect(comparisonStandard(byId('2016-2020'), STANDARDS)?.id).toBe('2022-2025');
    expect(comparisonStandard(byId('2022-2025'), [byId('2022-2025')])).toBeUndefined();
  });

  test('keeps only the ticked indicators a standard has, in its order', () => {
    const ticked = ['digital_services', 'employment', 'waste', 'housing_area'];
    expect(knownTo(byId('2027-2030'), ticked)).toEqual(['employment', 'housing_area', 'waste', 'digital_services']);
    expect(knownTo(byId('2022-2025'), ticked)).toEqual(['employment', 'housing_area']);
  });

  test('names the indicators one standard has and the other lacks', () => {
    expect(missingIn(byId('2027-2030'), byId('2022-2025')).map((i) => i.key)).toEqual(['waste', 'digital_services']);
    expect(missingIn(byId('2022-2025'), byId('2027-2030')).map((i) => i.key)).toEqual(['information_access']);
  });

  test('lists the national standards in use, oldest first', () => {
    const corrected = { ...byId('2022-2025'), version: 2 };
    const items = [
      { ...byId('2022-2025'), current: false },
      corrected,
      { ...byId('2027-2030'), provinceCode: '42' },
      byId('2027-2030'),
      byId('2016-2020'),
    ];
    expect(usableStandards(items).map((s) => [s.id, s.version, s.provinceCode])).toEqual([
      ['2016-2020', 1, null],
      ['2022-2025', 2, null],
      ['2027-2030', 1, null],
    ]);
  });

  test('flags what is provisional, names periods and poverty lines', () => {
    expect(provisionalIndicators(byId('2027-2030'))).toBe(true);
    expect(provisionalRules(byId('2027-2030'))).toBe(true);
    // Only the title of the decree that extended it was not read: the rules are confirmed.
    expect(provisionalRules(byId('2022-2025'))).toBe(false);
    expect(period(byId('2022-2025'))).toBe('2022–2025');
    expect(yearSpan(byId('2022-2025'))).toEqual({ from: 2022, to: 2026 });
    expect(povertyLine(byId('2022-2025'), 'rural')).toBe(1_500_000);
    expect(povertyLine(byId('2027-2030'), 'urban')).toBe(2_800_000);
    expect(povertyLine(byId('2016-2020'), 'rural')).toBe(1_000_000);
  });
});

describe('the income field', () => {
  test('reads whole đồng with the separators of the language', () => {
    expect(incomeDigits('1.500.000', 'vi')).toBe('1500000');
    expect(incomeDigits('1,500,000', 'en')).toBe('1500000');
    expect(incomeDigits('1.500.000,75', 'vi')).toBe('1500000');
    expect(incomeDigits('1500000.75', 'en')).toBe('1500000');
    expect(incomeDigits('007', 'vi')).toBe('7');
    expect(incomeDigits('0', 'vi')).toBe('0');
    expect(incomeDigits('abc', 'vi')).toBe('');
    expect(parseIncome('', 'vi')).toBeNull();
    expect(parseIncome('2.250.000 đ', 'vi')).toBe(2_250_000);
  });

  test('shows thousands grouped', () => {
    expect(formatIncome(1_500_000, 'vi')).toBe('1.500.000');
    expect(formatIncome('1500001', 'en')).toBe('1,500,001');
    expect(formatIncome('12345678901234567890', 'vi')).toBe('12.345.678.901.234.567.890');
    expect(formatIncome(undefined, 'vi')).toBe('');
  });
});

describe('errors and labels', () => {
  test('puts the server’s message beside the field it names', () => {
    const error = new ApiError({
      status: 400,
      code: 'invalid_input',
      field: 'incomePerCapitaMonthly',
      detail: 'Thu nhập bình quân phải là số nguyên đồng, không âm.',
      detailEn: 'Income per capita must be a non-negative whole number of đồng.',
    });
    expect(fieldErrors(error, 'vi')).toEqual({
      incomePerCapitaMonthly: 'Thu nhập bình quân phải là số nguyên đồng, không âm.',
    });
    expect(fieldErrors(error, 'en').incomePerCapitaMonthly).toMatch(/^Income per capita/u);
    const listed = new ApiError({
      status: 400,
      code: 'validation_failed',
      errors: [{ field: 'body.deprivations.1', message: 'Chỉ số không có', messageEn: 'No such indicator' }],
    });
    expect(fieldErrors(listed, 'en')).toEqual({ deprivations: 'No such indicator' });
    expect(fieldErrors(new ApiError({ status: 500, code: 'internal_error' }), 'vi')).toEqual({});
    expect(fieldErrors(new Error('x'), 'vi')).toEqual({});
  });

  test('capitalises a Vietnamese label', () => {
    expect(capitalise('hộ nghèo')).toBe('Hộ nghèo');
    expect(capitalise('đã xong')).toBe('Đã xong');
    expect(capitalise('')).toBe('');
  });
});
