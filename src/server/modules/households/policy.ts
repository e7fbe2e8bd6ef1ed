import { scopeCovers, type Area } from '../../../domain/access';
import { hasRole, type Actor } from '../../platform/access';

/** Commune and provincial officers keep the registry; everyone in the area may read it. */
export const householdPolicy = {
  manage: (actor: Actor, area: Area) => hasRole(actor, 'officer', 'admin') && scopeCovers(actor.scope, area),
  /**
   * Personal data (citizen IDs in full, health, income, the surveyor's reasons) only for those who
   * work with it; others see it masked (maskPersonal).
   */
  seeCitizenIds: (actor: Actor) => hasRole(actor, 'officer', 'approver', 'admin'),
};

/** Facts about health and income, and free text that may hold them: hidden from viewers. */
const HIDDEN = new Set(['disability', 'stunted', 'underweight', 'incomePerCapitaMonthly', 'incomeScore', 'note']);

/**
 * A household view or a history document as a viewer may see it: citizen IDs down to their last
 * four digits, health and income facts null, the surveyor's written reasons blank.
 */
export function maskPersonal(value: unknown, key = ''): unknown {
  if (typeof value === 'string') return /^\d{12}$/u.test(value) ? `********${value.slice(-4)}` : value;
  if (Array.isArray(value)) return key === 'reasons' ? [] : value.map((v) => maskPersonal(v, key));
  if (value === null || typeof value !== 'object') return value;
  // An override's written reason may name an illness.
  const override = key === 'override' || key === 'overrides';
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [
      k,
      HIDDEN.has(k) ? null : override && k === 'reason' ? '' : maskPersonal(v, k),
    ]),
  );
}
