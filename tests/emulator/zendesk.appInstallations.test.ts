import { beforeEach, describe, expect, it } from 'vitest';
import { createEmulator, ManualClock, type Emulator } from '../../emulator/index';
import { createInstallation, publicSettings, sunshineCredentialOf, type RegisteredInstallation } from '../../emulator/installation';
import { proxyZafRequest } from '../../emulator/zafProxy';
import { SUNSHINE_AUTHORIZATION } from '../../src/zaf/zafTransport';
import { zendeskTestClient, type ZendeskTestClient } from './zendesk.helpers';

/**
 * Show and Update App Installation (Apps API) over the emulated account's installation registry,
 * and the emulated ZAF proxy reading that registry at request time.
 */

const SECURE = ['sunco_credential'];
/** The credential setting for a key: Basic credentials, as an admin saves them. */
const credentialOf = (keyId: string, secret: string) => Buffer.from(`${keyId}:${secret}`).toString('base64');

describe('the Apps API on app installations', () => {
  let zd: ZendeskTestClient;
  let installation: RegisteredInstallation;
  let secrets: string[];
  let path: string;

  beforeEach(() => {
    zd = zendeskTestClient({ endUsers: 20 });
    installation = createInstallation(zd.emulator);
    secrets = [zd.emulator.config.sunshine.keyId, zd.emulator.config.sunshine.keySecret, sunshineCredentialOf(zd.emulator.config)];
    path = `/api/v2/apps/installations/${installation.id}`;
  });

  it('shows the installation to an admin, as the documented object, with .json or without', async () => {
    for (const url of [path, `${path}.json`]) {
      const reply = await zd.get(url);
      expect(reply.status).toBe(200);
      expect(reply.body).toMatchObject({
        id: installation.id,
        app_id: installation.appId,
        product: 'support',
        enabled: true,
        settings: { name: 'Herald', title: 'Herald', sunco_app_id: zd.emulator.config.sunshine.appId, default_country: 'FR', send_rate: 8, whatsapp_namespace: null },
        created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
        updated: expect.stringMatching(/^\d{14}$/),
      });
      expect(reply.body.settings_objects).toContainEqual({ name: 'default_country', value: 'FR' });
      expect(reply.body.settings_objects).toHaveLength(Object.keys(reply.body.settings).length);
    }
  });

  it('never returns a secure setting, to an admin or an agent, set or not', async () => {
    for (const as of [1, 2]) {
      const reply = await zd.get(path, { as });
      expect(reply.status).toBe(200);
      const text = JSON.stringify(reply.body);
      for (const secret of secrets) expect(text).not.toContain(secret);
      for (const name of SECURE) {
        expect(reply.body.settings).not.toHaveProperty(name);
        expect(reply.body.settings_objects.map((entry: { name: string }) => entry.name)).not.toContain(name);
      }
    }
  });

  it('lets an admin change some settings, secure ones included, keeping the others', async () => {
    const rotated = credentialOf(secrets[0] ?? '', 'rotated-secret');
    const reply = await zd.request('PUT', `${path}.json`, { body: { settings: { default_country: 'BE', send_rate: '20', sunco_credential: rotated } } });
    expect(reply.status).toBe(200);
    expect(reply.body.settings).toMatchObject({ default_country: 'BE', send_rate: 20, sunco_app_id: zd.emulator.config.sunshine.appId });
    expect(JSON.stringify(reply.body)).not.toContain(rotated);
    expect(installation.settings).toMatchObject({ default_country: 'BE', send_rate: 20, sunco_credential: rotated });
    expect((await zd.get(path)).body.settings.default_country).toBe('BE');
  });

  it('keeps a secure setting sent empty, clears a non-secure one sent null, and renames the installation', async () => {
    const reply = await zd.request('PUT', path, { body: { settings: { sunco_credential: '', default_country: null, title: 'Herald (EU)' }, enabled: false } });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ enabled: false, settings: { title: 'Herald (EU)', name: 'Herald (EU)', default_country: null } });
    expect(installation.settings.sunco_credential).toBe(secrets[2]);
    expect(installation.settings).not.toHaveProperty('default_country');
  });

  it("refuses an agent's update with Zendesk's 403, changing nothing", async () => {
    const reply = await zd.request('PUT', path, { as: 2, body: { settings: { default_country: 'BE' } } });
    expect(reply.status).toBe(403);
    expect(reply.body).toEqual({ error: 'Forbidden', description: expect.stringContaining('You do not have access') });
    expect(installation.settings.default_country).toBe('FR');
  });

  it('refuses settings the manifest does not declare (422), changing nothing', async () => {
    const reply = await zd.request('PUT', path, { body: { settings: { default_country: 'BE', api_token: 'x' } } });
    expect(reply.status).toBe(422);
    expect(reply.body).toMatchObject({ error: 'RecordInvalid', details: { api_token: [{ error: 'InvalidValue', description: expect.stringContaining('api_token') }] } });
    expect(installation.settings.default_country).toBe('FR');
  });

  it('refuses a value of the wrong type or a required setting left empty (422)', async () => {
    const wrongType = await zd.request('PUT', path, { body: { settings: { send_rate: 'fast' } } });
    expect(wrongType.status).toBe(422);
    expect(Object.keys(wrongType.body.details)).toEqual(['send_rate']);
    const emptied = await zd.request('PUT', path, { body: { settings: { sunco_app_id: '' } } });
    expect(emptied.status).toBe(422);
    expect(Object.keys(emptied.body.details)).toEqual(['sunco_app_id']);
    const object = await zd.request('PUT', path, { body: { settings: { default_country: { code: 'BE' } } } });
    expect(object.status).toBe(422);
    expect(installation.settings).toMatchObject({ send_rate: 8, sunco_app_id: zd.emulator.config.sunshine.appId, default_country: 'FR' });
  });

  it('answers 404 for an unknown installation and 400 for a body that is not JSON', async () => {
    expect((await zd.get('/api/v2/apps/installations/123')).status).toBe(404);
    expect((await zd.request('PUT', '/api/v2/apps/installations/123', { body: { settings: {} } })).status).toBe(404);
    const form = await zd.request('PUT', path, { body: 'settings[default_country]=BE', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(form.status).toBe(400);
  });

  it('comes back to the installed settings on reset', async () => {
    await zd.request('PUT', path, { body: { settings: { default_country: 'BE', sunco_credential: 'cm90YXRlZA==' } } });
    zd.emulator.reset();
    expect(installation.settings).toMatchObject({ default_country: 'FR', sunco_credential: secrets[2] });
    expect((await zd.get(path)).body.settings.default_country).toBe('FR');
  });

  it('keeps installations apart, each with its own settings and ids', () => {
    const other = createInstallation(zd.emulator, { settings: { default_country: 'DE' } });
    expect(other.id).not.toBe(installation.id);
    expect(other.settings).toEqual({ default_country: 'DE' });
    expect(installation.settings.default_country).toBe('FR');
    expect(publicSettings(other.manifest, other.settings)).toEqual({ default_country: 'DE' });
  });
});

