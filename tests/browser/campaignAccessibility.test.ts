import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../emulator/index';
import { createTranslator } from '../../src/ui/i18n/messages';
import { accessibilityProblems, appFrameOf, type FocusState } from './support/accessibility';
import { BUILT_APP_DIR } from './support/builtApp';
import { keyboard, type Keyboard } from './support/keyboard';
import { sandboxBrowserPerFile } from './support/sandboxBrowser';

/**
 * Accessibility of the campaign pages on the real build in the sandbox: axe-core on the Campaigns
 * list, on each step of the wizard filled in, on a campaign's live page while it sends and once
 * it is done, and on its per-recipient results; then the whole wizard with the keyboard alone,
 * from "New campaign" to a completed campaign, with the focus always visible and inside the app.
 */

// A small account (26 recipients for `role:end-user`), a rate slow enough to see a campaign sending for
// a dozen seconds, and the typed-count confirmation asked above 5 recipients.
const harness = sandboxBrowserPerFile({
  distDir: BUILT_APP_DIR,
  emulator: createEmulator({ zendesk: { endUsers: 40 } }),
  settings: { send_rate: 2, confirm_threshold: 5 },
});

const t = createTranslator('en');
const number = (text: string | null) => Number((text ?? '').replace(/[^\d]/g, ''));

/** What axe finds in the nav bar app, as lines that say what to fix: none expected. */
async function expectAccessible(where: string) {
  const problems = await accessibilityProblems(await appFrameOf(harness().page, 'nav_bar'));
  expect(problems, where).toEqual([]);
}

/** The Campaigns tab of the nav bar app. */
async function openCampaigns(): Promise<Locator> {
  await harness().open('#/apps/herald');
  return harness().appFrame('nav_bar').getByRole('tabpanel', { name: t('shell.section.campaigns') });
}

const FIRST_SLOT = t('mapping.slot.body', { position: 1, sample: 'Clarice' });
const SECOND_SLOT = t('mapping.slot.body', { position: 2, sample: '20%' });

