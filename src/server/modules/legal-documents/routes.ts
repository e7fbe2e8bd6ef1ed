import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../platform/auth/hook';
import type { Db } from '../../platform/db/database';
import { IdParamsSchema } from '../../platform/schemas';
import {
  LegalDocumentCreateSchema,
  LegalDocumentListQuerySchema,
  LegalDocumentListSchema,
  LegalDocumentSchema,
  LegalDocumentUpdateSchema,
} from './schemas';
import * as documents from './service';

const tags = ['legal-documents'];

export const legalDocumentRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/legal-documents',
    {
      schema: {
        tags,
        summary: 'Thư viện văn bản (tìm không dấu theo số, ký hiệu, cơ quan ban hành, trích yếu)',
        querystring: LegalDocumentListQuerySchema,
        response: { 200: LegalDocumentListSchema },
      },
    },
    (request) => documents.listLegalDocuments(db, actorOf(request), request.query),
  );
  app.get(
    '/api/legal-documents/:id',
    { schema: { tags, summary: 'Một văn bản', params: IdParamsSchema, response: { 200: LegalDocumentSchema } } },
    (request) => documents.getLegalDocument(db, actorOf(request), request.params.id),
  );
  app.post(
    '/api/legal-documents',
    {
      schema: {
        tags,
        summary: 'Thêm văn bản',
        body: LegalDocumentCreateSchema,
        response: { 201: LegalDocumentSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await documents.createLegalDocument(db, actorOf(request), request.body)),
  );
  app.patch(
    '/api/legal-documents/:id',
    {
      schema: {
        tags,
        summary: 'Sửa văn bản',
        params: IdParamsSchema,
        body: LegalDocumentUpdateSchema,
        response: { 200: LegalDocumentSchema },
      },
    },
    (request) => documents.updateLegalDocument(db, actorOf(request), request.params.id, request.body),
  );
};
