/**
 * Five years of one synthetic household (the lists of 2022–2026): a latent living standard that
 * moves from year to year, the hardships that come and go with it, and an assessment by the real
 * poverty engine whenever the commune would survey the household. The latent standard only
 * steers how the facts and the income are drawn; the category stored is always what classify()
 * answers on those facts.
 */
import {
  applyOverrides,
  classify,
  derive,
  deprivedIndicators,
  STANDARD_2022_2025,
  type AssessedIndicator,
  type Category,
  type HouseholdFacts,
  type IndicatorKey,
} from '../../domain/poverty';
import type { PovertyCause } from '../../domain/registry/codes';
import type { Dwelling, MemberInput } from '../modules/households/schemas';
import {
  DWELLING_HARDSHIPS,
  dwellingIn,
  eligibleMembers,
  factsFrom,
  HARDSHIP_WEIGHTS,
  HARDSHIPS,
  membersAt,
  type BaseDwelling,
  type Conditions,
  type Hardship,
} from './conditions';
import type { Composition, HouseholdPlace, Person } from './people';
import type { Random } from './random';

export const DEMO_YEARS = [2022, 2023, 2024, 2025, 2026] as const;
const STANDARD = STANDARD_2022_2025;

/** Poor-like (income at most the line, many deprivations), near-poor-like, average band, above. */
export type Latent = 'P' | 'N' | 'A' | 'R';

export interface DemoAssessment {
  year: number;
  standardId: string;
  standardVersion: number;
  source: 'survey';
  surveyDate: string;
  area: 'rural' | 'urban';
  incomePerCapitaMonthly: number;
  facts: HouseholdFacts;
  indicators: AssessedIndicator[];
  deprivations: IndicatorKey[];
  deprivationCount: number;
  category: Category;
  rule: string;
  causes: PovertyCause[];
  decisionNumber: string;
  decisionDate: string;
}

export interface HouseholdYears {
  assessments: DemoAssessment[];
  /** The registry as of today: the members and dwelling under the latest year's conditions. */
  members: MemberInput[];
  dwelling: Dwelling;
}

export interface HouseholdContext {
  random: Random;
  place: HouseholdPlace;
  /** How much harder life is here than for the average household (1 = average). */
  hardship: number;
  composition: Composition;
  people: Person[];
  dwelling: BaseDwelling;
  /** When the commune surveys and decides, per list year. */
  calendar: (year: number) => { surveyDate: string; decisionNumber: string; decisionDate: string };
  registryDate: string;
}

/**
 * 2022 (the review at the end of 2021): about 7% poor and 6% near-poor province-wide, several
 * times more in the mountain communes and minority villages, and among old people alone and
 * single parents. Each following year most poor households stay poor, some escape (often to
 * near-poor first), a few fall back, and a few households are newly poor after illness or a lost
 * job, so the rates fall slowly, about as the province reported.
 */
function firstLatent(random: Random, hardship: number): Latent {
  const poor = Math.min(0.55, 0.042 * hardship);
  const near = Math.min(0.25, 0.042 * hardship);
  const average = Math.min(0.3, 0.12 * Math.sqrt(hardship));
  return random.weighted([
    ['P', poor],
    ['N', near],
    ['A', average],
    ['R', Math.max(0, 1 - poor - near - average)],
  ]);
}

function nextLatent(random: Random, from: Latent, hardship: number): Latent {
  const sticky = Math.min(1.6, Math.sqrt(hardship)); // harder places keep their poor longer
  const rows: Record<Latent, [Latent, number][]> = {
    P: [
      ['P', 0.68 * sticky],
      ['N', 0.17],
      ['A', 0.14],
      ['R', 0.04],
    ],
    N: [
      ['P', 0.05 * sticky],
      ['N', 0.45 * sticky],
      ['A', 0.28],
      ['R', 0.12],
    ],
    A: [
      ['P', 0.008 * hardship],
      ['N', 0.035 * hardship],
      ['A', 0.55],
      ['R', 0.4],
    ],
    R: [
      ['P', 0.003 * hardship],
      ['N', 0.004 * hardship],
      ['A', 0.025],
      ['R', 0.97],
    ],
  };
  return random.weighted(rows[from]);
}

export function simulateYears(context: HouseholdContext): HouseholdYears {
  const { random, place, people } = context;
  const causes = drawCauses(random, context);
  const incomePosition = random.next();
  let conditions: Conditions = new Map();
  let latent: Latent | undefined;
  let lastCategory: Category | undefined;
  const assessments: DemoAssessment[] = [];
  for (const year of DEMO_YEARS) {
    const yearRandom = random.fork(year);
    latent = latent ? nextLatent(yearRandom, latent, context.hardship) : firstLatent(yearRandom, context.hardship);
    const { surveyDate, decisionNumber, decisionDate } = context.calendar(year);
    conditions = evolve(yearRandom, conditions, latent);
    settle(yearRandom, conditions, latent, people, context.dwelling, surveyDate);
    // Every household poor or near-poor, or so the year before, is surveyed; half of those just
    // above the line (the borderline ones the village proposes) and a few others.
    const surveyed =
      latent === 'P' ||
      latent === 'N' ||
      lastCategory === 'poor' ||
      lastCategory === 'near_poor' ||
      (latent === 'A' && yearRandom.chance(0.5)) ||
      yearRandom.chance(0.015);
    if (!surveyed) {
      lastCategory = undefined;
      continue;
    }
    const members = membersAt(people, conditions, surveyDate);
    const facts = factsFrom(members, dwellingIn(context.dwelling, conditions));
    const indicators = applyOverrides(derive(STANDARD, facts, surveyDate), []);
    const income = incomeOf(yearRandom, latent, place.area, incomePosition, year);
    const result = classify(STANDARD, {
      area: place.area,
      incomePerCapitaMonthly: income,
      deprivations: deprivedIndicators(indicators),
    });
    const poorOrNear = result.category === 'poor' || result.category === 'near_poor';
    assessments.push({
      year,
      standardId: STANDARD.id,
      standardVersion: STANDARD.version,
      source: 'survey',
      surveyDate,
      area: place.area,
      incomePerCapitaMonthly: income,
      facts,
      indicators,
      deprivations: [...result.deprivations],
      deprivationCount: result.deprivationCount,
      category: result.category,
      rule: result.rule,
      causes: poorOrNear ? causes : [],
      decisionNumber,
      decisionDate,
    });
    lastCategory = result.category;
  }
  return {
    assessments,
    members: membersAt(people, conditions, context.registryDate),
    dwelling: dwellingIn(context.dwelling, conditions),
  };
}

