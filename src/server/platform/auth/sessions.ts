import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { createHash, randomBytes } from 'node:crypto';
import { scopeFromCodes, type Role } from '../../../domain/access';
import { users } from '../../modules/users/tables';
import type { Actor } from '../access';
import type { Executor } from '../db/database';
import { sessions } from './tables';

export const SESSION_COOKIE = 'chungtay_session';

const tokenId = (token: string) => createHash('sha256').update(token).digest('base64url');

export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export async function createSession(
  tx: Executor,
  userId: string,
  hours: number,
  client: { ip?: string; userAgent?: string },
): Promise<NewSession> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + hours * 3_600_000);
  await tx.insert(sessions).values({
    id: tokenId(token),
    userId,
    csrfToken,
    expiresAt,
    ip: client.ip ?? null,
    userAgent: client.userAgent?.slice(0, 300) ?? null,
  });
  return { token, csrfToken, expiresAt };
}

export interface ActiveSession {
  id: string;
  csrfToken: string;
  actor: Actor;
}

/** The live session behind a cookie token: not revoked, not expired, its user not disabled. */
export async function resolveSession(db: Executor, token: string, hours: number): Promise<ActiveSession | null> {
  const id = tokenId(token);
  const [row] = await db
    .select({
      csrfToken: sessions.csrfToken,
      lastSeenAt: sessions.lastSeenAt,
      userId: users.id,
      username: users.username,
      fullName: users.fullName,
      roles: users.roles,
      provinceCode: users.provinceCode,
      communeCode: users.communeCode,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, id), isNull(sessions.revokedAt), gt(sessions.expiresAt, sql`now()`), isNull(users.disabledAt)));
  if (!row) return null;
  // Sliding expiry, written at most once a minute to keep reads cheap.
  if (Date.now() - row.lastSeenAt.getTime() > 60_000) {
    await db
      .update(sessions)
      .set({ lastSeenAt: sql`now()`, expiresAt: new Date(Date.now() + hours * 3_600_000) })
      .where(eq(sessions.id, id));
  }
  return {
    id,
    csrfToken: row.csrfToken,
    actor: {
      id: row.userId,
      username: row.username,
      fullName: row.fullName,
      roles: row.roles as Role[],
      scope: scopeFromCodes(row),
    },
  };
}

export async function revokeSession(tx: Executor, sessionId: string): Promise<void> {
  await tx.update(sessions).set({ revokedAt: sql`now()` }).where(eq(sessions.id, sessionId));
}

/** Revoke every live session of a user (scope or roles changed, disabled, password reset). */
export async function revokeUserSessions(tx: Executor, userId: string): Promise<void> {
  await tx
    .update(sessions)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
}
