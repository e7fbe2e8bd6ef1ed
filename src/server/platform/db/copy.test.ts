import { describe, expect, it } from 'vitest';
import { copyField } from './database';

describe("COPY's text format", () => {
  it('escapes what would end a field or a row, and keeps NULL apart from the text "\\N"', () => {
    expect(copyField(null)).toBe('\\N');
    expect(copyField('\\N')).toBe('\\\\N');
    expect(copyField('a\tb\nc\rd\\e')).toBe('a\\tb\\nc\\rd\\\\e');
    expect(copyField('Nguyễn Văn An')).toBe('Nguyễn Văn An');
  });

  it('writes booleans, numbers, arrays with quoted elements, and objects as JSON', () => {
    expect([copyField(true), copyField(false), copyField(42.5)]).toEqual(['t', 'f', '42.5']);
    // The array literal {"a\"b","c\\d"}, then its backslashes doubled for COPY.
    expect(copyField(['a"b', 'c\\d'])).toBe('{"a\\\\"b","c\\\\\\\\d"}');
    expect(copyField([])).toBe('{}');
    expect(copyField({ kind: 'survey', note: 'x\ty' })).toBe('{"kind":"survey","note":"x\\\\ty"}');
  });
});
