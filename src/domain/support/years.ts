/**
 * A household's support over the years, beside its status (the household page's year-by-year
 * table): for each year, the category of that year's list and what the household received that
 * year — supports by source (a Fund-paid one is a support like any other, counted once), how many
 * came in a distribution, policy loans taken and still owed, the houses in progress or handed over
 * with the stage reached by the year's end, the models joined — with totals per year and per source.
 */
import type { Category } from '../poverty';
import type { SupportKind } from './catalog';
import { HOUSE_STAGES, stageOf, type HouseDates, type HouseStage } from './houses';

export interface ReceivedSupport {
  kind: SupportKind;
  sourceCode: string;
  value: number;
  date: string;
  /** Handed out in a distribution (a list of households at once). */
  distributed: boolean;
  loanOutstanding: number | null;
}

export interface SupportedHouse {
  id: string;
  kind: 'build' | 'repair';
  decisionNumber: string;
  dates: HouseDates;
  totalCost: number;
}

export interface JoinedModel {
  id: string;
  name: string;
  joinedOn: string;
}

export interface SourceTotal {
  sourceCode: string;
  supports: number;
  value: number;
}

export interface SupportYear {
  year: number;
  /** The category of the year's list (its assessment), null when the household was not assessed. */
  category: Category | null;
  supports: number;
  value: number;
  bySource: SourceTotal[];
  kinds: SupportKind[];
  distributed: number;
  /** Policy loans taken in the year: the amount and what is still owed (as last recorded). */
  loans: { borrowed: number; outstanding: number } | null;
  houses: { id: string; kind: 'build' | 'repair'; decisionNumber: string; stage: HouseStage; totalCost: number }[];
  models: JoinedModel[];
}

export interface SupportYears {
  years: SupportYear[];
  bySource: SourceTotal[];
  supports: number;
  value: number;
  loanOutstanding: number;
}

const yearOf = (date: string) => Number(date.slice(0, 4));

/** Sum supports by source, largest value first (ties by code, so the order is stable). */
function totalsBySource(supports: readonly ReceivedSupport[]): SourceTotal[] {
  const totals = new Map<string, SourceTotal>();
  for (const s of supports) {
    const t = totals.get(s.sourceCode) ?? { sourceCode: s.sourceCode, supports: 0, value: 0 };
    t.supports++;
    t.value += s.value;
    totals.set(s.sourceCode, t);
  }
  return [...totals.values()].sort((a, b) => b.value - a.value || a.sourceCode.localeCompare(b.sourceCode));
}

/** The stage a house had reached by the end of `year`. */
function stageAtEndOf(dates: HouseDates, year: number): HouseStage {
  const end = `${year}-12-31`;
  const reached = Object.fromEntries(HOUSE_STAGES.flatMap((s) => (dates[s] && dates[s] <= end ? [[s, dates[s]]] : [])));
  return stageOf({ ...reached, approved: dates.approved } as HouseDates);
}

/**
 * The household's years, oldest first: every year it was assessed, received something, had a
 * house in progress (from approval to hand-over, or to `thisYear` while unfinished) or joined a model.
 */
export function supportByYear(
  input: {
    statuses: readonly { year: number; category: Category }[];
    supports: readonly ReceivedSupport[];
    houses: readonly SupportedHouse[];
    models: readonly JoinedModel[];
  },
  thisYear: number,
): SupportYears {
  const houseYears = (h: SupportedHouse) => {
    const from = yearOf(h.dates.approved);
    const to = h.dates.handed_over ? yearOf(h.dates.handed_over) : Math.max(thisYear, from);
    return Array.from({ length: to - from + 1 }, (_, i) => from + i);
  };
  const years = new Set<number>([
    ...input.statuses.map((s) => s.year),
    ...input.supports.map((s) => yearOf(s.date)),
    ...input.houses.flatMap(houseYears),
    ...input.models.map((m) => yearOf(m.joinedOn)),
  ]);
  const loans = input.supports.filter((s) => s.kind === 'policy_loan');
  return {
    years: [...years]
      .sort((a, b) => a - b)
      .map((year): SupportYear => {
        const given = input.supports.filter((s) => yearOf(s.date) === year);
        const borrowed = given.filter((s) => s.kind === 'policy_loan');
        return {
          year,
          category: input.statuses.find((s) => s.year === year)?.category ?? null,
          supports: given.length,
          value: given.reduce((sum, s) => sum + s.value, 0),
          bySource: totalsBySource(given),
          kinds: [...new Set(given.map((s) => s.kind))],
          distributed: given.filter((s) => s.distributed).length,
          loans: borrowed.length
            ? {
                borrowed: borrowed.reduce((sum, s) => sum + s.value, 0),
                outstanding: borrowed.reduce((sum, s) => sum + (s.loanOutstanding ?? 0), 0),
              }
            : null,
          houses: input.houses
            .filter((h) => houseYears(h).includes(year))
            .map((h) => ({
              id: h.id,
              kind: h.kind,
              decisionNumber: h.decisionNumber,
              stage: stageAtEndOf(h.dates, year),
              totalCost: h.totalCost,
            })),
          models: input.models.filter((m) => yearOf(m.joinedOn) === year),
        };
      }),
    bySource: totalsBySource(input.supports),
    supports: input.supports.length,
    value: input.supports.reduce((sum, s) => sum + s.value, 0),
    loanOutstanding: loans.reduce((sum, s) => sum + (s.loanOutstanding ?? 0), 0),
  };
}
