import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../platform/auth/hook';
import type { Db } from '../../platform/db/database';
import { IdParamsSchema } from '../../platform/schemas';
import * as merging from './donor-merge';
import { DonorDuplicatesSchema, DonorMergeSchema, DonorUnmergeSchema } from './donor-merge-schemas';
import { DonorSchema } from './schemas';

const tags = ['fund'];

export const donorMergeRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/funds/:id/donors/duplicates',
    {
      schema: {
        tags,
        summary: 'Nhà hảo tâm có thể bị nhập trùng (tên giống nhau khi bỏ dấu, chữ hoa, "Cty")',
        params: IdParamsSchema,
        response: { 200: DonorDuplicatesSchema },
      },
    },
    (request) => merging.likelyDuplicates(db, actorOf(request), request.params.id),
  );
  app.post(
    '/api/donors/:id/merge',
    {
      schema: {
        tags,
        summary: 'Gộp nhà hảo tâm nhập trùng vào nhà hảo tâm được giữ lại (sổ quỹ không đổi)',
        params: IdParamsSchema,
        body: DonorMergeSchema,
        response: { 200: DonorSchema },
      },
    },
    (request) => merging.mergeDonor(db, actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/donors/:id/unmerge',
    {
      schema: {
        tags,
        summary: 'Tách nhà hảo tâm đã gộp ra (có lý do)',
        params: IdParamsSchema,
        body: DonorUnmergeSchema,
        response: { 200: DonorSchema },
      },
    },
    (request) => merging.unmergeDonor(db, actorOf(request), request.params.id, request.body),
  );
};
