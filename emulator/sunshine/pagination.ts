/**
 * The two pagination styles of Sunshine Conversations.
 * - v2: cursors are record ids (`page[after]`/`page[before]`, 24 characters), records in id order,
 *   `page[size]` 1–100 (default 25); the answer carries `meta` and absolute `links`.
 * - v1.1 message templates (Meta's Graph API underneath): opaque `after`/`before` cursors and `limit`.
 * Both cursors point at a record, not at an offset, so that creations and deletions between two
 * pages neither repeat nor skip a record.
 */

export const V2_PAGE_SIZE_DEFAULT = 25;
export const V2_PAGE_SIZE_MAX = 100;
export const TEMPLATE_LIMIT_DEFAULT = 25;
export const TEMPLATE_LIMIT_MAX = 100;

const RECORD_ID = /^[0-9a-f]{24}$/;

export interface PageRequest {
  after?: string;
  before?: string;
  size: number;
}

export type PageRequestReading = { ok: true; page: PageRequest } | { ok: false; problems: string[] };

function readSize(raw: string | null, name: string, fallback: number, max: number, problems: string[]): number {
  if (raw === null) return fallback;
  const size = Number(raw);
  if (!/^[0-9]+$/.test(raw) || size < 1 || size > max) problems.push(`${name} must be an integer between 1 and ${max}`);
  return size;
}

export function readV2Page(url: URL): PageRequestReading {
  const problems: string[] = [];
  const after = url.searchParams.get('page[after]') ?? undefined;
  const before = url.searchParams.get('page[before]') ?? undefined;
  const size = readSize(url.searchParams.get('page[size]'), 'page[size]', V2_PAGE_SIZE_DEFAULT, V2_PAGE_SIZE_MAX, problems);
  if (after !== undefined && before !== undefined) problems.push('Only one of page[after] or page[before] may be provided');
  for (const [name, cursor] of [['page[after]', after], ['page[before]', before]] as const) {
    if (cursor !== undefined && !RECORD_ID.test(cursor)) problems.push(`${name} must be a record id (24 hexadecimal characters)`);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, page: { after, before, size } };
}

export interface Page<T> {
  items: T[];
  /** More records in the direction of travel (after the page, or before it with `before`). */
  hasMore: boolean;
  /** The last record's key, when records follow the page. */
  afterKey?: string;
  /** The first record's key, when records precede the page. */
  beforeKey?: string;
}

/** One page of `items`, which must be sorted by `keyOf` ascending under `compare`. */
export function pageOf<T>(
  items: T[],
  request: { after?: string; before?: string; size: number },
  keyOf: (item: T) => string,
  compare: (a: string, b: string) => number,
): Page<T> {
  let start: number;
  let end: number;
  if (request.after !== undefined) {
    const after = request.after;
    start = items.findIndex((item) => compare(keyOf(item), after) > 0);
    if (start === -1) start = items.length;
    end = Math.min(start + request.size, items.length);
  } else if (request.before !== undefined) {
    const before = request.before;
    const firstNotBefore = items.findIndex((item) => compare(keyOf(item), before) >= 0);
    end = firstNotBefore === -1 ? items.length : firstNotBefore;
    start = Math.max(0, end - request.size);
  } else {
    start = 0;
    end = Math.min(request.size, items.length);
  }
  const slice = items.slice(start, end);
  const first = slice[0];
  const last = slice[slice.length - 1];
  const followed = end < items.length;
  const preceded = start > 0;
  return {
    items: slice,
    hasMore: request.before !== undefined ? preceded : followed,
    afterKey: followed && last !== undefined ? keyOf(last) : undefined,
    beforeKey: preceded && first !== undefined ? keyOf(first) : undefined,
  };
}

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Template ids are decimal strings: compare them as numbers. */
export function compareDecimalIds(a: string, b: string): number {
  const left = BigInt(a);
  const right = BigInt(b);
  return left < right ? -1 : left > right ? 1 : 0;
}

/** Builds a query string that keeps `page[after]` brackets readable, as in the spec's examples. */
export function queryString(pairs: Array<[string, string | undefined]>): string {
  const parts = pairs.filter((pair): pair is [string, string] => pair[1] !== undefined).map(([name, value]) => `${name}=${encodeURIComponent(value)}`);
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}

// --- v1.1 template cursors ---

export interface TemplatePageRequest {
  after?: string;
  before?: string;
  size: number;
  name?: string;
}

export type TemplatePageReading = { ok: true; page: TemplatePageRequest } | { ok: false; problems: string[] };

/** Opaque to the client, like Meta's (`MjUZD`): the base64url of the template id. */
export function encodeTemplateCursor(templateId: string): string {
  return btoa(templateId).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function decodeTemplateCursor(cursor: string): string | undefined {
  try {
    const decoded = atob(cursor.replace(/-/g, '+').replace(/_/g, '/'));
    return /^[0-9]{1,20}$/.test(decoded) ? decoded : undefined;
  } catch {
    return undefined;
  }
}

export function readTemplatePage(url: URL): TemplatePageReading {
  const problems: string[] = [];
  const size = readSize(url.searchParams.get('limit'), 'limit', TEMPLATE_LIMIT_DEFAULT, TEMPLATE_LIMIT_MAX, problems);
  const rawAfter = url.searchParams.get('after') ?? undefined;
  const rawBefore = url.searchParams.get('before') ?? undefined;
  if (rawAfter !== undefined && rawBefore !== undefined) problems.push('Only one of after or before may be provided');
  const after = rawAfter === undefined ? undefined : decodeTemplateCursor(rawAfter);
  const before = rawBefore === undefined ? undefined : decodeTemplateCursor(rawBefore);
  if (rawAfter !== undefined && after === undefined) problems.push(`after "${rawAfter}" is not a cursor this endpoint returned`);
  if (rawBefore !== undefined && before === undefined) problems.push(`before "${rawBefore}" is not a cursor this endpoint returned`);
  const name = url.searchParams.get('name') ?? undefined;
  return problems.length > 0 ? { ok: false, problems } : { ok: true, page: { after, before, size, name } };
}
