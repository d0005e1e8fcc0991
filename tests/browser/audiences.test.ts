import { readFile } from 'node:fs/promises';
import type { FrameLocator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SESSION_HEADER } from '../../emulator/config';
import { assessContact } from '../../src/core/contact/assessContact';
import { EXCLUSION_REASONS } from '../../src/core/campaign/eligibility';
import { createTranslator } from '../../src/ui/i18n/messages';
import { BUILT_APP_DIR } from './support/builtApp';
import { sandboxBrowserPerFile } from './support/sandboxBrowser';

/** The audience tools of the real build in the sandbox: search, lists with CSV, mapping, the send plan. */

const harness = sandboxBrowserPerFile({ distDir: BUILT_APP_DIR });
const t = createTranslator('en');
const RULES = { phoneField: 'phone', defaultCountry: 'FR', optInRule: { kind: 'tag', tag: 'whatsapp_opt_in' }, optOutTag: 'whatsapp_opt_out' } as const;

async function openAudiences(): Promise<FrameLocator> {
  await harness().open('#/apps/herald');
  const frame = harness().appFrame('nav_bar');
  await frame.getByRole('tab', { name: 'Audiences' }).click();
  return frame;
}

async function searchCount(query: string): Promise<number> {
  const { emulator } = harness().sandbox;
  const response = await emulator.handle(
    new Request(`${emulator.config.zendeskOrigin}/api/v2/search/count?query=${encodeURIComponent(`type:user ${query}`)}`, { headers: { [SESSION_HEADER]: '1' } }),
  );
  return ((await response.json()) as { count: number }).count;
}

const number = (text: string | null) => Number((text ?? '').replace(/[^\d]/g, ''));

