import { describe, expect, it } from 'vitest';
import { retirementAgeInMonths } from './age';
import { BUILTIN_STANDARDS, STANDARD_2016_2020, STANDARD_2022_2025, STANDARD_2027_2030 } from './builtin';
import { classify } from './classify';
import { applyOverrides, derive, deprivedIndicators } from './derive';
import { withoutHealthDetail } from './derivers';
import type { DwellingFacts, HouseholdFacts, MemberFacts } from './facts';
import type { IndicatorKey, StandardDefinition } from './types';

const SURVEY = '2025-10-15';

function member(facts: Partial<MemberFacts> = {}): MemberFacts {
  return {
    name: 'Nguyễn Văn A',
    dateOfBirth: '1985-03-01',
    sex: 'male',
    healthInsurance: true,
    education: 'upper_secondary',
    work: 'own_account',
    ...facts,
  };
}
const spouse = member({ name: 'Trần Thị B', dateOfBirth: '1987-06-20', sex: 'female' });
const child = (facts: Partial<MemberFacts>) =>
  member({ name: 'Lê Văn C', work: undefined, education: undefined, ...facts });

function dwelling(facts: Partial<DwellingFacts> = {}): DwellingFacts {
  return {
    walls: 'durable',
    frame: 'durable',
    roof: 'durable',
    floorArea: 60,
    cleanWater: true,
    hygienicLatrine: true,
    telecomSubscription: true,
    devices: ['tv', 'phone'],
    hearsLoudspeaker: true,
    internetUse: true,
    wasteHandledHygienically: true,
    ...facts,
  };
}

/** The household head and spouse plus the given members, in a sound dwelling unless told. */
function household(members: MemberFacts[] = [], facts: Partial<DwellingFacts> = {}): HouseholdFacts {
  return { members: [member(), spouse, ...members], dwelling: dwelling(facts) };
}

function indicator(
  key: IndicatorKey,
  facts: HouseholdFacts,
  standard: StandardDefinition = STANDARD_2022_2025,
  date = SURVEY,
) {
  const found = derive(standard, facts, date).find((d) => d.indicator === key);
  if (!found) throw new Error(`${standard.id} has no indicator ${key}`);
  return found;
}
const deprived = (key: IndicatorKey, facts: HouseholdFacts, standard?: StandardDefinition, date?: string) =>
  indicator(key, facts, standard, date).deprived;
const reasonsVi = (key: IndicatorKey, facts: HouseholdFacts, standard?: StandardDefinition) =>
  indicator(key, facts, standard).reasons.map((r) => r.vi);

