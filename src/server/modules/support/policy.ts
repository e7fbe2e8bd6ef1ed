import { scopeCovers, type Area } from '../../../domain/access';
import { hasRole, type Actor } from '../../platform/access';

/** Officers record what households receive in their area; everyone in the area may read it. */
export const supportPolicy = {
  manage: (actor: Actor, area: Area) => hasRole(actor, 'officer', 'admin') && scopeCovers(actor.scope, area),
  /** The note and the proof of handing over may name an illness or a family's hardship. */
  seeDetails: (actor: Actor) => hasRole(actor, 'officer', 'approver', 'fund_accountant', 'admin'),
};
