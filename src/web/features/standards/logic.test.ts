import { describe, expect, test } from 'vitest';
import { STANDARD_2027_2030 } from '../../../domain/poverty';
import { ApiError } from '../../api/client';
import type { PublicStandard } from '../calculator/api';
import { definitionOf, fileNameOf, fileProblems, rowKeyOf } from './logic';

const listed: PublicStandard = {
  ...STANDARD_2027_2030,
  version: 2,
  status: 'provisional',
  source: 'loaded',
  provinceCode: '42',
  loadedAt: '2026-11-20T03:00:00.000Z',
  current: true,
};

describe('the standards page', () => {
  test('downloads the definition without what the list adds, so that it loads back', () => {
    const definition = definitionOf(listed);
    expect(Object.keys(definition).sort()).toEqual(Object.keys({ ...STANDARD_2027_2030 }).sort());
    expect(definition.version).toBe(2);
    expect(fileNameOf(listed)).toBe('chuan-ngheo-2027-2030-42-v2.json');
    expect(fileNameOf({ ...listed, provinceCode: null })).toBe('chuan-ngheo-2027-2030-v2.json');
    expect(rowKeyOf({ ...listed, provinceCode: null })).toBe('2027-2030/national/v2');
  });

  test('places every problem of a refused file at its path in the file', () => {
    const refused = new ApiError({
      status: 400,
      code: 'invalid_standard',
      errors: [
        { field: 'definition.lines[0].rural', message: 'Phải ≥ 0', messageEn: 'Must be ≥ 0' },
        { field: 'definition.name.vi', message: 'Bắt buộc', messageEn: 'Required' },
        { field: 'definition', message: 'Không phải đối tượng', messageEn: 'Not an object' },
      ],
    });
    expect(fileProblems(refused, 'vi')).toEqual([
      { path: 'lines[0].rural', message: 'Phải ≥ 0' },
      { path: 'name.vi', message: 'Bắt buộc' },
      { path: '', message: 'Không phải đối tượng' },
    ]);
    expect(fileProblems(refused, 'en')[0]).toEqual({ path: 'lines[0].rural', message: 'Must be ≥ 0' });
    expect(fileProblems(new Error('x'), 'vi')).toEqual([]);
  });
});
