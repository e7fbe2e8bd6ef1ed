import { scopeCovers, scopeFromCodes, type Area } from '../../domain/access';
import type { TFunction } from '../i18n';
import type { UserScope } from '../features/users/api';

/** The name of a user's scope; the national level in the interface language. */
export function scopeName(t: TFunction, scope: UserScope): string {
  return scope.level === 'national' ? t('area.national') : scope.name;
}

/** Does the user's scope include this area? (Decides which rows get edit buttons; the server decides.) */
export function scopeIncludes(scope: UserScope, area: Area): boolean {
  return scopeCovers(scopeFromCodes({ provinceCode: scope.provinceCode, communeCode: scope.communeCode }), area);
}
