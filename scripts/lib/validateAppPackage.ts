import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { insecureHttpWarnings, secretWarnings, type PackageFile } from './contentWarnings';
import { svgWarning } from './svgSanitising';

/**
 * Zendesk validates an app package on upload (`zcli apps:validate` posts it to the account, so it
 * needs credentials). These are the same rules, checked locally on `dist/` so that CI catches a
 * package Zendesk would refuse, and its warnings, worded as Zendesk words them. Source:
 * zendesk_apps_support validations, summarised in ../shared/reference/zendesk-apps.md §2.5; the
 * warnings about files' text and SVGs are in contentWarnings.ts and svgSanitising.ts.
 */

export interface PackageReport {
  errors: string[];
  warnings: string[];
}

const SUPPORT_LOCATIONS = new Set([
  'top_bar', 'nav_bar', 'ticket_sidebar', 'new_ticket_sidebar', 'user_sidebar', 'organization_sidebar',
  'background', 'modal', 'ticket_editor', 'system_top_bar',
]);
const PARAMETER_TYPES = new Set(['text', 'checkbox', 'url', 'number', 'multiline', 'hidden', 'oauth']);
const SCOPES = new Set(['header', 'body', 'url', 'jwt_secret_key', 'jwt_claim', 'basic_auth_username', 'basic_auth_password']);
const FORBIDDEN_EXTENSIONS = new Set(['.zip', '.gz', '.gzip', '.rar', '.pdf', '.doc', '.docx', '.sh', '.jar', '.mp3', '.xls', '.xlsx', '.7z']);
const BOOLEAN_FLAGS = ['private', 'singleInstall', 'signedUrls', 'requirementsOnly', 'marketingOnly'];
const TRANSLATION_FILE = /^[a-z]{2,3}(-\w{2,3})?\.json$/;
const LOGO_SIZES: Record<string, number> = { 'assets/logo.png': 320, 'assets/logo-small.png': 128 };

type Json = Record<string, unknown>;

export function listFiles(dir: string, base = dir): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    const stat = lstatSync(full);
    if (stat.isDirectory()) return listFiles(full, base);
    return [path.relative(base, full).split(path.sep).join('/')];
  });
}

/** JSON with duplicate keys is an error for Zendesk; JSON.parse would keep the last silently. */
function readStrictJson(file: string, report: PackageReport): Json | undefined {
  try {
    return parseYaml(readFileSync(file, 'utf8'), { uniqueKeys: true, schema: 'json' }) as Json;
  } catch (error) {
    report.errors.push(`${path.basename(file)} is not valid JSON (or has duplicate keys): ${(error as Error).message.split('\n')[0]}`);
    return undefined;
  }
}

