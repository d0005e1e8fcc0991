import { readFile } from 'node:fs/promises';
import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../emulator/index';
import { SEEDED_TICKET_IDS } from '../../emulator/zendesk/ticketSeed';
import type { PhoneEntry } from '../../sandbox/apiTypes';
import { createTranslator } from '../../src/ui/i18n/messages';
import { BUILT_APP_DIR } from './support/builtApp';
import { campaignsTab, launch, mapAndBuildPlan, NEWSLETTER, openCampaigns, openPlaceholdersStep, prepareCampaign, setUpObjects } from './support/campaignFlow';
import { campaignIdNamed } from './support/heardBack';
import { sandboxBrowserPerFile } from './support/sandboxBrowser';

/**
 * The sandbox hears back, end to end, with nothing written by the test: the Herald service runs
 * beside the sandbox and the emulator delivers Sunshine's webhooks to it over HTTP on real timers
 * (delays scaled down twenty times). A campaign's page shows delivered and read rising to what the
 * emulator decided, later failures with their codes; a STOP typed in the Phones view becomes the
 * opt-out tag on that user and an opted-out exclusion in the next plan.
 */

const harness = sandboxBrowserPerFile({
  distDir: BUILT_APP_DIR,
  // About 330 customers tagged newsletter and able to receive; no seeded replies, so that the only STOP is the one typed.
  emulator: createEmulator({ zendesk: { endUsers: 2_000 }, sunshine: { hearing: { delayScale: 0.05, replyShare: 0, readShare: 0.6 } } }),
  settings: { send_rate: 100 },
  service: true,
});

const t = createTranslator('en');

/** A funnel figure as a number: the count, before its rate. */
async function figure(funnel: Locator, index: number): Promise<number> {
  const count = await funnel
    .getByRole('definition')
    .nth(index)
    .evaluate((element) => element.firstChild?.textContent ?? '');
  return Number(count.replace(/\D/g, ''));
}

