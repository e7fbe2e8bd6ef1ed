/**
 * The household workbook's sheets and columns: one definition read by the template, the import
 * and the export, so an exported file re-imports cleanly. Coded columns show Vietnamese labels;
 * the import accepts a label or the code, whatever the case, accents or spacing.
 */
import {
  BUILTIN_STANDARDS,
  DURABILITIES,
  INDICATOR_KEYS,
  INFORMATION_DEVICES,
  SCHOOL_LEVELS,
  WORK_STATUSES,
  type Localized,
} from '../../../domain/poverty';
import {
  AREA_LABELS,
  POLICY_FLAG_LABELS,
  POLICY_FLAGS,
  POVERTY_CAUSE_LABELS,
  POVERTY_CAUSES,
  RELATION_LABELS,
  RELATIONS,
} from '../../../domain/registry/codes';
import {
  DURABILITY_LABELS,
  INFORMATION_DEVICE_LABELS,
  SCHOOL_LEVEL_LABELS,
  WORK_STATUS_LABELS,
} from '../../../domain/registry/survey-labels';
import { foldAccents } from '../../../domain/text';

/** A coded value list: the codes, their labels, and a lookup from a folded label or code. */
export interface CodeList {
  name: string;
  codes: readonly string[];
  label(code: string): string;
  find(text: string): string | undefined;
}

/** Folded for matching: no accents, lower case, single spaces, no trailing punctuation. */
export const foldLabel = (text: string) =>
  foldAccents(text)
    .replace(/[*:.]+$/u, '')
    .trim();

export function codeList(name: string, codes: readonly string[], labels: Record<string, Localized>): CodeList {
  const lookup = new Map<string, string>();
  for (const code of codes) {
    lookup.set(foldLabel(code), code);
    lookup.set(foldLabel(labels[code]!.vi), code);
    lookup.set(foldLabel(labels[code]!.en), code);
  }
  return {
    name,
    codes,
    label: (code) => labels[code]?.vi ?? code,
    find: remembered((text) => lookup.get(foldLabel(text))),
  };
}

/**
 * A lookup by cell text, remembered: a column of a large file repeats a handful of texts, and
 * folding each again was the import's largest cost after parsing. Bounded, so memory stays flat.
 */
export function remembered<T>(find: (text: string) => T): (text: string) => T {
  const seen = new Map<string, T>();
  return (text) => {
    if (seen.has(text)) return seen.get(text)!;
    const found = find(text);
    if (seen.size >= 10_000) seen.clear();
    seen.set(text, found);
    return found;
  };
}

const SEX_LABELS = { male: { vi: 'Nam', en: 'Male' }, female: { vi: 'Nữ', en: 'Female' } };
const BOOLEAN_LABELS = { true: { vi: 'Có', en: 'Yes' }, false: { vi: 'Không', en: 'No' } };
const indicatorNames = new Map<string, Localized>();
for (const standard of BUILTIN_STANDARDS)
  for (const dimension of standard.dimensions)
    for (const indicator of dimension.indicators)
      if (!indicatorNames.has(indicator.key)) indicatorNames.set(indicator.key, indicator.name);

export const LISTS = {
  sex: codeList('Giới tính', ['male', 'female'], SEX_LABELS),
  boolean: codeList('Có/Không', ['true', 'false'], BOOLEAN_LABELS),
  relation: codeList('Quan hệ với chủ hộ', RELATIONS, RELATION_LABELS),
  area: codeList('Khu vực', ['rural', 'urban'], AREA_LABELS),
  policyFlag: codeList('Đối tượng chính sách', POLICY_FLAGS, POLICY_FLAG_LABELS),
  durability: codeList('Mức độ bền chắc', DURABILITIES, DURABILITY_LABELS),
  device: codeList('Phương tiện thông tin', INFORMATION_DEVICES, INFORMATION_DEVICE_LABELS),
  schoolLevel: codeList('Cấp học', SCHOOL_LEVELS, SCHOOL_LEVEL_LABELS),
  work: codeList('Việc làm', WORK_STATUSES, WORK_STATUS_LABELS),
  cause: codeList('Nguyên nhân nghèo', POVERTY_CAUSES, POVERTY_CAUSE_LABELS),
  standard: codeList(
    'Chuẩn nghèo',
    BUILTIN_STANDARDS.map((s) => s.id),
    Object.fromEntries(BUILTIN_STANDARDS.map((s) => [s.id, { vi: s.id, en: s.id }])),
  ),
  indicator: codeList(
    'Chỉ tiêu',
    INDICATOR_KEYS.filter((k) => indicatorNames.has(k)),
    Object.fromEntries(indicatorNames),
  ),
} satisfies Record<string, CodeList>;

export type CellKind =
  'text' | 'citizenId' | 'date' | 'integer' | 'decimal' | 'boolean' | { code: CodeList } | { codes: CodeList };

