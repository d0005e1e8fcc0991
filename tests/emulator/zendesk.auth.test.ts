import { describe, expect, it } from 'vitest';
import { apiTokenHeader, bearerHeader, zendeskTestClient } from './zendesk.helpers';

describe('Zendesk authentication', () => {
  const zd = zendeskTestClient({ endUsers: 20, requestsPerMinute: 10_000 });
  const endUserId = zd.emulator.zendesk.seedIds.firstEndUserId;

  it('accepts an agent session and the API token, and says who is calling', async () => {
    expect((await zd.get('/api/v2/users/me', { as: 2 })).body.user.name).toBe('Samira Haddad');
    const byToken = await zd.get('/api/v2/users/me', { as: null, headers: apiTokenHeader(zd.emulator) });
    expect(byToken.status).toBe(200);
    expect(byToken.body.user).toMatchObject({ id: zd.emulator.zendesk.currentAgentId, role: 'admin', email: zd.emulator.config.zendeskApiToken.email });
  });

  it.each([
    ['no credentials', { as: null }],
    ['an unknown session user', { as: 987654 }],
    ['a wrong token', { as: null, headers: apiTokenHeader(zd.emulator, 'not-the-token') }],
    ['a password instead of a token', { as: null, headers: { authorization: `Basic ${Buffer.from(`${zd.emulator.config.zendeskApiToken.email}:${zd.emulator.config.zendeskApiToken.token}`).toString('base64')}` } }],
    ['the API token as a bearer token', { as: null, headers: bearerHeader(zd.emulator, zd.emulator.config.zendeskApiToken.token) }],
    ['an unknown bearer token', { as: null, headers: bearerHeader(zd.emulator, 'emulator-oauth-revoked') }],
    ['the OAuth token in Basic credentials', { as: null, headers: { authorization: `Basic ${Buffer.from(`${zd.emulator.config.zendeskOAuthToken.email}/token:${zd.emulator.config.zendeskOAuthToken.token}`).toString('base64')}` } }],
    ['garbage', { as: null, headers: { authorization: 'Basic %%%' } }],
  ])('answers 401 to %s, on every kind of endpoint', async (_label, options) => {
    for (const path of ['/api/v2/users/me', '/api/v2/search/export?filter[type]=user&query=tags:vip', '/api/v2/custom_objects', '/api/v2/tickets/101']) {
      const reply = await zd.get(path, options);
      expect(reply.status, path).toBe(401);
      expect(reply.body).toEqual({ error: "Couldn't authenticate you" });
    }
  });

  it('accepts an OAuth access token as a bearer token, acting as its agent', async () => {
    const reply = await zd.get('/api/v2/users/me', { as: null, headers: bearerHeader(zd.emulator) });
    expect(reply.status).toBe(200);
    expect(reply.body.user).toMatchObject({ id: zd.emulator.zendesk.currentAgentId, role: 'admin', email: zd.emulator.config.zendeskOAuthToken.email });
    const write = await zd.request('PUT', '/api/v2/users/1001', { as: null, headers: bearerHeader(zd.emulator), body: { user: { tags: ['vip'] } } });
    expect(write.status).toBe(200);
    expect(write.body.user.tags).toEqual(['vip']);
  });

  it('lets a read-only OAuth token read and answers its writes 403 Forbidden', async () => {
    const readOnly = bearerHeader(zd.emulator, zd.emulator.config.zendeskReadOnlyOAuthToken.token);
    expect((await zd.get('/api/v2/search/export?filter[type]=user&query=tags:vip', { as: null, headers: readOnly })).status).toBe(200);
    const before = zd.emulator.zendesk.users.get(1002)?.tags;
    const write = await zd.request('PUT', '/api/v2/users/1002', { as: null, headers: readOnly, body: { user: { tags: ['refused'] } } });
    expect(write.status).toBe(403);
    expect(write.body).toEqual({
      error: 'Forbidden',
      description: 'You do not have access to this page. Please contact the account owner of this help desk for further help.',
    });
    expect(zd.emulator.zendesk.users.get(1002)?.tags).toEqual(before);
  });

  it('limits a resource scope to its resource', async () => {
    const zoned = zendeskTestClient({ endUsers: 20 });
    // The config holds the tokens the emulator accepts; this emulator's read-only token gets users:write on top.
    zoned.emulator.config.zendeskReadOnlyOAuthToken.scopes = ['read', 'users:write'];
    const headers = bearerHeader(zoned.emulator, zoned.emulator.config.zendeskReadOnlyOAuthToken.token);
    expect((await zoned.request('PUT', '/api/v2/users/1001.json', { as: null, headers, body: { user: { tags: ['vip'] } } })).status).toBe(200);
    expect((await zoned.request('PUT', '/api/v2/tickets/101', { as: null, headers, body: { ticket: { priority: 'high' } } })).status).toBe(403);
  });

  it('refuses end users (403)', async () => {
    const reply = await zd.get('/api/v2/users/me', { as: endUserId });
    expect(reply.status).toBe(403);
    expect(reply.body.error).toBe('Forbidden');
  });
});

