import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { FIRST_CATALOGUE_PREFIX, FIRST_NAMESPACES } from './src/ui/i18n/firstNamespaces';

const root = path.dirname(fileURLToPath(import.meta.url));
// `HERALD_DIST` builds elsewhere (a second build while browser tests read the first one).
const dist = process.env.HERALD_DIST ? path.resolve(process.env.HERALD_DIST) : path.join(root, 'dist');

/**
 * Lays out `dist/` as Zendesk installs it: `manifest.json`, `translations/*.json` (the `app` block
 * only: UI strings are bundled into the app) and everything else under `assets/`.
 */
function zendeskPackage(): Plugin {
  return {
    name: 'herald-zendesk-package',
    apply: 'build',
    buildStart() {
      rmSync(dist, { recursive: true, force: true });
    },
    closeBundle() {
      cpSync(path.join(root, 'manifest.json'), path.join(dist, 'manifest.json'));
      mkdirSync(path.join(dist, 'translations'), { recursive: true });
      for (const locale of ['en', 'fr']) {
        const catalogue = JSON.parse(readFileSync(path.join(root, 'translations', `${locale}.json`), 'utf8')) as { app: unknown };
        writeFileSync(path.join(dist, 'translations', `${locale}.json`), `${JSON.stringify({ app: catalogue.app }, null, 2)}\n`);
      }
    },
  };
}

/**
 * `virtual:herald/firstCatalogue-<locale>`: the namespaces a sidebar shows first
 * (firstNamespaces.ts) of translations/<locale>.json, as a module of their own. Importing them
 * by name from the JSON would not do: the whole catalogue is also downloaded, so the JSON becomes
 * a chunk of its own and the first part would only point into it.
 */
function firstCatalogues(): Plugin {
  const resolved = `\0${FIRST_CATALOGUE_PREFIX}`;
  return {
    name: 'herald-first-catalogue',
    resolveId(id) {
      return id.startsWith(FIRST_CATALOGUE_PREFIX) ? `\0${id}` : undefined;
    },
    load(id) {
      if (!id.startsWith(resolved)) return undefined;
      const locale = id.slice(resolved.length);
      if (!/^[a-z]{2}$/.test(locale)) this.error(`No catalogue for "${locale}"`);
      const file = path.join(root, 'translations', `${locale}.json`);
      this.addWatchFile(file);
      const catalogue = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
      const part = Object.fromEntries(FIRST_NAMESPACES.map((namespace) => [namespace, catalogue[namespace]]));
      // JSON.parse of a string literal: parsed faster than the same object as JavaScript.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(part))});`;
    },
  };
}

/** What a chunk group's `name` function may ask about a module (rolldown's ChunkingContext). */
interface ChunkingContext {
  getModuleInfo(id: string): { importedIds: readonly string[] } | null;
}

/**
 * The app's modules (not the libraries') that both sidebars import statically, to one chunk:
 * reading the ticket and the user, showing an error, `useAsync`… Left to the automatic split,
 * they make five chunks of a few hundred bytes each, because the nav bar and the later parts of
 * each sidebar share different subsets of them; each costs the sidebar a request and its headers.
 * The libraries are left out because a library's imports (a barrel's re-exports, side-effect-only
 * imports a bundler drops) would bring in parts that only the nav bar uses.
 */
function sidebarsFirst() {
  const roots = ['TicketSidebarApp.tsx', 'UserSidebarApp.tsx'].map((file) => path.join(root, 'src', 'ui', 'locations', file));
  const isLibrary = (id: string) => id.includes('node_modules') || !path.isAbsolute(id);
  const sharedOf = (ctx: ChunkingContext) => {
    const closures = roots.map((start) => {
      const seen = new Set<string>();
      const visit = (id: string) => {
        if (seen.has(id) || isLibrary(id)) return;
        seen.add(id);
        for (const imported of ctx.getModuleInfo(id)?.importedIds ?? []) visit(imported);
      };
      visit(start);
      return seen;
    });
    return new Set([...closures[0]!].filter((id) => !roots.includes(id) && closures.every((closure) => closure.has(id))));
  };
  // One computation per chunking pass (the context is the pass's).
  const passes = new WeakMap<ChunkingContext, Set<string>>();
  return (id: string, ctx: ChunkingContext) => {
    const shared = passes.get(ctx) ?? sharedOf(ctx);
    passes.set(ctx, shared);
    return shared.has(id) ? 'sidebars' : null;
  };
}

export default defineConfig({
  root: path.join(root, 'src'),
  base: './',
  publicDir: path.join(root, 'assets'),
  plugins: [zendeskPackage(), firstCatalogues()],
  // Web workers (the sending engine's clock) are bundled apart, with their own plugins.
  build: {
    outDir: path.join(dist, 'assets'),
    assetsDir: '',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // Every module the entry imports statically, in the entry's chunk: each location downloads
            // them all before anything else anyway, so one script instead of the seven shared chunks the
            // automatic split cuts them into (each a request, and compressed alone). The tag follows
            // every import, so the few Garden styles that Garden's components import for nothing (its
            // Dots import the Progress bar's styles) come along: well under a kilobyte, gzipped.
            { name: 'shell', tags: ['$initial'] },
            { name: sidebarsFirst(), debugName: 'sidebars' },
          ],
        },
      },
    },
  },
});
