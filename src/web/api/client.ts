/**
 * The one door to the server: same-origin fetch with the session cookie, the CSRF token on
 * every state-changing request, problem+json errors turned into `ApiError`, and a 401 sending
 * the user back to the login page.
 */
export interface FieldProblem {
  field: string;
  message: string;
  messageEn: string;
}

export interface Problem {
  type?: string;
  title?: string;
  status: number;
  code: string;
  detail?: string;
  detailEn?: string;
  field?: string;
  errors?: FieldProblem[];
  instance?: string;
  requestId?: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string | undefined;
  readonly detailEn: string | undefined;
  readonly field: string | undefined;
  readonly errors: FieldProblem[];
  readonly requestId: string | undefined;

  constructor(problem: Problem) {
    super(problem.detailEn ?? problem.detail ?? problem.title ?? problem.code);
    this.name = 'ApiError';
    this.status = problem.status;
    this.code = problem.code;
    this.detail = problem.detail;
    this.detailEn = problem.detailEn;
    this.field = problem.field;
    this.errors = problem.errors ?? [];
    this.requestId = problem.requestId;
  }
}

/** Codes the client itself produces, so components can translate them. */
export const NETWORK_ERROR = 'network_error';
export const UNEXPECTED_RESPONSE = 'unexpected_response';

let csrfToken: string | null = null;
let onUnauthorized: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The header a state-changing request must carry (for requests that do not go through `request`). */
export function csrfHeader(): Record<string, string> {
  return csrfToken ? { 'x-csrf-token': csrfToken } : {};
}

/** Called when a request answers 401 (session expired or signed out elsewhere). */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

interface RequestOptions {
  query?: Query;
  body?: unknown;
  /** A file sent as itself (an attachment), instead of a JSON body. */
  file?: Blob;
  /** Do not run the 401 handler (the session probe and the login itself). */
  quiet401?: boolean;
  signal?: AbortSignal;
  /**
   * Ask for progress: the server may then answer JSON lines, `{"progress": …}` as the work goes
   * on, then `{"result": …}` (what the request returns) or `{"error": problem}`.
   */
  onProgress?(progress: unknown): void;
}

const NDJSON = 'application/x-ndjson';

/** The result of an answer in JSON lines, telling each progress line on the way. */
async function readLines<T>(response: Response, onProgress: (progress: unknown) => void): Promise<T> {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) throw new ApiError({ status: 0, code: UNEXPECTED_RESPONSE });
    buffered += value;
    let end: number;
    while ((end = buffered.indexOf('\n')) >= 0) {
      const message = JSON.parse(buffered.slice(0, end)) as { progress?: unknown; result?: T; error?: Problem };
      buffered = buffered.slice(end + 1);
      if (message.error) throw new ApiError({ ...message.error, status: response.status });
      if ('result' in message) return message.result as T;
      if (message.progress !== undefined) onProgress(message.progress);
    }
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {
    accept: `${options.onProgress ? `${NDJSON}, ` : ''}application/json, application/problem+json`,
  };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.file) headers['content-type'] = options.file.type || 'application/octet-stream';
  if (UNSAFE.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.file ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
      signal: options.signal,
    });
  } catch (cause) {
    if ((cause as Error).name === 'AbortError') throw cause;
    throw new ApiError({ status: 0, code: NETWORK_ERROR });
  }
  if (response.status === 204) return undefined as T;
  const type = response.headers.get('content-type') ?? '';
  if (options.onProgress && response.ok && type.includes(NDJSON)) return readLines<T>(response, options.onProgress);
  const payload: unknown = type.includes('json') ? await response.json().catch(() => null) : null;
  if (response.ok) return payload as T;
  const problem =
    payload && typeof payload === 'object' && 'code' in payload
      ? ({ ...(payload as Problem), status: response.status } as Problem)
      : { status: response.status, code: UNEXPECTED_RESPONSE };
  if (response.status === 401 && !options.quiet401) onUnauthorized?.();
  throw new ApiError(problem);
}

export const api = {
  get: <T, P = never>(path: string, query?: Query, signal?: AbortSignal, onProgress?: (progress: P) => void) =>
    request<T>('GET', path, { query, signal, onProgress: onProgress as ((progress: unknown) => void) | undefined }),
  post: <T, P = never>(path: string, body?: unknown, onProgress?: (progress: P) => void) =>
    request<T>('POST', path, { body: body ?? {}, onProgress: onProgress as ((progress: unknown) => void) | undefined }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  delete: <T>(path: string) => request<T>('DELETE', path),
  upload: <T, P = never>(path: string, query: Query, file: Blob, onProgress?: (progress: P) => void) =>
    request<T>('POST', path, { query, file, onProgress: onProgress as ((progress: unknown) => void) | undefined }),
};

/** Every list endpoint answers this. */
export interface Page<T> {
  items: T[];
  total: number;
}
