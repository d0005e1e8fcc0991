import { SearchQueryError, type Comparator, type FieldTerm } from './searchQuery';
import { DAY, HOUR, MINUTE } from './time';

/** Matching primitives shared by the user, ticket and organization searches. */

/** Case- and accent-insensitive form of a text, as a search index would store it. */
export function normalize(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

export function tokens(text: string): string[] {
  return normalize(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

export function hasWildcard(value: string): boolean {
  return value.includes('*');
}

/** `*` stands for any run of characters; the rest matches literally (after normalisation). */
export function globRegExp(value: string): RegExp {
  const source = normalize(value)
    .split('*')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`);
}

/** True when the words of `phrase` appear in `text`, in order and next to each other. */
export function containsPhrase(text: string, phrase: string): boolean {
  const wanted = tokens(phrase);
  if (wanted.length === 0) return false;
  const words = tokens(text);
  for (let start = 0; start + wanted.length <= words.length; start++) {
    if (wanted.every((word, offset) => words[start + offset] === word)) return true;
  }
  return false;
}

/** Text fields: `*` globs the whole value or one of its words; otherwise the words must appear. */
export function matchesText(text: string | null | undefined, value: string): boolean {
  if (!text) return false;
  if (hasWildcard(value)) {
    const pattern = globRegExp(value);
    return pattern.test(normalize(text)) || tokens(text).some((word) => pattern.test(word));
  }
  return containsPhrase(text, value);
}

export function digitsOf(text: string): string {
  return text.replace(/\D/g, '');
}

/**
 * Phone search compares digits: `+33 6 12 34 56 78`, `+33612345678` and `0612345678` (the national
 * form, whose trunk zero is dropped) all find the same number.
 */
export function matchesPhone(phone: string | null | undefined, value: string): boolean {
  if (!phone) return false;
  if (hasWildcard(value)) return globRegExp(value).test(normalize(phone)) || globRegExp(digitsOf(value) + '*').test(digitsOf(phone));
  const wanted = digitsOf(value);
  const have = digitsOf(phone);
  if (!wanted || !have) return false;
  if (wanted === have) return true;
  const wantedCore = wanted.replace(/^0+/, '');
  const haveCore = have.replace(/^0+/, '');
  return wantedCore.length >= 8 && haveCore.length >= 8 && (haveCore.endsWith(wantedCore) || wantedCore.endsWith(haveCore));
}

const RELATIVE = /^(\d+)(minute|hour|day|week|month|year)s?$/;
const UNIT: Record<string, number> = { minute: MINUTE, hour: HOUR, day: DAY, week: 7 * DAY, month: 30 * DAY, year: 365 * DAY };

/**
 * The time span a date value names: a whole UTC day for `YYYY-MM-DD`, a second for a timestamp,
 * an instant for a relative value (`4hours`: four hours before now).
 */
export function dateSpan(value: string, now: number): { from: number; to: number; relative: boolean } {
  const relative = RELATIVE.exec(value.toLowerCase());
  if (relative) {
    const instant = now - Number(relative[1]) * (UNIT[relative[2] as string] as number);
    return { from: instant, to: instant, relative: true };
  }
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (day) {
    const from = Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]));
    const check = new Date(from);
    if (check.getUTCFullYear() !== Number(day[1]) || check.getUTCMonth() !== Number(day[2]) - 1 || check.getUTCDate() !== Number(day[3])) {
      throw new SearchQueryError(`Invalid date: ${value}`);
    }
    return { from, to: from + DAY, relative: false };
  }
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(\.\d+)?(Z|[+-]\d{2}:?\d{2})$/.test(value)) {
    const instant = Date.parse(value);
    if (Number.isNaN(instant)) throw new SearchQueryError(`Invalid date: ${value}`);
    return { from: instant, to: instant + 1000, relative: false };
  }
  throw new SearchQueryError(`Invalid date: ${value}; use YYYY-MM-DD, an ISO 8601 time or a relative time such as 4hours`);
}

/** A predicate on a millisecond time for `created>2024-01-01` and friends. */
export function dateComparison(term: FieldTerm, now: number): (time: number) => boolean {
  const { from, to, relative } = dateSpan(term.value, now);
  const comparator: Comparator = relative && term.comparator === ':' ? '>=' : term.comparator;
  switch (comparator) {
    case ':':
      return (time) => time >= from && time < to;
    case '>':
      return (time) => time >= to && (relative ? time > from : true);
    case '>=':
      return (time) => time >= from;
    case '<':
      return (time) => time < from;
    case '<=':
      return (time) => time < to || (relative && time <= from);
  }
}

export function requireEquality(term: FieldTerm): void {
  if (term.comparator !== ':') {
    throw new SearchQueryError(`${term.field}${term.comparator}${term.value}: comparisons work on dates only (created, updated)`);
  }
}

export function isNone(term: FieldTerm): boolean {
  return !term.quoted && term.value.toLowerCase() === 'none';
}
