import { describe, expect, it } from 'vitest';
import { parseCsv } from './reference-data';

describe('parseCsv (shipped reference data)', () => {
  it('reads quoted fields, doubled quotes, empty values and a BOM', () => {
    const rows = parseCsv('\uFEFFcode,name,parent_code\r\n42,"Hà Tĩnh, tỉnh","" \n25102,"Xã Đạ M""ri",68\n');
    expect(rows).toEqual([
      { code: '42', name: 'Hà Tĩnh, tỉnh', parent_code: ' ' },
      { code: '25102', name: 'Xã Đạ M"ri', parent_code: '68' },
    ]);
  });
});
