import { describe, expect, test } from 'vitest';
import { fileNameOf } from './api';

describe('downloads are saved under the name the server gives', () => {
  const named = (disposition: string) => new Response(null, { headers: { 'content-disposition': disposition } });

  test('a plain or a UTF-8 file name', () => {
    expect(fileNameOf(named('attachment; filename="danh-sach-ho-18562.xlsx"'), 'x.xlsx')).toBe(
      'danh-sach-ho-18562.xlsx',
    );
    expect(fileNameOf(named("attachment; filename*=UTF-8''h%E1%BB%99-l%E1%BB%97i.xlsx"), 'x.xlsx')).toBe('hộ-lỗi.xlsx');
  });

  test('the fallback when the server names none', () => {
    expect(fileNameOf(new Response(null), 'mau.xlsx')).toBe('mau.xlsx');
  });
});
