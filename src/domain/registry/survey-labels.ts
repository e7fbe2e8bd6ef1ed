/**
 * Vietnamese and English labels of the survey's code lists (work, dwelling durability, school
 * levels, information devices), for forms, spreadsheets and reports.
 */
import type { Durability, InformationDevice, Localized, SchoolLevel, WorkStatus } from '../poverty';

export const WORK_STATUS_LABELS: Record<WorkStatus, Localized> = {
  wage_with_contract: { vi: 'Làm công ăn lương có hợp đồng lao động', en: 'Wage work with a labour contract' },
  wage_without_contract: {
    vi: 'Làm công ăn lương không có hợp đồng lao động',
    en: 'Wage work without a labour contract',
  },
  own_account: { vi: 'Tự làm (nông nghiệp, kinh doanh…)', en: 'Own-account work' },
  unemployed: { vi: 'Thất nghiệp', en: 'Unemployed' },
  not_working: { vi: 'Không làm việc', en: 'Not working' },
};

export const DURABILITY_LABELS: Record<Durability, Localized> = {
  durable: { vi: 'Bền chắc', en: 'Durable' },
  non_durable: { vi: 'Không bền chắc', en: 'Not durable' },
};

export const SCHOOL_LEVEL_LABELS: Record<SchoolLevel, Localized> = {
  preschool: { vi: 'Mầm non', en: 'Preschool' },
  primary: { vi: 'Tiểu học', en: 'Primary' },
  lower_secondary: { vi: 'Trung học cơ sở', en: 'Lower secondary' },
  upper_secondary: { vi: 'Trung học phổ thông', en: 'Upper secondary' },
  vocational: { vi: 'Giáo dục nghề nghiệp', en: 'Vocational' },
  higher: { vi: 'Cao đẳng, đại học trở lên', en: 'Higher education' },
};

export const INFORMATION_DEVICE_LABELS: Record<InformationDevice, Localized> = {
  tv: { vi: 'Ti vi', en: 'Television' },
  radio: { vi: 'Radio', en: 'Radio' },
  computer: { vi: 'Máy tính', en: 'Computer' },
  phone: { vi: 'Điện thoại', en: 'Telephone' },
};
