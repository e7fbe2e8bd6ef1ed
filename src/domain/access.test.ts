import { describe, expect, it } from 'vitest';
import { scopeContains, scopeCovers, type AreaScope } from './access';

const haTinh: AreaScope = { level: 'province', provinceCode: '42' };
const thachHa: AreaScope = { level: 'commune', provinceCode: '42', communeCode: '18400' };

describe('area scope', () => {
  it('a provincial user sees every commune of the province, and nothing of another province', () => {
    expect(scopeCovers(haTinh, { provinceCode: '42', communeCode: '18400' })).toBe(true);
    expect(scopeCovers(haTinh, { provinceCode: '42', communeCode: null })).toBe(true);
    expect(scopeCovers(haTinh, { provinceCode: '86', communeCode: '29000' })).toBe(false);
  });
  it('a commune user sees only their commune', () => {
    expect(scopeCovers(thachHa, { provinceCode: '42', communeCode: '18400' })).toBe(true);
    expect(scopeCovers(thachHa, { provinceCode: '42', communeCode: '18403' })).toBe(false);
    expect(scopeCovers(thachHa, { provinceCode: '42', communeCode: null })).toBe(false);
  });
  it('no one grants a scope wider than their own', () => {
    expect(scopeContains(haTinh, thachHa)).toBe(true);
    expect(scopeContains(thachHa, haTinh)).toBe(false);
    expect(scopeContains(haTinh, { level: 'national' })).toBe(false);
    expect(scopeContains({ level: 'national' }, haTinh)).toBe(true);
  });
});
