/**
 * The 2022–2025 standard: Decree 07/2021/NĐ-CP, Article 3 (confirmed), kept in force for 2026 by
 * Decree 351/2025/NĐ-CP. Its twelve indicators are the base the other standards vary.
 */
import type { IndicatorDefinition, LegalDocument, StandardDefinition } from '../types';
import {
  AREA_NAMES,
  DECREE,
  DECREE_351_2025,
  EDUCATION,
  EMPLOYMENT,
  HEALTH,
  HOUSING,
  INFORMATION,
  WATER,
  dimensions,
  frozen,
} from './common';

const DECREE_07_2021: LegalDocument = {
  kind: DECREE,
  number: '07/2021/NĐ-CP',
  date: '2021-01-27',
  title: {
    vi: 'Quy định chuẩn nghèo đa chiều giai đoạn 2021–2025',
    en: 'Multidimensional poverty standard for 2021–2025',
  },
  status: 'confirmed',
};

/** The twelve indicators of Decree 07/2021, Article 3, by key. */
export const INDICATORS_2022 = {
  employment: {
    key: 'employment',
    name: { vi: 'Việc làm', en: 'Employment' },
    description: {
      vi: 'Hộ có ít nhất một người trong độ tuổi lao động, có khả năng lao động đang thất nghiệp hoặc làm công việc có tiền công, tiền lương nhưng không có hợp đồng lao động',
      en: 'At least one member of working age who is able to work is unemployed, or works for wages without a labour contract',
    },
    params: { minAge: 15 },
    status: 'confirmed',
  },
  dependents: {
    key: 'dependents',
    name: { vi: 'Người phụ thuộc trong hộ gia đình', en: 'Dependents' },
    description: {
      vi: 'Tỷ lệ người phụ thuộc trong tổng số nhân khẩu của hộ lớn hơn 50%',
      en: 'Dependents make up more than 50% of the household members',
    },
    params: { childMaxAge: 15, elderlyMinAge: 60, allowanceRequired: false, maxShare: 0.5 },
    status: 'confirmed',
  },
  nutrition: {
    key: 'nutrition',
    name: { vi: 'Dinh dưỡng', en: 'Nutrition' },
    description: {
      vi: 'Hộ có ít nhất một trẻ em dưới 16 tuổi bị suy dinh dưỡng chiều cao theo tuổi (thấp còi) hoặc cân nặng theo tuổi (nhẹ cân)',
      en: 'At least one child under 16 is stunted (height-for-age) or underweight (weight-for-age)',
    },
    params: { maxAge: 15 },
    status: 'confirmed',
  },
  health_insurance: {
    key: 'health_insurance',
    name: { vi: 'Bảo hiểm y tế', en: 'Health insurance' },
    description: {
      vi: 'Hộ có ít nhất một thành viên từ đủ 6 tuổi trở lên không có bảo hiểm y tế',
      en: 'At least one member aged 6 or over has no health insurance',
    },
    params: { minAge: 6 },
    status: 'confirmed',
  },
  adult_education: {
    key: 'adult_education',
    name: { vi: 'Trình độ giáo dục của người lớn', en: 'Adult education' },
    description: {
      vi: 'Hộ có ít nhất một người từ 16 đến 30 tuổi không tham gia các khóa đào tạo hoặc không có bằng cấp, chứng chỉ phù hợp với độ tuổi (từ 16 đến dưới 18 tuổi: tốt nghiệp trung học cơ sở; từ 18 đến 30 tuổi: tốt nghiệp trung học phổ thông hoặc có bằng, chứng chỉ nghề)',
      en: 'At least one person aged 16–30 is not in training and lacks the qualification expected for their age (16 to under 18: lower-secondary certificate; 18–30: upper-secondary or vocational qualification)',
    },
    params: {
      maxAge: 30,
      requirements: [
        { minAge: 16, level: 'lower_secondary' },
        { minAge: 18, level: 'upper_secondary' },
      ],
    },
    status: 'confirmed',
  },
  child_schooling: {
    key: 'child_schooling',
    name: { vi: 'Tình trạng đi học của trẻ em', en: "Children's schooling" },
    description: {
      vi: 'Hộ có ít nhất một trẻ em từ 3 tuổi đến dưới 16 tuổi không được đi học đúng bậc, cấp học phù hợp với độ tuổi',
      en: 'At least one child aged 3 to under 16 is not attending the school level right for their age',
    },
    // By the age reached in the calendar year the school year starts (age.ts, schoolAge).
    params: {
      minAge: 3,
      maxAge: 15,
      expectedLevels: [
        { minAge: 3, level: 'preschool' },
        { minAge: 6, level: 'primary' },
        { minAge: 11, level: 'lower_secondary' },
        { minAge: 15, level: 'upper_secondary' },
      ],
    },
    status: 'confirmed',
  },
  housing_quality: {
    key: 'housing_quality',
    name: { vi: 'Chất lượng nhà ở', en: 'Housing quality' },
    description: {
      vi: 'Hộ đang ở trong nhà không bền chắc (ít nhất 2 trong 3 kết cấu chính — tường, khung/cột, mái — làm bằng vật liệu không bền chắc)',
      en: 'The dwelling is non-durable (at least 2 of its 3 main parts — walls, frame/columns, roof — are of non-durable materials)',
    },
    params: { minNonDurableParts: 2 },
    status: 'confirmed',
  },
  housing_area: {
    key: 'housing_area',
    name: { vi: 'Diện tích nhà ở bình quân đầu người', en: 'Floor area per person' },
    description: {
      vi: 'Diện tích nhà ở bình quân đầu người của hộ dưới 8 m²',
      en: 'The floor area per person is under 8 m²',
    },
    params: { minAreaPerPerson: 8 },
    status: 'confirmed',
  },
  water_source: {
    key: 'water_source',
    name: { vi: 'Nguồn nước sinh hoạt', en: 'Water source' },
    description: {
      vi: 'Hộ không tiếp cận được nguồn nước sinh hoạt hợp vệ sinh',
      en: 'The household has no access to a clean (hygienic) water source',
    },
    status: 'confirmed',
  },
  sanitation: {
    key: 'sanitation',
    name: { vi: 'Nhà tiêu hợp vệ sinh', en: 'Hygienic latrine' },
    description: { vi: 'Hộ không sử dụng nhà tiêu hợp vệ sinh', en: 'The household has no hygienic latrine' },
    status: 'confirmed',
  },
  telecom: {
    key: 'telecom',
    name: { vi: 'Sử dụng dịch vụ viễn thông', en: 'Telecommunication services' },
    description: {
      vi: 'Hộ không có thành viên nào sử dụng thuê bao điện thoại hoặc internet',
      en: 'No member uses a phone or internet subscription',
    },
    status: 'confirmed',
  },
  information_access: {
    key: 'information_access',
    name: { vi: 'Phương tiện phục vụ tiếp cận thông tin', en: 'Means of access to information' },
    description: {
      vi: 'Hộ không có phương tiện nào trong số ti vi, radio, máy tính, điện thoại và không nghe được hệ thống loa truyền thanh xã/thôn',
      en: 'The household has none of TV, radio, computer, phone, and cannot hear the commune/village loudspeakers',
    },
    params: { devices: ['tv', 'radio', 'computer', 'phone'] },
    status: 'confirmed',
  },
} satisfies Record<string, IndicatorDefinition>;

