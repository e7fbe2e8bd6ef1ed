import { scopeCovers, type Area } from '../../../domain/access';
import { hasRole, type Actor } from '../../platform/access';

/** Administrators manage the organisations placed inside their own area. */
export const organisationPolicy = {
  manage: (actor: Actor, area: Area) => hasRole(actor, 'admin') && scopeCovers(actor.scope, area),
};
