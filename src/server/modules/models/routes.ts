import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../platform/auth/hook';
import type { Db } from '../../platform/db/database';
import { IdParamsSchema } from '../../platform/schemas';
import {
  ComparisonSchema,
  HouseholdModelsSchema,
  ModelCreateSchema,
  ModelExportQuerySchema,
  ModelListQuerySchema,
  ModelListSchema,
  ModelReplicateSchema,
  ModelSchema,
  ModelUpdateSchema,
  ParticipantAddSchema,
  ParticipantParamsSchema,
  ParticipantRemoveSchema,
} from './schemas';
import { exportModel, exportModels } from './export';
import * as models from './service';

const tags = ['models'];

export const modelRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/models',
    {
      schema: {
        tags,
        summary: 'Mô hình giảm nghèo (kèm số hộ tham gia, thoát nghèo)',
        querystring: ModelListQuerySchema,
        response: { 200: ModelListSchema },
      },
    },
    (request) => models.listModels(db, actorOf(request), request.query),
  );
  app.get(
    '/api/models/export',
    {
      schema: {
        tags,
        summary: 'Tải danh sách mô hình (kèm kết quả hộ tham gia đọc từ sổ hộ) dạng Excel',
        querystring: ModelExportQuerySchema,
      },
    },
    async (request, reply) => {
      const file = await exportModels(db, actorOf(request), request.query);
      return reply.type(file.type).header('content-disposition', file.disposition).send(file.body);
    },
  );
  app.get(
    '/api/models/:id/export',
    {
      schema: {
        tags,
        summary: 'Tải một mô hình dạng Excel: thông tin, hộ tham gia, những gì từng hộ nhận, kết quả từ sổ hộ',
        params: IdParamsSchema,
      },
    },
    async (request, reply) => {
      const file = await exportModel(db, actorOf(request), request.params.id);
      return reply.type(file.type).header('content-disposition', file.disposition).send(file.body);
    },
  );
  app.post(
    '/api/models',
    { schema: { tags, summary: 'Tạo mô hình giảm nghèo', body: ModelCreateSchema, response: { 201: ModelSchema } } },
    async (request, reply) => reply.status(201).send(await models.createModel(db, actorOf(request), request.body)),
  );
  app.get(
    '/api/models/:id',
    {
      schema: {
        tags,
        summary: 'Mô hình: hộ tham gia và kết quả của từng hộ, nhân rộng',
        params: IdParamsSchema,
        response: { 200: ModelSchema },
      },
    },
    (request) => models.getModel(db, actorOf(request), request.params.id),
  );
  app.put(
    '/api/models/:id',
    {
      schema: {
        tags,
        summary: 'Sửa mô hình, ghi kết quả đạt được',
        params: IdParamsSchema,
        body: ModelUpdateSchema,
        response: { 200: ModelSchema },
      },
    },
    (request) => models.updateModel(db, actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/models/:id/participants',
    {
      schema: {
        tags,
        summary: 'Thêm hộ tham gia mô hình, với những gì hộ nhận',
        params: IdParamsSchema,
        body: ParticipantAddSchema,
        response: { 201: ModelSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await models.addParticipant(db, actorOf(request), request.params.id, request.body)),
  );
  app.post(
    '/api/models/:id/participants/:householdId/removal',
    {
      schema: {
        tags,
        summary: 'Bỏ hộ thêm nhầm khỏi mô hình (ghi lý do); từ chối khi hộ còn hỗ trợ nhận qua mô hình',
        params: ParticipantParamsSchema,
        body: ParticipantRemoveSchema,
        response: { 200: ModelSchema },
      },
    },
    (request) =>
      models.removeParticipant(
        db,
        actorOf(request),
        request.params.id,
        request.params.householdId,
        request.body.reason,
      ),
  );
  app.post(
    '/api/models/:id/replication',
    {
      schema: {
        tags,
        summary: 'Nhân rộng mô hình sang xã khác (giữ liên kết với mô hình gốc)',
        params: IdParamsSchema,
        body: ModelReplicateSchema,
        response: { 201: ModelSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await models.replicateModel(db, actorOf(request), request.params.id, request.body)),
  );
  app.get(
    '/api/models/:id/comparison',
    {
      schema: {
        tags,
        summary: 'So sánh kết quả mô hình gốc và các bản nhân rộng',
        params: IdParamsSchema,
        response: { 200: ComparisonSchema },
      },
    },
    (request) => models.compareFamily(db, actorOf(request), request.params.id),
  );
  app.get(
    '/api/households/:id/models',
    {
      schema: {
        tags,
        summary: 'Các mô hình giảm nghèo hộ tham gia',
        params: IdParamsSchema,
        response: { 200: HouseholdModelsSchema },
      },
    },
    (request) => models.householdModels(db, actorOf(request), request.params.id),
  );
};
