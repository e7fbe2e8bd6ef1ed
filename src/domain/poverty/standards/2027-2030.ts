/**
 * The 2027–2030 standard: Decree 351/2025/NĐ-CP of 30/12/2025. Lines and the poor/near-poor rule
 * are confirmed; the indicator set and the absence of an average band are reported only.
 */
import type { StandardDefinition } from '../types';
import {
  AREA_NAMES,
  DECREE_351_2025,
  EDUCATION,
  EMPLOYMENT,
  HEALTH,
  HOUSING,
  INFORMATION,
  dimensions,
  frozen,
} from './common';
import { INDICATORS_2022, of2022 } from './2022-2025';

export const STANDARD_2027_2030: StandardDefinition = frozen({
  id: '2027-2030',
  version: 1,
  name: { vi: 'Chuẩn nghèo đa chiều giai đoạn 2027–2030', en: 'Multidimensional poverty standard 2027–2030' },
  legalBasis: [DECREE_351_2025],
  years: [2027, 2028, 2029, 2030],
  areas: { ...AREA_NAMES, urban: { vi: 'đô thị', en: 'urban' } },
  lines: [
    {
      id: 'poverty',
      name: { vi: 'chuẩn nghèo', en: 'poverty line' },
      rural: 2_200_000,
      urban: 2_800_000,
      status: 'confirmed',
    },
  ],
  dimensions: dimensions(
    [
      [
        'employment',
        EMPLOYMENT,
        [
          INDICATORS_2022.employment,
          {
            ...INDICATORS_2022.dependents,
            description: {
              vi: 'Tỷ lệ người phụ thuộc (trẻ em dưới 16 tuổi; người cao tuổi hoặc người khuyết tật đang hưởng trợ cấp xã hội hằng tháng) trong tổng số nhân khẩu của hộ lớn hơn 50%',
              en: 'Dependents (children under 16; elderly or disabled people receiving a monthly social allowance) make up more than 50% of the household members',
            },
            params: { ...INDICATORS_2022.dependents.params, allowanceRequired: true },
          },
        ],
      ],
      ['health', HEALTH, of2022('nutrition', 'health_insurance')],
      ['education', EDUCATION, of2022('adult_education', 'child_schooling')],
      ['housing', HOUSING, of2022('housing_quality', 'housing_area')],
      [
        'water_sanitation',
        { vi: 'Nước sạch, vệ sinh và môi trường', en: 'Water, sanitation and environment' },
        [
          ...of2022('water_source', 'sanitation'),
          {
            key: 'waste',
            name: { vi: 'Thu gom, xử lý rác thải sinh hoạt', en: 'Household waste' },
            description: {
              vi: 'Rác thải sinh hoạt của hộ không được thu gom hoặc xử lý hợp vệ sinh',
              en: "The household's waste is neither collected nor disposed of hygienically",
            },
            status: 'provisional',
          },
        ],
      ],
      [
        'information',
        INFORMATION,
        [
          INDICATORS_2022.telecom,
          {
            key: 'digital_services',
            name: { vi: 'Sử dụng dịch vụ số', en: 'Use of digital services' },
            description: {
              vi: 'Hộ không có thành viên nào sử dụng internet hoặc dịch vụ số',
              en: 'No member uses the internet or digital services',
            },
            status: 'provisional',
          },
        ],
      ],
    ],
    // Reported, not read: the dimensions and indicators of 2027–2030.
    'provisional',
    'provisional',
  ),
  rules: [
    { id: 'poor', category: 'poor', when: { incomeAtMost: 'poverty', deprivationsAtLeast: 3 }, status: 'confirmed' },
    {
      id: 'near_poor',
      category: 'near_poor',
      when: { incomeAtMost: 'poverty', deprivationsBelow: 3 },
      status: 'confirmed',
    },
    // No average-living-standard band has been published for this period (reported).
    { id: 'not_poor', category: 'not_poor', when: { incomeAbove: 'poverty' }, status: 'provisional' },
  ],
});
