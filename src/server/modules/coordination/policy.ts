import { scopeCovers, type Area } from '../../../domain/access';
import { hasRole, type Actor } from '../../platform/access';

/**
 * A programme, its plans and tasks are kept by officers (and administrators) of the unit that
 * signed it; everyone below that unit sees them (a commune reads its province's programmes).
 */
export const coordinationPolicy = {
  manage: (actor: Actor, area: Area) => hasRole(actor, 'officer', 'admin') && scopeCovers(actor.scope, area),
};
