import { scopeCovers, type Area } from '../../../domain/access';
import { hasRole, type Actor } from '../../platform/access';

/** Commune and provincial officers keep the registry; everyone in the area may read it. */
export const householdPolicy = {
  manage: (actor: Actor, area: Area) => hasRole(actor, 'officer', 'admin') && scopeCovers(actor.scope, area),
  /** Citizen IDs in full only for those who work with them; others see the last four digits. */
  seeCitizenIds: (actor: Actor) => hasRole(actor, 'officer', 'approver', 'admin'),
};
