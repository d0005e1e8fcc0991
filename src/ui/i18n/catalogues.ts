import type { Locale } from './locale';
import { flattenCatalogue, type Messages } from './translator';

/**
 * The agent's catalogue, downloaded on its own: each translations/<locale>.json is a chunk of its
 * own, so an agent never downloads a language they do not read.
 */
const LOADERS: Record<Locale, () => Promise<{ default: unknown }>> = {
  en: () => import('../../../translations/en.json'),
  fr: () => import('../../../translations/fr.json'),
};

const downloads = new Map<Locale, Promise<Messages>>();

/** The locale's strings; one download per locale, tried again after a failure. */
export function loadMessages(locale: Locale): Promise<Messages> {
  let download = downloads.get(locale);
  if (!download) {
    download = LOADERS[locale]().then((module) => flattenCatalogue(module.default));
    downloads.set(locale, download);
    download.catch(() => downloads.delete(locale));
  }
  return download;
}
