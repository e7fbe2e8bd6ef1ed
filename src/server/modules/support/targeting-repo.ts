/**
 * The targeting views in SQL, set-wise over a province: the year's lists (assessments of that
 * list year) beside the supports of the year, every query limited to the caller's area by the
 * assessments' own province and commune columns (their index leads with them).
 */
import { sql, type SQL } from 'drizzle-orm';
import type { AreaScope } from '../../../domain/access';
import { ADDRESSED_BY, periodStart, type PriorityRule } from '../../../domain/support';
import { BUILTIN_STANDARDS } from '../../../domain/poverty';
import { insideScope } from '../../platform/access';
import { rowsOf, type Executor } from '../../platform/db/database';
import { householdAssessments } from '../assessments/tables';
import { households } from '../households/tables';
import { houses, supportRecords } from './tables';

export interface ViewArea {
  scope: AreaScope;
  year: number;
  commune?: string;
}

const a = householdAssessments;

/**
 * The year's poor and near-poor households in the area (and commune, when one is chosen), archived
 * ones left out through their own small index, so the lists are read from the assessments alone.
 */
function listed(area: ViewArea): SQL {
  return sql`${a.year} = ${area.year} and ${a.category} in ('poor', 'near_poor')
    and ${insideScope(area.scope, { province: a.provinceCode, commune: a.communeCode }) ?? sql`true`}
    ${area.commune ? sql`and ${a.communeCode} = ${area.commune}` : sql``}
    and not exists (select 1 from ${households} where ${households.id} = ${a.householdId} and ${households.archivedAt} is not null)`;
}

/** A support in force to the household dated `from`–`to`, of `kinds` when given. */
const supported = (from: string, to: string, kinds?: readonly string[]) => sql`exists (select 1 from ${supportRecords}
  where ${supportRecords.householdId} = ${a.householdId} and ${supportRecords.cancelledAt} is null
    and ${supportRecords.date} between ${from} and ${to}
    ${
      kinds
        ? sql`and ${supportRecords.kind} in (${sql.join(
            kinds.map((k) => sql`${k}`),
            sql`, `,
          )})`
        : sql``
    })`;

const yearOf = (year: number) => [`${year}-01-01`, `${year}-12-31`] as const;

export interface ListedHousehold {
  householdId: string;
  code: string;
  headName: string;
  communeCode: string;
  category: 'poor' | 'near_poor';
  deprivationCount: number;
  deprivations: string[];
}

const householdColumns = sql`${a.householdId} as "householdId", ${households.code} as code,
  ${households.headName} as "headName", ${a.communeCode} as "communeCode", ${a.category} as category,
  ${a.deprivationCount} as "deprivationCount", ${a.deprivations} as deprivations`;

const page = (limit: number, offset: number) => sql`limit ${limit} offset ${offset}`;

/** The assessment's columns a list shows, under the names `pageByCode` reads. */
const listColumns = sql`${a.householdId} as household_id, ${a.communeCode} as commune_code, ${a.category} as category,
  ${a.deprivationCount} as deprivation_count, ${a.deprivations} as deprivations`;

/**
 * A page of `listing` (a query of `listColumns` and more) in the order `order`, ties broken by the
 * household's code: only the rows up to the page's end, with those tied with the last, are joined
 * to their households — a province's list is ordered from its assessments alone.
 */
function pageByCode(listing: SQL, order: SQL, limit: number, offset: number): SQL {
  return sql`with top as (${listing} order by ${order} fetch first (${limit + offset}::int) rows with ties)
    select top.*, top.household_id as "householdId", ${households.code} as code, ${households.headName} as "headName",
      top.commune_code as "communeCode", top.deprivation_count as "deprivationCount"
    from top join ${households} on ${households.id} = top.household_id
    order by ${order}, ${households.code} ${page(limit, offset)}`;
}

/**
 * Poor and near-poor households of the year's lists that received nothing in the year: poor first,
 * most deprived first, then by code (the page is joined to the households whole: its order has few
 * distinct values, so `pageByCode` would read tens of thousands of tied households).
 */
export async function leftBehind(db: Executor, area: ViewArea, limit: number, offset: number) {
  const where = sql`${listed(area)} and not ${supported(...yearOf(area.year))}`;
  const [items, [total]] = await Promise.all([
    db.execute(sql`select ${householdColumns} from ${a} join ${households} on ${households.id} = ${a.householdId}
      where ${where} order by ${a.category} = 'poor' desc, ${a.deprivationCount} desc, ${households.code} ${page(limit, offset)}`),
    db.execute(sql`select count(*)::int as n from ${a} where ${where}`),
  ]).then(([i, n]) => [rowsOf<ListedHousehold>(i), rowsOf<{ n: number }>(n)] as const);
  return { items, total: total!.n };
}