describe('derive', () => {
  it.each(BUILTIN_STANDARDS.map((s) => [s.id, s] as const))(
    'gives every indicator of %s in order, none for a sound household',
    (_id, standard) => {
      const derived = derive(standard, household(), SURVEY);
      expect(derived.map((d) => d.indicator)).toEqual(
        standard.dimensions.flatMap((d) => d.indicators.map((i) => i.key)),
      );
      expect(derived.filter((d) => d.deprived || d.reasons.length > 0)).toEqual([]);
    },
  );

  describe('health_insurance (aged 6 or over)', () => {
    it('does not yet count a child turning 6 the day after the survey', () => {
      expect(
        deprived('health_insurance', household([child({ dateOfBirth: '2019-10-16', healthInsurance: false })])),
      ).toBe(false);
    });
    it('counts a child turning 6 on the survey date, naming the child', () => {
      const reasons = indicator(
        'health_insurance',
        household([child({ name: 'Nguyễn Văn B', dateOfBirth: '2019-10-15', healthInsurance: false })]),
      ).reasons;
      expect(reasons).toEqual([
        { vi: 'Nguyễn Văn B, 6 tuổi, không có BHYT', en: 'Nguyễn Văn B, aged 6, has no health insurance' },
      ]);
    });
  });

  describe('nutrition (children under 16)', () => {
    it('names a baby by months', () => {
      const baby = child({
        name: 'Lê Thị C',
        dateOfBirth: '2025-05-10',
        nutrition: { stunted: false, underweight: true },
      });
      expect(reasonsVi('nutrition', household([baby]))).toEqual(['Lê Thị C, 5 tháng tuổi, suy dinh dưỡng thể nhẹ cân']);
    });
    it('counts a 15-year-old but not one turning 16 on the survey date', () => {
      const record = { stunted: true, underweight: true };
      expect(reasonsVi('nutrition', household([child({ dateOfBirth: '2010-01-01', nutrition: record })]))).toEqual([
        'Lê Văn C, 15 tuổi, suy dinh dưỡng thể thấp còi và nhẹ cân',
      ]);
      expect(deprived('nutrition', household([child({ dateOfBirth: '2009-10-15', nutrition: record })]))).toBe(false);
    });
    it('takes no record as no malnutrition', () => {
      expect(deprived('nutrition', household([child({ dateOfBirth: '2022-01-01' })]))).toBe(false);
    });
  });

  describe('as told to someone who may not see health data', () => {
    const record = { stunted: true, underweight: false };
    const twins = [
      child({ name: 'Lê Văn C', dateOfBirth: '2021-01-01', nutrition: record }),
      child({ name: 'Lê Văn D', dateOfBirth: '2021-01-01', nutrition: record, disability: true }),
    ];
    it('keeps the verdict, says once that the health record counts, and names neither member nor diagnosis', () => {
      const nutrition = withoutHealthDetail(indicator('nutrition', household(twins)));
      expect(nutrition).toMatchObject({ deprived: true });
      expect(nutrition.reasons).toEqual([
        {
          vi: 'Có thành viên thiếu dinh dưỡng theo hồ sơ y tế',
          en: 'A member is undernourished according to the health records',
        },
      ]);
    });
    it('keeps the reasons that do not come from a health record', () => {
      const facts = household([...twins, member({ name: 'Phan Văn E', dateOfBirth: '1990-01-01', disability: true })]);
      const told = withoutHealthDetail(indicator('dependents', facts)).reasons.map((r) => r.vi);
      expect(told).toEqual([
        '3/5 thành viên là người phụ thuộc (60% > 50%)',
        'Lê Văn C, 4 tuổi, trẻ em dưới 16 tuổi',
        'Lê Văn D, 4 tuổi, trẻ em dưới 16 tuổi',
        'Có thành viên được tính là người phụ thuộc theo hồ sơ y tế',
      ]);
      expect(JSON.stringify(told)).not.toMatch(/khuyết tật|Phan Văn E/u);
    });
  });

  describe('employment (working age, able to work)', () => {
    it.each([
      ['unemployed', { work: 'unemployed' }, 'Nguyễn Văn D, 40 tuổi, thất nghiệp'],
      [
        'wage work without a contract',
        { work: 'wage_without_contract' },
        'Nguyễn Văn D, 40 tuổi, làm công ăn lương không có hợp đồng lao động',
      ],
    ] as const)('deprives for a member %s', (_what, facts, reason) => {
      expect(
        reasonsVi('employment', household([member({ name: 'Nguyễn Văn D', dateOfBirth: '1985-01-01', ...facts })])),
      ).toEqual([reason]);
    });
    it.each([
      ['wage work with a contract', { work: 'wage_with_contract' }],
      ['unable to work', { work: 'unemployed', ableToWork: false }],
      ['turning 15 the day after the survey', { work: 'unemployed', dateOfBirth: '2010-10-16' }],
      ['a man at retirement age (61 years 3 months in 2025)', { work: 'unemployed', dateOfBirth: '1964-07-15' }],
      [
        'a woman at retirement age (56 years 8 months in 2025)',
        { work: 'unemployed', sex: 'female', dateOfBirth: '1969-02-15' },
      ],
    ] as const)('does not for a member %s', (_what, facts) => {
      expect(deprived('employment', household([member(facts)]))).toBe(false);
    });
    it.each([
      ['turning 15 on the survey date', { dateOfBirth: '2010-10-15' }],
      ['a man a day short of retirement age', { dateOfBirth: '1964-07-16' }],
      ['a woman a day short of retirement age', { sex: 'female', dateOfBirth: '1969-02-16' }],
    ] as const)('does for an unemployed member %s', (_what, facts) => {
      expect(deprived('employment', household([member({ work: 'unemployed', ...facts })]))).toBe(true);
    });
    it('follows the retirement schedule of the Labour Code', () => {
      expect([2020, 2021, 2025, 2028, 2040].map((y) => retirementAgeInMonths('male', y))).toEqual([
        720, 723, 735, 744, 744,
      ]);
      expect([2020, 2021, 2025, 2035, 2040].map((y) => retirementAgeInMonths('female', y))).toEqual([
        660, 664, 680, 720, 720,
      ]);
    });
  });

  describe('dependents (more than half the members)', () => {
    const children = (n: number) =>
      Array.from({ length: n }, (_, i) => child({ name: `Lê Văn C${i + 1}`, dateOfBirth: '2017-01-01' }));
    it('is not deprived at exactly half', () => {
      expect(deprived('dependents', household(children(2)))).toBe(false);
    });
    it('is deprived above half, listing the dependents', () => {
      expect(reasonsVi('dependents', household(children(3)))).toEqual([
        '3/5 thành viên là người phụ thuộc (60% > 50%)',
        'Lê Văn C1, 8 tuổi, trẻ em dưới 16 tuổi',
        'Lê Văn C2, 8 tuổi, trẻ em dưới 16 tuổi',
        'Lê Văn C3, 8 tuổi, trẻ em dưới 16 tuổi',
      ]);
    });
    it('counts older and disabled people only with a monthly social allowance from 2027', () => {
      const grandmother = member({ name: 'Phạm Thị E', sex: 'female', dateOfBirth: '1950-01-01', work: 'not_working' });
      const facts = { members: [member(), grandmother, child({ dateOfBirth: '2017-01-01' })], dwelling: dwelling() };
      expect(deprived('dependents', facts)).toBe(true);
      expect(deprived('dependents', facts, STANDARD_2027_2030)).toBe(false);
      facts.members[1] = { ...grandmother, monthlySocialAllowance: true };
      expect(reasonsVi('dependents', facts, STANDARD_2027_2030)).toContain(
        'Phạm Thị E, 75 tuổi, người cao tuổi hưởng trợ cấp xã hội hằng tháng',
      );
    });
    it('counts a member unable to work under 2022–2025', () => {
      const unable = member({ name: 'Nguyễn Văn F', ableToWork: false, work: 'not_working' });
      const facts = { members: [member(), unable, child({ dateOfBirth: '2017-01-01' })], dwelling: dwelling() };
      expect(reasonsVi('dependents', facts)).toContain('Nguyễn Văn F, 40 tuổi, không có khả năng lao động');
      expect(deprived('dependents', facts, STANDARD_2027_2030)).toBe(false);
    });
  });

  describe('adult_education (16–30 under 2022–2025)', () => {
    const youth = (dateOfBirth: string, facts: Partial<MemberFacts> = {}) =>
      child({ dateOfBirth, education: 'primary', ...facts });
    it('asks lower secondary of a 17-year-old and upper secondary or vocational of a 20-year-old', () => {
      expect(reasonsVi('adult_education', household([youth('2008-01-01')]))).toEqual([
        'Lê Văn C, 17 tuổi, không đi học, không tham gia đào tạo và chưa có bằng trung học cơ sở',
      ]);
      expect(deprived('adult_education', household([youth('2008-01-01', { education: 'lower_secondary' })]))).toBe(
        false,
      );
      expect(reasonsVi('adult_education', household([youth('2005-01-01', { education: 'lower_secondary' })]))).toEqual([
        'Lê Văn C, 20 tuổi, không đi học, không tham gia đào tạo và chưa có bằng trung học phổ thông hoặc bằng, chứng chỉ nghề',
      ]);
      expect(deprived('adult_education', household([youth('2005-01-01', { education: 'vocational' })]))).toBe(false);
    });
    it('does not deprive someone in school or training', () => {
      expect(deprived('adult_education', household([youth('2005-01-01', { inTraining: true })]))).toBe(false);
      expect(deprived('adult_education', household([youth('2005-01-01', { attending: 'higher' })]))).toBe(false);
    });
    it('counts 30 but not 31, and 15 only under 2016–2020 (15 to under 30)', () => {
      expect(deprived('adult_education', household([youth('1994-10-16')]))).toBe(true);
      expect(deprived('adult_education', household([youth('1994-10-15')]))).toBe(false);
      expect(deprived('adult_education', household([youth('2010-01-01')]))).toBe(false);
      expect(deprived('adult_education', household([youth('2010-01-01')]), STANDARD_2016_2020)).toBe(true);
    });
  });

  describe('child_schooling (3 to under 16 at the right level)', () => {
    it('counts a child of 3 out of school, not one turning 3 the day after', () => {
      expect(reasonsVi('child_schooling', household([child({ dateOfBirth: '2022-10-15' })]))).toEqual([
        'Lê Văn C, 3 tuổi, không đi học',
      ]);
      expect(deprived('child_schooling', household([child({ dateOfBirth: '2022-10-16' })]))).toBe(false);
      expect(deprived('child_schooling', household([child({ dateOfBirth: '2009-10-15' })]))).toBe(false);
    });
    it('counts a 12-year-old still in primary school', () => {
      expect(
        reasonsVi('child_schooling', household([child({ dateOfBirth: '2013-01-01', attending: 'primary' })])),
      ).toEqual(['Lê Văn C, 12 tuổi, đang học tiểu học, chưa đúng cấp học theo độ tuổi (trung học cơ sở)']);
    });
    it('expects the level of the school year, not of the birthday', () => {
      // 11 on 1 March 2025 but in grade 5: the 2024–25 school year is the one of the year they turned 10.
      const pupil = child({ dateOfBirth: '2014-01-10', attending: 'primary' });
      expect(deprived('child_schooling', household([pupil]), STANDARD_2022_2025, '2025-03-01')).toBe(false);
      expect(deprived('child_schooling', household([pupil]), STANDARD_2022_2025, '2025-09-01')).toBe(true);
    });
    it('under 2016–2020 asks only attendance, from 5 to under 15', () => {
      expect(deprived('child_schooling', household([child({ dateOfBirth: '2021-01-01' })]), STANDARD_2016_2020)).toBe(
        false,
      );
      expect(deprived('child_schooling', household([child({ dateOfBirth: '2020-01-01' })]), STANDARD_2016_2020)).toBe(
        true,
      );
      expect(
        deprived(
          'child_schooling',
          household([child({ dateOfBirth: '2013-01-01', attending: 'primary' })]),
          STANDARD_2016_2020,
        ),
      ).toBe(false);
    });
  });

  describe('dwelling indicators', () => {
    it('housing_quality: two of walls, frame and roof non-durable', () => {
      expect(reasonsVi('housing_quality', household([], { walls: 'non_durable', roof: 'non_durable' }))).toEqual([
        'Nhà không bền chắc: tường, mái làm bằng vật liệu không bền chắc',
      ]);
      expect(deprived('housing_quality', household([], { roof: 'non_durable' }))).toBe(false);
    });
    it('housing_area: under 8 m² a person', () => {
      expect(reasonsVi('housing_area', household([], { floorArea: 15.9 }))).toEqual([
        'Nhà 15,9 m² cho 2 người: 7,95 m²/người, dưới 8 m²',
      ]);
      expect(deprived('housing_area', household([], { floorArea: 16 }))).toBe(false);
    });
    it.each([
      ['water_source', { cleanWater: false }, 'Không tiếp cận được nguồn nước sinh hoạt hợp vệ sinh'],
      ['sanitation', { hygienicLatrine: false }, 'Không có nhà tiêu hợp vệ sinh'],
      ['telecom', { telecomSubscription: false }, 'Không thành viên nào sử dụng thuê bao điện thoại hoặc internet'],
      [
        'information_access',
        { devices: [], hearsLoudspeaker: false },
        'Không có ti vi, radio, máy tính, điện thoại và không nghe được loa truyền thanh xã/thôn',
      ],
    ] as const)('%s', (key, facts, reason) => {
      expect(reasonsVi(key, household([], facts))).toEqual([reason]);
    });
    it('information_access: a phone counts from 2022, not in 2016–2020; the loudspeakers always do', () => {
      const phoneOnly = household([], { devices: ['phone'], hearsLoudspeaker: false });
      expect(deprived('information_access', phoneOnly)).toBe(false);
      expect(deprived('information_access', phoneOnly, STANDARD_2016_2020)).toBe(true);
      expect(deprived('information_access', household([], { devices: [] }))).toBe(false);
    });
    it('waste and digital_services (2027–2030): deprived when recorded so, left to the surveyor when not recorded', () => {
      const facts = household([], { wasteHandledHygienically: false, internetUse: false });
      expect(deprived('waste', facts, STANDARD_2027_2030)).toBe(true);
      expect(deprived('digital_services', facts, STANDARD_2027_2030)).toBe(true);
      const unrecorded = household([], { wasteHandledHygienically: undefined, internetUse: undefined });
      expect(indicator('waste', unrecorded, STANDARD_2027_2030)).toMatchObject({
        deprived: false,
        missingData: true,
        reasons: [{ vi: 'Chưa có thông tin về xử lý rác thải: điều tra viên cần xác định' }],
      });
    });
  });

  it('health_care_access (2016–2020): ill without treatment', () => {
    expect(
      reasonsVi(
        'health_care_access',
        household([child({ dateOfBirth: '2015-01-01', illUntreated: true })]),
        STANDARD_2016_2020,
      ),
    ).toEqual(['Lê Văn C, 10 tuổi, ốm đau nhưng không đi khám chữa bệnh']);
  });

  it.each([
    ['an impossible survey date', household(), '2025-02-29', 'surveyDate'],
    [
      'a date of birth written the local way',
      household([child({ dateOfBirth: '15/10/2019' })]),
      SURVEY,
      'members[2].dateOfBirth',
    ],
    [
      'a date of birth after the survey',
      household([child({ dateOfBirth: '2025-10-16' })]),
      SURVEY,
      'members[2].dateOfBirth',
    ],
    ['no members', { members: [], dwelling: dwelling() }, SURVEY, 'members'],
  ])('refuses %s, naming the field', (_what, facts, date, field) => {
    expect(() => derive(STANDARD_2022_2025, facts, date)).toThrow(
      expect.objectContaining({ code: 'invalid_input', field }),
    );
  });
});

