import { scopeCovers, type Area } from '../../../domain/access';
import { hasRole, type Actor } from '../../platform/access';

/** Officers (and administrators) of a unit launch its movements and record its commendations. */
export const emulationPolicy = {
  manage: (actor: Actor, area: Area) => hasRole(actor, 'officer', 'admin') && scopeCovers(actor.scope, area),
};
