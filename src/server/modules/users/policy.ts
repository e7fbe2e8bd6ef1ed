import { scopeContains, type AreaScope } from '../../../domain/access';
import { hasRole, type Actor } from '../../platform/access';

/** Who may administer which accounts: administrators, within their own area, never wider. */
export const userPolicy = {
  list: (actor: Actor) => hasRole(actor, 'admin'),
  manage: (actor: Actor, target: AreaScope) => hasRole(actor, 'admin') && scopeContains(actor.scope, target),
  /** Administrators cannot lock themselves out. */
  changeOwnAccess: (actor: Actor, targetId: string) => actor.id !== targetId,
};

export function permissionsOf(actor: Actor) {
  const admin = hasRole(actor, 'admin');
  return { manageUsers: admin, manageOrganisations: admin, manageVillages: admin || hasRole(actor, 'officer'), viewAudit: admin };
}
