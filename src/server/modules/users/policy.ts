import { scopeContains, type AreaScope, type Role } from '../../../domain/access';
import { hasRole, type Actor } from '../../platform/access';

/** An account as far as administration rights go: where it works and what it may do. */
export interface AccountRights {
  scope: AreaScope;
  roles: readonly Role[];
}

const holdsAll = (actor: Actor, roles: readonly Role[]) => roles.every((r) => actor.roles.includes(r));

/**
 * Who may administer which accounts. An administrator grants only a scope inside their own and
 * only roles they hold themselves, and manages only accounts that satisfy the same; another
 * administrator of the same area is a peer, managed only from a wider area (or nationally).
 */
export const userPolicy = {
  list: (actor: Actor) => hasRole(actor, 'admin'),
  grant: (actor: Actor, rights: AccountRights) =>
    hasRole(actor, 'admin') && scopeContains(actor.scope, rights.scope) && holdsAll(actor, rights.roles),
  manage: (actor: Actor, target: AccountRights) =>
    userPolicy.grant(actor, target) &&
    (!target.roles.includes('admin') || actor.scope.level === 'national' || target.scope.level !== actor.scope.level),
  /** Administrators cannot change their own access or lock themselves out. */
  changeOwnAccess: (actor: Actor, targetId: string) => actor.id !== targetId,
};

export function permissionsOf(actor: Actor) {
  const admin = hasRole(actor, 'admin');
  return {
    manageUsers: admin,
    manageOrganisations: admin,
    manageVillages: admin || hasRole(actor, 'officer'),
    viewAudit: admin,
  };
}
