import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/auth/hook';
import type { Db } from '../../platform/db/database';
import { IdParamsSchema } from '../../platform/schemas';
import { WORD_TYPE } from '../../platform/word/official';
import {
  EvidenceLinkSchema,
  EvidenceListSchema,
  EvidenceSchema,
  PlanCreateSchema,
  PlanListSchema,
  PlanSchema,
  ProgrammeCreateSchema,
  ProgrammeListQuerySchema,
  ProgrammeListSchema,
  ProgrammeSchema,
  ProgrammeUpdateSchema,
  TaskCreateSchema,
  TaskListQuerySchema,
  TaskListSchema,
  TaskProgressSchema,
  TaskSchema,
  TaskUpdateSchema,
} from './schemas';
import * as evidence from './evidence';
import * as programmes from './service';
import * as tasks from './tasks';
import { programmeDocx } from './word';

const tags = ['coordination'];

export const coordinationRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/programmes',
    {
      schema: {
        tags,
        summary: 'Chương trình phối hợp (của địa bàn và cấp trên)',
        querystring: ProgrammeListQuerySchema,
        response: { 200: ProgrammeListSchema },
      },
    },
    (request) => programmes.listProgrammes(db, actorOf(request), request.query),
  );
  app.get(
    '/api/programmes/:id',
    {
      schema: {
        tags,
        summary: 'Một chương trình phối hợp',
        params: IdParamsSchema,
        response: { 200: ProgrammeSchema },
      },
    },
    (request) => programmes.getProgramme(db, actorOf(request), request.params.id),
  );
  app.get(
    '/api/programmes/:id/document',
    {
      schema: {
        tags,
        summary: 'Văn bản chương trình phối hợp (Word, thể thức Nghị định 30/2020/NĐ-CP)',
        params: IdParamsSchema,
        response: { 200: z.any().describe(WORD_TYPE) },
      },
    },
    async (request, reply) => {
      const { buffer, filename } = await programmeDocx(db, actorOf(request), request.params.id);
      return reply.type(WORD_TYPE).header('content-disposition', `attachment; filename="${filename}"`).send(buffer);
    },
  );
  app.post(
    '/api/programmes',
    {
      schema: {
        tags,
        summary: 'Thêm chương trình phối hợp',
        body: ProgrammeCreateSchema,
        response: { 201: ProgrammeSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await programmes.createProgramme(db, actorOf(request), request.body)),
  );
  app.put(
    '/api/programmes/:id',
    {
      schema: {
        tags,
        summary: 'Sửa chương trình phối hợp (cả các nội dung phối hợp)',
        params: IdParamsSchema,
        body: ProgrammeUpdateSchema,
        response: { 200: ProgrammeSchema },
      },
    },
    (request) => programmes.updateProgramme(db, actorOf(request), request.params.id, request.body),
  );
  app.get(
    '/api/programmes/:id/plans',
    {
      schema: {
        tags,
        summary: 'Kế hoạch năm của chương trình',
        params: IdParamsSchema,
        response: { 200: PlanListSchema },
      },
    },
    (request) => tasks.listPlans(db, actorOf(request), request.params.id),
  );
  app.post(
    '/api/programmes/:id/plans',
    {
      schema: {
        tags,
        summary: 'Lập kế hoạch năm',
        params: IdParamsSchema,
        body: PlanCreateSchema,
        response: { 201: PlanSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await tasks.createPlan(db, actorOf(request), request.params.id, request.body)),
  );
  app.post(
    '/api/plans/:id/tasks',
    {
      schema: {
        tags,
        summary: 'Thêm nhiệm vụ vào kế hoạch năm',
        params: IdParamsSchema,
        body: TaskCreateSchema,
        response: { 201: TaskSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await tasks.createTask(db, actorOf(request), request.params.id, request.body)),
  );
  app.get(
    '/api/tasks',
    {
      schema: {
        tags,
        summary: 'Nhiệm vụ phối hợp (mọi bên của chương trình đều thấy)',
        querystring: TaskListQuerySchema,
        response: { 200: TaskListSchema },
      },
    },
    (request) => tasks.listTasks(db, actorOf(request), request.query),
  );
  app.get(
    '/api/tasks/:id',
    { schema: { tags, summary: 'Một nhiệm vụ', params: IdParamsSchema, response: { 200: TaskSchema } } },
    (request) => tasks.getTask(db, actorOf(request), request.params.id),
  );
  app.patch(
    '/api/tasks/:id',
    {
      schema: {
        tags,
        summary: 'Sửa nhiệm vụ',
        params: IdParamsSchema,
        body: TaskUpdateSchema,
        response: { 200: TaskSchema },
      },
    },
    (request) => tasks.updateTask(db, actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/tasks/:id/progress',
    {
      schema: {
        tags,
        summary: 'Cập nhật tình trạng, tiến độ nhiệm vụ',
        params: IdParamsSchema,
        body: TaskProgressSchema,
        response: { 200: TaskSchema },
      },
    },
    (request) => tasks.reportTaskProgress(db, actorOf(request), request.params.id, request.body),
  );
  app.get(
    '/api/tasks/:id/evidence',
    {
      schema: {
        tags,
        summary: 'Minh chứng liên kết của nhiệm vụ (đợt vận động Quỹ, hỗ trợ, mô hình)',
        params: IdParamsSchema,
        response: { 200: EvidenceListSchema },
      },
    },
    (request) => evidence.listEvidence(db, actorOf(request), request.params.id),
  );
  app.post(
    '/api/tasks/:id/evidence',
    {
      schema: {
        tags,
        summary: 'Liên kết một bản ghi làm minh chứng của nhiệm vụ',
        params: IdParamsSchema,
        body: EvidenceLinkSchema,
        response: { 201: EvidenceSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await evidence.linkEvidence(db, actorOf(request), request.params.id, request.body)),
  );
  app.delete(
    '/api/task-evidence/:id',
    {
      schema: {
        tags,
        summary: 'Bỏ liên kết minh chứng khỏi nhiệm vụ (bản ghi gốc không đổi)',
        params: IdParamsSchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await evidence.unlinkEvidence(db, actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
};
