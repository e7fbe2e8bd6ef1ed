import { ROLES, scopeFromCodes, type AreaScope, type Role } from '../../../domain/access';
import { foldAccents, vietnameseSortKey } from '../../../domain/text';
import type { Actor } from '../../platform/access';
import { recordAudit } from '../../platform/audit/audit';
import { decoyHash, generatePassword, hashPassword, verifyPassword } from '../../platform/auth/passwords';
import { revokeUserSessions } from '../../platform/auth/sessions';
import type { Db, Executor } from '../../platform/db/database';
import { changeRecord, type VersionedRecord } from '../../platform/changes';
import { errors, whenUniqueViolated } from '../../platform/errors';
import { requireCurrentUnit } from '../admin-units/service';
import { requireOrganisation } from '../organisations/service';
import { userPolicy, type AccountRights } from './policy';
import { presentUser, presentUsers } from './presenter';
import * as repo from './repo';
import type { UserAccessReq, UserCreateReq, UserListReq, UserUpdateReq, UserView } from './schemas';

const ENTITY = 'user';
const notFound = () => errors.notFound('người dùng', 'User');

function requireAdmin(actor: Actor) {
  if (!userPolicy.list(actor)) throw errors.forbidden();
}

/** A scope code (null = national) as an area scope, checked against the units in force. */
async function resolveScope(db: Executor, code: string | null): Promise<AreaScope> {
  if (code === null) return { level: 'national' };
  const unit = await requireCurrentUnit(db, code, 'scopeCode');
  return scopeFromCodes(unit.area);
}

function requireGrantable(actor: Actor, rights: AccountRights) {
  if (!userPolicy.grant(actor, rights)) {
    throw errors.forbidden(
      'Chỉ giao được địa bàn nằm trong địa bàn của bạn và vai trò bạn đang có.',
      'You can grant only a scope inside your own and roles you hold.',
    );
  }
}

function requireManageable(actor: Actor, row: repo.UserRow) {
  if (!userPolicy.manage(actor, { scope: scopeFromCodes(row), roles: row.roles as Role[] })) {
    throw errors.forbidden(
      'Tài khoản này có quyền ngang hoặc cao hơn bạn; cần quản trị cấp trên xử lý.',
      'This account has rights equal to or above yours; a higher-level administrator must act.',
    );
  }
}

const keys = (fullName: string, username: string) => ({
  sortKey: vietnameseSortKey(fullName),
  searchKey: foldAccents(`${fullName} ${username}`),
});

export async function listUsers(db: Db, actor: Actor, query: UserListReq) {
  requireAdmin(actor);
  const { items, total } = await repo.list(db, actor.scope, query);
  return { items: await presentUsers(db, items), total };
}

export async function getUser(db: Db, actor: Actor, id: string): Promise<UserView> {
  requireAdmin(actor);
  const row = await repo.findById(db, id, actor.scope);
  if (!row) throw notFound();
  return presentUser(db, row);
}

export async function createUser(db: Db, actor: Actor, input: UserCreateReq) {
  requireAdmin(actor);
  const scope = await resolveScope(db, input.scopeCode);
  requireGrantable(actor, { scope, roles: input.roles });
  if (input.organisationId) await requireOrganisation(db, actor, input.organisationId, 'organisationId');
  const initialPassword = input.password ?? generatePassword();
  const passwordHash = await hashPassword(initialPassword);
  const taken = () =>
    errors.conflict(
      'username_taken',
      `Tên đăng nhập "${input.username}" đã có người dùng.`,
      'Username already taken.',
      'username',
    );
  return db
    .transaction(async (tx) => {
      if (await repo.findByUsername(tx, input.username)) throw taken();
      const row = await repo.insert(tx, {
        username: input.username,
        fullName: input.fullName,
        organisationId: input.organisationId,
        provinceCode: scope.level === 'national' ? null : scope.provinceCode,
        communeCode: scope.level === 'commune' ? scope.communeCode : null,
        roles: input.roles,
        passwordHash,
        // A generated password is a one-time password: it must be replaced at first sign-in.
        mustChangePassword: input.password === undefined,
        ...keys(input.fullName, input.username),
      });
      const user = await presentUser(tx, row);
      await recordAudit(tx, actor, { action: 'user.create', entity: ENTITY, entityId: row.id, area: row, after: user });
      return { user, initialPassword: input.password ? undefined : initialPassword };
    })
    .catch(whenUniqueViolated('users_username', taken));
}

const USER_RECORD: VersionedRecord<repo.UserRow, Partial<repo.NewUserRow>, UserView> = {
  entity: ENTITY,
  notFound,
  findForUpdate: repo.findByIdForUpdate,
  update: repo.update,
  present: presentUser,
  areaOf: (row) => row,
};

/** Every administrative change to an account: within the caller's scope, versioned, audited. */
function changeUser(
  db: Db,
  actor: Actor,
  id: string,
  version: number,
  action: string,
  apply: (tx: Executor, row: repo.UserRow) => Promise<Partial<repo.NewUserRow>>,
  options: { revokeSessions?: boolean } = {},
): Promise<UserView> {
  requireAdmin(actor);
  return changeRecord(db, actor, USER_RECORD, {
    id,
    version,
    action,
    apply,
    check: (row) => requireManageable(actor, row),
    afterwards: options.revokeSessions ? (tx) => revokeUserSessions(tx, id) : undefined,
  });
}

