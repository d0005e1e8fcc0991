import { describe, expect, it } from 'vitest';
import { HttpError, NetworkError, RateLimitedError, TimeoutError, readErrorDetail } from '../../../src/api/transport/errors';
import { parseRetryAfter } from '../../../src/core/time/retryAfter';
import { withQuery } from '../../../src/api/transport/types';
import { SUNSHINE_AUTHORIZATION, ZafTransport } from '../../../src/zaf/zafTransport';
import type { ZafRequestOptions } from '../../../src/zaf/types';

function transportAnswering(answer: (options: ZafRequestOptions) => Promise<unknown>) {
  const sent: ZafRequestOptions[] = [];
  const transport = new ZafTransport({
    request: (options) => {
      sent.push(options);
      return answer(options);
    },
  });
  return { transport, sent };
}

describe('ZafTransport', () => {
  it('sends Sunshine calls as secure requests whose key is a placeholder Zendesk fills in', async () => {
    const { transport, sent } = transportAnswering(async () => ({ status: 201, responseJSON: { ok: true }, headers: {} }));
    const response = await transport.send({
      method: 'POST',
      url: 'https://acme.zendesk.com/sc/v1.1/apps/a1/notifications',
      credentials: 'sunshine',
      body: { destination: { destinationId: '+33612345678' } },
    });
    expect(response).toEqual({ status: 201, headers: {}, body: { ok: true } });
    expect(sent[0]).toMatchObject({
      url: 'https://acme.zendesk.com/sc/v1.1/apps/a1/notifications',
      type: 'POST',
      secure: true,
      cors: false,
      httpCompleteResponse: true,
      contentType: 'application/json',
      headers: { Authorization: SUNSHINE_AUTHORIZATION },
    });
    expect(JSON.parse(sent[0]?.data ?? '')).toEqual({ destination: { destinationId: '+33612345678' } });
    // One secure setting already holding base64(keyId:secret): Zendesk's proxy only replaces text.
    expect(SUNSHINE_AUTHORIZATION).toBe('Basic {{setting.sunco_credential}}');
  });

  it('sends Zendesk calls relative, with the session and no secure flag', async () => {
    const { transport, sent } = transportAnswering(async () => ({ status: 200, responseText: '{"count":3}', headers: 'Content-Type: application/json\r\nX-Rate-Limit: 700' }));
    const response = await transport.send({ method: 'GET', url: '/api/v2/search/count', credentials: 'zendesk', query: { query: 'type:user tags:vip' } });
    expect(sent[0]?.url).toBe('/api/v2/search/count?query=type%3Auser%20tags%3Avip');
    expect(sent[0]?.secure).toBeUndefined();
    expect(sent[0]?.headers).toBeUndefined();
    expect(response.body).toEqual({ count: 3 });
    expect(response.headers['x-rate-limit']).toBe('700');
  });

  it('refuses to send Zendesk credentials to an absolute URL', async () => {
    const { transport, sent } = transportAnswering(async () => ({ status: 200 }));
    await expect(transport.send({ method: 'GET', url: 'https://elsewhere.example/api', credentials: 'zendesk' })).rejects.toThrow(TypeError);
    expect(sent).toHaveLength(0);
  });

  it('turns a 429 into a RateLimitedError that carries Retry-After, with ZAF’s own retry off', async () => {
    const { transport, sent } = transportAnswering(async () => {
      throw { status: 429, responseJSON: { errors: [{ code: 'too_many_requests', title: 'Slow down' }] }, headers: { 'Retry-After': '12' } };
    });
    const error = await transport.send({ method: 'GET', url: '/api/v2/users/me', credentials: 'zendesk' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect(error).toMatchObject({ status: 429, retryAfterMs: 12_000, detail: { code: 'too_many_requests', message: 'Slow down' } });
    // One bounded layer decides (api/transport/rateLimitRetries.ts), not ZAF behind it as well.
    expect(sent[0]?.autoRetry).toBe(false);
  });

  it('keeps the API error code and message of other failures', async () => {
    const { transport } = transportAnswering(async () => {
      throw { status: 401, responseText: '{"error":{"code":"unauthorized","description":"Invalid key"}}' };
    });
    const error = await transport.send({ method: 'GET', url: 'https://api.smooch.io/v2/apps/a', credentials: 'sunshine' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(HttpError);
    expect(error).not.toBeInstanceOf(RateLimitedError);
    expect(error).toMatchObject({ status: 401, detail: { code: 'unauthorized', message: 'Invalid key' } });
  });

  it('tells network failures and timeouts apart', async () => {
    const cut = transportAnswering(async () => {
      throw { status: 0, statusText: 'error', responseText: '' };
    });
    await expect(cut.transport.send({ method: 'GET', url: '/api/v2/users/me', credentials: 'zendesk' })).rejects.toBeInstanceOf(NetworkError);
    const slow = transportAnswering(async () => {
      throw { status: 0, statusText: 'timeout' };
    });
    await expect(slow.transport.send({ method: 'GET', url: '/api/v2/users/me', credentials: 'zendesk', timeoutMs: 50 })).rejects.toBeInstanceOf(TimeoutError);
    expect(slow.sent[0]?.timeout).toBe(50);
    const thrown = transportAnswering(async () => {
      throw new Error('Invocation request timeout');
    });
    await expect(thrown.transport.send({ method: 'GET', url: '/api/v2/users/me', credentials: 'zendesk' })).rejects.toBeInstanceOf(NetworkError);
  });

  it('treats a non-2xx status that ZAF resolved as an error too', async () => {
    const { transport } = transportAnswering(async () => ({ status: 503, responseJSON: { error: 'ServiceUnavailable', description: 'Down' } }));
    await expect(transport.send({ method: 'GET', url: '/api/v2/users/me', credentials: 'zendesk' })).rejects.toMatchObject({ status: 503, detail: { code: 'ServiceUnavailable', message: 'Down' } });
  });
});

describe('error helpers', () => {
  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(parseRetryAfter('3')).toBe(3000);
    expect(parseRetryAfter('1.5')).toBe(1500);
    const now = Date.UTC(2026, 10, 21, 12, 0, 0);
    expect(parseRetryAfter('Sat, 21 Nov 2026 12:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(undefined)).toBeUndefined();
  });

  it('reads the error bodies of Sunshine v2, v1 and Zendesk', () => {
    expect(readErrorDetail({ errors: [{ code: 'bad_request', title: 'Invalid query parameters' }] })).toEqual({ code: 'bad_request', message: 'Invalid query parameters' });
    expect(readErrorDetail({ error: { code: 'conflict', description: 'Exists' } })).toEqual({ code: 'conflict', message: 'Exists' });
    expect(readErrorDetail({ error: 'RecordNotFound', description: 'Not found' })).toEqual({ code: 'RecordNotFound', message: 'Not found' });
    expect(readErrorDetail({ error: { title: 'Forbidden', message: 'No access' } })).toEqual({ code: 'Forbidden', message: 'No access' });
    expect(readErrorDetail('Bad Gateway')).toEqual({ message: 'Bad Gateway' });
    expect(readErrorDetail(undefined)).toEqual({});
  });

  it('builds query strings that skip undefined values', () => {
    expect(withQuery('/a', { 'page[size]': 100, 'page[after]': undefined, q: 'x y' })).toBe('/a?page%5Bsize%5D=100&q=x%20y');
    expect(withQuery('/a?x=1', { y: true })).toBe('/a?x=1&y=true');
    expect(withQuery('/a', undefined)).toBe('/a');
  });
});
