import { sunshineCredentialOf } from '../../emulator/installation';
import { describe, expect, it } from 'vitest';
import { SESSION_HEADER } from '../../emulator/config';
import { normalizePhone } from '../../src/core/phone/normalizePhone';
import { BUILT_APP_DIR } from './support/builtApp';
import { sandboxBrowserPerFile } from './support/sandboxBrowser';

/**
 * Herald's real build (dist/, as `npm run build` leaves it) inside the sandbox host, against the
 * emulator, with the real ZAF SDK: what a user clicks through with `npm start`.
 */


const harness = sandboxBrowserPerFile({ distDir: BUILT_APP_DIR });

const navBar = () => harness().appFrame('nav_bar');

/** The WhatsApp and SMS channels the emulator has, which the nav bar must list. */
function messagingChannels() {
  return harness().sandbox.emulator.sunshine.integrations().filter((integration) => ['whatsapp', 'twilio', 'messagebird'].includes(integration.type));
}

async function countOnEmulator(query: string): Promise<number> {
  const { emulator } = harness().sandbox;
  const response = await emulator.handle(
    new Request(`${emulator.config.zendeskOrigin}/api/v2/search/count?query=${encodeURIComponent(`type:user ${query}`)}`, { headers: { [SESSION_HEADER]: '1' } }),
  );
  return ((await response.json()) as { count: number }).count;
}