describe('axe finds nothing to fix in the campaign pages', () => {
  it('the list with the setup notice, every step of the wizard filled in, the live page sending and done, the results filtered', { timeout: 180_000 }, async () => {
    const frame = await openCampaigns();
    const next = frame.getByRole('button', { name: t('campaigns.wizard.next') });
    const stepHeading = (number: number, step: string) => frame.getByRole('heading', { level: 3, name: `Step ${number} of 7: ${step}` });

    await frame.getByText(t('campaigns.setup.title')).waitFor();
    await frame.getByRole('button', { name: t('templates.setup.run') }).waitFor();
    await expectAccessible('the Campaigns list with the setup notice');
    await frame.getByRole('button', { name: t('templates.setup.run') }).click();
    await frame.getByText(t('campaigns.empty')).waitFor();

    await frame.getByRole('button', { name: t('campaigns.new') }).click();
    await frame.getByLabel(t('campaigns.wizard.name')).fill('Spring sale');
    await frame.getByRole('radio', { name: /^spring_sale · / }).check({ force: true });
    await frame.getByRole('figure', { name: 'WhatsApp preview' }).waitFor();
    await expectAccessible('step 1, a template chosen, its preview');

    await next.click();
    await stepHeading(2, 'Channel').waitFor();
    await frame.getByRole('radio', { name: /^Herald France · / }).check({ force: true });
    await expectAccessible('step 2, a channel chosen');

    await next.click();
    await stepHeading(3, 'Audience').waitFor();
    await frame.getByLabel(t('audiences.queryLabel')).fill('role:end-user');
    await frame.getByRole('button', { name: t('audiences.count') }).click();
    await frame.getByRole('table', { name: t('audiences.sample.caption') }).waitFor();
    await frame.getByText(/^Audience: role:end-user \(\d+ users\)$/).waitFor();
    await frame.getByRole('button', { name: t('campaigns.wizard.audience.showLists') }).click();
    await frame.getByRole('heading', { name: t('lists.block.title') }).waitFor();
    await expectAccessible('step 3, the audience counted with its sample and the lists');

    await next.click();
    await stepHeading(4, 'Placeholders').waitFor();
    await frame.getByLabel(t('mapping.source', { slot: FIRST_SLOT })).selectOption({ label: t('mapping.field.first_name') });
    await frame.getByLabel(t('mapping.fallback', { slot: FIRST_SLOT })).fill('cliente, client');
    await frame.getByLabel(t('mapping.source', { slot: SECOND_SLOT })).selectOption({ label: t('mapping.static') });
    await frame.getByLabel(t('mapping.value', { slot: SECOND_SLOT })).fill('-20 %');
    await expectAccessible('step 4, the placeholders mapped');

    await next.click();
    await stepHeading(5, 'Send plan').waitFor();
    const quietHours = frame.getByRole('checkbox', { name: t('campaigns.wizard.plan.quietToggle') });
    await quietHours.check({ force: true });
    await frame.getByLabel(t('campaigns.wizard.plan.quietStart')).waitFor();
    await expectAccessible('step 5, quiet hours on');
    // Off again: recipients in their night would wait until morning, and the campaign would not end here.
    await quietHours.uncheck({ force: true });
    await frame.getByRole('button', { name: t('plan.build') }).click();
    await frame.getByRole('table', { name: t('plan.exclusions') }).waitFor({ timeout: 30_000 });
    await expectAccessible('step 5, the plan built');

    await next.click();
    await stepHeading(6, 'Test send').waitFor();
    await frame.getByLabel(t('campaigns.wizard.test.phone')).fill('+33 6 12 34 56 78');
    await frame.getByRole('button', { name: t('campaigns.wizard.test.send') }).click();
    await frame.getByText(t('campaigns.wizard.test.sent', { phone: '+33612345678' })).waitFor();
    await expectAccessible('step 6, the test sent');

    await next.click();
    await stepHeading(7, 'Confirm').waitFor();
    const launch = frame.getByRole('button', { name: /^Send to \d+ recipients$/ });
    const recipients = number(await launch.textContent());
    expect(recipients).toBeGreaterThan(5);
    await frame.getByLabel(t('campaigns.wizard.confirm.typeCount', { count: recipients })).fill('12');
    await frame.getByText(t('campaigns.wizard.confirm.countMismatch')).waitFor();
    await expectAccessible('step 7, a wrong count typed');
    await frame.getByLabel(t('campaigns.wizard.confirm.typeCount', { count: recipients })).fill(String(recipients));
    await expectAccessible('step 7, the count typed');

    await launch.click();
    await frame.getByText(t('campaigns.page.sendingHere')).waitFor();
    await frame.getByRole('button', { name: t('campaigns.page.pause') }).waitFor();
    await expectAccessible('the live page, sending');
    await frame.getByRole('button', { name: t('campaigns.page.cancel') }).click();
    await harness().appFrame('nav_bar').getByRole('dialog', { name: t('campaigns.page.cancelTitle') }).waitFor();
    await expectAccessible('the cancel dialog');
    await harness().appFrame('nav_bar').getByRole('button', { name: t('campaigns.page.keep') }).click();
    // Both were checked while the campaign was sending.
    await expect(frame.getByText(t('campaigns.page.sendingHere')).isVisible()).resolves.toBe(true);

    await frame.getByText(t('campaigns.status.completed'), { exact: true }).waitFor({ timeout: 60_000 });
    await expectAccessible('the live page, done');

    await frame.getByRole('button', { name: t('campaigns.results.show') }).click();
    await frame.getByRole('table', { name: t('campaigns.results.caption') }).waitFor();
    await frame.getByLabel(t('campaigns.results.filterState')).selectOption({ label: t('campaigns.state.skipped') });
    await frame.getByText(`0 of ${recipients} recipients`).waitFor();
    await expectAccessible('the results, filtered to nothing');
    await frame.getByLabel(t('campaigns.results.filterState')).selectOption({ label: t('campaigns.state.sent') });
    await frame.getByText(`${recipients} of ${recipients} recipients`).waitFor();
    await expectAccessible('the results, filtered');

    await frame.getByRole('button', { name: t('campaigns.page.back') }).click();
    await frame.getByRole('table', { name: t('campaigns.list.caption') }).getByRole('button', { name: 'Spring sale' }).waitFor();
    await expectAccessible('the list with the campaign');
  });
});

/**
 * In a radio group the focus is on: moves to the option named `name` with the arrows (which check
 * the options they reach), and checks it with Space when the group's first option was the one.
 */
async function choose(keys: Keyboard, at: FocusState, name: RegExp): Promise<void> {
  if (!name.test(at.name)) await keys.until('ArrowDown', name, 10);
  await keys.press('Space');
}

