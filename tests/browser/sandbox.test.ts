import { sunshineCredentialOf } from '../../emulator/installation';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SEEDED_INTEGRATION_IDS } from '../../emulator/sunshine/state';
import type { AppLocation, ListedFault } from '../../sandbox/apiTypes';
import { basicAuth, componentsFor, whatsAppNotification } from '../emulator/sunshine.support';
import { readProbe } from './support/probe';
import { startSandboxBrowser, type SandboxBrowser } from './support/sandboxBrowser';

/**
 * The sandbox host page, tested with a tiny probe app instead of Herald, so that these tests say
 * whether the host plays Zendesk's part correctly whatever state the real app is in.
 */

const PROBE_APP = fileURLToPath(new URL('./fixtures/probe-app', import.meta.url));

const ROUTES: Record<AppLocation, string> = {
  nav_bar: '#/apps/herald',
  ticket_sidebar: '#/tickets/101',
  user_sidebar: '#/users/1',
};

let harness: SandboxBrowser;
let secrets: string[];

beforeAll(async () => {
  harness = await startSandboxBrowser({ distDir: PROBE_APP });
  const { keyId, keySecret } = harness.sandbox.emulator.config.sunshine;
  secrets = [keyId, keySecret, sunshineCredentialOf(harness.sandbox.emulator.config)];
});

afterAll(async () => {
  await harness?.close();
});

beforeEach(async () => {
  await harness.sandboxApi('POST', '/reset');
  harness.consoleErrors.length = 0;
});

describe('registration', () => {
  it.each(Object.entries(ROUTES) as Array<[AppLocation, string]>)('registers the app in %s with its context and metadata', async (location, route) => {
    await harness.open(route);
    const frame = harness.appFrame(location);
    const probe = await readProbe(frame);
    const guid = await frame.owner().getAttribute('data-zaf-guid');

    expect(probe.context).toMatchObject({ product: 'support', location, instanceGuid: guid, account: { subdomain: 'herald-demo' } });
    if (location === 'ticket_sidebar') expect(probe.context.ticketId).toBe(101);
    if (location === 'user_sidebar') expect(probe.context.userId).toBe(1);
    expect(probe.metadata).toMatchObject({ name: 'Probe', version: '9.9.9', settings: { title: 'Probe', default_country: 'FR', send_rate: 8 } });
    expect(probe.activations).toBeGreaterThanOrEqual(1);
  });

  it('never sends a secure setting to the app', async () => {
    for (const [location, route] of Object.entries(ROUTES) as Array<[AppLocation, string]>) {
      await harness.open(route);
      const probe = await readProbe(harness.appFrame(location));
      expect(Object.keys(probe.metadata.settings)).not.toContain('sunco_credential');
      const everything = JSON.stringify(probe) + (await harness.page.content());
      for (const secret of secrets) expect(everything).not.toContain(secret);
    }
  });
});

