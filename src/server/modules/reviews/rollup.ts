import { createHash } from 'node:crypto';
import { todayInVietnam } from '../../../domain/calendar';
import { standardForYear, type Category } from '../../../domain/poverty';
import { periodicWindow, type RoundState } from '../../../domain/review';
import {
  fixedMeasures,
  measureKey,
  parseMeasure,
  ROLLUP_LISTS,
  type Figures,
  type Measure,
  type RollupList,
} from '../../../domain/review/rollup';
import type { Actor } from '../../platform/access';
import type { AreaScope } from '../../../domain/access';
import type { Db, Executor } from '../../platform/db/database';
import type { OnProgress } from '../../platform/progress';
import { errors } from '../../platform/errors';
import { listAdminUnits, requireCurrentUnit } from '../admin-units/service';
import { standardsIn } from '../poverty/service';
import { villageNames } from '../villages/service';
import { reviewPolicy } from './policy';
import { isOverdue } from './presenter';
import * as repo from './repo';
import type { RoundRow } from './repo';
import * as rollupRepo from './rollup-repo';
import type { RollupHouseholdsReq, RollupReq, RollupView } from './rollup-schemas';

/**
 * The province roll-up of a year's periodic review: each commune's round (state, deadline,
 * overdue flags) and the official results of the list it decides.
 *
 * "Official results" are the households' assessments of the list year (year + 1). A decided
 * periodic round wrote its results there under its decision, so a commune whose round is
 * decided shows the decision's results (`source: 'decision'`); where no round was decided, the
 * assessments the year holds otherwise (imported lists, single assessments) are shown, marked
 * `source: 'assessments'`. The movement runs from the list of the year before.
 */

const NATIONAL: AreaScope = { level: 'national' };

/** The province the caller may roll up: their own (a commune officer sees only their commune's row). */
async function provinceOf(db: Db, actor: Actor, code: string | undefined) {
  const provinceCode = code ?? (actor.scope.level === 'national' ? undefined : actor.scope.provinceCode);
  if (!provinceCode) throw errors.invalid('province', 'Chọn tỉnh cần tổng hợp.', 'Choose the province to roll up.');
  const unit = await requireCurrentUnit(db, provinceCode, 'province', 'province');
  if (actor.scope.level !== 'national' && actor.scope.provinceCode !== unit.code) throw errors.outOfScope();
  return unit;
}

const sumFigures = (all: Figures[]): Figures => {
  const total: Record<string, [number, number]> = {};
  for (const figures of all)
    for (const [key, [h, p]] of Object.entries(figures)) {
      const t = (total[key] ??= [0, 0]);
      t[0] += h;
      t[1] += p;
    }
  return total;
};

/** Ethnicities found among the heads: Kinh first (the majority), then in Vietnamese order. */
const ethnicitiesIn = (figures: Figures) =>
  [
    ...new Set(Object.keys(figures).flatMap((k) => (k.includes('.ethnicity.') ? [k.split('.ethnicity.')[1]!] : []))),
  ].sort((a, b) => Number(b === 'Kinh') - Number(a === 'Kinh') || a.localeCompare(b, 'vi'));

/** The roll-up's measures for a list year: those of the standard's indicators. */
async function measuresOf(db: Executor, provinceCode: string, listYear: number) {
  const standard = standardForYear(listYear, await standardsIn(db, provinceCode));
  const indicators = standard?.dimensions.flatMap((d) => d.indicators.map((i) => ({ key: i.key, ...i.name }))) ?? [];
  return { indicators, measures: fixedMeasures(indicators.map((i) => i.key)) };
}

/**
 * In a decision's transaction (and a regular round's, which changes the same list year): the
 * commune's figures of the list year as decided, which the province roll-up then reads instead
 * of recounting the commune's households. Counted by the same statement as the live roll-up.
 */
export async function summariseDecision(tx: Executor, round: RoundRow) {
  const { measures } = await measuresOf(tx, round.provinceCode, round.listYear);
  const area = { scope: NATIONAL, provinceCode: round.provinceCode, communeCode: round.communeCode };
  const [found] = await rollupRepo.figuresByCommune(tx, { ...area, listYear: round.listYear }, measures);
  await rollupRepo.writeSummary(tx, {
    provinceCode: round.provinceCode,
    communeCode: round.communeCode,
    listYear: round.listYear,
    roundId: round.id,
    figures: found?.figures ?? {},
    deprivations: found?.deprivations ?? { poor: 0, near_poor: 0 },
  });
}

/** A reopened round's commune is counted live again until its next decision. */
export const dropSummary = (tx: Executor, round: RoundRow) =>
  rollupRepo.dropSummary(tx, round.communeCode, round.listYear);

/**
 * The figures of communes no decision summarises. Those counted since their last write (the
 * database counts each commune's writes) are read back; the others are counted and kept — in
 * one statement: counted in batches they cost several times more (bench/reviews.ts: 59 s in
 * batches of ten communes against 13 s at once, 1.5 M households), so the progress told is
 * the number of communes being counted, then done. The writes are read before counting, so one
 * committed meanwhile leaves the kept figures stale (counted again next time), never wrong. Kept
 * counts are derived figures, not anyone's data: not audited.
 */
