import { useT, type MessageKey } from '../../i18n';

/** Entities and actions the server records today; others show their code until named here. */
export const AUDIT_ENTITIES = [
  'user',
  'organisation',
  'village',
  'poverty_standard',
  'household',
  'household_import',
  'support',
  'house',
  'attachment',
] as const;
export const AUDIT_ACTIONS = [
  'auth.login',
  'auth.logout',
  'user.create',
  'user.update',
  'user.access',
  'user.disable',
  'user.enable',
  'user.password_reset',
  'user.password_change',
  'organisation.create',
  'organisation.update',
  'organisation.archive',
  'village.create',
  'village.update',
  'village.archive',
  'poverty_standard.load',
  'household.create',
  'household.create_by_split',
  'household.update',
  'household.dwelling',
  'household.move',
  'household.archive',
  'household.member_add',
  'household.member_update',
  'household.member_leave',
  'household.head_change',
  'household.split',
  'household.merge',
  'household.merged_into',
  'household.assess',
  'household.reassess',
  'household.import',
  'household.import_create',
  'household.import_update',
  'support.record',
  'support.cancel',
  'house.approve',
  'house.advance',
  'attachment.add',
  'attachment.remove',
] as const;

const ENTITY_SET = new Set<string>(AUDIT_ENTITIES);
const ACTION_SET = new Set<string>(AUDIT_ACTIONS);

export function useAuditLabels() {
  const t = useT();
  return {
    entity: (code: string) => (ENTITY_SET.has(code) ? t(`auditEntities.${code}` as MessageKey) : code),
    action: (code: string) => (ACTION_SET.has(code) ? t(`auditActions.${code.replace('.', '_')}` as MessageKey) : code),
  };
}