describe('the sandbox hears back', () => {
  it('a campaign shows delivered and read rising, later failures with their codes; a STOP typed on a phone opts that user out and the next plan leaves them out', { timeout: 240_000 }, async () => {
    const { emulator } = harness().sandbox;
    // Some numbers are not on WhatsApp: accepted on the call, failed later by webhook (131026).
    await harness().sandboxApi('POST', '/faults', { match: { service: 'sunshine', method: 'POST' }, fault: { kind: 'undeliverable', share: 0.05 } });

    const frame = await openCampaigns(harness(), t);
    await setUpObjects(frame, t);
    await prepareCampaign(frame, t, NEWSLETTER);
    const recipients = await launch(frame, t);
    expect(recipients).toBeGreaterThan(200);
    harness().consoleErrors.length = 0;

    // Delivered and read rise as the webhooks come, the page reading what the service wrote back.
    const funnel = frame.getByRole('region', { name: t('delivery.funnel.title') });
    await funnel.getByText(t('delivery.funnel.step.delivered'), { exact: true }).waitFor({ timeout: 60_000 });
    const seen: Array<[number, number]> = [];
    const campaignId = campaignIdNamed(emulator, 'Spring sale');
    // What the emulator decided for each message of the campaign (its planned facts included).
    const truth = () => {
      const facts = emulator.truth().filter((message) => message.campaign === campaignId);
      return { delivered: facts.filter((message) => message.deliveredAt !== undefined).length, read: facts.filter((message) => message.readAt !== undefined).length };
    };
    for (let tries = 0; tries < 90; tries += 1) {
      const now: [number, number] = [await figure(funnel, 1), await figure(funnel, 2)];
      if (seen.at(-1)?.join() !== now.join()) seen.push(now);
      const expected = truth();
      if (now[0] === expected.delivered && now[1] === expected.read && expected.read > 0) break;
      await harness().page.waitForTimeout(1_000);
    }
    const final = truth();
    expect(seen.at(-1)).toEqual([final.delivered, final.read]);
    // Rising: read went through at least one value between nothing and its final count, never back.
    expect(new Set(seen.map(([, read]) => read)).size).toBeGreaterThan(1);
    for (let index = 1; index < seen.length; index += 1) {
      expect(seen[index]![0]).toBeGreaterThanOrEqual(seen[index - 1]![0]);
      expect(seen[index]![1]).toBeGreaterThanOrEqual(seen[index - 1]![1]);
    }
    expect(final.delivered).toBeGreaterThan(recipients * 0.8);
    // Later failures, by code with their meaning.
    const failures = funnel.getByRole('table', { name: t('delivery.funnel.failedCaption') });
    await failures.getByRole('row').filter({ hasText: '131026' }).getByText(t('delivery.failure.not-on-whatsapp')).waitFor({ timeout: 15_000 });

    // The Phones view: a customer who got the message types STOP.
    await harness().open('#/phones');
    const phones = await harness().sandboxApi<{ phones: PhoneEntry[] }>('GET', '/phones');
    const customer = phones.phones.find((entry) => entry.user && entry.messages.some((message) => message.status === 'delivered' || message.status === 'read'));
    const user = customer?.user;
    if (!customer || !user) throw new Error('No customer got the campaign');
    const page = harness().page;
    await page.getByRole('list', { name: 'Customers messaged on WhatsApp' }).getByRole('button', { name: new RegExp(customer.phone.replace('+', '\\+')) }).click();
    await page.getByRole('heading', { name: `${user.name} · ${customer.phone}` }).waitFor();
    const messages = page.getByRole('list', { name: 'Messages, newest last' });
    await messages.getByText(/✓✓ (Delivered|Read)/).waitFor();
    // Focus went to the reply box: typed and sent from the keyboard.
    await page.keyboard.type('STOP');
    await page.keyboard.press('Enter');
    await messages.getByRole('listitem').last().getByText('STOP', { exact: true }).waitFor();
    await messages.getByText('✓✓ Read').waitFor();

    // Within seconds, the opt-out tag on that user (the service's effects run every 5 s).
    const tagsOf = async () => (await harness().sandboxApi<{ user: { tags: string[] } }>('GET', `/zendesk/api/v2/users/${user.id}`)).user.tags;
    await expect.poll(tagsOf, { timeout: 30_000, interval: 1_000 }).toContain('whatsapp_opt_out');

    // The next plan leaves them out, as opted out.
    const next = campaignsTab(harness().appFrame('nav_bar'), t);
    await harness().open('#/apps/herald');
    await openPlaceholdersStep(next, t, NEWSLETTER, 'Spring sale again');
    await mapAndBuildPlan(next, t);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      next.getByRole('button', { name: t('plan.download', { reason: t('exclusion.opted-out') }) }).click(),
    ]);
    const csv = await readFile(await download.path(), 'utf8');
    const optedOut = csv.split(/\r?\n/).filter((line) => line.startsWith(`${user.id}`));
    expect(optedOut).toHaveLength(1);
    expect(optedOut[0]).toContain('opted-out');
    // The wizard's preview asks for the template's header image, outside the sandbox: only that is refused.
    expect(harness().consoleErrors.filter((line) => !line.includes('spring-sale.jpg') && !line.includes('ERR_BLOCKED_BY_CLIENT'))).toEqual([]);
  });

  it('a re-engagement sent from a ticket turns from accepted ✓ to delivered ✓✓ as the service hears it', { timeout: 120_000 }, async () => {
    const ticketId = SEEDED_TICKET_IDS.whatsappClosedWindow;
    await harness().open(`#/tickets/${ticketId}`);
    const sidebar = harness().appFrame('ticket_sidebar');
    const toggle = sidebar.getByRole('button', { name: t('ticket.reengage.toggle') });
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    const template = sidebar.getByLabel(t('ticket.reengage.template'), { exact: true });
    // Herald's objects, when this test runs alone (the campaign's test sets them up from the nav bar).
    const setUp = sidebar.getByRole('button', { name: t('templates.setup.run') });
    await template.or(setUp).first().waitFor({ timeout: 30_000 }).catch(async () => {
      throw new Error(`The sidebar shows: ${(await sidebar.locator('body').textContent()) ?? ''}`);
    });
    if (await setUp.isVisible()) await setUp.click();
    await template.selectOption({ label: t('ticket.reengage.templateOption', { name: 'order_update', language: 'Spanish' }) });
    // Each placeholder chosen: the header, the order and the link from the ticket, the name from the requester, the arrival typed.
    const source = (slot: string) => t('mapping.source', { slot });
    await sidebar.getByLabel(source(t('mapping.slot.header', { sample: '#10482' }))).selectOption({ label: t('ticket.field.id') });
    await sidebar.getByLabel(source(t('mapping.slot.body', { position: 1, sample: 'Clarice' }))).selectOption({ label: t('mapping.field.first_name') });
    await sidebar.getByLabel(source(t('mapping.slot.body', { position: 2, sample: '#10482' }))).selectOption({ label: t('ticket.field.id') });
    const arrival = t('mapping.slot.body', { position: 3, sample: '24/11' });
    await sidebar.getByLabel(t('mapping.source', { slot: arrival })).selectOption({ label: t('mapping.static') });
    await sidebar.getByLabel(t('mapping.value', { slot: arrival })).fill('lunes');
    await sidebar.getByLabel(source(t('mapping.slot.button', { button: 1, sample: '10482' }))).selectOption({ label: t('ticket.field.id') });
    await sidebar.getByRole('button', { name: new RegExp(t('ticket.reengage.send', { name: '§' }).split('§')[0]!) }).click();

    const delivery = sidebar.locator('[data-herald-delivery]');
    await delivery.getByText(t('delivery.ticket.accepted')).waitFor({ timeout: 30_000 });
    // Nothing written by the test: the emulator delivers, Sunshine's webhook reaches the service, the service writes it back, the sidebar reads it.
    await delivery.getByText(t('delivery.ticket.delivered')).or(delivery.getByText(t('delivery.ticket.read'))).waitFor({ timeout: 60_000 });
    await expect(delivery.locator('[aria-hidden="true"]').textContent()).resolves.toBe('✓✓');
  });
});

