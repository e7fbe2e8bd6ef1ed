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

/** The year's poor and near-poor households in the area (and commune, when one is chosen). */
function listed(area: ViewArea): SQL {
  return sql`${a.year} = ${area.year} and ${a.category} in ('poor', 'near_poor')
    and ${insideScope(area.scope, { province: a.provinceCode, commune: a.communeCode }) ?? sql`true`}
    ${area.commune ? sql`and ${a.communeCode} = ${area.commune}` : sql``}`;
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

/** Poor and near-poor households of the year's lists that received nothing in the year: poor first, most deprived first. */
export async function leftBehind(db: Executor, area: ViewArea, limit: number, offset: number) {
  const where = sql`${listed(area)} and not ${supported(...yearOf(area.year))} and ${households.archivedAt} is null`;
  const from = sql`from ${a} join ${households} on ${households.id} = ${a.householdId}`;
  const [items, [total]] = await Promise.all([
    db.execute(sql`select ${householdColumns} ${from} where ${where}
      order by ${a.category} = 'poor' desc, ${a.deprivationCount} desc, ${households.code} ${page(limit, offset)}`),
    db.execute(sql`select count(*)::int as n ${from} where ${where}`),
  ]).then(([i, n]) => [rowsOf<ListedHousehold>(i), rowsOf<{ n: number }>(n)] as const);
  return { items, total: total!.n };
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
  const where = sql`${listed(area)} and ${households.archivedAt} is null
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
 * first, then more deprivations, then code; equal scores share a rank.
 */
export async function priority(db: Executor, area: ViewArea, rule: PriorityRule, limit: number, offset: number) {
  const [from, to] = yearOf(area.year);
  const rows = await db.execute(sql`
    with facts as (
      select ${householdColumns}, ${a.incomePerCapitaMonthly} as income, lines.line,
        ${households.ethnicMinority} as "ethnicMinority", ${supported(from, to)} as supported,
        m.children, m.elderly, m.disabled, m.woman_headed
      from ${a} join ${households} on ${households.id} = ${a.householdId}
      left join ${linesTable} on lines.standard_id = ${a.standardId} and lines.area = ${a.area}
      cross join lateral (select
          (count(*) filter (where date_of_birth > ${from}::date - interval '16 years'))::int as children,
          (count(*) filter (where date_of_birth <= ${from}::date - interval '60 years'))::int as elderly,
          (count(*) filter (where disability))::int as disabled,
          coalesce(bool_or(relation = 'head' and sex = 'female'), false) as woman_headed
        from household_members where household_id = ${a.householdId} and left_at is null) m
      where ${listed(area)} and ${households.archivedAt} is null),
    scored as (
      select facts.*, (
        case category when 'poor' then ${points(rule.poor)} else ${points(rule.nearPoor)} end
        + "deprivationCount" * ${points(rule.deprivation)}
        + (case when line > 0 and income < line then floor((line - greatest(income, 0)) * 10 / line) else 0 end)::int * ${points(rule.incomeGapTenth)}
        + children * ${points(rule.child)} + elderly * ${points(rule.elderly)} + disabled * ${points(rule.disabled)}
        + (case when "ethnicMinority" then ${points(rule.ethnicMinority)} else 0 end)
        + (case when woman_headed then ${points(rule.womanHeaded)} else 0 end)
        + (case when supported then 0 else ${points(rule.noSupportThisYear)} end))::int as score
      from facts)
    select *, (rank() over (order by score desc))::int as rank, (count(*) over ())::int as total from scored
    order by score desc, "deprivationCount" desc, code ${page(limit, offset)}`);
  const items = rowsOf<
    Omit<PriorityRow, 'incomePerCapita' | 'povertyLine' | 'womanHeaded' | 'supportedThisYear'> & {
      income: string | number;
      line: string | number | null;
      woman_headed: boolean;
      supported: boolean;
      total: number;
    }
  >(rows);
  const total = items[0]?.total ?? (offset > 0 ? await countListed(db, area) : 0);
  return {
    total,
    items: items.map(({ income, line, woman_headed, supported: given, total: _, ...r }): PriorityRow => ({
      ...r,
      incomePerCapita: Number(income),
      povertyLine: line === null ? null : Number(line),
      womanHeaded: woman_headed,
      supportedThisYear: given,
    })),
  };
}

async function countListed(db: Executor, area: ViewArea) {
  const rows =
    await db.execute(sql`select count(*)::int as n from ${a} join ${households} on ${households.id} = ${a.householdId}
    where ${listed(area)} and ${households.archivedAt} is null`);
  return rowsOf<{ n: number }>(rows)[0]!.n;
}
