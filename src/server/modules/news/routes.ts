import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../platform/auth/hook';
import type { Db } from '../../platform/db/database';
import { IdParamsSchema, VersionBodySchema } from '../../platform/schemas';
import { sendFile } from '../attachments/routes';
import { publicNews, publicNewsList, publicNewsPhoto } from './public';
import {
  NewsCreateSchema,
  NewsListQuerySchema,
  NewsListSchema,
  NewsSchema,
  NewsUpdateSchema,
  NewsWithdrawalSchema,
  PublicNewsListQuerySchema,
  PublicNewsListSchema,
  PublicNewsSchema,
  PublicPhotoParamsSchema,
} from './schemas';
import * as news from './service';

const tags = ['news'];

export const newsRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/news',
    {
      schema: {
        tags,
        summary: 'Tin bài của địa bàn (kể cả bản nháp)',
        querystring: NewsListQuerySchema,
        response: { 200: NewsListSchema },
      },
    },
    (request) => news.listNews(db, actorOf(request), request.query),
  );
  app.get(
    '/api/news/:id',
    { schema: { tags, summary: 'Một tin bài', params: IdParamsSchema, response: { 200: NewsSchema } } },
    (request) => news.getNews(db, actorOf(request), request.params.id),
  );
  app.post(
    '/api/news',
    { schema: { tags, summary: 'Viết tin bài (bản nháp)', body: NewsCreateSchema, response: { 201: NewsSchema } } },
    async (request, reply) => reply.status(201).send(await news.createNews(db, actorOf(request), request.body)),
  );
  app.put(
    '/api/news/:id',
    {
      schema: {
        tags,
        summary: 'Sửa tin bài',
        params: IdParamsSchema,
        body: NewsUpdateSchema,
        response: { 200: NewsSchema },
      },
    },
    (request) => news.updateNews(db, actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/news/:id/publish',
    {
      schema: {
        tags,
        summary: 'Đăng tin lên trang công khai',
        params: IdParamsSchema,
        body: VersionBodySchema,
        response: { 200: NewsSchema },
      },
    },
    (request) => news.publishNews(db, actorOf(request), request.params.id, request.body.version),
  );
  app.post(
    '/api/news/:id/withdrawal',
    {
      schema: {
        tags,
        summary: 'Gỡ tin khỏi trang công khai (ghi lý do)',
        params: IdParamsSchema,
        body: NewsWithdrawalSchema,
        response: { 200: NewsSchema },
      },
    },
    (request) => news.withdrawNews(db, actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/public/news',
    {
      schema: {
        tags,
        summary: 'Tin mới đăng (công khai)',
        querystring: PublicNewsListQuerySchema,
        response: { 200: PublicNewsListSchema },
      },
    },
    (request) => publicNewsList(db, request.query),
  );
  app.get(
    '/api/public/news/:id',
    {
      schema: {
        tags,
        summary: 'Một tin đã đăng (công khai)',
        params: IdParamsSchema,
        response: { 200: PublicNewsSchema },
      },
    },
    (request) => publicNews(db, request.params.id),
  );
  app.get(
    '/api/public/news/:id/photos/:photoId',
    { schema: { tags, summary: 'Ảnh của một tin đã đăng (công khai)', params: PublicPhotoParamsSchema } },
    async (request, reply) =>
      sendFile(reply, await publicNewsPhoto(db, request.params.id, request.params.photoId), {
        download: false,
        cache: 'public',
      }),
  );
};
