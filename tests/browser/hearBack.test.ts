import type { FrameLocator, Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Transport } from '../../src/api/transport/types';
import { CustomObjectsClient } from '../../src/api/zendesk/customObjects';
import { assessContact } from '../../src/core/contact/assessContact';
import { isUsable, normalizePhone } from '../../src/core/phone/normalizePhone';
import { totalsOf, type RecipientDelivery } from '../../src/core/delivery/deliveryState';
import { DeliveryOutcomes } from '../../src/store/deliveryOutcomes';
import { HeardNumbers, type HeardCode } from '../../src/store/heardNumbers';
import { CAMPAIGN_OBJECT } from '../../src/store/heraldObjects';
import { ServiceHeartbeatStore } from '../../src/store/serviceHeartbeat';
import { setUpHeraldObjects } from '../../src/store/setup';
import { createTranslator, type Translate } from '../../src/ui/i18n/messages';
import { transportOn } from '../support/appHarness';
import { BUILT_APP_DIR } from './support/builtApp';
import { launch, messagePattern, NEWSLETTER, openCampaigns, prepareCampaign, setUpObjects } from './support/campaignFlow';
import { sandboxBrowserPerFile } from './support/sandboxBrowser';

/**
 * What the Herald service writes back, as Herald's pages show it on the real build: its heartbeat
 * in Settings, and the numbers WhatsApp reported (not on WhatsApp, at their marketing limit) in the
 * send plan. The records are written as the service writes them, through the store's own code.
 */

const harness = sandboxBrowserPerFile({ distDir: BUILT_APP_DIR });
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const RULES = { phoneField: 'phone', defaultCountry: 'FR', optInRule: { kind: 'tag', tag: 'whatsapp_opt_in' }, optOutTag: 'whatsapp_opt_out' } as const;

/** The admin's transport on the sandbox's emulator, with Herald's objects created. */
async function adminTransport(): Promise<Transport> {
  const { emulator, installation } = harness().sandbox;
  const transport = transportOn(emulator, installation, 1);
  await setUpHeraldObjects(new CustomObjectsClient(transport));
  return transport;
}

async function openSection(t: Translate, section: 'settings' | 'audiences'): Promise<FrameLocator> {
  await harness().open('#/apps/herald');
  const frame = harness().appFrame('nav_bar');
  await frame.getByRole('tab', { name: t(`shell.section.${section}`) }).click();
  return frame;
}

describe('the Herald service in Settings', () => {
  it('is connected, last heard seconds ago, when a fresh heartbeat exists', async () => {
    const t = createTranslator('en');
    const transport = await adminTransport();
    const now = Date.now();
    await new ServiceHeartbeatStore(transport).write({ version: '1.0.0', startedAt: now - HOUR, beatAt: now - 10_000, lastEventAt: now - 20_000, webhook: 'registered' });
    const frame = await openSection(t, 'settings');
    await frame.getByText(messagePattern(t, 'settings.service.connected', {}, ['ago'])).waitFor();
    await frame.getByText(/^Herald service: connected, last heard \d+ s ago\.$/).waitFor();
    await expect(frame.getByText(t('settings.service.adds')).count()).resolves.toBe(0);
  });

  it('is not connected without a heartbeat, and says what it adds and how to run it', async () => {
    const t = createTranslator('en');
    await adminTransport();
    const frame = await openSection(t, 'settings');
    await frame.getByText(t('settings.service.absent')).waitFor();
    await frame.getByText(t('settings.service.adds')).waitFor();
    for (const gain of ['delivery', 'read', 'replies', 'stop', 'laterFailures'] as const) await frame.getByText(t(`settings.service.gains.${gain}`)).waitFor();
    await frame.getByText(t('settings.service.howToRun')).waitFor();
    await expect(frame.getByText(/connected, last heard/).count()).resolves.toBe(0);
  });
});