function pngSize(file: string): { width: number; height: number } | undefined {
  const bytes = readFileSync(file);
  if (bytes.length < 24 || bytes.toString('ascii', 1, 4) !== 'PNG') return undefined;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

export function validateAppPackage(dir: string): PackageReport {
  const report: PackageReport = { errors: [], warnings: [] };
  if (!existsSync(dir)) return { errors: [`${dir} does not exist: run npm run build`], warnings: [] };
  const files = listFiles(dir);

  for (const required of ['manifest.json', 'translations/en.json', 'assets/logo.png', 'assets/logo-small.png']) {
    if (!files.includes(required)) report.errors.push(`Missing required file ${required}`);
  }
  const texts: PackageFile[] = [];
  for (const file of files) {
    const full = path.join(dir, file);
    if (lstatSync(full).isSymbolicLink()) report.errors.push(`Symlinks are not allowed: ${file}`);
    if (FORBIDDEN_EXTENSIONS.has(path.extname(file).toLowerCase())) report.errors.push(`File type not allowed: ${file}`);
    if (file !== 'manifest.json' && file.endsWith('/manifest.json')) report.errors.push(`Nested manifest: ${file}`);
    if (/\.(html?|xml|jsx?|json)$/.test(file)) texts.push({ path: file, content: readFileSync(full, 'utf8') });
    if (file.endsWith('.svg')) {
      const svg = readFileSync(full, 'utf8');
      if (!/^\s*(<\?xml[^>]*>\s*)?<svg[\s>]/.test(svg)) report.errors.push(`Not an SVG document: ${file}`);
      if (/<script|\son\w+\s*=|javascript:/i.test(svg)) report.errors.push(`SVG with scripts is refused after sanitising: ${file}`);
      const sanitised = file.startsWith('assets/') ? svgWarning(file, svg) : undefined;
      if (sanitised) report.warnings.push(sanitised);
    }
  }
  report.warnings.push(...insecureHttpWarnings(texts), ...secretWarnings(texts));
  for (const [file, size] of Object.entries(LOGO_SIZES)) {
    if (!files.includes(file)) continue;
    const actual = pngSize(path.join(dir, file));
    if (!actual) report.errors.push(`${file} is not a PNG image`);
    else if (actual.width !== size || actual.height !== size) report.errors.push(`${file} must be ${size}x${size}, is ${actual.width}x${actual.height}`);
  }

  const manifest = files.includes('manifest.json') ? readStrictJson(path.join(dir, 'manifest.json'), report) : undefined;
  if (!manifest) return report;
  checkManifest(manifest, files, report);
  checkTranslations(dir, manifest, files, report);
  return report;
}

function checkManifest(manifest: Json, files: string[], report: PackageReport): void {
  const author = manifest.author as Json | undefined;
  if (!author || typeof author !== 'object') report.errors.push('manifest: author is required');
  else {
    if (!author.name) report.errors.push('manifest: author.name is required');
    if (!author.email) report.errors.push('manifest: author.email is required');
    if (author.url !== undefined && !/^https?:\/\/[^\s]+$/.test(String(author.url))) report.errors.push('manifest: author.url must be an http(s) URL');
  }
  if (!manifest.defaultLocale) report.errors.push('manifest: defaultLocale is required');
  if (manifest.frameworkVersion !== '2.0') report.errors.push('manifest: frameworkVersion must be "2.0"');
  for (const flag of BOOLEAN_FLAGS) {
    if (manifest[flag] !== undefined && typeof manifest[flag] !== 'boolean') report.errors.push(`manifest: ${flag} must be a boolean`);
  }
  if (manifest.domainWhitelist !== undefined) {
    const list = manifest.domainWhitelist;
    if (!Array.isArray(list) || list.some((entry) => typeof entry !== 'string')) report.errors.push('manifest: domainWhitelist must be an array of strings');
  }

  const location = manifest.location as Json | undefined;
  if (!location || typeof location !== 'object') report.errors.push('manifest: location is required');
  else {
    for (const [product, places] of Object.entries(location)) {
      if (product !== 'support') {
        report.warnings.push(`manifest: product ${product} is not checked here`);
        continue;
      }
      for (const [name, options] of Object.entries(places as Json)) {
        if (!SUPPORT_LOCATIONS.has(name)) report.errors.push(`manifest: unknown Support location ${name}`);
        const url = typeof options === 'string' ? options : String((options as Json).url ?? '');
        const flexible = typeof options === 'object' ? (options as Json).flexible : undefined;
        if (flexible !== undefined && typeof flexible !== 'boolean') report.errors.push(`manifest: ${name}.flexible must be a boolean`);
        if (/^[a-z]+:\/\//i.test(url)) {
          if (!url.startsWith('https://') && !/^http:\/\/localhost(:\d+)?\//.test(url)) report.errors.push(`manifest: ${name} url must be https or localhost`);
        } else if (!url.startsWith('assets/')) report.errors.push(`manifest: ${name} url must start with assets/`);
        else if (!files.includes(url.split(/[?#]/)[0] ?? url)) report.errors.push(`manifest: ${name} url ${url} is not in the package`);
      }
    }
  }

  const parameters = (manifest.parameters ?? []) as Json[];
  if (!Array.isArray(parameters)) {
    report.errors.push('manifest: parameters must be an array');
    return;
  }
  const names = new Set<string>();
  // Zendesk words each of these once for the whole manifest (Validations::SecureSettings).
  const looksSecret: string[] = [];
  const defaulted: string[] = [];
  const unscoped: string[] = [];
  for (const parameter of parameters) {
    const name = String(parameter.name ?? '');
    if (!name) report.errors.push('manifest: a parameter has no name');
    if (name === 'name') report.errors.push('manifest: "name" is a reserved parameter name');
    if (names.has(name)) report.errors.push(`manifest: duplicate parameter ${name}`);
    names.add(name);
    const type = String(parameter.type ?? 'text');
    if (!PARAMETER_TYPES.has(type)) report.errors.push(`manifest: parameter ${name} has invalid type ${type}`);
    for (const flag of ['required', 'secure']) {
      if (parameter[flag] !== undefined && typeof parameter[flag] !== 'boolean') report.errors.push(`manifest: parameter ${name}.${flag} must be a boolean`);
    }
    if (type === 'hidden' && parameter.required === true) report.errors.push(`manifest: hidden parameter ${name} cannot be required`);
    if (type === 'oauth' && parameter.secure === true) report.errors.push(`manifest: oauth parameter ${name} cannot be secure`);
    if (parameter.scopes !== undefined) {
      const scopes = parameter.scopes;
      if (parameter.secure !== true) report.errors.push(`manifest: scopes are only allowed on secure parameters (${name})`);
      if (!Array.isArray(scopes) || scopes.length === 0 || scopes.some((scope) => !SCOPES.has(String(scope)))) {
        report.errors.push(`manifest: parameter ${name} has invalid scopes`);
      }
    } else if (parameter.secure === true) unscoped.push(name);
    if ((parameter.secure === true || type === 'hidden') && parameter.default !== undefined) defaulted.push(name);
    if (parameter.secure !== true && (type === 'text' || type === 'password') && /token|key|pwd|password/i.test(name)) looksSecret.push(name);
  }
  if (looksSecret.length > 0) report.warnings.push(`manifest: make sure to set secure to true when using keys in settings (${looksSecret.join(', ')})`);
  if (defaulted.length > 0) report.warnings.push(`manifest: default values for secure or hidden parameters are not stored securely (${defaulted.join(', ')})`);
  if (unscoped.length > 0) report.warnings.push(`manifest: secure parameters without scopes: ${unscoped.join(', ')}`);
  if (parameters.filter((parameter) => parameter.type === 'oauth').length > 1) report.errors.push('manifest: only one oauth parameter is allowed');
}

function checkTranslations(dir: string, manifest: Json, files: string[], report: PackageReport): void {
  const translations = files.filter((file) => file.startsWith('translations/'));
  for (const file of translations) {
    if (!TRANSLATION_FILE.test(path.basename(file))) report.errors.push(`Invalid translation file name ${file}`);
  }
  const defaultLocale = String(manifest.defaultLocale ?? 'en');
  if (!files.includes(`translations/${defaultLocale}.json`)) report.errors.push(`Missing translations/${defaultLocale}.json`);
  const parameters = ((manifest.parameters ?? []) as Json[]).map((parameter) => String(parameter.name));
  for (const file of translations) {
    const catalogue = readStrictJson(path.join(dir, file), report);
    const app = catalogue?.app as Json | undefined;
    if (!app) {
      report.errors.push(`${file}: the app block is missing`);
      continue;
    }
    const required = file === 'translations/en.json' ? ['name', 'short_description', 'long_description', 'installation_instructions'] : ['name'];
    for (const key of required) if (!app[key]) report.errors.push(`${file}: app.${key} is required`);
    const labels = (app.parameters ?? {}) as Json;
    for (const parameter of parameters) {
      const entry = labels[parameter] as Json | undefined;
      if (!entry || typeof entry !== 'object' || !entry.label) report.errors.push(`${file}: app.parameters.${parameter}.label is required`);
      else if (!entry.helpText) report.warnings.push(`${file}: app.parameters.${parameter}.helpText is missing`);
    }
  }
}
