import { afterEach, describe, expect, test, vi } from 'vitest';
import { ApiError, NETWORK_ERROR, api, request, setCsrfToken, setUnauthorizedHandler, withQuery } from './client';

function respond(status: number, body?: unknown, type = 'application/json') {
  return vi.fn(
    async (_url: string, _init?: RequestInit) =>
      new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'content-type': type } }),
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
  setUnauthorizedHandler(null);
});

describe('api client', () => {
  test('drops empty query values', () => {
    expect(withQuery('/api/users', { q: '', limit: 20, role: undefined, status: null, flag: false })).toBe(
      '/api/users?limit=20&flag=false',
    );
    expect(withQuery('/api/users')).toBe('/api/users');
  });

  test('sends the CSRF token on state-changing requests only, with the session cookie', async () => {
    const fetch = respond(200, { ok: true });
    vi.stubGlobal('fetch', fetch);
    setCsrfToken('tok');
    await api.get('/api/villages', { commune: '18562' });
    await api.post('/api/villages', { name: 'Thôn 1' });
    const [getUrl, getInit] = fetch.mock.calls[0]!;
    const [, postInit] = fetch.mock.calls[1]!;
    expect(getUrl).toBe('/api/villages?commune=18562');
    expect(getInit?.credentials).toBe('same-origin');
    expect((getInit?.headers as Record<string, string>)['x-csrf-token']).toBeUndefined();
    expect((postInit?.headers as Record<string, string>)['x-csrf-token']).toBe('tok');
    expect(postInit?.body).toBe(JSON.stringify({ name: 'Thôn 1' }));
  });

  test('turns problem+json into an ApiError with both languages and the field errors', async () => {
    const problem = {
      status: 400,
      code: 'validation_failed',
      detail: 'Tên không hợp lệ',
      detailEn: 'Invalid name',
      errors: [{ field: 'name', message: 'Tên không hợp lệ', messageEn: 'Invalid name' }],
    };
    vi.stubGlobal('fetch', respond(400, problem, 'application/problem+json'));
    const error = await request('POST', '/api/villages', { body: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 400,
      code: 'validation_failed',
      detail: 'Tên không hợp lệ',
      detailEn: 'Invalid name',
    });
    expect((error as ApiError).errors[0]?.field).toBe('name');
  });

  test('a 401 runs the sign-in handler, unless the caller asked for quiet', async () => {
    const handler = vi.fn();
    setUnauthorizedHandler(handler);
    vi.stubGlobal('fetch', respond(401, { status: 401, code: 'unauthenticated', detail: 'Bạn cần đăng nhập.' }));
    await expect(api.get('/api/users')).rejects.toMatchObject({ code: 'unauthenticated' });
    expect(handler).toHaveBeenCalledTimes(1);
    await expect(request('GET', '/api/auth/me', { quiet401: true })).rejects.toBeInstanceOf(ApiError);
    expect(handler).toHaveBeenCalledTimes(1);
  });

  test('a network failure becomes a network_error', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    await expect(api.get('/api/health')).rejects.toMatchObject({ code: NETWORK_ERROR, status: 0 });
  });

  test('204 answers resolve to undefined', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(null, { status: 204 })),
    );
    await expect(api.post('/api/auth/logout')).resolves.toBeUndefined();
  });
});