/** Two VIP customers who would get spring_sale (consent, a French number nobody else has), by E.164. */
function twoVipCustomers(): string[] {
  const users = [...harness().sandbox.emulator.zendesk.users.all()];
  const e164 = (phone: string | null) => {
    const check = normalizePhone(phone, 'FR');
    return isUsable(check) ? check.e164 : undefined;
  };
  const owners = new Map<string, number>();
  for (const user of users) {
    const number = e164(user.phone);
    if (number) owners.set(number, (owners.get(number) ?? 0) + 1);
  }
  const chosen = users
    .filter((user) => user.role === 'end-user' && user.tags.includes('vip') && assessContact({ phone: user.phone, tags: user.tags, suspended: user.suspended }, RULES).reachable)
    .map((user) => e164(user.phone))
    .filter((number): number is string => number !== undefined && number.startsWith('+33') && owners.get(number) === 1)
    .slice(0, 2);
  if (chosen.length < 2) throw new Error('The seed has fewer than two reachable VIP customers with a French number of their own');
  return chosen;
}

async function chooseOption(select: Locator, text: RegExp): Promise<void> {
  const value = await select.locator('option', { hasText: text }).first().getAttribute('value');
  if (value === null) throw new Error(`No option ${String(text)}`);
  await select.selectOption(value);
}

/** The VIP audience's plan for spring_sale (a marketing template) in French, each placeholder the same text for everyone. */
async function planSpringSale(t: Translate): Promise<Locator> {
  const frame = await openSection(t, 'audiences');
  await frame.getByLabel(t('audiences.queryLabel')).fill('tags:vip');
  await frame.getByRole('button', { name: t('audiences.count') }).click();
  await frame.getByRole('tab', { name: t('audiences.panel.plan') }).click();
  await chooseOption(frame.getByLabel(t('plan.channel'), { exact: true }), /Herald France/);
  await chooseOption(frame.getByLabel(t('plan.template'), { exact: true }), /^spring_sale · [Ff]r/);
  for (const sample of ['Clarice', '20%']) {
    const slot = t('mapping.slot.body', { position: sample === 'Clarice' ? 1 : 2, sample });
    await frame.getByLabel(t('mapping.source', { slot })).selectOption({ label: t('mapping.static') });
    await frame.getByLabel(t('mapping.value', { slot })).fill('-20 %');
  }
  await frame.getByRole('button', { name: t('plan.build') }).click();
  const table = frame.getByRole('table', { name: t('plan.exclusions') });
  await table.waitFor({ timeout: 60_000 });
  return table;
}

async function heard(transport: Transport, entries: ReadonlyArray<{ phone: string; code: HeardCode; at: number }>): Promise<void> {
  await new HeardNumbers(transport).record(entries);
}

const count = async (row: Locator) => Number(((await row.getByRole('cell').nth(1).textContent()) ?? '').replace(/\D/g, ''));

describe('the send plan and what WhatsApp reported', () => {
  it('leaves out a number not on WhatsApp, with when it was learned, and holds one at its marketing limit, with until when', { timeout: 120_000 }, async () => {
    const t = createTranslator('en');
    const transport = await adminTransport();
    const [notOnWhatsApp, capped] = twoVipCustomers() as [string, string];
    const learnedAt = Date.now() - 5 * DAY;
    const cappedAt = Date.now() - 2 * HOUR;
    await heard(transport, [
      { phone: notOnWhatsApp, code: '131026', at: learnedAt },
      { phone: capped, code: '131049', at: cappedAt },
    ]);
    const table = await planSpringSale(t);
    const notOnWhatsAppRow = table.getByRole('row').filter({ hasText: t('exclusion.not-on-whatsapp') });
    expect(await count(notOnWhatsAppRow)).toBe(1);
    const day = (at: number) => new Intl.DateTimeFormat('en', { month: 'short', day: 'numeric' }).format(at);
    await notOnWhatsAppRow.getByText(new RegExp(`^Learned on ${day(learnedAt)}, \\d{4}`)).waitFor();
    const cappedRow = table.getByRole('row').filter({ hasText: t('exclusion.marketing-limit') });
    expect(await count(cappedRow)).toBe(1);
    await cappedRow.getByText(new RegExp(`^Try again after ${day(cappedAt + DAY)}, \\d{4}`)).waitFor();
  });

  it('says the same in French', { timeout: 120_000 }, async () => {
    const fr = createTranslator('fr');
    await harness().sandboxApi('PUT', '/session', { locale: 'fr' });
    const transport = await adminTransport();
    const [notOnWhatsApp, capped] = twoVipCustomers() as [string, string];
    const learnedAt = Date.now() - 5 * DAY;
    await heard(transport, [
      { phone: notOnWhatsApp, code: '131026', at: learnedAt },
      { phone: capped, code: '131049', at: Date.now() - 2 * HOUR },
    ]);
    const table = await planSpringSale(fr);
    const notOnWhatsAppRow = table.getByRole('row').filter({ hasText: fr('exclusion.not-on-whatsapp') });
    expect(await count(notOnWhatsAppRow)).toBe(1);
    const day = new Intl.DateTimeFormat('fr', { day: 'numeric', month: 'short' }).format(learnedAt).replace(/^1 /, '1er ');
    await notOnWhatsAppRow.getByText(new RegExp(`^Appris le ${day} \\d{4}`)).waitFor();
    const cappedRow = table.getByRole('row').filter({ hasText: fr('exclusion.marketing-limit') });
    expect(await count(cappedRow)).toBe(1);
    await cappedRow.getByText(/^Réessayez après le /).waitFor();
  });
});

