/**
 * The demo's household registry: about 6,000 synthetic households of Hà Tĩnh spread over its
 * communes and villages, with members, dwellings and the assessments of the 2022–2026 lists.
 * Pure and deterministic: the same communes and seed give the same registry, so the demo and its
 * tests agree. Nobody here is a real person; the names only follow real frequencies.
 */
import type { PolicyFlag } from '../../domain/registry/codes';
import type { Dwelling, MemberInput } from '../modules/households/schemas';
import { drawDwelling } from './conditions';
import { CitizenIds, drawPeople, REGISTRY_DATE, type Composition, type HouseholdPlace } from './people';
import { hash, Random } from './random';
import { simulateYears, type DemoAssessment } from './years';

export interface DemoVillage {
  id: string;
  name: string;
}
export interface DemoCommune {
  code: string;
  name: string;
  ward: boolean;
  villages: readonly DemoVillage[];
}

export interface DemoHousehold {
  communeCode: string;
  villageId: string;
  code: string;
  address: string;
  area: 'rural' | 'urban';
  ethnicMinority: boolean;
  phone: string | null;
  policyFlags: PolicyFlag[];
  dwelling: Dwelling;
  /** Head first. */
  members: MemberInput[];
  assessments: DemoAssessment[];
}

/** The demo accounts work in these two communes: enough households there to page and search. */
const HOUSEHOLDS_IN: Record<string, number> = { '18562': 420, '18673': 360, '18073': 180 };

/**
 * The mountain communes of the west (Hương Sơn, Vũ Quang, Hương Khê, upland Kỳ Anh), where the
 * province's poverty is concentrated.
 */
const MOUNTAIN = new Set([
  '18133', '18160', '18163', '18172', '18184', '18196', '18199', '18202', '18223', '18313', '18322',
  '18328', '18496', '18502', '18523', '18532', '18544', '18547', '18550', '18838', '18844',
]); // prettier-ignore

/**
 * Communes with an ethnic-minority village (its last village here): the Chứt of Hương Khê and
 * the Lào near the border in Hương Sơn. Loosely modelled; the villages are the demo's own.
 */
const MINORITY_VILLAGE: Record<string, string> = { '18544': 'Chứt', '18547': 'Chứt', '18196': 'Lào' };

export function generateRegistry(communes: readonly DemoCommune[], seed = 'chung-tay-demo'): DemoHousehold[] {
  const root = new Random(seed);
  const ids = new CitizenIds();
  const households: DemoHousehold[] = [];
  for (const commune of communes) {
    if (commune.villages.length === 0) continue;
    const random = root.fork(commune.code);
    const count = HOUSEHOLDS_IN[commune.code] ?? 55 + (hash(commune.code) % 41);
    const calendar = communeCalendar(commune.code);
    for (let n = 1; n <= count; n++) {
      // Villages differ in size: the first ones of a commune (the centre) are a little larger.
      const villageIndex = Math.min(
        commune.villages.length - 1,
        Math.floor(random.next() ** 1.25 * commune.villages.length),
      );
      const village = commune.villages[villageIndex]!;
      const minority = villageIndex === commune.villages.length - 1 ? MINORITY_VILLAGE[commune.code] : undefined;
      const place: HouseholdPlace = {
        area: commune.ward ? 'urban' : 'rural',
        ethnicity: minority ?? 'Kinh',
        minority: minority !== undefined,
      };
      const householdRandom = random.fork(n);
      households.push(
        household(householdRandom, ids, {
          commune,
          village,
          place,
          code: `${commune.code}-${String(n).padStart(4, '0')}`,
          mountain: MOUNTAIN.has(commune.code),
          calendar: (year) => ({
            ...calendar(year),
            surveyDate: surveyDate(year, hash(commune.code) % 30, villageIndex, householdRandom.fork(`survey${year}`)),
          }),
        }),
      );
    }
  }
  return households;
}

const HARDER_COMPOSITIONS: Partial<Record<Composition, number>> = {
  elderly_alone: 3,
  single_parent: 2.4,
  adult_alone: 2,
  elderly_couple: 1.5,
};

interface Where {
  commune: DemoCommune;
  village: DemoVillage;
  place: HouseholdPlace;
  code: string;
  mountain: boolean;
  calendar: (year: number) => { surveyDate: string; decisionNumber: string; decisionDate: string };
}

function household(random: Random, ids: CitizenIds, where: Where): DemoHousehold {
  const { commune, village, place } = where;
  const { composition, members: people } = drawPeople(random.fork('people'), place, ids);
  const dwelling = drawDwelling(random.fork('dwelling'), place, people.length);
  // Harder: the mountains, a minority village, old people alone, a single parent, someone disabled.
  const hardship =
    (where.mountain ? 1.9 : 1) *
    (place.minority ? 3.5 : 1) *
    (place.area === 'urban' ? 0.45 : 1) *
    (HARDER_COMPOSITIONS[composition] ?? 1) *
    (people.some((p) => p.disability) ? 1.8 : 1);
  const years = simulateYears({
    random: random.fork('years'),
    place,
    hardship,
    composition,
    people,
    dwelling,
    calendar: where.calendar,
    registryDate: REGISTRY_DATE,
  });
  const members = years.members;
  const head = people[0]!;
  const workingAge = members.filter((m) => m.work !== null && m.work !== 'not_working');
  const policyFlags: PolicyFlag[] = [];
  if (random.chance(0.04)) policyFlags.push('merit_family'); // many martyrs' families in Hà Tĩnh
  if (members.some((m) => m.monthlySocialAllowance)) policyFlags.push('social_allowance');
  if (workingAge.length === 0 && members.every((m) => !m.ableToWork || m.attending)) policyFlags.push('unable_to_work');
  if (head.sex === 'female') policyFlags.push('woman_headed');
  const address = place.area === 'urban'
    ? `Số ${random.int(1, 180)}, ${village.name}, phường ${commune.name}, tỉnh Hà Tĩnh`
    : `${village.name}, xã ${commune.name}, tỉnh Hà Tĩnh`; // prettier-ignore
  return {
    communeCode: commune.code,
    villageId: village.id,
    code: where.code,
    address,
    area: place.area,
    ethnicMinority: place.minority,
    phone: random.chance(0.88)
      ? `0${random.pick(['9', '8', '3'])}${String(random.int(0, 99_999_999)).padStart(8, '0')}`
      : null,
    policyFlags,
    dwelling: years.dwelling,
    members,
    assessments: years.assessments,
  };
}

/** A commune decides its lists in one decision at the end of December (e.g. "125/QĐ-UBND"). */
function communeCalendar(communeCode: string) {
  return (year: number) => {
    const h = hash(`${communeCode}:${year}`);
    return {
      decisionNumber: `${100 + (h % 400)}/QĐ-UBND`,
      decisionDate: `${year - 1}-12-${20 + (h % 11)}`,
    };
  };
}

/** The survey runs village by village through October and November of the year before. */
function surveyDate(year: number, communeStart: number, villageIndex: number, random: Random): string {
  const day = Math.min(60, communeStart + villageIndex * 3 + random.int(0, 6)); // days from 1 October
  const date = new Date(Date.UTC(year - 1, 9, 1 + day));
  return date.toISOString().slice(0, 10);
}
