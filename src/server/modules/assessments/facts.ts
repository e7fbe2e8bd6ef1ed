/**
 * The registry's record of a household, as the poverty engine reads it at a survey date: the
 * members living in the household that day and the dwelling. A dwelling the law needs that was
 * never recorded is refused by name rather than guessed.
 */
import type { DwellingFacts, HouseholdFacts, MemberFacts } from '../../../domain/poverty';
import { AppError, errors } from '../../platform/errors';
import type { Dwelling, HouseholdView, MemberInput } from '../households/schemas';

type Member = Omit<HouseholdView['members'][number], 'duplicateOf'>;

/** What the poverty engine reads of a household: area, dwelling and members (a view, or a batch's record). */
export type HouseholdRecord = Pick<
  HouseholdView,
  'id' | 'provinceCode' | 'communeCode' | 'area' | 'archived' | 'dwelling'
> & {
  members: readonly Member[];
};

const REQUIRED_DWELLING = {
  walls: { vi: 'tường', en: 'walls' },
  frame: { vi: 'khung, cột', en: 'frame' },
  roof: { vi: 'mái', en: 'roof' },
  floorArea: { vi: 'diện tích ở', en: 'floor area' },
  cleanWater: { vi: 'nguồn nước', en: 'water source' },
  hygienicLatrine: { vi: 'nhà tiêu', en: 'latrine' },
  telecomSubscription: { vi: 'dịch vụ viễn thông', en: 'telecom subscription' },
  devices: { vi: 'phương tiện tiếp cận thông tin', en: 'information devices' },
  hearsLoudspeaker: { vi: 'loa truyền thanh', en: 'loudspeaker' },
} as const satisfies Partial<Record<keyof Dwelling, { vi: string; en: string }>>;

/** Living in the household on that day: born by then and not yet left. */
const presentOn = (date: string) => (m: Member) => m.dateOfBirth <= date && (!m.leftAt || m.leftAt > date);

export function memberFacts(m: Omit<MemberInput, 'disability'> & { disability: boolean | null }): MemberFacts {
  return {
    name: m.fullName,
    dateOfBirth: m.dateOfBirth,
    sex: m.sex,
    healthInsurance: m.healthInsurance,
    ...(m.attending && { attending: m.attending }),
    ...(m.education && { education: m.education }),
    ...(m.inTraining && { inTraining: true }),
    ...(m.work && { work: m.work }),
    ...(!m.ableToWork && { ableToWork: false }),
    ...(m.disability && { disability: true }),
    ...(m.monthlySocialAllowance && { monthlySocialAllowance: true }),
    ...((m.stunted !== null || m.underweight !== null) && {
      nutrition: { stunted: m.stunted === true, underweight: m.underweight === true },
    }),
  };
}

export function dwellingFacts(d: Dwelling): DwellingFacts {
  const missing = (Object.keys(REQUIRED_DWELLING) as (keyof typeof REQUIRED_DWELLING)[]).filter((k) => d[k] === null);
  if (missing.length > 0) {
    const vi = missing.map((k) => REQUIRED_DWELLING[k].vi).join(', ');
    const en = missing.map((k) => REQUIRED_DWELLING[k].en).join(', ');
    throw new AppError(
      422,
      'dwelling_incomplete',
      `Chưa ghi đủ thông tin nhà ở và điều kiện sống của hộ: ${vi}.`,
      `The household's dwelling is not fully recorded: ${en}.`,
      missing.map((k) => ({
        field: `dwelling.${k}`,
        message: `Chưa ghi ${REQUIRED_DWELLING[k].vi}.`,
        messageEn: `${REQUIRED_DWELLING[k].en} not recorded.`,
      })),
    );
  }
  return {
    walls: d.walls!,
    frame: d.frame!,
    roof: d.roof!,
    floorArea: d.floorArea!,
    cleanWater: d.cleanWater!,
    hygienicLatrine: d.hygienicLatrine!,
    telecomSubscription: d.telecomSubscription!,
    devices: d.devices!,
    hearsLoudspeaker: d.hearsLoudspeaker!,
    ...(d.internetUse !== null && { internetUse: d.internetUse }),
    ...(d.wasteHandledHygienically !== null && { wasteHandledHygienically: d.wasteHandledHygienically }),
  };
}

export function householdFactsAt(household: HouseholdRecord, surveyDate: string): HouseholdFacts {
  const members = household.members.filter(presentOn(surveyDate));
  if (members.length === 0) {
    throw errors.invalid(
      'surveyDate',
      'Vào ngày điều tra hộ không có nhân khẩu nào.',
      'The household had no members on the survey date.',
    );
  }
  return { members: members.map(memberFacts), dwelling: dwellingFacts(household.dwelling) };
}
