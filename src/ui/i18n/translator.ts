import type en from '../../../translations/en.json';
import type { Locale } from './locale';

/**
 * UI strings live in translations/<locale>.json next to the `app` block Zendesk reads. Keys are
 * checked at compile time against en.json; tests check that every catalogue has the same keys.
 * This module holds no catalogue: the app loads the agent's alone (catalogues.ts).
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

/** A catalogue's strings by dotted key. */
export type Messages = ReadonlyMap<string, string>;

export type Translate = (key: MessageKey, vars?: MessageVars) => string;

/** A catalogue as its JSON file holds it, flattened to dotted keys. */
export function flattenCatalogue(node: unknown, prefix = '', into = new Map<string, string>()): Map<string, string> {
  if (typeof node === 'string') into.set(prefix, node);
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) flattenCatalogue(value, prefix ? `${prefix}.${key}` : key, into);
  }
  return into;
}

/**
 * A translator for one locale over its catalogue: `{{name}}` placeholders are filled from `vars`;
 * with a numeric `count`, `key.one` / `key.other` are chosen by the locale's plural rules. Only the
 * agent's catalogue is downloaded, so there is no other language to fall back on: a missing key
 * shows the key itself, and the translation tests fail on any key a catalogue lacks.
 */
export function translatorOf(locale: Locale, messages: Messages): Translate {
  const plural = new Intl.PluralRules(locale);
  const number = new Intl.NumberFormat(locale);
  return (key, vars = {}) => {
    let lookup: string = key;
    if (typeof vars.count === 'number') {
      const category = `${key}.${plural.select(vars.count)}`;
      // A count also serves sentences that have no plural forms (a limit said as a number).
      lookup = messages.has(category) ? category : messages.has(`${key}.other`) ? `${key}.other` : key;
    }
    const template = messages.get(lookup) ?? key;
    return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => {
      const value = vars[name];
      if (value === undefined) return whole;
      return typeof value === 'number' ? number.format(value) : value;
    });
  };
}
