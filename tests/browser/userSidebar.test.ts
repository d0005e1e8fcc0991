import type { FrameLocator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../emulator/index';
import { formatPhoneForDisplay } from '../../src/core/phone/formatPhone';
import { normalizePhone } from '../../src/core/phone/normalizePhone';
import { decodeAudienceChunk } from '../../src/store/audienceCodec';
import { CAMPAIGN_CHUNK_OBJECT, CONTACT_LIST_OBJECT } from '../../src/store/heraldObjects';
import { createTranslator, type Translate } from '../../src/ui/i18n/messages';
import { accessibilityProblems, appFrameOf, focusState, type AccessibilityException } from './support/accessibility';
import { BUILT_APP_DIR } from './support/builtApp';
import { launch, NEWSLETTER, openCampaigns, prepareCampaign, setUpObjects } from './support/campaignFlow';
import { sandboxBrowserPerFile } from './support/sandboxBrowser';

/**
 * The user sidebar on the real build in the sandbox: a customer's campaign history after a campaign
 * ran in the same session, the block and allow toggles for those who may prepare campaigns, the
 * state read-only for the others.
 */

// A small account and a fast rate: the campaign of the newsletter subscribers takes seconds.
const harness = sandboxBrowserPerFile({ distDir: BUILT_APP_DIR, emulator: createEmulator({ zendesk: { endUsers: 300 } }), settings: { send_rate: 100 } });

const SIDEBAR_EXCEPTIONS: readonly AccessibilityException[] = [
  { rule: 'page-has-heading-one', selector: 'html', reason: 'a sidebar iframe is a panel of Zendesk’s page, which has the level-one heading' },
];

const sidebar = (): FrameLocator => harness().appFrame('user_sidebar');

async function expectAccessible(): Promise<void> {
  const frame = await appFrameOf(harness().page, 'user_sidebar');
  expect(await accessibilityProblems(frame, { exceptions: SIDEBAR_EXCEPTIONS })).toEqual([]);
}

/** The sidebar iframe is as tall as its content, as the app asks Zendesk (useAutoResize). */
async function expectFitted(): Promise<void> {
  const frame = await appFrameOf(harness().page, 'user_sidebar');
  await expect
    .poll(async () => {
      const content = await frame.evaluate(() => Math.ceil(document.querySelector('main')!.getBoundingClientRect().height));
      const iframe = await harness().page.locator('iframe[data-zaf-location="user_sidebar"]').evaluate((element) => element.getBoundingClientRect().height);
      return Math.abs(iframe - content);
    })
    .toBeLessThanOrEqual(1);
}

/** An end user with a valid number, who is in no campaign. */
function someCustomer() {
  const user = [...harness().sandbox.emulator.zendesk.users.all()].find((candidate) => candidate.role === 'end-user' && normalizePhone(candidate.phone, 'FR').status === 'valid');
  if (!user) throw new Error('The emulator has no end user with a valid number');
  return user;
}

/** The contact list records the emulator holds, by external id. */
function contactListIds(): string[] {
  return harness()
    .sandbox.emulator.zendesk.customObjects.records(CONTACT_LIST_OBJECT.key)
    .map((record) => record.externalId ?? '');
}

/** Opens a user's page, with Herald's objects created from the sidebar's own setup notice. */
async function openWithObjects(userId: number, t: Translate): Promise<void> {
  await harness().open(`#/users/${userId}`);
  await sidebar().getByText(t('user.setup.title')).waitFor();
  await expectAccessible();
  await sidebar().getByRole('button', { name: t('templates.setup.run') }).click();
  await sidebar().getByRole('heading', { name: t('user.lists.title') }).waitFor();
}

describe('the user sidebar', () => {
  it("shows a user's campaign history after a campaign ran in the same sandbox session, in English and French", { timeout: 180_000 }, async () => {
    const t = createTranslator('en');
    const { emulator } = harness().sandbox;
    const frame = await openCampaigns(harness(), t);
    await setUpObjects(frame, t);
    await prepareCampaign(frame, t, NEWSLETTER);
    const testSends = emulator.sunshine.notifications().length;
    const recipients = await launch(frame, t);
    expect(recipients).toBeGreaterThan(5);
    await frame.getByText(t('campaigns.status.completed'), { exact: true }).waitFor({ timeout: 60_000 });

    // A recipient, as the campaign froze its audience; the emulator received their message.
    const chunk = emulator.zendesk.customObjects.records(CAMPAIGN_CHUNK_OBJECT.key).find((record) => record.externalId?.endsWith(':audience:0'));
    const recipient = decodeAudienceChunk(String(chunk?.fields.data)).recipients[0]!;
    expect(emulator.sunshine.notifications().slice(testSends).map((notification) => notification.destinationId)).toContain(recipient.phone);

    // What follows is the sidebar's alone (the wizard's preview asks for the template's header image, outside the sandbox).
    harness().consoleErrors.length = 0;
    await harness().open(`#/users/${recipient.userId}`);
    const history = sidebar().getByRole('list', { name: t('user.history.title') });
    const entry = history.getByRole('listitem').filter({ hasText: 'Spring sale' });
    await entry.waitFor();
    await expect(history.getByRole('listitem').count()).resolves.toBe(1);
    await entry.getByText('spring_sale · French · WhatsApp', { exact: true }).waitFor();
    await entry.getByText(t('campaigns.state.sent'), { exact: true }).waitFor();
    await entry.locator('time').waitFor();
    await sidebar().getByText(t('user.history.scope', { count: 1 })).waitFor();
    await expectFitted();
    await expectAccessible();

    // Another customer, in no campaign: said so, not an empty list.
    const outsider = [...emulator.zendesk.users.all()].find((user) => user.role === 'end-user' && !user.tags.includes('newsletter'))!;
    await harness().open(`#/users/${outsider.id}`);
    await sidebar().getByText(t('user.history.empty')).waitFor();
    await expect(sidebar().getByRole('list', { name: t('user.history.title') }).count()).resolves.toBe(0);

    await harness().sandboxApi('PUT', '/session', { locale: 'fr' });
    const fr = createTranslator('fr');
    await harness().open(`#/users/${recipient.userId}`);
    const frEntry = sidebar().getByRole('list', { name: fr('user.history.title') }).getByRole('listitem').filter({ hasText: 'Spring sale' });
    await frEntry.getByText(fr('campaigns.state.sent'), { exact: true }).waitFor();
    await frEntry.getByText('spring_sale · français · WhatsApp', { exact: true }).waitFor();
    await sidebar().getByText(fr('user.history.scope', { count: 1 })).waitFor();
    await expectAccessible();
    expect(harness().consoleErrors).toEqual([]);
  });

  it('an agent who may prepare campaigns blocks and unblocks a customer with the keyboard; the list follows in the custom objects', { timeout: 90_000 }, async () => {
    const t = createTranslator('en');
    const customer = someCustomer();
    await openWithObjects(customer.id, t);
    const block = sidebar().getByRole('switch', { name: t('user.lists.block') });
    const allow = sidebar().getByRole('switch', { name: t('user.lists.allow') });
    await expect(block.isChecked()).resolves.toBe(false);
    await expect(allow.isChecked()).resolves.toBe(false);
    await sidebar().getByText(t('user.lists.standing.none')).waitFor();
    await expectFitted();
    await expectAccessible();

    // From the allow toggle back to the block toggle with the keyboard: the focus shows on it.
    await allow.focus();
    await harness().page.keyboard.press('Shift+Tab');
    const focused = await focusState(await appFrameOf(harness().page, 'user_sidebar'));
    expect({ element: focused?.element, focusVisible: focused?.focusVisible, indicated: focused?.indicated }).toEqual({
      element: `input[switch] "${t('user.lists.block')}"`,
      focusVisible: true,
      indicated: true,
    });
    await harness().page.keyboard.press('Space');
    await sidebar().getByRole('status').filter({ hasText: t('user.lists.changed.block.on') }).waitFor();
    await expect.poll(contactListIds).toEqual([`block:user:${customer.id}`]);
    await expect(block.isChecked()).resolves.toBe(true);
    // The focus stayed on the toggle through the write.
    await expect(focusState(await appFrameOf(harness().page, 'user_sidebar')).then((state) => state?.element)).resolves.toBe(`input[switch] "${t('user.lists.block')}"`);
    await sidebar().getByText(t('user.lists.standing.blocked')).waitFor();
    await expectAccessible();

    // It is still blocked on a fresh page: read back from the custom objects.
    await harness().open(`#/users/${customer.id}`);
    await sidebar().getByText(t('user.lists.standing.blocked')).waitFor();
    await expect(sidebar().getByRole('switch', { name: t('user.lists.block') }).isChecked()).resolves.toBe(true);

    await sidebar().getByRole('switch', { name: t('user.lists.block') }).focus();
    await harness().page.keyboard.press('Space');
    await sidebar().getByRole('status').filter({ hasText: t('user.lists.changed.block.off') }).waitFor();
    await expect.poll(contactListIds).toEqual([]);
    await sidebar().getByText(t('user.lists.standing.none')).waitFor();
    expect(harness().consoleErrors).toEqual([]);
  });

  it("says when a customer is listed through their number, and leaves another user's entry alone", { timeout: 90_000 }, async () => {
    const t = createTranslator('en');
    const customer = someCustomer();
    const check = normalizePhone(customer.phone, 'FR');
    if (check.status !== 'valid') throw new Error('someCustomer has a valid number');
    await openWithObjects(customer.id, t);
    // The number on the block list alone, and on the allow list through another user's entry.
    const { emulator } = harness().sandbox;
    const at = emulator.clock.now();
    const entry = (externalId: string, fields: Record<string, string | number | null>) =>
      emulator.zendesk.customObjects.upsertByExternalId(CONTACT_LIST_OBJECT.key, externalId, { name: externalId, externalId, fields }, 1, at);
    entry(`block:phone:${check.e164}`, { list: 'block', user_id: null, phone: check.e164, note: '' });
    entry(`allow:user:2`, { list: 'allow', user_id: 2, phone: check.e164, note: 'shared phone' });

    await harness().open(`#/users/${customer.id}`);
    const block = sidebar().getByRole('switch', { name: t('user.lists.block') });
    const allow = sidebar().getByRole('switch', { name: t('user.lists.allow') });
    await sidebar().getByText(t('user.lists.standing.allowed')).waitFor();
    await expect(block.isChecked()).resolves.toBe(true);
    await expect(allow.isChecked()).resolves.toBe(true);
    // The notes are the toggles' descriptions, read with them.
    const number = sidebar().getByText(t('user.lists.byPhone', { number: formatPhoneForDisplay(check.e164) }));
    await number.waitFor();
    await expect(block.getAttribute('aria-describedby')).resolves.toBe(await number.getAttribute('id'));
    await sidebar().getByText(t('user.lists.byOtherUser', { number: formatPhoneForDisplay(check.e164) })).waitFor();
    await expect(allow.isDisabled()).resolves.toBe(true);
    await expectAccessible();

    await block.focus();
    await harness().page.keyboard.press('Space');
    await sidebar().getByRole('status').filter({ hasText: t('user.lists.changed.block.off') }).waitFor();
    await expect.poll(contactListIds).toEqual(['allow:user:2']);
    await expect(block.isChecked()).resolves.toBe(false);
    expect(harness().consoleErrors).toEqual([]);
  });

  it('an agent without the right to prepare campaigns sees the lists read-only, with the reason, and no toggle', { timeout: 90_000 }, async () => {
    const t = createTranslator('en');
    const customer = someCustomer();
    // The admin blocks the customer; then Samira, an agent, signs in where only admins may prepare campaigns.
    await openWithObjects(customer.id, t);
    await sidebar().getByRole('switch', { name: t('user.lists.block') }).focus();
    await harness().page.keyboard.press('Space');
    await expect.poll(contactListIds).toEqual([`block:user:${customer.id}`]);
    await harness().sandboxApi('PUT', '/settings', { settings: { campaign_drafters: 'admin', campaign_senders: 'admin' } });
    await harness().sandboxApi('PUT', '/session', { agentId: 2, locale: 'en' });

    await harness().open(`#/users/${customer.id}`);
    await sidebar().getByText(t('user.lists.readOnly')).waitFor();
    await expect(sidebar().getByRole('switch').count()).resolves.toBe(0);
    const terms = sidebar().getByRole('term');
    await expect(terms.allTextContents()).resolves.toEqual([t('user.lists.block'), t('user.lists.allow')]);
    await expect(sidebar().getByRole('definition').allTextContents()).resolves.toEqual([t('user.lists.listed'), t('user.lists.notListed')]);
    await sidebar().getByText(t('user.lists.standing.blocked')).waitFor();
    await sidebar().getByText(t('user.history.none')).waitFor();
    await expectFitted();
    await expectAccessible();
    expect(harness().consoleErrors).toEqual([]);
  });
});
