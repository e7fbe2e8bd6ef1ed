import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../platform/auth/hook';
import type { Db } from '../../platform/db/database';
import { IdParamsSchema, VersionBodySchema } from '../../platform/schemas';
import {
  PasswordResetSchema,
  UserAccessSchema,
  UserCreatedSchema,
  UserCreateSchema,
  UserListQuerySchema,
  UserListSchema,
  UserSchema,
  UserUpdateSchema,
} from './schemas';
import * as users from './service';

const tags = ['users'];

export const userRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/users',
    {
      schema: {
        tags,
        summary: 'Danh sách người dùng',
        querystring: UserListQuerySchema,
        response: { 200: UserListSchema },
      },
    },
    (request) => users.listUsers(db, actorOf(request), request.query),
  );
  app.get(
    '/api/users/:id',
    { schema: { tags, summary: 'Một người dùng', params: IdParamsSchema, response: { 200: UserSchema } } },
    (request) => users.getUser(db, actorOf(request), request.params.id),
  );
  app.post(
    '/api/users',
    { schema: { tags, summary: 'Tạo người dùng', body: UserCreateSchema, response: { 201: UserCreatedSchema } } },
    async (request, reply) => reply.status(201).send(await users.createUser(db, actorOf(request), request.body)),
  );
  app.patch(
    '/api/users/:id',
    {
      schema: {
        tags,
        summary: 'Sửa thông tin người dùng',
        params: IdParamsSchema,
        body: UserUpdateSchema,
        response: { 200: UserSchema },
      },
    },
    (request) => users.updateUser(db, actorOf(request), request.params.id, request.body),
  );
  app.put(
    '/api/users/:id/access',
    {
      schema: {
        tags,
        summary: 'Đổi địa bàn và vai trò (thu hồi phiên đăng nhập)',
        params: IdParamsSchema,
        body: UserAccessSchema,
        response: { 200: UserSchema },
      },
    },
    (request) => users.setUserAccess(db, actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/users/:id/disable',
    {
      schema: {
        tags,
        summary: 'Khóa tài khoản',
        params: IdParamsSchema,
        body: VersionBodySchema,
        response: { 200: UserSchema },
      },
    },
    (request) => users.disableUser(db, actorOf(request), request.params.id, request.body.version),
  );
  app.post(
    '/api/users/:id/enable',
    {
      schema: {
        tags,
        summary: 'Mở khóa tài khoản',
        params: IdParamsSchema,
        body: VersionBodySchema,
        response: { 200: UserSchema },
      },
    },
    (request) => users.enableUser(db, actorOf(request), request.params.id, request.body.version),
  );
  app.post(
    '/api/users/:id/password-reset',
    {
      schema: {
        tags,
        summary: 'Cấp lại mật khẩu tạm',
        params: IdParamsSchema,
        body: VersionBodySchema,
        response: { 200: PasswordResetSchema },
      },
    },
    (request) => users.resetPassword(db, actorOf(request), request.params.id, request.body.version),
  );
};
