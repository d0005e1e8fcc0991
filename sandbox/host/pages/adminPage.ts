import type { SettingField, SettingsErrors, SettingsUpdate, SettingsView } from '../../apiTypes';
import { el } from '../dom';
import { SandboxApiError, sandboxClient } from '../sandboxClient';
import { showToast } from '../toasts';
import { failure, loading } from './common';
import { faultsPanel } from './faultsPanel';
import type { PageContext } from './page';

/**
 * `#/admin/apps/herald`: the app's settings form as Zendesk Admin Center builds it from the
 * manifest parameters. Secure values are write-only: their fields start empty and stay empty.
 */
export async function adminPage(page: PageContext): Promise<void> {
  const { metadata } = page.bootstrap();
  page.setTitle(`Admin · ${metadata.name}`);
  page.container.append(loading('the settings'));
  try {
    const view = await sandboxClient.settings();
    if (page.isCurrent()) renderSettings(page, view);
  } catch (error) {
    if (page.isCurrent()) page.container.replaceChildren(failure('the settings', error));
  }
}

function renderSettings(page: PageContext, view: SettingsView): void {
  const { metadata } = page.bootstrap();
  const fields = view.fields.filter((field) => field.type !== 'hidden');
  const form = el('form', { class: 'settings-form', novalidate: true, 'aria-labelledby': 'settings-heading' });
  const saveButton = el('button', { type: 'submit', class: 'button button--primary' }, 'Save settings');
  form.append(...fields.map(fieldRow), el('div', { class: 'form-actions' }, saveButton));

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    saveButton.disabled = true;
    clearErrors(form);
    try {
      await sandboxClient.saveSettings(formValues(form, fields));
      await page.reloadApps();
      showToast(`${metadata.name} settings saved. The app was reloaded with them.`, 'success');
      if (page.isCurrent()) renderSettings(page, await sandboxClient.settings());
    } catch (error) {
      if (error instanceof SandboxApiError && error.status === 422) showErrors(form, (error.body as SettingsErrors).errors);
      else showToast(`Could not save the settings: ${error instanceof Error ? error.message : String(error)}`, 'error');
    } finally {
      saveButton.disabled = false;
    }
  });

  const emptyButton = el('button', { type: 'button', class: 'button' }, 'Reset to empty settings');
  emptyButton.addEventListener('click', () => replaceSettings(page, () => sandboxClient.emptySettings(), 'All settings are now empty, as for a first-time admin.'));
  const defaultsButton = el('button', { type: 'button', class: 'button' }, 'Restore sandbox defaults');
  defaultsButton.addEventListener('click', () => replaceSettings(page, () => sandboxClient.defaultSettings(), 'The default sandbox settings are back.'));

  page.container.replaceChildren(
    el(
      'section',
      { class: 'card admin' },
      el('h2', { id: 'settings-heading' }, `${metadata.name} settings`),
      el('p', { class: 'hint' }, `App ID ${metadata.appId} · installation ${metadata.installationId} · version ${metadata.version}`),
      form,
    ),
    el(
      'section',
      { class: 'card admin', 'aria-labelledby': 'settings-reset-heading' },
      el('h2', { id: 'settings-reset-heading' }, 'Sandbox settings'),
      el('p', { class: 'hint' }, 'Start from nothing to try the first-time setup, or go back to the configuration that works with the emulator.'),
      // Secure values never reach the browser, the emulator's included: they are in the terminal and the README.
      el(
        'p',
        { class: 'hint' },
        "For the first-time setup, the emulator's Conversations API app ID, key ID and secret are printed by npm start and listed in the README (First-time setup in the sandbox).",
      ),
      el('div', { class: 'form-actions' }, emptyButton, defaultsButton),
    ),
    faultsPanel(),
  );
}

async function replaceSettings(page: PageContext, action: () => Promise<SettingsView>, message: string): Promise<void> {
  try {
    const view = await action();
    await page.reloadApps();
    showToast(message, 'success');
    if (page.isCurrent()) renderSettings(page, view);
  } catch (error) {
    showToast(`Could not change the settings: ${error instanceof Error ? error.message : String(error)}`, 'error');
  }
}

function fieldRow(field: SettingField): HTMLElement {
  const id = `setting-${field.name}`;
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  const describedBy = [field.helpText ? helpId : undefined, errorId].filter(Boolean).join(' ');
  const required = field.required && !(field.secure && field.isSet);
  let input: HTMLInputElement | HTMLTextAreaElement;

  if (field.type === 'multiline') {
    input = el('textarea', { id, name: field.name, rows: 4, 'aria-describedby': describedBy, required }, String(field.value ?? ''));
  } else if (field.type === 'checkbox') {
    input = el('input', { id, name: field.name, type: 'checkbox', 'aria-describedby': describedBy, checked: field.value === true });
  } else {
    input = el('input', {
      id,
      name: field.name,
      type: field.secure ? 'password' : field.type === 'number' ? 'number' : field.type === 'url' ? 'url' : 'text',
      step: field.type === 'number' ? 'any' : undefined,
      autocomplete: field.secure ? 'new-password' : 'off',
      'aria-describedby': describedBy,
      required,
      // Secure values never come back to the browser: the field only says whether one is saved.
      placeholder: field.secure ? (field.isSet ? 'Saved (leave empty to keep it)' : 'Not set') : undefined,
    });
    if (!field.secure && field.value !== undefined) input.value = String(field.value);
  }

  return el(
    'div',
    { class: `field field--${field.type}`, 'data-field': field.name },
    el('label', { for: id, class: 'field-label' }, field.label, field.required ? el('span', { class: 'required', 'aria-hidden': 'true' }, ' *') : null),
    field.helpText ? el('p', { id: helpId, class: 'hint' }, field.helpText) : null,
    input,
    el('p', { id: errorId, class: 'field-error', 'aria-live': 'polite' }),
  );
}

function formValues(form: HTMLFormElement, fields: SettingField[]): SettingsUpdate['settings'] {
  const values: SettingsUpdate['settings'] = {};
  for (const field of fields) {
    const input = form.elements.namedItem(field.name);
    if (input instanceof HTMLInputElement && input.type === 'checkbox') values[field.name] = input.checked;
    else if (input instanceof HTMLInputElement || input instanceof HTMLTextAreaElement) values[field.name] = input.value;
  }
  return values;
}

function clearErrors(form: HTMLFormElement): void {
  for (const error of form.querySelectorAll('.field-error')) error.textContent = '';
  for (const input of form.querySelectorAll('[aria-invalid]')) input.removeAttribute('aria-invalid');
}

function showErrors(form: HTMLFormElement, errors: Record<string, string>): void {
  let first: HTMLElement | undefined;
  for (const [name, message] of Object.entries(errors)) {
    const row = form.querySelector(`[data-field="${CSS.escape(name)}"]`);
    const label = row?.querySelector('.field-label')?.firstChild?.textContent ?? name;
    const error = row?.querySelector('.field-error');
    const input = row?.querySelector<HTMLElement>('input, textarea');
    if (error) error.textContent = `${label} ${message}.`;
    input?.setAttribute('aria-invalid', 'true');
    first ??= input ?? undefined;
  }
  first?.focus();
  showToast('Some settings need attention.', 'error');
}
