import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../platform/auth/hook';
import type { Db } from '../../platform/db/database';
import { IdParamsSchema, VersionBodySchema } from '../../platform/schemas';
import {
  OrganisationCreateSchema,
  OrganisationListQuerySchema,
  OrganisationListSchema,
  OrganisationSchema,
  OrganisationUpdateSchema,
} from './schemas';
import * as organisations from './service';

const tags = ['organisations'];

export const organisationRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/organisations',
    {
      schema: {
        tags,
        summary: 'Danh sách tổ chức',
        querystring: OrganisationListQuerySchema,
        response: { 200: OrganisationListSchema },
      },
    },
    (request) => organisations.listOrganisations(db, actorOf(request), request.query),
  );
  app.get(
    '/api/organisations/:id',
    { schema: { tags, summary: 'Một tổ chức', params: IdParamsSchema, response: { 200: OrganisationSchema } } },
    (request) => organisations.getOrganisation(db, actorOf(request), request.params.id),
  );
  app.post(
    '/api/organisations',
    {
      schema: { tags, summary: 'Thêm tổ chức', body: OrganisationCreateSchema, response: { 201: OrganisationSchema } },
    },
    async (request, reply) =>
      reply.status(201).send(await organisations.createOrganisation(db, actorOf(request), request.body)),
  );
  app.patch(
    '/api/organisations/:id',
    {
      schema: {
        tags,
        summary: 'Sửa tổ chức',
        params: IdParamsSchema,
        body: OrganisationUpdateSchema,
        response: { 200: OrganisationSchema },
      },
    },
    (request) => organisations.updateOrganisation(db, actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/organisations/:id/archive',
    {
      schema: {
        tags,
        summary: 'Lưu trữ (ngừng dùng) tổ chức',
        params: IdParamsSchema,
        body: VersionBodySchema,
        response: { 200: OrganisationSchema },
      },
    },
    (request) => organisations.archiveOrganisation(db, actorOf(request), request.params.id, request.body.version),
  );
};
