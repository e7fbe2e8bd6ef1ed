import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/auth/hook';
import { SESSION_COOKIE } from '../../platform/auth/sessions';
import type { LoginThrottle } from '../../platform/auth/throttle';
import type { Db } from '../../platform/db/database';
import { errors } from '../../platform/errors';
import { LoginSchema, PasswordChangeSchema, SessionSchema } from './schemas';
import { changePassword, login, logout, sessionBody } from './service';

interface Options {
  db: Db;
  sessionHours: number;
  throttle: LoginThrottle;
}

export const authRoutes: FastifyPluginAsyncZod<Options> = async (app, { db, sessionHours, throttle }) => {
  app.post(
    '/api/auth/login',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: 'Đăng nhập / sign in',
        security: [],
        body: LoginSchema,
        response: { 200: SessionSchema },
      },
    },
    async (request, reply) => {
      const { session, body } = await login(db, throttle, sessionHours, request.body, {
        ip: request.ip,
        userAgent: request.headers['user-agent'],
        requestId: request.id,
      });
      // No cookie expiry: the server decides (sliding, revocable); the cookie ends with the browser.
      reply.setCookie(SESSION_COOKIE, session.token, { path: '/', httpOnly: true, sameSite: 'strict', secure: 'auto' });
      return body;
    },
  );

  app.post(
    '/api/auth/logout',
    { schema: { tags: ['auth'], summary: 'Đăng xuất / sign out', response: { 204: z.null() } } },
    async (request, reply) => {
      const actor = actorOf(request);
      if (!request.session) throw errors.unauthenticated();
      await logout(db, actor, request.session.id);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/auth/me',
    {
      schema: { tags: ['auth'], summary: 'Người dùng đang đăng nhập / current user', response: { 200: SessionSchema } },
    },
    (request) => sessionBody(db, actorOf(request), request.session!.csrfToken),
  );

  app.post(
    '/api/auth/password',
    {
      schema: {
        tags: ['auth'],
        summary: 'Đổi mật khẩu của mình / change own password',
        body: PasswordChangeSchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await changePassword(db, throttle, actorOf(request), request.session!.id, request.body);
      return reply.status(204).send(null);
    },
  );
};
