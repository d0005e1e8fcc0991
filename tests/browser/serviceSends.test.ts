import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../emulator/index';
import { CAMPAIGN_OBJECT } from '../../src/store/heraldObjects';
import { createTranslator } from '../../src/ui/i18n/messages';
import { BUILT_APP_DIR } from './support/builtApp';
import { campaignsTab, launch, NEWSLETTER, openCampaigns, prepareCampaign, setUpObjects } from './support/campaignFlow';
import { sandboxBrowserPerFile } from './support/sandboxBrowser';

/**
 * Launch and leave: with the Herald service running beside the sandbox, the launch offers to send
 * from the service (the default), the campaign's page says the service sends it and never "this
 * tab", and a pause from the page stops the service within seconds.
 */

const harness = sandboxBrowserPerFile({
  distDir: BUILT_APP_DIR,
  // Some fifty customers tagged newsletter, sent at one a second: still sending when the page pauses it.
  emulator: createEmulator({ zendesk: { endUsers: 300 } }),
  settings: { send_rate: 1 },
  service: true,
});

const t = createTranslator('en');
const fr = createTranslator('fr');

describe('a campaign sent by the Herald service', () => {
  it('launches from the service by default, shows it sending, pauses it from the page within seconds; the choice in French', { timeout: 180_000 }, async () => {
    const { emulator } = harness().sandbox;
    const frame = await openCampaigns(harness(), t);
    await setUpObjects(frame, t);
    await prepareCampaign(frame, t, NEWSLETTER, 'Service sale');

    // The service is connected (its heartbeat is fresh): the choice is offered, the service first and chosen.
    const fromService = frame.getByRole('radio', { name: t('campaigns.place.service') });
    // Read when the step opens, and every 30 s: the service's first heartbeat after the set-up may come after the first read.
    await fromService.waitFor({ state: 'attached', timeout: 60_000 });
    await expect(fromService.isChecked()).resolves.toBe(true);
    await expect(frame.getByRole('radio', { name: t('campaigns.place.browser') }).isChecked()).resolves.toBe(false);
    await launch(frame, t);

    // The service takes it up: its lease, and its messages reach Sunshine; this tab sends nothing.
    const page = frame.getByRole('region', { name: 'Service sale' }).or(frame.locator('section[aria-label="Service sale"]'));
    await page.getByText(t('campaigns.page.byService'), { exact: true }).waitFor({ timeout: 30_000 });
    await page.getByText(t('campaigns.page.byServiceHelp'), { exact: true }).waitFor({ timeout: 30_000 });
    // The test message was one; the campaign's follow.
    await expect.poll(() => emulator.sunshine.notifications().length, { timeout: 30_000 }).toBeGreaterThan(3);
    await expect(page.getByText(t('campaigns.page.sendingHere'), { exact: true }).count()).resolves.toBe(0);

    // Paused from the page: the service stops at its next heartbeat, and the page says so as it happens.
    await page.getByRole('button', { name: t('campaigns.page.pause') }).click();
    const pausedAt = Date.now();
    const record = () => emulator.zendesk.customObjects.records(CAMPAIGN_OBJECT.key).find((candidate) => candidate.name === 'Service sale');
    // Paused on the record at once; the service's runner lets go of its lease at its next heartbeat (every 3 s).
    await page.getByRole('status').filter({ hasText: t('campaigns.page.pausedByUser') }).waitFor({ timeout: 15_000 });
    expect(Date.now() - pausedAt).toBeLessThan(15_000);
    expect(record()?.fields).toMatchObject({ status: 'paused', sent_from: 'service' });
    expect(record()?.fields.lease_holder || null).toBeNull();
    await expect(page.getByText(t('campaigns.page.byService'), { exact: true }).count()).resolves.toBe(0);
    // Nothing more goes out once paused.
    const sentWhenPaused = emulator.sunshine.notifications().length;
    await harness().page.waitForTimeout(4_000);
    expect(emulator.sunshine.notifications().length).toBe(sentWhenPaused);

    // In French, the resume offers the same choice as the launch, the service first.
    await harness().sandboxApi('PUT', '/session', { locale: 'fr' });
    const french = await openCampaigns(harness(), fr);
    await french.getByRole('table', { name: fr('campaigns.list.caption') }).getByRole('button', { name: 'Service sale' }).click();
    const again = french.getByRole('radio', { name: fr('campaigns.place.service') });
    await again.waitFor({ state: 'attached', timeout: 30_000 });
    await expect(again.isChecked()).resolves.toBe(true);
    expect(fr('campaigns.place.service')).toBe('Envoyer depuis le service Herald (continue quand vous fermez Zendesk)');
    await expect(campaignsTab(harness().appFrame('nav_bar'), fr).getByRole('button', { name: fr('campaigns.page.resume') }).count()).resolves.toBe(1);
  });

  it('moves to this browser and back to the service while sending, every recipient getting the message once', { timeout: 180_000 }, async () => {
    const { emulator } = harness().sandbox;
    const frame = await openCampaigns(harness(), t);
    await setUpObjects(frame, t);
    await prepareCampaign(frame, t, NEWSLETTER, 'Moving sale');
    // Read when the step opens, and every 30 s: the service's first heartbeat after the set-up may come after the first read.
    await frame.getByRole('radio', { name: t('campaigns.place.service') }).waitFor({ state: 'attached', timeout: 60_000 });
    const recipients = await launch(frame, t);
    const page = frame.locator('section[aria-label="Moving sale"]');
    await page.getByText(t('campaigns.page.byServiceHelp'), { exact: true }).waitFor({ timeout: 30_000 });

    // Taken back: the service lets go at its next heartbeat, and this tab goes on.
    await page.getByRole('button', { name: t('campaigns.page.moveToBrowser') }).click();
    await page.getByText(t('campaigns.page.moved.browser'), { exact: true }).waitFor({ timeout: 30_000 });
    await page.getByText(t('campaigns.page.sendingHere'), { exact: true }).waitFor();
    const sentByBrowser = emulator.sunshine.notifications().length;
    await expect.poll(() => emulator.sunshine.notifications().length, { timeout: 15_000 }).toBeGreaterThan(sentByBrowser);

    // Handed over again: this tab stops cleanly, the service goes on to the end.
    await page.getByRole('button', { name: t('campaigns.page.moveToService') }).click();
    await page.getByText(t('campaigns.page.byService'), { exact: true }).waitFor({ timeout: 30_000 });
    await expect(page.getByText(t('campaigns.page.sendingHere'), { exact: true }).count()).resolves.toBe(0);
    await page.getByText(t('campaigns.status.completed'), { exact: true }).first().waitFor({ timeout: 120_000 });
    // The test message went to its own number; each recipient got the campaign once.
    const destinations = emulator.sunshine.notifications().map((sent) => sent.destinationId);
    expect(destinations).toHaveLength(recipients + 1);
    expect(new Set(destinations).size).toBe(recipients + 1);
  });
});
