/**
 * One derivation per indicator: from the surveyed household and the standard's parameters for
 * that indicator to deprived or not, with reasons that name the member and the fact
 * ("Nguyễn Văn B, 7 tuổi, không có BHYT"). Reasons say why a household is deprived; a household
 * that is not has none. A missing fact the law needs is never guessed: the indicator is left not
 * deprived and marked so that the surveyor decides (applyOverrides).
 */
import { retirementAgeInMonths } from './age';
import type { DwellingFacts, Person, SurveyedHousehold } from './facts';
import { formatNumber } from './format';
import type { IndicatorKey, IndicatorParamsByKey, InformationDevice, Localized, SchoolLevel } from './types';

/**
 * Why an indicator came out as it did. A reason resting on a member's health record (nutrition,
 * disability, untreated illness) carries `masked`: what is said instead to someone who may not
 * see health data — that the record counts, without the member or the diagnosis.
 */
export interface Reason extends Localized {
  masked?: Localized;
}

export interface Derivation {
  deprived: boolean;
  reasons: Reason[];
  /** A fact was not recorded: the surveyor must decide. */
  missingData?: true;
}

type Deriver<K extends IndicatorKey> = (household: SurveyedHousehold, params: IndicatorParamsByKey[K]) => Derivation;

const LEVELS: Record<SchoolLevel, Localized & { rank: number }> = {
  preschool: { vi: 'mầm non', en: 'preschool', rank: 0 },
  primary: { vi: 'tiểu học', en: 'primary school', rank: 1 },
  lower_secondary: { vi: 'trung học cơ sở', en: 'lower secondary school', rank: 2 },
  upper_secondary: { vi: 'trung học phổ thông', en: 'upper secondary school', rank: 3 },
  // A vocational qualification counts as the upper-secondary one for adult education.
  vocational: { vi: 'giáo dục nghề nghiệp', en: 'vocational training', rank: 3 },
  higher: { vi: 'cao đẳng, đại học', en: 'college or university', rank: 4 },
};
const rank = (level: SchoolLevel | undefined) => (level ? LEVELS[level].rank : -1);

const DEVICES: Record<InformationDevice, Localized> = {
  tv: { vi: 'ti vi', en: 'TV' },
  radio: { vi: 'radio', en: 'radio' },
  computer: { vi: 'máy tính', en: 'computer' },
  phone: { vi: 'điện thoại', en: 'phone' },
};

const PARTS = {
  walls: { vi: 'tường', en: 'walls' },
  frame: { vi: 'khung, cột', en: 'frame' },
  roof: { vi: 'mái', en: 'roof' },
} satisfies Partial<Record<keyof DwellingFacts, Localized>>;

/** "Nguyễn Văn B, 7 tuổi, không có BHYT"; babies by months ("5 tháng tuổi"). */
function about(person: Person, { masked, ...fact }: Reason): Reason {
  const { name } = person.facts;
  const said =
    person.age >= 1
      ? { vi: `${name}, ${person.age} tuổi, ${fact.vi}`, en: `${name}, aged ${person.age}, ${fact.en}` }
      : {
          vi: `${name}, ${person.months} tháng tuổi, ${fact.vi}`,
          en: `${name}, aged ${person.months} months, ${fact.en}`,
        };
  return masked ? { ...said, masked } : said;
}

/** What a reason from a health record says to someone who may not see health data. */
const ON_HEALTH_RECORD = {
  nutrition: {
    vi: 'Có thành viên thiếu dinh dưỡng theo hồ sơ y tế',
    en: 'A member is undernourished according to the health records',
  },
  disability: {
    vi: 'Có thành viên được tính là người phụ thuộc theo hồ sơ y tế',
    en: 'A member counts as a dependent according to the health records',
  },
  illness: {
    vi: 'Có thành viên ốm đau không đi khám chữa bệnh theo hồ sơ y tế',
    en: 'A member went without treatment according to the health records',
  },
} satisfies Record<string, Localized>;

/**
 * A derivation as told to someone who may not see health data: the verdict stays (it is the
 * survey's result, voted on at the village meeting and posted), each reason from a health record
 * becomes its `masked` wording — no member named, no diagnosis — said once however many members
 * it concerns. Other reasons (ages, schooling, the dwelling) are the surveyor's own to check.
 */
export function withoutHealthDetail(derivation: Derivation): Derivation {
  const said = new Map<string, Reason>();
  for (const reason of derivation.reasons) {
    const { masked, ...plain } = reason;
    const shown = masked ?? plain;
    said.set(shown.vi, shown);
  }
  return { ...derivation, reasons: [...said.values()] };
}

/** Deprived when some member has the fact `test` finds. */
function anyMember(household: SurveyedHousehold, test: (person: Person) => Reason | undefined): Derivation {
  const reasons = household.people.flatMap((person) => {
    const fact = test(person);
    return fact ? [about(person, fact)] : [];
  });
  return { deprived: reasons.length > 0, reasons };
}

