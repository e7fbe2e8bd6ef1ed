import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../platform/auth/hook';
import type { Db } from '../../platform/db/database';
import { IdParamsSchema } from '../../platform/schemas';
import {
  DwellingUpdateSchema,
  HeadChangeSchema,
  HouseholdArchiveSchema,
  HouseholdCreateSchema,
  HouseholdListQuerySchema,
  HouseholdListSchema,
  HouseholdMoveSchema,
  HouseholdSchema,
  HouseholdUpdateSchema,
  MemberAddSchema,
  MemberLeaveSchema,
  MemberParamsSchema,
  MemberUpdateSchema,
  HouseholdSplitSchema,
  HouseholdMergeSchema,
  HistoryQuerySchema,
} from './schemas';
import { AuditListSchema } from '../audit/schemas';
import { z } from 'zod';
import * as households from './service';

const tags = ['households'];
const one = { 200: HouseholdSchema };

export const householdRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/households',
    {
      schema: {
        tags,
        summary: 'Danh sách hộ (tìm không dấu theo tên, mã hộ, số định danh)',
        querystring: HouseholdListQuerySchema,
        response: { 200: HouseholdListSchema },
      },
    },
    (request) => households.listHouseholds(db, actorOf(request), request.query),
  );
  app.get(
    '/api/households/:id',
    { schema: { tags, summary: 'Một hộ: nhân khẩu, nhà ở', params: IdParamsSchema, response: one } },
    (request) => households.getHousehold(db, actorOf(request), request.params.id),
  );
  app.post(
    '/api/households',
    {
      schema: {
        tags,
        summary: 'Thêm hộ cùng các nhân khẩu',
        body: HouseholdCreateSchema,
        response: { 201: HouseholdSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await households.createHousehold(db, actorOf(request), request.body)),
  );
  app.patch(
    '/api/households/:id',
    {
      schema: { tags, summary: 'Sửa thông tin hộ', params: IdParamsSchema, body: HouseholdUpdateSchema, response: one },
    },
    (request) => households.updateHousehold(db, actorOf(request), request.params.id, request.body),
  );
  app.put(
    '/api/households/:id/dwelling',
    {
      schema: {
        tags,
        summary: 'Cập nhật nhà ở và điều kiện sống',
        params: IdParamsSchema,
        body: DwellingUpdateSchema,
        response: one,
      },
    },
    (request) => households.updateDwelling(db, actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/households/:id/move',
    {
      schema: {
        tags,
        summary: 'Chuyển hộ sang thôn khác trong xã',
        params: IdParamsSchema,
        body: HouseholdMoveSchema,
        response: one,
      },
    },
    (request) => households.moveHousehold(db, actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/households/:id/archive',
    {
      schema: {
        tags,
        summary: 'Lưu trữ hộ (có lý do)',
        params: IdParamsSchema,
        body: HouseholdArchiveSchema,
        response: one,
      },
    },
    (request) => households.archiveHousehold(db, actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/households/:id/head',
    { schema: { tags, summary: 'Đổi chủ hộ', params: IdParamsSchema, body: HeadChangeSchema, response: one } },
    (request) => households.changeHead(db, actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/households/:id/members',
    { schema: { tags, summary: 'Thêm nhân khẩu', params: IdParamsSchema, body: MemberAddSchema, response: one } },
    (request) => households.addMember(db, actorOf(request), request.params.id, request.body),
  );
  app.patch(
    '/api/households/:id/members/:memberId',
    { schema: { tags, summary: 'Sửa nhân khẩu', params: MemberParamsSchema, body: MemberUpdateSchema, response: one } },
    (request) =>
      households.updateMember(db, actorOf(request), request.params.id, request.params.memberId, request.body),
  );
  app.post(
    '/api/households/:id/members/:memberId/leave',
    {
      schema: {
        tags,
        summary: 'Nhân khẩu rời hộ (chuyển đi, qua đời…)',
        params: MemberParamsSchema,
        body: MemberLeaveSchema,
        response: one,
      },
    },
    (request) =>
      households.memberLeaves(db, actorOf(request), request.params.id, request.params.memberId, request.body),
  );

  app.post(
    '/api/households/:id/split',
    {
      schema: {
        tags,
        summary: 'Tách hộ: một số nhân khẩu lập hộ mới',
        params: IdParamsSchema,
        body: HouseholdSplitSchema,
        response: { 200: z.object({ from: HouseholdSchema, created: HouseholdSchema }) },
      },
    },
    (request) => households.splitHousehold(db, actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/households/:id/merge',
    {
      schema: {
        tags,
        summary: 'Nhập hộ khác vào hộ này',
        params: IdParamsSchema,
        body: HouseholdMergeSchema,
        response: one,
      },
    },
    (request) => households.mergeHousehold(db, actorOf(request), request.params.id, request.body),
  );
  app.get(
    '/api/households/:id/history',
    {
      schema: {
        tags,
        summary: 'Lịch sử thay đổi của hộ',
        params: IdParamsSchema,
        querystring: HistoryQuerySchema,
        response: { 200: AuditListSchema },
      },
    },
    (request) => households.householdHistory(db, actorOf(request), request.params.id, request.query),
  );
};