describe('Zendesk routing', () => {
  it('serves paths with and without .json, on the account origin only', async () => {
    const zd = zendeskTestClient({ endUsers: 20 });
    expect((await zd.get('/api/v2/tickets/101')).body.ticket.id).toBe(101);
    expect((await zd.get('/api/v2/tickets/101.json')).body.ticket.id).toBe(101);
    const unknown = await zd.get('/api/v2/macros.json');
    expect(unknown.status).toBe(404);
    const otherAccount = await zd.get('https://someone-else.zendesk.com/api/v2/users/me.json');
    expect(otherAccount.status).not.toBe(200);
  });

  it('reads JSON bodies only when sent as application/json (the ZAF default is form-encoded)', async () => {
    const zd = zendeskTestClient({ endUsers: 20 });
    const reply = await zd.request('PUT', '/api/v2/users/1001', {
      body: JSON.stringify({ user: { tags: ['vip'] } }),
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=UTF-8' },
    });
    expect(reply.status).toBe(400);
    expect(zd.emulator.zendesk.users.get(1001)?.tags).not.toEqual(['vip']);
  });

  it('answers from the new state after reset', async () => {
    const zd = zendeskTestClient({ endUsers: 20 });
    await zd.request('PUT', '/api/v2/users/1001', { body: { user: { name: 'Renamed' } } });
    expect((await zd.get('/api/v2/users/1001')).body.user.name).toBe('Renamed');
    zd.emulator.reset();
    expect((await zd.get('/api/v2/users/1001')).body.user.name).not.toBe('Renamed');
  });
});

describe('Zendesk account rate limit', () => {
  it('answers 429 with Retry-After past requestsPerMinute on the emulator clock, and X-Rate-Limit headers always', async () => {
    const zd = zendeskTestClient({ endUsers: 20, requestsPerMinute: 5 });
    for (let index = 0; index < 5; index++) {
      const reply = await zd.get('/api/v2/users/me');
      expect(reply.status).toBe(200);
      expect(reply.headers.get('x-rate-limit')).toBe('5');
      expect(reply.headers.get('x-rate-limit-remaining')).toBe(String(4 - index));
      zd.clock.advance(10_000);
    }
    const limited = await zd.get('/api/v2/users/me');
    expect(limited.status).toBe(429);
    // The first request (50 s ago) leaves the window in 10 s.
    expect(limited.headers.get('retry-after')).toBe('10');
    zd.clock.advance(10_000);
    expect((await zd.get('/api/v2/users/me')).status).toBe(200);
  });

  it('does not count requests that fail authentication', async () => {
    const zd = zendeskTestClient({ endUsers: 20, requestsPerMinute: 2 });
    for (let index = 0; index < 5; index++) expect((await zd.get('/api/v2/users/me', { as: null })).status).toBe(401);
    expect((await zd.get('/api/v2/users/me')).status).toBe(200);
  });
});