describe('retrying the failed recipients of a campaign', () => {
  it('counts the later failures WhatsApp reported, says how many wait for the marketing limit, and says both before making the follow-up', { timeout: 180_000 }, async () => {
    const t = createTranslator('en');
    await harness().sandboxApi('PUT', '/settings', { settings: { send_rate: 150 } });
    const frame = await openCampaigns(harness(), t);
    await setUpObjects(frame, t);
    await prepareCampaign(frame, t, NEWSLETTER);
    await launch(frame, t);
    await frame.getByText(t('campaigns.status.completed'), { exact: true }).waitFor({ timeout: 60_000 });

    // What the service heard: two passing later failures, a delivery, a fresh marketing limit, a number not on WhatsApp.
    const { emulator, installation } = harness().sandbox;
    const campaign = emulator.zendesk.customObjects.records(CAMPAIGN_OBJECT.key).find((record) => record.name === 'Spring sale')!;
    const now = Date.now();
    const chunk = new Map<number, RecipientDelivery>([
      [0, { failedAt: now - HOUR, code: '131056' }],
      [1, { failedAt: now - HOUR, code: '131000' }],
      [2, { deliveredAt: now - HOUR }],
      [3, { failedAt: now - HOUR, code: '131049' }],
      [4, { failedAt: now - HOUR, code: '131026' }],
    ]);
    await new DeliveryOutcomes(transportOn(emulator, installation, 1)).write(campaign.id, new Map([[0, chunk]]), totalsOf(chunk.values(), now));

    await frame.getByRole('button', { name: t('campaigns.results.show') }).click();
    const retry = frame.getByRole('button', { name: t('campaigns.results.retryFailed', { count: 2 }) });
    await retry.waitFor();
    await frame.getByText(t('campaigns.results.retryLater', { count: 2 })).waitFor();
    await frame.getByText(messagePattern(t, 'campaigns.results.retryWaiting', { count: 1 }, ['at'])).waitFor();

    await retry.click();
    const dialog = harness().appFrame('nav_bar').getByRole('dialog', { name: t('campaigns.results.retryConfirm.title', { count: 2 }) });
    await dialog.getByText(t('campaigns.results.retryConfirm.later', { count: 2 })).waitFor();
    await expect(dialog.getByText(messagePattern(t, 'campaigns.results.retryConfirm.onCall', { count: 987654 })).count()).resolves.toBe(0);
    await dialog.getByRole('button', { name: t('campaigns.results.retryConfirm.confirm') }).click();
    await frame.getByRole('heading', { name: t('campaigns.results.followUpName', { name: 'Spring sale' }) }).first().waitFor();
    const followUp = emulator.zendesk.customObjects.records(CAMPAIGN_OBJECT.key).find((record) => record.name === t('campaigns.results.followUpName', { name: 'Spring sale' }));
    expect(followUp?.fields.recipients).toBe(2);
    // The template's header image lives on a CDN the offline sandbox does not reach: expected.
    expect(harness().consoleErrors.filter((error) => !error.includes('cdn.herald.example') && !error.includes('ERR_BLOCKED_BY_CLIENT'))).toEqual([]);
  });
});

