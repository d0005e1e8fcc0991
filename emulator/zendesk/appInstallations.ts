import { isoSeconds } from './time';

/**
 * The account's app installations: the manifest each installation enforces and the settings an
 * admin entered, secure ones included. This is the one source of truth for settings: the emulated
 * ZAF proxy substitutes `{{setting.x}}` from here at request time, the sandbox's settings page and
 * `client.metadata()` read it, and the Apps API (`/api/v2/apps/installations/{id}`) reads and
 * changes it.
 *
 * The JSON follows the App Installation object of Zendesk's Apps API ("Show App Installation",
 * "Update App Installation", https://developer.zendesk.com/api-reference/ticketing/apps/apps/):
 * the installation at the top level (no wrapper key), `settings` as a flat object that always holds
 * `name` and `title`, the same values again as `settings_objects` (`[{ name, value }]`), and the
 * read-only billing and restriction fields. The page does not say what becomes of secure settings
 * in a GET: here they are left out of both `settings` and `settings_objects` (they are write-only,
 * as the admin page treats them), while unset non-secure parameters appear as `null`, as in the
 * documented example.
 */

/** What the emulated proxy (`zafProxy.ts`) enforces of a manifest parameter: whether it is secure, and where it may go. */
export interface ManifestParameter {
  name: string;
  type?: string;
  secure?: boolean;
  scopes?: string[];
}

/** The part of a manifest the emulated proxy enforces. */
export interface AppManifest {
  domainWhitelist?: string[];
  parameters?: ManifestParameter[];
}

export type SettingValue = string | number | boolean;

export type Settings = Record<string, SettingValue | undefined>;

export interface InstallationParameter extends ManifestParameter {
  required?: boolean;
  default?: SettingValue;
}

export interface InstallationManifest extends AppManifest {
  name?: string;
  parameters?: InstallationParameter[];
}

export interface AppInstallationSeed {
  id: number;
  appId: number;
  /** The installation's `name` / `title` setting; the manifest name by default. */
  title?: string;
  manifest: InstallationManifest;
  settings: Settings;
  enabled?: boolean;
}

export interface AppInstallationRecord {
  readonly id: number;
  readonly appId: number;
  title: string;
  enabled: boolean;
  readonly manifest: InstallationManifest;
  /** Every setting, secure ones included: never sent to a browser as such. */
  settings: Settings;
  readonly createdAt: number;
  updatedAt: number;
}

/** First id given to an installation created without one (the sandbox's own is this one). */
export const FIRST_INSTALLATION_ID = 900101;
export const DEFAULT_APP_ID = 900001;

/** Settings every installation has besides the manifest's parameters ("Installation settings"). */
const BUILT_IN_SETTINGS = ['name', 'title'] as const;

export class AppInstallationStore {
  private readonly records = new Map<number, AppInstallationRecord>();

  /** Installs (or reinstalls, replacing the record with the same id) an app. */
  install(seed: AppInstallationSeed, now: number): AppInstallationRecord {
    const record: AppInstallationRecord = {
      id: seed.id,
      appId: seed.appId,
      title: seed.title ?? seed.manifest.name ?? 'App',
      enabled: seed.enabled ?? true,
      manifest: seed.manifest,
      settings: { ...seed.settings },
      createdAt: now,
      updatedAt: now,
    };
    this.records.set(record.id, record);
    return record;
  }

  /** The live record: what the proxy and the routes read and change. */
  get(id: number): AppInstallationRecord | undefined {
    return this.records.get(id);
  }

  list(): AppInstallationRecord[] {
    return [...this.records.values()].sort((a, b) => a.id - b.id);
  }

  /** The lowest free id from FIRST_INSTALLATION_ID. */
  nextId(): number {
    let id = FIRST_INSTALLATION_ID;
    while (this.records.has(id)) id++;
    return id;
  }
}

export type SettingsUpdate = Record<string, SettingValue | null>;

export type SettingsUpdateResult = { ok: true; settings: Settings } | { ok: false; errors: Record<string, string> };

