import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../emulator/index';
import { createTranslator, type Translate } from '../../src/ui/i18n/messages';
import { BUILT_APP_DIR } from './support/builtApp';
import { campaignsTab, launch, messagePattern, NEWSLETTER, openCampaigns as openCampaignsOf, openPlaceholdersStep, prepareCampaign, setUpObjects, type CampaignAudience } from './support/campaignFlow';
import { watchCampaignPage, type PageState } from './support/pageStates';
import { sandboxBrowserPerFile } from './support/sandboxBrowser';

/**
 * A marketer's campaign end to end in the sandbox, on the real build: the wizard from the template
 * to the launch, the live page, the results as CSV against what the emulator received.
 */

// 2,000 users in the account; a fast rate so that a campaign takes seconds, not minutes.
const harness = sandboxBrowserPerFile({ distDir: BUILT_APP_DIR, emulator: createEmulator({ zendesk: { endUsers: 2000 } }), settings: { send_rate: 150 } });

/** The Campaigns tab of the nav bar app in this file's sandbox. */
const openCampaigns = (t: Translate): Promise<Locator> => openCampaignsOf(harness(), t);

/** The same workspace in another tab of the same browser (its own sessionStorage, the same Web Locks and IndexedDB). */
async function openSecondTab(t: Translate): Promise<{ page: Page; frame: Locator }> {
  const page = await harness().context.newPage();
  await page.goto(harness().sandbox.hostUrl + '#/apps/herald');
  await page.waitForSelector('body[data-sandbox-ready="true"]');
  return { page, frame: campaignsTab(page.frameLocator('iframe[data-zaf-location="nav_bar"]'), t) };
}

/** Every end user of the account (about 2,000). */
const EVERYONE: CampaignAudience = { query: 'role:end-user', counted: () => /2[,  ]?0\d\d/ };

/** Who holds the campaign in the lease: the signed-in admin of the sandbox. */
const ADMIN = 'Alex Martin';

/** Shows the results of the campaign on its page and downloads them as CSV: one row per recipient. */
async function downloadResults(frame: Locator, t: Translate): Promise<Array<Record<string, string>>> {
  await frame.getByRole('button', { name: t('campaigns.results.show') }).click();
  const [download] = await Promise.all([
    harness().page.waitForEvent('download'),
    frame.getByRole('button', { name: /^(Download|Télécharger) .* \(CSV\)$/ }).click(),
  ]);
  const csv = await readFile(await download.path(), 'utf8');
  return Papa.parse<Record<string, string>>(csv.replace(/^\ufeff/, ''), { header: true, skipEmptyLines: true }).data;
}

/** How many times each phone received a campaign message, after the first `skip` notifications (the test sends). */
function receivedByPhone(skip: number): Map<string, number> {
  const byPhone = new Map<string, number>();
  for (const notification of harness().sandbox.emulator.sunshine.notifications().slice(skip)) {
    byPhone.set(notification.destinationId, (byPhone.get(notification.destinationId) ?? 0) + 1);
  }
  return byPhone;
}

