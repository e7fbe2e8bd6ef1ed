/** Code lists of the household registry: API values, with Vietnamese and English labels. */
import type { Localized } from '../poverty';

export const SEXES = ['male', 'female'] as const;
export type SexCode = (typeof SEXES)[number];

/** Relation to the head of household (quan hệ với chủ hộ). */
export const RELATIONS = ['head', 'spouse', 'child', 'parent', 'grandchild', 'sibling', 'in_law', 'other'] as const;
export type Relation = (typeof RELATIONS)[number];
export const RELATION_LABELS: Record<Relation, Localized> = {
  head: { vi: 'Chủ hộ', en: 'Head' },
  spouse: { vi: 'Vợ/chồng', en: 'Spouse' },
  child: { vi: 'Con', en: 'Child' },
  parent: { vi: 'Bố/mẹ', en: 'Parent' },
  grandchild: { vi: 'Cháu', en: 'Grandchild' },
  sibling: { vi: 'Anh/chị/em', en: 'Sibling' },
  in_law: { vi: 'Con dâu/con rể', en: 'Child-in-law' },
  other: { vi: 'Khác', en: 'Other' },
};

/** Policy groups a household may belong to (đối tượng chính sách). */
export const POLICY_FLAGS = ['merit_family', 'social_allowance', 'unable_to_work', 'woman_headed'] as const;
export type PolicyFlag = (typeof POLICY_FLAGS)[number];
export const POLICY_FLAG_LABELS: Record<PolicyFlag, Localized> = {
  merit_family: { vi: 'Gia đình người có công', en: 'Family of a person with meritorious services' },
  social_allowance: { vi: 'Hưởng trợ cấp xã hội hằng tháng', en: 'Monthly social allowance' },
  unable_to_work: { vi: 'Không có khả năng lao động', en: 'No member able to work' },
  woman_headed: { vi: 'Phụ nữ làm chủ hộ', en: 'Woman-headed' },
};

export const AREA_LABELS: Record<'rural' | 'urban', Localized> = {
  rural: { vi: 'Nông thôn', en: 'Rural' },
  urban: { vi: 'Thành thị', en: 'Urban' },
};
