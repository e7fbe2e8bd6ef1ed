import { describe, expect, it } from 'vitest';
import { classify, derive, deprivedIndicators, STANDARD_2022_2025 } from '../../domain/poverty';
import { checkCitizenId } from '../../domain/registry/citizen-id';
import { generateRegistry, type DemoCommune } from './registry';

// The 69 communes and wards of Hà Tĩnh (2025-07) as the demo seeds them, villages named as seed.ts does.
const CODES =
  '18073 18100 18115 18118 18133 18160 18163 18172 18184 18196 18199 18202 18223 18229 18244 18262 18277 ' +
  '18304 18313 18322 18328 18352 18364 18373 18394 18406 18409 18418 18436 18466 18481 18484 18496 18502 ' +
  '18523 18532 18544 18547 18550 18562 18568 18583 18586 18601 18604 18619 18628 18634 18652 18667 18673 ' +
  '18676 18682 18685 18736 18739 18742 18748 18754 18766 18775 18781 18787 18790 18814 18823 18832 18838 18844';
const WARDS = new Set(['18073', '18100', '18115', '18118', '18652', '18754', '18781', '18823', '18832']);
const COMMUNES: DemoCommune[] = CODES.split(' ').map((code, i) => {
  const ward = WARDS.has(code);
  const count = 4 + (i % 6);
  return {
    code,
    name: `Xã ${code}`,
    ward,
    villages: Array.from({ length: count }, (_, v) => ({
      id: `${code}-${v + 1}`,
      name: `${ward ? 'Tổ dân phố' : 'Thôn'} ${v + 1}`,
    })),
  };
});

const registry = generateRegistry(COMMUNES);
const share = (year: number, category: string) =>
  registry.filter((h) => h.assessments.some((a) => a.year === year && a.category === category)).length /
  registry.length;

describe('demo registry', () => {
  it('is the same every time', () => {
    const again = generateRegistry(COMMUNES);
    expect(JSON.stringify(again)).toBe(JSON.stringify(registry));
  });

  it('holds at least 5,000 households, a few hundred in each demo commune, in every commune', () => {
    expect(registry.length).toBeGreaterThanOrEqual(5000);
    const inCommune = (code: string) => registry.filter((h) => h.communeCode === code).length;
    expect(inCommune('18562')).toBeGreaterThanOrEqual(300); // Thạch Hà
    expect(inCommune('18673')).toBeGreaterThanOrEqual(300); // Cẩm Xuyên
    for (const commune of COMMUNES) expect(inCommune(commune.code)).toBeGreaterThan(0);
    const codes = registry.map((h) => `${h.communeCode}/${h.code}`);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('has about 4% poor and 4% near-poor households in 2026, fewer poor than in 2022', () => {
    for (const category of ['poor', 'near_poor']) {
      expect(share(2026, category)).toBeGreaterThanOrEqual(0.03);
      expect(share(2026, category)).toBeLessThanOrEqual(0.05);
    }
    expect(share(2022, 'poor')).toBeGreaterThan(0.055);
    expect(share(2022, 'poor')).toBeLessThan(0.085);
    for (const year of [2023, 2024, 2025, 2026]) expect(share(year, 'poor')).toBeLessThan(share(year - 1, 'poor'));
  });

  it('stores what the engine decides on the stored facts', () => {
    for (const household of registry) {
      for (const a of household.assessments) {
        const derived = derive(STANDARD_2022_2025, a.facts, a.surveyDate);
        expect(a.indicators.map((i) => i.deprived)).toEqual(derived.map((d) => d.deprived));
        const result = classify(STANDARD_2022_2025, {
          area: a.area,
          incomePerCapitaMonthly: a.incomePerCapitaMonthly,
          deprivations: deprivedIndicators(derived),
        });
        expect({ category: a.category, rule: a.rule, count: a.deprivationCount, list: a.deprivations }).toEqual({
          category: result.category,
          rule: result.rule,
          count: result.deprivationCount,
          list: [...result.deprivations],
        });
        expect(a.causes.length > 0).toBe(a.category === 'poor' || a.category === 'near_poor');
        expect(a.surveyDate < a.decisionDate && a.decisionDate < `${a.year}-01-01`).toBe(true);
      }
    }
  });

  it('assesses every household poor or near-poor, and the year after', () => {
    for (const household of registry) {
      const years = new Map(household.assessments.map((a) => [a.year, a.category]));
      for (const [year, category] of years) {
        if ((category === 'poor' || category === 'near_poor') && year < 2026) expect(years.has(year + 1)).toBe(true);
      }
    }
  });

  it('gives each household exactly one head, listed first, and valid citizen IDs never repeated', () => {
    const seen = new Set<string>();
    let adults = 0;
    let adultsWithId = 0;
    for (const household of registry) {
      expect(household.members.filter((m) => m.relation === 'head')).toHaveLength(1);
      expect(household.members[0]!.relation).toBe('head');
      for (const m of household.members) {
        if (m.dateOfBirth <= '2008-11-01') {
          adults++;
          if (m.citizenId) adultsWithId++;
        }
        if (!m.citizenId) continue;
        expect(checkCitizenId(m.citizenId, m)).toEqual({ ok: true });
        expect(seen.has(m.citizenId)).toBe(false);
        seen.add(m.citizenId);
      }
    }
    expect(adultsWithId / adults).toBeGreaterThan(0.85);
    expect(adultsWithId).toBeLessThan(adults);
  });

  it('names people as in Viet Nam: Nguyễn for about 38%, children after their father', () => {
    const people = registry.flatMap((h) => h.members);
    const nguyen = people.filter((m) => m.fullName.startsWith('Nguyễn ')).length / people.length;
    expect(nguyen).toBeGreaterThan(0.33);
    expect(nguyen).toBeLessThan(0.43);
    for (const household of registry) {
      const father = household.members.find((m) => ['head', 'spouse'].includes(m.relation) && m.sex === 'male');
      const family = (name: string) => name.split(' ')[0];
      for (const child of household.members.filter((m) => m.relation === 'child')) {
        if (father) expect(family(child.fullName)).toBe(family(father.fullName));
      }
    }
  });
});
