/**
 * The people of a synthetic household: who lives together (the composition), their names, dates
 * of birth, citizen IDs, schooling goals and usual work. These traits do not change from year to
 * year; what a person is doing at a given date (school level, work) follows from them and their
 * age there (atDate), so the 2022 survey and today's registry agree about the same person.
 */
import { retirementAgeInMonths, type SchoolLevel, type WorkStatus } from '../../domain/poverty';
import type { Relation, SexCode } from '../../domain/registry/codes';
import { familyName, personalName } from './names';
import type { Random } from './random';

/** The registry is as of this date; ages of the compositions below are taken here. */
export const REGISTRY_DATE = '2026-11-01';
const REGISTRY_YEAR = 2026;

export type Composition =
  | 'couple_children'
  | 'three_generations'
  | 'grandparents_grandchildren'
  | 'elderly_couple'
  | 'elderly_alone'
  | 'single_parent'
  | 'young_couple'
  | 'adult_alone';

/**
 * Shares loosely after the 2019 census: nuclear families dominate, about one household in five
 * has three generations, and older people living alone or as a couple are common in the
 * north-central provinces, whose young adults work away in the cities.
 */
const COMPOSITIONS: readonly (readonly [Composition, number])[] = [
  ['couple_children', 40],
  ['three_generations', 18],
  ['grandparents_grandchildren', 7],
  ['elderly_couple', 11],
  ['elderly_alone', 7],
  ['single_parent', 7],
  ['young_couple', 6],
  ['adult_alone', 4],
];

/** The work a person usually does while of working age and out of school. */
type Occupation = Exclude<WorkStatus, 'not_working'> | 'homemaker';

export interface Person {
  fullName: string;
  sex: SexCode;
  dateOfBirth: string;
  relation: Relation;
  ethnicity: string;
  citizenId: string | null;
  disability: boolean;
  ableToWork: boolean;
  /** Social pension from 80 (Decree 20/2021) or a disability allowance. */
  monthlySocialAllowance: boolean;
  /** The last level this person completes; school stops there. */
  schoolingGoal: SchoolLevel | null;
  occupation: Occupation;
  /** Usually insured (children under 6, pupils, pensioners from 80 and the poor always are, see atDate). */
  insured: boolean;
  /** A child's growth is measured at the health station (stunted/underweight recorded). */
  measured: boolean;
}

export interface HouseholdPlace {
  area: 'rural' | 'urban';
  ethnicity: string; // Kinh, or the minority of the village
  minority: boolean;
}

/** Everything drawn for one household's people: the composition and its members, head first. */
export interface People {
  composition: Composition;
  members: Person[];
}

interface Draft {
  sex: SexCode;
  birthYear: number;
  relation: Relation;
  family: string;
}

export function drawPeople(random: Random, place: HouseholdPlace, ids: CitizenIds): People {
  const composition = random.weighted(COMPOSITIONS);
  const drafts = compose(random, composition, place);
  const members = drafts.map((draft) => person(random, draft, place, ids));
  return { composition, members };
}

