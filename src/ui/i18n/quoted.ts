import type { Locale } from './locale';

/** A name as each language quotes it in running text: “Spring sale”, « Soldes de printemps » (with no-break spaces). */
export function quoted(locale: Locale, text: string): string {
  return locale === 'fr' ? `«\u00a0${text}\u00a0»` : `“${text}”`;
}
