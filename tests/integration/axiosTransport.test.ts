import { createServer } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createEmulator } from '../../emulator/index';
import { closeServer, listen, serveEmulator, type ServedEmulator } from '../../emulator/nodeServer';
import { IntegrationsClient } from '../../src/api/sunshine/integrations';
import { AxiosTransport, type AxiosTransportOptions } from '../../src/api/transport/axiosTransport';
import { HttpError, NetworkError, RateLimitedError, TimeoutError } from '../../src/api/transport/errors';
import { CustomObjectRecordsClient, CustomObjectsClient } from '../../src/api/zendesk/customObjects';
import { SearchClient } from '../../src/api/zendesk/search';
import { UsersClient } from '../../src/api/zendesk/users';
import { EmulatorTransport } from '../support/emulatorTransport';

/**
 * The Node transport against the emulator over real HTTP (a local port standing for the account's
 * origin): what the Node service will meet, credentials, bodies and failures included.
 */

const emulator = createEmulator({ zendesk: { endUsers: 200 } });
const { config } = emulator;
let served: ServedEmulator;

beforeAll(async () => {
  served = await serveEmulator(emulator);
});
afterAll(async () => {
  await served.close();
});
beforeEach(() => emulator.reset());

function transport(options: Partial<AxiosTransportOptions> = {}): AxiosTransport {
  return new AxiosTransport({
    zendeskOrigin: served.url,
    zendeskToken: config.zendeskApiToken,
    sunshineKey: { keyId: config.sunshine.keyId, secret: config.sunshine.keySecret },
    ...options,
  });
}

const sunshine = () => ({ baseUrl: `${served.url}/sc`, appId: config.sunshine.appId });

async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Error) return error;
    throw new Error(`Rejected with a non-error: ${String(error)}`);
  }
  throw new Error('Expected the call to fail');
}

