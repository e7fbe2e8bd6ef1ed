import { scopeFromCodes, type Role } from '../../../domain/access';
import type { Executor } from '../../platform/db/database';
import { unitNames } from '../admin-units/service';
import { organisationNames } from '../organisations/service';
import type { UserRow } from './repo';
import type { UserView } from './schemas';

/** Users as the API shows them: never the password hash; scope and organisation named. */
export async function presentUsers(db: Executor, rows: UserRow[]): Promise<UserView[]> {
  const [units, orgs] = await Promise.all([
    unitNames(
      db,
      rows.flatMap((r) => [r.provinceCode, r.communeCode]),
    ),
    organisationNames(
      db,
      rows.map((r) => r.organisationId),
    ),
  ]);
  return rows.map((r) => {
    const scope = scopeFromCodes(r);
    const scopeName =
      scope.level === 'national'
        ? 'Toàn quốc'
        : scope.level === 'province'
          ? (units.get(scope.provinceCode) ?? scope.provinceCode)
          : `${units.get(scope.communeCode) ?? scope.communeCode}, ${units.get(scope.provinceCode) ?? scope.provinceCode}`;
    return {
      id: r.id,
      username: r.username,
      fullName: r.fullName,
      organisation: r.organisationId ? { id: r.organisationId, name: orgs.get(r.organisationId) ?? '' } : null,
      scope: { level: scope.level, provinceCode: r.provinceCode, communeCode: r.communeCode, name: scopeName },
      roles: r.roles as Role[],
      disabled: r.disabledAt !== null,
      mustChangePassword: r.mustChangePassword,
      lastLoginAt: r.lastLoginAt?.toISOString() ?? null,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
      version: r.version,
    };
  });
}

export async function presentUser(db: Executor, row: UserRow): Promise<UserView> {
  const [view] = await presentUsers(db, [row]);
  return view!;
}