describe('audiences', () => {
  it('checks a query, imports a block list with a bad row reported, maps two placeholders and reads the plan', async () => {
    const frame = await openAudiences();
    const { emulator } = harness().sandbox;

    // 1. The query: count and a sample with numbers and consent.
    await frame.getByLabel('Search query').fill('tags:vip');
    await frame.getByRole('button', { name: 'Count users' }).click();
    const expected = await searchCount('tags:vip');
    await frame.getByRole('status').filter({ hasText: `${expected.toLocaleString('en')} users match this search.` }).waitFor();
    const sample = frame.getByRole('table', { name: 'A sample of matching users' });
    await expect(sample.getByRole('row').count()).resolves.toBe(Math.min(10, expected) + 1);
    await expect(sample.getByText(/Number OK|Number repaired|Invalid number|No number/).count()).resolves.toBeGreaterThan(0);

    // 2. The lists need Herald's custom objects, then a CSV import with rejected rows.
    await frame.getByRole('tab', { name: 'Block and allow lists' }).click();
    await frame.getByRole('button', { name: "Create Herald's custom objects" }).click();
    const vip = [...emulator.zendesk.users.all()].find(
      (user) => user.role === 'end-user' && user.tags.includes('vip') && assessContact({ phone: user.phone, tags: user.tags, suspended: user.suspended }, RULES).reachable,
    )!;
    const csv = ['user_id,phone,note', `${vip.id},,VIP who asked for no campaigns`, ',06 12 34 56 78,complained', ',12345,typo', ',,no identifier'].join('\n');
    // The file picker is a button in Garden's style: Enter opens the browser's file chooser.
    const [chooser] = await Promise.all([
      harness().page.waitForEvent('filechooser'),
      frame.getByRole('button', { name: 'Choose a CSV file for the Block list, or drop it here' }).press('Enter'),
    ]);
    await chooser.setFiles({ name: 'block.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    const report = frame.getByRole('status').filter({ hasText: 'Import finished' });
    await report.getByText('2 added, 0 already listed, 2 rejected.').waitFor();
    const rejected = report.getByRole('table', { name: 'Rejected rows' });
    await rejected.getByRole('row').filter({ hasText: 'Not a valid phone number' }).getByText('4', { exact: true }).waitFor();
    await rejected.getByRole('row').filter({ hasText: 'Neither a user ID nor a phone number' }).getByText('5', { exact: true }).waitFor();
    await frame.getByRole('table', { name: 'Block list' }).getByRole('cell', { name: String(vip.id), exact: true }).waitFor();

    // 3. The plan: a template with two placeholders, one static, one user field with a fallback.
    await frame.getByRole('tab', { name: 'Send plan' }).click();
    await frame.getByText('Audience: tags:vip').waitFor();
    await frame.getByLabel('Send through', { exact: true }).selectOption({ label: 'Herald France · WhatsApp' });
    await frame.getByLabel('Template', { exact: true }).selectOption({ label: 'spring_sale · French' });
    const first = 'Placeholder 1 of the message (sample “Clarice”)';
    const second = 'Placeholder 2 of the message (sample “20%”)';
    await frame.getByLabel(`Value of: ${first}`).selectOption({ label: 'First name' });
    await frame.getByLabel(`Fallback when empty: ${first}`).fill('chère cliente, cher client');
    await frame.getByLabel(`Value of: ${second}`).selectOption({ label: 'The same text for everyone' });
    await frame.getByLabel(`Text for everyone: ${second}`).fill('-20 %');
    await frame.getByRole('button', { name: 'Build the send plan' }).click();

    const plan = frame.getByRole('region', { name: 'Send plan' }).or(frame.locator('section[aria-label="Send plan"]'));
    await plan.getByRole('table', { name: 'Left out, and why' }).waitFor();
    const audience = number(await plan.locator('dt', { hasText: 'Users found' }).locator('xpath=following-sibling::dd').textContent());
    const recipients = number(await plan.locator('dt', { hasText: /^Recipients$/ }).locator('xpath=following-sibling::dd').textContent());
    expect(audience).toBe(expected);
    let excluded = 0;
    for (const reason of EXCLUSION_REASONS) {
      const row = plan.getByRole('table', { name: 'Left out, and why' }).getByRole('row').filter({ hasText: t(`exclusion.${reason}`) });
      excluded += number(await row.getByRole('cell').nth(1).textContent());
    }
    expect(recipients + excluded).toBe(audience);
    // The sending time is a minimum: rate limits, retries and quiet hours only lengthen it.
    expect(await plan.locator('dt', { hasText: /^Sending time at \d+\/s$/ }).locator('xpath=following-sibling::dd').textContent()).toMatch(/^at least \d/);
    const blocked = plan.getByRole('table', { name: 'Left out, and why' }).getByRole('row').filter({ hasText: t('exclusion.blocked') });
    expect(number(await blocked.getByRole('cell').nth(1).textContent())).toBeGreaterThanOrEqual(1);
    const cost = plan.getByRole('table', { name: 'Cost by destination country' });
    await cost.getByText('France').waitFor();
    // A marketing template: US numbers are left out, so they are never priced.
    await expect(cost.getByText('United States').count()).resolves.toBe(0);
    const shippedRatesDate = new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' }).format(Date.parse('2026-01-01T00:00:00Z'));
    await plan.getByText(t('plan.ratesAsOf', { date: shippedRatesDate })).waitFor();
    // Most recipients are in countries the shipped card does not price: the total says it is partial.
    await plan.getByText(/^At least .+ \(\d[\d,]* recipients? in (a country|countries) without a price\)$/).waitFor();

    // 4. The message as the first recipient reads it, with the static value and a first name or the fallback.
    const preview = plan.getByRole('figure', { name: 'WhatsApp preview' }).first();
    await preview.getByText(/^Bonjour .+ ! Nos soldes de printemps commencent aujourd'hui : -20 % sur tout jusqu'à dimanche\.$/).waitFor();
    // The template's header image lives on a CDN the offline sandbox does not reach: expected.
    expect(harness().consoleErrors.filter((error) => !error.includes('cdn.herald.example') && !error.includes('ERR_BLOCKED_BY_CLIENT'))).toEqual([]);
  });

  it('cancels a plan while the audience is being read', async () => {
    const frame = await openAudiences();
    const { emulator } = harness().sandbox;
    await frame.getByLabel('Search query').fill('role:end-user');
    await frame.getByRole('button', { name: 'Count users' }).click();
    await frame.getByText(/users match this search\./).waitFor();
    // Slow every export page down so that there is time to cancel.
    emulator.faults.add({ match: { service: 'zendesk', path: '/api/v2/search/export' }, fault: { kind: 'latency', ms: 400 } });
    await frame.getByRole('tab', { name: 'Send plan' }).click();
    await frame.getByLabel('Send through', { exact: true }).selectOption({ label: 'Herald France · WhatsApp' });
    await frame.getByLabel('Template', { exact: true }).selectOption({ label: 'invoice_available · French' });
    await frame.getByLabel('Value of: Placeholder 1 of the message (sample “INV-2026-0042”)').selectOption({ label: 'The same text for everyone' });
    await frame.getByLabel('Text for everyone: Placeholder 1 of the message (sample “INV-2026-0042”)').fill('votre facture');
    await frame.getByRole('button', { name: 'Build the send plan' }).click();
    await frame.getByRole('button', { name: 'Cancel' }).click();
    await frame.getByText('Cancelled: nothing was planned.').waitFor();
    await expect(frame.getByRole('table', { name: 'Left out, and why' }).count()).resolves.toBe(0);
  });

  it('says in French what is wrong with a file it cannot read, then imports a Windows-1252 file and shows the first hundred rejected rows', async () => {
    const fr = createTranslator('fr');
    await harness().sandboxApi('PUT', '/session', { locale: 'fr' });
    await harness().open('#/apps/herald');
    const frame = harness().appFrame('nav_bar');
    await frame.getByRole('tab', { name: fr('shell.section.audiences') }).click();
    await frame.getByRole('tab', { name: fr('audiences.panel.lists') }).click();
    const setUp = frame.getByRole('button', { name: fr('templates.setup.run') });
    const input = frame.getByLabel(fr('lists.import.label', { list: fr('lists.block.title') }));
    await setUp.or(input).first().waitFor();
    if (await setUp.isVisible()) await setUp.click();

    // A tab-separated file whose first line names no identifier column: said with that line.
    await input.setInputFiles({ name: 'clients.csv', mimeType: 'text/csv', buffer: Buffer.from('nom\tcourriel\nAna\tana@example.com\n') });
    const problem = fr('errors.listFile.no-identifier-column', { line: 'nom courriel' });
    await frame.getByText(problem).waitFor();
    // A picture is not a list.
    await input.setInputFiles({ name: 'photo.csv', mimeType: 'text/csv', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3, 0]) });
    await frame.getByText(fr('errors.listFile.not-text')).waitFor();
    await expect(frame.getByText(problem).count()).resolves.toBe(0);

    // Excel's "CSV" on a French Windows: Windows-1252, semicolons; 150 bad numbers among good ones.
    const lines = ['telephone;note', '+33 6 12 34 56 78;Désinscrit par téléphone', ...Array.from({ length: 150 }, (_, index) => `${1000 + index};numéro erroné`)];
    const latin1 = Buffer.from(lines.join('\r\n'), 'latin1');
    await input.setInputFiles({ name: 'liste.csv', mimeType: 'text/csv', buffer: latin1 });
    const report = frame.getByRole('status').filter({ hasText: fr('lists.import.done') });
    await report.getByText(fr('lists.import.summary', { added: 1, already: 0, rejected: 150 })).waitFor();
    await expect(frame.getByText(fr('errors.listFile.not-text')).count()).resolves.toBe(0);
    await report.getByText(fr('lists.import.firstRejected', { shown: 100, count: 150 })).waitFor();
    await expect(report.getByRole('table', { name: fr('lists.import.rejectedCaption') }).getByRole('row').count()).resolves.toBe(101);
    await frame.getByRole('table', { name: fr('lists.block.title') }).getByText('Désinscrit par téléphone').waitFor();

    // All of them in the download, with the separator a French spreadsheet expects.
    const [download] = await Promise.all([
      harness().page.waitForEvent('download'),
      report.getByRole('button', { name: fr('lists.import.downloadRejected', { count: 150 }) }).click(),
    ]);
    const csv = (await readFile(await download.path(), 'utf8')).replace(/^\ufeff/, '');
    const rows = csv.trim().split('\r\n');
    expect(rows[0]).toBe('row;value;reason');
    expect(rows).toHaveLength(151);
    expect(rows[1]).toBe(`3;1000;${fr('lists.import.reasons.invalid-phone')}`);
  });
});
