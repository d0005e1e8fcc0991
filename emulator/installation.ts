import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EmulatorConfig } from './config';
import type { Emulator } from './emulator';
import type { Installation } from './zafProxy';
import { DEFAULT_APP_ID, visibleSettings, type AppManifest, type InstallationManifest, type Settings, type SettingValue } from './zendesk/appInstallations';

/**
 * An app installation as Zendesk keeps it: the manifest the proxy enforces and the settings an
 * admin entered, registered in the emulated account (`emulator.zendesk.installations`), where the
 * proxy, the Apps API and the sandbox all read it. Shared by the sandbox and the Node tests so both
 * play the same installation.
 */

const manifestPath = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'manifest.json');

export type { Settings };

/** A manifest with its parameters' `required` and `default`, which the settings form and the Apps API use. */
export type ManifestWithDefaults = InstallationManifest;

/** The app's real manifest: the proxy enforces its `domainWhitelist` and parameter scopes. */
export function readAppManifest(file: string = manifestPath): ManifestWithDefaults {
  return JSON.parse(readFileSync(file, 'utf8')) as ManifestWithDefaults;
}

/** The values the settings form starts with: the manifest defaults. */
export function manifestDefaults(manifest: ManifestWithDefaults): Settings {
  const settings: Settings = {};
  for (const parameter of manifest.parameters ?? []) {
    if (parameter.default !== undefined) settings[parameter.name] = parameter.default;
  }
  return settings;
}

/**
 * A configuration that works against the emulator (its app id and key, default country France),
 * over the manifest defaults, so that a new user clicks through Herald without setting anything up.
 * Only parameters the manifest declares are filled in.
 */
export function configuredSettings(config: EmulatorConfig, manifest: ManifestWithDefaults): Settings {
  const working: Settings = {
    sunco_app_id: config.sunshine.appId,
    sunco_credential: sunshineCredentialOf(config),
    default_country: 'FR',
  };
  const declared = new Set((manifest.parameters ?? []).map((parameter) => parameter.name));
  return { ...manifestDefaults(manifest), ...Object.fromEntries(Object.entries(working).filter(([name]) => declared.has(name))) };
}

/**
 * The emulated Sunshine key as an admin saves it in the app's secure setting: `base64(keyId:secret)`,
 * the Basic credentials Sunshine expects, which Zendesk's proxy puts in a header as it is.
 */
export function sunshineCredentialOf(config: EmulatorConfig): string {
  return Buffer.from(`${config.sunshine.keyId}:${config.sunshine.keySecret}`, 'utf8').toString('base64');
}

export interface RegisteredInstallation extends Installation {
  readonly id: number;
  readonly appId: number;
}

export interface CreateInstallationOptions {
  manifest?: ManifestWithDefaults;
  /** The settings the admin entered (default: `configuredSettings`), restored by `emulator.reset()`. */
  settings?: Settings;
  currentUserId?: number;
  /** The installation id (default: the lowest free one from 900101). */
  id?: number;
  appId?: number;
}

/**
 * Installs the app on the emulated account and returns the handle the proxy works with. Its
 * `settings` read and write the account's installation record, so they are always the current
 * ones, whoever changed them (the Apps API, the sandbox's settings page, a test).
 */
export function createInstallation(emulator: Emulator, options: CreateInstallationOptions = {}): RegisteredInstallation {
  const manifest = options.manifest ?? readAppManifest();
  const id = options.id ?? emulator.zendesk.installations.nextId();
  const appId = options.appId ?? DEFAULT_APP_ID;
  const first = emulator.install({ id, appId, manifest, settings: options.settings ?? configuredSettings(emulator.config, manifest) });
  // After `emulator.reset()` the account holds a new record with the same id: look it up each time.
  const record = () => emulator.zendesk.installations.get(id) ?? first;
  return {
    id,
    appId,
    manifest,
    currentUserId: options.currentUserId ?? 1,
    get settings(): Settings {
      return record().settings;
    },
    set settings(settings: Settings) {
      const target = record();
      target.settings = { ...settings };
      target.updatedAt = emulator.clock.now();
    },
  };
}

/**
 * What `client.metadata().settings` exposes: the non-secure settings that have a value. Secure
 * parameters never reach the browser.
 */
export function publicSettings(manifest: AppManifest, settings: Settings): Record<string, SettingValue> {
  return visibleSettings(manifest, settings);
}
