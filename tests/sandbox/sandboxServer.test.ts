import { sunshineCredentialOf } from '../../emulator/installation';
import { readFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppMetadata, SettingsView } from '../../sandbox/apiTypes';
import { acceptsGzip, LOCAL_ZAF_SDK_PATH } from '../../sandbox/appServer';
import { resolveGet, type GetScope } from '../../sandbox/host/zaf/getPaths';
import { SANDBOX_APP_ID, SANDBOX_INSTALLATION_ID } from '../../sandbox/sandboxApi';
import { startSandbox, type Sandbox } from '../../sandbox/server';

/** The sandbox's two servers over HTTP, without a browser. */

const PROBE_APP = fileURLToPath(new URL('../browser/fixtures/probe-app', import.meta.url));
const CDN_SDK = 'https://static.zdassets.com/zendesk_app_framework_sdk/2.0/zaf_sdk.min.js';

let sandbox: Sandbox;
let secrets: string[];

beforeAll(async () => {
  sandbox = await startSandbox({ distDir: PROBE_APP });
  secrets = [sandbox.emulator.config.sunshine.keyId, sandbox.emulator.config.sunshine.keySecret, sunshineCredentialOf(sandbox.emulator.config)];
});

afterAll(async () => {
  await sandbox?.close();
});

beforeEach(async () => {
  await api('POST', '/reset');
});