/** A row of `pageByCode` as the list shows it (its snake_case columns left out). */
function listedOf(r: ListedHousehold): ListedHousehold {
  return {
    householdId: r.householdId,
    code: r.code,
    headName: r.headName,
    communeCode: r.communeCode,
    category: r.category,
    deprivationCount: r.deprivationCount,
    deprivations: r.deprivations,
  };
}

/** The mapping of indicators to the kinds that answer them, as a VALUES table. */
const addressedTable = (year: number) =>
  sql`(values ${sql.join(
    ADDRESSED_BY.map(
      (m) =>
        sql`(${m.indicator}, ${sql`array[${sql.join(
          m.kinds.map((k) => sql`${k}`),
          sql`, `,
        )}]::text[]`}, ${m.since === 'period' ? periodStart(year) : `${year}-01-01`}::date, ${m.housePlanned}::boolean)`,
    ),
    sql`, `,
  )}) as addressed(indicator, kinds, since, house_planned)`;

/** Each deprivation of a listed household that no support of an answering kind (nor a planned house) addresses. */
export async function unaddressed(
  db: Executor,
  area: ViewArea,
  indicator: string | undefined,
  limit: number,
  offset: number,
) {
  const where = sql`${listed(area)}
    ${indicator ? sql`and addressed.indicator = ${indicator}` : sql``}
    and not exists (select 1 from ${supportRecords} where ${supportRecords.householdId} = ${a.householdId}
      and ${supportRecords.cancelledAt} is null and ${supportRecords.kind} = any(addressed.kinds)
      and ${supportRecords.date} between addressed.since and ${`${area.year}-12-31`}::date)
    and not (addressed.house_planned and exists (select 1 from ${houses} where ${houses.householdId} = ${a.householdId}
      and ${houses.approvedOn} >= addressed.since))`;
  const from = sql`from ${a} join ${households} on ${households.id} = ${a.householdId}
    join ${addressedTable(area.year)} on addressed.indicator = any(${a.deprivations})`;
  const [items, [total]] = await Promise.all([
    db.execute(sql`select ${householdColumns}, addressed.indicator as indicator, addressed.kinds as kinds ${from} where ${where}
      order by addressed.indicator, ${a.category} = 'poor' desc, ${households.code} ${page(limit, offset)}`),
    db.execute(sql`select count(*)::int as n ${from} where ${where}`),
  ]).then(
    ([i, n]) =>
      [rowsOf<ListedHousehold & { indicator: string; kinds: string[] }>(i), rowsOf<{ n: number }>(n)] as const,
  );
  return { items, total: total!.n };
}

export interface CommuneCoverage {
  communeCode: string;
  assessed: number;
  poor: number;
  nearPoor: number;
  supportedHouseholds: number;
  supportValue: number;
  reached: number;
}

/** Per commune of the area: the year's lists, the supports of the year, and how many poor and near-poor households they reached. */
export async function coverage(db: Executor, area: ViewArea) {
  const [from, to] = yearOf(area.year);
  const inArea = (cols: Parameters<typeof insideScope>[1]) => insideScope(area.scope, cols) ?? sql`true`;
  const rows = await db.execute(sql`
    with lists as (
      select ${a.communeCode} as commune, count(*)::int as assessed,
        (count(*) filter (where ${a.category} = 'poor'))::int as poor,
        (count(*) filter (where ${a.category} = 'near_poor'))::int as near_poor,
        (count(*) filter (where ${a.category} in ('poor', 'near_poor') and ${supported(from, to)}))::int as reached
      from ${a} where ${a.year} = ${area.year} and ${inArea({ province: a.provinceCode, commune: a.communeCode })}
      group by ${a.communeCode}),
    given as (
      select ${supportRecords.communeCode} as commune, count(distinct ${supportRecords.householdId})::int as households,
        coalesce(sum(${supportRecords.value}), 0)::bigint as value
      from ${supportRecords} where ${supportRecords.cancelledAt} is null and ${supportRecords.date} between ${from} and ${to}
        and ${inArea({ province: supportRecords.provinceCode, commune: supportRecords.communeCode })}
      group by ${supportRecords.communeCode})
    select coalesce(lists.commune, given.commune) as "communeCode", coalesce(assessed, 0) as assessed,
      coalesce(poor, 0) as poor, coalesce(near_poor, 0) as "nearPoor", coalesce(reached, 0) as reached,
      coalesce(households, 0) as "supportedHouseholds", coalesce(value, 0) as "supportValue"
    from lists full join given on given.commune = lists.commune`);
  return rowsOf<CommuneCoverage & { supportValue: string | number }>(rows).map((r) => ({
    ...r,
    supportValue: Number(r.supportValue),
  }));
}

