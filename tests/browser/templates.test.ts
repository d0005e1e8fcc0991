import type { FrameLocator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../src/ui/i18n/messages';
import { BUILT_APP_DIR } from './support/builtApp';
import { sandboxBrowserPerFile } from './support/sandboxBrowser';

/** The template catalogue and editor of the real build, in the sandbox, against the emulator. */

const IMAGE = 'https://cdn.herald.example/spring.jpg';

const harness = sandboxBrowserPerFile({ distDir: BUILT_APP_DIR });

async function openTemplates(tab = 'Templates'): Promise<FrameLocator> {
  await harness().open('#/apps/herald');
  const frame = harness().appFrame('nav_bar');
  await frame.getByRole('tab', { name: tab }).click();
  return frame;
}

/** Offline, the header image cannot load: that blocked request is expected, nothing else is. */
function unexpectedErrors(): string[] {
  return harness().consoleErrors.filter((error) => !error.includes(IMAGE) && !error.includes('ERR_BLOCKED_BY_CLIENT'));
}

describe('the template catalogue', () => {
  it('lists every template with its status per integration, and filters them', async () => {
    const frame = await openTemplates();
    const table = frame.getByRole('table', { name: 'Templates' });
    await table.waitFor();
    const { emulator } = harness().sandbox;
    const keys = new Set(emulator.sunshine.whatsAppIntegrations().flatMap((integration) => emulator.sunshine.messageTemplates(integration.id).map((template) => `${template.name}:${template.language}`)));
    await frame.getByText(`${keys.size} templates of ${keys.size} shown.`).waitFor();

    // spring_sale in American English exists on two numbers, with a different status on each.
    const spring = table.getByRole('row').filter({ has: frame.getByRole('button', { name: 'Open spring_sale (American English)' }) });
    await spring.getByText('Herald France: Pending').waitFor();
    await spring.getByText('Herald US: Rejected').waitFor();

    await frame.getByLabel('Status').selectOption('PAUSED');
    const paused = [...keys].filter((key) => {
      const [name, language] = key.split(':');
      return emulator.sunshine.whatsAppIntegrations().some((integration) => emulator.sunshine.messageTemplate(integration.id, name!, language!)?.status === 'PAUSED');
    });
    await frame.getByText(`${paused.length} templates of ${keys.size} shown.`).or(frame.getByText(`${paused.length} template of ${keys.size} shown.`)).waitFor();
    await frame.getByLabel('Status').selectOption('');
    await frame.getByLabel('Search by name or text').fill('black');
    await expect(table.getByRole('row').count()).resolves.toBe(1 + [...keys].filter((key) => key.startsWith('black_friday:')).length);
  });

  it('shows a template’s variables, samples and rejection reason in its detail', async () => {
    const frame = await openTemplates();
    await frame.getByRole('button', { name: 'Open spring_sale (American English)' }).click();
    await frame.getByRole('table', { name: 'Where this template exists' }).getByText('The content does not match the category or language chosen.').waitFor();
    await frame.getByText(/\{\{1\}\} — sample: “/).waitFor();
    await frame.getByRole('figure', { name: 'WhatsApp preview' }).waitFor();
    await frame.getByRole('button', { name: 'SMS' }).click();
    await frame.getByRole('figure', { name: 'SMS preview' }).waitFor();
  });
});

describe('creating a template', () => {
  it('creates a WhatsApp + SMS template with an image header, two placeholders and two quick replies', async () => {
    const frame = await openTemplates();
    await frame.getByRole('button', { name: "Create Herald's custom objects" }).click();
    await frame.getByRole('button', { name: "Create Herald's custom objects" }).waitFor({ state: 'detached' });

    await frame.getByRole('button', { name: 'New template' }).click();
    await frame.getByText('WhatsApp · Herald France (+33 6 44 98 01 42)').click();
    await frame.getByText('SMS (saved in Herald, ready at once)').click();
    await expect(frame.getByLabel('SMS (saved in Herald, ready at once)').isChecked()).resolves.toBe(true);
    await frame.getByLabel('Name').fill('Spring sale 2026');
    await frame.getByText('Will be saved as spring_sale_2026').waitFor();
    await frame.getByLabel('Header', { exact: true }).selectOption('image');
    await frame.getByLabel('File address (https)').fill(IMAGE);
    await frame.getByLabel('Message', { exact: true }).fill('Hello {{Clarice}}, our *spring sale* starts today: {{20% off}} everything until Sunday.');
    await frame.getByRole('button', { name: 'Add a quick reply' }).click();
    await frame.getByRole('button', { name: 'Add a quick reply' }).click();
    await frame.getByLabel('Text of button 1').fill('See the offers');
    await frame.getByLabel('Text of button 2').fill('Not now');

    const whatsapp = frame.getByRole('figure', { name: 'WhatsApp preview' });
    await whatsapp.getByText('Hello Clarice, our spring sale starts today: 20% off everything until Sunday.').waitFor();
    await expect(whatsapp.locator('strong').textContent()).resolves.toBe('spring sale');
    await whatsapp.getByText('See the offers').waitFor();
    await whatsapp.getByText('Not now').waitFor();
    await frame.getByRole('button', { name: 'SMS' }).click();
    const sms = frame.getByRole('figure', { name: 'SMS preview' });
    await sms.getByText('Hello Clarice, our *spring sale* starts today: 20% off everything until Sunday.').waitFor();
    await sms.getByText(/^GSM-7 · 1 segment\(s\)/).waitFor();

    await frame.getByRole('button', { name: 'Submit' }).click();
    await frame.getByText('The template was submitted everywhere').waitFor();
    await frame.getByRole('button', { name: 'Back to the templates' }).click();
    const row = frame.getByRole('row').filter({ has: frame.getByRole('button', { name: 'Open spring_sale_2026 (American English)' }) });
    await row.getByText('Herald France: Pending').waitFor();
    await row.getByText('SMS (Herald): Ready').waitFor();

    const france = harness().sandbox.emulator.sunshine.whatsAppIntegrations().find((integration) => integration.displayName === 'Herald France');
    expect(harness().sandbox.emulator.sunshine.messageTemplate(france!.id, 'spring_sale_2026', 'en_US')?.status).toBe('PENDING');
    expect(unexpectedErrors()).toEqual([]);
  });

  it('marks no field in red on a new, untouched template, and marks a field once it is changed', async () => {
    const frame = await openTemplates();
    await frame.getByRole('button', { name: 'New template' }).click();
    const message = frame.getByLabel('Message', { exact: true });
    await message.waitFor();
    // What is missing is listed above the Submit button, as a warning, not as mistakes.
    await frame.getByRole('status').filter({ hasText: 'to fix before submitting' }).waitFor();
    await expect(frame.locator('[aria-invalid="true"]').count()).resolves.toBe(0);
    await message.fill('Hello');
    await message.fill('');
    await expect(message.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(frame.getByLabel('Name').getAttribute('aria-invalid')).resolves.not.toBe('true');
  });

  it('shows every problem of an invalid template at once, in French, and cannot submit it', async () => {
    await harness().sandboxApi('PUT', '/session', { locale: 'fr' });
    const frame = await openTemplates('Modèles');
    await frame.getByRole('button', { name: 'Nouveau modèle' }).click();
    await frame.getByText('WhatsApp · Herald France (+33 6 44 98 01 42)').click();
    await frame.getByLabel('Nom').fill('Offre flash');
    await frame.getByLabel('En-tête', { exact: true }).selectOption('text');
    await frame.getByLabel("Texte de l'en-tête").fill('{{Clarice}}, votre offre {{flash}} vous attend dans votre espace client !');
    await frame.getByLabel('Message', { exact: true }).fill('Bonjour {{Clarice}}{{Dupont}}, une offre vous attend.');
    await frame.getByLabel('Pied de page (facultatif)').fill('Valable pour {{vous}}');
    await frame.getByRole('button', { name: 'Ajouter une réponse rapide' }).click();
    await frame.getByRole('button', { name: 'Ajouter un bouton site web' }).click();
    await frame.getByLabel('Texte du bouton 1').fill('Je veux en profiter tout de suite');
    await frame.getByLabel('Texte du bouton 2').fill('Voir');
    await frame.getByLabel('Adresse du bouton 2').fill('http://boutique.example.com');

    const t = createTranslator('fr');
    const summary = frame.getByRole('status').filter({ hasText: 'points à corriger avant de soumettre' });
    const expected = [
      t('templates.rules.header-too-many-variables', { variables: 2, max: 1 }),
      t('templates.rules.variables-adjacent', { first: 'Clarice', second: 'Dupont' }),
      t('templates.rules.footer-not-static'),
      t('templates.rules.buttons-mixed'),
      t('templates.editor.buttonProblem', { number: 1, message: t('templates.rules.button-text-too-long', { length: 33, max: 25 }) }),
      t('templates.editor.buttonProblem', { number: 2, message: t('templates.rules.button-url-invalid', { url: 'http://boutique.example.com' }) }),
    ];
    for (const message of expected) await summary.getByText(message, { exact: true }).waitFor();
    await expect(frame.getByRole('button', { name: 'Soumettre' }).isDisabled()).resolves.toBe(true);
    expect(harness().sandbox.appRequests.filter((request) => request.method === 'POST' && request.url.endsWith('/messageTemplates'))).toEqual([]);
  });
});

describe('partial failures and deletion', () => {
  it('reports a refusal by one number, keeps the others, and retries only the failed one', async () => {
    const { emulator } = harness().sandbox;
    const brasil = emulator.sunshine.whatsAppIntegrations().find((integration) => integration.displayName === 'Herald Brasil')!;
    const france = emulator.sunshine.whatsAppIntegrations().find((integration) => integration.displayName === 'Herald France')!;
    emulator.sunshine.refuseTemplateCreations(brasil.id);
    const frame = await openTemplates();
    await frame.getByRole('button', { name: 'New template' }).click();
    await frame.getByText('WhatsApp · Herald France (+33 6 44 98 01 42)').click();
    await frame.getByText('WhatsApp · Herald Brasil (+55 11 95555 0123)').click();
    await frame.getByLabel('Name').fill('order_ready');
    await frame.getByLabel('Category').selectOption('UTILITY');
    await frame.getByLabel('Message', { exact: true }).fill('Your order {{48213}} is ready for pickup at {{Paris Opéra}}.');
    await frame.getByRole('button', { name: 'Submit' }).click();

    const report = frame.getByRole('status').filter({ hasText: 'One target failed' });
    await report.getByText('Herald France: submitted.').waitFor();
    await report.getByText(/^Herald Brasil: failed\./).waitFor();
    expect(emulator.sunshine.messageTemplate(france.id, 'order_ready', 'en_US')?.status).toBe('PENDING');

    emulator.sunshine.allowTemplateCreations(brasil.id);
    const posts = () => harness().sandbox.appRequests.filter((request) => request.method === 'POST' && request.url.endsWith('/messageTemplates')).length;
    const before = posts();
    await report.getByRole('button', { name: 'Retry the failed ones' }).click();
    await frame.getByText('The template was submitted everywhere').waitFor();
    await frame.getByText('Herald Brasil: submitted.').waitFor();
    await frame.getByText('Herald France: submitted.').waitFor();
    expect(posts() - before).toBe(1);
    expect(emulator.sunshine.messageTemplates(france.id).filter((template) => template.name === 'order_ready')).toHaveLength(1);
  });

  it('deletes a template in every language after a confirmation', async () => {
    const { emulator } = harness().sandbox;
    const holders = emulator.sunshine.whatsAppIntegrations().filter((integration) => emulator.sunshine.messageTemplates(integration.id).some((template) => template.name === 'welcome_back'));
    expect(holders.length).toBeGreaterThan(1);
    const frame = await openTemplates();
    await frame.getByRole('button', { name: 'Open welcome_back (French)' }).click();
    await frame.getByRole('button', { name: 'Delete this template' }).click();
    const dialog = frame.getByRole('dialog', { name: 'Delete welcome_back?' });
    await dialog.getByText(/will be deleted in every language \(.*French.*\), here: Herald France, Herald Brasil, Herald US/).waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(holders.every((integration) => emulator.sunshine.messageTemplates(integration.id).some((template) => template.name === 'welcome_back'))).toBe(true);

    await frame.getByRole('button', { name: 'Delete this template' }).click();
    await frame.getByRole('dialog', { name: 'Delete welcome_back?' }).getByRole('button', { name: 'Delete everywhere' }).click();
    await frame.getByRole('status').filter({ hasText: 'Deletion of welcome_back' }).waitFor();
    for (const integration of holders) {
      await frame.getByText(`${integration.displayName}: deleted.`).waitFor();
      expect(emulator.sunshine.messageTemplates(integration.id).some((template) => template.name === 'welcome_back')).toBe(false);
    }
    await expect(frame.getByRole('button', { name: /^Open welcome_back/ }).count()).resolves.toBe(0);
  });
});

describe('setting up as an agent', () => {
  it('tells an agent who is not an admin to ask one, offering no button that would be refused, and creates nothing', async () => {
    await harness().sandboxApi('PUT', '/session', { agentId: 2, locale: 'en' });
    const frame = await openTemplates();
    // Templates' notice (the Campaigns tab, behind, has its own).
    await frame.getByText("Only a Zendesk admin can create custom objects. Ask an admin to open Herald's Settings and create them.").filter({ visible: true }).waitFor();
    expect(await frame.getByRole('button', { name: "Create Herald's custom objects" }).count()).toBe(0);
    expect(harness().sandbox.emulator.zendesk.customObjects.list()).toEqual([]);
  });
});