describe('the nav bar app', () => {
  it('shows the sections and lists the channels from the emulator, in English', async () => {
    await harness().open('#/apps/herald');
    const frame = navBar();
    await frame.getByRole('heading', { name: 'Herald', level: 1 }).waitFor();
    for (const name of ['Campaigns', 'Templates', 'Audiences', 'Settings']) await expect(frame.getByRole('tab', { name }).count()).resolves.toBe(1);
    const table = frame.getByRole('table', { name: 'WhatsApp and SMS channels' });
    await table.waitFor();
    const rows = table.getByRole('row');
    await expect(rows.count()).resolves.toBe(messagingChannels().length + 1);
    for (const channel of messagingChannels()) await expect(table.getByRole('cell', { name: channel.displayName ?? channel.id, exact: true }).count()).resolves.toBe(1);
    await expect(table.getByText('Herald website').count()).resolves.toBe(0);
    expect(harness().consoleErrors).toEqual([]);
  });

  it('follows the agent language: the same app in French', async () => {
    await harness().sandboxApi('PUT', '/session', { locale: 'fr' });
    await harness().open('#/apps/herald');
    const frame = navBar();
    for (const name of ['Campagnes', 'Modèles', 'Audiences', 'Paramètres']) await frame.getByRole('tab', { name }).waitFor();
    const table = frame.getByRole('table', { name: 'Canaux WhatsApp et SMS' });
    await table.waitFor();
    await expect(table.getByRole('columnheader', { name: 'Canal' }).count()).resolves.toBe(1);
    await expect(table.getByRole('row').count()).resolves.toBe(messagingChannels().length + 1);
    await expect(table.getByText('Actif').count()).resolves.toBeGreaterThan(0);
    expect(await frame.locator('html').getAttribute('lang')).toBe('fr');
    expect(harness().consoleErrors).toEqual([]);
  });

  it('moves between sections with the keyboard', async () => {
    await harness().open('#/apps/herald');
    const frame = navBar();
    const campaigns = frame.getByRole('tab', { name: 'Campaigns' });
    await campaigns.focus();
    // Garden's tabs activate manually: arrows move the focus, Enter or Space selects.
    await harness().page.keyboard.press('ArrowRight');
    await harness().page.keyboard.press('Enter');
    await expect(frame.getByRole('tab', { name: 'Templates' }).getAttribute('aria-selected')).resolves.toBe('true');
    await harness().page.keyboard.press('End');
    await harness().page.keyboard.press('Space');
    await expect(frame.getByRole('tab', { name: 'Settings' }).getAttribute('aria-selected')).resolves.toBe('true');
    await frame.getByRole('heading', { name: 'Settings', level: 2 }).waitFor();
  });

  it('counts the users of a search as the emulator does, and explains a query it refuses', async () => {
    await harness().open('#/apps/herald');
    const frame = navBar();
    await frame.getByRole('tab', { name: 'Audiences' }).click();
    const query = frame.getByLabel('Search query');
    await query.fill('type:user tags:vip');
    await frame.getByRole('button', { name: 'Count users' }).click();
    await frame.getByText('Remove the type: term: Herald always searches users.').waitFor();

    await query.fill('tags:vip');
    await frame.getByRole('button', { name: 'Count users' }).click();
    const expected = await countOnEmulator('tags:vip');
    expect(expected).toBeGreaterThan(0);
    await frame.getByRole('status').filter({ hasText: `${expected.toLocaleString('en')} users match this search.` }).waitFor();
  });

  it('checks the connection in Settings and says what is wrong with a bad key', async () => {
    await harness().open('#/apps/herald');
    let frame = navBar();
    await frame.getByRole('tab', { name: 'Settings' }).click();
    for (const name of ['App settings', 'Conversations API']) {
      await frame.getByRole('group', { name }).getByText('Working', { exact: true }).waitFor();
    }
    // A new account has none of Herald's custom objects: the check says so and creates them in one click.
    const objects = frame.getByRole('group', { name: 'Custom objects' });
    await objects.getByText('Check', { exact: true }).waitFor();
    await objects.getByText(/Herald's custom objects are not created yet: herald_sms_template/).waitFor();
    await objects.getByRole('button', { name: "Create Herald's custom objects" }).click();
    await objects.getByText('Working', { exact: true }).waitFor();
    await objects.getByText("Herald's custom objects are ready.").waitFor();
    expect(harness().sandbox.emulator.zendesk.customObjects.list().map((object) => object.key)).toContain('herald_sms_template');
    const whatsapp = messagingChannels().filter((channel) => channel.type === 'whatsapp').length;
    const sms = messagingChannels().length - whatsapp;
    const channels = (count: number, kind: string) => `${count} ${kind} ${count === 1 ? 'channel' : 'channels'}`;
    await frame.getByText(`The key works. Found: ${channels(whatsapp, 'WhatsApp')} and ${channels(sms, 'SMS')}.`).waitFor();

    const wrongKey = Buffer.from(`${harness().sandbox.emulator.config.sunshine.keyId}:a-wrong-secret`).toString('base64');
    await harness().sandboxApi('PUT', '/settings', { settings: { sunco_credential: wrongKey } });
    await harness().open('#/apps/herald');
    frame = navBar();
    await frame.getByRole('tab', { name: 'Settings' }).click();
    const sunshine = frame.getByRole('group', { name: 'Conversations API' });
    await sunshine.getByText('Not working', { exact: true }).waitFor();
    await sunshine.getByText(/The key was refused, or no key is saved/).waitFor();
  });

  it('tells a first-time admin which settings are missing', async () => {
    await harness().sandboxApi('POST', '/settings/empty');
    await harness().open('#/apps/herald');
    const frame = navBar();
    await frame.getByText('Herald is not fully set up').waitFor();
    await frame.getByRole('button', { name: 'Open Settings' }).click();
    const installation = frame.getByRole('group', { name: 'App settings' });
    await installation.getByText('Conversations API app ID: missing').waitFor();
    await installation.getByText('Opt-in rule: missing').waitFor();
    // Nothing was sent to Sunshine without an app id.
    expect(harness().sandbox.appRequests.filter((request) => request.url.includes('/v2/apps/'))).toEqual([]);
  });

  it('sends every Sunshine request secure, with placeholders, never the key', async () => {
    await harness().open('#/apps/herald');
    await navBar().getByRole('table', { name: 'WhatsApp and SMS channels' }).waitFor();
    const sunshine = harness().sandbox.appRequests.filter((request) => request.url.includes('/sc/'));
    expect(sunshine.length).toBeGreaterThan(0);
    const { keyId, keySecret } = harness().sandbox.emulator.config.sunshine;
    for (const request of sunshine) {
      expect(request).toMatchObject({ secure: true, headers: { Authorization: 'Basic {{setting.sunco_credential}}' } });
      expect(JSON.stringify(request)).not.toContain(keyId);
      expect(JSON.stringify(request)).not.toContain(keySecret);
      expect(JSON.stringify(request)).not.toContain(sunshineCredentialOf(harness().sandbox.emulator.config));
    }
  });

  it('shows a failure with a retry that recovers', async () => {
    await harness().sandboxApi('POST', '/faults', { match: { service: 'sunshine', path: { regex: '/integrations$' } }, fault: { kind: 'status', status: 503 }, times: 1 });
    await harness().open('#/apps/herald');
    const frame = navBar();
    const alert = frame.getByRole('alert').filter({ hasText: 'The channels could not be loaded' });
    await alert.getByText('The service had an internal error. Try again later.').waitFor();
    await alert.getByRole('button', { name: 'Try again' }).click();
    await frame.getByRole('table', { name: 'WhatsApp and SMS channels' }).waitFor();
  });
});

describe('the sidebars', () => {
  it('shows the requester of a WhatsApp ticket and whether they can be messaged', async () => {
    await harness().open('#/tickets/101');
    const frame = harness().appFrame('ticket_sidebar');
    await frame.getByText('WhatsApp conversation').waitFor();
    const ticket = harness().sandbox.emulator.zendesk.tickets.get(101);
    const requester = harness().sandbox.emulator.zendesk.users.get(ticket?.requesterId ?? -1);
    expect(requester).toBeDefined();
    await frame.getByText(requester!.name, { exact: true }).waitFor();
    const check = normalizePhone(requester!.phone, 'FR');
    await frame.getByText(check.status === 'valid' ? 'Number OK' : check.status === 'repaired' ? 'Number repaired' : 'Invalid number').waitFor();
    // The sidebar asked Zendesk to size its iframe to the content.
    const height = await harness().page.locator('iframe[data-zaf-location="ticket_sidebar"]').evaluate((element) => element.getBoundingClientRect().height);
    const content = await frame.locator('main').evaluate((element) => Math.ceil(element.getBoundingClientRect().height));
    expect(Math.abs(height - content)).toBeLessThanOrEqual(2);
    expect(harness().consoleErrors).toEqual([]);
  });

  it('says an email ticket is not a messaging ticket', async () => {
    await harness().open('#/tickets/104');
    await harness().appFrame('ticket_sidebar').getByText('Not a messaging ticket').waitFor();
  });

  it('tells repaired, invalid and missing numbers apart on user pages, in French too', async () => {
    const users = [...harness().sandbox.emulator.zendesk.users.all()].filter((user) => user.role === 'end-user');
    const find = (status: string) => users.find((user) => normalizePhone(user.phone, 'FR').status === status);
    const cases = [
      { user: find('repaired'), en: 'Number repaired', fr: 'Numéro corrigé' },
      { user: find('invalid'), en: 'Invalid number', fr: 'Numéro invalide' },
      { user: find('missing'), en: 'No number', fr: 'Aucun numéro' },
    ];
    for (const { user, en } of cases) {
      expect(user).toBeDefined();
      await harness().open(`#/users/${user!.id}`);
      await harness().appFrame('user_sidebar').getByText(en, { exact: true }).waitFor();
    }
    await harness().sandboxApi('PUT', '/session', { locale: 'fr' });
    for (const { user, fr } of cases) {
      await harness().open(`#/users/${user!.id}`);
      await harness().appFrame('user_sidebar').getByText(fr, { exact: true }).waitFor();
    }
  });
});

describe('outside Zendesk', () => {
  it('explains that Herald runs inside Zendesk when the page is opened directly', async () => {
    await harness().page.goto(`${harness().sandbox.appUrl}assets/index.html`);
    await harness().page.getByRole('heading', { name: 'Herald runs inside Zendesk' }).waitFor();
  });
});
