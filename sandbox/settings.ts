import type { EmulatorConfig } from '../emulator/config';
import { configuredSettings, type Settings } from '../emulator/installation';
import type { SettingField } from './apiTypes';
import type { AppPackage, SandboxManifest } from './appPackage';

/**
 * The app's installation settings, as Zendesk's admin keeps them: secure values stay on the server,
 * the browser only learns whether they are set. The values live in the emulated account's
 * installation record (`emulator.zendesk.installations`), which the Apps API changes too.
 */

/** Manifest defaults and a configuration that works with the emulator, then the caller's overrides. */
export function defaultSettings(manifest: SandboxManifest, config: EmulatorConfig, overrides: Settings = {}): Settings {
  return { ...configuredSettings(config, manifest), ...overrides };
}

/** What a first-time admin sees: nothing set, not even the manifest defaults. */
export function emptySettings(): Settings {
  return {};
}

/** The settings form: one field per parameter, secure values replaced by whether they are set. */
export function settingFields(appPackage: AppPackage, settings: Settings): SettingField[] {
  return (appPackage.manifest.parameters ?? []).map((parameter) => {
    const translation = appPackage.parameterTranslations[parameter.name] ?? {};
    const field: SettingField = {
      name: parameter.name,
      type: parameter.type ?? 'text',
      required: parameter.required === true,
      secure: parameter.secure === true,
      label: translation.label ?? parameter.name,
    };
    if (translation.helpText !== undefined) field.helpText = translation.helpText;
    const value = settings[parameter.name];
    if (parameter.secure) field.isSet = value !== undefined && value !== '';
    else if (value !== undefined) field.value = value;
    return field;
  });
}

/** Applies the admin form: the emulated account's own rules (see emulator/zendesk/appInstallations.ts). */
export { applySettingsUpdate, type SettingsUpdateResult } from '../emulator/zendesk/appInstallations';