async function api(method: string, apiPath: string, body?: unknown): Promise<{ status: number; text: string; json: unknown }> {
  const response = await fetch(new URL(`/__sandbox${apiPath}`, sandbox.hostUrl), {
    method,
    headers: method === 'GET' ? undefined : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, text, json: text ? (JSON.parse(text) as unknown) : undefined };
}

function fieldsOf(view: unknown): SettingsView['fields'] {
  return (view as SettingsView).fields;
}

describe('settings', () => {
  it('starts from the manifest defaults plus a configuration that works with the emulator', () => {
    expect(sandbox.installation.settings).toMatchObject({
      sunco_app_id: sandbox.emulator.config.sunshine.appId,
      sunco_credential: secrets[2],
      default_country: 'FR',
      send_rate: 8,
    });
  });

  it('never returns a secure value, only whether it is set', async () => {
    const { status, text, json } = await api('GET', '/settings');
    expect(status).toBe(200);
    for (const secret of secrets) expect(text).not.toContain(secret);
    const secret = fieldsOf(json).find((field) => field.name === 'sunco_credential');
    expect(secret).toMatchObject({ secure: true, isSet: true, label: 'Credential', helpText: 'Secure.' });
    expect(secret).not.toHaveProperty('value');
    expect(fieldsOf(json).find((field) => field.name === 'default_country')).toMatchObject({ value: 'FR', secure: false });
  });

  it('keeps a secure value when the form sends it empty, and replaces it when given', async () => {
    await api('PUT', '/settings', { settings: { sunco_credential: '', default_country: 'BE' } });
    expect(sandbox.installation.settings).toMatchObject({ sunco_credential: secrets[2], default_country: 'BE' });

    const { text } = await api('PUT', '/settings', { settings: { sunco_credential: 'YS1uZXctY3JlZGVudGlhbA==' } });
    expect(sandbox.installation.settings.sunco_credential).toBe('YS1uZXctY3JlZGVudGlhbA==');
    expect(text).not.toContain('YS1uZXctY3JlZGVudGlhbA==');
  });

  it('refuses an update that leaves a required setting empty or a number invalid', async () => {
    const { status, json } = await api('PUT', '/settings', { settings: { sunco_app_id: '', send_rate: 'fast' } });
    expect(status).toBe(422);
    expect(json).toEqual({ errors: { sunco_app_id: 'is required', send_rate: 'must be a number' } });
    expect(sandbox.installation.settings.sunco_app_id).toBe(sandbox.emulator.config.sunshine.appId);
  });

  it('can start from empty settings, and reset brings the defaults back', async () => {
    const { json } = await api('POST', '/settings/empty');
    expect(fieldsOf(json).every((field) => field.value === undefined && !field.isSet)).toBe(true);
    expect(sandbox.installation.settings).toEqual({});

    await api('POST', '/reset');
    expect(sandbox.installation.settings.sunco_credential).toBe(secrets[2]);
  });

  it('bootstraps the page with non-secure settings only', async () => {
    const { text, json } = await api('GET', '/bootstrap');
    for (const secret of secrets) expect(text).not.toContain(secret);
    expect(json).toMatchObject({
      metadata: { name: 'Probe', version: '9.9.9', settings: { title: 'Probe', default_country: 'FR', send_rate: 8 } },
      account: { subdomain: 'herald-demo' },
      appOrigin: new URL(sandbox.appUrl).origin,
      session: { agentId: 1, agent: { id: 1, name: 'Alex Martin' } },
    });
  });
});

describe('settings changed by the app through the Apps API', () => {
  const installationUrl = `/api/v2/apps/installations/${SANDBOX_INSTALLATION_ID}.json`;
  const appRequest = (options: unknown) => api('POST', '/request', { instanceGuid: 'guid-1', options });
  const putSettings = (settings: Record<string, unknown>) =>
    appRequest({ url: installationUrl, type: 'PUT', contentType: 'application/json', data: JSON.stringify({ settings }), httpCompleteResponse: true });
  const sunshineRequest = () =>
    appRequest({
      url: `${sandbox.emulator.config.zendeskOrigin}/sc/v2/apps/{{setting.sunco_app_id}}/integrations`,
      secure: true,
      headers: { Authorization: 'Basic {{setting.sunco_credential}}' },
      httpCompleteResponse: true,
    });

  it('registers the sandbox installation in the emulated account, with the ids metadata gives', async () => {
    expect(sandbox.installation).toMatchObject({ id: SANDBOX_INSTALLATION_ID, appId: SANDBOX_APP_ID });
    expect(sandbox.emulator.zendesk.installations.get(SANDBOX_INSTALLATION_ID)?.settings).toBe(sandbox.installation.settings);
    const { json } = await api('GET', '/metadata');
    expect(json).toMatchObject({ appId: SANDBOX_APP_ID, installationId: SANDBOX_INSTALLATION_ID, name: 'Probe', settings: { title: 'Probe', default_country: 'FR' } });
    const shown = await appRequest({ url: installationUrl, httpCompleteResponse: true });
    expect(shown.json).toMatchObject({ ok: true, payload: { status: 200, responseJSON: { id: SANDBOX_INSTALLATION_ID, settings: { default_country: 'FR' } } } });
    for (const secret of secrets) expect(shown.text).not.toContain(secret);
  });

  it('shows an in-app change on the settings page, in the metadata a reloaded app gets, and in the bootstrap', async () => {
    const saved = await putSettings({ default_country: 'BE', send_rate: 12 });
    expect(saved.json).toMatchObject({ ok: true, payload: { status: 200, responseJSON: { settings: { default_country: 'BE', send_rate: 12 } } } });

    const view = (await api('GET', '/settings')).json;
    expect(fieldsOf(view).find((field) => field.name === 'default_country')).toMatchObject({ value: 'BE' });
    expect(((await api('GET', '/metadata')).json as AppMetadata).settings).toMatchObject({ default_country: 'BE', send_rate: 12 });
    expect((await api('GET', '/bootstrap')).json).toMatchObject({ metadata: { settings: { default_country: 'BE', send_rate: 12 } } });
  });

  it('uses a credential changed in the app on the next secure request, never showing it', async () => {
    const { keyId } = sandbox.emulator.config.sunshine;
    expect((await sunshineRequest()).json).toMatchObject({ ok: true });

    const rotated = Buffer.from(`${keyId}:rotated-in-app`).toString('base64');
    const saved = await putSettings({ sunco_credential: rotated });
    expect(saved.text).not.toContain(rotated);
    expect((await sunshineRequest()).json).toMatchObject({ ok: false, payload: { status: 401 } });
    expect(sandbox.emulator.requests.at(-1)?.headers.authorization).toBe(`Basic ${rotated}`);
    const view = (await api('GET', '/settings')).text;
    expect(view).not.toContain(rotated);

    await api('PUT', '/settings', { settings: { sunco_credential: secrets[2] } });
    expect((await sunshineRequest()).json).toMatchObject({ ok: true });
  });

  it('lets only an admin change the settings from the app', async () => {
    await api('PUT', '/session', { agentId: 2 });
    expect((await putSettings({ default_country: 'BE' })).json).toMatchObject({ ok: false, payload: { status: 403 } });
    expect(sandbox.installation.settings.default_country).toBe('FR');
  });

  it('empties and restores the same installation the Apps API reads', async () => {
    await api('POST', '/settings/empty');
    const emptied = await appRequest({ url: installationUrl, httpCompleteResponse: true });
    expect(emptied.json).toMatchObject({ payload: { responseJSON: { settings: { default_country: null, sunco_app_id: null } } } });
    await putSettings({ default_country: 'BE' });
    await api('POST', '/reset');
    const reset = await appRequest({ url: installationUrl, httpCompleteResponse: true });
    expect(reset.json).toMatchObject({ payload: { responseJSON: { settings: { default_country: 'FR', sunco_app_id: sandbox.emulator.config.sunshine.appId } } } });
  });
});

describe('currentUser on the host page', () => {
  it("answers the signed-in agent's groups, as ZAF does", async () => {
    const realFetch = globalThis.fetch;
    // The host page calls its server with relative URLs: send them to this sandbox.
    vi.stubGlobal('fetch', (input: string | URL, init?: RequestInit) => realFetch(new URL(String(input), sandbox.hostUrl), init));
    try {
      const scope: GetScope = { context: { product: 'support', location: 'nav_bar', instanceGuid: 'g', account: { subdomain: 'herald-demo' } }, locale: 'en', instances: () => ({}) };
      const alex = await resolveGet(['currentUser', 'currentUser.groups'], scope);
      expect(alex.errors).toEqual({});
      expect(alex.currentUser).toMatchObject({ id: 1, role: 'admin', groups: [{ id: expect.any(Number), name: 'Support' }] });
      expect(alex['currentUser.groups']).toEqual([{ id: expect.any(Number), name: 'Support' }]);

      await api('PUT', '/session', { agentId: 2 });
      expect((await resolveGet(['currentUser.groups'], scope))['currentUser.groups']).toEqual([{ id: expect.any(Number), name: 'Marketing' }]);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe('app requests and faults', () => {
  it('proxies an app request and records it as posted', async () => {
    const { json } = await api('POST', '/request', { instanceGuid: 'guid-1', options: { url: '/api/v2/users/me', httpCompleteResponse: true } });
    expect(json).toMatchObject({ ok: true, payload: { status: 200, responseJSON: { user: { id: 1 } } } });
    expect((await api('GET', '/app-requests')).json).toMatchObject([{ url: '/api/v2/users/me', method: 'GET', secure: false }]);
  });

  it('adds fault rules with a regex path, lists and clears them', async () => {
    const added = await api('POST', '/faults', { match: { path: { regex: '^/api/v2/tickets/\\d+$' } }, fault: { kind: 'status', status: 500 }, times: 1 });
    expect(added.status).toBe(201);
    expect((await api('GET', '/faults')).json).toMatchObject({ faults: [{ match: { path: { regex: expect.stringContaining('tickets') } }, times: 1, hits: 0 }] });

    const failed = await api('POST', '/request', { instanceGuid: 'guid-1', options: { url: '/api/v2/tickets/101' } });
    expect(failed.json).toMatchObject({ ok: false, payload: { status: 500 } });
    const succeeded = await api('POST', '/request', { instanceGuid: 'guid-1', options: { url: '/api/v2/tickets/101' } });
    expect(succeeded.json).toMatchObject({ ok: true });

    await api('POST', '/faults', { match: { path: '/api/v2' }, fault: { kind: 'networkError' } });
    await api('DELETE', '/faults');
    expect((await api('GET', '/faults')).json).toEqual({ faults: [] });
  });

  it('rejects malformed fault rules', async () => {
    const { status, json } = await api('POST', '/faults', { match: { path: { regex: '(' } }, fault: { kind: 'status', status: 500 } });
    expect(status).toBe(400);
    expect(json).toMatchObject({ error: expect.stringContaining('regex') });
    expect((await api('POST', '/faults', { fault: { kind: 'explode' } })).status).toBe(400);
  });
});

describe('requests from other web pages', () => {
  it('refuses changes not sent as JSON (a cross-origin page can send only those without a preflight)', async () => {
    const response = await fetch(new URL('/__sandbox/settings', sandbox.hostUrl), {
      method: 'PUT',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ settings: { default_country: 'XX' } }),
    });
    expect(response.status).toBe(415);
    expect(sandbox.installation.settings.default_country).toBe('FR');
    expect((await fetch(new URL('/__sandbox/reset', sandbox.hostUrl), { method: 'POST' })).status).toBe(415);
  });
});

describe('session', () => {
  it('switches the agent and the language', async () => {
    const { json } = await api('PUT', '/session', { agentId: 2, locale: 'fr' });
    expect(json).toMatchObject({ agentId: 2, agent: { id: 2 }, locale: 'fr' });
    expect(sandbox.installation.currentUserId).toBe(2);
    expect((await api('PUT', '/session', { locale: 'de' })).status).toBe(400);
    expect((await api('PUT', '/session', { agentId: 999999 })).status).toBe(404);
  });
});

describe('app server', () => {
  it('rewrites the CDN SDK URL of the app HTML to its local copy, and nothing else', async () => {
    const served = await (await fetch(new URL('assets/index.html', sandbox.appUrl))).text();
    const original = await readFile(path.join(PROBE_APP, 'assets', 'index.html'), 'utf8');
    expect(served).not.toContain(CDN_SDK);
    expect(served).toBe(original.replace(CDN_SDK, LOCAL_ZAF_SDK_PATH));
  });

  it('serves every other file byte for byte with its content type', async () => {
    for (const [file, type] of [
      ['manifest.json', 'application/json'],
      ['translations/en.json', 'application/json'],
      ['assets/icon_nav_bar.svg', 'image/svg+xml'],
    ] as const) {
      const response = await fetch(new URL(file, sandbox.appUrl));
      expect(response.headers.get('content-type')).toContain(type);
      expect(Buffer.from(await response.arrayBuffer())).toEqual(await readFile(path.join(PROBE_APP, file)));
    }
  });

  it('serves the real SDK as a script defining ZAFClient', async () => {
    const response = await fetch(new URL(LOCAL_ZAF_SDK_PATH, sandbox.appUrl));
    expect(response.headers.get('content-type')).toContain('javascript');
    const code = await response.text();
    expect(code).toMatch(/^var ZAFClient = /);
    expect(code).toContain('iframe.handshake');
  });

  it('gzips text files for clients that accept it, as the app CDN does, and sends them as they are otherwise', async () => {
    const original = await readFile(path.join(PROBE_APP, 'manifest.json'));
    const gzipped = await rawGet('manifest.json', { 'accept-encoding': 'gzip, deflate, br' });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gzipped.headers.vary).toBe('accept-encoding');
    expect(Number(gzipped.headers['content-length'])).toBe(gzipped.body.length);
    expect(gunzipSync(gzipped.body)).toEqual(original);

    for (const headers of [{}, { 'accept-encoding': 'br' }, { 'accept-encoding': 'gzip;q=0, br' }] as Array<Record<string, string>>) {
      const plain = await rawGet('manifest.json', headers);
      expect(plain.headers['content-encoding'], JSON.stringify(headers)).toBeUndefined();
      expect(plain.body).toEqual(original);
    }
  });

  it('reads Accept-Encoding with its qualities', () => {
    const accepts = (header: string | undefined) => acceptsGzip({ headers: header === undefined ? {} : { 'accept-encoding': header } });
    expect(accepts('gzip')).toBe(true);
    expect(accepts('deflate, GZIP;q=0.5')).toBe(true);
    expect(accepts('*')).toBe(true);
    expect(accepts('x-gzip')).toBe(true);
    expect(accepts(undefined)).toBe(false);
    expect(accepts('')).toBe(false);
    expect(accepts('identity')).toBe(false);
    expect(accepts('gzip;q=0')).toBe(false);
    expect(accepts('gzip; q=0.0, *;q=1')).toBe(false);
    expect(accepts('*;q=0')).toBe(false);
  });

  it('answers 404 for missing files and paths outside the app directory', async () => {
    expect((await fetch(new URL('assets/missing.js', sandbox.appUrl))).status).toBe(404);
    expect((await fetch(new URL('/assets/..%2F..%2F..%2F..%2Fpackage.json', sandbox.appUrl))).status).toBe(404);
    expect((await fetch(new URL('/%2e%2e/%2e%2e/sandbox.test.ts', sandbox.appUrl))).status).toBe(404);
  });
});

/** A GET with exactly these headers, the body as it came (fetch would decode it). */
function rawGet(file: string, headers: Record<string, string>): Promise<{ headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(new URL(file, sandbox.appUrl), { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }));
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end();
  });
}
