import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BUILTIN_STANDARDS,
  STANDARD_2016_2020,
  STANDARD_2022_2025,
  STANDARD_2027_2030,
  findStandard,
  standardForYear,
} from './builtin';
import { classify, type ClassifyInput } from './classify';
import { PovertyError } from './errors';
import { CATEGORIES, CATEGORY_SEVERITY, type Area, type Category, type StandardDefinition } from './types';

const keysOf = (standard: StandardDefinition) =>
  standard.dimensions.flatMap((d) => d.indicators.map((i) => i.key as string));
const first = (standard: StandardDefinition, n: number) => keysOf(standard).slice(0, n);

type Case = [area: Area, income: number, deprivations: number, category: Category, rule: string];

const LEGAL_CASES: [StandardDefinition, Case[]][] = [
  [
    STANDARD_2022_2025,
    [
      ['rural', 1_500_000, 3, 'poor', 'poor'], // exactly on the line is inside
      ['rural', 1_500_000, 2, 'near_poor', 'near_poor'], // 2 vs 3 deprivations
      ['rural', 1_500_001, 3, 'average', 'average'], // one đồng above
      ['rural', 1_500_001, 12, 'average', 'average'], // income decides: deprivations alone never make poor
      ['rural', 0, 0, 'near_poor', 'near_poor'],
      ['rural', 2_250_000, 0, 'average', 'average'], // top of the average band
      ['rural', 2_250_001, 0, 'not_poor', 'not_poor'],
      ['urban', 2_000_000, 3, 'poor', 'poor'],
      ['urban', 2_000_000, 2, 'near_poor', 'near_poor'],
      ['urban', 2_000_001, 3, 'average', 'average'],
      ['urban', 1_800_000, 3, 'poor', 'poor'], // poor in a town, average in the countryside
      ['rural', 1_800_000, 3, 'average', 'average'],
      ['urban', 3_000_000, 5, 'average', 'average'],
      ['urban', 3_000_001, 5, 'not_poor', 'not_poor'],
    ],
  ],
  [
    STANDARD_2027_2030,
    [
      ['rural', 2_200_000, 3, 'poor', 'poor'],
      ['rural', 2_200_000, 2, 'near_poor', 'near_poor'],
      ['rural', 2_200_001, 3, 'not_poor', 'not_poor'], // no average band published
      ['rural', 1_500_001, 3, 'poor', 'poor'], // average under 2022–2025
      ['urban', 2_800_000, 3, 'poor', 'poor'],
      ['urban', 2_800_000, 0, 'near_poor', 'near_poor'],
      ['urban', 2_800_001, 13, 'not_poor', 'not_poor'],
    ],
  ],
  [
    STANDARD_2016_2020,
    [
      ['rural', 700_000, 0, 'poor', 'poor_income'], // the stepped rule: income alone
      ['rural', 700_001, 2, 'near_poor', 'near_poor'],
      ['rural', 700_001, 3, 'poor', 'poor'],
      ['rural', 1_000_000, 3, 'poor', 'poor'],
      ['rural', 1_000_000, 2, 'near_poor', 'near_poor'],
      ['rural', 1_000_001, 10, 'average', 'average'],
      ['rural', 1_500_000, 0, 'average', 'average'],
      ['rural', 1_500_001, 0, 'not_poor', 'not_poor'],
      ['urban', 900_000, 0, 'poor', 'poor_income'],
      ['urban', 900_001, 2, 'near_poor', 'near_poor'],
      ['urban', 1_300_000, 3, 'poor', 'poor'],
      ['urban', 1_300_001, 3, 'average', 'average'],
      ['urban', 1_950_000, 0, 'average', 'average'],
      ['urban', 1_950_001, 0, 'not_poor', 'not_poor'],
    ],
  ],
];

describe.each(LEGAL_CASES.map(([standard, cases]) => ({ id: standard.id, standard, cases })))(
  'legal cases under $id',
  ({ standard, cases }) => {
    it.each(cases)('%s, income %i, %i deprivations → %s (rule %s)', (area, income, n, category, rule) => {
      const result = classify(standard, { area, incomePerCapitaMonthly: income, deprivations: first(standard, n) });
      expect(result).toMatchObject({ standard: standard.id, category, rule, deprivationCount: n });
    });
  },
);