/** A household-level fact. */
function flag(deprived: boolean, reason: Localized): Derivation {
  return { deprived, reasons: deprived ? [reason] : [] };
}

function notRecorded(topic: Localized): Derivation {
  return {
    deprived: false,
    missingData: true,
    reasons: [
      {
        vi: `Chưa có thông tin về ${topic.vi}: điều tra viên cần xác định`,
        en: `No information on ${topic.en}: the surveyor must decide`,
      },
    ],
  };
}

const lastStep = <T extends { minAge: number }>(steps: T[], age: number) => steps.filter((s) => s.minAge <= age).at(-1);

const employment: Deriver<'employment'> = (household, { minAge }) =>
  anyMember(household, (person) => {
    const { work, ableToWork, sex } = person.facts;
    const workingAge = person.age >= minAge && person.months < retirementAgeInMonths(sex, household.surveyDate.year);
    if (!workingAge || ableToWork === false) return undefined;
    if (work === 'unemployed') return { vi: 'thất nghiệp', en: 'is unemployed' };
    if (work === 'wage_without_contract')
      return { vi: 'làm công ăn lương không có hợp đồng lao động', en: 'works for wages without a labour contract' };
    return undefined;
  });

const dependents: Deriver<'dependents'> = (household, { childMaxAge, elderlyMinAge, allowanceRequired, maxShare }) => {
  const why = (person: Person): Reason | undefined => {
    const { disability, ableToWork, monthlySocialAllowance } = person.facts;
    const supported = !allowanceRequired || monthlySocialAllowance === true;
    const allowance = allowanceRequired
      ? { vi: ' hưởng trợ cấp xã hội hằng tháng', en: ' receiving a monthly social allowance' }
      : { vi: '', en: '' };
    if (person.age <= childMaxAge)
      return { vi: `trẻ em dưới ${childMaxAge + 1} tuổi`, en: `a child under ${childMaxAge + 1}` };
    if (person.age >= elderlyMinAge && supported)
      return { vi: `người cao tuổi${allowance.vi}`, en: `an older person${allowance.en}` };
    if (disability && supported)
      return {
        vi: `người khuyết tật${allowance.vi}`,
        en: `a person with a disability${allowance.en}`,
        masked: ON_HEALTH_RECORD.disability,
      };
    if (!allowanceRequired && ableToWork === false) return { vi: 'không có khả năng lao động', en: 'unable to work' };
    return undefined;
  };
  const listed = anyMember(household, why);
  const total = household.people.length;
  const count = listed.reasons.length;
  if (count <= maxShare * total) return { deprived: false, reasons: [] };
  const share = (language: 'vi' | 'en') =>
    `${formatNumber((100 * count) / total, language, 1)}% > ${formatNumber(100 * maxShare, language, 1)}%`;
  const summary = {
    vi: `${count}/${total} thành viên là người phụ thuộc (${share('vi')})`,
    en: `${count} of ${total} members are dependents (${share('en')})`,
  };
  return { deprived: true, reasons: [summary, ...listed.reasons] };
};

const nutrition: Deriver<'nutrition'> = (household, { maxAge }) =>
  anyMember(household, (person) => {
    const record = person.facts.nutrition;
    if (person.age > maxAge || !record || (!record.stunted && !record.underweight)) return undefined;
    const kinds = [
      record.stunted && { vi: 'thấp còi', en: 'stunted' },
      record.underweight && { vi: 'nhẹ cân', en: 'underweight' },
    ].filter((kind) => kind !== false);
    return {
      vi: `suy dinh dưỡng thể ${kinds.map((k) => k.vi).join(' và ')}`,
      en: `is ${kinds.map((k) => k.en).join(' and ')}`,
      masked: ON_HEALTH_RECORD.nutrition,
    };
  });

const healthInsurance: Deriver<'health_insurance'> = (household, { minAge }) =>
  anyMember(household, (person) =>
    person.age >= minAge && !person.facts.healthInsurance
      ? { vi: 'không có BHYT', en: 'has no health insurance' }
      : undefined,
  );

const healthCareAccess: Deriver<'health_care_access'> = (household) =>
  anyMember(household, (person) =>
    person.facts.illUntreated
      ? {
          vi: 'ốm đau nhưng không đi khám chữa bệnh',
          en: 'was ill but did not seek treatment',
          masked: ON_HEALTH_RECORD.illness,
        }
      : undefined,
  );

