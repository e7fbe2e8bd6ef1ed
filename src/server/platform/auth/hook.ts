import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor } from '../access';
import type { Db, Executor } from '../db/database';
import { errors, AppError } from '../errors';
import { resolveSession, SESSION_COOKIE, type LiveSession } from './sessions';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    session: LiveSession | null;
  }
  interface FastifyContextConfig {
    /** Reachable without a session (login, health, docs, /api/public/*). */
    public?: boolean;
  }
}

/** Who a session's user is now; null when the account is disabled or gone. */
export type ActorLoader = (
  db: Executor,
  userId: string,
) => Promise<{ actor: Omit<Actor, 'ip' | 'requestId'>; mustChangePassword: boolean } | null>;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** What a user with a one-time password may do before choosing their own. */
const BEFORE_PASSWORD_CHANGE = new Set(['GET /api/auth/me', 'POST /api/auth/password', 'POST /api/auth/logout']);

const passwordChangeRequired = () =>
  new AppError(
    403,
    'password_change_required',
    'Bạn cần đổi mật khẩu tạm trước khi tiếp tục.',
    'Change your one-time password before going on.',
  );

/**
 * Every /api route needs a session unless it is declared public; every state-changing request
 * of a signed-in user must carry the session's CSRF token in X-CSRF-Token. Decided on the
 * matched route's pattern (the router decodes the path; the raw URL may be percent-encoded).
 */
export function registerAuthentication(app: FastifyInstance, db: Db, sessionHours: number, loadActor: ActorLoader) {
  app.decorateRequest('actor', null);
  app.decorateRequest('session', null);
  app.addHook('onRequest', async (request) => {
    const route = request.routeOptions.url;
    if (!route?.startsWith('/api/')) return;
    const isPublic = request.routeOptions.config?.public === true || route.startsWith('/api/public/');
    const token = request.cookies[SESSION_COOKIE];
    const session = token ? await resolveSession(db, token, sessionHours) : null;
    const user = session ? await loadActor(db, session.userId) : null;
    if (session && user) {
      request.session = session;
      request.actor = { ...user.actor, ip: request.ip, requestId: request.id };
    }
    if (isPublic) return;
    if (!request.actor || !session) throw errors.unauthenticated();
    if (!SAFE_METHODS.has(request.method) && request.headers['x-csrf-token'] !== session.csrfToken) {
      throw errors.csrf();
    }
    if (user?.mustChangePassword && !BEFORE_PASSWORD_CHANGE.has(`${request.method} ${route}`)) {
      throw passwordChangeRequired();
    }
  });
}

/** The signed-in actor of a route that is not public (the hook guarantees one). */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw errors.unauthenticated();
  return request.actor;
}
