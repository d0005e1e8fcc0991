import { beforeEach, describe, expect, it } from 'vitest';
import { createEmulator, ManualClock, type Emulator } from '../../emulator/index';
import { createInstallation, sunshineCredentialOf, type RegisteredInstallation } from '../../emulator/installation';
import { causeOf } from '../../src/core/failure/failureCause';
import { IntegrationsClient } from '../../src/api/sunshine/integrations';
import { HttpError } from '../../src/api/transport/errors';
import { ZafTransport } from '../../src/zaf/zafTransport';
import { AppInstallationsClient, settingErrors } from '../../src/api/zendesk/appInstallations';
import { currentUserSchema, getCurrentUser } from '../../src/zaf/data';
import { parseSettings } from '../../src/core/settings/settings';
import { createFakeZafClient, type FakeZafClient } from '../support/fakeZafClient';

/**
 * Herald configuring its own installation through the Apps API, from inside the app: the real
 * ZafTransport, through the emulated Zendesk proxy, against the emulator's installation registry.
 */
describe('AppInstallationsClient through ZAF', () => {
  let emulator: Emulator;
  let installation: RegisteredInstallation;
  let client: FakeZafClient;
  let installations: AppInstallationsClient;

  const as = (agentId: number): AppInstallationsClient => {
    installation.currentUserId = agentId;
    return installations;
  };

  beforeEach(() => {
    emulator = createEmulator({ clock: new ManualClock(), zendesk: { endUsers: 20 } });
    installation = createInstallation(emulator);
    client = createFakeZafClient({ emulator, installation });
    installations = new AppInstallationsClient(new ZafTransport(client));
  });

  it("reads the installation of the app's metadata: non-secure settings only", async () => {
    const { installationId } = await client.metadata();
    expect(installationId).toBe(installation.id);
    const shown = await installations.get(installationId);
    expect(shown).toMatchObject({ id: installation.id, appId: installation.appId, title: 'Herald', enabled: true });
    expect(shown.settings).toMatchObject({ sunco_app_id: emulator.config.sunshine.appId, default_country: 'FR', send_rate: 8, opt_in_rule: 'tag:whatsapp_opt_in' });
    expect(shown.settings).not.toHaveProperty('sunco_credential');
    expect(shown.settings).not.toHaveProperty('whatsapp_namespace');
    expect(shown.settings).not.toHaveProperty('title');
    // What the app sent and received never holds a secret.
    expect(JSON.stringify(client.appRequests)).not.toContain(emulator.config.sunshine.keySecret);
    expect(JSON.stringify(client.appRequests)).not.toContain(sunshineCredentialOf(emulator.config));
  });

  it('saves settings as an admin; the app sees them in its metadata and the next request uses the new key', async () => {
    const integrations = () => {
      const parsed = parseSettings(metadataSettings, emulator.config.subdomain);
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
      return new IntegrationsClient(new ZafTransport(client), parsed.settings.sunshine);
    };
    let metadataSettings = (await client.metadata()).settings;
    expect((await integrations().listMessaging()).length).toBeGreaterThan(0);

    const wrong = Buffer.from(`${emulator.config.sunshine.keyId}:a-wrong-secret`).toString('base64');
    const saved = await installations.updateSettings(installation.id, { default_country: 'BE', sunco_credential: wrong });
    expect(saved.settings.default_country).toBe('BE');
    expect(JSON.stringify(saved)).not.toContain(wrong);
    metadataSettings = (await client.metadata()).settings;
    expect(metadataSettings.default_country).toBe('BE');
    expect(causeOf(await integrations().listMessaging().catch((error: unknown) => error))).toBe('credentials-rejected');

    await installations.updateSettings(installation.id, { sunco_credential: sunshineCredentialOf(emulator.config) });
    expect((await integrations().listMessaging()).length).toBeGreaterThan(0);
    // The secret travelled once, in the body of the PUT the app made, and never came back.
    const puts = client.appRequests.filter((request) => request.method === 'PUT');
    expect(puts).toHaveLength(2);
    expect(puts.every((request) => request.url === `/api/v2/apps/installations/${installation.id}.json`)).toBe(true);
  });

  it('clears a non-secure setting with null and keeps a secure one sent empty', async () => {
    const saved = await installations.updateSettings(installation.id, { default_country: null, sunco_credential: '' });
    expect(saved.settings).not.toHaveProperty('default_country');
    expect(installation.settings.sunco_credential).toBe(sunshineCredentialOf(emulator.config));
  });

  it("refuses an agent's update with a typed 403", async () => {
    const error = await as(2)
      .updateSettings(installation.id, { default_country: 'BE' })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ status: 403, detail: { code: 'Forbidden' } });
    expect(installation.settings.default_country).toBe('FR');
    // Reading stays open to agents, as documented.
    expect((await as(2).get(installation.id)).settings.default_country).toBe('FR');
  });

  it('names the refused settings of a 422', async () => {
    const error = await installations.updateSettings(installation.id, { default_country: 'BE', api_token: 'x', send_rate: 'fast' }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 422, detail: { code: 'RecordInvalid' } });
    expect(settingErrors(error)).toEqual({ api_token: expect.stringContaining('api_token'), send_rate: expect.stringContaining('number') });
    expect(settingErrors(new Error('x'))).toBeUndefined();
    expect(installation.settings.default_country).toBe('FR');
  });

  it('answers 404 for an installation that does not exist', async () => {
    await expect(installations.get(123)).rejects.toMatchObject({ status: 404 });
  });
});

describe('currentUser through the fake ZAF client', () => {
  it("gives the signed-in agent's groups as ZAF does", async () => {
    const emulator = createEmulator({ clock: new ManualClock(), zendesk: { endUsers: 20 } });
    const installation = createInstallation(emulator);
    const client = createFakeZafClient({ emulator, installation });
    expect(await getCurrentUser(client)).toMatchObject({ id: 1, name: 'Alex Martin', role: 'admin', groups: [{ id: expect.any(Number), name: 'Support' }] });
    installation.currentUserId = 2;
    expect((await getCurrentUser(client)).groups.map((group) => group.name)).toEqual(['Marketing']);
    expect((await client.get('currentUser.groups'))['currentUser.groups']).toEqual([{ id: expect.any(Number), name: 'Marketing' }]);
  });
});

describe('currentUserSchema groups', () => {
  it('defaults to no group, keeps extra fields, reads numeric string ids', () => {
    expect(currentUserSchema.parse({ id: 1, name: 'Alex' }).groups).toEqual([]);
    expect(currentUserSchema.parse({ id: 1, name: 'Alex', groups: null }).groups).toEqual([]);
    const parsed = currentUserSchema.parse({ id: 1, name: 'Alex', groups: [{ id: '360000400001', name: 'Support', deleted: false }] });
    expect(parsed.groups).toEqual([{ id: 360000400001, name: 'Support', deleted: false }]);
    expect(currentUserSchema.safeParse({ id: 1, name: 'Alex', groups: [{ id: 1 }] }).success).toBe(false);
  });
});
