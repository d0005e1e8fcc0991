import type { Route } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { SEEDED_TICKET_IDS } from '../../emulator/zendesk/ticketSeed';
import { createTranslator } from '../../src/ui/i18n/messages';
import { BUILT_APP_DIR } from './support/builtApp';
import { sandboxBrowserPerFile } from './support/sandboxBrowser';

/**
 * Each location, each nav-bar section and the agent's catalogue are chunks downloaded on demand
 * (real build, sandbox): what each location downloads, and what people see when a download fails
 * (a translated error with a retry, never a file name).
 */

const harness = sandboxBrowserPerFile({ distDir: BUILT_APP_DIR });
const t = createTranslator('en');
const fr = createTranslator('fr');

/** The app's scripts the browser requested since the last `open` (file names only). */
function scriptsRequested(): () => string[] {
  const files: string[] = [];
  const appOrigin = new URL(harness().sandbox.appUrl).origin;
  harness().page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin === appOrigin && url.pathname.endsWith('.js')) files.push(url.pathname.split('/').pop() ?? '');
  });
  return () => [...files];
}

/**
 * Fails every download of the app's files whose name matches until `release()`: the app may try
 * more than once on its own (a download started ahead, then the render's), the test decides when
 * the network is back.
 */
async function failUntilReleased(file: RegExp): Promise<{ release: () => void; failed: () => number }> {
  let failed = 0;
  let released = false;
  const handler = async (route: Route) => {
    if (released) await route.fallback();
    else {
      failed++;
      await route.abort('connectionreset');
    }
  };
  const matcher = (url: URL) => url.origin === new URL(harness().sandbox.appUrl).origin && file.test(url.pathname);
  await harness().context.route(matcher, handler);
  routes.push({ matcher, handler });
  return {
    release: () => {
      released = true;
    },
    failed: () => failed,
  };
}

const routes: Array<{ matcher: (url: URL) => boolean; handler: (route: Route) => Promise<void> }> = [];
afterEach(async () => {
  for (const { matcher, handler } of routes.splice(0)) await harness().context.unroute(matcher, handler);
});

/** Holds every download of the app's files whose name matches until `release()`, then serves them. */
async function holdUntilReleased(file: RegExp): Promise<{ release: () => void; held: () => number }> {
  let held = 0;
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  const handler = async (route: Route) => {
    held++;
    await released;
    await route.fallback();
  };
  const matcher = (url: URL) => url.origin === new URL(harness().sandbox.appUrl).origin && file.test(url.pathname);
  await harness().context.route(matcher, handler);
  routes.push({ matcher, handler });
  return { release, held: () => held };
}