describe('the emulated ZAF proxy after a settings change', () => {
  let emulator: Emulator;
  let installation: RegisteredInstallation;
  const integrationsUrl = () => `${emulator.config.zendeskOrigin}/sc/v2/apps/{{setting.sunco_app_id}}/integrations`;
  const send = (options: unknown) => proxyZafRequest(emulator, installation, options);
  const sunshineCall = () => send({ url: integrationsUrl(), secure: true, headers: { Authorization: SUNSHINE_AUTHORIZATION }, httpCompleteResponse: true });
  const updateSettings = (settings: Record<string, unknown>) =>
    send({
      url: `/api/v2/apps/installations/${installation.id}.json`,
      type: 'PUT',
      contentType: 'application/json',
      data: JSON.stringify({ settings }),
      httpCompleteResponse: true,
    });

  beforeEach(() => {
    emulator = createEmulator({ clock: new ManualClock(), zendesk: { endUsers: 20 } });
    installation = createInstallation(emulator);
  });

  it('uses the new credential on the very next secure request', async () => {
    const { keyId, keySecret } = emulator.config.sunshine;
    expect((await sunshineCall()).ok).toBe(true);

    expect((await updateSettings({ sunco_credential: credentialOf(keyId, 'rotated-secret') })).ok).toBe(true);
    const refused = await sunshineCall();
    expect(refused).toMatchObject({ ok: false, payload: { status: 401 } });
    expect(emulator.requests.at(-1)?.headers.authorization).toBe(`Basic ${credentialOf(keyId, 'rotated-secret')}`);

    expect((await updateSettings({ sunco_credential: credentialOf(keyId, keySecret) })).ok).toBe(true);
    expect((await sunshineCall()).ok).toBe(true);
    expect(emulator.requests.at(-1)?.headers.authorization).toBe(`Basic ${credentialOf(keyId, keySecret)}`);
  });

  it('substitutes the new non-secure value too, and reads the record again after a reset', async () => {
    await updateSettings({ sunco_app_id: 'aaaaaaaaaaaaaaaaaaaaaaaa' });
    await sunshineCall();
    expect(emulator.requests.at(-1)?.url).toContain('/sc/v2/apps/aaaaaaaaaaaaaaaaaaaaaaaa/integrations');

    emulator.reset();
    expect((await sunshineCall()).ok).toBe(true);
    expect(emulator.requests.at(-1)?.url).toContain(`/sc/v2/apps/${emulator.config.sunshine.appId}/integrations`);
  });

  it('lets an agent read the installation but not change it', async () => {
    installation.currentUserId = 2;
    const shown = await send({ url: `/api/v2/apps/installations/${installation.id}.json`, httpCompleteResponse: true });
    expect(shown).toMatchObject({ ok: true, payload: { status: 200 } });
    expect(await updateSettings({ sunco_credential: 'c3RvbGVu' })).toMatchObject({ ok: false, payload: { status: 403 } });
    expect(installation.settings.sunco_credential).toBe(sunshineCredentialOf(emulator.config));
  });
});