describe('campaigns', () => {
  it('a marketer sends a WhatsApp campaign to 2,000 users end to end, and the CSV report matches what the emulator received', { timeout: 180_000 }, async () => {
    const t = createTranslator('en');
    const frame = await openCampaigns(t);
    const { emulator } = harness().sandbox;
    await expect(frame.getByRole('button', { name: t('campaigns.new') }).isDisabled()).resolves.toBe(true);
    await setUpObjects(frame, t);
    await prepareCampaign(frame, t, EVERYONE);
    const testSends = emulator.sunshine.notifications().length;
    expect(testSends).toBe(1);
    const recipients = await launch(frame, t);
    expect(recipients).toBeGreaterThan(500);

    // The marketer hesitates over cancelling while it sends: when the campaign ends, the dialog goes with it.
    await frame.getByRole('button', { name: t('campaigns.page.cancel') }).click();
    const cancelDialog = harness().appFrame('nav_bar').getByRole('dialog', { name: t('campaigns.page.cancelTitle') });
    await cancelDialog.waitFor();
    await frame.getByText(t('campaigns.status.completed'), { exact: true }).waitFor({ timeout: 60_000 });
    await cancelDialog.waitFor({ state: 'detached' });
    const received = emulator.sunshine.notifications().slice(testSends);
    const byPhone = new Map<string, number>();
    for (const notification of received) byPhone.set(notification.destinationId, (byPhone.get(notification.destinationId) ?? 0) + 1);
    expect([...byPhone.values()].every((times) => times === 1)).toBe(true);

    await frame.getByRole('button', { name: t('campaigns.results.show') }).click();
    const [download] = await Promise.all([
      harness().page.waitForEvent('download'),
      frame.getByRole('button', { name: /^Download .* rows \(CSV\)$/ }).click(),
    ]);
    const csv = await readFile(await download.path(), 'utf8');
    const rows = Papa.parse<Record<string, string>>(csv.replace(/^\ufeff/, ''), { header: true, skipEmptyLines: true }).data;
    expect(rows).toHaveLength(recipients);
    // Phones are written with a leading apostrophe (no spreadsheet reads them as formulas).
    const sent = rows.filter((row) => row.outcome === t('campaigns.state.sent')).map((row) => row.phone!.replace(/^'/, ''));
    expect(new Set(sent)).toEqual(new Set(byPhone.keys()));
    expect(sent).toHaveLength(received.length);

    // On screen, each recipient is named as in Zendesk, not by an id.
    const table = frame.getByRole('table', { name: t('campaigns.results.caption') });
    const firstRow = table.getByRole('row').nth(1);
    const firstUser = emulator.zendesk.users.get(Number(rows[0]!.user_id))!;
    await firstRow.getByRole('cell', { name: firstUser.name!, exact: true }).waitFor();
    expect(await table.getByRole('cell', { name: /^#\d+$/ }).count()).toBe(0);
  });
});

/**
 * The newsletter audience launched, by default at 40 a second and in English: a few hundred
 * recipients take seconds, long enough to reload or open another tab in the middle. Resolves once
 * this tab sends.
 */
async function launchNewsletter(t: Translate = createTranslator('en'), sendRate: number | undefined = 40) {
  if (sendRate !== undefined) await harness().sandboxApi('PUT', '/settings', { settings: { send_rate: sendRate } });
  const frame = await openCampaigns(t);
  const { emulator } = harness().sandbox;
  await setUpObjects(frame, t);
  await prepareCampaign(frame, t, NEWSLETTER);
  // No Herald service here: no choice, it is sent from this browser, and a line says what the service would add.
  await frame.getByText(t('campaigns.place.serviceWouldAdd')).waitFor();
  await expect(frame.getByRole('radio', { name: t('campaigns.place.service') }).count()).resolves.toBe(0);
  const testSends = emulator.sunshine.notifications().length;
  const recipients = await launch(frame, t);
  await frame.getByText(t('campaigns.page.sendingHere')).waitFor();
  return { t, frame, emulator, testSends, recipients };
}

describe('a campaign and the tabs that send it', () => {
  it('the tab is reloaded mid-send: the campaign shows as interrupted at once, and resumes from where it stopped with no duplicate', { timeout: 120_000 }, async () => {
    const { t, frame, emulator, testSends, recipients } = await launchNewsletter();
    expect(recipients).toBeGreaterThan(200);
    await expect.poll(() => emulator.sunshine.notifications().length - testSends, { timeout: 20_000 }).toBeGreaterThan(40);

    // The reload keeps this tab's session (sessionStorage) but ends its runner, whose lease on the
    // campaign record stays valid for up to 30 s: the page must not make the marketer wait it out.
    const reloadedAt = Date.now();
    await harness().page.reload();
    await harness().page.waitForSelector('body[data-sandbox-ready="true"]');
    const sentBeforeResume = emulator.sunshine.notifications().length - testSends;
    expect(sentBeforeResume).toBeLessThan(recipients);

    const alert = frame.getByRole('status').filter({ hasText: t('campaigns.list.interrupted', { name: 'Spring sale' }) });
    await alert.waitFor({ timeout: 10_000 });
    // Its row says so too, rather than "Sending".
    const row = frame.getByRole('row').filter({ hasText: 'Spring sale' });
    await row.getByText(t('campaigns.status.interrupted'), { exact: true }).waitFor();
    await expect(row.getByText(t('campaigns.status.running'), { exact: true }).count()).resolves.toBe(0);
    await alert.getByRole('button', { name: t('campaigns.list.openToResume') }).click();
    await frame.getByText(t('campaigns.page.interrupted')).waitFor();
    await expect(frame.getByText(t('campaigns.page.elsewhere', { holder: ADMIN })).count()).resolves.toBe(0);
    await frame.getByRole('button', { name: t('campaigns.page.resume') }).click();
    expect(Date.now() - reloadedAt).toBeLessThan(20_000);
    // Nothing went out while nobody was sending it.
    expect(emulator.sunshine.notifications().length - testSends).toBe(sentBeforeResume);

    await frame.getByText(t('campaigns.page.sendingHere')).waitFor();
    await frame.getByText(t('campaigns.status.completed'), { exact: true }).waitFor({ timeout: 60_000 });
    const byPhone = receivedByPhone(testSends);
    expect([...byPhone.entries()].filter(([, times]) => times > 1)).toEqual([]);

    // Every recipient has an outcome. The sends in flight at the reload (a request may have left,
    // or not) are "unverified": never sent again unless the marketer chooses to, and said so on the
    // page. The journal this browser kept narrows them to those few, not the reserved window.
    const rows = await downloadResults(frame, t);
    expect(rows).toHaveLength(recipients);
    const phonesIn = (state: 'sent' | 'unverified') => new Set(rows.filter((row) => row.outcome === t(`campaigns.state.${state}`)).map((row) => row.phone!.replace(/^'/, '')));
    const sent = phonesIn('sent');
    const unverified = phonesIn('unverified');
    expect(sent.size + unverified.size).toBe(recipients);
    expect(unverified.size).toBeLessThanOrEqual(10);
    // Each phone the results call sent got its message once; anything else received is among the unverified.
    expect([...sent].filter((phone) => byPhone.get(phone) !== 1)).toEqual([]);
    expect([...byPhone.keys()].filter((phone) => !sent.has(phone) && !unverified.has(phone))).toEqual([]);
    if (unverified.size > 0) {
      await frame.getByText(t('campaigns.page.unverifiedHelp', { count: unverified.size })).waitFor();
      // Finished: they would go again in a follow-up, prepared first, launched on its own page.
      await frame.getByRole('button', { name: t('campaigns.page.prepareResendUnverified', { count: unverified.size }) }).waitFor();
    }
  });

  it('a second tab sees the campaign being sent elsewhere, by whom, and offers nothing that would send it twice (a pause or a cancel, through the record)', { timeout: 120_000 }, async () => {
    const { t, frame, emulator, testSends, recipients } = await launchNewsletter();

    const second = await openSecondTab(t);
    try {
      const row = second.frame.getByRole('row').filter({ hasText: 'Spring sale' });
      await row.getByText(t('campaigns.status.running'), { exact: true }).waitFor();
      await expect(second.frame.getByText(t('campaigns.list.interrupted', { name: 'Spring sale' })).count()).resolves.toBe(0);
      await row.getByRole('button', { name: 'Spring sale' }).click();
      await second.frame.getByText(t('campaigns.page.elsewhereTab', { holder: ADMIN })).waitFor();
      expect(emulator.sunshine.notifications().length - testSends).toBeLessThan(recipients);
      await expect(second.frame.getByText(t('campaigns.page.interrupted')).count()).resolves.toBe(0);
      for (const name of [t('campaigns.page.resume'), t('campaigns.page.startNow'), t('campaigns.page.moveToBrowser'), t('campaigns.page.moveToService')]) {
        await expect(second.frame.getByRole('button', { name, exact: true }).count(), name).resolves.toBe(0);
      }
      // Pausing or cancelling from here reaches the first tab's runner through the record, at its next heartbeat.
      for (const name of [t('campaigns.page.pause'), t('campaigns.page.cancel')]) {
        await expect(second.frame.getByRole('button', { name, exact: true }).count(), name).resolves.toBe(1);
      }

      // The first tab finishes the campaign; the second follows it to the end.
      await frame.getByText(t('campaigns.status.completed'), { exact: true }).waitFor({ timeout: 60_000 });
      await second.frame.getByText(t('campaigns.status.completed'), { exact: true }).waitFor({ timeout: 15_000 });
      const byPhone = receivedByPhone(testSends);
      expect([...byPhone.values()].every((times) => times === 1)).toBe(true);
      const rows = await downloadResults(frame, t);
      expect(rows.filter((row) => row.outcome === t('campaigns.state.sent'))).toHaveLength(byPhone.size);
    } finally {
      await second.page.close();
    }
  });
});

describe('failures that cannot be retried', () => {
  it('leave no retry button, and a line says why, with each row’s meaning', { timeout: 120_000 }, async () => {
    const t = createTranslator('en');
    const frame = await openCampaigns(t);
    await setUpObjects(frame, t);
    await prepareCampaign(frame, t, NEWSLETTER);
    // One WhatsApp number in ten is undeliverable (131026), refused on the call: the same message would
    // fail again. (Few enough that the campaign is not paused for a burst of errors.)
    harness().sandbox.emulator.faults.add({ match: { service: 'sunshine', method: 'POST' }, fault: { kind: 'undeliverable', share: 0.1, synchronous: true } });
    await launch(frame, t);
    await frame.getByText(t('campaigns.status.completed'), { exact: true }).waitFor({ timeout: 60_000 });
    await frame.getByRole('button', { name: t('campaigns.results.show') }).click();
    await frame.getByText(messagePattern(t, 'campaigns.results.notRetried', { count: 987654 })).waitFor();
    await frame.getByText(t('sending.failure.whatsapp-131026')).first().waitFor();
    expect(await frame.getByRole('button', { name: /^Retry the / }).count()).toBe(0);
  });
});

describe('the page tells the truth', () => {
  /**
   * What the page showed that a campaign this tab sends never was: nobody sending it, someone else
   * sending it, a Resume next to "Sending", counts going back.
   */
  function contradictions(t: Translate, states: readonly PageState[]): string[] {
    const found: string[] = [];
    const elsewhere = messagePattern(t, 'campaigns.page.elsewhere', {}, ['holder']);
    const elsewhereTab = messagePattern(t, 'campaigns.page.elsewhereTab', {}, ['holder']);
    let done = 0;
    for (const state of states) {
      for (const notice of state.notices) {
        if (notice === t('campaigns.page.interrupted') || elsewhere.test(notice) || elsewhereTab.test(notice)) found.push(`"${notice}" while ${state.tag}`);
      }
      if (state.resume && state.tag === t('campaigns.status.running')) found.push('Resume offered while sending');
      if (state.done !== undefined && state.done < done) found.push(`${state.done} done after ${done}`);
      done = Math.max(done, state.done ?? 0);
    }
    return found;
  }

  it('pausing, resuming and cancelling from this tab: never "interrupted", never a Resume while sending, never counts going back', { timeout: 120_000 }, async () => {
    const { t, frame, emulator, testSends, recipients } = await launchNewsletter();
    const page = await watchCampaignPage(harness(), t, 'Spring sale');
    const tag = (status: 'paused' | 'cancelled') => frame.locator('[data-garden-id="tags.tag_view"]').filter({ hasText: t(`campaigns.status.${status}`) });
    await expect.poll(() => emulator.sunshine.notifications().length - testSends, { timeout: 20_000 }).toBeGreaterThan(20);

    await frame.getByRole('button', { name: t('campaigns.page.pause') }).click();
    await tag('paused').waitFor();
    await frame.getByRole('button', { name: t('campaigns.page.resume') }).click();
    await frame.getByText(t('campaigns.page.sendingHere')).waitFor();
    await expect.poll(() => emulator.sunshine.notifications().length - testSends, { timeout: 20_000 }).toBeGreaterThan(60);
    await frame.getByRole('button', { name: t('campaigns.page.cancel') }).click();
    await harness().appFrame('nav_bar').getByRole('dialog', { name: t('campaigns.page.cancelTitle') }).getByRole('button', { name: t('campaigns.page.cancelConfirm') }).click();
    await tag('cancelled').waitFor();
    // Said as what happened: how many went out before the cancel, how many never will; not "done".
    const sentBeforeCancel = emulator.sunshine.notifications().length - testSends;
    const notSent = t('campaigns.progress.notSent', { count: recipients - sentBeforeCancel });
    await frame.getByText(t('campaigns.progress.cancelled', { count: sentBeforeCancel, notSent })).waitFor();

    const states = await page.states();
    expect(states.map((state) => state.tag)).toEqual(expect.arrayContaining([t('campaigns.status.paused'), t('campaigns.status.cancelled')]));
    expect(contradictions(t, states)).toEqual([]);
    // The list says it as the page does.
    await frame.getByRole('button', { name: t('campaigns.page.back') }).click();
    await frame.getByRole('row').filter({ hasText: 'Spring sale' }).getByText(t('campaigns.progress.cancelled', { count: sentBeforeCancel, notSent })).waitFor();
  });

  it('the list follows a campaign this tab sends, as its page does, with nobody refreshing it', { timeout: 120_000 }, async () => {
    const { t, frame, emulator, testSends, recipients } = await launchNewsletter();
    await expect.poll(() => emulator.sunshine.notifications().length - testSends, { timeout: 20_000 }).toBeGreaterThan(10);
    await frame.getByRole('button', { name: t('campaigns.page.back') }).click();
    const progress = frame.getByRole('row').filter({ hasText: 'Spring sale' }).getByText(messagePattern(t, 'campaigns.list.sentOf', {}, ['sent', 'done', 'total']));
    // The first figure: "120 accepted · 300 of 500 done".
    const sentInList = async () => Number(/^\D*([\d,\u202f\u00a0]+)/.exec((await progress.textContent()) ?? '')?.[1]?.replace(/\D/g, '') ?? Number.NaN);
    // What the emulator received, give or take a second of sending (40 a second): never the counts
    // published 15 s ago.
    for (let look = 0; look < 4; look++) {
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      const listed = await sentInList();
      const received = emulator.sunshine.notifications().length - testSends;
      if (received >= recipients) break;
      expect(listed).toBeLessThanOrEqual(received);
      expect(received - listed).toBeLessThan(40);
    }
  });

  it('a cancel Zendesk keeps refusing says it failed and what the campaign still is, not that nobody sends it', { timeout: 120_000 }, async () => {
    const { t, frame, emulator, testSends } = await launchNewsletter();
    await expect.poll(() => emulator.sunshine.notifications().length - testSends, { timeout: 20_000 }).toBeGreaterThan(20);
    await frame.getByRole('button', { name: t('campaigns.page.pause') }).click();
    await frame.locator('[data-garden-id="tags.tag_view"]').filter({ hasText: t('campaigns.status.paused') }).waitFor();
    const page = await watchCampaignPage(harness(), t, 'Spring sale');

    // Every write of the campaign record is refused past the transport's retries: the cancel's runner cannot take it.
    emulator.faults.add({ match: { service: 'zendesk', method: 'PATCH', path: '/api/v2/custom_objects/herald_campaign/records/' }, fault: { kind: 'rateLimit', retryAfterSeconds: 1 }, times: 11 });
    await frame.getByRole('button', { name: t('campaigns.page.cancel') }).click();
    await harness().appFrame('nav_bar').getByRole('dialog', { name: t('campaigns.page.cancelTitle') }).getByRole('button', { name: t('campaigns.page.cancelConfirm') }).click();
    await frame.getByText(t('campaigns.page.cancelFailed', { status: t('campaigns.status.paused') })).waitFor({ timeout: 30_000 });

    await expect(frame.getByText(t('campaigns.page.startFailed')).count()).resolves.toBe(0);
    const states = await page.states();
    expect(states.every((state) => state.tag === t('campaigns.status.paused'))).toBe(true);
    expect(contradictions(t, states)).toEqual([]);
    // Still paused, it can be resumed or cancelled again.
    await frame.getByRole('button', { name: t('campaigns.page.resume') }).waitFor();
    await frame.getByRole('button', { name: t('campaigns.page.cancel') }).waitFor();
  });
});

describe('who may launch', () => {
  it('an agent without the send right prepares and saves a campaign, but cannot launch it, and is told why', { timeout: 120_000 }, async () => {
    const t = createTranslator('en');
    // An admin creates Herald's objects; then Samira, an agent, signs in (campaign_senders: admin).
    await setUpObjects(await openCampaigns(t), t);
    await harness().sandboxApi('PUT', '/session', { agentId: 2, locale: 'en' });
    const frame = await openCampaigns(t);
    const { emulator } = harness().sandbox;
    await prepareCampaign(frame, t, NEWSLETTER);
    // The test send to herself is part of preparing: it went out.
    expect(emulator.sunshine.notifications().map((notification) => notification.destinationId)).toEqual(['+33612345678']);

    const launchButton = frame.getByRole('button', { name: /^Send to .* recipients$/ });
    await expect(launchButton.isDisabled()).resolves.toBe(true);
    await frame.getByText(t('campaigns.wizard.confirm.noSendRight')).waitFor();
    await frame.getByRole('button', { name: t('campaigns.wizard.saveDraft') }).click();
    await frame.getByText(messagePattern(t, 'campaigns.wizard.saved', {}, ['at'])).waitFor();
    await frame.getByRole('button', { name: t('campaigns.wizard.close') }).click();

    const row = frame.getByRole('row').filter({ hasText: 'Spring sale' });
    await row.getByText(t('campaigns.status.draft'), { exact: true }).waitFor();
    await row.getByText('Samira Haddad').waitFor();
    // The draft reopens in the wizard, still not launchable by her.
    await row.getByRole('button', { name: 'Spring sale' }).click();
    await frame.getByRole('heading', { name: t('campaigns.wizard.titleDraft', { name: 'Spring sale' }) }).waitFor();
    expect(emulator.sunshine.notifications()).toHaveLength(1);
  });
});

describe('in French', () => {
  it('no placeholder takes the template’s example: Next waits for a choice, a suggestion is offered but not applied, and the example typed for everyone asks for a confirmation', { timeout: 120_000 }, async () => {
    await harness().sandboxApi('PUT', '/session', { locale: 'fr' });
    const t = createTranslator('fr');
    const frame = await openCampaigns(t);
    await setUpObjects(frame, t);
    await openPlaceholdersStep(frame, t, NEWSLETTER, 'Exemples');
    const first = t('mapping.slot.body', { position: 1, sample: 'Clarice' });
    const second = t('mapping.slot.body', { position: 2, sample: '20%' });
    const next = frame.getByRole('button', { name: t('campaigns.wizard.next') });
    const preview = frame.getByRole('region', { name: t('templates.preview.title') }).or(frame.locator(`section[aria-label="${t('templates.preview.title')}"]`));

    // Nothing chosen: no value, the preview says so instead of greeting "Clarice", and Next waits.
    await expect(frame.getByLabel(t('mapping.source', { slot: first })).inputValue()).resolves.toBe('');
    await preview.getByText(t('mapping.previewUnset', { slot: t('mapping.slotName.body', { position: 1 }) }), { exact: false }).first().waitFor();
    await expect(preview.textContent()).resolves.not.toContain('Clarice');
    await expect(next.isDisabled()).resolves.toBe(true);

    // "Bonjour {{1}}": the first name is suggested, and only a click applies it.
    const suggestion = frame.getByRole('button', { name: t('mapping.useSuggestionFor', { source: t('mapping.field.first_name'), slot: first }) });
    await suggestion.click();
    await expect(frame.getByLabel(t('mapping.source', { slot: first })).inputValue()).resolves.toBe('user:first_name');
    await preview.getByText(t('mapping.previewField', { field: t('mapping.field.first_name') }), { exact: false }).first().waitFor();
    // The example as the fallback asks for a confirmation too; a fallback for anyone does not.
    await frame.getByLabel(t('mapping.fallback', { slot: first })).fill('Clarice');
    await frame.getByText(t('mappingProblem.fallback-is-sample', { value: 'Clarice' })).waitFor();
    await frame.getByLabel(t('mapping.fallback', { slot: first })).fill('client');
    await frame.getByText(t('mappingProblem.fallback-is-sample', { value: 'Clarice' })).waitFor({ state: 'detached' });

    // The example typed as the text for everyone: a warning, and Next only once it is confirmed.
    await frame.getByLabel(t('mapping.source', { slot: second })).selectOption({ label: t('mapping.static') });
    await frame.getByLabel(t('mapping.value', { slot: second })).fill('20%');
    await frame.getByText(t('mappingProblem.static-is-sample', { value: '20%' })).waitFor();
    await expect(next.isDisabled()).resolves.toBe(true);
    await frame.getByText(t('mapping.confirmSample', { value: '20%' })).click();
    await expect(next.isDisabled()).resolves.toBe(false);
    // Another text is another decision: no confirmation is needed, none is kept.
    await frame.getByLabel(t('mapping.value', { slot: second })).fill('-20 %');
    await frame.getByText(t('mapping.confirmSample', { value: '-20 %' })).waitFor({ state: 'detached' });
    await expect(next.isDisabled()).resolves.toBe(false);
    await frame.getByRole('button', { name: t('campaigns.wizard.close') }).click();
  });

  it('the whole wizard, from the template to a completed campaign', { timeout: 120_000 }, async () => {
    await harness().sandboxApi('PUT', '/session', { locale: 'fr' });
    // The file's own rate (150 a second): the French run need not be stretched.
    const { t, frame, testSends, recipients } = await launchNewsletter(createTranslator('fr'), undefined);
    await frame.getByText(t('campaigns.status.completed'), { exact: true }).waitFor({ timeout: 60_000 });
    await frame.getByText(t('campaigns.progress.summary', { done: new Intl.NumberFormat('fr').format(recipients), total: new Intl.NumberFormat('fr').format(recipients), percent: 100 })).waitFor();
    const byPhone = receivedByPhone(testSends);
    expect([...byPhone.values()].every((times) => times === 1)).toBe(true);
    const rows = await downloadResults(frame, t);
    expect(rows).toHaveLength(recipients);
    expect(rows.filter((row) => row.outcome === t('campaigns.state.sent'))).toHaveLength(byPhone.size);
  });
});

describe('near the account’s rate limit', () => {
  it('a launch whose campaign write Zendesk refuses once with 429 (Retry-After: 1) sends, with no error shown and one campaign', { timeout: 120_000 }, async () => {
    const t = createTranslator('en');
    const frame = await openCampaigns(t);
    const { emulator } = harness().sandbox;
    await setUpObjects(frame, t);
    await prepareCampaign(frame, t, NEWSLETTER);
    const campaigns = () => emulator.zendesk.customObjects.records('herald_campaign').length;
    const before = campaigns();
    // The launch's first write of the campaign record: its creation (an upsert by external id).
    emulator.faults.add({ match: { service: 'zendesk', method: 'PATCH', path: '/api/v2/custom_objects/herald_campaign/records' }, fault: { kind: 'rateLimit', retryAfterSeconds: 1 }, times: 1 });
    await launch(frame, t);
    await frame.getByText(t('campaigns.page.sendingHere')).waitFor();
    expect(emulator.faults.list()).toEqual([]);
    await expect(frame.getByText(t('campaigns.wizard.confirm.launchFailed')).count()).resolves.toBe(0);
    expect(campaigns()).toBe(before + 1);
  });
});
