/**
 * STOP and START words. A customer's message is a keyword only when it is the whole message, after
 * trimming and ignoring case, accents and inner spacing ("  Arrêt " is ARRET; "stop sending me this
 * please" is not a keyword, it is a question for an agent). Quick-reply payloads are read the same
 * way. The defaults cover English and French; the installation's settings replace them.
 */
export const DEFAULT_STOP_WORDS = ['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'STOP PROMOTIONS', 'ARRET', 'ARRETER', 'DESABONNER', 'DESINSCRIPTION'] as const;
export const DEFAULT_START_WORDS = ['START', 'UNSTOP', 'SUBSCRIBE', 'DEMARRER', 'REPRENDRE'] as const;

export type Keyword = 'stop' | 'start';

export interface KeywordLists {
  stop: readonly string[];
  start: readonly string[];
}

export const DEFAULT_KEYWORDS: KeywordLists = { stop: DEFAULT_STOP_WORDS, start: DEFAULT_START_WORDS };

/** The form a message and a keyword are compared in. */
export function normalizeKeyword(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim()
    .toUpperCase()
    .replace(/[.!?\u2026]+$/u, '')
    .trim();
}

export function keywordOf(text: string, lists: KeywordLists = DEFAULT_KEYWORDS): Keyword | undefined {
  const normalized = normalizeKeyword(text);
  if (normalized === '') return undefined;
  if (lists.stop.some((word) => normalizeKeyword(word) === normalized)) return 'stop';
  if (lists.start.some((word) => normalizeKeyword(word) === normalized)) return 'start';
  return undefined;
}

/** A setting's list: one keyword a line or separated by commas; empty means the defaults. */
export function parseKeywordList(value: string | undefined, defaults: readonly string[]): string[] {
  const words = (value ?? '')
    .split(/[\n,]/)
    .map((word) => word.trim())
    .filter((word) => word !== '');
  return words.length > 0 ? words : [...defaults];
}
