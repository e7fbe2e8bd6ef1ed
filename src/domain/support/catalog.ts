/**
 * What a household can receive (loại hỗ trợ) and where it comes from (nguồn hỗ trợ), as data:
 * API codes with Vietnamese and English labels. Sources are a list a province extends; these are
 * the ones the programme names (domain note: programme-and-fund.md).
 */
import type { Localized } from '../poverty';

export const SUPPORT_KINDS = [
  'house_build',
  'house_repair',
  'production',
  'vocational_training',
  'job_placement',
  'scholarship',
  'health_insurance',
  'medical',
  'tet_gift',
  'relief',
  'policy_loan',
  'other',
] as const;
export type SupportKind = (typeof SUPPORT_KINDS)[number];

export const SUPPORT_KIND_LABELS: Record<SupportKind, Localized> = {
  house_build: { vi: 'Xây mới nhà ở', en: 'House built' },
  house_repair: { vi: 'Sửa chữa nhà ở', en: 'House repaired' },
  production: { vi: 'Hỗ trợ sản xuất, con giống, cây giống', en: 'Production inputs or livestock' },
  vocational_training: { vi: 'Đào tạo nghề', en: 'Vocational training' },
  job_placement: { vi: 'Giới thiệu việc làm', en: 'Job placement' },
  scholarship: { vi: 'Học bổng, hỗ trợ học tập', en: 'Scholarship or schooling' },
  health_insurance: { vi: 'Thẻ bảo hiểm y tế', en: 'Health insurance card' },
  medical: { vi: 'Hỗ trợ khám chữa bệnh', en: 'Medical support' },
  tet_gift: { vi: 'Quà Tết', en: 'Tết gift' },
  relief: { vi: 'Cứu trợ đột xuất', en: 'Emergency relief' },
  policy_loan: { vi: 'Vay vốn chính sách', en: 'Policy loan' },
  other: { vi: 'Hỗ trợ khác', en: 'Other support' },
};

/** A kind given to one member rather than to the household as a whole. */
export const PER_MEMBER_KINDS: ReadonlySet<SupportKind> = new Set([
  'vocational_training',
  'job_placement',
  'scholarship',
  'health_insurance',
  'medical',
]);

export const SOURCE_GROUPS = [
  'fund_for_the_poor',
  'ntp_2021_2025',
  'ntp_2026_2035',
  'local_budget',
  'business',
  'social_policy_bank',
  'other',
] as const;
export type SourceGroup = (typeof SOURCE_GROUPS)[number];

export interface SupportSource {
  code: string;
  group: SourceGroup;
  name: Localized;
}

/** The sources every province starts with; projects of the 2021–2025 programme by number. */
export const BUILT_IN_SOURCES: readonly SupportSource[] = [
  { code: 'fund', group: 'fund_for_the_poor', name: { vi: 'Quỹ "Vì người nghèo"', en: 'Fund for the Poor' } },
  ...(
    [
      ['1', 'Hỗ trợ đầu tư phát triển hạ tầng kinh tế - xã hội các huyện nghèo', 'Infrastructure in poor districts'],
      ['2', 'Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo', 'Diversified livelihoods and models'],
      ['3', 'Hỗ trợ phát triển sản xuất, cải thiện dinh dưỡng', 'Production support and nutrition'],
      ['4', 'Phát triển giáo dục nghề nghiệp, việc làm bền vững', 'Vocational training and sustainable jobs'],
      ['5', 'Hỗ trợ nhà ở cho hộ nghèo, hộ cận nghèo', 'Housing support for poor and near-poor households'],
      ['6', 'Truyền thông và giảm nghèo về thông tin', 'Communication and information poverty'],
      ['7', 'Nâng cao năng lực và giám sát, đánh giá', 'Capacity building, monitoring and evaluation'],
    ] as const
  ).map(([n, vi, en]): SupportSource => ({
    code: `ntp2021_project_${n}`,
    group: 'ntp_2021_2025',
    name: { vi: `CTMTQG giảm nghèo bền vững 2021–2025, Dự án ${n}: ${vi}`, en: `NTP 2021–2025, project ${n}: ${en}` },
  })),
  {
    code: 'ntp2026',
    group: 'ntp_2026_2035',
    name: { vi: 'CTMTQG giai đoạn 2026–2035 (Nghị quyết 257/2025/QH15)', en: 'National target programme 2026–2035' },
  },
  {
    code: 'temporary_houses',
    group: 'ntp_2021_2025',
    name: {
      vi: 'Phong trào xóa nhà tạm, nhà dột nát 2024–2025',
      en: 'Campaign to remove temporary and dilapidated houses 2024–2025',
    },
  },
  { code: 'local_budget', group: 'local_budget', name: { vi: 'Ngân sách địa phương', en: 'Local budget' } },
  { code: 'business', group: 'business', name: { vi: 'Doanh nghiệp, nhà tài trợ', en: 'Businesses and sponsors' } },
  {
    code: 'vbsp',
    group: 'social_policy_bank',
    name: { vi: 'Ngân hàng Chính sách xã hội', en: 'Bank for Social Policies' },
  },
  { code: 'other', group: 'other', name: { vi: 'Nguồn khác', en: 'Other source' } },
];