/** Family members by composition: ages as of the registry year, children after their parents. */
function compose(random: Random, composition: Composition, place: HouseholdPlace): Draft[] {
  const family = () => familyName(random, place.minority);
  const draft = (sex: SexCode, birthYear: number, relation: Relation, name = family()): Draft => ({
    sex,
    birthYear,
    relation,
    family: name,
  });
  const age = (min: number, max: number) => REGISTRY_YEAR - random.int(min, max);
  const couple = (headMin: number, headMax: number, womanHeaded = random.chance(0.12)): Draft[] => {
    const husband = age(headMin, headMax);
    const wife = Math.min(REGISTRY_YEAR - 18, husband + random.int(-2, 7));
    const husbandDraft = draft('male', husband, 'head');
    const wifeDraft = draft('female', wife, 'spouse');
    return womanHeaded
      ? [
          { ...wifeDraft, relation: 'head' },
          { ...husbandDraft, relation: 'spouse' },
        ]
      : [husbandDraft, wifeDraft];
  };
  // Children of a mother born in `motherYear`, spaced at least a year apart, none born after the registry date.
  const children = (motherYear: number, father: string, count: number, relation: Relation = 'child'): Draft[] => {
    const drafts: Draft[] = [];
    let year = motherYear + random.int(20, 27);
    for (let i = 0; i < count && year <= REGISTRY_YEAR; i++) {
      drafts.push(draft(random.chance(0.52) ? 'male' : 'female', year, relation, father));
      year += random.int(2, 5);
    }
    return drafts;
  };
  const childCount = () =>
    random.weighted([
      [1, 25],
      [2, 50],
      [3, 20],
      [4, 5],
    ] as const);
  const fatherOf = (parents: Draft[]) => parents.find((p) => p.sex === 'male')!.family;
  const motherOf = (parents: Draft[]) => parents.find((p) => p.sex === 'female')!.birthYear;

  switch (composition) {
    case 'couple_children': {
      const parents = couple(26, 58);
      return [...parents, ...children(motherOf(parents), fatherOf(parents), childCount())];
    }
    case 'three_generations': {
      const parents = couple(28, 50);
      const head = parents.find((p) => p.relation === 'head')!;
      // The head's own parents: the father carries the head's family name.
      const oldFather = draft('male', head.birthYear - random.int(22, 32), 'parent', head.family);
      const oldMother = draft('female', oldFather.birthYear + random.int(0, 5), 'parent');
      const elders = random.chance(0.45) ? [oldFather, oldMother] : [random.chance(0.7) ? oldMother : oldFather];
      return [...parents, ...children(motherOf(parents), fatherOf(parents), childCount()), ...elders];
    }
    case 'grandparents_grandchildren': {
      // An older couple, a married son with his wife, and their children.
      const elders = couple(52, 70, false);
      const son = draft('male', motherOf(elders) + random.int(20, 28), 'child', fatherOf(elders));
      const daughterInLaw = draft('female', son.birthYear + random.int(0, 4), 'in_law');
      return [
        ...elders,
        son,
        daughterInLaw,
        ...children(daughterInLaw.birthYear, son.family, random.int(1, 3), 'grandchild'),
      ];
    }
    case 'elderly_couple':
      return couple(62, 86, false);
    case 'elderly_alone': {
      const sex: SexCode = random.chance(0.72) ? 'female' : 'male';
      return [draft(sex, age(66, 94), 'head')];
    }
    case 'single_parent': {
      // Mostly mothers: widowed, divorced or never married; the children carry their father's name.
      const sex: SexCode = random.chance(0.85) ? 'female' : 'male';
      const parent = draft(sex, age(24, 52), 'head');
      const father = sex === 'male' ? parent.family : family();
      const motherYear = sex === 'female' ? parent.birthYear : parent.birthYear + random.int(0, 5);
      return [
        parent,
        ...children(
          motherYear,
          father,
          random.weighted([
            [1, 45],
            [2, 40],
            [3, 15],
          ] as const),
        ),
      ];
    }
    case 'young_couple': {
      const parents = couple(21, 30, false);
      // Some have a baby born since the last review.
      const baby = draft(
        random.chance(0.52) ? 'male' : 'female',
        REGISTRY_YEAR - random.int(0, 1),
        'child',
        fatherOf(parents),
      );
      return random.chance(0.4) ? [...parents, baby] : parents;
    }
    case 'adult_alone':
      return [draft(random.chance(0.55) ? 'male' : 'female', age(30, 64), 'head')];
  }
}

function person(random: Random, draft: Draft, place: HouseholdPlace, ids: CitizenIds): Person {
  const { sex, birthYear, relation } = draft;
  const dateOfBirth = birthDate(random, birthYear);
  const age = REGISTRY_YEAR - birthYear;
  const disability = random.chance(age >= 70 ? 0.1 : age >= 16 ? 0.03 : 0.01);
  const ableToWork = !(disability && random.chance(0.6)) && age < 80;
  const monthlySocialAllowance = age >= 80 || (disability && random.chance(0.5));
  const fullName = `${draft.family} ${personalName(random, sex, birthYear)}`;
  // Citizen IDs are issued from 14; since 2021 many children get one at birth registration.
  const hasId = age >= 14 ? random.chance(0.93) : random.chance(0.55);
  return {
    fullName,
    sex,
    dateOfBirth,
    relation,
    ethnicity: place.ethnicity,
    citizenId: hasId ? ids.next(random, dateOfBirth, sex, place) : null,
    disability,
    ableToWork,
    monthlySocialAllowance,
    schoolingGoal: schoolingGoal(random, birthYear, place),
    occupation: occupation(random, place),
    insured: age < 6 || age >= 80 || random.chance(0.94),
    measured: random.chance(0.75),
  };
}

function birthDate(random: Random, year: number): string {
  const month = random.int(1, 12);
  // Born before the registry date: this year's babies before November.
  const last = year === REGISTRY_YEAR ? Math.min(month, 10) : month;
  return `${year}-${String(last).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`;
}

