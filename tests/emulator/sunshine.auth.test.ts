import { describe, expect, it } from 'vitest';
import { SEEDED_INTEGRATION_IDS } from '../../emulator/sunshine/state';
import { basicAuth, smsNotification, sunshineHarness, type SunshineHarness } from './sunshine.support';

/** Every route, with the error body shape of its API version. */
function routes(harness: SunshineHarness, appId = harness.appId): Array<{ method: string; path: string; flavor: 'v2' | 'v1'; body?: unknown }> {
  const france = SEEDED_INTEGRATION_IDS.whatsappFrance;
  const templates = `/v1.1/apps/${appId}/integrations/${france}/messageTemplates`;
  return [
    { method: 'GET', path: `/v2/apps/${appId}`, flavor: 'v2' },
    { method: 'GET', path: `/v2/apps/${appId}/integrations`, flavor: 'v2' },
    { method: 'GET', path: `/v2/apps/${appId}/integrations/${france}`, flavor: 'v2' },
    { method: 'GET', path: templates, flavor: 'v1' },
    { method: 'POST', path: templates, flavor: 'v1', body: { name: 'auth_probe', language: 'fr', category: 'UTILITY', components: [{ type: 'BODY', text: 'x' }] } },
    { method: 'DELETE', path: `${templates}/order_update`, flavor: 'v1' },
    { method: 'POST', path: `/v1.1/apps/${appId}/notifications`, flavor: 'v1', body: smsNotification(SEEDED_INTEGRATION_IDS.twilioSms, '+15555550123', 'x') },
    { method: 'POST', path: `/v1/apps/${appId}/notifications`, flavor: 'v1', body: smsNotification(SEEDED_INTEGRATION_IDS.twilioSms, '+15555550123', 'x') },
  ];
}

function expectError(body: unknown, flavor: 'v2' | 'v1', code: string, message: string): void {
  if (flavor === 'v2') expect(body).toEqual({ errors: [{ code, title: message }] });
  else expect(body).toEqual({ error: { code, description: message } });
}

describe('Sunshine authentication', () => {
  it('answers every route with the key id and secret, on every base URL', async () => {
    const harness = sunshineHarness();
    for (const base of harness.emulator.config.sunshineBaseUrls) {
      for (const route of routes(harness)) {
        const reply = await harness.call(route.method, route.path, { base, body: route.body });
        expect(reply.status, `${route.method} ${base}${route.path}`).toBeLessThan(300);
      }
      harness.emulator.reset();
    }
  });

  it.each<[string, Record<string, string>]>([
    ['no Authorization header', {}],
    ['a wrong secret', { authorization: 'WRONG' }],
    ['the key id and secret swapped', { authorization: 'SWAPPED' }],
    ['a Bearer token', { authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.e30.x' }],
    ['Basic with garbage', { authorization: 'Basic %%%' }],
  ])('refuses %s with 401 on every route, changing nothing', async (_label, headers) => {
    const harness = sunshineHarness();
    const { keyId, keySecret } = harness.emulator.config.sunshine;
    const authorization =
      headers.authorization === 'WRONG' ? basicAuth(keyId, `${keySecret}x`) : headers.authorization === 'SWAPPED' ? basicAuth(keySecret, keyId) : headers.authorization;
    const templatesBefore = harness.state.messageTemplates(SEEDED_INTEGRATION_IDS.whatsappFrance);
    for (const route of routes(harness)) {
      const reply = await harness.call(route.method, route.path, {
        body: route.body,
        headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      });
      expect(reply.status, `${route.method} ${route.path}`).toBe(401);
      expectError(reply.body, route.flavor, 'unauthorized', 'Authorization is required');
    }
    expect(harness.state.messageTemplates(SEEDED_INTEGRATION_IDS.whatsappFrance)).toEqual(templatesBefore);
    expect(harness.state.notifications()).toEqual([]);
  });

  it('answers 404 app_not_found for another app, once authenticated', async () => {
    const harness = sunshineHarness();
    for (const route of routes(harness, '000000000000000000000000')) {
      const reply = await harness.call(route.method, route.path, { body: route.body });
      expect(reply.status, `${route.method} ${route.path}`).toBe(404);
      expectError(reply.body, route.flavor, 'app_not_found', 'App not found');
    }
  });

  it('checks credentials before revealing whether an app exists', async () => {
    const harness = sunshineHarness();
    const reply = await harness.call('GET', '/v2/apps/000000000000000000000000', { headers: {} });
    expect(reply.status).toBe(401);
  });
});

describe('Sunshine routes the emulator does not serve', () => {
  it('answer the API 404 on every base URL', async () => {
    const harness = sunshineHarness();
    for (const base of harness.emulator.config.sunshineBaseUrls) {
      const reply = await harness.call('GET', `/v2/apps/${harness.appId}/conversations`, { base });
      expect(reply.status).toBe(404);
      expect(reply.body).toEqual({ errors: [{ code: 'not_found', title: 'Resource not found' }] });
    }
  });
});