export interface Column {
  key: string;
  header: string;
  kind: CellKind;
  required?: boolean;
  /** What to write, shown on the instruction sheet. */
  help: string;
  width?: number;
}

export interface SheetLayout {
  name: string;
  /** What the sheet holds, for the instruction sheet. */
  help: string;
  columns: Column[];
}

const yesNo = (key: string, header: string, help: string): Column => ({ key, header, kind: 'boolean', help });

export const HOUSEHOLD_SHEET: SheetLayout = {
  name: 'Hộ',
  help: 'Mỗi dòng một hộ gia đình. Nhập lại tệp đã có thì hộ cùng mã trong xã được cập nhật, không tạo trùng.',
  columns: [
    { key: 'communeCode', header: 'Mã xã', kind: 'text', required: true, help: 'Mã xã/phường 5 chữ số' },
    {
      key: 'code',
      header: 'Mã hộ',
      kind: 'text',
      required: true,
      help: 'Duy nhất trong xã; 1–30 ký tự: chữ, số, dấu chấm, gạch ngang',
    },
    {
      key: 'village',
      header: 'Thôn/tổ dân phố',
      kind: 'text',
      required: true,
      help: 'Tên thôn, tổ dân phố đã khai báo trong xã',
      width: 22,
    },
    { key: 'address', header: 'Địa chỉ', kind: 'text', required: true, help: 'Địa chỉ nơi ở', width: 30 },
    { key: 'area', header: 'Khu vực', kind: { code: LISTS.area }, required: true, help: 'Nông thôn hoặc Thành thị' },
    yesNo('ethnicMinority', 'Hộ dân tộc thiểu số', 'Có/Không (bỏ trống: Không)'),
    { key: 'phone', header: 'Điện thoại', kind: 'text', help: 'Số điện thoại (không bắt buộc)' },
    {
      key: 'policyFlags',
      header: 'Đối tượng chính sách',
      kind: { codes: LISTS.policyFlag },
      help: 'Một hoặc nhiều, cách nhau bằng dấu chấm phẩy (;)',
      width: 30,
    },
    { key: 'walls', header: 'Tường nhà', kind: { code: LISTS.durability }, help: 'Bền chắc/Không bền chắc' },
    { key: 'frame', header: 'Khung nhà', kind: { code: LISTS.durability }, help: 'Bền chắc/Không bền chắc' },
    { key: 'roof', header: 'Mái nhà', kind: { code: LISTS.durability }, help: 'Bền chắc/Không bền chắc' },
    { key: 'floorArea', header: 'Diện tích nhà ở (m²)', kind: 'decimal', help: 'Số, 0–10.000, một chữ số thập phân' },
    yesNo('cleanWater', 'Nước sinh hoạt hợp vệ sinh', 'Có/Không; bỏ trống: chưa ghi nhận'),
    yesNo('hygienicLatrine', 'Nhà tiêu hợp vệ sinh', 'Có/Không; bỏ trống: chưa ghi nhận'),
    yesNo('telecomSubscription', 'Thuê bao viễn thông', 'Có/Không; bỏ trống: chưa ghi nhận'),
    {
      key: 'devices',
      header: 'Phương tiện tiếp cận thông tin',
      kind: { codes: LISTS.device },
      help: 'Ti vi; Radio; Máy tính; Điện thoại — cách nhau bằng dấu chấm phẩy',
      width: 26,
    },
    yesNo('hearsLoudspeaker', 'Nghe được loa truyền thanh', 'Có/Không; bỏ trống: chưa ghi nhận'),
    yesNo('internetUse', 'Sử dụng Internet', 'Có/Không; bỏ trống: chưa ghi nhận'),
    yesNo('wasteHandledHygienically', 'Xử lý rác hợp vệ sinh', 'Có/Không; bỏ trống: chưa ghi nhận'),
  ],
};

