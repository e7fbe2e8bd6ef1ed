import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareVietnamese, foldAccents, normalizeText, vietnameseSortKey } from './text';

describe('foldAccents', () => {
  it('lets "nguyen van a" find "Nguyễn Văn A"', () => {
    expect(foldAccents('Nguyễn Văn A')).toBe('nguyen van a');
    expect(foldAccents('Đặng Thị Ửng')).toBe('dang thi ung');
  });
  it('treats NFD and NFC input alike', () => {
    expect(foldAccents('Hà Tĩnh'.normalize('NFD'))).toBe(foldAccents('Hà Tĩnh'));
  });
});

describe('normalizeText', () => {
  it('stores NFC and collapses white space', () => {
    const value = normalizeText('  Xã   Cẩm\tXuyên '.normalize('NFD'));
    expect(value).toBe('Xã Cẩm Xuyên');
    expect(value).toBe(value.normalize('NFC'));
  });
});

describe('vietnameseSortKey', () => {
  it('orders names as a Vietnamese dictionary does', () => {
    const names = ['Đỗ', 'Dương', 'Ân', 'Ăn', 'An', 'Bùi', 'Ơn', 'Ông', 'Ong', 'Ư', 'Uy'];
    expect([...names].sort(compareVietnamese)).toEqual([
      'An',
      'Ăn',
      'Ân',
      'Bùi',
      'Dương',
      'Đỗ',
      'Ong',
      'Ông',
      'Ơn',
      'Uy',
      'Ư',
    ]);
  });
  it('breaks ties by tone: ma, mà, mả, mã, má, mạ', () => {
    const words = ['mạ', 'má', 'mã', 'mả', 'mà', 'ma'];
    expect([...words].sort(compareVietnamese)).toEqual(['ma', 'mà', 'mả', 'mã', 'má', 'mạ']);
  });
  it('ignores case and Unicode normal form', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(vietnameseSortKey(s.toUpperCase().normalize('NFD'))).toBe(
          vietnameseSortKey(s.toUpperCase().normalize('NFC')),
        );
      }),
    );
  });
});
