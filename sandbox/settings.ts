import type { EmulatorConfig } from '../emulator/config';
import { configuredSettings, type Settings } from '../emulator/installation';
import type { SettingValue } from '../emulator/zafProxy';
import type { SettingField, SettingsUpdate } from './apiTypes';
import type { AppPackage, SandboxManifest, SandboxManifestParameter } from './appPackage';

/**
 * The app's installation settings, as Zendesk's admin keeps them: secure values stay on the server,
 * the browser only learns whether they are set.
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

export type SettingsUpdateResult = { ok: true; settings: Settings } | { ok: false; errors: Record<string, string> };

/**
 * Applies the admin form. Parameters absent from the update keep their value; an empty secure field
 * keeps its value too (the form never shows it); an empty non-secure field clears it. Fails when a
 * value has the wrong type or a required parameter ends up without a value.
 */
export function applySettingsUpdate(manifest: SandboxManifest, current: Settings, update: SettingsUpdate['settings']): SettingsUpdateResult {
  const next: Settings = { ...current };
  const errors: Record<string, string> = {};
  const parameters = new Map((manifest.parameters ?? []).map((parameter) => [parameter.name, parameter]));

  for (const [name, raw] of Object.entries(update)) {
    const parameter = parameters.get(name);
    if (!parameter) {
      errors[name] = 'is not a parameter of this app';
      continue;
    }
    const empty = raw === null || raw === '';
    if (empty) {
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

function coerce(parameter: SandboxManifestParameter, raw: SettingValue): SettingValue | undefined {
  switch (parameter.type) {
    case 'number': {
      const number = typeof raw === 'number' ? raw : Number(String(raw).trim());
      return Number.isFinite(number) ? number : undefined;
    }
    case 'checkbox':
      if (typeof raw === 'boolean') return raw;
      if (raw === 'true' || raw === 'false') return raw === 'true';
      return undefined;
    default:
      return String(raw);
  }
}
