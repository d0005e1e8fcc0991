import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmulator } from '../../emulator/index';
import { serveEmulator, type ServedEmulator } from '../../emulator/nodeServer';
import { apiTokenHeader } from './zendesk.helpers';
import { basicAuth } from './sunshine.support';

/** The emulator over real HTTP: one local port stands for the account's origin. */
describe('serveEmulator', () => {
  const emulator = createEmulator({ zendesk: { endUsers: 20 } });
  const sunshineKey = basicAuth(emulator.config.sunshine.keyId, emulator.config.sunshine.keySecret);
  let served: ServedEmulator;

  beforeAll(async () => {
    served = await serveEmulator(emulator);
  });
  afterAll(async () => {
    await served.close();
  });

  it('maps the local origin to the account origin, keeping path, query and headers', async () => {
    emulator.reset();
    const response = await fetch(`${served.url}/api/v2/users/me.json?include=groups`, { headers: { ...apiTokenHeader(emulator), 'x-probe': 'one' } });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { user: { email: string } }).user.email).toBe(emulator.config.zendeskApiToken.email);
    expect(response.headers.get('x-rate-limit')).not.toBeNull();
    const [recorded] = emulator.requests;
    expect(recorded).toMatchObject({ service: 'zendesk', method: 'GET', url: `${emulator.config.zendeskOrigin}/api/v2/users/me.json?include=groups` });
    expect(recorded?.headers['x-probe']).toBe('one');
    expect(served.origin).toBe(emulator.config.zendeskOrigin);
  });

  it('reaches Sunshine Conversations under /sc on the same port, as on the account host', async () => {
    emulator.reset();
    const response = await fetch(`${served.url}/sc/v2/apps/${emulator.config.sunshine.appId}/integrations`, { headers: { authorization: sunshineKey } });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { integrations: unknown[] }).integrations.length).toBeGreaterThan(0);
    expect(emulator.requests[0]?.service).toBe('sunshine');
  });

  it('forwards a JSON body and answers the API error bodies with their status', async () => {
    emulator.reset();
    const write = await fetch(`${served.url}/api/v2/users/1001`, {
      method: 'PUT',
      headers: { ...apiTokenHeader(emulator), 'content-type': 'application/json' },
      body: JSON.stringify({ user: { tags: ['vip'] } }),
    });
    expect(write.status).toBe(200);
    expect(emulator.zendesk.users.get(1001)?.tags).toEqual(['vip']);
    const refused = await fetch(`${served.url}/api/v2/users/me`);
    expect(refused.status).toBe(401);
    expect(await refused.json()).toEqual({ error: "Couldn't authenticate you" });
  });

  it('passes the faults through: Retry-After on a 429, a cut connection for a network error', async () => {
    emulator.reset();
    emulator.faults.add({ match: { service: 'zendesk' }, fault: { kind: 'rateLimit', retryAfterSeconds: 7 }, times: 1 });
    const limited = await fetch(`${served.url}/api/v2/users/me`, { headers: apiTokenHeader(emulator) });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    emulator.faults.add({ match: { service: 'zendesk' }, fault: { kind: 'networkError' }, times: 1 });
    await expect(fetch(`${served.url}/api/v2/users/me`, { headers: apiTokenHeader(emulator) })).rejects.toThrow();
    // The server is still there for the next request.
    expect((await fetch(`${served.url}/api/v2/users/me`, { headers: apiTokenHeader(emulator) })).status).toBe(200);
  });

  it('serves another emulated origin on its own port, e.g. a legacy Sunshine host', async () => {
    const legacy = await serveEmulator(emulator, { origin: 'https://api.smooch.io' });
    try {
      emulator.reset();
      const response = await fetch(`${legacy.url}/v2/apps/${emulator.config.sunshine.appId}/integrations`, { headers: { authorization: sunshineKey } });
      expect(response.status).toBe(200);
      expect(emulator.requests[0]?.url).toBe(`https://api.smooch.io/v2/apps/${emulator.config.sunshine.appId}/integrations`);
    } finally {
      await legacy.close();
    }
    await expect(fetch(`${legacy.url}/v2/apps`)).rejects.toThrow();
  });
});
