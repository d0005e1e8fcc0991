import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import { listFiles, validateAppPackage } from './lib/validateAppPackage';

/**
 * Zips the contents of dist/ (not the folder itself: Zendesk refuses a nested manifest) into
 * release/herald-<version>.zip, after the local validation passes.
 */
const root = process.cwd();
const dist = path.join(root, 'dist');
const report = validateAppPackage(dist);
for (const warning of report.warnings) console.log(`warning: ${warning}`);
if (report.errors.length > 0) {
  for (const error of report.errors) console.log(`error: ${error}`);
  console.log('The package was not written.');
  process.exit(1);
}

const manifest = JSON.parse(readFileSync(path.join(dist, 'manifest.json'), 'utf8')) as { version: string };
const entries: Zippable = {};
for (const file of listFiles(dist).sort()) entries[file] = readFileSync(path.join(dist, file));
const zip = zipSync(entries, { level: 9, mtime: new Date('2026-01-01T00:00:00Z') });

const out = path.join(root, 'release', `herald-${manifest.version}.zip`);
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, zip);
console.log(`Wrote ${path.relative(root, out)} (${Object.keys(entries).length} files, ${(zip.length / 1024).toFixed(0)} KiB). Upload it in Admin Center or with zcli apps:create dist.`);