type Key2022 = keyof typeof INDICATORS_2022;

export const of2022 = (...keys: Key2022[]): IndicatorDefinition[] => keys.map((key) => INDICATORS_2022[key]);

export const STANDARD_2022_2025: StandardDefinition = frozen({
  id: '2022-2025',
  version: 1,
  name: { vi: 'Chuẩn nghèo đa chiều giai đoạn 2022–2025', en: 'Multidimensional poverty standard 2022–2025' },
  legalBasis: [
    DECREE_07_2021,
    {
      ...DECREE_351_2025,
      note: {
        vi: 'Tiếp tục áp dụng chuẩn nghèo giai đoạn 2022–2025 đến hết ngày 31/12/2026',
        en: 'Keeps this standard in force until 31/12/2026',
      },
    },
  ],
  years: [2022, 2023, 2024, 2025, 2026],
  areas: AREA_NAMES,
  lines: [
    {
      id: 'poverty',
      name: { vi: 'chuẩn nghèo', en: 'poverty line' },
      rural: 1_500_000,
      urban: 2_000_000,
      status: 'confirmed',
    },
    {
      id: 'average',
      name: { vi: 'mức sống trung bình', en: 'average living standard line' },
      rural: 2_250_000,
      urban: 3_000_000,
      status: 'confirmed',
    },
  ],
  dimensions: dimensions(
    [
      ['employment', EMPLOYMENT, of2022('employment', 'dependents')],
      ['health', HEALTH, of2022('nutrition', 'health_insurance')],
      ['education', EDUCATION, of2022('adult_education', 'child_schooling')],
      ['housing', HOUSING, of2022('housing_quality', 'housing_area')],
      ['water_sanitation', WATER, of2022('water_source', 'sanitation')],
      ['information', INFORMATION, of2022('telecom', 'information_access')],
    ],
    'confirmed',
  ),
  rules: [
    { id: 'poor', category: 'poor', when: { incomeAtMost: 'poverty', deprivationsAtLeast: 3 }, status: 'confirmed' },
    {
      id: 'near_poor',
      category: 'near_poor',
      when: { incomeAtMost: 'poverty', deprivationsBelow: 3 },
      status: 'confirmed',
    },
    {
      id: 'average',
      category: 'average',
      when: { incomeAbove: 'poverty', incomeAtMost: 'average' },
      status: 'confirmed',
    },
    { id: 'not_poor', category: 'not_poor', when: { incomeAbove: 'average' }, status: 'confirmed' },
  ],
  scoreForm: { incomeScoreLine: { rural: 140, urban: 175 }, pointsPerDeprivation: 10, status: 'confirmed' },
});
