import { scopeCovers, type Area } from '../../../domain/access';
import { hasRole, type Actor } from '../../platform/access';

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