/** The poverty line of each built-in standard and area, as a VALUES table (income gap is measured against it). */
const linesTable = sql`(values ${sql.join(
  BUILTIN_STANDARDS.flatMap((s) => {
    const line = s.lines.find((l) => l.id === 'poverty') ?? s.lines[0]!;
    return [sql`(${s.id}, 'rural', ${line.rural}::bigint)`, sql`(${s.id}, 'urban', ${line.urban}::bigint)`];
  }),
  sql`, `,
)}) as lines(standard_id, area, line)`;

/** A weight of the rule as an integer parameter (untyped, it would be read as text). */
const points = (n: number) => sql`${n}::int`;

export interface PriorityRow extends ListedHousehold {
  incomePerCapita: number;
  povertyLine: number | null;
  children: number;
  elderly: number;
  disabled: number;
  ethnicMinority: boolean;
  womanHeaded: boolean;
  supportedThisYear: boolean;
  score: number;
  rank: number;
}

/**
 * The year's poor and near-poor households ranked by the rule, in SQL over the whole area (the
 * same sum as domain/support/priority.ts `score`, which explains each row's parts): higher score
 * first, then more deprivations, then code; equal scores share a rank. The member counts are those
 * kept on the assessment (as at 1 January of the list year), so scoring reads no member rows.
 */
export async function priority(db: Executor, area: ViewArea, rule: PriorityRule, limit: number, offset: number) {
  const [from, to] = yearOf(area.year);
  const facts = sql`select ${listColumns}, ${a.incomePerCapitaMonthly} as income, lines.line,
      ${a.ethnicMinority} as ethnic_minority, ${supported(from, to)} as supported,
      ${a.children} as children, ${a.elderly} as elderly, ${a.disabled} as disabled, ${a.womanHeaded} as woman_headed
    from ${a} left join ${linesTable} on lines.standard_id = ${a.standardId} and lines.area = ${a.area}
    where ${listed(area)}`;
  const scored = sql`select facts.*, (
      case category when 'poor' then ${points(rule.poor)} else ${points(rule.nearPoor)} end
      + deprivation_count * ${points(rule.deprivation)}
      + (case when line > 0 and income < line then floor((line - greatest(income, 0)) * 10 / line) else 0 end)::int * ${points(rule.incomeGapTenth)}
      + children * ${points(rule.child)} + elderly * ${points(rule.elderly)} + disabled * ${points(rule.disabled)}
      + (case when ethnic_minority then ${points(rule.ethnicMinority)} else 0 end)
      + (case when woman_headed then ${points(rule.womanHeaded)} else 0 end)
      + (case when supported then 0 else ${points(rule.noSupportThisYear)} end))::int as score
    from (${facts}) facts`;
  const ranked = sql`select scored.*, (rank() over (order by score desc))::int as rank from (${scored}) scored`;
  const [rows, total] = await Promise.all([
    db.execute(pageByCode(ranked, sql`score desc, deprivation_count desc`, limit, offset)),
    countListed(db, area),
  ]);
  type Row = ListedHousehold & {
    income: string | number;
    line: string | number | null;
    ethnic_minority: boolean;
    supported: boolean;
    children: number;
    elderly: number;
    disabled: number;
    woman_headed: boolean;
    score: number;
    rank: number;
  };
  return {
    total,
    items: rowsOf<Row>(rows).map((r): PriorityRow => ({
      ...listedOf(r),
      incomePerCapita: Number(r.income),
      povertyLine: r.line === null ? null : Number(r.line),
      children: r.children,
      elderly: r.elderly,
      disabled: r.disabled,
      ethnicMinority: r.ethnic_minority,
      womanHeaded: r.woman_headed,
      supportedThisYear: r.supported,
      score: r.score,
      rank: r.rank,
    })),
  };
}

async function countListed(db: Executor, area: ViewArea) {
  const rows = await db.execute(sql`select count(*)::int as n from ${a} where ${listed(area)}`);
  return rowsOf<{ n: number }>(rows)[0]!.n;
}
