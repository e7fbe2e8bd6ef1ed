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

/** Causes of poverty recorded by the survey (nguyên nhân nghèo), as the reports count them. */
export const POVERTY_CAUSES = [
  'no_land',
  'no_capital',
  'no_labour',
  'no_tools',
  'no_production_knowledge',
  'no_skills',
  'illness_or_accident',
  'other',
] as const;
export type PovertyCause = (typeof POVERTY_CAUSES)[number];
export const POVERTY_CAUSE_LABELS: Record<PovertyCause, Localized> = {
  no_land: { vi: 'Thiếu đất sản xuất', en: 'Lack of land' },
  no_capital: { vi: 'Thiếu vốn sản xuất, kinh doanh', en: 'Lack of capital' },
  no_labour: { vi: 'Thiếu lao động', en: 'Lack of labour' },
  no_tools: { vi: 'Thiếu công cụ, phương tiện sản xuất', en: 'Lack of tools' },
  no_production_knowledge: { vi: 'Thiếu kiến thức sản xuất', en: 'Lack of production knowledge' },
  no_skills: { vi: 'Thiếu kỹ năng lao động, sản xuất', en: 'Lack of skills' },
  illness_or_accident: { vi: 'Ốm đau, bệnh nặng, tai nạn', en: 'Illness or accident' },
  other: { vi: 'Nguyên nhân khác', en: 'Other' },
};

/**
 * How a household's status changed from the year before (biến động): the rows of the official
 * movement reports. `baseline` is a first assessment in the commune's first assessed year, when
 * nothing is known about before.
 */
export const MOVEMENTS = [
  'remained_poor',
  'newly_poor',
  'fell_back_poor',
  'near_poor_to_poor',
  'escaped_to_near_poor',
  'escaped_above_near_poor',
  'remained_near_poor',
  'newly_near_poor',
  'fell_back_near_poor',
  'escaped_near_poor',
  'not_poor',
  'baseline',
] as const;
export type Movement = (typeof MOVEMENTS)[number];
export const MOVEMENT_LABELS: Record<Movement, Localized> = {
  remained_poor: { vi: 'Vẫn là hộ nghèo', en: 'Remained poor' },
  newly_poor: { vi: 'Hộ nghèo phát sinh', en: 'Newly poor' },
  fell_back_poor: { vi: 'Tái nghèo', en: 'Fell back into poverty' },
  near_poor_to_poor: { vi: 'Từ cận nghèo thành nghèo', en: 'Near-poor became poor' },
  escaped_to_near_poor: { vi: 'Thoát nghèo, thành cận nghèo', en: 'Escaped poverty to near-poor' },
  escaped_above_near_poor: { vi: 'Thoát nghèo, vượt cận nghèo', en: 'Escaped above near-poverty' },
  remained_near_poor: { vi: 'Vẫn là hộ cận nghèo', en: 'Remained near-poor' },
  newly_near_poor: { vi: 'Hộ cận nghèo phát sinh', en: 'Newly near-poor' },
  fell_back_near_poor: { vi: 'Tái cận nghèo', en: 'Fell back into near-poverty' },
  escaped_near_poor: { vi: 'Thoát cận nghèo', en: 'Escaped near-poverty' },
  not_poor: { vi: 'Không nghèo', en: 'Not poor' },
  baseline: { vi: 'Năm đầu theo dõi', en: 'First year recorded' },
};
