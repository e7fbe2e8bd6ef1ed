import { describe, expect, test } from 'vitest';
import { en } from './en';
import { translate } from './index';
import { vi } from './vi';

function leaves(node: unknown, prefix = ''): [string, unknown][] {
  if (typeof node === 'string' || Array.isArray(node)) return [[prefix, node]];
  return Object.entries(node as Record<string, unknown>).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}

describe('dictionaries', () => {
  test('English has every Vietnamese key, with the same placeholders', () => {
    const english = new Map(leaves(en));
    for (const [key, text] of leaves(vi)) {
      expect(english.has(key), key).toBe(true);
      if (typeof text === 'string') {
        const names = (s: string) => [...s.matchAll(/\{(\w+)\}/gu)].map((m) => m[1]).sort();
        expect(names(english.get(key) as string), key).toEqual(names(text));
      } else {
        expect((english.get(key) as string[]).length, key).toBe((text as string[]).length);
      }
    }
  });

  test('Vietnamese text is stored composed (NFC), so it renders and searches consistently', () => {
    for (const [key, text] of leaves(vi)) {
      for (const s of [text].flat() as string[]) expect(s, key).toBe(s.normalize('NFC'));
    }
  });

  test('placeholders are filled', () => {
    expect(translate('vi', 'dashboard.greeting', { name: 'Bùi Văn Hải' })).toBe('Xin chào, Bùi Văn Hải');
    expect(translate('en', 'common.total', { total: 3 })).toBe('3 records in all');
  });
});
