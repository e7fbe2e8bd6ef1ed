import { scopeCovers, type Area } from '../../../domain/access';
import { hasRole, type Actor } from '../../platform/access';

/** Officers (and administrators) of the model's commune or above keep it; everyone in the area reads it. */
export const modelPolicy = {
  manage: (actor: Actor, area: Area) => hasRole(actor, 'officer', 'admin') && scopeCovers(actor.scope, area),
};