describe('which standard applies', () => {
  it('uses 2022–2025 for 2026 (Decree 351/2025), 2027–2030 from 2027', () => {
    expect(standardForYear(2022)?.id).toBe('2022-2025');
    expect(standardForYear(2026)?.id).toBe('2022-2025');
    expect(standardForYear(2027)?.id).toBe('2027-2030');
    expect(standardForYear(2030)?.id).toBe('2027-2030');
    expect(standardForYear(2016)?.id).toBe('2016-2020');
    expect(standardForYear(2031)).toBeUndefined();
  });
  it('finds the highest version of a standard', () => {
    const corrected = { ...STANDARD_2027_2030, version: 2 };
    expect(findStandard('2027-2030', [...BUILTIN_STANDARDS, corrected])).toBe(corrected);
    expect(findStandard('1990')).toBeUndefined();
  });
});

describe('classify', () => {
  const input: ClassifyInput = {
    area: 'rural',
    incomePerCapitaMonthly: 1_500_000,
    deprivations: ['telecom', 'employment', 'nutrition'],
  };

  it('explains the deciding rule with the numbers in Vietnamese and English', () => {
    const { explanation } = classify(STANDARD_2022_2025, input, { explain: true });
    expect(explanation.vi).toBe(
      'Thu nhập bình quân 1.500.000 đ/người/tháng ≤ chuẩn nghèo nông thôn 1.500.000 đ và thiếu hụt 3 chỉ số (≥ 3): hộ nghèo theo Nghị định 07/2021/NĐ-CP',
    );
    expect(explanation.en).toBe(
      'Monthly income per person 1,500,000 VND ≤ rural poverty line 1,500,000 VND and 3 deprived indicators (≥ 3): poor household under Decree 07/2021/NĐ-CP',
    );
  });
  it('explains a band and the stepped rule', () => {
    const stepped = classify(
      STANDARD_2016_2020,
      { area: 'urban', incomePerCapitaMonthly: 1_200_000, deprivations: ['telecom'] },
      { explain: true },
    );
    expect(stepped.explanation.vi).toBe(
      'Thu nhập bình quân 1.200.000 đ/người/tháng > chuẩn nghèo về thu nhập thành thị 900.000 đ, ≤ mức sống tối thiểu thành thị 1.300.000 đ và thiếu hụt 1 chỉ số (< 3): hộ cận nghèo theo Quyết định 59/2015/QĐ-TTg',
    );
    const urban = classify(
      STANDARD_2027_2030,
      { area: 'urban', incomePerCapitaMonthly: 3_000_000, deprivations: [] },
      { explain: true },
    );
    expect(urban.explanation.vi).toBe(
      'Thu nhập bình quân 3.000.000 đ/người/tháng > chuẩn nghèo đô thị 2.800.000 đ: hộ không nghèo theo Nghị định 351/2025/NĐ-CP',
    );
  });
  it('builds no explanation unless asked', () => {
    expect(classify(STANDARD_2022_2025, input)).not.toHaveProperty('explanation');
  });
  it('lists deprivations once each, in the standard order, with the score form where defined', () => {
    const result = classify(STANDARD_2022_2025, {
      ...input,
      area: 'urban',
      deprivations: ['telecom', 'employment', 'telecom'],
    });
    expect(result.deprivations).toEqual(['employment', 'telecom']);
    expect(result.deprivationCount).toBe(2);
    expect(result.scores).toEqual({ deprivationScore: 20, incomeScoreLine: 175 });
    expect(classify(STANDARD_2022_2025, input).scores).toEqual({ deprivationScore: 30, incomeScoreLine: 140 });
    expect(classify(STANDARD_2027_2030, input)).not.toHaveProperty('scores');
  });
  it('refuses an indicator the standard does not have, naming it', () => {
    const call = () => classify(STANDARD_2027_2030, { ...input, deprivations: ['employment', 'information_access'] });
    expect(call).toThrow(PovertyError);
    expect(call).toThrow(
      expect.objectContaining({
        code: 'unknown_indicator',
        field: 'deprivations',
        vi: expect.stringContaining('"information_access"'),
      }),
    );
    expect(() => classify(STANDARD_2022_2025, { ...input, deprivations: ['waste'] })).toThrow(/waste/);
  });
  it.each([-1, 1.5, Number.NaN, 2 ** 53])('refuses income %s', (income) => {
    expect(() => classify(STANDARD_2022_2025, { ...input, incomePerCapitaMonthly: income })).toThrow(
      expect.objectContaining({ code: 'invalid_input', field: 'incomePerCapitaMonthly' }),
    );
  });
  it('refuses an unknown area', () => {
    expect(() => classify(STANDARD_2022_2025, { ...input, area: 'suburban' as Area })).toThrow(
      expect.objectContaining({ field: 'area' }),
    );
  });
});

