import type { FrameLocator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { AppLocation } from '../../sandbox/apiTypes';
import { accessibilityProblems, appFrameOf, type AccessibilityException } from './support/accessibility';
import { BUILT_APP_DIR } from './support/builtApp';
import { keyboard as keyboardIn } from './support/keyboard';
import { sandboxBrowserPerFile } from './support/sandboxBrowser';

/**
 * Accessibility of the real build in the sandbox: axe-core (WCAG 2.0 to 2.2, A and AA, and axe's best
 * practices) on every section and sidebar in the states a user meets, open dialogs included, and
 * the keyboard alone through the sections, the Templates and the Audiences controls, with the focus
 * always visible.
 */

const harness = sandboxBrowserPerFile({ distDir: BUILT_APP_DIR });

/**
 * A sidebar app is one panel of Zendesk's ticket or user page, inside an iframe: Zendesk titles the
 * panel with the app's name outside the iframe, and the page's level-one heading is Zendesk's. An h1
 * in each sidebar app would add top-level headings to the agent's page, so none is added.
 */
const SIDEBAR_EXCEPTIONS: readonly AccessibilityException[] = [
  { rule: 'page-has-heading-one', selector: 'html', reason: 'a sidebar iframe is a panel of Zendesk’s page, which has the level-one heading' },
];

/** What axe finds in a location's app, as lines that say what to fix: none expected. */
async function expectAccessible(location: AppLocation, exceptions: readonly AccessibilityException[] = []) {
  const frame = await appFrameOf(harness().page, location);
  expect(await accessibilityProblems(frame, { exceptions })).toEqual([]);
}

async function openNavBar(section?: string): Promise<FrameLocator> {
  await harness().open('#/apps/herald');
  const frame = harness().appFrame('nav_bar');
  if (section) await frame.getByRole('tab', { name: section }).click();
  return frame;
}

describe('axe finds nothing to fix', () => {
  it('in Campaigns', async () => {
    const frame = await openNavBar();
    await frame.getByRole('table', { name: 'WhatsApp and SMS channels' }).waitFor();
    await expectAccessible('nav_bar');
  });

  it('in Templates: the list, a template and its delete dialog', async () => {
    const frame = await openNavBar('Templates');
    await frame.getByRole('table', { name: 'Templates' }).waitFor();
    await expectAccessible('nav_bar');

    // A template with a text header, a footer and a website button; then its SMS preview.
    await frame.getByRole('button', { name: 'Open order_update (American English)' }).click();
    await frame.getByRole('figure', { name: 'WhatsApp preview' }).getByText('Track my order').waitFor();
    await expectAccessible('nav_bar');
    await frame.getByRole('button', { name: 'SMS', exact: true }).click();
    await frame.getByRole('figure', { name: 'SMS preview' }).waitFor();
    await expectAccessible('nav_bar');

    // A rejected template with an image header, which the offline sandbox cannot load.
    await frame.getByRole('button', { name: 'Back to the templates' }).click();
    await frame.getByRole('button', { name: 'Open spring_sale (American English)' }).click();
    await frame.getByRole('figure', { name: 'WhatsApp preview' }).waitFor();
    await expectAccessible('nav_bar');
    await frame.getByRole('button', { name: 'Delete this template' }).click();
    await frame.getByRole('dialog', { name: 'Delete spring_sale?' }).getByRole('button', { name: 'Delete everywhere' }).waitFor();
    await expectAccessible('nav_bar');
  });

  it('in the template editor, empty, then filled in with problems, buttons and both previews', async () => {
    const frame = await openNavBar('Templates');
    await frame.getByRole('button', { name: "Create Herald's custom objects" }).click();
    await frame.getByRole('button', { name: "Create Herald's custom objects" }).waitFor({ state: 'detached' });
    await frame.getByRole('button', { name: 'New template' }).click();
    await frame.getByLabel('Message', { exact: true }).waitFor();
    await expectAccessible('nav_bar');

    await frame.getByText('WhatsApp · Herald France (+33 6 44 98 01 42)').click();
    await frame.getByText('SMS (saved in Herald, ready at once)').click();
    await frame.getByLabel('Name').fill('Offre flash');
    await frame.getByLabel('Header', { exact: true }).selectOption('image');
    await frame.getByLabel('File address (https)').fill('https://cdn.herald.example/flash.jpg');
    await frame.getByLabel('Message', { exact: true }).fill('Hello {{Clarice}}{{Dupont}}, *flash sale* today.');
    await frame.getByLabel('Footer (optional)').fill('Herald Shop');
    await frame.getByRole('button', { name: 'Add a quick reply' }).click();
    await frame.getByRole('button', { name: 'Add a website button' }).click();
    await frame.getByLabel('Text of button 1').fill('See the offers');
    await frame.getByLabel('Address of button 2').fill('http://shop.example.com');
    await frame.getByRole('status').filter({ hasText: 'to fix before submitting' }).waitFor();
    await expectAccessible('nav_bar');
    await frame.getByRole('button', { name: 'SMS', exact: true }).click();
    await frame.getByRole('figure', { name: 'SMS preview' }).waitFor();
    await expectAccessible('nav_bar');
  });

  it('in Audiences: the search with its sample, the lists with an import report, the send plan', async () => {
    const frame = await openNavBar('Audiences');
    await frame.getByLabel('Search query').waitFor();
    await expectAccessible('nav_bar');

    await frame.getByRole('tab', { name: 'Block and allow lists' }).click();
    await frame.getByRole('button', { name: "Create Herald's custom objects" }).waitFor();
    await expectAccessible('nav_bar');
    await frame.getByRole('button', { name: "Create Herald's custom objects" }).click();
    const csv = ['user_id,phone,note', ',06 12 34 56 78,complained', ',12345,typo'].join('\n');
    await frame.getByLabel('Import a CSV file into the Block list').setInputFiles({ name: 'block.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await frame.getByRole('status').filter({ hasText: 'Import finished' }).getByRole('table', { name: 'Rejected rows' }).waitFor();
    await frame.getByRole('table', { name: 'Block list' }).waitFor();
    await expectAccessible('nav_bar');

    await frame.getByRole('tab', { name: 'Search', exact: true }).click();
    await frame.getByLabel('Search query').fill('tags:vip');
    await frame.getByRole('button', { name: 'Count users' }).click();
    await frame.getByRole('table', { name: 'A sample of matching users' }).getByRole('button').first().waitFor();
    await expectAccessible('nav_bar');

    await frame.getByRole('tab', { name: 'Send plan' }).click();
    await frame.getByLabel('Send through', { exact: true }).waitFor();
    await expectAccessible('nav_bar');
    await frame.getByLabel('Send through', { exact: true }).selectOption({ label: 'Herald France · WhatsApp' });
    await frame.getByLabel('Template', { exact: true }).selectOption({ label: 'spring_sale · French' });
    await frame.getByRole('group', { name: 'Values of the placeholders' }).waitFor();
    await expectAccessible('nav_bar');
  });

  it('in Settings', async () => {
    const frame = await openNavBar('Settings');
    await frame.getByRole('group', { name: 'Conversations API' }).getByText('Working', { exact: true }).waitFor();
    await frame.getByRole('group', { name: 'Custom objects' }).getByRole('button', { name: "Create Herald's custom objects" }).waitFor();
    await expectAccessible('nav_bar');
  });

  it('in the ticket sidebar, on a WhatsApp ticket and on an email ticket', async () => {
    await harness().open('#/tickets/101');
    await harness().appFrame('ticket_sidebar').getByText('WhatsApp conversation').waitFor();
    await harness().appFrame('ticket_sidebar').getByRole('group').first().waitFor();
    await expectAccessible('ticket_sidebar', SIDEBAR_EXCEPTIONS);

    await harness().open('#/tickets/104');
    await harness().appFrame('ticket_sidebar').getByText('Not a messaging ticket').waitFor();
    await expectAccessible('ticket_sidebar', SIDEBAR_EXCEPTIONS);
  });

  it('in the user sidebar', async () => {
    const user = [...harness().sandbox.emulator.zendesk.users.all()].find((candidate) => candidate.role === 'end-user')!;
    await harness().open(`#/users/${user.id}`);
    await harness().appFrame('user_sidebar').getByText(user.name, { exact: true }).waitFor();
    await expectAccessible('user_sidebar', SIDEBAR_EXCEPTIONS);
  });

  it('in French: the template list and the editor with its problems', async () => {
    await harness().sandboxApi('PUT', '/session', { locale: 'fr' });
    const frame = await openNavBar('Modèles');
    await frame.getByRole('table', { name: 'Modèles' }).waitFor();
    await expectAccessible('nav_bar');
    await frame.getByRole('button', { name: 'Nouveau modèle' }).click();
    await frame.getByText('WhatsApp · Herald France (+33 6 44 98 01 42)').click();
    await frame.getByLabel('Nom').fill('Offre flash');
    await frame.getByLabel('Message', { exact: true }).fill('Bonjour {{Clarice}}{{Dupont}}, une offre vous attend.');
    await frame.getByRole('status').filter({ hasText: /à corriger avant de soumettre/ }).waitFor();
    await expectAccessible('nav_bar');
  });
});

describe('the keyboard alone', () => {
  /** The keyboard in the nav bar app, and where the focus is after each key, which must show. */
  const keyboard = () => keyboardIn(harness().page, 'nav_bar');

  /** The nav bar app, with the focus on its first tab as if the agent had tabbed there through Zendesk's page. */
  async function enterNavBar() {
    const frame = await openNavBar();
    await frame.getByRole('table', { name: 'WhatsApp and SMS channels' }).waitFor();
    await harness().page.locator('iframe[data-zaf-location="nav_bar"]').focus();
    const keys = await keyboard();
    await keys.until('Tab', 'Campaigns', 3);
    return { frame, keys };
  }

  it('reaches and operates the section tabs and the Templates controls, with the focus always visible', async () => {
    const { frame, keys } = await enterNavBar();

    // The section tabs: one tab stop, arrows between tabs, Enter selects.
    await keys.until('ArrowRight', 'Templates', 1);
    await keys.press('Enter');
    await expect(frame.getByRole('tab', { name: 'Templates' }).getAttribute('aria-selected')).resolves.toBe('true');
    await frame.getByRole('table', { name: 'Templates' }).waitFor();

    // Templates: search and filters, then a template opened and closed.
    await keys.until('Tab', 'Search by name or text', 1);
    await keys.type('order');
    await frame.getByRole('button', { name: /^Open appointment_reminder/ }).first().waitFor({ state: 'detached' });
    await keys.until('Tab', 'Open order_update (American English)', 10);
    await keys.press('Enter');
    // The page changed under the focus: the new page's title has it, for screen readers too.
    await expect(keys.current()).resolves.toMatchObject({ element: 'h2 "order_update"' });
    await keys.until('Tab', 'Back to the templates', 2);
    await keys.press('Enter');
    await frame.getByRole('table', { name: 'Templates' }).waitFor();

    // The editor: targets with Space, text fields, a quick reply added and named, then Cancel.
    await keys.until('Tab', 'New template', 10);
    await keys.press('Enter');
    await frame.getByLabel('Message', { exact: true }).waitFor();
    await expect(keys.current()).resolves.toMatchObject({ element: 'h2 "New template"' });
    await keys.until('Tab', 'WhatsApp · Herald France (+33 6 44 98 01 42)', 2);
    await keys.press('Space');
    await expect(frame.getByLabel('WhatsApp · Herald France (+33 6 44 98 01 42)').isChecked()).resolves.toBe(true);
    await keys.until('Tab', 'Name', 5);
    await keys.type('Spring sale');
    await frame.getByText('Will be saved as spring_sale').waitFor();
    await keys.until('Tab', 'Message', 6);
    await keys.type('Hello {{Clarice}}, our sale starts today.');
    await keys.until('Tab', 'Add a quick reply', 3);
    await keys.press('Enter');
    await keys.until('Shift+Tab', 'Text of button 1', 4);
    await keys.type('See the offers');
    await frame.getByRole('figure', { name: 'WhatsApp preview' }).getByText('See the offers').waitFor();
    await keys.until('Tab', 'Cancel', 12);
    await keys.press('Enter');
    await frame.getByRole('table', { name: 'Templates' }).waitFor();

    // Back to the section tabs with Shift+Tab, and on to Settings with End and Space.
    await expect(keys.current()).resolves.toMatchObject({ element: 'h2 "Templates"' });
    await keys.until('Shift+Tab', 'Templates', 1);
    await keys.until('End', 'Settings', 1);
    await keys.press('Space');
    await frame.getByRole('heading', { name: 'Settings', level: 2 }).waitFor();
  });

  it('reaches and operates the Audiences controls, with the focus always visible', async () => {
    const { frame, keys } = await enterNavBar();
    await keys.until('ArrowRight', 'Templates', 1);
    await keys.until('ArrowRight', 'Audiences', 1);
    await keys.press('Enter');
    await expect(frame.getByRole('tab', { name: 'Audiences' }).getAttribute('aria-selected')).resolves.toBe('true');

    // The audience's own tabs, the search counted with Enter.
    await keys.until('Tab', 'Search', 1);
    await keys.until('Tab', 'Search query', 1);
    await keys.type('tags:vip');
    await keys.press('Enter');
    await frame.getByRole('status').filter({ hasText: 'users match this search.' }).waitFor();

    // The lists: the setup, then an entry added by hand.
    await keys.until('Shift+Tab', 'Search', 2);
    await keys.until('ArrowRight', 'Block and allow lists', 1);
    await keys.press('Enter');
    await keys.until('Tab', "Create Herald's custom objects", 2);
    await keys.start('Enter');
    await frame.getByRole('button', { name: 'Choose a CSV file for the Block list, or drop it here' }).waitFor();
    // The setup's button is gone: the first list's title has the focus.
    await expect(keys.current()).resolves.toMatchObject({ element: 'h3 "Block list"' });
    await keys.until('Tab', 'Phone number', 3);
    await keys.type('06 12 34 56 78');
    await keys.press('Enter');
    await frame.getByRole('table', { name: 'Block list' }).getByText('+33 6 12 34 56 78').waitFor();

    // The send plan: the channel chosen with the arrows of its select.
    await keys.until('Shift+Tab', 'Block and allow lists', 10);
    await keys.until('ArrowRight', 'Send plan', 1);
    await keys.press('Enter');
    await keys.until('Tab', 'Send through', 2);
    await keys.press('ArrowDown');
    await frame.getByLabel('Template', { exact: true }).waitFor();
    await keys.until('Tab', 'Template', 1);
  });
});
