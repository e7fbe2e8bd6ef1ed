import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PRIORITY_RULE, incomeGapTenths, rank, ruleProblems, score, type PriorityFacts } from './priority';

const facts = (code: string, extra: Partial<PriorityFacts> = {}): PriorityFacts => ({
  householdId: `id-${code}`,
  code,
  category: 'poor',
  deprivationCount: 0,
  incomePerCapita: null,
  povertyLine: null,
  children: 0,
  elderly: 0,
  disabled: 0,
  ethnicMinority: false,
  womanHeaded: false,
  supportedThisYear: true,
  ...extra,
});

describe('the priority score', () => {
  it('adds points part by part, each part naming its factor, count and points', () => {
    const s = score(
      facts('A', {
        deprivationCount: 3,
        incomePerCapita: 1_000_000,
        povertyLine: 2_000_000,
        children: 2,
        disabled: 1,
        supportedThisYear: false,
      }),
      DEFAULT_PRIORITY_RULE,
    );
    expect(s.parts.map((p) => [p.factor, p.count, p.points])).toEqual([
      ['poor', 1, 30],
      ['deprivation', 3, 30],
      ['incomeGapTenth', 5, 25],
      ['child', 2, 8],
      ['disabled', 1, 6],
      ['noSupportThisYear', 1, 10],
    ]);
    expect(s.score).toBe(109);
  });

  it('counts the income gap in whole tenths of the line, nothing at or above it', () => {
    expect(incomeGapTenths(2_000_000, 2_000_000)).toBe(0);
    expect(incomeGapTenths(1_999_999, 2_000_000)).toBe(0);
    expect(incomeGapTenths(1_800_000, 2_000_000)).toBe(1);
    expect(incomeGapTenths(0, 2_000_000)).toBe(10);
    expect(incomeGapTenths(null, 2_000_000)).toBe(0);
  });
});

describe('the priority list', () => {
  it('ranks by score, then deprivations, then code; equal scores share a rank', () => {
    const ranked = rank(
      [
        facts('C', { deprivationCount: 1 }),
        facts('B', { deprivationCount: 2 }),
        facts('A', { deprivationCount: 1 }),
        facts('D', { category: 'near_poor' }),
      ],
      { ...DEFAULT_PRIORITY_RULE, deprivation: 0 },
    );
    expect(ranked.map((r) => [r.code, r.rank, r.score])).toEqual([
      ['B', 1, 30],
      ['A', 1, 30],
      ['C', 1, 30],
      ['D', 4, 15],
    ]);
  });

  it('does not depend on the order the households come in, and never ranks a lower score above a higher', () => {
    const arb = fc.record({
      code: fc.string({ minLength: 1, maxLength: 4 }),
      deprivationCount: fc.integer({ min: 0, max: 10 }),
      children: fc.integer({ min: 0, max: 5 }),
      poor: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.uniqueArray(arb, { selector: (h) => h.code, maxLength: 30 }), (list) => {
        const households = list.map((h) =>
          facts(h.code, {
            deprivationCount: h.deprivationCount,
            children: h.children,
            category: h.poor ? 'poor' : 'near_poor',
          }),
        );
        const forward = rank(households, DEFAULT_PRIORITY_RULE);
        expect(rank([...households].reverse(), DEFAULT_PRIORITY_RULE)).toEqual(forward);
        forward.slice(1).forEach((r, i) => expect(r.score).toBeLessThanOrEqual(forward[i]!.score));
      }),
    );
  });

  it('an edited rule is checked: unknown factors and points outside 0–100 are named', () => {
    expect(ruleProblems({ ...DEFAULT_PRIORITY_RULE, child: 101, color: 3, elderly: 2.5 }).map((p) => p.factor)).toEqual(
      ['child', 'elderly', 'color'],
    );
    expect(ruleProblems(DEFAULT_PRIORITY_RULE)).toEqual([]);
  });
});