const adultEducation: Deriver<'adult_education'> = (household, { maxAge, requirements }) =>
  anyMember(household, (person) => {
    const required = lastStep(requirements, person.age);
    const { attending, inTraining, education } = person.facts;
    if (!required || person.age > maxAge || attending || inTraining || rank(education) >= rank(required.level))
      return undefined;
    const qualification =
      required.level === 'upper_secondary'
        ? { vi: 'trung học phổ thông hoặc bằng, chứng chỉ nghề', en: 'upper-secondary or vocational qualification' }
        : { vi: LEVELS[required.level].vi, en: `${LEVELS[required.level].en} qualification` };
    return {
      vi: `không đi học, không tham gia đào tạo và chưa có bằng ${qualification.vi}`,
      en: `is not in education or training and has no ${qualification.en}`,
    };
  });

const childSchooling: Deriver<'child_schooling'> = (household, { minAge, maxAge, expectedLevels }) =>
  anyMember(household, (person) => {
    if (person.age < minAge || person.age > maxAge) return undefined;
    const { attending } = person.facts;
    if (!attending) return { vi: 'không đi học', en: 'is not in school' };
    const expected = lastStep(expectedLevels, person.schoolAge)?.level;
    if (!expected || rank(attending) >= rank(expected)) return undefined;
    return {
      vi: `đang học ${LEVELS[attending].vi}, chưa đúng cấp học theo độ tuổi (${LEVELS[expected].vi})`,
      en: `attends ${LEVELS[attending].en}, below the level for their age (${LEVELS[expected].en})`,
    };
  });

const housingQuality: Deriver<'housing_quality'> = ({ dwelling }, { minNonDurableParts }) => {
  const parts = (Object.keys(PARTS) as (keyof typeof PARTS)[]).filter((part) => dwelling[part] === 'non_durable');
  const names = (language: 'vi' | 'en') => parts.map((part) => PARTS[part][language]).join(', ');
  return flag(parts.length >= minNonDurableParts, {
    vi: `Nhà không bền chắc: ${names('vi')} làm bằng vật liệu không bền chắc`,
    en: `Non-durable dwelling: ${names('en')} of non-durable materials`,
  });
};

const housingArea: Deriver<'housing_area'> = ({ dwelling, people }, { minAreaPerPerson }) => {
  const perPerson = dwelling.floorArea / people.length;
  const n = (value: number, language: 'vi' | 'en') => formatNumber(value, language, 2);
  return flag(perPerson < minAreaPerPerson, {
    vi: `Nhà ${n(dwelling.floorArea, 'vi')} m² cho ${people.length} người: ${n(perPerson, 'vi')} m²/người, dưới ${n(minAreaPerPerson, 'vi')} m²`,
    en: `${n(dwelling.floorArea, 'en')} m² for ${people.length} people: ${n(perPerson, 'en')} m² per person, under ${n(minAreaPerPerson, 'en')} m²`,
  });
};

const informationAccess: Deriver<'information_access'> = ({ dwelling }, { devices }) => {
  const reached = dwelling.hearsLoudspeaker || devices.some((device) => dwelling.devices.includes(device));
  const names = (language: 'vi' | 'en') => devices.map((device) => DEVICES[device][language]).join(', ');
  return flag(!reached, {
    vi: `Không có ${names('vi')} và không nghe được loa truyền thanh xã/thôn`,
    en: `No ${names('en')}, and the commune/village loudspeakers cannot be heard`,
  });
};

export const DERIVERS: { [K in IndicatorKey]: Deriver<K> } = {
  employment,
  dependents,
  nutrition,
  health_insurance: healthInsurance,
  health_care_access: healthCareAccess,
  adult_education: adultEducation,
  child_schooling: childSchooling,
  housing_quality: housingQuality,
  housing_area: housingArea,
  water_source: ({ dwelling }) =>
    flag(!dwelling.cleanWater, {
      vi: 'Không tiếp cận được nguồn nước sinh hoạt hợp vệ sinh',
      en: 'No access to a clean water source',
    }),
  sanitation: ({ dwelling }) =>
    flag(!dwelling.hygienicLatrine, { vi: 'Không có nhà tiêu hợp vệ sinh', en: 'No hygienic latrine' }),
  waste: ({ dwelling }) =>
    dwelling.wasteHandledHygienically === undefined
      ? notRecorded({ vi: 'xử lý rác thải', en: 'waste handling' })
      : flag(!dwelling.wasteHandledHygienically, {
          vi: 'Rác thải sinh hoạt không được thu gom, xử lý hợp vệ sinh',
          en: 'Household waste is neither collected nor disposed of hygienically',
        }),
  telecom: ({ dwelling }) =>
    flag(!dwelling.telecomSubscription, {
      vi: 'Không thành viên nào sử dụng thuê bao điện thoại hoặc internet',
      en: 'No member uses a phone or internet subscription',
    }),
  information_access: informationAccess,
  digital_services: ({ dwelling }) =>
    dwelling.internetUse === undefined
      ? notRecorded({ vi: 'sử dụng dịch vụ số', en: 'use of digital services' })
      : flag(!dwelling.internetUse, {
          vi: 'Không thành viên nào sử dụng internet hoặc dịch vụ số',
          en: 'No member uses the internet or digital services',
        }),
};
