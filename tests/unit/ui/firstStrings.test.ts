import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../../translations/en.json';
import { FIRST_NAMESPACES } from '../../../src/ui/i18n/firstNamespaces';

/**
 * A sidebar first downloads only the strings of FIRST_NAMESPACES; a part declared
 * `lazyPart(…, { strings: 'first' })` is shown before the rest arrives. Every key its code (and
 * the code it imports from src/ui) translates must then be among them, or an agent would read a
 * key instead of a sentence.
 */
const ui = path.resolve(__dirname, '../../../src/ui');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(path.join(dir, entry.name)) : /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path.join(dir, entry.name)] : [],
  );
}

function resolveModule(from: string, specifier: string): string | undefined {
  const base = path.resolve(path.dirname(from), specifier);
  return [`${base}.tsx`, `${base}.ts`, path.join(base, 'index.ts')].find((file) => existsSync(file));
}

/** The module and what it imports at run time (not `import type`, not `import()`), inside src/ui. */
function closure(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const match of readFileSync(file, 'utf8').matchAll(/^import\s+(?!type\b)[^;]*?from\s+'(\.[^']+)'/gms)) {
      const target = resolveModule(file, match[1]!);
      if (target?.startsWith(ui)) visit(target);
    }
  };
  visit(entry);
  return seen;
}

/** The parts declared to need only the first strings: the module each one loads. */
function firstStringParts(): { declaredIn: string; module: string }[] {
  return sources(ui).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/lazyPart(?:<[^>]*>+)?\(\s*\(\)\s*=>\s*import\('([^']+)'\)[^;]*?strings:\s*'first'/gs)].map((match) => {
      const module = resolveModule(file, match[1]!);
      if (!module) throw new Error(`${match[1]} from ${file} not found`);
      return { declaredIn: path.relative(ui, file), module };
    }),
  );
}

/** Namespaces of the keys translated in a file: t('ns.…'), t(`ns.…`). */
function namespacesIn(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(/\bt\(\s*['`]([A-Za-z]+)\./g)].map((match) => match[1]!);
}

describe("a sidebar's first strings", () => {
  const parts = firstStringParts();

  it('are declared for the sidebars, their contact panel and its phone check', () => {
    expect(parts.map((part) => path.relative(ui, part.module)).sort()).toEqual(
      ['components/ContactPanel.tsx', 'components/PhoneAssessment.tsx', 'locations/TicketSidebarApp.tsx', 'locations/UserSidebarApp.tsx'].sort(),
    );
  });

  it('hold every key such a part shows', () => {
    for (const part of parts) {
      for (const file of closure(part.module)) {
        for (const namespace of namespacesIn(file)) {
          expect(FIRST_NAMESPACES as readonly string[], `${path.relative(ui, file)} (loaded by ${part.declaredIn}) says ${namespace}.…`).toContain(namespace);
        }
      }
    }
  });

  it('are namespaces of the catalogue', () => {
    for (const namespace of FIRST_NAMESPACES) expect(Object.keys(en)).toContain(namespace);
  });
});
