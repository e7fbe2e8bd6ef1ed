import type { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../platform/auth/hook';
import type { Db } from '../../platform/db/database';
import { contentDisposition } from '../../platform/download';
import { IdParamsSchema } from '../../platform/schemas';
import {
  AttachmentListSchema,
  AttachmentSchema,
  ContentQuerySchema,
  OwnerQuerySchema,
  RemovalSchema,
  UploadQuerySchema,
} from './schemas';
import * as service from './service';

const tags = ['attachments'];

/** The upload as it arrives, not parsed: it is read (up to the limit) by the handler. */
class Upload {
  constructor(readonly stream: Readable) {}
}

/** The body's bytes, refusing early (by its declared length) or while reading once over the limit. */
async function readUpload(body: unknown, declaredLength: string | undefined): Promise<Buffer> {
  if (Number(declaredLength) > service.MAX_FILE_BYTES) throw service.tooLarge();
  if (!(body instanceof Upload)) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body.stream) {
    size += (chunk as Buffer).length;
    if (size > service.MAX_FILE_BYTES) throw service.tooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * An attached file as itself: photos and PDFs shown in the browser unless a download is asked
 * for, never sniffed into something else, never run as one of our pages.
 */
export function sendFile(
  reply: FastifyReply,
  file: Awaited<ReturnType<typeof service.contentOf>>,
  options: { download: boolean; cache: 'private' | 'public' },
) {
  const inline = !options.download && (file.type.image || file.type.mediaType === 'application/pdf');
  return reply
    .type(file.type.mediaType)
    .header('content-disposition', contentDisposition(file.fileName, inline ? 'inline' : 'attachment'))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'")
    .header('cache-control', `${options.cache}, max-age=3600`)
    .send(file.content);
}

export const attachmentRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  // Any type but JSON is a file; what it really is gets read from its bytes.
  app.addContentTypeParser('*', (_request, payload, done) => done(null, new Upload(payload)));

  app.get(
    '/api/attachments',
    {
      schema: {
        tags,
        summary: 'Các tệp đính kèm của một hồ sơ (hoạt động, giám sát, chương trình)',
        querystring: OwnerQuerySchema,
        response: { 200: AttachmentListSchema },
      },
    },
    (request) => service.listAttachments(db, actorOf(request), request.query),
  );
  app.post(
    '/api/attachments',
    {
      schema: {
        tags,
        summary: 'Đính kèm một tệp (ảnh JPEG/PNG/WebP, PDF, Word, Excel; tối đa 10 MB)',
        description: 'Thân yêu cầu: nội dung tệp (Content-Type của tệp hoặc application/octet-stream).',
        querystring: UploadQuerySchema,
        response: { 201: AttachmentSchema },
      },
    },
    async (request, reply) => {
      const content = await readUpload(request.body, request.headers['content-length']);
      return reply.status(201).send(await service.addAttachment(db, actorOf(request), request.query, content));
    },
  );
  app.get(
    '/api/attachments/:id/content',
    {
      schema: {
        tags,
        summary: 'Nội dung tệp (xem ảnh, PDF trong trình duyệt; download=true để tải về)',
        params: IdParamsSchema,
        querystring: ContentQuerySchema,
      },
    },
    async (request, reply) => {
      const file = await service.readAttachment(db, actorOf(request), request.params.id);
      return sendFile(reply, file, { download: request.query.download === true, cache: 'private' });
    },
  );
  app.post(
    '/api/attachments/:id/removal',
    {
      schema: {
        tags,
        summary: 'Gỡ một tệp đính kèm (nội dung bị xóa, lý do được lưu)',
        params: IdParamsSchema,
        body: RemovalSchema,
      },
    },
    async (request, reply) => {
      await service.removeAttachment(db, actorOf(request), request.params.id, request.body.reason);
      return reply.status(204).send();
    },
  );
};