/** Hardships carry over: longer while the household stays poor; a house, once rebuilt, stays rebuilt. */
function evolve(random: Random, previous: Conditions, latent: Latent): Conditions {
  const next: Conditions = new Map();
  for (const [hardship, member] of previous) {
    const dwelling = DWELLING_HARDSHIPS.has(hardship);
    const keep = latent === 'P' ? 0.85 : latent === 'N' ? 0.7 : dwelling ? 0.5 : 0.3;
    if (random.chance(keep)) next.set(hardship, member);
  }
  return next;
}

const countDeprivations = (people: readonly Person[], base: BaseDwelling, conditions: Conditions, date: string) =>
  deprivedIndicators(
    derive(STANDARD, factsFrom(membersAt(people, conditions, date), dwellingIn(base, conditions)), date),
  ).length;

/**
 * Bring the hardships in line with the latent standard: a poor-like household has three to six
 * deprivations (more hardships until the engine counts them), a near-poor-like one at most two
 * (hardships lifted; what follows from who lives there — dependents, schooling — stays, and may
 * still make it poor). Others keep what they have.
 */
function settle(
  random: Random,
  conditions: Conditions,
  latent: Latent,
  people: readonly Person[],
  base: BaseDwelling,
  date: string,
) {
  if (latent === 'P') {
    const target = random.weighted([
      [3, 45],
      [4, 33],
      [5, 15],
      [6, 7],
    ] as const);
    for (let tries = 0; tries < 12 && countDeprivations(people, base, conditions, date) < target; tries++) {
      const options = HARDSHIPS.filter((h) => !conditions.has(h)).flatMap((h): [[Hardship, number], number][] => {
        if (DWELLING_HARDSHIPS.has(h)) return [[[h, -1], HARDSHIP_WEIGHTS[h]]];
        const eligible = eligibleMembers(people, h, date);
        return eligible.length > 0 ? [[[h, random.pick(eligible)], HARDSHIP_WEIGHTS[h]]] : [];
      });
      if (options.length === 0) break;
      const [hardship, member] = random.weighted(options);
      conditions.set(hardship, member);
    }
  } else if (latent === 'N') {
    const target = random.weighted([
      [0, 25],
      [1, 40],
      [2, 35],
    ] as const);
    while (conditions.size > 0 && countDeprivations(people, base, conditions, date) > target) {
      conditions.delete(random.pick([...conditions.keys()]));
    }
  }
}

/** Income per person per month in whole thousands of đồng, inside the band of the latent standard. */
function incomeOf(random: Random, latent: Latent, area: 'rural' | 'urban', position: number, year: number): number {
  const poverty = area === 'rural' ? 1_500_000 : 2_000_000;
  const average = area === 'rural' ? 2_250_000 : 3_000_000;
  const within = Math.min(0.999, Math.max(0, position + random.normal(0, 0.12)));
  const amount =
    latent === 'P'
      ? poverty * (0.5 + 0.5 * within)
      : latent === 'N'
        ? poverty * (0.7 + 0.3 * within)
        : latent === 'A'
          ? poverty + 1000 + (average - poverty - 1000) * within
          : average * (1.1 + 2.2 * within * within) * 1.06 ** (year - 2022);
  return Math.floor(amount / 1000) * 1000;
}

/**
 * Causes of poverty, drawn once per household as the reviews record them: lack of capital most
 * often, then skills and land; lack of labour where most members are dependents; illness where
 * someone is disabled.
 */
function drawCauses(random: Random, context: HouseholdContext): PovertyCause[] {
  const causes = new Set<PovertyCause>();
  const elderly = context.composition === 'elderly_alone' || context.composition === 'elderly_couple';
  if (elderly || context.composition === 'single_parent' || context.people.every((p) => !p.ableToWork)) {
    causes.add('no_labour');
  }
  if (context.people.some((p) => p.disability) || random.chance(0.12)) causes.add('illness_or_accident');
  const rural = context.place.area === 'rural';
  const count = random.weighted([
    [1, 50],
    [2, 40],
    [3, 10],
  ] as const);
  while (causes.size < count) {
    causes.add(
      random.weighted<PovertyCause>([
        ['no_capital', 36],
        ['no_skills', 18],
        ['no_land', rural ? 12 : 2],
        ['no_production_knowledge', rural ? 12 : 4],
        ['no_tools', rural ? 6 : 2],
        ['other', 5],
      ]),
    );
  }
  return [...causes];
}
