import { scopeCovers, type Area } from '../../../domain/access';
import { hasRole, type Actor } from '../../platform/access';

/**
 * Commune (and provincial) officers run a round; approvers decide and reopen it (the chairman's
 * decision); reviewers (điều tra viên) survey the households of the villages they are assigned to.
 */
export const reviewPolicy = {
  read: (actor: Actor, area: Area) => scopeCovers(actor.scope, area),
  run: (actor: Actor, area: Area) => hasRole(actor, 'officer', 'admin') && scopeCovers(actor.scope, area),
  decide: (actor: Actor, area: Area) => hasRole(actor, 'approver', 'admin') && scopeCovers(actor.scope, area),
  /** Sees every case of the round (officers, approvers); a reviewer sees their villages' only. */
  seeAllCases: (actor: Actor, area: Area) =>
    hasRole(actor, 'officer', 'approver', 'admin') && scopeCovers(actor.scope, area),
  survey: (actor: Actor, area: Area, assignedVillages: readonly string[], villageId: string) =>
    reviewPolicy.run(actor, area) ||
    (hasRole(actor, 'reviewer') && scopeCovers(actor.scope, area) && assignedVillages.includes(villageId)),
};
