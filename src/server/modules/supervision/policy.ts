import { scopeCovers, type Area } from '../../../domain/access';
import { hasRole, type Actor } from '../../platform/access';

/**
 * The supervising unit's officers plan and run supervisions and follow their recommendations up;
 * the addressee's officers record the answer.
 */
export const supervisionPolicy = {
  manage: (actor: Actor, area: Area) => hasRole(actor, 'officer', 'admin') && scopeCovers(actor.scope, area),
  answer: (actor: Actor, area: Area, isAddressee: boolean) =>
    hasRole(actor, 'officer', 'admin') && (isAddressee || scopeCovers(actor.scope, area)),
};
