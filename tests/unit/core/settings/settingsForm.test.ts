import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CREDENTIAL_SETTING } from '../../../../src/core/settings/sunshineCredential';
import { checkSettingsForm, initialFormValues, MANIFEST_DEFAULTS, SETTINGS_FORM_FIELDS, visibleSettingsOf, type SettingsFormValues } from '../../../../src/core/settings/settingsForm';

const manifest = JSON.parse(readFileSync(new URL('../../../../manifest.json', import.meta.url), 'utf8')) as {
  parameters: Array<{ name: string; secure?: boolean; default?: unknown }>;
};

const filled = (changes: Partial<SettingsFormValues> = {}): SettingsFormValues => ({
  ...initialFormValues({}, true),
  sunco_app_id: 'app_123',
  sunco_key_id: 'app_key',
  sunco_key_secret: 's3cret',
  ...changes,
});

describe('the settings form', () => {
  it('has a field for every non-secure manifest parameter with its defaults, and the key as two secret fields saved as the credential', () => {
    const plain = manifest.parameters.filter((parameter) => parameter.secure !== true).map((parameter) => parameter.name);
    expect(SETTINGS_FORM_FIELDS.filter((field) => field.kind !== 'secret').map((field) => field.name).sort()).toEqual(plain.sort());
    expect(SETTINGS_FORM_FIELDS.filter((field) => field.kind === 'secret').map((field) => field.name)).toEqual(['sunco_key_id', 'sunco_key_secret']);
    expect(manifest.parameters.filter((parameter) => parameter.secure === true).map((parameter) => parameter.name)).toEqual([CREDENTIAL_SETTING]);
    const defaults = Object.fromEntries(manifest.parameters.filter((parameter) => parameter.default !== undefined).map((parameter) => [parameter.name, String(parameter.default)]));
    expect(MANIFEST_DEFAULTS).toEqual(defaults);
  });

  it('opens on the saved values, offers the defaults only on a first setup, and never pre-fills a secret', () => {
    const saved = initialFormValues({ sunco_app_id: 'app_1', send_rate: 20, opt_out_tag: null, sunco_key_secret: 'leaked?' }, false);
    expect(saved).toMatchObject({ sunco_app_id: 'app_1', send_rate: '20', opt_out_tag: '', blackout_days: '', sunco_key_secret: '' });
    const first = initialFormValues({}, true);
    expect(first).toMatchObject({ sunco_app_id: '', opt_in_rule: 'tag:whatsapp_opt_in', send_rate: '8', campaign_senders: 'admin', sunco_key_id: '' });
  });

  it('reports every problem at once, in the order of the form, with the app’s own rules', () => {
    const check = checkSettingsForm(filled({ sunco_app_id: ' ', sunco_key_secret: '', send_rate: 'fast', default_country: 'XX', campaign_senders: 'boss' }), 'acme', false);
    expect(check).toEqual({
      ok: false,
      issues: [
        { setting: 'sunco_app_id', problem: 'missing' },
        { setting: 'sunco_key_secret', problem: 'missing' },
        { setting: 'default_country', problem: 'unknown-country' },
        { setting: 'send_rate', problem: 'not-a-number' },
        { setting: 'campaign_senders', problem: 'bad-entry', detail: 'boss' },
      ],
    });
  });

  it('asks for the key on a first setup, and keeps the saved key later when both fields are left empty', () => {
    const empty = filled({ sunco_key_id: '', sunco_key_secret: '' });
    expect(checkSettingsForm(empty, 'acme', true)).toMatchObject({ ok: false, issues: [{ setting: 'sunco_key_id' }, { setting: 'sunco_key_secret' }] });
    const later = checkSettingsForm(empty, 'acme', false);
    expect(later.ok).toBe(true);
    if (later.ok) expect(later.update).not.toHaveProperty('sunco_key_id');
  });

  it('sends numbers as numbers, clears emptied settings with null, and the key as one credential, base64 of keyId:secret', () => {
    const check = checkSettingsForm(filled({ send_rate: ' 40 ', opt_out_tag: '', default_country: 'FR', sunco_key_secret: ' s3cret ' }), 'acme', true);
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.update).toMatchObject({ sunco_app_id: 'app_123', send_rate: 40, blackout_days: 7, opt_out_tag: null, default_country: 'FR' });
    expect(check.update[CREDENTIAL_SETTING]).toBe(Buffer.from('app_key:s3cret').toString('base64'));
    // Only the credential goes to Zendesk: its manifest has no key ID or secret parameter any more.
    expect(Object.keys(check.update)).not.toContain('sunco_key_id');
    expect(Object.keys(check.update)).not.toContain('sunco_key_secret');
    // What the app keeps in memory afterwards is what ZAF would give it: no credential.
    const visible = visibleSettingsOf(check.update);
    expect(visible).not.toHaveProperty(CREDENTIAL_SETTING);
    expect(visible).toMatchObject({ sunco_app_id: 'app_123', send_rate: 40, opt_out_tag: null });
  });

  it('asks for the key again when the saved one could not be used, and names a key that was copied wrong', () => {
    const empty = filled({ sunco_key_id: '', sunco_key_secret: '' });
    expect(checkSettingsForm(empty, 'acme', true)).toMatchObject({ ok: false });
    const pasted = checkSettingsForm(filled({ sunco_key_id: 'app:key', sunco_key_secret: 'sécret\u00a0' }), 'acme', false);
    expect(pasted).toEqual({
      ok: false,
      issues: [
        { setting: 'sunco_key_id', problem: 'not-a-key' },
        { setting: 'sunco_key_secret', problem: 'not-a-key' },
      ],
    });
  });
});