describe('get and request', () => {
  it('answers get paths with ZAF-shaped objects built from the emulated API', async () => {
    await harness.open(ROUTES.ticket_sidebar);
    const probe = await readProbe(harness.appFrame('ticket_sidebar'));

    expect(probe['current-user']).toMatchObject({ ok: true, value: { currentUser: { id: 1, name: 'Alex Martin', role: 'admin' } } });
    const data = probe['location-data'];
    expect(data?.ok).toBe(true);
    expect(data?.value).toMatchObject({ 'ticket.id': 101, errors: {} });
    expect(data?.value?.['ticket.requester']).toMatchObject({ id: expect.any(Number), name: expect.any(String) });
    expect(data?.value?.['ticket.via']).toMatchObject({ channel: expect.any(String) });
  });

  it('answers the user sidebar with the user of the page', async () => {
    await harness.open(ROUTES.user_sidebar);
    const probe = await readProbe(harness.appFrame('user_sidebar'));
    expect(probe['location-data']).toMatchObject({ ok: true, value: { user: { id: 1, name: 'Alex Martin', timeZone: expect.any(Object) } } });
  });

  it('rejects unknown paths and actions the way ZAF does', async () => {
    await harness.open(ROUTES.nav_bar);
    const probe = await readProbe(harness.appFrame('nav_bar'));
    expect(probe['unknown-path']).toMatchObject({ ok: false, error: { message: expect.stringContaining('ticket.noSuchProperty') } });
    expect(probe['unknown-invoke']).toMatchObject({ ok: false, error: { message: expect.stringContaining('noSuchAction') } });
  });

  it('proxies requests to the account with the agent session', async () => {
    await harness.open(ROUTES.nav_bar);
    const probe = await readProbe(harness.appFrame('nav_bar'));
    expect(probe.me).toMatchObject({ ok: true, value: { user: { id: 1 } } });
  });

  it('substitutes secure settings on the server, only for hosts in domainWhitelist', async () => {
    await harness.open(ROUTES.nav_bar);
    const probe = await readProbe(harness.appFrame('nav_bar'));
    const { keyId, keySecret } = harness.sandbox.emulator.config.sunshine;

    expect(probe['secure-request'].ok).toBe(true);
    expect(probe['outside-whitelist']).toMatchObject({ ok: false, error: { status: 403 } });

    const posted = await harness.sandboxApi<Array<{ url: string; headers: Record<string, string>; refused?: string }>>('GET', '/app-requests');
    const secure = posted.find((request) => request.url.includes('/sc/v2/apps/'));
    expect(secure?.headers.Authorization).toBe('Basic {{setting.sunco_credential}}');
    expect(posted.find((request) => request.url.includes('collector.example.com'))?.refused).toMatch(/domainWhitelist/);

    const received = harness.sandbox.emulator.requests.find((request) => request.url.includes('/sc/v2/apps/'));
    expect(received?.headers.authorization).toBe(`Basic ${Buffer.from(`${keyId}:${keySecret}`).toString('base64')}`);
    expect(harness.sandbox.emulator.requests.some((request) => request.url.includes('collector.example.com'))).toBe(false);
  });

  it('lets tests inject faults into the emulated APIs', async () => {
    await harness.sandboxApi('POST', '/faults', { match: { service: 'zendesk', path: { regex: '^/api/v2/users/me' } }, fault: { kind: 'status', status: 503 } });
    await harness.open(ROUTES.nav_bar);
    const probe = await readProbe(harness.appFrame('nav_bar'));
    expect(probe.me).toMatchObject({ ok: false, error: { status: 503 } });
  });
});

describe('invokes and events', () => {
  it('resizes a sidebar iframe', async () => {
    await harness.open(ROUTES.ticket_sidebar);
    const frame = harness.appFrame('ticket_sidebar');
    const probe = await readProbe(frame);
    expect(probe.resize).toMatchObject({ ok: true });
    const box = await frame.owner().boundingBox();
    expect(box?.height).toBe(321);
  });

  it('shows notifications as toasts', async () => {
    await harness.open(ROUTES.user_sidebar);
    await readProbe(harness.appFrame('user_sidebar'));
    await harness.page.locator('.toast', { hasText: 'Hello from the user_sidebar probe' }).waitFor();
  });

  it('keeps the nav bar app alive while the agent browses, and re-activates it', async () => {
    await harness.open(ROUTES.nav_bar);
    const frame = harness.appFrame('nav_bar');
    await readProbe(frame);
    const guid = await frame.owner().getAttribute('data-zaf-guid');

    await harness.page.getByRole('link', { name: 'Views' }).click();
    await harness.page.getByRole('heading', { name: /All tickets/ }).waitFor();
    await harness.page.getByRole('link', { name: 'Probe' }).click();

    await frame.locator('#activations', { hasText: '2' }).waitFor();
    expect(await frame.owner().getAttribute('data-zaf-guid')).toBe(guid);
  });

  it('opens a modal instance with instances.create, and closes it with Escape', async () => {
    await harness.open(ROUTES.nav_bar);
    const navBar = harness.appFrame('nav_bar');
    await readProbe(navBar);
    await navBar.getByRole('button', { name: 'Open a modal' }).click();

    const dialog = harness.page.getByRole('dialog', { name: 'Probe' });
    await dialog.waitFor();
    const modal = await readProbe(harness.appFrame('modal'));
    expect(modal.context).toMatchObject({ location: 'modal', product: 'support' });
    const created = JSON.parse((await navBar.locator('#modal-created').textContent()) ?? '{}') as { ok: boolean; value: Record<string, unknown> };
    expect(created).toMatchObject({ ok: true, value: { 'instances.create': [{ location: 'modal', instanceGuid: modal.context.instanceGuid }] } });

    await harness.page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await harness.page.locator('iframe[data-zaf-location="modal"]').count()).toBe(0);
  });

  it('asks the app before saving a ticket (save hook and reply)', async () => {
    await harness.open(ROUTES.ticket_sidebar);
    await readProbe(harness.appFrame('ticket_sidebar'));
    await harness.page.getByRole('button', { name: 'Submit' }).click();
    await harness.page.locator('.toast', { hasText: 'The probe refuses to save' }).waitFor();
  });
});