/** The rules read literally, without the decision table. */
function reference(
  standard: StandardDefinition,
  { area, incomePerCapitaMonthly: income, deprivations }: ClassifyInput,
) {
  const line = (id: string) => standard.lines.find((l) => l.id === id)![area];
  const count = new Set(deprivations).size;
  return standard.rules.find(
    ({ when }) =>
      (when.incomeAbove === undefined || income > line(when.incomeAbove)) &&
      (when.incomeAtMost === undefined || income <= line(when.incomeAtMost)) &&
      (when.deprivationsAtLeast === undefined || count >= when.deprivationsAtLeast) &&
      (when.deprivationsBelow === undefined || count < when.deprivationsBelow),
  );
}

const household = fc.constantFrom(...BUILTIN_STANDARDS).chain((standard) =>
  fc.record({
    standard: fc.constant(standard),
    input: fc.record({
      area: fc.constantFrom<Area>('rural', 'urban'),
      // Incomes near every line are where mistakes hide.
      incomePerCapitaMonthly: fc.oneof(
        fc.integer({ min: 0, max: 5_000_000 }),
        fc
          .constantFrom(...standard.lines.flatMap((l) => [l.rural, l.urban]))
          .chain((v) => fc.integer({ min: v - 1, max: v + 1 })),
      ),
      deprivations: fc.subarray(keysOf(standard)),
    }),
  }),
);
const severity = (standard: StandardDefinition, input: ClassifyInput) =>
  CATEGORY_SEVERITY[classify(standard, input).category];

describe('properties of every built-in standard', () => {
  it('is total, deterministic and agrees with the rules read literally', () => {
    fc.assert(
      fc.property(household, ({ standard, input }) => {
        const result = classify(standard, input);
        expect(CATEGORIES).toContain(result.category);
        expect(classify(standard, input)).toEqual(result);
        const rule = reference(standard, input);
        expect(result.rule).toBe(rule?.id);
        expect(result.category).toBe(rule?.category);
      }),
    );
  });
  it('never makes a household poorer for more income', () => {
    fc.assert(
      fc.property(household, fc.integer({ min: 0, max: 3_000_000 }), ({ standard, input }, more) => {
        const richer = { ...input, incomePerCapitaMonthly: input.incomePerCapitaMonthly + more };
        expect(severity(standard, richer)).toBeLessThanOrEqual(severity(standard, input));
      }),
    );
  });
  it('never makes a household less poor for more deprivations', () => {
    fc.assert(
      fc.property(household, fc.nat(), ({ standard, input }, pick) => {
        const extra = keysOf(standard)[pick % keysOf(standard).length]!;
        const worse = { ...input, deprivations: [...input.deprivations, extra] };
        expect(severity(standard, worse)).toBeGreaterThanOrEqual(severity(standard, input));
      }),
    );
  });
  it('ignores the order and repetition of deprivations', () => {
    fc.assert(
      fc.property(household, ({ standard, input }) => {
        const shuffled = { ...input, deprivations: [...input.deprivations].reverse().concat(input.deprivations) };
        expect(classify(standard, shuffled)).toEqual(classify(standard, input));
      }),
    );
  });
});
