import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../emulator/index';
import type { RecipientDelivery } from '../../src/core/delivery/deliveryState';
import { stateOf } from '../../src/core/sending/states';
import { decodeAudienceChunk } from '../../src/store/audienceCodec';
import { CAMPAIGN_CHUNK_OBJECT } from '../../src/store/heraldObjects';
import { decodeLedgerChunk } from '../../src/store/ledgerCodec';
import { laterFailureWords, shareWords } from '../../src/ui/campaigns/deliveryWords';
import { createTranslator } from '../../src/ui/i18n/messages';
import { BUILT_APP_DIR } from './support/builtApp';
import { launch, NEWSLETTER, openCampaigns, prepareCampaign, setUpObjects } from './support/campaignFlow';
import { campaignIdNamed, seedHeardBack } from './support/heardBack';
import { sandboxBrowserPerFile } from './support/sandboxBrowser';

/**
 * What people see of what the Herald service heard, on the real build: a campaign runs in the
 * sandbox; before anything is heard its page says Sunshine accepted the messages and what the
 * service adds; then delivery chunks and totals are written into the emulator's custom objects as
 * the service writes them, and the page's funnel, later failures, results CSV and the user sidebar
 * show them, in English and in French.
 */

const harness = sandboxBrowserPerFile({ distDir: BUILT_APP_DIR, emulator: createEmulator({ zendesk: { endUsers: 300 } }), settings: { send_rate: 100 } });

const AT = Date.UTC(2026, 10, 21, 9, 30, 0);

/** The campaign's recipients as frozen, and the indexes Sunshine accepted (the ledger's `sent`). */
function frozenCampaign(campaignId: string): { userIds: number[]; accepted: number[] } {
  const records = harness().sandbox.emulator.zendesk.customObjects.records(CAMPAIGN_CHUNK_OBJECT.key);
  const data = (kind: string) => String(records.find((record) => record.externalId === `${campaignId}:${kind}:0`)?.fields.data);
  const userIds = decodeAudienceChunk(data('audience')).recipients.map((recipient) => recipient.userId);
  const ledger = decodeLedgerChunk(data('ledger'));
  const accepted = [...ledger.states].flatMap((code, offset) => (stateOf(code) === 'sent' ? [ledger.first + offset] : []));
  return { userIds, accepted };
}

async function downloadResults(frame: Locator): Promise<Array<Record<string, string>>> {
  const [download] = await Promise.all([harness().page.waitForEvent('download'), frame.getByRole('button', { name: /^(Download|Télécharger) .* \(CSV\)$/ }).click()]);
  const csv = await readFile(await download.path(), 'utf8');
  return Papa.parse<Record<string, string>>(csv.replace(/^\ufeff/, ''), { header: true, skipEmptyLines: true }).data;
}