describe('workspace', () => {
  it('switches the language of the signed-in agent', async () => {
    await harness.open(ROUTES.nav_bar);
    const before = await readProbe(harness.appFrame('nav_bar'));
    expect(before['current-user'].value?.currentUser).toMatchObject({ locale: expect.stringMatching(/^en/) });

    await harness.page.getByLabel('Language').selectOption('fr');
    await harness.page.locator('.toast', { hasText: 'Français' }).waitFor();
    const after = await readProbe(harness.appFrame('nav_bar'));
    expect(after['current-user'].value?.currentUser).toMatchObject({ locale: 'fr' });
  });

  it('switches the signed-in agent', async () => {
    await harness.open(ROUTES.nav_bar);
    await readProbe(harness.appFrame('nav_bar'));
    await harness.page.getByLabel('Signed-in agent').selectOption('2');
    await harness.page.locator('.toast', { hasText: 'Signed in as' }).waitFor();
    const probe = await readProbe(harness.appFrame('nav_bar'));
    expect(probe['current-user'].value?.currentUser).toMatchObject({ id: 2 });
    expect(probe.me.value?.user?.id).toBe(2);
  });

  it('builds the settings form from the manifest, never showing secure values', async () => {
    await harness.open('#/admin/apps/herald');
    const page = harness.page;
    const secret = page.getByLabel('Credential');
    await expect(secret.getAttribute('type')).resolves.toBe('password');
    await expect(secret.inputValue()).resolves.toBe('');
    await expect(page.getByLabel('Default country').inputValue()).resolves.toBe('FR');

    await page.getByLabel('Default country').fill('BE');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.locator('.toast', { hasText: 'settings saved' }).waitFor();
    expect(harness.sandbox.installation.settings).toMatchObject({ default_country: 'BE', sunco_credential: secrets[2] });

    await page.getByRole('link', { name: 'Probe' }).click();
    const probe = await readProbe(harness.appFrame('nav_bar'));
    expect(probe.metadata.settings.default_country).toBe('BE');
  });

  it('shows the tickets, a ticket conversation and a user profile from the emulated API', async () => {
    await harness.open('#/tickets');
    const page = harness.page;
    await page.locator('a[href="#/tickets/101"]').click();
    await page.getByRole('list', { name: 'Conversation' }).locator('li').first().waitFor();
    await page.locator('#ticket-title').waitFor();
    await harness.open('#/users/1');
    await page.locator('#user-name', { hasText: 'Alex Martin' }).waitFor();
    expect(harness.consoleErrors).toEqual([]);
  });

  it('sets faults from the Admin page, with the keyboard too, and the emulator applies them', async () => {
    await harness.open('#/admin/apps/herald');
    const page = harness.page;
    const faults = page.getByRole('region', { name: 'Faults' });
    const active = faults.getByRole('list', { name: 'Active faults' });
    await active.getByText('No fault is active').waitFor();

    // A message send as Herald makes it, straight to the emulator: what answers it is what the fault did.
    const { emulator } = harness.sandbox;
    const { appId, keyId, keySecret } = emulator.config.sunshine;
    const integrationId = SEEDED_INTEGRATION_IDS.whatsappFrance;
    const template = emulator.sunshine.messageTemplate(integrationId, 'order_update', 'fr');
    if (!template) throw new Error('The seed has no order_update (fr)');
    const send = async (phone: string) => {
      const body = whatsAppNotification(integrationId, phone, { name: 'order_update', language: 'fr', components: componentsFor(template) });
      const response = await emulator.handle(
        new Request(`${emulator.config.zendeskOrigin}/sc/v1.1/apps/${appId}/notifications`, {
          method: 'POST',
          headers: { authorization: basicAuth(keyId, keySecret), 'content-type': 'application/json' },
          body: JSON.stringify(body),
        }),
      );
      return { status: response.status, retryAfter: response.headers.get('retry-after'), body: (await response.json()) as unknown };
    };

    // A burst of one 429 on message sends.
    const burst = faults.getByRole('group', { name: 'Rate limit bursts (429)' });
    await burst.getByLabel('Requests', { exact: true }).selectOption({ label: 'Message sends (Conversations API notifications)' });
    await burst.getByLabel('How many requests').fill('1');
    await burst.getByLabel('Retry-After (seconds)').fill('7');
    await burst.getByRole('button', { name: 'Add a 429 burst' }).click();
    await active.getByText('429 Too Many Requests, Retry-After 7 s on message sends, 1 of 1 left').waitFor();
    expect(await send('+33611111111')).toMatchObject({ status: 429, retryAfter: '7' });
    expect((await send('+33611111111')).status).toBe(201);

    // One 502, after a number out of range is refused next to its field.
    const errors = faults.getByRole('group', { name: 'Server errors (5xx)' });
    await errors.getByLabel('Status').selectOption('502');
    await errors.getByLabel('How many requests').fill('0');
    await errors.getByRole('button', { name: 'Add server errors' }).click();
    await errors.getByText('How many requests: type a whole number from 1 to 10000.').waitFor();
    await expect(errors.getByLabel('How many requests').getAttribute('aria-invalid')).resolves.toBe('true');
    await errors.getByLabel('How many requests').fill('1');
    await errors.getByRole('button', { name: 'Add server errors' }).click();
    await active.getByText('502 answers on message sends, 1 of 1 left').waitFor();
    expect((await send('+33611111111')).status).toBe(502);

    // Every WhatsApp number undeliverable, typed and submitted with the keyboard alone.
    const share = faults.getByRole('group', { name: 'Undeliverable WhatsApp numbers' }).getByLabel('Share of numbers (%)');
    await share.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('100');
    await page.keyboard.press('Enter');
    await active.getByText('100 % of WhatsApp numbers undeliverable (131026, reported later) on message sends, until removed').waitFor();
    // Accepted on the call: WhatsApp's verdict comes later, by webhook.
    expect((await send('+33622222222')).status).toBe(201);
    expect(harness.sandbox.emulator.truth().filter((truth) => truth.phone === '+33622222222').map((truth) => truth.code)).toEqual(['131026']);
    const listed = await harness.sandboxApi<{ faults: ListedFault[] }>('GET', '/faults');
    expect(listed.faults.map((rule) => rule.fault)).toEqual([{ kind: 'undeliverable', share: 1 }]);

    // Removed from the list, the number is deliverable again.
    await active.getByRole('button', { name: /^Remove: 100 % of WhatsApp numbers undeliverable/ }).click();
    await active.getByText('No fault is active').waitFor();
    expect((await send('+33622222222')).status).toBe(201);
    expect(harness.sandbox.emulator.truth().filter((truth) => truth.phone === '+33622222222').map((truth) => truth.code)).toEqual(['131026', undefined]);
    expect(harness.consoleErrors).toEqual([]);
  });
});
