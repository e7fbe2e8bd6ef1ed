import type { Area } from '../../../domain/access';
import type { Executor } from '../../platform/db/database';
import { errors } from '../../platform/errors';
import { presentUnit } from './presenter';
import * as repo from './repo';
import type { UnitListFilter } from './repo';

const dayBefore = (isoDate: string) =>
  new Date(Date.parse(`${isoDate}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

export async function listAdminUnits(db: Executor, filter: UnitListFilter) {
  const { items, total } = await repo.listUnits(db, filter);
  return { items: items.map(presentUnit), total };
}

/**
 * One unit with its path from the province down and its succession. Without a date, the unit
 * in force today, else its last version (a closed unit answers with its successors).
 */
export async function getAdminUnit(db: Executor, code: string, date: string | null) {
  const row = date ? await repo.findVersion(db, code, date) : await repo.findLatestVersion(db, code);
  if (!row) throw errors.notFound(`đơn vị hành chính mã ${code}`, `Administrative unit ${code}`);
  // The path is read as it stood on the unit's last day in force.
  const asOf = row.validTo ? dayBefore(row.validTo) : null;
  const path = [presentUnit(row)];
  for (let parent = row.parentCode; parent;) {
    const up = await repo.findVersion(db, parent, asOf);
    if (!up) break;
    path.unshift(presentUnit(up));
    parent = up.parentCode;
  }
  const link = (l: { unit: repo.AdminUnitRow; kind: string; confirmed: boolean }) => ({
    ...presentUnit(l.unit),
    kind: l.kind as 'full' | 'partial',
    confirmed: l.confirmed,
  });
  const [successors, predecessors] = await Promise.all([
    repo.listSuccessors(db, row.id),
    repo.listPredecessors(db, row.id),
  ]);
  return {
    ...presentUnit(row),
    status: row.validTo ? ('closed' as const) : ('current' as const),
    path,
    successors: successors.map(link),
    predecessors: predecessors.map(link),
  };
}

export interface CurrentUnit {
  code: string;
  level: 'province' | 'commune';
  name: string;
  fullName: string;
  area: Area;
}

/** A unit in force today at which users, villages and organisations can be placed. */
export async function findCurrentUnit(db: Executor, code: string): Promise<CurrentUnit | null> {
  const row = await repo.findVersion(db, code, null);
  if (!row || (row.level !== 'province' && row.level !== 'commune')) return null;
  return {
    code: row.code,
    level: row.level,
    name: row.name,
    fullName: row.fullName,
    area:
      row.level === 'province'
        ? { provinceCode: row.code, communeCode: null }
        : { provinceCode: row.parentCode, communeCode: row.code },
  };
}

/** Like findCurrentUnit, but a 400 naming the field when the code is not a unit in force. */
export async function requireCurrentUnit(db: Executor, code: string, field: string, level?: 'province' | 'commune') {
  const unit = await findCurrentUnit(db, code);
  if (!unit || (level && unit.level !== level)) {
    const what = level === 'commune' ? 'xã/phường' : level === 'province' ? 'tỉnh/thành phố' : 'đơn vị hành chính';
    throw errors.invalid(
      field,
      `Mã ${code} không phải ${what} đang có hiệu lực.`,
      `${code} is not a ${level ?? 'unit'} in force.`,
    );
  }
  return unit;
}

/** Full names of units in force, by code (for presenting scopes and places). */
export async function unitNames(db: Executor, codes: Iterable<string | null>): Promise<Map<string, string>> {
  const wanted = [...new Set([...codes].filter((c): c is string => !!c))];
  const rows = await repo.currentNames(db, wanted);
  return new Map(rows.map((r) => [r.code, r.name]));
}
