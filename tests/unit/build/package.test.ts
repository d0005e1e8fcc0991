import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { createConfig } from '../../../emulator/config';
import { listFiles, validateAppPackage } from '../../../scripts/lib/validateAppPackage';

/** These tests read dist/ as `npm test` leaves it after `npm run build`. */

/** Names of XML namespaces, which React and Garden compare with, and a link in a React message: never requested. */
const NAMES_NOT_REQUESTS = [
  'http://www.w3.org/2000/svg',
  'http://www.w3.org/1999/xhtml',
  'http://www.w3.org/1999/xlink',
  'http://www.w3.org/XML/1998/namespace',
  'http://www.w3.org/1998/Math/MathML',
  'http://fb.me/use-check-prop-types',
];

/** The warnings the README's "What Zendesk's validator still says" explains: words and names, never a secret or a request. */
function isDocumentedHarmless(warning: string): boolean {
  const http = /^Possible insecure HTTP request to (.+) in assets\/[\w-]+\.js\./.exec(warning);
  if (http) return (http[1] ?? '').split(', ').every((uri) => NAMES_NOT_REQUESTS.includes(uri));
  if (/^Possible Password found in assets\/[\w-]+\.js\./.test(warning)) return true;
  const words = /^Possible secrets found in (.+)\. Consider/.exec(warning);
  if (words) return (words[1] ?? '').split(', ').every((entry) => /^(assets\/[\w-]+\.js|translations\/(en|fr)\.json) \('(password|secret)\.\.\.'\)$/.test(entry));
  return false;
}
const root = path.resolve(__dirname, '../../..');
const dist = path.join(root, 'dist');

describe('the built package', () => {
  let files: string[] = [];

  beforeAll(() => {
    if (!existsSync(path.join(dist, 'manifest.json'))) throw new Error('dist/ is missing: run npm run build (npm test does it first)');
    files = listFiles(dist);
  });

  it("passes Zendesk's validation rules, with only the warnings the README lists as harmless", () => {
    const { errors, warnings } = validateAppPackage(dist);
    expect(errors).toEqual([]);
    expect(warnings.filter((warning) => !isDocumentedHarmless(warning))).toEqual([]);
  });

  it('holds the manifest, both translations, the app page and the logos', () => {
    for (const file of ['manifest.json', 'translations/en.json', 'translations/fr.json', 'assets/index.html', 'assets/logo.png', 'assets/logo-small.png', 'assets/icon_nav_bar.svg']) {
      expect(files, file).toContain(file);
    }
  });

  it('resolves every location url inside the package', () => {
    const manifest = JSON.parse(readFileSync(path.join(dist, 'manifest.json'), 'utf8')) as { location: { support: Record<string, { url: string }> } };
    const locations = Object.entries(manifest.location.support);
    expect(locations.map(([name]) => name).sort()).toEqual(['nav_bar', 'ticket_sidebar', 'user_sidebar']);
    for (const [, { url }] of locations) expect(files).toContain(url);
  });

  it('loads the SDK from Zendesk over https before the app, with relative asset paths', () => {
    const html = readFileSync(path.join(dist, 'assets/index.html'), 'utf8');
    const sdk = html.indexOf('<script src="https://static.zdassets.com/zendesk_app_framework_sdk/2.0/zaf_sdk.min.js">');
    const app = html.search(/<script type="module" crossorigin src="\.\/index-[\w-]+\.js">/);
    expect(sdk).toBeGreaterThan(-1);
    expect(app).toBeGreaterThan(sdk);
    for (const reference of html.matchAll(/(?:src|href)="([^"]+)"/g)) {
      const target = reference[1] ?? '';
      if (target.startsWith('https://')) continue;
      expect(target.startsWith('./'), target).toBe(true);
      expect(files).toContain(`assets/${target.slice(2)}`);
    }
  });

  it('ships only the app block of the translations: UI strings are in the bundle', () => {
    for (const locale of ['en', 'fr']) {
      const catalogue = JSON.parse(readFileSync(path.join(dist, `translations/${locale}.json`), 'utf8')) as object;
      expect(Object.keys(catalogue)).toEqual(['app']);
    }
  });

  it('contains no secret', () => {
    const config = createConfig();
    const secrets = [config.sunshine.keySecret, config.sunshine.keyId, config.zendeskApiToken.token, config.zendeskOAuthToken.token, config.zendeskReadOnlyOAuthToken.token];
    for (const file of files) {
      const content = readFileSync(path.join(dist, file)).toString('latin1');
      for (const secret of secrets) expect(content.includes(secret), `${secret} in ${file}`).toBe(false);
      expect(/Basic [A-Za-z0-9+/]{20,}={0,2}/.test(content), `Basic credentials in ${file}`).toBe(false);
    }
  });

  it('is zipped by npm run package as the contents of dist/ alone', () => {
    execFileSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/package.ts'], { cwd: root, stdio: 'pipe' });
    const manifest = JSON.parse(readFileSync(path.join(dist, 'manifest.json'), 'utf8')) as { version: string };
    const zip = unzipSync(readFileSync(path.join(root, 'release', `herald-${manifest.version}.zip`)));
    expect(Object.keys(zip).sort()).toEqual([...files].sort());
    expect(Buffer.from(zip['manifest.json'] ?? new Uint8Array()).equals(readFileSync(path.join(dist, 'manifest.json')))).toBe(true);
  });
});
