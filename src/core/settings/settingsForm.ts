import { parseSettings, type SettingName, type SettingProblem, type SettingValue } from './settings';
import { CREDENTIAL_SETTING, sunshineCredential } from './sunshineCredential';

/**
 * Herald's settings as a form inside the app, so an admin sets Herald up without leaving it. The
 * values are checked with the same rules the app reads them with (`parseSettings`), then saved
 * through Zendesk's Apps API. The key ID and secret are typed here and saved as one secure setting,
 * the credential (`sunshineCredential`): written, never read back.
 */

/** The key's two halves: fields of the form only, saved together as the credential setting. */
export type KeyFieldName = 'sunco_key_id' | 'sunco_key_secret';
export type FormSettingName = SettingName | KeyFieldName;

export function isKeyField(name: FormSettingName): name is KeyFieldName {
  return name === 'sunco_key_id' || name === 'sunco_key_secret';
}

export type SettingsFormGroup = 'connection' | 'audience' | 'sending' | 'permissions' | 'agents';

export interface SettingsFormField {
  name: FormSettingName;
  kind: 'text' | 'number' | 'multiline' | 'secret' | 'checkbox';
  group: SettingsFormGroup;
}

export const SETTINGS_FORM_GROUPS: readonly SettingsFormGroup[] = ['connection', 'audience', 'sending', 'permissions', 'agents'];

export const SETTINGS_FORM_FIELDS: readonly SettingsFormField[] = [
  { name: 'sunco_app_id', kind: 'text', group: 'connection' },
  { name: 'sunco_key_id', kind: 'secret', group: 'connection' },
  { name: 'sunco_key_secret', kind: 'secret', group: 'connection' },
  { name: 'sunco_api_host', kind: 'text', group: 'connection' },
  { name: 'phone_field', kind: 'text', group: 'audience' },
  { name: 'default_country', kind: 'text', group: 'audience' },
  { name: 'opt_in_rule', kind: 'text', group: 'audience' },
  { name: 'opt_out_tag', kind: 'text', group: 'audience' },
  { name: 'optout_words', kind: 'text', group: 'audience' },
  { name: 'optin_words', kind: 'text', group: 'audience' },
  { name: 'blackout_days', kind: 'number', group: 'audience' },
  { name: 'send_rate', kind: 'number', group: 'sending' },
  { name: 'messaging_tier', kind: 'text', group: 'sending' },
  { name: 'rate_card', kind: 'multiline', group: 'sending' },
  { name: 'whatsapp_namespace', kind: 'text', group: 'sending' },
  { name: 'confirm_threshold', kind: 'number', group: 'permissions' },
  { name: 'campaign_drafters', kind: 'text', group: 'permissions' },
  { name: 'campaign_senders', kind: 'text', group: 'permissions' },
  { name: 'window_warning_minutes', kind: 'number', group: 'agents' },
  { name: 'reengage_without_opt_in', kind: 'checkbox', group: 'agents' },
];

/** The manifest's defaults (a test keeps them equal to `manifest.json`), offered to a first-time admin. */
export const MANIFEST_DEFAULTS: Partial<Record<FormSettingName, string>> = {
  blackout_days: '7',
  phone_field: 'phone',
  opt_in_rule: 'tag:whatsapp_opt_in',
  opt_out_tag: 'whatsapp_opt_out',
  send_rate: '8',
  campaign_drafters: 'agent',
  campaign_senders: 'admin',
  confirm_threshold: '1000',
  window_warning_minutes: '60',
  reengage_without_opt_in: 'false',
};

export type SettingsFormValues = Record<FormSettingName, string>;

export interface SettingsFormIssue {
  setting: FormSettingName;
  problem: SettingProblem;
  /** The part of the value that is wrong, as typed (see SettingIssue). */
  detail?: string;
}

/** What the Apps API is sent: every non-secure setting (null clears it), and the credential only when a key is typed. */
export type SettingsUpdate = Record<string, string | number | boolean | null>;

export type SettingsFormCheck = { ok: true; update: SettingsUpdate } | { ok: false; issues: SettingsFormIssue[] };

/**
 * The form as it opens: the installation's values; on a first setup (nothing saved yet) the
 * manifest's defaults fill the empty fields, as Zendesk's own settings page would. Secrets start empty.
 */
export function initialFormValues(current: Record<string, SettingValue | undefined>, firstSetup: boolean): SettingsFormValues {
  const values = {} as SettingsFormValues;
  for (const field of SETTINGS_FORM_FIELDS) {
    const value = field.kind === 'secret' ? undefined : current[field.name];
    const text = value === undefined || value === null ? '' : String(value);
    values[field.name] = text === '' && firstSetup ? (MANIFEST_DEFAULTS[field.name] ?? '') : text;
  }
  return values;
}

/**
 * Checks the form with the app's own rules. `secretsRequired` when no working key can be saved yet
 * (a first setup, or a key Zendesk's proxy could not use); otherwise empty key fields keep the saved
 * credential. A key ID without its secret (or the reverse) is refused: a new key is always a pair.
 */
export function checkSettingsForm(values: SettingsFormValues, subdomain: string, secretsRequired: boolean): SettingsFormCheck {
  const plain: Record<string, string> = {};
  for (const field of SETTINGS_FORM_FIELDS) if (field.kind !== 'secret') plain[field.name] = values[field.name].trim();
  const parsed = parseSettings(plain, subdomain);
  const issues: SettingsFormIssue[] = parsed.ok ? [] : [...parsed.issues];

  const typedOne = values.sunco_key_id.trim() !== '' || values.sunco_key_secret.trim() !== '';
  const key = secretsRequired || typedOne ? sunshineCredential(values.sunco_key_id, values.sunco_key_secret) : undefined;
  if (key && !key.ok) {
    for (const { part, problem } of key.problems) issues.push({ setting: part === 'keyId' ? 'sunco_key_id' : 'sunco_key_secret', problem });
  }
  if (issues.length > 0) return { ok: false, issues: inFormOrder(issues) };

  const update: SettingsUpdate = {};
  for (const field of SETTINGS_FORM_FIELDS) {
    if (field.kind === 'secret') continue;
    const text = plain[field.name] ?? '';
    if (field.kind === 'checkbox') update[field.name] = text === 'true';
    else update[field.name] = text === '' ? null : field.kind === 'number' ? Number(text) : text;
  }
  if (key?.ok) update[CREDENTIAL_SETTING] = key.credential;
  return { ok: true, update };
}

/** The saved values as ZAF's metadata would give them: secure ones never (the browser does not see them). */
export function visibleSettingsOf(update: SettingsUpdate): Record<string, SettingValue> {
  const visible: Record<string, SettingValue> = {};
  for (const field of SETTINGS_FORM_FIELDS) {
    if (field.kind === 'secret' || !(field.name in update)) continue;
    visible[field.name] = update[field.name] ?? null;
  }
  return visible;
}

function inFormOrder(issues: SettingsFormIssue[]): SettingsFormIssue[] {
  const order = SETTINGS_FORM_FIELDS.map((field) => field.name);
  return [...issues].sort((a, b) => order.indexOf(a.setting) - order.indexOf(b.setting));
}