describe('AxiosTransport over HTTP against the emulator', () => {
  it('reads a user with the API token, and a search with its query, as the in-process transport does', async () => {
    const http = transport();
    const me = await new UsersClient(http).me();
    expect(me).toMatchObject({ email: config.zendeskApiToken.email, role: 'admin' });

    const query = 'tags:newsletter -tags:whatsapp_opt_out';
    const overHttp = await new SearchClient(http).sampleUsers(query, 25);
    const inProcess = await new SearchClient(new EmulatorTransport(emulator)).sampleUsers(query, 25);
    expect(overHttp.length).toBeGreaterThan(0);
    expect(overHttp).toEqual(inProcess);
    const searched = emulator.requests.find((request) => request.url.includes('/api/v2/search?'));
    expect(new URL(searched?.url ?? 'https://invalid').searchParams.get('query')).toBe(`type:user ${query}`);
    expect(searched?.headers.authorization).toMatch(/^Basic /);
  });

  it('gives back the response status and lower-case headers', async () => {
    const response = await transport().send({ method: 'GET', url: '/api/v2/users/me', credentials: 'zendesk' });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toContain('application/json');
    expect(Number(response.headers['x-rate-limit'])).toBeGreaterThan(0);
  });

  it('writes JSON bodies: creates a custom object and its fields with POST, then upserts a record with PATCH', async () => {
    const http = transport();
    const objects = new CustomObjectsClient(http);
    const fields = [
      { key: 'label', title: 'Label', type: 'text' },
      { key: 'count', title: 'Count', type: 'integer' },
    ] as const;
    await objects.createObject({ key: 'herald_probe', title: 'Probe', titlePluralized: 'Probes', fields: [...fields] });
    for (const field of fields) await objects.createField('herald_probe', field);
    expect(await objects.listKeys()).toContain('herald_probe');
    expect(await objects.listFieldKeys('herald_probe')).toEqual(expect.arrayContaining(['label', 'count']));

    const records = new CustomObjectRecordsClient(http, 'herald_probe');
    const created = await records.upsertByExternalId('probe-1', { name: 'Première sonde', fields: { label: 'café ☕', count: 1 } });
    const updated = await records.upsertByExternalId('probe-1', { name: 'Première sonde', fields: { label: 'thé', count: 2 } });
    expect(updated.id).toBe(created.id);
    const all = await records.listAll();
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ name: 'Première sonde', external_id: 'probe-1', custom_object_fields: { label: 'thé', count: 2 } });
    const patch = emulator.requests.find((request) => request.method === 'PATCH');
    expect(patch?.headers['content-type']).toBe('application/json');
  });

  it('calls Sunshine Conversations with the key: every messaging integration of the app', async () => {
    const integrations = await new IntegrationsClient(transport(), sunshine()).listMessaging();
    expect(integrations.length).toBeGreaterThan(0);
    expect(integrations).toEqual(await new IntegrationsClient(new EmulatorTransport(emulator), { baseUrl: config.sunshineBaseUrls[0] as string, appId: config.sunshine.appId }).listMessaging());
    const sunshineRequest = emulator.requests.find((request) => request.service === 'sunshine');
    const expected = `Basic ${Buffer.from(`${config.sunshine.keyId}:${config.sunshine.keySecret}`).toString('base64')}`;
    expect(sunshineRequest?.headers.authorization).toBe(expected);
  });

  it('authenticates to Zendesk with an OAuth access token, within its scopes', async () => {
    const full = transport({ zendeskToken: undefined, zendeskOAuthToken: config.zendeskOAuthToken.token });
    expect(await new UsersClient(full).me()).toMatchObject({ email: config.zendeskOAuthToken.email });
    expect(emulator.requests.at(-1)?.headers.authorization).toBe(`Bearer ${config.zendeskOAuthToken.token}`);

    const readOnly = transport({ zendeskToken: undefined, zendeskOAuthToken: config.zendeskReadOnlyOAuthToken.token });
    const refused = await failure(readOnly.send({ method: 'PUT', url: '/api/v2/users/1001', credentials: 'zendesk', body: { user: { tags: ['vip'] } } }));
    expect(refused).toBeInstanceOf(HttpError);
    expect((refused as HttpError).status).toBe(403);
    expect((refused as HttpError).detail.code).toBe('Forbidden');
  });

  it('refuses two ways to authenticate to Zendesk at once', () => {
    expect(() => transport({ zendeskOAuthToken: config.zendeskOAuthToken.token })).toThrow(TypeError);
  });

  it('encodes Basic credentials as UTF-8', async () => {
    const key = { keyId: config.sunshine.keyId, secret: 'sécret-☕' };
    const error = await failure(new IntegrationsClient(transport({ sunshineKey: key }), sunshine()).listMessaging());
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).status).toBe(401);
    const sent = emulator.requests.at(-1)?.headers.authorization ?? '';
    expect(Buffer.from(sent.replace(/^Basic /, ''), 'base64').toString('utf8')).toBe(`${key.keyId}:${key.secret}`);
  });

  it('never sends the Zendesk credentials to another origin', async () => {
    const http = transport();
    const error = await failure(http.send({ method: 'GET', url: 'https://elsewhere.example/api/v2/users/me', credentials: 'zendesk' }));
    expect(error).toBeInstanceOf(TypeError);
    expect(emulator.requests).toHaveLength(0);
  });
});

