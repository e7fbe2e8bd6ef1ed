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
    const letters = [...'aăâbcdđeêghiklmnoôơpqrstuưvxy àảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ'];
    const word = fc.array(fc.constantFrom(...letters), { minLength: 1, maxLength: 20 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(word, (s) => {
        const key = vietnameseSortKey(s);
        expect(vietnameseSortKey(s.toUpperCase())).toBe(key);
        expect(vietnameseSortKey(s.normalize('NFD'))).toBe(key);
        // Every letter (with its marks) and space gives exactly one primary character.
        expect(key.split('\u0001')[0]!.length).toBe(s.normalize('NFC').length);
      }),
    );
  });
});