describe('applyOverrides', () => {
  const derived = derive(STANDARD_2027_2030, household([], { wasteHandledHygienically: undefined }), SURVEY);

  it('applies a surveyor decision and keeps the derived value beside it', () => {
    const assessed = applyOverrides(derived, [
      { indicator: 'waste', deprived: true, reason: '  Rác đổ ra suối sau nhà ' },
    ]);
    const waste = assessed.find((a) => a.indicator === 'waste');
    expect(waste).toMatchObject({
      deprived: true,
      derived: { deprived: false, missingData: true },
      override: { deprived: true, reason: 'Rác đổ ra suối sau nhà' },
    });
    expect(deprivedIndicators(assessed)).toEqual(['waste']);
    expect(assessed.filter((a) => a.override)).toHaveLength(1);
  });
  it('feeds classification', () => {
    const assessed = applyOverrides(derived, [
      { indicator: 'waste', deprived: true, reason: 'Rác đổ ra suối' },
      { indicator: 'sanitation', deprived: true, reason: 'Nhà tiêu bị sập sau bão' },
      { indicator: 'digital_services', deprived: true, reason: 'Không ai dùng internet' },
    ]);
    const input = {
      area: 'rural' as const,
      incomePerCapitaMonthly: 2_000_000,
      deprivations: deprivedIndicators(assessed),
    };
    expect(classify(STANDARD_2027_2030, input).category).toBe('poor');
  });
  it.each([
    [
      'a blank reason',
      [{ indicator: 'waste', deprived: true, reason: ' ' }],
      'override_reason_required',
      'overrides[0].reason',
    ],
    [
      'an indicator the standard lacks',
      [{ indicator: 'information_access', deprived: true, reason: 'x' }],
      'unknown_indicator',
      'overrides[0].indicator',
    ],
    [
      'two overrides of one indicator',
      [
        { indicator: 'waste', deprived: true, reason: 'a' },
        { indicator: 'waste', deprived: false, reason: 'b' },
      ],
      'duplicate_override',
      'overrides[1].indicator',
    ],
  ])('refuses %s', (_what, overrides, code, field) => {
    expect(() => applyOverrides(derived, overrides)).toThrow(expect.objectContaining({ code, field }));
  });
});