async function liveFigures(
  db: Db,
  scope: AreaScope,
  area: { provinceCode: string; listYear: number; communes: string[] },
  measures: Measure[],
  onProgress?: OnProgress,
): Promise<rollupRepo.CommuneFigures[]> {
  const { provinceCode, listYear, communes } = area;
  const digest = createHash('sha1').update(measures.map(measureKey).join('|')).digest('hex');
  const kept = (await rollupRepo.liveCountsOf(db, scope, provinceCode, listYear, digest))
    .filter((k) => communes.includes(k.communeCode))
    .map((k) => ({ ...k, figures: k.figures as Figures, deprivations: k.deprivations as Record<RollupList, number> }));
  const missing = communes.filter((code) => !kept.some((k) => k.communeCode === code));
  if (missing.length === 0) return kept;
  onProgress?.(0, missing.length);
  const changes = await rollupRepo.communeChanges(db, missing);
  const found = await rollupRepo.figuresByCommune(
    db,
    { scope: NATIONAL, provinceCode, communes: missing, listYear },
    measures,
  );
  const counted = missing.map(
    (code) =>
      found.find((f) => f.communeCode === code) ?? {
        communeCode: code,
        figures: {},
        deprivations: { poor: 0, near_poor: 0 },
      },
  );
  await rollupRepo.writeLiveCounts(
    db,
    counted.map((f) => ({ ...f, provinceCode, listYear, changes: changes.get(f.communeCode) ?? 0, measures: digest })),
  );
  onProgress?.(missing.length, missing.length);
  return [...kept, ...counted];
}

export async function rollupOfYear(
  db: Db,
  actor: Actor,
  query: RollupReq,
  onProgress?: OnProgress,
): Promise<RollupView> {
  const province = await provinceOf(db, actor, query.province);
  const listYear = query.year + 1;
  const communeCode = actor.scope.level === 'commune' ? actor.scope.communeCode : undefined;
  const today = todayInVietnam();
  const [units, { indicators, measures }, periodic, regular, summaries] = await Promise.all([
    listAdminUnits(db, {
      parentCode: province.code,
      level: 'commune',
      date: null,
      limit: 10_000,
      offset: 0,
      sort: 'name',
      order: 'asc',
    }),
    measuresOf(db, province.code, listYear),
    rollupRepo.periodicRounds(db, actor.scope, province.code, query.year),
    rollupRepo.regularRounds(db, actor.scope, province.code, query.year, today),
    rollupRepo.summariesOf(db, actor.scope, province.code, listYear),
  ]);
  // Decided communes read their decision's summary; the others are counted live.
  const decided = new Set(periodic.filter((r) => r.state === 'decided').map((r) => r.communeCode));
  const summarised = summaries.filter((s) => decided.has(s.communeCode));
  const shown = units.items.filter((u) => !communeCode || u.code === communeCode);
  const live = shown.map((u) => u.code).filter((code) => !summarised.some((s) => s.communeCode === code));
  const figures = [
    ...summarised.map((s) => ({
      communeCode: s.communeCode,
      figures: s.figures as Figures,
      deprivations: s.deprivations as Record<RollupList, number>,
    })),
    ...(await liveFigures(
      db,
      actor.scope,
      { provinceCode: province.code, listYear, communes: live },
      measures,
      onProgress,
    )),
  ];
  const counts = await repo.roundCounts(
    db,
    periodic.map((r) => r.id),
  );
  const communes = shown.map((unit) => {
    const round = periodic.find((r) => r.communeCode === unit.code);
    const found = figures.find((f) => f.communeCode === unit.code);
    const open = regular.find((r) => r.communeCode === unit.code);
    const windowEnd = round?.windowEnd ?? periodicWindow(query.year).end;
    return {
      code: unit.code,
      name: unit.name,
      round: round
        ? {
            id: round.id,
            state: round.state as RoundState,
            windowStart: round.windowStart,
            windowEnd: round.windowEnd,
            decisionNumber: round.decisionNumber,
            decisionDate: round.decisionDate,
            cases: counts.get(round.id)!.cases,
            agreed: counts.get(round.id)!.agreed,
          }
        : null,
      windowEnd,
      overdue: isOverdue({ state: round?.state ?? 'planned', kind: 'periodic', windowEnd, deadline: null }, today),
      regularOpen: open?.open ?? 0,
      regularOverdue: open?.overdue ?? 0,
      source: round?.state === 'decided' ? ('decision' as const) : ('assessments' as const),
      figures: found?.figures ?? {},
      deprivations: found?.deprivations ?? { poor: 0, near_poor: 0 },
    };
  });
  const total = sumFigures(communes.map((c) => c.figures));
  const deprivations = (list: RollupList) => communes.reduce((n, c) => n + c.deprivations[list], 0);
  return {
    year: query.year,
    listYear,
    previousListYear: listYear - 1,
    provinceCode: province.code,
    provinceName: province.fullName,
    today,
    indicators,
    ethnicities: ethnicitiesIn(total),
    communes,
    total: {
      figures: total,
      deprivations: Object.fromEntries(ROLLUP_LISTS.map((l) => [l, deprivations(l)])) as Record<RollupList, number>,
    },
  };
}

/** The households behind a cell: a commune's measure (what the figure counts), by household code. */
export async function cellHouseholds(db: Db, actor: Actor, query: RollupHouseholdsReq) {
  const unit = await requireCurrentUnit(db, query.commune, 'commune', 'commune');
  if (!reviewPolicy.read(actor, unit.area)) throw errors.outOfScope();
  const rows = await rollupRepo.householdsOf(
    db,
    { scope: actor.scope, provinceCode: unit.area.provinceCode!, communeCode: unit.code, listYear: query.year + 1 },
    parseMeasure(query.measure)!,
    query,
  );
  const names = await villageNames(
    db,
    rows.map((r) => r.villageId),
  );
  return {
    items: rows.map(({ villageId, total: _, ...r }) => ({
      ...r,
      category: r.category as Category | null,
      previousCategory: r.previousCategory as Category | null,
      villageName: names.get(villageId) ?? '',
    })),
    total: rows[0]?.total ?? 0,
  };
}
