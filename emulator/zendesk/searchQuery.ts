/**
 * The Zendesk search query language, as far as audiences need it: free text, `field:value`,
 * quoted values, `-` negation, `*` wildcards, `>` `<` `>=` `<=` comparisons, `type:`. Terms are
 * ANDed. Parsing is separate from matching: `userSearch.ts` gives the terms their meaning.
 */

export type Comparator = ':' | '>' | '<' | '>=' | '<=';

export interface TextTerm {
  kind: 'text';
  value: string;
  /** A quoted phrase ("Camille Dubois"), matched as a whole. */
  quoted: boolean;
  negated: boolean;
}

export interface FieldTerm {
  kind: 'field';
  /** Lower-cased field name (`tags`, `created`, `loyalty_tier`…). */
  field: string;
  comparator: Comparator;
  value: string;
  quoted: boolean;
  negated: boolean;
}

export type SearchTerm = TextTerm | FieldTerm;

export type SearchType = 'user' | 'ticket' | 'organization' | 'group';

export const SEARCH_TYPES: readonly SearchType[] = ['user', 'ticket', 'organization', 'group'];

export interface ParsedSearchQuery {
  /** From a `type:` term, if any; not part of `terms`. */
  type?: SearchType;
  terms: SearchTerm[];
}

/** The query cannot be understood; the handlers answer 400 with this message. */
export class SearchQueryError extends Error {}

const COMPARATOR_START = new Set([':', '<', '>']);

export function parseSearchQuery(query: string): ParsedSearchQuery {
  const terms: SearchTerm[] = [];
  const types: SearchType[] = [];
  let position = 0;
  const length = query.length;

  const isSpace = (char: string | undefined): boolean => char !== undefined && /\s/.test(char);

  const readQuoted = (): string => {
    const start = position + 1;
    const end = query.indexOf('"', start);
    if (end < 0) throw new SearchQueryError(`Unterminated quote at position ${position + 1}: ${query.slice(position)}`);
    position = end + 1;
    return query.slice(start, end);
  };

  while (position < length) {
    if (isSpace(query[position])) {
      position++;
      continue;
    }
    let negated = false;
    if (query[position] === '-') {
      if (position + 1 >= length || isSpace(query[position + 1])) {
        // A lone dash negates nothing: skip it, as a search box would.
        position++;
        continue;
      }
      negated = true;
      position++;
    }

    if (query[position] === '"') {
      const phrase = readQuoted().trim();
      if (phrase) terms.push({ kind: 'text', value: phrase, quoted: true, negated });
      continue;
    }

    const wordStart = position;
    while (position < length && !isSpace(query[position]) && !COMPARATOR_START.has(query[position] as string) && query[position] !== '"') {
      position++;
    }
    const word = query.slice(wordStart, position);
    const next = query[position];

    if (next === '"') {
      throw new SearchQueryError(`Unexpected quote after "${word}" at position ${position + 1}; quote a whole value, as in name:"Camille Dubois"`);
    }

    if (next !== undefined && COMPARATOR_START.has(next)) {
      if (!word) throw new SearchQueryError(`Missing field name before "${next}" at position ${position + 1}`);
      let comparator: Comparator = next as Comparator;
      position++;
      if ((next === '<' || next === '>') && query[position] === '=') {
        comparator = `${next}=` as Comparator;
        position++;
      }
      let value: string;
      let quoted = false;
      if (query[position] === '"') {
        value = readQuoted();
        quoted = true;
      } else {
        const valueStart = position;
        while (position < length && !isSpace(query[position])) {
          if (query[position] === '"') throw new SearchQueryError(`Unexpected quote inside the value of ${word} at position ${position + 1}`);
          position++;
        }
        value = query.slice(valueStart, position);
      }
      if (!quoted && value === '') throw new SearchQueryError(`Missing value after "${word}${comparator}"`);
      const field = word.toLowerCase();
      if (field === 'type') {
        if (negated || comparator !== ':') throw new SearchQueryError('type: takes one value, as in type:user');
        const type = value.toLowerCase() as SearchType;
        if (!SEARCH_TYPES.includes(type)) throw new SearchQueryError(`Invalid type:${value}`);
        types.push(type);
        continue;
      }
      terms.push({ kind: 'field', field, comparator, value, quoted, negated });
      continue;
    }

    if (word) terms.push({ kind: 'text', value: word, quoted: false, negated });
  }

  const distinctTypes = [...new Set(types)];
  if (distinctTypes.length > 1) throw new SearchQueryError(`A query can search one type only, not ${distinctTypes.map((type) => `type:${type}`).join(' and ')}`);
  return distinctTypes[0] ? { type: distinctTypes[0], terms } : { terms };
}