describe('downloads on demand', () => {
  it('gives the ticket sidebar its own code, without the nav bar, its sections or the other language', async () => {
    const requested = scriptsRequested();
    await harness().open(`#/tickets/${SEEDED_TICKET_IDS.whatsappOpenWindow}`);
    const frame = harness().appFrame('ticket_sidebar');
    await frame.locator('[data-herald-content="window"]').waitFor();
    await frame.getByRole('group', { name: t('contact.label') }).waitFor();
    const files = requested();
    expect(files.some((file) => file.startsWith('TicketSidebarApp-'))).toBe(true);
    expect(files.some((file) => file.startsWith('firstCatalogue-en-'))).toBe(true);
    for (const absent of ['NavBarApp-', 'UserSidebarApp-', 'CampaignsSection-', 'TemplatesSection-', 'AudiencesSection-', 'SettingsSection-', 'CampaignWizard-', 'fr-', 'firstCatalogue-fr-']) {
      expect(files.filter((file) => file.startsWith(absent)), absent).toEqual([]);
    }
    expect(harness().consoleErrors).toEqual([]);
  });

  it('shows a sidebar’s window and contact with their own strings, before the whole catalogue arrives', async () => {
    const whole = await holdUntilReleased(/\/en-[\w-]+\.js$/);
    await harness().open(`#/tickets/${SEEDED_TICKET_IDS.whatsappClosedWindow}`);
    const frame = harness().appFrame('ticket_sidebar');
    await frame.locator('[data-herald-content="window"]').getByText(t('ticket.window.closedHint')).waitFor();
    await frame.getByRole('group', { name: t('contact.label') }).waitFor();
    // Re-engagement, which may say anything, waits for every string.
    expect(await frame.getByRole('button', { name: t('ticket.reengage.toggle') }).count()).toBe(0);
    expect(whole.held()).toBeGreaterThan(0);
    whole.release();
    await frame.getByRole('button', { name: t('ticket.reengage.toggle') }).waitFor();
    expect(harness().consoleErrors).toEqual([]);
  });

  it('downloads a French agent’s catalogue alone, whatever the browser’s language', async () => {
    await harness().sandboxApi('PUT', '/session', { locale: 'fr' });
    const requested = scriptsRequested();
    await harness().open(`#/users/${harness().sandbox.emulator.zendesk.tickets.get(SEEDED_TICKET_IDS.whatsappOpenWindow)!.requesterId}`);
    await harness().appFrame('user_sidebar').getByRole('group', { name: fr('contact.label') }).waitFor();
    // The sandbox browser speaks English.
    const files = requested();
    expect(files.some((file) => file.startsWith('firstCatalogue-fr-'))).toBe(true);
    expect(files.filter((file) => file.startsWith('en-') || file.startsWith('firstCatalogue-en-'))).toEqual([]);
    expect(files.some((file) => file.startsWith('UserSidebarApp-'))).toBe(true);
    expect(files.some((file) => file.startsWith('NavBarApp-'))).toBe(false);
  });

  it('downloads the nav bar’s other sections when they are opened, and keeps an opened section’s state', async () => {
    const requested = scriptsRequested();
    await harness().open('#/apps/herald');
    const frame = harness().appFrame('nav_bar');
    await frame.getByRole('table', { name: t('channels.caption') }).waitFor();
    expect(requested().some((file) => file.startsWith('CampaignsSection-'))).toBe(true);
    for (const absent of ['TemplatesSection-', 'AudiencesSection-', 'SettingsSection-', 'CampaignWizard-', 'TicketSidebarApp-']) {
      expect(requested().filter((file) => file.startsWith(absent)), absent).toEqual([]);
    }
    await frame.getByRole('tab', { name: t('shell.section.audiences') }).click();
    const query = frame.getByLabel(t('audiences.queryLabel'));
    await query.fill('tags:vip');
    expect(requested().some((file) => file.startsWith('AudiencesSection-'))).toBe(true);
    await frame.getByRole('tab', { name: t('shell.section.campaigns') }).click();
    await frame.getByRole('tab', { name: t('shell.section.audiences') }).click();
    await expect(query.inputValue()).resolves.toBe('tags:vip');
  });
});

describe('a failed download', () => {
  it('shows a translated error with a retry for a location, and the retry loads it', async () => {
    const fault = await failUntilReleased(/\/TicketSidebarApp-[\w-]+\.js$/);
    await harness().open(`#/tickets/${SEEDED_TICKET_IDS.whatsappOpenWindow}`);
    const frame = harness().appFrame('ticket_sidebar');
    const alert = frame.getByRole('alert');
    await alert.getByText(t('shell.loadFailed')).waitFor();
    await alert.getByText(t('shell.loadFailedHelp')).waitFor();
    expect(fault.failed()).toBeGreaterThan(0);
    // Words only: no file name, URL or error id.
    expect(await alert.textContent()).not.toMatch(/\.js|https?:|TicketSidebarApp|Error/);
    fault.release();
    await alert.getByRole('button', { name: t('common.retry') }).click();
    await frame.locator('[data-herald-content="window"]').waitFor();
    await expect(frame.getByRole('alert').count()).resolves.toBe(0);
  });

  it('shows the error inside a section’s tab, the rest of the nav bar working', async () => {
    const fault = await failUntilReleased(/\/TemplatesSection-[\w-]+\.js$/);
    await harness().open('#/apps/herald');
    const frame = harness().appFrame('nav_bar');
    await frame.getByRole('tab', { name: t('shell.section.templates') }).click();
    const panel = frame.getByRole('tabpanel');
    await panel.getByRole('alert').getByText(t('shell.loadFailed')).waitFor();
    await frame.getByRole('tab', { name: t('shell.section.campaigns') }).click();
    await frame.getByRole('heading', { name: t('campaigns.title'), level: 2 }).waitFor();
    await frame.getByRole('tab', { name: t('shell.section.templates') }).click();
    fault.release();
    await panel.getByRole('button', { name: t('common.retry') }).click();
    await frame.getByRole('heading', { name: t('templates.title'), level: 2 }).waitFor();
  });

  it('explains a catalogue that could not be downloaded in the agent’s language, and retries', async () => {
    await harness().sandboxApi('PUT', '/session', { locale: 'fr' });
    const fault = await failUntilReleased(/\/fr-[\w-]+\.js$/);
    await harness().open('#/apps/herald');
    const frame = harness().appFrame('nav_bar');
    const alert = frame.getByRole('alert');
    await alert.getByText(fr('shell.loadFailed')).waitFor();
    fault.release();
    await alert.getByRole('button', { name: fr('common.retry') }).click();
    await frame.getByRole('tab', { name: fr('shell.section.campaigns') }).waitFor();
  });
});