export const MEMBER_SHEET: SheetLayout = {
  name: 'Nhân khẩu',
  help:
    'Mỗi dòng một nhân khẩu, ghi mã hộ đã có ở sheet "Hộ". Mỗi hộ đúng một chủ hộ. Nhập lại thì nhân khẩu ' +
    'được nhận ra theo số định danh, nếu không có thì theo họ tên và ngày sinh.',
  columns: [
    { key: 'householdCode', header: 'Mã hộ', kind: 'text', required: true, help: 'Mã hộ ở sheet "Hộ"' },
    { key: 'fullName', header: 'Họ và tên', kind: 'text', required: true, help: 'Họ và tên đầy đủ', width: 24 },
    {
      key: 'dateOfBirth',
      header: 'Ngày sinh',
      kind: 'date',
      required: true,
      help: 'dd/mm/yyyy (hoặc ô ngày của Excel); không sau hôm nay',
    },
    { key: 'sex', header: 'Giới tính', kind: { code: LISTS.sex }, required: true, help: 'Nam/Nữ' },
    {
      key: 'citizenId',
      header: 'Số định danh cá nhân',
      kind: 'citizenId',
      help: '12 chữ số, khớp năm sinh và giới tính; không trùng trong tệp',
      width: 18,
    },
    {
      key: 'relation',
      header: 'Quan hệ với chủ hộ',
      kind: { code: LISTS.relation },
      required: true,
      help: 'Chủ hộ, Vợ/chồng, Con, …',
    },
    { key: 'ethnicity', header: 'Dân tộc', kind: 'text', help: 'Bỏ trống: Kinh' },
    yesNo('disability', 'Khuyết tật', 'Có/Không (bỏ trống: Không)'),
    yesNo('healthInsurance', 'Có thẻ BHYT', 'Có/Không (bỏ trống: Không)'),
    {
      key: 'attending',
      header: 'Đang đi học cấp',
      kind: { code: LISTS.schoolLevel },
      help: 'Cấp học đang theo học; bỏ trống nếu không đi học',
    },
    {
      key: 'education',
      header: 'Bằng cấp cao nhất',
      kind: { code: LISTS.schoolLevel },
      help: 'Cấp học cao nhất đã hoàn thành',
    },
    yesNo('inTraining', 'Đang học nghề', 'Có/Không (bỏ trống: Không)'),
    { key: 'work', header: 'Việc làm', kind: { code: LISTS.work }, help: 'Tình trạng việc làm', width: 26 },
    yesNo('ableToWork', 'Có khả năng lao động', 'Có/Không (bỏ trống: Có)'),
    yesNo('monthlySocialAllowance', 'Hưởng trợ cấp xã hội hằng tháng', 'Có/Không (bỏ trống: Không)'),
    yesNo('stunted', 'Trẻ thấp còi', 'Trẻ dưới 16 tuổi: Có/Không; bỏ trống: chưa ghi nhận'),
    yesNo('underweight', 'Trẻ nhẹ cân', 'Trẻ dưới 16 tuổi: Có/Không; bỏ trống: chưa ghi nhận'),
  ],
};

export const ASSESSMENT_SHEET: SheetLayout = {
  name: 'Đánh giá',
  help:
    'Kết quả rà soát theo năm (không bắt buộc). Mỗi dòng một hộ một năm; muốn điều chỉnh thêm chỉ tiêu thì ' +
    'thêm dòng cùng mã hộ và năm, chỉ ghi ba cột điều chỉnh.',
  columns: [
    { key: 'householdCode', header: 'Mã hộ', kind: 'text', required: true, help: 'Mã hộ ở sheet "Hộ"' },
    { key: 'year', header: 'Năm', kind: 'integer', required: true, help: 'Năm của danh sách (2016–2100)' },
    { key: 'standardId', header: 'Chuẩn nghèo', kind: { code: LISTS.standard }, help: 'Mã chuẩn nghèo áp dụng' },
    { key: 'surveyDate', header: 'Ngày khảo sát', kind: 'date', help: 'dd/mm/yyyy; không sau hôm nay' },
    {
      key: 'incomePerCapitaMonthly',
      header: 'Thu nhập bình quân (đồng/người/tháng)',
      kind: 'integer',
      help: 'Số nguyên không âm, ví dụ 1.500.000',
      width: 22,
    },
    { key: 'incomeScore', header: 'Điểm B1', kind: 'integer', help: 'Điểm thu nhập (không bắt buộc)' },
    {
      key: 'overrideIndicator',
      header: 'Chỉ tiêu điều chỉnh',
      kind: { code: LISTS.indicator },
      help: 'Chỉ tiêu mà kết quả khảo sát khác với suy ra từ dữ liệu',
      width: 24,
    },
    yesNo('overrideDeprived', 'Thiếu hụt (điều chỉnh)', 'Có/Không, bắt buộc khi có chỉ tiêu điều chỉnh'),
    { key: 'overrideReason', header: 'Lý do điều chỉnh', kind: 'text', help: 'Bắt buộc khi có chỉ tiêu điều chỉnh' },
    {
      key: 'causes',
      header: 'Nguyên nhân nghèo',
      kind: { codes: LISTS.cause },
      help: 'Một hoặc nhiều, cách nhau bằng dấu chấm phẩy (;)',
      width: 30,
    },
  ],
};

export const DATA_SHEETS = [HOUSEHOLD_SHEET, MEMBER_SHEET, ASSESSMENT_SHEET] as const;
export const INSTRUCTION_SHEET = 'Hướng dẫn';
export const LISTS_SHEET = 'Danh mục';
export const PROBLEMS_SHEET = 'Lỗi';
