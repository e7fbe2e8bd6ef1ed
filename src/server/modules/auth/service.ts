import { codesOfScope, scopeFromCodes, type Role } from '../../../domain/access';
import type { Actor } from '../../platform/access';
import { recordAudit } from '../../platform/audit/audit';
import { createSession, revokeSession } from '../../platform/auth/sessions';
import type { LoginThrottle } from '../../platform/auth/throttle';
import type { Db } from '../../platform/db/database';
import { errors } from '../../platform/errors';
import { permissionsOf } from '../users/policy';
import { authenticate, changeOwnPassword, getOwnProfile, markSignedIn } from '../users/service';

interface Client {
  ip: string;
  userAgent?: string;
  requestId: string;
}

/** Sign in: throttled per username and address; unknown user and wrong password look alike. */
export async function login(
  db: Db,
  throttle: LoginThrottle,
  sessionHours: number,
  credentials: { username: string; password: string },
  client: Client,
) {
  const wait = throttle.retryAfter(credentials.username, client.ip);
  if (wait > 0) throw errors.tooManyRequests(wait);
  // Counted before the (slow) password check, so parallel guesses are all counted.
  throttle.recordFailure(credentials.username, client.ip);
  const row = await authenticate(db, credentials.username, credentials.password);
  if (!row) throw errors.badCredentials();
  throttle.recordSuccess(credentials.username, client.ip);
  const actor: Actor = {
    id: row.id,
    username: row.username,
    fullName: row.fullName,
    roles: row.roles as Role[],
    scope: scopeFromCodes(row),
    ip: client.ip,
    requestId: client.requestId,
  };
  const session = await db.transaction(async (tx) => {
    const created = await createSession(tx, row.id, sessionHours, client);
    await markSignedIn(tx, row.id);
    await recordAudit(tx, actor, { action: 'auth.login', entity: 'user', entityId: row.id, area: row });
    return created;
  });
  return { session, body: await sessionBody(db, actor, session.csrfToken) };
}

export async function logout(db: Db, actor: Actor, sessionId: string) {
  await db.transaction(async (tx) => {
    await revokeSession(tx, sessionId);
    await recordAudit(tx, actor, {
      action: 'auth.logout',
      entity: 'user',
      entityId: actor.id,
      area: codesOfScope(actor.scope),
    });
  });
}

export async function sessionBody(db: Db, actor: Actor, csrfToken: string) {
  const user = await getOwnProfile(db, actor);
  return { user: { ...user, permissions: permissionsOf(actor) }, csrfToken };
}

/** Change the own password; wrong current passwords count as failed sign-ins. */
export async function changePassword(
  db: Db,
  throttle: LoginThrottle,
  actor: Actor,
  sessionId: string,
  input: { currentPassword: string; newPassword: string },
) {
  const wait = throttle.retryAfter(actor.username, actor.ip ?? '');
  if (wait > 0) throw errors.tooManyRequests(wait);
  if (!(await changeOwnPassword(db, actor, input, sessionId))) {
    throttle.recordFailure(actor.username, actor.ip ?? '');
    throw errors.invalid('currentPassword', 'Mật khẩu hiện tại không đúng.', 'The current password is wrong.');
  }
}
