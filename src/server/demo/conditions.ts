/**
 * Living conditions of a synthetic household in one year: a dwelling drawn once, and the
 * hardships of that year (a member without health insurance, informal work, a child out of
 * school, a non-durable house…). Turned into registry rows (MemberInput, Dwelling) at a date and
 * from those into the facts the poverty engine reads, as a survey taken from the registry would.
 */
import type { HouseholdFacts, InformationDevice } from '../../domain/poverty';
import { retirementAgeInMonths } from '../../domain/poverty';
import type { Dwelling, MemberInput } from '../modules/households/schemas';
import { dwellingFacts, memberFacts } from '../modules/assessments/facts';
import { atDate, momentOf, type HouseholdPlace, type Person } from './people';
import type { Random } from './random';

/** A hardship of one year: member-level ones name the member they concern, dwelling ones do not. */
const MEMBER_HARDSHIPS = ['uninsured', 'informal_work', 'child_out_of_school', 'malnourished'] as const;
const DWELLING_LIST = [
  'non_durable',
  'small_area',
  'no_clean_water',
  'no_latrine',
  'no_telecom',
  'no_information',
] as const;
export const HARDSHIPS = [...MEMBER_HARDSHIPS, ...DWELLING_LIST] as const;
export type Hardship = (typeof HARDSHIPS)[number];
export const DWELLING_HARDSHIPS: ReadonlySet<Hardship> = new Set(DWELLING_LIST);

/**
 * How often each hardship comes with poverty, as weights: missing health insurance, unhygienic
 * latrines, non-durable houses and informal work are what the reviews most often record in the
 * north-central provinces; a household without any phone is rare by now.
 */
export const HARDSHIP_WEIGHTS: Record<Hardship, number> = {
  uninsured: 18,
  informal_work: 16,
  child_out_of_school: 3,
  malnourished: 6,
  non_durable: 22,
  small_area: 9,
  no_clean_water: 5,
  no_latrine: 18,
  no_telecom: 1,
  no_information: 0.5,
};

/** The hardships of a year: member-level ones keep the member's index, dwelling ones -1. */
export type Conditions = Map<Hardship, number>;

export interface BaseDwelling {
  floorArea: number;
  smallFloorArea: number;
  /** Which main parts are non-durable when the house is (two or all three). */
  nonDurableParts: readonly ('walls' | 'frame' | 'roof')[];
  cleanWater: boolean;
  hygienicLatrine: boolean;
  devices: InformationDevice[];
  hearsLoudspeaker: boolean;
  internetUse: boolean;
  wasteHandledHygienically: boolean;
}

/** A usual house of the place: durable, 12–30 m² a person, clean water, a latrine, a TV and phones. */
export function drawDwelling(random: Random, place: HouseholdPlace, people: number): BaseDwelling {
  const urban = place.area === 'urban';
  const floorArea = Math.round(Math.max(30, people * random.normal(urban ? 22 : 20, 5)));
  const devices: InformationDevice[] = ['phone'];
  if (random.chance(0.9)) devices.push('tv');
  if (random.chance(urban ? 0.55 : 0.3)) devices.push('computer');
  if (random.chance(0.08)) devices.push('radio');
  return {
    floorArea,
    smallFloorArea: Math.round(people * random.normal(6, 0.8) * 10) / 10,
    nonDurableParts: random.pick([
      ['walls', 'roof'],
      ['walls', 'frame'],
      ['frame', 'roof'],
      ['walls', 'frame', 'roof'],
    ] as const),
    cleanWater: random.chance(place.minority ? 0.85 : 0.98),
    hygienicLatrine: random.chance(place.minority ? 0.8 : 0.95),
    devices,
    hearsLoudspeaker: random.chance(0.85),
    internetUse: random.chance(urban ? 0.9 : 0.78),
    wasteHandledHygienically: random.chance(urban ? 0.97 : 0.82),
  };
}

