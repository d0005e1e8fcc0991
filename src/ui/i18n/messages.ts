import en from '../../../translations/en.json';
import fr from '../../../translations/fr.json';
import type { Locale } from './locale';

/**
 * UI strings live in translations/<locale>.json next to the `app` block Zendesk reads. Keys are
 * checked at compile time against en.json; tests check that fr.json has the same keys.
 */
type Catalogue = typeof en;

type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string
    ? `${Prefix}${K}`
    : T[K] extends { one: string; other: string }
      ? `${Prefix}${K}` | Leaves<T[K], `${Prefix}${K}.`>
      : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

export type MessageKey = Leaves<Catalogue>;

export type MessageVars = Record<string, string | number>;

function flatten(node: unknown, prefix: string, into: Map<string, string>): Map<string, string> {
  if (typeof node === 'string') into.set(prefix, node);
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) flatten(value, prefix ? `${prefix}.${key}` : key, into);
  }
  return into;
}

const catalogues: Record<Locale, Map<string, string>> = {
  en: flatten(en, '', new Map()),
  fr: flatten(fr, '', new Map()),
};

export function catalogueKeys(locale: Locale): string[] {
  return [...catalogues[locale].keys()];
}

export type Translate = (key: MessageKey, vars?: MessageVars) => string;

/**
 * A translator for one locale: `{{name}}` placeholders are filled from `vars`; with a numeric
 * `count`, `key.one` / `key.other` are chosen by the locale's plural rules. A missing French string
 * falls back to English, a missing key shows the key itself (and a test fails).
 */
export function createTranslator(locale: Locale): Translate {
  const plural = new Intl.PluralRules(locale);
  const number = new Intl.NumberFormat(locale);
  return (key, vars = {}) => {
    let lookup: string = key;
    if (typeof vars.count === 'number') {
      const category = `${key}.${plural.select(vars.count)}`;
      lookup = catalogues[locale].has(category) || catalogues.en.has(category) ? category : `${key}.other`;
    }
    const template = catalogues[locale].get(lookup) ?? catalogues.en.get(lookup) ?? key;
    return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => {
      const value = vars[name];
      if (value === undefined) return whole;
      return typeof value === 'number' ? number.format(value) : value;
    });
  };
}
