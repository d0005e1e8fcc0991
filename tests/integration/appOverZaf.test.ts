import { beforeEach, describe, expect, it } from 'vitest';
import { createEmulator, ManualClock, type Emulator } from '../../emulator/index';
import { configuredSettings, createInstallation, publicSettings, readAppManifest, sunshineCredentialOf } from '../../emulator/installation';
import { causeOf } from '../../src/core/failure/failureCause';
import { IntegrationsClient, MESSAGING_TYPES } from '../../src/api/sunshine/integrations';
import { RateLimitedError } from '../../src/api/transport/errors';
import { ZafTransport } from '../../src/zaf/zafTransport';
import { parseSettings } from '../../src/core/settings/settings';
import { createFakeZafClient, type FakeZafClient } from '../support/fakeZafClient';

/**
 * The app's clients over the real ZafTransport, through the emulated Zendesk proxy, against the
 * emulator: what runs in the browser, minus the browser.
 */
describe('the app talking to Sunshine Conversations through Zendesk', () => {
  let emulator: Emulator;
  let client: FakeZafClient;

  function integrationsClient(settings = configuredSettings(emulator.config, readAppManifest())) {
    const installation = createInstallation(emulator, { settings });
    client = createFakeZafClient({ emulator, installation });
    // The app reads its settings as Zendesk hands them over: without the secure ones.
    const parsed = parseSettings(publicSettings(installation.manifest, installation.settings), emulator.config.subdomain);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    return new IntegrationsClient(new ZafTransport(client), parsed.settings.sunshine);
  }

  beforeEach(() => {
    emulator = createEmulator({
      clock: new ManualClock(),
      // Enough numbers to need several pages of 100.
      sunshine: {
        extraIntegrations: Array.from({ length: 180 }, (_, index) => ({
          type: 'whatsapp' as const,
          status: 'active' as const,
          displayName: `Store ${index + 1}`,
          phoneNumber: `3361234${String(index).padStart(4, '0')}`,
          hsmFallbackLanguage: 'fr',
          accountId: `waba-${index}`,
        })),
      },
    });
  });

  it('lists every WhatsApp and SMS integration across pages, and nothing else', async () => {
    const listed = await integrationsClient().listMessaging();
    const expected = emulator.sunshine.integrations().filter((integration) => (MESSAGING_TYPES as readonly string[]).includes(integration.type));
    expect(listed.map((integration) => integration.id).sort()).toEqual(expected.map((integration) => integration.id).sort());
    expect(new Set(listed.map((integration) => integration.id)).size).toBe(listed.length);
    expect(listed.find((integration) => integration.type === 'twilio')).toMatchObject({ channel: 'sms', status: 'active' });
    expect(client.appRequests.length).toBeGreaterThan(1);
  });

  it('sends every Sunshine request secure, with placeholders and never a literal key', async () => {
    await integrationsClient().listMessaging();
    const { keyId, keySecret } = emulator.config.sunshine;
    const sunshineRequests = client.appRequests.filter((request) => request.url.includes('/sc/'));
    expect(sunshineRequests.length).toBeGreaterThan(0);
    for (const request of sunshineRequests) {
      expect(request.secure).toBe(true);
      expect(request.headers.Authorization).toBe('Basic {{setting.sunco_credential}}');
      const posted = JSON.stringify(request);
      expect(posted).not.toContain(keyId);
      expect(posted).not.toContain(keySecret);
      expect(posted).not.toContain(sunshineCredentialOf(emulator.config));
    }
  });

  it('explains a wrong secret and an unknown app id as different causes', async () => {
    const manifest = readAppManifest();
    const wrongSecret = { ...configuredSettings(emulator.config, manifest), sunco_credential: Buffer.from(`${emulator.config.sunshine.keyId}:not-the-secret`).toString('base64') };
    expect(causeOf(await integrationsClient(wrongSecret).listMessaging().catch((error: unknown) => error))).toBe('credentials-rejected');
    const unknownApp = { ...configuredSettings(emulator.config, manifest), sunco_app_id: '000000000000000000000000' };
    expect(causeOf(await integrationsClient(unknownApp).listMessaging().catch((error: unknown) => error))).toBe('not-found');
  });

  it('surfaces a 429 with its Retry-After as a typed error', async () => {
    emulator.faults.add({ match: { service: 'sunshine', path: /\/integrations$/ }, fault: { kind: 'rateLimit', retryAfterSeconds: 30 }, times: 1 });
    const error = await integrationsClient().listMessaging().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as RateLimitedError).retryAfterMs).toBe(30_000);
  });

  it('says when the configured host is refused by domainWhitelist', async () => {
    client = createFakeZafClient({ emulator, installation: createInstallation(emulator) });
    const outside = new IntegrationsClient(new ZafTransport(client), { baseUrl: 'https://sunshine.example.net', appId: emulator.config.sunshine.appId });
    expect(causeOf(await outside.listMessaging().catch((error: unknown) => error))).toBe('host-not-allowed');
    expect(emulator.requests).toHaveLength(0);
  });
});
