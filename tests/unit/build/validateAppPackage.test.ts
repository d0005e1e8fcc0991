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

  it('warns about plain http:// URLs in scripts but not about the SVG namespace', () => {
    const dir = packageCopy();
    writeFileSync(path.join(dir, 'assets/app.js'), 'fetch("http://tracker.example.com")');
    const { warnings } = validateAppPackage(dir);
    expect(warnings).toEqual(['Plain http:// URL in assets/app.js']);
  });
});