/**
 * Applies a settings update as Zendesk's admin form does. Parameters absent from the update keep
 * their value (a partial update leaves the others, secure ones included, as they are); an empty
 * secure value (`""` or `null`) keeps the saved one, since the form never shows it; an empty
 * non-secure value clears the setting. Fails, changing nothing, when a name is not a parameter of
 * the manifest, a value has the wrong type, or a required parameter ends up without a value.
 */
export function applySettingsUpdate(manifest: InstallationManifest, current: Settings, update: SettingsUpdate): SettingsUpdateResult {
  const next: Settings = { ...current };
  const errors: Record<string, string> = {};
  const parameters = new Map((manifest.parameters ?? []).map((parameter) => [parameter.name, parameter]));

  for (const [name, raw] of Object.entries(update)) {
    const parameter = parameters.get(name);
    if (!parameter) {
      errors[name] = 'is not a parameter of this app';
      continue;
    }
    if (raw === null || raw === '') {
      if (!parameter.secure) delete next[name];
      continue;
    }
    const value = coerce(parameter, raw);
    if (value === undefined) errors[name] = `must be a ${parameter.type === 'checkbox' ? 'boolean' : 'number'}`;
    else next[name] = value;
  }

  for (const parameter of parameters.values()) {
    const value = next[parameter.name];
    const missing = value === undefined || value === '';
    if (parameter.required && missing && errors[parameter.name] === undefined) errors[parameter.name] = 'is required';
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, settings: next };
}

function coerce(parameter: InstallationParameter, raw: SettingValue): SettingValue | undefined {
  switch (parameter.type) {
    case 'number': {
      const number = typeof raw === 'number' ? raw : Number(String(raw).trim());
      return Number.isFinite(number) && String(raw).trim() !== '' ? number : undefined;
    }
    case 'checkbox':
      if (typeof raw === 'boolean') return raw;
      if (raw === 'true' || raw === 'false') return raw === 'true';
      return undefined;
    default:
      return String(raw);
  }
}

/** Whether `name` can be written through the Apps API: a manifest parameter or a built-in setting. */
export function isBuiltInSetting(name: string): boolean {
  return (BUILT_IN_SETTINGS as readonly string[]).includes(name);
}

/**
 * The non-secure settings that have a value: what `client.metadata().settings` exposes (with the
 * installation title) and what the app may learn of its installation. Secure values never leave.
 */
export function visibleSettings(manifest: AppManifest, settings: Settings): Record<string, SettingValue> {
  const visible: Record<string, SettingValue> = {};
  for (const parameter of manifest.parameters ?? []) {
    const value = settings[parameter.name];
    if (parameter.secure || value === undefined || value === '') continue;
    visible[parameter.name] = value;
  }
  return visible;
}

/** An App Installation object as Show / Update App Installation return it (see the file comment). */
export function installationJson(record: AppInstallationRecord): Record<string, unknown> {
  const settings: Record<string, SettingValue | null> = { name: record.title, title: record.title };
  for (const parameter of record.manifest.parameters ?? []) {
    if (parameter.secure) continue;
    const value = record.settings[parameter.name];
    settings[parameter.name] = value === undefined || value === '' ? null : value;
  }
  return {
    id: record.id,
    app_id: record.appId,
    product: 'support',
    settings,
    settings_objects: Object.entries(settings).map(([name, value]) => ({ name, value })),
    enabled: record.enabled,
    updated: compactTimestamp(record.updatedAt),
    updated_at: isoSeconds(record.updatedAt),
    created_at: isoSeconds(record.createdAt),
    role_restrictions: null,
    group_restrictions: [],
    recurring_payment: false,
    collapsible: true,
    plan_information: { name: null },
    paid: null,
    has_unpaid_subscription: null,
    has_incomplete_subscription: false,
    pending_installation: false,
    servable: true,
    stripe_account: null,
    stripe_publishable_key: null,
    stripe_subscription_id: null,
  };
}

/** `updated` as the documented example writes it: `20200305221223`. */
function compactTimestamp(time: number): string {
  return isoSeconds(time).replace(/[-:TZ]/g, '');
}
