import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../platform/auth/hook';
import type { Db } from '../../platform/db/database';
import { IdParamsSchema } from '../../platform/schemas';
import {
  CommendationCreateSchema,
  CommendationListQuerySchema,
  CommendationListSchema,
  CommendationSchema,
  CommendationUpdateSchema,
  MovementCreateSchema,
  MovementListQuerySchema,
  MovementListSchema,
  MovementSchema,
  MovementUpdateSchema,
} from './schemas';
import * as emulation from './service';

const tags = ['emulation'];

export const emulationRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/movements',
    {
      schema: {
        tags,
        summary: 'Phong trào thi đua',
        querystring: MovementListQuerySchema,
        response: { 200: MovementListSchema },
      },
    },
    (request) => emulation.listMovements(db, actorOf(request), request.query),
  );
  app.post(
    '/api/movements',
    {
      schema: {
        tags,
        summary: 'Phát động phong trào thi đua',
        body: MovementCreateSchema,
        response: { 201: MovementSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await emulation.launchMovement(db, actorOf(request), request.body)),
  );
  app.put(
    '/api/movements/:id',
    {
      schema: {
        tags,
        summary: 'Sửa phong trào thi đua',
        params: IdParamsSchema,
        body: MovementUpdateSchema,
        response: { 200: MovementSchema },
      },
    },
    (request) => emulation.updateMovement(db, actorOf(request), request.params.id, request.body),
  );
  app.get(
    '/api/commendations',
    {
      schema: {
        tags,
        summary: 'Khen thưởng, biểu dương',
        querystring: CommendationListQuerySchema,
        response: { 200: CommendationListSchema },
      },
    },
    (request) => emulation.listCommendations(db, actorOf(request), request.query),
  );
  app.post(
    '/api/commendations',
    {
      schema: {
        tags,
        summary: 'Ghi nhận khen thưởng',
        body: CommendationCreateSchema,
        response: { 201: CommendationSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await emulation.commend(db, actorOf(request), request.body)),
  );
  app.put(
    '/api/commendations/:id',
    {
      schema: {
        tags,
        summary: 'Sửa khen thưởng',
        params: IdParamsSchema,
        body: CommendationUpdateSchema,
        response: { 200: CommendationSchema },
      },
    },
    (request) => emulation.updateCommendation(db, actorOf(request), request.params.id, request.body),
  );
};
