import { and, eq, gt, isNull, ne, sql } from 'drizzle-orm';
import { createHash, randomBytes } from 'node:crypto';
import type { Executor } from '../db/database';
import { sessions } from './tables';

export const SESSION_COOKIE = 'chungtay_session';

const tokenId = (token: string) => createHash('sha256').update(token).digest('base64url');

export interface NewSession {
  token: string;
  csrfToken: string;
}

export async function createSession(
  tx: Executor,
  userId: string,
  hours: number,
  client: { ip?: string; userAgent?: string },
): Promise<NewSession> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await tx.insert(sessions).values({
    id: tokenId(token),
    userId,
    csrfToken,
    expiresAt: new Date(Date.now() + hours * 3_600_000),
    ip: client.ip ?? null,
    userAgent: client.userAgent?.slice(0, 300) ?? null,
  });
  return { token, csrfToken };
}

export interface LiveSession {
  id: string;
  userId: string;
  csrfToken: string;
}

/** The live session behind a cookie token: not revoked, not expired. Its expiry slides with use. */
export async function resolveSession(db: Executor, token: string, hours: number): Promise<LiveSession | null> {
  const id = tokenId(token);
  const [row] = await db
    .select({ userId: sessions.userId, csrfToken: sessions.csrfToken, lastSeenAt: sessions.lastSeenAt })
    .from(sessions)
    .where(and(eq(sessions.id, id), isNull(sessions.revokedAt), gt(sessions.expiresAt, sql`now()`)));
  if (!row) return null;
  // Written at most once a minute, to keep reads cheap.
  if (Date.now() - row.lastSeenAt.getTime() > 60_000) {
    await db
      .update(sessions)
      .set({ lastSeenAt: sql`now()`, expiresAt: new Date(Date.now() + hours * 3_600_000) })
      .where(eq(sessions.id, id));
  }
  return { id, userId: row.userId, csrfToken: row.csrfToken };
}

export async function revokeSession(tx: Executor, sessionId: string): Promise<void> {
  await tx
    .update(sessions)
    .set({ revokedAt: sql`now()` })
    .where(eq(sessions.id, sessionId));
}

/**
 * Revoke the live sessions of a user (scope or roles changed, disabled, password reset or
 * changed), except `keep` (the session that changed its own password stays signed in).
 */
export async function revokeUserSessions(tx: Executor, userId: string, keep?: string): Promise<void> {
  await tx
    .update(sessions)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), keep ? ne(sessions.id, keep) : undefined));
}
