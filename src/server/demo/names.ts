/**
 * Vietnamese names for the synthetic registry. A name is family + middle + given name; children
 * take their father's family name, so a household reads like a real family.
 */
import type { SexCode } from '../../domain/registry/codes';
import type { Random } from './random';

/**
 * Family names by share of the population, as commonly reported (Nguyễn about 38%, Trần 11%,
 * Lê 9.5%…). In the north-central provinces Hoàng and Võ are far commoner than their southern
 * forms Huỳnh and Vũ, so the shared shares lean that way. The weights are percentages; the
 * rest (about 11%) is spread over the less frequent names.
 */
export const FAMILY_NAMES: readonly (readonly [string, number])[] = [
  ['Nguyễn', 38],
  ['Trần', 11],
  ['Lê', 9.5],
  ['Phạm', 7],
  ['Hoàng', 4.5],
  ['Huỳnh', 0.5],
  ['Phan', 4.5],
  ['Võ', 3],
  ['Vũ', 0.9],
  ['Đặng', 2.1],
  ['Bùi', 2],
  ['Đỗ', 1.4],
  ['Hồ', 1.3],
  ['Ngô', 1.3],
  ['Dương', 1],
  ['Lý', 0.5],
  ['Đinh', 1.5],
  ['Đào', 1],
  ['Đoàn', 1],
  ['Trương', 1],
  ['Thái', 0.8],
  ['Lương', 0.8],
  ['Mai', 0.7],
  ['Cao', 0.7],
  ['Hà', 0.6],
  ['Lưu', 0.5],
  ['Chu', 0.5],
  ['Tạ', 0.5],
  ['Kiều', 0.4],
  ['Từ', 0.4],
  ['Nghiêm', 0.3],
  ['Tôn', 0.3],
];

/**
 * Middle names: "Văn" and "Thị" dominate the generations born before about 1980; younger people
 * more often carry a chosen middle name (Minh, Ngọc, Gia…).
 */
const MIDDLE = {
  male: {
    older: [
      ['Văn', 70],
      ['Đức', 8],
      ['Hữu', 7],
      ['Đình', 5],
      ['Xuân', 4],
      ['Công', 3],
      ['Quang', 3],
    ],
    younger: [
      ['Văn', 25],
      ['Đức', 12],
      ['Minh', 14],
      ['Hữu', 7],
      ['Quang', 8],
      ['Anh', 6],
      ['Gia', 6],
      ['Thanh', 5],
      ['Tiến', 4],
      ['Bảo', 5],
      ['Trọng', 4],
      ['Xuân', 4],
    ],
  },
  female: {
    older: [
      ['Thị', 85],
      ['Ngọc', 4],
      ['Thu', 4],
      ['Thanh', 4],
      ['Hồng', 3],
    ],
    younger: [
      ['Thị', 35],
      ['Ngọc', 12],
      ['Thu', 8],
      ['Thanh', 7],
      ['Phương', 6],
      ['Khánh', 6],
      ['Bảo', 6],
      ['Thùy', 6],
      ['Minh', 6],
      ['Hồng', 4],
      ['Mai', 4],
    ],
  },
} satisfies Record<SexCode, Record<'older' | 'younger', [string, number][]>>;

// Given names, one word each, space-separated to keep the lists readable.
const GIVEN: Record<SexCode, readonly string[]> = {
  male: [
    'Anh Bình Cường Dũng Duy Đạt Đức Hải Hậu Hiếu Hòa Hoàng Hùng Hưng Huy Khánh Khoa Kiên Lâm Lộc Lợi Long',
    'Mạnh Minh Nam Nghĩa Phong Phúc Quang Quân Sơn Tài Tâm Thắng Thành Thịnh Tiến Toàn Trung Tú Tuấn Tùng',
    'Việt Vinh Bảo Đông Hiển Lực Thái Chiến',
  ]
    .join(' ')
    .split(' '),
  female: [
    'An Anh Chi Dung Giang Hà Hạnh Hằng Hiền Hoa Hoài Hồng Huyền Hương Lan Liên Linh Loan Lý Mai My Nga',
    'Ngân Ngọc Nhàn Nhung Oanh Phương Quỳnh Sen Tâm Thảo Thơm Thu Thủy Trang Tuyết Vân Yến Xuân Hòa Lài',
    'Thúy Hậu',
  ]
    .join(' ')
    .split(' '),
};

/** Family names met among the ethnic-minority villages of the demo (Chứt, Lào): a narrower set. */
const MINORITY_FAMILY_NAMES: readonly (readonly [string, number])[] = [
  ['Hồ', 30],
  ['Đinh', 20],
  ['Cao', 15],
  ['Lê', 15],
  ['Nguyễn', 10],
  ['Lò', 10],
];

export function familyName(random: Random, minority = false): string {
  return random.weighted(minority ? MINORITY_FAMILY_NAMES : FAMILY_NAMES);
}

/** A middle and given name for someone of that sex born in that year. */
export function personalName(random: Random, sex: SexCode, birthYear: number): string {
  const middle = random.weighted(MIDDLE[sex][birthYear < 1980 ? 'older' : 'younger']);
  let given = random.pick(GIVEN[sex]);
  if (given === middle) given = random.pick(GIVEN[sex]);
  return `${middle} ${given}`;
}
