import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { validateAppPackage } from '../../../scripts/lib/validateAppPackage';

const root = path.resolve(__dirname, '../../..');
const created: string[] = [];

/** A copy of the real sources laid out as a package, which a test then breaks in one way. */
function packageCopy(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'herald-package-'));
  created.push(dir);
  cpSync(path.join(root, 'manifest.json'), path.join(dir, 'manifest.json'));
  cpSync(path.join(root, 'translations'), path.join(dir, 'translations'), { recursive: true });
  cpSync(path.join(root, 'assets'), path.join(dir, 'assets'), { recursive: true });
  writeFileSync(path.join(dir, 'assets/index.html'), '<!doctype html><title>x</title>');
  return dir;
}

function editManifest(dir: string, edit: (manifest: Record<string, unknown>) => void): void {
  const file = path.join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  edit(manifest);
  writeFileSync(file, JSON.stringify(manifest));
}

afterEach(() => {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('validateAppPackage', () => {
  it('accepts the sources laid out as a package', () => {
    expect(validateAppPackage(packageCopy()).errors).toEqual([]);
  });

  it('refuses location urls outside assets/ or missing from the package', () => {
    const dir = packageCopy();
    editManifest(dir, (manifest) => {
      const support = (manifest.location as { support: Record<string, { url: string }> }).support;
      support.nav_bar = { url: 'index.html' };
      support.ticket_sidebar = { url: 'assets/missing.html' };
      support.user_sidebar = { url: 'http://example.com/app' };
    });
    const { errors } = validateAppPackage(dir);
    expect(errors).toContain('manifest: nav_bar url must start with assets/');
    expect(errors).toContain('manifest: ticket_sidebar url assets/missing.html is not in the package');
    expect(errors).toContain('manifest: user_sidebar url must be https or localhost');
  });

  it('refuses the parameter mistakes Zendesk refuses', () => {
    const dir = packageCopy();
    editManifest(dir, (manifest) => {
      const parameters = manifest.parameters as Array<Record<string, unknown>>;
      parameters.push({ name: 'name', type: 'text' });
      parameters.push({ name: 'api_scope', type: 'text', scopes: ['header'] });
      parameters.push({ name: 'bad_type', type: 'dropdown' });
      parameters.push({ name: 'bad_type', type: 'text' });
    });
    const { errors } = validateAppPackage(dir);
    expect(errors).toEqual(
      expect.arrayContaining([
        'manifest: "name" is a reserved parameter name',
        'manifest: scopes are only allowed on secure parameters (api_scope)',
        'manifest: parameter bad_type has invalid type dropdown',
        'manifest: duplicate parameter bad_type',
        'translations/en.json: app.parameters.api_scope.label is required',
      ]),
    );
  });

  it('refuses duplicate keys, nested manifests, symlinks, forbidden files and wrong logo sizes', () => {
    const dir = packageCopy();
    writeFileSync(path.join(dir, 'manifest.json'), readFileSync(path.join(dir, 'manifest.json'), 'utf8').replace('"private": true,', '"private": true, "private": false,'));
    mkdirSync(path.join(dir, 'assets/nested'));
    writeFileSync(path.join(dir, 'assets/nested/manifest.json'), '{}');
    writeFileSync(path.join(dir, 'assets/run.sh'), 'echo');
    symlinkSync(path.join(dir, 'assets/logo.png'), path.join(dir, 'assets/link.png'));
    cpSync(path.join(dir, 'assets/logo-small.png'), path.join(dir, 'assets/logo.png'));
    const { errors } = validateAppPackage(dir);
    expect(errors.some((error) => error.startsWith('manifest.json is not valid JSON (or has duplicate keys)'))).toBe(true);
    expect(errors).toEqual(
      expect.arrayContaining([
        'Nested manifest: assets/nested/manifest.json',
        'File type not allowed: assets/run.sh',
        'Symlinks are not allowed: assets/link.png',
        'assets/logo.png must be 320x320, is 128x128',
      ]),
    );
  });

  it('warns, as Zendesk does, about any http: URI in a script or page, escaped or not, and not in other files', () => {
    const dir = packageCopy();
    writeFileSync(path.join(dir, 'assets/app.js'), 'const ns = "http:\\/\\/www.w3.org/2000/svg"; fetch("HTTP://tracker.example.com/p");');
    writeFileSync(path.join(dir, 'assets/index.html'), '<!doctype html><a href="http://example.com">x</a>');
    writeFileSync(path.join(dir, 'assets/notes.css'), 'a { background: url(http://example.com/x.png) }');
    const http = validateAppPackage(dir).warnings.filter((warning) => warning.includes('HTTP request'));
    expect(http).toEqual([
      'Possible insecure HTTP request to http:\\/\\/www.w3.org/2000/svg, HTTP://tracker.example.com/p in assets/app.js. Consider using the HTTPS protocol instead.',
      'Possible insecure HTTP request to http://example.com in assets/index.html. Consider using the HTTPS protocol instead.',
    ]);
  });

  it("lists, in one warning, every text file holding a word of Zendesk's secret-keyword list, as it is written", () => {
    const dir = packageCopy();
    writeFileSync(path.join(dir, 'translations/en.json'), JSON.stringify({ app: { name: 'Herald', short_description: 'x', long_description: 'x', installation_instructions: 'x', parameters: {} } }));
    writeFileSync(path.join(dir, 'translations/fr.json'), JSON.stringify({ app: { name: 'Herald', parameters: {} } }));
    editManifest(dir, (manifest) => {
      manifest.parameters = [{ name: 'login', type: 'text', secure: true, scopes: ['basic_auth_username'] }];
    });
    writeFileSync(path.join(dir, 'assets/app.js'), 'const Secret = 1; const api_key = 2;');
    writeFileSync(path.join(dir, 'assets/data.xml'), '<a>Secret</a>');
    const words = validateAppPackage(dir).warnings.filter((warning) => warning.startsWith('Possible secrets'));
    expect(words).toEqual([
      "Possible secrets found in assets/app.js ('api_key...'), manifest.json ('auth_user...'). Consider reviewing the contents of these files before submitting your app.",
    ]);
  });

  it('warns about a value shaped like a password or a token, once per file and kind', () => {
    const dir = packageCopy();
    writeFileSync(path.join(dir, 'assets/app.js'), 'const input = { type: "password", autoComplete: "off" };\nconst header = "token: abcdef";');
    const shapes = validateAppPackage(dir).warnings.filter((warning) => /^Possible [A-Z]\w* found in assets\/app\.js/.test(warning));
    expect(shapes).toEqual([
      'Possible Password found in assets/app.js. Consider reviewing the contents of this file before submitting your app.',
      'Possible Token found in assets/app.js. Consider reviewing the contents of this file before submitting your app.',
    ]);
  });

  it("warns about an SVG in assets/ that Zendesk's sanitiser would edit, and not about the app's own", () => {
    const dir = packageCopy();
    expect(validateAppPackage(dir).warnings.filter((warning) => warning.includes('.svg'))).toEqual([]);
    writeFileSync(path.join(dir, 'assets/icon_nav_bar.svg'), '<svg xmlns="http://www.w3.org/2000/svg" focusable="false" viewBox="0 0 18 18"><path d="M0 0h1"/></svg>');
    expect(validateAppPackage(dir).warnings.filter((warning) => warning.includes('.svg'))).toEqual([
      'The markup in assets/icon_nav_bar.svg has been edited for use in Zendesk and may not display as intended (the attribute focusable on <svg>).',
    ]);
  });

  it('words the secure-settings warnings once for the whole manifest, as Zendesk does', () => {
    const dir = packageCopy();
    editManifest(dir, (manifest) => {
      const parameters = manifest.parameters as Array<Record<string, unknown>>;
      parameters.push({ name: 'api_token', type: 'text' }, { name: 'webhook_key', type: 'text' }, { name: 'bare', type: 'text', secure: true });
    });
    const manifestWarnings = validateAppPackage(dir).warnings.filter((warning) => warning.startsWith('manifest:'));
    expect(manifestWarnings).toEqual(['manifest: make sure to set secure to true when using keys in settings (api_token, webhook_key)', 'manifest: secure parameters without scopes: bare']);
  });
});
