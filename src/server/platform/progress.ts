import { PassThrough } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from './errors';

/** Newline-delimited JSON: a long request's progress, then its result. */
export const NDJSON_TYPE = 'application/x-ndjson';

/** Told as long work goes on: how much is done, of how much. */
export type OnProgress = (done: number, total: number) => void;

/** What a route documents about its progress lines. */
export const PROGRESS_NOTE =
  `Với Accept: ${NDJSON_TYPE}, câu trả lời là các dòng JSON {"progress":{"done","total"}} ` +
  'trong khi làm, rồi {"result":…} (hoặc {"error":…}).';

/** An answer of JSON lines, sent from its first line on (a stream is sent as is, past the response schema). */
function ndjsonStream(reply: FastifyReply) {
  let stream: PassThrough | null = null;
  const line = (value: unknown) => `${JSON.stringify(value)}\n`;
  return {
    started: () => stream !== null,
    write(value: unknown) {
      if (!stream) {
        stream = new PassThrough();
        void reply.type(NDJSON_TYPE).send(stream);
      }
      stream.write(line(value));
    },
    end: (value: unknown) => stream?.end(line(value)),
  };
}

/**
 * Long work answered with its progress when the client asks for it (Accept: application/x-ndjson):
 * `{"progress":{"done","total"}}` lines as it goes, then `{"result":…}` or `{"error":…}`. The
 * answer becomes a stream at the first progress line, so a refusal before it (bad input, out of
 * area) is still an ordinary problem answer; without that Accept the result is answered as usual.
 * Typed as the result, which the route's schema checks; once streamed, the reply itself is
 * returned (Fastify then sends nothing more).
 */
export async function answerWithProgress<T>(
  request: FastifyRequest,
  reply: FastifyReply,
  work: (onProgress?: OnProgress) => Promise<T>,
): Promise<T> {
  if (!request.headers.accept?.includes(NDJSON_TYPE)) return work();
  const stream = ndjsonStream(reply);
  try {
    const result = await work((done, total) => stream.write({ progress: { done, total } }));
    if (!stream.started()) return result;
    stream.end({ result });
  } catch (error) {
    if (!stream.started()) throw error;
    request.log.error({ err: error }, 'work failed after its progress started');
    const problem = error instanceof AppError ? error : null;
    stream.end({
      error: {
        code: problem?.code ?? 'internal_error',
        detail: problem?.vi ?? 'Lỗi hệ thống. Vui lòng thử lại sau.',
        detailEn: problem?.en ?? 'Internal error.',
      },
    });
  }
  return reply as unknown as T;
}