describe('AxiosTransport failures over HTTP', () => {
  const errors: Error[] = [];
  const collect = async (promise: Promise<unknown>): Promise<Error> => {
    const error = await failure(promise);
    errors.push(error);
    return error;
  };

  it('wrong credentials: HttpError 401 with the API’s own code and message, for Zendesk and for Sunshine', async () => {
    const wrong = transport({ zendeskToken: { email: config.zendeskApiToken.email, token: 'not-the-token' }, sunshineKey: { keyId: config.sunshine.keyId, secret: 'not-the-secret' } });
    const zendesk = await collect(new UsersClient(wrong).me());
    expect(zendesk).toBeInstanceOf(HttpError);
    expect(zendesk).not.toBeInstanceOf(RateLimitedError);
    expect((zendesk as HttpError).status).toBe(401);
    expect((zendesk as HttpError).detail).toEqual({ code: "Couldn't authenticate you" });
    expect((zendesk as HttpError).body).toEqual({ error: "Couldn't authenticate you" });

    const sunshineFailure = await collect(new IntegrationsClient(wrong, sunshine()).listMessaging());
    expect(sunshineFailure).toBeInstanceOf(HttpError);
    expect((sunshineFailure as HttpError).status).toBe(401);
    expect((sunshineFailure as HttpError).detail).toEqual({ code: 'unauthorized', message: 'Authorization is required' });
  });

  it('429 with Retry-After: RateLimitedError with retryAfterMs', async () => {
    emulator.faults.add({ match: { service: 'sunshine' }, fault: { kind: 'rateLimit', retryAfterSeconds: 7 }, times: 1 });
    const error = await collect(new IntegrationsClient(transport(), sunshine()).listMessaging());
    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as RateLimitedError).status).toBe(429);
    expect((error as RateLimitedError).retryAfterMs).toBe(7_000);
    expect((error as RateLimitedError).headers['retry-after']).toBe('7');
  });

  it('503: HttpError 503, not a rate limit', async () => {
    emulator.faults.add({ match: { service: 'zendesk', path: '/api/v2/users/me' }, fault: { kind: 'status', status: 503 }, times: 1 });
    const error = await collect(new UsersClient(transport()).me());
    expect(error).toBeInstanceOf(HttpError);
    expect(error).not.toBeInstanceOf(RateLimitedError);
    expect((error as HttpError).status).toBe(503);
    expect((error as HttpError).detail).toEqual({ code: 'ServiceUnavailable', message: 'Service unavailable' });
  });

  it('an answer slower than timeoutMs: TimeoutError, and the next request goes through', async () => {
    emulator.faults.add({ match: { service: 'zendesk' }, fault: { kind: 'latency', ms: 1_500 }, times: 1 });
    const http = transport();
    const started = Date.now();
    const error = await collect(http.send({ method: 'GET', url: '/api/v2/users/me', credentials: 'zendesk', timeoutMs: 200 }));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(Date.now() - started).toBeLessThan(1_400);
    expect((await http.send({ method: 'GET', url: '/api/v2/users/me', credentials: 'zendesk', timeoutMs: 5_000 })).status).toBe(200);
  });

  it('the default timeout applies when a request sets none', async () => {
    emulator.faults.add({ match: { service: 'sunshine' }, fault: { kind: 'latency', ms: 1_500 }, times: 1 });
    const error = await collect(new IntegrationsClient(transport({ defaultTimeoutMs: 200 }), sunshine()).listMessaging());
    expect(error).toBeInstanceOf(TimeoutError);
  });

  it('a body that stops coming before timeoutMs ends: TimeoutError, not a network failure', async () => {
    // The emulator answers whole responses: a raw server sends the headers and half a body, then stalls.
    const stalling = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"user":');
    });
    const port = await listen(stalling, 0);
    try {
      const error = await collect(transport({ zendeskOrigin: `http://127.0.0.1:${port}` }).send({ method: 'GET', url: '/api/v2/users/me', credentials: 'zendesk', timeoutMs: 200 }));
      expect(error).toBeInstanceOf(TimeoutError);
    } finally {
      await closeServer(stalling);
    }
  });

  it('a refused connection (closed port): NetworkError', async () => {
    const probe = createServer();
    const port = await listen(probe, 0);
    await closeServer(probe);
    const error = await collect(new UsersClient(transport({ zendeskOrigin: `http://127.0.0.1:${port}` })).me());
    expect(error).toBeInstanceOf(NetworkError);
  });

  it('a connection cut by the server: NetworkError', async () => {
    emulator.faults.add({ match: { service: 'sunshine' }, fault: { kind: 'networkError' }, times: 1 });
    const error = await collect(new IntegrationsClient(transport(), sunshine()).listMessaging());
    expect(error).toBeInstanceOf(NetworkError);
  });

  it('no error carries the Sunshine key or the Zendesk token', () => {
    expect(errors.length).toBeGreaterThanOrEqual(7);
    const secrets = [
      config.sunshine.keySecret,
      config.zendeskApiToken.token,
      'not-the-token',
      'not-the-secret',
      Buffer.from(`${config.sunshine.keyId}:${config.sunshine.keySecret}`).toString('base64'),
      Buffer.from(`${config.zendeskApiToken.email}/token:${config.zendeskApiToken.token}`).toString('base64'),
      Buffer.from(`${config.sunshine.keyId}:not-the-secret`).toString('base64'),
      Buffer.from(`${config.zendeskApiToken.email}/token:not-the-token`).toString('base64'),
    ];
    for (const error of errors) {
      const seen = [error.message, String(error), error.stack ?? '', JSON.stringify(error), String(error.cause ?? '')].join('\n');
      for (const secret of secrets) expect(seen.includes(secret), `${error.name}: ${error.message}`).toBe(false);
    }
  });
});
