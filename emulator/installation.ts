import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EmulatorConfig } from './config';
import type { Emulator } from './index';
import type { AppManifest, Installation, ManifestParameter, SettingValue } from './zafProxy';

/**
 * An app installation as Zendesk keeps it: the manifest the proxy enforces and the settings an
 * admin entered. Shared by the sandbox and the Node tests so both play the same installation.
 */

const manifestPath = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'manifest.json');

export type Settings = Record<string, SettingValue | undefined>;

export interface ManifestWithDefaults extends AppManifest {
  parameters?: Array<ManifestParameter & { default?: SettingValue }>;
}

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
    sunco_key_id: config.sunshine.keyId,
    sunco_key_secret: config.sunshine.keySecret,
    default_country: 'FR',
  };
  const declared = new Set((manifest.parameters ?? []).map((parameter) => parameter.name));
  return { ...manifestDefaults(manifest), ...Object.fromEntries(Object.entries(working).filter(([name]) => declared.has(name))) };
}

export function createInstallation(
  emulator: Emulator,
  options: { manifest?: ManifestWithDefaults; settings?: Settings; currentUserId?: number } = {},
): Installation {
  const manifest = options.manifest ?? readAppManifest();
  return {
    manifest,
    settings: options.settings ?? configuredSettings(emulator.config, manifest),
    currentUserId: options.currentUserId ?? 1,
  };
}

/**
 * What `client.metadata().settings` exposes: the non-secure settings that have a value. Secure
 * parameters never reach the browser.
 */
export function publicSettings(manifest: AppManifest, settings: Settings): Record<string, SettingValue> {
  const visible: Record<string, SettingValue> = {};
  for (const parameter of manifest.parameters ?? []) {
    const value = settings[parameter.name];
    if (parameter.secure || value === undefined || value === '') continue;
    visible[parameter.name] = value;
  }
  return visible;
}
