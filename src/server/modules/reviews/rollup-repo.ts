import { and, count, eq, inArray, ne, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { AreaScope } from '../../../domain/access';
import { measureKey, type Measure, type RollupList } from '../../../domain/review/rollup';
import { insideScope } from '../../platform/access';
import { rowsOf, type Executor } from '../../platform/db/database';
import { households } from '../households/tables';
import { reviewCommuneChanges, reviewLiveCounts, reviewRounds, reviewSummaries } from './tables';

/**
 * The roll-up's SQL. It reads the registry (households, members) and the yearly assessments
 * set-wise, as a report over three modules' tables: a province holds 1.5 million households, far
 * too many to pass through those modules' services one by one. Read only.
 */

/** Where the roll-up looks: a province, or one commune of it; `scope` is the caller's, applied in SQL. */
export interface RollupArea {
  scope: AreaScope;
  provinceCode: string;
  communeCode?: string;
  /** Only these communes of it (those the decisions' summaries do not cover); never empty. */
  communes?: readonly string[];
  /** The list year whose results are counted; the movement runs from the year before. */
  listYear: number;
}

const LISTED = sql`('poor', 'near_poor')`;

/** The commune, or the communes, of the area as a condition on a commune column (nothing for a province). */
function inCommunes(area: RollupArea, column: SQL | AnyColumn): SQL | undefined {
  if (area.communeCode) return sql`${column} = ${area.communeCode}`;
  if (area.communes) return sql`${column} in ${area.communes}`;
  return undefined;
}

/**
 * One roll-up statement, with PostgreSQL's JIT compiler off: compiling its hundred filtered
 * aggregates cost more than running them (1.7 s of 2.2 s for one commune, measured in
 * bench/reviews.ts).
 */
function withoutJit(db: Executor, statement: SQL) {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local jit = off`);
    return tx.execute(statement);
  });
}

/**
 * One row per household of the area on this year's or the previous year's list (`listed`), or
 * per household of the area (`all`, for the "all households" cell of a commune). `known`: the
 * commune had a list the year before (otherwise its increases are "first year recorded");
 * `earlier_*`: on a list before the previous year (fell back), looked up only for households
 * newly on a list. Persons and the head's ethnicity: as kept on the household (`household_people`).
 */
function base(area: RollupArea, rows: 'listed' | 'all'): SQL {
  const { provinceCode, listYear } = area;
  const commune = (column: SQL) => {
    const condition = inCommunes(area, column);
    return condition ? sql`and ${condition}` : sql``;
  };
  const earlier = (categories: SQL) => sql`case
      when a.category in ${LISTED} and coalesce(p.category, '') not in ${LISTED}
      then exists (select 1 from household_assessments e where e.household_id = ${households.id}
        and e.year < ${listYear - 1} and e.category in ${categories})
      else false end`;
  const onLists = sql`select household_id from household_assessments
      where province_code = ${provinceCode} and year in (${listYear}, ${listYear - 1}) ${commune(sql`commune_code`)}`;
  return sql`
    known as (
      select distinct commune_code from household_assessments
      where province_code = ${provinceCode} and year = ${listYear - 1} ${commune(sql`commune_code`)}
    ),
    b as materialized (
      select ${households.id} as id, ${households.communeCode} as commune_code, ${households.villageId} as village_id,
        ${households.code} as code, ${households.headName} as head_name, ${households.archivedAt} is null as active,
        ${households.policyFlags} as policy_flags, ${households.ethnicMinority} as ethnic_minority,
        ${households.persons} as persons, ${households.headEthnicity} as head_ethnicity,
        a.category as cat, coalesce(a.deprivations, '{}') as deprivations, coalesce(a.causes, '{}') as causes,
        p.category as prev, known.commune_code is not null as known,
        ${earlier(sql`('poor')`)} as earlier_poor,
        ${earlier(LISTED)} as earlier_listed
      from ${households}
      left join household_assessments a on a.household_id = ${households.id} and a.year = ${listYear}
      left join household_assessments p on p.household_id = ${households.id} and p.year = ${listYear - 1}
      left join known on known.commune_code = ${households.communeCode}
      where ${and(
        eq(households.provinceCode, provinceCode),
        inCommunes(area, households.communeCode),
        insideScope(area.scope, { province: households.provinceCode, commune: households.communeCode }),
        rows === 'listed' ? sql`${households.id} in (${onLists})` : undefined,
      )}
        and (${households.archivedAt} is null or a.id is not null or p.id is not null)
    )`;
}

const OTHER: Record<RollupList, RollupList> = { poor: 'near_poor', near_poor: 'poor' };

/** The households a measure counts, as a condition on the rows of `b`. */
export function predicate(m: Measure): SQL {
  if (m.kind === 'result') return m.category === 'households' ? sql`b.active` : sql`b.cat = ${m.category}`;
  const list = m.list;
  switch (m.kind) {
    case 'deprived':
      return sql`b.cat = ${list} and b.deprivations @> array[${m.indicator}]::text[]`;
    case 'group':
      return m.group === 'ethnic_minority'
        ? sql`b.cat = ${list} and b.ethnic_minority`
        : sql`b.cat = ${list} and b.policy_flags @> array[${m.group}]::text[]`;
    case 'cause':
      return sql`b.cat = ${list} and b.causes @> array[${m.cause}]::text[]`;
    case 'ethnicity':
      return sql`b.cat = ${list} and b.head_ethnicity = ${m.ethnicity}`;
    case 'movement':
      break;
  }
  const other = OTHER[list];
  const newcomer = sql`b.cat = ${list} and coalesce(b.prev, '') not in ${LISTED}`;
  const earlier = list === 'poor' ? sql`b.earlier_poor` : sql`b.earlier_listed`;
  switch (m.column) {
    case 'opening':
      return sql`b.prev = ${list}`;
    case 'out_other_list':
      return sql`b.prev = ${list} and b.cat = ${other}`;
    case 'out_above':
      return sql`b.prev = ${list} and b.cat in ('average', 'not_poor')`;
    case 'out_other':
      return sql`b.prev = ${list} and b.cat is null`;
    case 'in_other_list':
      return sql`b.cat = ${list} and b.prev = ${other}`;
    case 'in_fell_back':
      return sql`${newcomer} and b.known and ${earlier}`;
    case 'in_newly':
      return sql`${newcomer} and b.known and not ${earlier}`;
    case 'in_other':
      return sql`${newcomer} and not b.known`;
    case 'closing':
      return sql`b.cat = ${list}`;
  }
}

export interface CommuneFigures {
  communeCode: string;
  figures: Record<string, [number, number]>;
  /** Total deprivations of the poor and of the near-poor households. */
  deprivations: Record<RollupList, number>;
}

/** Every measure's households and persons per commune, and the heads' ethnicities, in one statement. */
/** Only "all households" counts households on no list; every other measure needs this year's or last year's. */
const onAList = (m: Measure) => !(m.kind === 'result' && m.category === 'households');
/** Results and movements are filtered aggregates; deprivations, groups, causes, ethnicities are breakdowns. */
const filtered = (m: Measure) => (m.kind === 'result' && onAList(m)) || m.kind === 'movement';

/**
 * Every measure's households and persons per commune. Results and movements are filtered
 * aggregates over the listed households; deprivations, groups, causes and the head's ethnicity
 * are one breakdown — each household counted under each of its keys, the same sets `predicate`
 * selects; "all households" (what `b.active` selects in a commune's full base) is counted by
 * commune straight from the registry.
 */
export async function figuresByCommune(db: Executor, area: RollupArea, measures: Measure[]): Promise<CommuneFigures[]> {
  const { provinceCode } = area;
  /** The area and the caller's scope on a registry table read by name. */
  const inArea = (table: string) => {
    const column = (name: string) => sql.raw(`${table}.${name}`);
    const scope = area.scope;
    return and(
      sql`${column('province_code')} = ${provinceCode}`,
      inCommunes(area, column('commune_code')),
      scope.level === 'national' ? undefined : sql`${column('province_code')} = ${scope.provinceCode}`,
      scope.level === 'commune' ? sql`${column('commune_code')} = ${scope.communeCode}` : undefined,
    );
  };
  const columns = sql.join(
    measures.flatMap((m, i) =>
      filtered(m)
        ? [
            sql`count(*) filter (where ${predicate(m)})::int as ${sql.raw(`h${i}`)}, coalesce(sum(b.persons) filter (where ${predicate(m)}), 0)::int as ${sql.raw(`p${i}`)}`,
          ]
        : [],
    ),
    sql`, `,
  );
  const [listed, everyone] = await Promise.all([
    withoutJit(
      db,
      sql`
      with ${base(area, 'listed')},
      breakdown as (
        select commune_code, json_agg(json_build_array(measure, h, p)) as list from (
          select b.commune_code, b.cat || '.' || k.key as measure, count(*)::int as h, sum(b.persons)::int as p
          from b cross join lateral (
            select 'deprived.' || d from unnest(b.deprivations) d
            union all select 'cause.' || c from unnest(b.causes) c
            union all select 'group.' || g from unnest(b.policy_flags) g
            union all select 'group.ethnic_minority' where b.ethnic_minority
            union all select 'ethnicity.' || b.head_ethnicity where b.head_ethnicity is not null
          ) k(key)
          where b.cat in ${LISTED} group by 1, 2) keyed
        group by commune_code
      ),
      counted as (
        select b.commune_code, ${columns},
          coalesce(sum(cardinality(b.deprivations)) filter (where b.cat = 'poor'), 0)::int as d_poor,
          coalesce(sum(cardinality(b.deprivations)) filter (where b.cat = 'near_poor'), 0)::int as d_near_poor
        from b group by b.commune_code
      )
      select counted.*, breakdown.list as breakdown from counted left join breakdown using (commune_code)`,
    ),
    // Read from indexes alone: every household less the few archived ones (households_area, then
    // households_archived), the members from household_members_commune.
    db.execute(sql`
      select h.commune_code, (h.n - coalesce(x.n, 0))::int as households, coalesce(m.n, 0)::int as persons
      from (select commune_code, count(*)::int as n from ${households}
        where ${inArea('households')} group by commune_code) h
      left join (select commune_code, count(*)::int as n from ${households}
        where ${inArea('households')} and archived_at is not null group by commune_code) x using (commune_code)
      left join (select commune_code, count(*)::int as n from household_members
        where ${inArea('household_members')} and left_at is null and household_id not in (
          select id from ${households} where ${inArea('households')} and archived_at is not null)
        group by commune_code) m using (commune_code)`),
  ]);
  const all = new Map(
    rowsOf<{ commune_code: string; households: number; persons: number }>(everyone).map((r) => [r.commune_code, r]),
  );
  const byCommune = new Map(rowsOf<Record<string, unknown>>(listed).map((r) => [String(r.commune_code), r]));
  return [...new Set([...all.keys(), ...byCommune.keys()])].map((code) => {
    const row = byCommune.get(code) ?? {};
    const counted = all.get(code);
    const figures: Record<string, [number, number]> = {};
    measures.forEach(
      (m, i) =>
        (figures[measureKey(m)] = filtered(m)
          ? [Number(row[`h${i}`] ?? 0), Number(row[`p${i}`] ?? 0)]
          : onAList(m)
            ? [0, 0]
            : [counted?.households ?? 0, counted?.persons ?? 0]),
    );
    for (const [measure, h, p] of (row.breakdown ?? []) as [string, number, number][])
      figures[measure] = [Number(h), Number(p)];
    return {
      communeCode: code,
      figures,
      deprivations: { poor: Number(row.d_poor ?? 0), near_poor: Number(row.d_near_poor ?? 0) },
    };
  });
}

export interface CellHousehold {
  id: string;
  code: string;
  headName: string;
  villageId: string;
  category: string | null;
  previousCategory: string | null;
  persons: number;
  total: number;
}

/** The households behind one cell (a commune's measure), a page at a time by household code. */
export async function householdsOf(
  db: Executor,
  area: RollupArea,
  m: Measure,
  page: { limit: number; offset: number },
) {
  const result = await withoutJit(
    db,
    sql`
    with ${base(area, onAList(m) ? 'listed' : 'all')}
    select b.id, b.code, b.head_name as "headName", b.village_id as "villageId", b.cat as category,
      b.prev as "previousCategory", b.persons, (count(*) over ())::int as total
    from b where ${predicate(m)}
    order by b.code limit ${page.limit} offset ${page.offset}`,
  );
  return rowsOf<CellHousehold>(result);
}

// ---- rounds ----

const roundsOfYear = (scope: AreaScope, provinceCode: string, year: number, kind: string) =>
  and(
    insideScope(scope, { province: reviewRounds.provinceCode, commune: reviewRounds.communeCode }),
    eq(reviewRounds.provinceCode, provinceCode),
    eq(reviewRounds.year, year),
    eq(reviewRounds.kind, kind),
  );

/** The periodic rounds of the year in the area (one per commune at most). */
export function periodicRounds(db: Executor, scope: AreaScope, provinceCode: string, year: number) {
  return db
    .select()
    .from(reviewRounds)
    .where(roundsOfYear(scope, provinceCode, year, 'periodic'));
}

/** Regular rounds (applications) per commune: still open, and open past their 15-day deadline. */
export async function regularRounds(db: Executor, scope: AreaScope, provinceCode: string, year: number, today: string) {
  return db
    .select({
      communeCode: reviewRounds.communeCode,
      open: count(),
      overdue: sql<number>`count(*) filter (where ${reviewRounds.deadline} < ${today})`.mapWith(Number),
    })
    .from(reviewRounds)
    .where(and(roundsOfYear(scope, provinceCode, year, 'regular'), ne(reviewRounds.state, 'decided')))
    .groupBy(reviewRounds.communeCode);
}

// ---- the decisions' summaries ----

/** The commune's figures of the list year as a decision leaves them (replacing an earlier decision's). */
export async function writeSummary(db: Executor, row: typeof reviewSummaries.$inferInsert) {
  await db
    .insert(reviewSummaries)
    .values(row)
    .onConflictDoUpdate({
      target: [reviewSummaries.communeCode, reviewSummaries.listYear],
      set: { roundId: row.roundId, figures: row.figures, deprivations: row.deprivations, writtenAt: sql`now()` },
    });
}

export async function dropSummary(db: Executor, communeCode: string, listYear: number) {
  await db
    .delete(reviewSummaries)
    .where(and(eq(reviewSummaries.communeCode, communeCode), eq(reviewSummaries.listYear, listYear)));
}

/** The summaries of the list year in the area (the caller's scope applied). */
export function summariesOf(db: Executor, scope: AreaScope, provinceCode: string, listYear: number) {
  return db
    .select()
    .from(reviewSummaries)
    .where(
      and(
        insideScope(scope, { province: reviewSummaries.provinceCode, commune: reviewSummaries.communeCode }),
        eq(reviewSummaries.provinceCode, provinceCode),
        eq(reviewSummaries.listYear, listYear),
      ),
    );
}

// ---- the live counts of communes still reviewing ----

/** How many writes each of these communes has seen (none yet: 0). */
export async function communeChanges(db: Executor, communes: readonly string[]) {
  const rows = await db
    .select()
    .from(reviewCommuneChanges)
    .where(inArray(reviewCommuneChanges.communeCode, [...communes]));
  return new Map(rows.map((r) => [r.communeCode, r.changes]));
}

/** The live counts of the list year still valid: counted after the commune's last write, with these measures. */
export function liveCountsOf(db: Executor, scope: AreaScope, provinceCode: string, listYear: number, measures: string) {
  return db
    .select({
      communeCode: reviewLiveCounts.communeCode,
      figures: reviewLiveCounts.figures,
      deprivations: reviewLiveCounts.deprivations,
    })
    .from(reviewLiveCounts)
    .leftJoin(reviewCommuneChanges, eq(reviewCommuneChanges.communeCode, reviewLiveCounts.communeCode))
    .where(
      and(
        insideScope(scope, { province: reviewLiveCounts.provinceCode, commune: reviewLiveCounts.communeCode }),
        eq(reviewLiveCounts.provinceCode, provinceCode),
        eq(reviewLiveCounts.listYear, listYear),
        eq(reviewLiveCounts.measures, measures),
        sql`${reviewLiveCounts.changes} = coalesce(${reviewCommuneChanges.changes}, 0)`,
      ),
    );
}

export async function writeLiveCounts(db: Executor, rows: (typeof reviewLiveCounts.$inferInsert)[]) {
  if (rows.length === 0) return;
  await db
    .insert(reviewLiveCounts)
    .values(rows)
    .onConflictDoUpdate({
      target: [reviewLiveCounts.communeCode, reviewLiveCounts.listYear],
      set: {
        changes: sql`excluded.changes`,
        measures: sql`excluded.measures`,
        figures: sql`excluded.figures`,
        deprivations: sql`excluded.deprivations`,
        countedAt: sql`now()`,
      },
    });
}
