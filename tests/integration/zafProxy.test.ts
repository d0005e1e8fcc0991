import { beforeEach, describe, expect, it } from 'vitest';
import { createEmulator, ManualClock, SESSION_HEADER, type Emulator } from '../../emulator/index';
import { createInstallation, publicSettings } from '../../emulator/installation';
import { isWhitelisted, proxyZafRequest, type AppRequestRecord, type Installation } from '../../emulator/zafProxy';
import { SUNSHINE_AUTHORIZATION } from '../../src/zaf/zafTransport';

describe('the emulated Zendesk proxy', () => {
  let emulator: Emulator;
  let installation: Installation;
  let appRequests: AppRequestRecord[];
  const send = (options: unknown) => proxyZafRequest(emulator, installation, options, (record) => appRequests.push(record));

  beforeEach(() => {
    emulator = createEmulator({ clock: new ManualClock() });
    installation = createInstallation(emulator);
    appRequests = [];
  });

  it('puts the saved credential in the header as it is, for a whitelisted host, and Sunshine accepts it', async () => {
    const { keyId, keySecret, appId } = emulator.config.sunshine;
    const answer = await send({
      url: `https://${emulator.config.subdomain}.zendesk.com/sc/v2/apps/${appId}/integrations`,
      type: 'GET',
      secure: true,
      headers: { Authorization: SUNSHINE_AUTHORIZATION },
      httpCompleteResponse: true,
    });
    const received = emulator.requests.at(-1);
    expect(received?.headers.authorization).toBe(`Basic ${Buffer.from(`${keyId}:${keySecret}`).toString('base64')}`);
    expect(answer).toMatchObject({ ok: true, payload: { status: 200 } });
    // What the app posted still carries placeholders only.
    expect(appRequests[0]?.headers.Authorization).toBe(SUNSHINE_AUTHORIZATION);
    expect(JSON.stringify(appRequests)).not.toContain(keySecret);
    expect(received?.headers[SESSION_HEADER]).toBeUndefined();
  });

  it('refuses a secure request to a host outside domainWhitelist without sending anything', async () => {
    const result = await send({
      url: 'https://collector.example.net/steal',
      type: 'POST',
      secure: true,
      headers: { Authorization: SUNSHINE_AUTHORIZATION },
      data: '{}',
      httpCompleteResponse: true,
    });
    expect(result.ok).toBe(false);
    expect(result.payload).toMatchObject({ status: 403 });
    expect(JSON.stringify(result.payload)).toContain('domainWhitelist');
    expect(emulator.requests).toHaveLength(0);
    expect(appRequests[0]?.refused).toContain('collector.example.net');
  });

  it('leaves placeholders untouched on a request that is not secure', async () => {
    await send({
      url: `https://api.smooch.io/v2/apps/${emulator.config.sunshine.appId}/integrations`,
      headers: { Authorization: SUNSHINE_AUTHORIZATION },
    });
    expect(emulator.requests.at(-1)?.headers.authorization).toBe(SUNSHINE_AUTHORIZATION);
  });

  it('refuses a secure setting outside the scopes its parameter declares', async () => {
    const inUrl = await send({ url: 'https://api.smooch.io/v2/apps/{{setting.sunco_credential}}', secure: true });
    expect(inUrl.ok).toBe(false);
    const inBody = await send({ url: 'https://api.smooch.io/v2/apps/x', type: 'POST', secure: true, data: '{"k":"{{setting.sunco_credential}}"}' });
    expect(inBody.ok).toBe(false);
    expect(emulator.requests).toHaveLength(0);
  });

  it('only replaces text: the key ID and secret of the old two-setting form reach Sunshine unencoded and are refused', async () => {
    // Herald's earlier manifest and header, as an installation made before the credential setting has them.
    const { keyId, keySecret, appId } = emulator.config.sunshine;
    const old = createInstallation(emulator, {
      manifest: {
        ...installation.manifest,
        parameters: [
          ...(installation.manifest.parameters ?? []).filter((parameter) => parameter.name !== 'sunco_credential'),
          { name: 'sunco_key_id', type: 'text', secure: true, scopes: ['basic_auth_username'] },
          { name: 'sunco_key_secret', type: 'text', secure: true, scopes: ['basic_auth_password'] },
        ],
      },
      settings: { sunco_app_id: appId, sunco_key_id: keyId, sunco_key_secret: keySecret },
    });
    const answer = await proxyZafRequest(emulator, old, {
      url: `https://${emulator.config.subdomain}.zendesk.com/sc/v2/apps/${appId}/integrations`,
      secure: true,
      headers: { Authorization: 'Basic {{setting.sunco_key_id}}:{{setting.sunco_key_secret}}' },
      httpCompleteResponse: true,
    });
    expect(emulator.requests.at(-1)?.headers.authorization).toBe(`Basic ${keyId}:${keySecret}`);
    expect(answer).toMatchObject({ ok: false, payload: { status: 401 } });
  });

  it('refuses, before anything leaves, a request whose credential was never saved', async () => {
    installation.settings = { ...installation.settings, sunco_credential: undefined };
    const answer = await send({
      url: `https://${emulator.config.subdomain}.zendesk.com/sc/v2/apps/${emulator.config.sunshine.appId}/integrations`,
      secure: true,
      headers: { Authorization: SUNSHINE_AUTHORIZATION },
      httpCompleteResponse: true,
    });
    expect(answer).toMatchObject({ ok: false, payload: { status: 400 } });
    expect(JSON.stringify(answer.payload)).toContain('sunco_credential');
    expect(emulator.requests).toHaveLength(0);
  });

  it('substitutes non-secure settings on secure requests', async () => {
    await send({ url: 'https://api.smooch.io/v2/apps/{{setting.sunco_app_id}}/integrations', secure: true });
    expect(emulator.requests.at(-1)?.url).toBe(`https://api.smooch.io/v2/apps/${emulator.config.sunshine.appId}/integrations`);
  });

  it('authenticates relative requests with the agent session', async () => {
    await send({ url: '/api/v2/users/me' });
    const received = emulator.requests.at(-1);
    expect(received?.url).toBe(`${emulator.config.zendeskOrigin}/api/v2/users/me`);
    expect(received?.headers[SESSION_HEADER]).toBe('1');
  });

  it('rejects header names with underscores, as the real proxy does', async () => {
    const result = await send({ url: '/api/v2/users/me', headers: { client_id: 'x' } });
    expect(result).toMatchObject({ ok: false, payload: { status: 400 } });
  });

  it('answers injected faults with the status and Retry-After the app must handle', async () => {
    emulator.faults.add({ match: { service: 'zendesk', path: '/api/v2/users/me' }, fault: { kind: 'rateLimit', retryAfterSeconds: 17 }, times: 1 });
    const limited = await send({ url: '/api/v2/users/me', httpCompleteResponse: true });
    expect(limited).toMatchObject({ ok: false, payload: { status: 429, headers: { 'retry-after': '17' } } });
    emulator.faults.add({ match: { service: 'zendesk' }, fault: { kind: 'networkError' }, times: 1 });
    const cut = await send({ url: '/api/v2/users/me', httpCompleteResponse: true });
    expect(cut).toMatchObject({ ok: false, payload: { status: 0 } });
  });

  it('never exposes secure settings in metadata', () => {
    const visible = publicSettings(installation.manifest, installation.settings);
    expect(Object.keys(visible)).not.toContain('sunco_credential');
    expect(visible.sunco_app_id).toBe(emulator.config.sunshine.appId);
  });
});

describe('domainWhitelist matching', () => {
  it('lets *.zendesk.com cover every account subdomain and nothing else', () => {
    const list = ['*.zendesk.com', 'api.smooch.io'];
    expect(isWhitelisted('acme.zendesk.com', list)).toBe(true);
    expect(isWhitelisted('ACME.Zendesk.com', list)).toBe(true);
    expect(isWhitelisted('api.smooch.io', list)).toBe(true);
    expect(isWhitelisted('zendesk.com', list)).toBe(false);
    expect(isWhitelisted('evilzendesk.com', list)).toBe(false);
    expect(isWhitelisted('acme.zendesk.com.evil.net', list)).toBe(false);
    expect(isWhitelisted('api.eu-1.smooch.io', list)).toBe(false);
  });
});
