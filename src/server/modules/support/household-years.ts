/**
 * The household page's year-by-year table: the household's category of each year's list beside
 * everything it received that year, from every source — its support records (a Fund-paid one is
 * the same record as the fund's expenditure, counted once), the houses it was building, the models
 * it joined — with totals per year and per source (domain/support/years.ts).
 */
import { todayInVietnam } from '../../../domain/calendar';
import { supportByYear, type SupportKind } from '../../../domain/support';
import type { Actor } from '../../platform/access';
import type { Db } from '../../platform/db/database';
import { statusHistories } from '../assessments/service';
import { getHousehold } from '../households/service';
import { householdModels } from '../models/service';
import { datesOf } from './houses';
import * as repo from './repo';

export async function householdSupportYears(db: Db, actor: Actor, householdId: string) {
  await getHousehold(db, actor, householdId);
  const [statuses, supports, houses, models] = await Promise.all([
    statusHistories(db, [householdId]),
    repo.inForceInScope(db, householdId, actor.scope),
    repo.housesOf(db, householdId, actor.scope),
    householdModels(db, actor, householdId),
  ]);
  return supportByYear(
    {
      statuses: statuses.get(householdId) ?? [],
      supports: supports.map((s) => ({
        kind: s.kind as SupportKind,
        sourceCode: s.sourceCode,
        value: s.value,
        date: s.date,
        distributed: s.distributionId !== null,
        loanOutstanding: s.loanOutstanding,
      })),
      houses: houses.map((h) => ({
        id: h.id,
        kind: h.kind as 'build' | 'repair',
        decisionNumber: h.decisionNumber,
        dates: datesOf(h),
        totalCost: h.funding.reduce((sum, f) => sum + f.amount, 0),
      })),
      models: models.map((m) => ({ id: m.id, name: m.name, joinedOn: m.joinedOn })),
    },
    Number(todayInVietnam().slice(0, 4)),
  );
}