describe('what the Herald service heard, as people see it', () => {
  it('a campaign page shows the funnel, later failures by code with their meaning, opt-outs and the results with delivery columns; the user sidebar shows read', { timeout: 180_000 }, async () => {
    const t = createTranslator('en');
    const { emulator } = harness().sandbox;
    const frame = await openCampaigns(harness(), t);
    await setUpObjects(frame, t);
    await prepareCampaign(frame, t, NEWSLETTER);
    await launch(frame, t);
    await frame.getByText(t('campaigns.status.completed'), { exact: true }).waitFor({ timeout: 60_000 });
    // What follows is this file's alone (the wizard's preview asks for the template's header image, outside the sandbox).
    harness().consoleErrors.length = 0;

    // Nothing heard: accepted by Sunshine, and what the service would add; no "delivered" claim.
    const funnel = frame.getByRole('region', { name: t('delivery.funnel.title') });
    await funnel.getByText(t('delivery.noService.title')).waitFor();
    await funnel.getByText(t('delivery.noService.settings')).waitFor();
    await expect(funnel.getByText(t('delivery.funnel.step.delivered'), { exact: true }).count()).resolves.toBe(0);
    await frame.getByText(t('campaigns.state.sent'), { exact: true }).first().waitFor();

    const campaignId = campaignIdNamed(emulator, 'Spring sale');
    const { userIds, accepted } = frozenCampaign(campaignId);
    expect(accepted.length).toBeGreaterThan(5);
    const [read, delivered, notOnWhatsApp, capped, stopped] = accepted as [number, number, number, number, number];
    const heard = new Map<number, RecipientDelivery>([
      [read, { deliveredAt: AT + 1_000, readAt: AT + 60_000, repliedAt: AT + 120_000 }],
      [delivered, { deliveredAt: AT + 2_000 }],
      [notOnWhatsApp, { failedAt: AT + 3_000, code: '131026' }],
      [capped, { failedAt: AT + 4_000, code: '131049' }],
      [stopped, { deliveredAt: AT + 5_000, repliedAt: AT + 6_000, optedOutAt: AT + 6_000 }],
    ]);
    seedHeardBack(emulator, campaignId, heard);

    // The page reads what was heard again within seconds (the campaign ended less than a day ago).
    await funnel.getByText(t('delivery.funnel.step.delivered'), { exact: true }).waitFor({ timeout: 15_000 });
    const figures = funnel.getByRole('definition');
    await expect(figures.nth(0).textContent()).resolves.toBe(String(accepted.length));
    await expect(figures.nth(1).textContent()).resolves.toBe(`3${t('delivery.funnel.rate', { rate: shareWords('en', 3 / accepted.length) })}`);
    await expect(figures.nth(2).textContent()).resolves.toBe(`1${t('delivery.funnel.rate', { rate: shareWords('en', 1 / accepted.length) })}`);
    const failures = funnel.getByRole('table', { name: t('delivery.funnel.failedCaption') });
    await failures.getByRole('row').filter({ hasText: '131026' }).getByText(t('delivery.failure.not-on-whatsapp')).waitFor();
    await failures.getByRole('row').filter({ hasText: '131049' }).getByText(t('delivery.failure.marketing-cap')).waitFor();
    await funnel.getByText(t('delivery.funnel.optedOut', { count: 1 })).waitFor();
    await expect(funnel.getByText(t('delivery.noService.title')).count()).resolves.toBe(0);

    // The results: a delivery filter, and the CSV's delivery, read and reply columns.
    await frame.getByRole('button', { name: t('campaigns.results.show') }).click();
    await frame.getByRole('combobox', { name: t('delivery.results.filter') }).selectOption({ label: t('delivery.state.failed') });
    await frame.getByText(t('campaigns.results.count', { shown: '2', count: userIds.length })).waitFor();
    const table = frame.getByRole('table', { name: t('campaigns.results.caption') });
    await table.getByText(t('delivery.results.withMeaning', { state: t('delivery.state.failed'), meaning: laterFailureWords(t, '131026') })).waitFor();
    await frame.getByRole('combobox', { name: t('delivery.results.filter') }).selectOption({ label: t('delivery.results.all') });
    const rows = await downloadResults(frame);
    expect(rows).toHaveLength(userIds.length);
    expect(rows[read]).toMatchObject({ outcome: t('campaigns.state.sent'), delivery: t('delivery.state.read'), read_at: '2026-11-21T09:31:00.000Z', replied_at: '2026-11-21T09:32:00.000Z' });
    expect(rows[read]?.read_at_local).not.toBe('');
    expect(rows[notOnWhatsApp]).toMatchObject({ delivery: t('delivery.state.failed'), delivery_code: '131026', delivery_meaning: laterFailureWords(t, '131026'), read_at: '' });
    expect(rows[delivered]).toMatchObject({ delivery: t('delivery.state.delivered'), delivery_code: '' });
    const unheard = accepted.find((index) => !heard.has(index))!;
    expect(rows[unheard]).toMatchObject({ delivery: t('delivery.state.accepted'), read_at: '' });

    // The user sidebar: the campaign this customer read.
    await harness().open(`#/users/${userIds[read]}`);
    const entry = harness().appFrame('user_sidebar').getByRole('list', { name: t('user.history.title') }).getByRole('listitem').filter({ hasText: 'Spring sale' });
    await entry.getByText(t('delivery.state.read'), { exact: true }).waitFor();
    await entry.getByText(t('campaigns.state.sent'), { exact: true }).waitFor();
    await harness().open(`#/users/${userIds[notOnWhatsApp]}`);
    const failedEntry = harness().appFrame('user_sidebar').getByRole('list', { name: t('user.history.title') }).getByRole('listitem').filter({ hasText: 'Spring sale' });
    await failedEntry.getByText(laterFailureWords(t, '131026')).waitFor();

    // In French: the same page, the failure in French with its code.
    await harness().sandboxApi('PUT', '/session', { locale: 'fr' });
    const fr = createTranslator('fr');
    const frFrame = await openCampaigns(harness(), fr);
    await frFrame.getByRole('table', { name: fr('campaigns.list.caption') }).getByRole('button', { name: 'Spring sale' }).click();
    const frFunnel = frFrame.getByRole('region', { name: fr('delivery.funnel.title') });
    await frFunnel.getByRole('table', { name: fr('delivery.funnel.failedCaption') }).getByText(fr('delivery.failure.not-on-whatsapp')).waitFor();
    await frFunnel.getByText(fr('delivery.funnel.step.read'), { exact: true }).waitFor();
    await frFrame.getByText(fr('campaigns.state.sent'), { exact: true }).first().waitFor();
    expect(harness().consoleErrors).toEqual([]);
  });
});