/** The last level completed, by birth cohort: older generations left school earlier. */
function schoolingGoal(random: Random, birthYear: number, place: HouseholdPlace): SchoolLevel | null {
  const penalty = place.minority ? 2 : 1;
  if (birthYear < 1960)
    return random.weighted([
      [null, 5 * penalty],
      ['primary', 40],
      ['lower_secondary', 38],
      ['upper_secondary', 14],
      ['vocational', 3],
    ] as const);
  if (birthYear < 1980)
    return random.weighted([
      ['primary', 6 * penalty],
      ['lower_secondary', 38],
      ['upper_secondary', 38],
      ['vocational', 11],
      ['higher', 7],
    ] as const);
  return random.weighted([
    ['primary', 1 * penalty],
    ['lower_secondary', 14 * penalty],
    ['upper_secondary', 42],
    ['vocational', 18],
    ['higher', 25],
  ] as const);
}

function occupation(random: Random, place: HouseholdPlace): Occupation {
  return place.area === 'rural'
    ? random.weighted([
        ['own_account', 56],
        ['wage_with_contract', 22],
        ['wage_without_contract', 12],
        ['homemaker', 6],
        ['unemployed', 4],
      ] as const)
    : random.weighted([
        ['own_account', 36],
        ['wage_with_contract', 44],
        ['wage_without_contract', 11],
        ['homemaker', 5],
        ['unemployed', 4],
      ] as const);
}

/** The age at which each level is completed (school age, by the calendar year the school year began). */
const COMPLETED_AT: readonly [SchoolLevel, number][] = [
  ['primary', 11],
  ['lower_secondary', 15],
  ['upper_secondary', 18],
  ['vocational', 20],
  ['higher', 22],
];
const RANK: Record<SchoolLevel, number> = {
  preschool: 0,
  primary: 1,
  lower_secondary: 2,
  upper_secondary: 3,
  vocational: 4,
  higher: 5,
};

export interface Moment {
  /** Completed years and the age reached in the calendar year the school year began. */
  age: number;
  schoolAge: number;
  months: number;
  year: number;
}

export function momentOf(dateOfBirth: string, at: string): Moment {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [ay, am, ad] = at.split('-').map(Number) as [number, number, number];
  const months = (ay - by) * 12 + (am - bm) - (ad < bd ? 1 : 0);
  return { months, age: Math.floor(months / 12), schoolAge: (am >= 9 ? ay : ay - 1) - by, year: ay };
}

/** What a person is doing at a date: the school level attended, the level completed and the work. */
export function atDate(person: Person, moment: Moment) {
  const goal = person.schoolingGoal;
  const completed = [...COMPLETED_AT]
    .reverse()
    .find(([level, at]) => moment.schoolAge >= at && goal !== null && RANK[level] <= RANK[goal])?.[0];
  const attending = attendingAt(goal, completed, moment.schoolAge);
  const retired = moment.months >= retirementAgeInMonths(person.sex, moment.year);
  let work: WorkStatus | null = null;
  if (moment.age >= 15 && !attending) {
    if (!person.ableToWork) work = 'not_working';
    else if (retired) work = moment.age < 75 && person.occupation === 'own_account' ? 'own_account' : 'not_working';
    else work = person.occupation === 'homemaker' ? 'not_working' : person.occupation;
  }
  return { attending, education: completed ?? null, work };
}

function attendingAt(
  goal: SchoolLevel | null,
  completed: SchoolLevel | undefined,
  schoolAge: number,
): SchoolLevel | null {
  if (goal === null || schoolAge < 3) return null;
  if (completed && RANK[completed] >= RANK[goal]) return null;
  if (schoolAge < 6) return 'preschool';
  if (schoolAge < 11) return 'primary';
  if (schoolAge < 15) return 'lower_secondary';
  if (schoolAge < 18) return goal === 'vocational' && schoolAge >= 16 ? 'vocational' : 'upper_secondary';
  if (schoolAge < 22) return goal === 'higher' ? 'higher' : goal === 'vocational' ? 'vocational' : null;
  return null;
}

/**
 * Citizen IDs that pass checkCitizenId: the province of birth (most people here were born in
 * Hà Tĩnh, 042; some in Nghệ An, Quảng Bình or Hà Nội), the sex-and-century digit, the last two
 * digits of the birth year and six random digits, never the same twice.
 */
export class CitizenIds {
  private readonly used = new Set<string>();

  next(random: Random, dateOfBirth: string, sex: SexCode, place: HouseholdPlace): string {
    const year = Number(dateOfBirth.slice(0, 4));
    const province = random.weighted([
      ['042', place.minority ? 97 : 88],
      ['040', 6],
      ['044', 3],
      ['001', 3],
    ] as const);
    const centuryDigit = 2 * Math.floor((year - 1900) / 100) + (sex === 'male' ? 0 : 1);
    const prefix = `${province}${centuryDigit}${String(year % 100).padStart(2, '0')}`;
    for (;;) {
      const id = `${prefix}${String(random.int(0, 999_999)).padStart(6, '0')}`;
      if (!this.used.has(id)) {
        this.used.add(id);
        return id;
      }
    }
  }
}
