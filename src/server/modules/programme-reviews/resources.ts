import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Executor } from '../../platform/db/database';
import type { ResourceFiguresView } from './schemas';

/** The area a programme covers: its province, or one commune of it. */
export interface ProgrammeArea {
  provinceCode: string;
  communeCode: string | null;
}

const inArea = (alias: string, area: ProgrammeArea): SQL =>
  area.communeCode
    ? sql`${sql.raw(alias)}.province_code = ${area.provinceCode} and ${sql.raw(alias)}.commune_code = ${area.communeCode}`
    : sql`${sql.raw(alias)}.province_code = ${area.provinceCode}`;

/**
 * The resources mobilised in a programme's area over a period, for its review report (issue 6,
 * point 6): read-only sums over the fund, support and models modules' records, one query.
 *
 * - Fund: receipts (donations) and spending of every fund of the area (the province's and its
 *   communes' for a provincial programme), by posting date; a reversal counts on its own date, so
 *   a cancelled receipt nets to zero. Allocations between funds are neither.
 * - Houses approved in the period, by the stage reached at the period's end; houses handed over
 *   in the period (whenever approved).
 * - Models running at some time in the period, and the households that had joined them by its end.
 */
export async function resourceFigures(
  db: Executor,
  area: ProgrammeArea,
  from: string,
  to: string,
): Promise<ResourceFiguresView> {
  const [row] = rowsOf<Record<keyof ResourceFiguresView | 'approved' | 'building' | 'completed' | 'handed', string>>(
    await db.execute(sql`
      with fund as (
        select coalesce(-sum(l.amount) filter (where l.account = 'donations'), 0)::bigint as receipts,
               coalesce(sum(l.amount) filter (where l.account = 'spending'), 0)::bigint as spent
        from fund_posting_lines l join fund_postings p on p.id = l.posting_id
        where ${inArea('p', area)} and p.date between ${from}::date and ${to}::date
      ),
      approved_houses as (
        select h.* from houses h
        where ${inArea('h', area)} and h.approved_on between ${from}::date and ${to}::date
      ),
      model as (
        select m.id from poverty_models m
        where ${inArea('m', area)} and m.starts_on <= ${to}::date and (m.ends_on is null or m.ends_on >= ${from}::date)
      )
      select
        (select receipts from fund) as "fundReceipts",
        (select spent from fund) as "fundSpent",
        (select count(*) from approved_houses) as "housesApproved",
        (select count(*) from approved_houses where started_on is null or started_on > ${to}::date) as approved,
        (select count(*) from approved_houses where started_on <= ${to}::date
           and (completed_on is null or completed_on > ${to}::date)) as building,
        (select count(*) from approved_houses where completed_on <= ${to}::date
           and (handed_over_on is null or handed_over_on > ${to}::date)) as completed,
        (select count(*) from approved_houses where handed_over_on <= ${to}::date) as handed,
        (select count(*) from houses h where ${inArea('h', area)}
           and h.handed_over_on between ${from}::date and ${to}::date) as "housesHandedOver",
        (select count(*) from model) as models,
        (select count(distinct pp.household_id) from poverty_model_participants pp
           where pp.model_id in (select id from model) and pp.joined_on <= ${to}::date) as "modelHouseholds"`),
  );
  const n = (v: string | undefined) => Number(v ?? 0);
  return {
    fundReceipts: n(row?.fundReceipts),
    fundSpent: n(row?.fundSpent),
    housesApproved: n(row?.housesApproved),
    housesByStage: {
      approved: n(row?.approved),
      under_construction: n(row?.building),
      completed: n(row?.completed),
      handed_over: n(row?.handed),
    },
    housesHandedOver: n(row?.housesHandedOver),
    models: n(row?.models),
    modelHouseholds: n(row?.modelHouseholds),
  };
}
