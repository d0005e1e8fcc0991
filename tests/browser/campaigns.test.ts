import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../emulator/index';
import { createTranslator, type Translate } from '../../src/ui/i18n/messages';
import { BUILT_APP_DIR } from './support/builtApp';
import { sandboxBrowserPerFile } from './support/sandboxBrowser';

/**
 * A marketer's campaign end to end in the sandbox, on the real build: the wizard from the template
 * to the launch, the live page, the results as CSV against what the emulator received.
 */

// 2,000 users in the account; a fast rate so that a campaign takes seconds, not minutes.
const harness = sandboxBrowserPerFile({ distDir: BUILT_APP_DIR, emulator: createEmulator({ zendesk: { endUsers: 2000 } }), settings: { send_rate: 150 } });

const number = (text: string | null) => Number((text ?? '').replace(/[^\d]/g, ''));

/** The Campaigns tab of the nav bar app (the other sections stay mounted beside it). */
async function openCampaigns(t: Translate): Promise<Locator> {
  await harness().open('#/apps/herald');
  return harness().appFrame('nav_bar').getByRole('tabpanel', { name: t('shell.section.campaigns') });
}

/** A first campaign in a fresh account: Herald's custom objects are created from the Campaigns page. */
async function setUpObjects(frame: Locator, t: Translate): Promise<void> {
  await frame.getByText(t('campaigns.setup.title')).waitFor();
  await frame.getByRole('button', { name: t('templates.setup.run') }).click();
  await frame.getByText(t('campaigns.setup.title')).waitFor({ state: 'detached' });
}

/** Goes through the wizard up to the confirmation, in the language of `t`. */
async function prepareCampaign(frame: Locator, t: Translate): Promise<void> {
  await frame.getByRole('button', { name: t('campaigns.new') }).click();
  await frame.getByLabel(t('campaigns.wizard.name')).fill('Spring sale');
  await frame.getByRole('radio', { name: /^spring_sale · / }).check({ force: true });
  await frame.getByRole('button', { name: t('campaigns.wizard.next') }).click();
  await frame.getByRole('radio', { name: /^Herald France · / }).check({ force: true });
  await frame.getByRole('button', { name: t('campaigns.wizard.next') }).click();

  await frame.getByLabel(t('audiences.queryLabel')).fill('role:end-user');
  await frame.getByRole('button', { name: t('audiences.count') }).click();
  await frame.getByText(/2[,  ]?0\d\d/).first().waitFor();
  await frame.getByRole('button', { name: t('campaigns.wizard.next') }).click();

  const first = t('mapping.slot.body', { position: 1, sample: 'Clarice' });
  const second = t('mapping.slot.body', { position: 2, sample: '20%' });
  await frame.getByLabel(t('mapping.source', { slot: first })).selectOption({ label: t('mapping.field.first_name') });
  await frame.getByLabel(t('mapping.fallback', { slot: first })).fill('cliente, client');
  await frame.getByLabel(t('mapping.value', { slot: second })).fill('-20 %');
  await frame.getByRole('button', { name: t('campaigns.wizard.next') }).click();

  await frame.getByRole('button', { name: t('plan.build') }).click();
  await frame.getByRole('table', { name: t('plan.exclusions') }).waitFor({ timeout: 30_000 });
  await frame.getByRole('button', { name: t('campaigns.wizard.next') }).click();

  await frame.getByLabel(t('campaigns.wizard.test.phone')).fill('+33 6 12 34 56 78');
  await frame.getByRole('button', { name: t('campaigns.wizard.test.send') }).click();
  await frame.getByText(t('campaigns.wizard.test.sent', { phone: '+33612345678' })).waitFor();
  await frame.getByRole('button', { name: t('campaigns.wizard.next') }).click();
}

/** On the confirmation step: types the count when asked, and launches. Resolves with the count. */
async function launch(frame: Locator, t: Translate): Promise<number> {
  const launchButton = frame.getByRole('button', { name: /^(Send to|Envoyer à) .* (recipients|destinataires)$/ });
  const recipients = number(await launchButton.textContent());
  const typed = frame.getByLabel(t('campaigns.wizard.confirm.typeCount', { count: recipients }));
  if ((await typed.count()) > 0) await typed.fill(String(recipients));
  await launchButton.click();
  return recipients;
}

describe('campaigns', () => {
  it('a marketer sends a WhatsApp campaign to 2,000 users end to end, and the CSV report matches what the emulator received', { timeout: 180_000 }, async () => {
    const t = createTranslator('en');
    const frame = await openCampaigns(t);
    const { emulator } = harness().sandbox;
    await expect(frame.getByRole('button', { name: t('campaigns.new') }).isDisabled()).resolves.toBe(true);
    await setUpObjects(frame, t);
    await prepareCampaign(frame, t);
    const testSends = emulator.sunshine.notifications().length;
    expect(testSends).toBe(1);
    const recipients = await launch(frame, t);
    expect(recipients).toBeGreaterThan(500);

    await frame.getByText(t('campaigns.status.completed'), { exact: true }).waitFor({ timeout: 60_000 });
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
  });
});
