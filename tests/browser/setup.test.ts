import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../src/ui/i18n/messages';
import { accessibilityProblems, appFrameOf } from './support/accessibility';
import { BUILT_APP_DIR } from './support/builtApp';
import { sandboxBrowserPerFile } from './support/sandboxBrowser';

/**
 * A first-time admin sets Herald up from its Settings page alone: the settings, the connection,
 * Herald's custom objects, then a test message to their own phone.
 */

const harness = sandboxBrowserPerFile({ distDir: BUILT_APP_DIR });
const t = createTranslator('en');

const navBar = () => harness().appFrame('nav_bar');

/** axe on the nav bar app as it is now: every control labelled, nothing to fix. */
async function expectAccessible() {
  expect(await accessibilityProblems(await appFrameOf(harness().page, 'nav_bar'))).toEqual([]);
}

describe('a first-time setup in the app', () => {
  it('goes from empty settings to a first test message without leaving Herald', { timeout: 60_000 }, async () => {
    const { emulator } = harness().sandbox;
    const { appId, keyId, keySecret } = emulator.config.sunshine;
    await harness().sandboxApi('POST', '/settings/empty');
    await harness().open('#/apps/herald');
    const frame = navBar();
    await frame.getByRole('button', { name: t('configuration.open') }).click();

    // The settings: the form is open, with every problem named before anything is saved.
    const form = frame.getByRole('form', { name: t('settings.form.title') });
    await form.getByRole('button', { name: t('settings.form.save') }).click();
    const summary = form.getByRole('alert').filter({ hasText: t('settings.form.issues', { count: 3 }) });
    await summary.waitFor();
    // The summary takes the focus and names each setting; each entry takes the focus to its field.
    await expect.poll(() => summary.evaluate((element) => element === element.ownerDocument.activeElement)).toBe(true);
    const appIdMissing = t('settings.installation.issue', { setting: t('app.parameters.sunco_app_id.label'), problem: t('settings.problem.missing') });
    await summary.getByRole('button', { name: appIdMissing }).click();
    await expect.poll(() => form.getByLabel(t('app.parameters.sunco_app_id.label')).evaluate((element) => element === element.ownerDocument.activeElement)).toBe(true);
    expect(harness().sandbox.appRequests.filter((request) => request.url.includes('/apps/installations/') && request.method === 'PUT')).toEqual([]);
    await expectAccessible();

    await form.getByLabel(t('app.parameters.sunco_app_id.label')).fill(appId);
    await form.getByLabel(t('settings.form.key.sunco_key_id.label')).fill(keyId);
    await form.getByLabel(t('settings.form.key.sunco_key_secret.label')).fill(keySecret);
    await form.getByLabel(t('app.parameters.default_country.label')).fill('FR');
    await form.getByRole('button', { name: t('settings.form.save') }).click();
    await form.getByRole('status').filter({ hasText: /^Saved at / }).waitFor();

    // Zendesk keeps them: the key as one secure setting, Basic credentials computed in the browser,
    // which the app's own settings never show.
    const installation = emulator.zendesk.installations.get(harness().sandbox.installation.id)!;
    const credential = Buffer.from(`${keyId}:${keySecret}`).toString('base64');
    expect(installation.settings).toMatchObject({ sunco_app_id: appId, sunco_credential: credential, default_country: 'FR', opt_in_rule: 'tag:whatsapp_opt_in' });
    expect(installation.settings).not.toHaveProperty('sunco_key_secret');
    await expect(form.getByLabel(t('settings.form.key.sunco_key_secret.label')).inputValue()).resolves.toBe('');

    // The checks run again on the new settings.
    await frame.getByRole('group', { name: t('settings.installation.title') }).getByText(t('settings.verdict.ok'), { exact: true }).waitFor();
    await frame.getByRole('group', { name: t('settings.sunshine.title') }).getByText(t('settings.verdict.ok'), { exact: true }).waitFor();

    // Herald's custom objects, in one click.
    const objects = frame.getByRole('group', { name: t('settings.objects.title') });
    await objects.getByRole('button', { name: t('templates.setup.run') }).click();
    await objects.getByText(t('settings.objects.ready')).waitFor();

    // The test message, to the admin's own phone, typed in the national form of the default country.
    await frame.getByRole('button', { name: t('settings.test.open') }).click();
    const test = frame.getByRole('form', { name: t('settings.test.title') });
    await test.getByLabel(t('settings.test.template')).selectOption({ label: 'spring_sale · French — Herald France' });
    await test.getByLabel(t('settings.test.phone')).fill('06 12 34 56 78');
    await test.getByRole('button', { name: t('campaigns.wizard.test.send') }).click();
    await test.getByText(t('campaigns.wizard.test.sent', { phone: '+33612345678' })).waitFor();
    await expectAccessible();
    const received = emulator.sunshine.notifications();
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ destinationId: '+33612345678' });
  });

  it('asks an admin whose key was saved by an earlier Herald, as two settings, to enter it again, then sends with it', { timeout: 60_000 }, async () => {
    const { emulator, installation } = harness().sandbox;
    const { keyId, keySecret } = emulator.config.sunshine;
    await harness().sandboxApi('POST', '/reset');
    // The installation as the earlier version left it: the key ID and secret, no credential.
    const record = emulator.zendesk.installations.get(installation.id)!;
    const { sunco_credential: _replaced, ...earlier } = record.settings;
    record.settings = { ...earlier, sunco_key_id: keyId, sunco_key_secret: keySecret };
    await harness().open('#/apps/herald');
    const frame = navBar();
    await frame.getByRole('tab', { name: t('shell.section.settings') }).click();

    // The check says what to do, the form is open and asks for the key; nothing reached Sunshine.
    const sunshine = frame.getByRole('group', { name: t('settings.sunshine.title') });
    await sunshine.getByText(t('settings.sunshine.cause.credentials-rejected')).waitFor();
    const form = frame.getByRole('form', { name: t('settings.form.title') });
    await form.getByText(t('settings.form.keyAgain')).first().waitFor();
    expect(emulator.requests.filter((request) => request.url.includes('/sc/'))).toEqual([]);
    await form.getByRole('button', { name: t('settings.form.save') }).click();
    await form.getByRole('alert').getByText(t('settings.form.issues', { count: 2 })).waitFor();

    await form.getByLabel(t('settings.form.key.sunco_key_id.label')).fill(keyId);
    await form.getByLabel(t('settings.form.key.sunco_key_secret.label')).fill(keySecret);
    await form.getByRole('button', { name: t('settings.form.save') }).click();
    await form.getByRole('status').filter({ hasText: /^Saved at / }).waitFor();
    expect(record.settings.sunco_credential).toBe(Buffer.from(`${keyId}:${keySecret}`).toString('base64'));
    await frame.getByRole('button', { name: t('settings.recheck') }).click();
    await sunshine.getByText(t('settings.verdict.ok'), { exact: true }).waitFor();
    expect(emulator.requests.filter((request) => request.url.includes('/sc/')).every((request) => request.headers.authorization === `Basic ${record.settings.sunco_credential}`)).toBe(true);
  });

  it('shows an agent the settings without a form, and asks them to see an admin', async () => {
    await harness().sandboxApi('POST', '/settings/empty');
    await harness().sandboxApi('PUT', '/session', { agentId: 2, locale: 'en' });
    await harness().open('#/apps/herald');
    await navBar().getByRole('button', { name: t('configuration.open') }).click();
    const installation = navBar().getByRole('group', { name: t('settings.installation.title') });
    await installation.getByText(t('settings.form.askAdmin')).waitFor();
    await expect(navBar().getByRole('form', { name: t('settings.form.title') }).count()).resolves.toBe(0);
  });

  it('Herald’s objects created from Campaigns: Templates, the lists and Settings know it at once, with no reload', { timeout: 60_000 }, async () => {
    await harness().open('#/apps/herald');
    const frame = navBar();
    const section = (id: 'campaigns' | 'templates' | 'audiences' | 'settings') => frame.getByRole('tabpanel', { name: t(`shell.section.${id}`) });
    const open = (id: 'campaigns' | 'templates' | 'audiences' | 'settings') => frame.getByRole('tab', { name: t(`shell.section.${id}`) }).click();

    // Every section that needs the objects says so, and stays mounted beside the others.
    await open('templates');
    await section('templates').getByText(t('templates.setup.title')).waitFor();
    await open('audiences');
    await section('audiences').getByRole('tab', { name: t('audiences.panel.lists') }).click();
    await section('audiences').getByText(t('lists.setup.title')).waitFor();
    await open('settings');
    const objects = section('settings').getByRole('group', { name: t('settings.objects.title') });
    await objects.getByRole('button', { name: t('templates.setup.run') }).waitFor();

    await open('campaigns');
    await section('campaigns').getByText(t('campaigns.setup.title')).waitFor();
    await section('campaigns').getByRole('button', { name: t('templates.setup.run') }).click();
    await section('campaigns').getByText(t('campaigns.setup.title')).waitFor({ state: 'detached' });

    await open('templates');
    await section('templates').getByText(t('templates.setup.title')).waitFor({ state: 'detached' });
    await open('audiences');
    await section('audiences').getByText(t('lists.setup.title')).waitFor({ state: 'detached' });
    await section('audiences').getByRole('heading', { name: t('lists.block.title') }).waitFor();
    await open('settings');
    await objects.getByText(t('settings.objects.ready')).waitFor();
  });
});
