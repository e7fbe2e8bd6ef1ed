import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor } from '../access';
import type { Db } from '../db/database';
import { errors } from '../errors';
import { resolveSession, SESSION_COOKIE, type ActiveSession } from './sessions';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    session: ActiveSession | null;
  }
  interface FastifyContextConfig {
    /** Reachable without a session (login, health, docs, /api/public/*). */
    public?: boolean;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Every /api route needs a session unless it is declared public; every state-changing request
 * of a signed-in user must carry the session's CSRF token in X-CSRF-Token.
 */
export function registerAuthentication(app: FastifyInstance, db: Db, sessionHours: number): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('session', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const isPublic = request.routeOptions.config?.public === true || request.url.startsWith('/api/public/');
    const token = request.cookies[SESSION_COOKIE];
    const session = token ? await resolveSession(db, token, sessionHours) : null;
    if (session) {
      request.session = session;
      request.actor = { ...session.actor, ip: request.ip, requestId: request.id };
    }
    if (isPublic) return;
    if (!session) throw errors.unauthenticated();
    if (!SAFE_METHODS.has(request.method) && request.headers['x-csrf-token'] !== session.csrfToken) {
      throw errors.csrf();
    }
  });
}

/** The signed-in actor of a route that is not public (the hook guarantees one). */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw errors.unauthenticated();
  return request.actor;
}
