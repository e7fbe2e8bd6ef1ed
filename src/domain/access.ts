/**
 * Roles and area scopes, shared by the server (which enforces them) and the browser (which
 * uses them only to decide what to show).
 */
export const ROLES = ['viewer', 'officer', 'approver', 'fund_accountant', 'admin', 'reviewer'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, { vi: string; en: string }> = {
  viewer: { vi: 'Xem', en: 'Viewer' },
  officer: { vi: 'Cán bộ nghiệp vụ', en: 'Officer' },
  approver: { vi: 'Phê duyệt', en: 'Approver' },
  fund_accountant: { vi: 'Kế toán quỹ', en: 'Fund accountant' },
  admin: { vi: 'Quản trị', en: 'Administrator' },
  reviewer: { vi: 'Điều tra viên rà soát', en: 'Reviewer' },
};

/** Where a user works: the whole country, one province, or one commune of a province. */
export type AreaScope =
  | { level: 'national' }
  | { level: 'province'; provinceCode: string }
  | { level: 'commune'; provinceCode: string; communeCode: string };

/** Where a record lies: NULL codes mean national (or province-level when only the commune is NULL). */
export interface Area {
  provinceCode: string | null;
  communeCode: string | null;
}

export function scopeFromCodes(area: Area): AreaScope {
  if (!area.provinceCode) return { level: 'national' };
  if (!area.communeCode) return { level: 'province', provinceCode: area.provinceCode };
  return { level: 'commune', provinceCode: area.provinceCode, communeCode: area.communeCode };
}

export function codesOfScope(scope: AreaScope): Area {
  return {
    provinceCode: scope.level === 'national' ? null : scope.provinceCode,
    communeCode: scope.level === 'commune' ? scope.communeCode : null,
  };
}

/** Does the scope include the record's area (the record lies inside it)? */
export function scopeCovers(scope: AreaScope, area: Area): boolean {
  switch (scope.level) {
    case 'national':
      return true;
    case 'province':
      return area.provinceCode === scope.provinceCode;
    case 'commune':
      return area.provinceCode === scope.provinceCode && area.communeCode === scope.communeCode;
  }
}

/** Is scope `inner` contained in scope `outer`? (An admin grants no wider scope than their own.) */
export function scopeContains(outer: AreaScope, inner: AreaScope): boolean {
  return scopeCovers(outer, codesOfScope(inner)) && rank(inner) >= rank(outer);
}

function rank(scope: AreaScope): number {
  return scope.level === 'national' ? 0 : scope.level === 'province' ? 1 : 2;
}
