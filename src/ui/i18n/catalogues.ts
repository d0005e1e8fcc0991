import type { Locale } from './locale';
import { flattenCatalogue, type Messages } from './translator';

/**
 * The agent's catalogue, downloaded on its own: each translations/<locale>.json is a chunk of its
 * own, so an agent never downloads a language they do not read. A sidebar, which an agent opens on
 * every ticket, first downloads only the namespaces it shows first (firstNamespaces.ts, a few kB),
 * then the whole catalogue once that part is shown.
 */

export type CataloguePart = 'first' | 'all';

const LOADERS: Record<CataloguePart, Record<Locale, () => Promise<{ default: unknown }>>> = {
  first: {
    en: () => import('virtual:herald/firstCatalogue-en'),
    fr: () => import('virtual:herald/firstCatalogue-fr'),
  },
  all: {
    en: () => import('../../../translations/en.json'),
    fr: () => import('../../../translations/fr.json'),
  },
};

const downloads = new Map<string, Promise<Messages>>();

/** The locale's strings, the first namespaces or all of them; one download each, tried again after a failure. */
export function loadMessages(locale: Locale, part: CataloguePart = 'all'): Promise<Messages> {
  const key = `${part}:${locale}`;
  let download = downloads.get(key);
  if (!download) {
    download = LOADERS[part][locale]().then((module) => flattenCatalogue(module.default));
    downloads.set(key, download);
    download.catch(() => downloads.delete(key));
  }
  return download;
}
