import en from '../../../translations/en.json';
import fr from '../../../translations/fr.json';
import type { Locale } from './locale';
import { flattenCatalogue, translatorOf, type Translate } from './translator';

export type { MessageKey, MessageVars, Translate } from './translator';

/**
 * Every catalogue, bundled: for tests and Node tools, which translate synchronously. The app never
 * imports a value from here (that would bundle both languages into every location): it loads the
 * agent's catalogue alone through catalogues.ts (a build test checks it).
 */
const catalogues: Record<Locale, Map<string, string>> = {
  en: flattenCatalogue(en),
  fr: flattenCatalogue(fr),
};

/** The translator the app builds once the locale's catalogue has arrived. */
export function createTranslator(locale: Locale): Translate {
  return translatorOf(locale, catalogues[locale]);
}
