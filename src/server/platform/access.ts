import { and, eq, isNull, or, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { scopeCovers, type Area, type AreaScope, type Role } from '../../domain/access';
import { errors } from './errors';

/** The signed-in user on whose behalf a request runs. */
export interface Actor {
  id: string;
  username: string;
  fullName: string;
  roles: Role[];
  scope: AreaScope;
  ip?: string;
  requestId?: string;
}

interface AreaColumns {
  province: PgColumn;
  commune: PgColumn;
}

/** The SQL predicate limiting a query to rows inside the actor's scope; every list uses it. */
export function insideScope(scope: AreaScope, cols: AreaColumns): SQL | undefined {
  switch (scope.level) {
    case 'national':
      return undefined;
    case 'province':
      return eq(cols.province, scope.provinceCode);
    case 'commune':
      return and(eq(cols.province, scope.provinceCode), eq(cols.commune, scope.communeCode));
  }
}

/** Rows inside the scope or at a level above it (a commune user sees its province's Front committee). */
export function insideOrAboveScope(scope: AreaScope, cols: AreaColumns): SQL | undefined {
  switch (scope.level) {
    case 'national':
      return undefined;
    case 'province':
      return or(isNull(cols.province), eq(cols.province, scope.provinceCode));
    case 'commune':
      return or(
        isNull(cols.province),
        and(eq(cols.province, scope.provinceCode), or(isNull(cols.commune), eq(cols.commune, scope.communeCode))),
      );
  }
}

/**
 * A list's filter by administrative unit (a query's `unit`): a province code keeps the province's
 * own rows and all its communes', a commune code that commune's. Applied beside the scope predicate.
 */
export function inUnit(unit: string | undefined, cols: AreaColumns): SQL | undefined {
  if (!unit) return undefined;
  return unit.length === 2 ? eq(cols.province, unit) : eq(cols.commune, unit);
}

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return roles.some((r) => actor.roles.includes(r));
}

export function requireRole(actor: Actor, ...roles: Role[]): void {
  if (!hasRole(actor, ...roles)) throw errors.forbidden();
}

export function requireInScope(actor: Actor, area: Area): void {
  if (!scopeCovers(actor.scope, area)) throw errors.outOfScope();
}
