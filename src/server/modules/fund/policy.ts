import { scopeCovers, type Area } from '../../../domain/access';
import { hasRole, requireInScope, type Actor } from '../../platform/access';
import { errors } from '../../platform/errors';

/** The area a fund (or a row kept with it: a donor, a campaign) belongs to. */
export const fundArea = (row: { provinceCode: string; communeCode: string | null }) => ({
  provinceCode: row.provinceCode,
  communeCode: row.communeCode,
});

/**
 * The Front's officers and fund accountants post on the funds of their own area (a commune's on
 * the commune's fund, the province's on every fund of the province); administrators create funds
 * and check the ledger; everyone in the area reads.
 */
export const fundPolicy = {
  post: (actor: Actor, area: Area) => hasRole(actor, 'officer', 'fund_accountant') && scopeCovers(actor.scope, area),
  create: (actor: Actor, area: Area) => hasRole(actor, 'admin') && scopeCovers(actor.scope, area),
  verify: (actor: Actor) => hasRole(actor, 'admin'),
};

export const fundNotFound = () => errors.notFound('quỹ', 'Fund');

/** What a user may read of a fund is posted on (or edited) only inside their own area, by a role that keeps the fund. */
export function requirePostingOn(actor: Actor, fund: { provinceCode: string; communeCode: string | null }): void {
  requireInScope(actor, fundArea(fund));
  if (!fundPolicy.post(actor, fundArea(fund))) throw errors.forbidden();
}
