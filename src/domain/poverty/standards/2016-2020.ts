/**
 * The 2016–2020 standard: Decision 59/2015/QĐ-TTg, historical, for old data. Its stepped rule (a
 * very low income alone makes a household poor) is why rules are data.
 */
import type { IndicatorDefinition, LegalDocument, StandardDefinition } from '../types';
import { AREA_NAMES, EDUCATION, HEALTH, HOUSING, INFORMATION, WATER, dimensions, frozen } from './common';
import { INDICATORS_2022, of2022 } from './2022-2025';

// The notes give the number only; date and title are as commonly cited.
const DECISION_59_2015: LegalDocument = {
  kind: { vi: 'Quyết định', en: 'Decision' },
  number: '59/2015/QĐ-TTg',
  date: '2015-11-19',
  title: {
    vi: 'Ban hành chuẩn nghèo tiếp cận đa chiều áp dụng cho giai đoạn 2016–2020',
    en: 'Multidimensional poverty standard for 2016–2020',
  },
  status: 'provisional',
};

// The notes give lines, rules and the five dimensions; the ten indicators are from Decision
// 59/2015 as commonly summarised, not read here, hence provisional.
const INDICATORS_2016 = {
  health_care_access: {
    key: 'health_care_access',
    name: { vi: 'Tiếp cận các dịch vụ y tế', en: 'Access to health care' },
    description: {
      vi: 'Hộ có người bị ốm đau nhưng không đi khám chữa bệnh',
      en: 'A member was ill but did not seek medical treatment',
    },
    status: 'provisional',
  },
  adult_education: {
    key: 'adult_education',
    name: INDICATORS_2022.adult_education.name,
    description: {
      vi: 'Hộ có ít nhất một thành viên từ 15 đến dưới 30 tuổi không tốt nghiệp trung học cơ sở và hiện không đi học',
      en: 'At least one member aged 15 to under 30 has no lower-secondary certificate and is not in school',
    },
    params: { maxAge: 29, requirements: [{ minAge: 15, level: 'lower_secondary' }] },
    status: 'provisional',
  },
  child_schooling: {
    key: 'child_schooling',
    name: INDICATORS_2022.child_schooling.name,
    description: {
      vi: 'Hộ có ít nhất một trẻ em từ 5 đến dưới 15 tuổi hiện không đi học',
      en: 'At least one child aged 5 to under 15 is not in school',
    },
    params: { minAge: 5, maxAge: 14, expectedLevels: [] },
    status: 'provisional',
  },
  information_access: {
    ...INDICATORS_2022.information_access,
    description: {
      vi: 'Hộ không có tài sản nào trong số ti vi, radio, máy tính và không nghe được hệ thống loa truyền thanh xã/thôn',
      en: 'The household has none of TV, radio, computer, and cannot hear the commune/village loudspeakers',
    },
    params: { devices: ['tv', 'radio', 'computer'] },
  },
} satisfies Record<string, IndicatorDefinition>;

export const STANDARD_2016_2020: StandardDefinition = frozen({
  id: '2016-2020',
  version: 1,
  name: { vi: 'Chuẩn nghèo tiếp cận đa chiều giai đoạn 2016–2020', en: 'Multidimensional poverty standard 2016–2020' },
  legalBasis: [DECISION_59_2015],
  years: [2016, 2017, 2018, 2019, 2020],
  areas: AREA_NAMES,
  lines: [
    {
      id: 'income_poverty',
      name: { vi: 'chuẩn nghèo về thu nhập', en: 'income poverty line' },
      rural: 700_000,
      urban: 900_000,
      status: 'confirmed',
    },
    {
      id: 'minimum_living',
      name: { vi: 'mức sống tối thiểu', en: 'minimum living standard' },
      rural: 1_000_000,
      urban: 1_300_000,
      status: 'confirmed',
    },
    {
      id: 'average',
      name: { vi: 'mức sống trung bình', en: 'average living standard line' },
      rural: 1_500_000,
      urban: 1_950_000,
      status: 'confirmed',
    },
  ],
  dimensions: dimensions(
    [
      ['health', HEALTH, [INDICATORS_2016.health_care_access, INDICATORS_2022.health_insurance]],
      ['education', EDUCATION, [INDICATORS_2016.adult_education, INDICATORS_2016.child_schooling]],
      ['housing', HOUSING, of2022('housing_quality', 'housing_area')],
      ['water_sanitation', WATER, of2022('water_source', 'sanitation')],
      ['information', INFORMATION, [INDICATORS_2022.telecom, INDICATORS_2016.information_access]],
    ],
    'confirmed',
    'provisional',
  ),
  rules: [
    // The stepped rule: a very low income alone makes a household poor.
    { id: 'poor_income', category: 'poor', when: { incomeAtMost: 'income_poverty' }, status: 'confirmed' },
    {
      id: 'poor',
      category: 'poor',
      when: { incomeAbove: 'income_poverty', incomeAtMost: 'minimum_living', deprivationsAtLeast: 3 },
      status: 'confirmed',
    },
    {
      id: 'near_poor',
      category: 'near_poor',
      when: { incomeAbove: 'income_poverty', incomeAtMost: 'minimum_living', deprivationsBelow: 3 },
      status: 'confirmed',
    },
    {
      id: 'average',
      category: 'average',
      when: { incomeAbove: 'minimum_living', incomeAtMost: 'average' },
      status: 'confirmed',
    },
    { id: 'not_poor', category: 'not_poor', when: { incomeAbove: 'average' }, status: 'confirmed' },
  ],
});