export function updateUser(db: Db, actor: Actor, id: string, input: UserUpdateReq) {
  return changeUser(db, actor, id, input.version, 'user.update', async (tx, row) => {
    if (input.organisationId) await requireOrganisation(tx, actor, input.organisationId, 'organisationId');
    const fullName = input.fullName ?? row.fullName;
    return { fullName, organisationId: input.organisationId, ...keys(fullName, row.username) };
  });
}

/** Change scope and roles; the user's sessions end so the new rights apply at once. */
export function setUserAccess(db: Db, actor: Actor, id: string, input: UserAccessReq) {
  if (!userPolicy.changeOwnAccess(actor, id)) {
    throw errors.forbidden('Không thể tự thay đổi quyền của chính mình.', 'You cannot change your own access.');
  }
  return changeUser(
    db,
    actor,
    id,
    input.version,
    'user.access',
    async (tx) => {
      const scope = await resolveScope(tx, input.scopeCode);
      requireGrantable(actor, { scope, roles: input.roles });
      return {
        provinceCode: scope.level === 'national' ? null : scope.provinceCode,
        communeCode: scope.level === 'commune' ? scope.communeCode : null,
        roles: input.roles,
      };
    },
    { revokeSessions: true },
  );
}

export function disableUser(db: Db, actor: Actor, id: string, version: number) {
  if (!userPolicy.changeOwnAccess(actor, id)) {
    throw errors.forbidden('Không thể tự khóa tài khoản của chính mình.', 'You cannot disable your own account.');
  }
  return changeUser(db, actor, id, version, 'user.disable', async () => ({ disabledAt: new Date() }), {
    revokeSessions: true,
  });
}

export function enableUser(db: Db, actor: Actor, id: string, version: number) {
  return changeUser(db, actor, id, version, 'user.enable', async () => ({ disabledAt: null }));
}

/** A new temporary password, shown once; the user must change it at next sign-in. */
export async function resetPassword(db: Db, actor: Actor, id: string, version: number) {
  const temporaryPassword = generatePassword();
  const passwordHash = await hashPassword(temporaryPassword);
  await changeUser(
    db,
    actor,
    id,
    version,
    'user.password_reset',
    async () => ({ passwordHash, mustChangePassword: true }),
    { revokeSessions: true },
  );
  return { temporaryPassword };
}

/**
 * The signed-in user's own password change: needs the current one; ends their other sessions.
 * Returns false (and changes nothing) when the current password is wrong.
 */
export async function changeOwnPassword(
  db: Db,
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
  keepSessionId: string,
): Promise<boolean> {
  if (input.currentPassword === input.newPassword) {
    throw errors.invalid('newPassword', 'Mật khẩu mới phải khác mật khẩu cũ.', 'The new password must differ.');
  }
  const passwordHash = await hashPassword(input.newPassword);
  return db.transaction(async (tx) => {
    const row = await repo.findByIdForUpdate(tx, actor.id, { level: 'national' });
    if (!row || !(await verifyPassword(row.passwordHash, input.currentPassword))) return false;
    const updated = await repo.update(tx, row.id, row.version, { passwordHash, mustChangePassword: false });
    if (!updated) throw errors.staleVersion();
    await revokeUserSessions(tx, row.id, keepSessionId);
    await recordAudit(tx, actor, { action: 'user.password_change', entity: ENTITY, entityId: row.id, area: row });
    return true;
  });
}

/**
 * First start on an empty database: the system administrator `admin`, national scope, every
 * role. Returns the password when it was generated (to be printed once), else null.
 */
export async function ensureSystemAdministrator(db: Db, configuredPassword: string | undefined) {
  if ((await repo.countUsers(db)) > 0) return { created: false as const };
  const password = configuredPassword ?? generatePassword(16);
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const row = await repo.insert(tx, {
      username: 'admin',
      fullName: 'Quản trị hệ thống',
      roles: [...ROLES],
      passwordHash,
      mustChangePassword: configuredPassword === undefined,
      ...keys('Quản trị hệ thống', 'admin'),
    });
    await recordAudit(tx, null, {
      action: 'user.create',
      entity: ENTITY,
      entityId: row.id,
      area: row,
      after: { username: 'admin', roles: row.roles },
    });
  });
  return { created: true as const, generatedPassword: configuredPassword === undefined ? password : undefined };
}

/** The account behind a username and password, or null (same answer for unknown and wrong). */
export async function authenticate(db: Executor, username: string, password: string) {
  const row = await repo.findByUsername(db, username);
  const ok = await verifyPassword(row?.passwordHash ?? (await decoyHash()), password);
  if (!row || !ok || row.disabledAt) return null;
  return row;
}

export function markSignedIn(tx: Executor, userId: string) {
  return repo.touchLastLogin(tx, userId);
}

/** Who a session belongs to, as of now (roles and scope may have changed); null when disabled. */
export async function loadSessionActor(db: Executor, userId: string) {
  const row = await repo.findById(db, userId, { level: 'national' });
  if (!row || row.disabledAt) return null;
  return {
    actor: {
      id: row.id,
      username: row.username,
      fullName: row.fullName,
      roles: row.roles as Role[],
      scope: scopeFromCodes(row),
    },
    mustChangePassword: row.mustChangePassword,
  };
}

/** The signed-in user's own account, as the API shows it. */
export async function getOwnProfile(db: Executor, actor: Actor): Promise<UserView> {
  const row = await repo.findById(db, actor.id, { level: 'national' });
  if (!row) throw errors.unauthenticated();
  return presentUser(db, row);
}