/** Members living in the household at `date` (born by then), as registry rows shaped by the year's hardships. */
export function membersAt(people: readonly Person[], conditions: Conditions, date: string): MemberInput[] {
  const rows: MemberInput[] = [];
  people.forEach((person, index) => {
    if (person.dateOfBirth > date) return;
    const moment = momentOf(person.dateOfBirth, date);
    const doing = atDate(person, moment);
    const child = moment.age < 16;
    const is = (hardship: Hardship) => conditions.get(hardship) === index;
    const informal = is('informal_work') && doing.work !== null && doing.work !== 'not_working';
    rows.push({
      fullName: person.fullName,
      dateOfBirth: person.dateOfBirth,
      sex: person.sex,
      citizenId: person.citizenId,
      relation: person.relation,
      ethnicity: person.ethnicity,
      disability: person.disability,
      // Children under 6 are insured by the state; pupils through their school.
      healthInsurance: moment.age < 6 || (!is('uninsured') && (person.insured || doing.attending !== null)),
      attending: is('child_out_of_school') && moment.age >= 3 && child ? null : doing.attending,
      education: doing.education,
      inTraining: false,
      work: informal ? (index % 3 === 0 ? 'unemployed' : 'wage_without_contract') : doing.work,
      ableToWork: person.ableToWork,
      monthlySocialAllowance: person.monthlySocialAllowance,
      stunted: child && (person.measured || is('malnourished')) ? is('malnourished') && index % 2 === 0 : null,
      underweight: child && (person.measured || is('malnourished')) ? is('malnourished') && index % 2 === 1 : null,
    });
  });
  return rows;
}

/** Who a member-level hardship can concern at a date (an insured person of 6 or more, a worker, a child…). */
export function eligibleMembers(people: readonly Person[], hardship: Hardship, date: string): number[] {
  return people.flatMap((person, index) => {
    if (person.dateOfBirth > date) return [];
    const moment = momentOf(person.dateOfBirth, date);
    const doing = atDate(person, moment);
    const fits =
      hardship === 'uninsured'
        ? moment.age >= 6 && moment.age < 80 && doing.attending === null
        : hardship === 'informal_work'
          ? person.ableToWork &&
            moment.age >= 15 &&
            moment.months < retirementAgeInMonths(person.sex, moment.year) &&
            doing.work !== null &&
            doing.work !== 'not_working'
          : hardship === 'child_out_of_school'
            ? moment.age >= 11 && moment.age < 16 && doing.attending !== null
            : hardship === 'malnourished'
              ? moment.age < 10
              : false;
    return fits ? [index] : [];
  });
}

export function dwellingIn(base: BaseDwelling, conditions: Conditions): Dwelling {
  const has = (hardship: Hardship) => conditions.has(hardship);
  const nonDurable = (part: 'walls' | 'frame' | 'roof') =>
    has('non_durable') && base.nonDurableParts.includes(part) ? 'non_durable' : 'durable';
  const noPhone = has('no_telecom') || has('no_information');
  return {
    walls: nonDurable('walls'),
    frame: nonDurable('frame'),
    roof: nonDurable('roof'),
    floorArea: has('small_area') ? base.smallFloorArea : base.floorArea,
    cleanWater: base.cleanWater && !has('no_clean_water'),
    hygienicLatrine: base.hygienicLatrine && !has('no_latrine'),
    telecomSubscription: !noPhone,
    devices: has('no_information') ? [] : base.devices.filter((d) => !(noPhone && d === 'phone')),
    hearsLoudspeaker: base.hearsLoudspeaker && !has('no_information'),
    internetUse: base.internetUse && !noPhone,
    wasteHandledHygienically: base.wasteHandledHygienically,
  };
}

/**
 * The facts the derivation reads, from registry rows: what an assessment service reads from the
 * registry at the survey date. Every dwelling fact is recorded in the demo, so none is null.
 */
export function factsFrom(members: readonly MemberInput[], dwelling: Dwelling): HouseholdFacts {
  return { members: members.map(memberFacts), dwelling: dwellingFacts(dwelling) };
}
