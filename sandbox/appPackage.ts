import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { AppManifest, ManifestParameter, SettingValue } from '../emulator/zendesk/appInstallations';
import type { ManifestLocation } from './apiTypes';

/** The built app's manifest and English translations, read from its directory (`dist/`). */

export interface SandboxManifestParameter extends ManifestParameter {
  required?: boolean;
  default?: SettingValue;
}

export interface SandboxManifest extends AppManifest {
  name: string;
  version: string;
  location?: { support?: Record<string, ManifestLocation> };
  parameters?: SandboxManifestParameter[];
}

export interface ParameterTranslation {
  label?: string;
  helpText?: string;
}

export interface AppPackage {
  manifest: SandboxManifest;
  /** `app.parameters` of `translations/en.json`: the labels and help texts of the settings form. */
  parameterTranslations: Record<string, ParameterTranslation>;
}

export async function readAppPackage(distDir: string): Promise<AppPackage> {
  const manifestPath = path.join(distDir, 'manifest.json');
  const manifest = (await readJson(manifestPath)) as SandboxManifest | undefined;
  if (!manifest) throw new Error(`No app manifest at ${manifestPath}: build the app first (npm run build).`);
  const translations = (await readJson(path.join(distDir, 'translations', 'en.json'))) as
    | { app?: { parameters?: Record<string, ParameterTranslation> } }
    | undefined;
  return { manifest, parameterTranslations: translations?.app?.parameters ?? {} };
}

async function readJson(filePath: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(filePath, 'utf8');
  } catch {
    return undefined;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new Error(`${filePath} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}