describe('the keyboard alone', () => {
  it('runs the wizard from "New campaign" to a completed campaign, with the focus always visible and in the app', { timeout: 180_000 }, async () => {
    const frame = await openCampaigns();
    await frame.getByText(t('campaigns.setup.title')).waitFor();
    // As if the agent had tabbed into the app through Zendesk's page: no mouse from here on.
    await harness().page.locator('iframe[data-zaf-location="nav_bar"]').focus();
    const keys = await keyboard(harness().page);
    await keys.until('Tab', t('shell.section.campaigns'), 3);

    // The custom objects created: the setup notice goes, the list's title has the focus.
    await keys.until('Tab', t('templates.setup.run'), 5);
    await keys.start('Enter');
    await frame.getByText(t('campaigns.empty')).waitFor();
    await expect(keys.current()).resolves.toMatchObject({ element: 'h2 "Campaigns"' });

    // Step 1: the name, then a template chosen with the arrows of its radio group.
    await keys.until('Tab', t('campaigns.new'), 3);
    await keys.press('Enter');
    await expect(keys.current()).resolves.toMatchObject({ element: 'h2 "New campaign"' });
    await keys.until('Tab', t('campaigns.wizard.name'), 1);
    await keys.press('Control+A');
    await keys.type('Spring sale');
    await choose(keys, await keys.until('Tab', / — /, 5), /^spring_sale · /);
    await frame.getByRole('figure', { name: 'WhatsApp preview' }).waitFor();
    await expect(frame.getByRole('radio', { name: /^spring_sale · / }).isChecked()).resolves.toBe(true);
    await keys.until('Tab', t('campaigns.wizard.next'), 20);
    await keys.press('Enter');

    // Step 2: the new step's title has the focus; the channel.
    await expect(keys.current()).resolves.toMatchObject({ element: 'h3 "Step 2 of 7: Channel"' });
    await choose(keys, await keys.until('Tab', / · (WhatsApp|SMS) · /, 3), /^Herald France · /);
    await expect(frame.getByRole('radio', { name: /^Herald France · / }).isChecked()).resolves.toBe(true);
    await keys.until('Tab', t('campaigns.wizard.next'), 5);
    await keys.press('Enter');

    // Step 3: the audience, counted with Enter in the query.
    await expect(keys.current()).resolves.toMatchObject({ element: 'h3 "Step 3 of 7: Audience"' });
    await keys.until('Tab', t('audiences.queryLabel'), 2);
    await keys.type('role:end-user');
    await keys.press('Enter');
    await frame.getByText(/^Audience: role:end-user \(\d+ users\)$/).waitFor();
    await keys.current();
    await keys.until('Tab', t('campaigns.wizard.next'), 40);
    await keys.press('Enter');

    // Step 4: the first placeholder from the user's first name, the second a text for everyone.
    await expect(keys.current()).resolves.toMatchObject({ element: 'h3 "Step 4 of 7: Placeholders"' });
    const source = frame.getByLabel(t('mapping.source', { slot: FIRST_SLOT }));
    await keys.until('Tab', t('mapping.source', { slot: FIRST_SLOT }), 2);
    for (let count = 0; count < 5 && (await source.inputValue()) !== 'user:first_name'; count++) await keys.press('ArrowDown');
    await expect(source.inputValue()).resolves.toBe('user:first_name');
    await keys.until('Tab', t('mapping.fallback', { slot: FIRST_SLOT }), 1);
    await keys.type('cliente, client');
    const secondSource = frame.getByLabel(t('mapping.source', { slot: SECOND_SLOT }));
    await keys.until('Tab', t('mapping.source', { slot: SECOND_SLOT }), 2);
    for (let count = 0; count < 3 && (await secondSource.inputValue()) !== 'static'; count++) await keys.press('ArrowDown');
    await expect(secondSource.inputValue()).resolves.toBe('static');
    await keys.until('Tab', t('mapping.value', { slot: SECOND_SLOT }), 2);
    await keys.press('Control+A');
    await keys.type('-20 %');
    await keys.until('Tab', t('campaigns.wizard.next'), 20);
    await keys.press('Enter');

    // Step 5: quiet hours on with Space, their times reached, off again (the campaign would wait for
    // the morning of recipients in their night); the plan built.
    await expect(keys.current()).resolves.toMatchObject({ element: 'h3 "Step 5 of 7: Send plan"' });
    const quietHours = frame.getByRole('checkbox', { name: t('campaigns.wizard.plan.quietToggle') });
    await keys.until('Tab', t('campaigns.wizard.plan.quietToggle'), 2);
    await keys.press('Space');
    await expect(quietHours.isChecked()).resolves.toBe(true);
    await keys.until('Tab', t('campaigns.wizard.plan.quietStart'), 1);
    // A time input has a Tab stop per field (hours, minutes, AM/PM) and its picker button.
    await keys.until('Tab', t('campaigns.wizard.plan.quietEnd'), 4);
    await keys.until('Shift+Tab', t('campaigns.wizard.plan.quietToggle'), 5);
    await keys.press('Space');
    await expect(quietHours.isChecked()).resolves.toBe(false);
    await keys.until('Tab', t('plan.build'), 1);
    await keys.start('Enter');
    await frame.getByRole('table', { name: t('plan.exclusions') }).waitFor({ timeout: 30_000 });
    // The button was disabled while the plan was built: it has the focus again.
    await expect(keys.current('Enter')).resolves.toMatchObject({ element: `button[button] "${t('campaigns.wizard.plan.rebuild')}"` });
    await keys.until('Tab', t('campaigns.wizard.next'), 40);
    await keys.press('Enter');

    // Step 6: the test sent with Enter in the phone field.
    await expect(keys.current()).resolves.toMatchObject({ element: 'h3 "Step 6 of 7: Test send"' });
    await keys.until('Tab', t('campaigns.wizard.test.phone'), 2);
    await keys.type('+33 6 12 34 56 78');
    await keys.start('Enter');
    await frame.getByText(t('campaigns.wizard.test.sent', { phone: '+33612345678' })).waitFor();
    await keys.current('Enter');
    await keys.until('Tab', t('campaigns.wizard.next'), 6);
    await keys.press('Enter');

    // Step 7: the count typed, the launch.
    await expect(keys.current()).resolves.toMatchObject({ element: 'h3 "Step 7 of 7: Confirm"' });
    const typed = await keys.until('Tab', /^Type the number of recipients \(\d+\) to confirm$/, 3);
    const recipients = number(typed.name);
    await keys.type(String(recipients));
    await keys.until('Tab', `Send to ${recipients} recipients`, 4);
    await keys.start('Enter');

    // The live page: its title has the focus; the cancel dialog opened and closed gives the focus back.
    await frame.getByText(t('campaigns.page.sendingHere')).waitFor();
    await expect(keys.current('Enter')).resolves.toMatchObject({ element: 'h2 "Spring sale"' });
    await keys.until('Tab', t('campaigns.page.cancel'), 4);
    await keys.press('Enter');
    await harness().appFrame('nav_bar').getByRole('dialog', { name: t('campaigns.page.cancelTitle') }).waitFor();
    // The safe choice has the focus; Tab stays in the dialog.
    await expect(keys.current('Enter')).resolves.toMatchObject({ element: `button[button] "${t('campaigns.page.keep')}"` });
    await keys.until('Tab', t('campaigns.page.cancelConfirm'), 1);
    await keys.until('Tab', t('common.close'), 1);
    await keys.until('Tab', t('campaigns.page.keep'), 1);
    await keys.press('Enter');
    await harness().appFrame('nav_bar').getByRole('dialog').waitFor({ state: 'detached' });
    await expect(keys.current('Enter')).resolves.toMatchObject({ element: 'button[button] "Cancel the campaign"' });

    // Done: the buttons that had the focus are gone, the title has it again.
    await frame.getByText(t('campaigns.status.completed'), { exact: true }).waitFor({ timeout: 60_000 });
    await expect(keys.current()).resolves.toMatchObject({ element: 'h2 "Spring sale"' });

    // The results, shown and filtered with the arrows of the select.
    await keys.until('Tab', t('campaigns.results.show'), 4);
    await keys.start('Enter');
    await frame.getByRole('table', { name: t('campaigns.results.caption') }).waitFor();
    await expect(keys.current('Enter')).resolves.toMatchObject({ element: 'h3 "Results"' });
    const outcome = frame.getByLabel(t('campaigns.results.filterState'));
    await keys.until('Tab', t('campaigns.results.filterState'), 1);
    for (let count = 0; count < 6 && (await outcome.inputValue()) !== 'sent'; count++) await keys.press('ArrowDown');
    await expect(outcome.inputValue()).resolves.toBe('sent');
    await frame.getByText(`${recipients} of ${recipients} recipients`).waitFor();

    // Back to the list, which shows the campaign completed.
    await keys.until('Shift+Tab', t('campaigns.page.back'), 10);
    await keys.press('Enter');
    const row = frame.getByRole('table', { name: t('campaigns.list.caption') }).getByRole('row', { name: /^Spring sale / });
    await row.getByText(t('campaigns.status.completed'), { exact: true }).waitFor();
    await expect(keys.current('Enter')).resolves.toMatchObject({ element: 'h2 "Campaigns"' });
  });
});
