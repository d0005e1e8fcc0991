import { ApiError, invalidCursor } from './apiErrors';
import { decodeCursor, encodeCursor } from './cursorCodec';

/**
 * Cursor pagination for in-memory lists (tickets, custom object records): `page[size]`,
 * `page[after]`, `page[before]`, answered with `meta.{has_more,after_cursor,before_cursor}` and
 * `links.{next,prev}`. Cursors are keyset positions (sort values + id), so records added or removed
 * between two pages neither repeat nor vanish.
 */

export type SortValue = string | number | null;
export type Direction = 'asc' | 'desc';

export interface CursorPageRequest {
  size: number;
  after?: string;
  before?: string;
}

export interface CursorPage<T> {
  items: T[];
  hasMore: boolean;
  afterCursor: string | null;
  beforeCursor: string | null;
  /** True when items exist before this page (a `prev` link is worth giving). */
  hasPrevious: boolean;
}

export function parseCursorParams(url: URL, limits: { defaultSize: number; maxSize: number }): CursorPageRequest {
  const rawSize = url.searchParams.get('page[size]');
  let size = limits.defaultSize;
  if (rawSize !== null) {
    if (!/^\d+$/.test(rawSize) || Number(rawSize) < 1) throw pageSizeError(`page[size] must be a positive integer, not ${rawSize}`);
    size = Number(rawSize);
    if (size > limits.maxSize) throw pageSizeError(`page[size] must be at most ${limits.maxSize}`);
  }
  const after = url.searchParams.get('page[after]') ?? undefined;
  const before = url.searchParams.get('page[before]') ?? undefined;
  if (after !== undefined && before !== undefined) throw pageSizeError('page[before] and page[after] cannot be used together');
  return { size, ...(after !== undefined ? { after } : {}), ...(before !== undefined ? { before } : {}) };
}

function pageSizeError(message: string): ApiError {
  return new ApiError(400, 'InvalidPaginationParameter', message, { style: 'errors' });
}

interface CursorPayload {
  k: SortValue[];
}

function readCursor(cursor: string, width: number): SortValue[] {
  const payload = decodeCursor(cursor) as CursorPayload | undefined;
  const key = payload?.k;
  if (!Array.isArray(key) || key.length !== width || !key.every((part) => part === null || typeof part === 'string' || typeof part === 'number')) {
    throw invalidCursor('unknown cursor');
  }
  return key;
}

function compareValues(a: SortValue, b: SortValue): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a) < String(b) ? -1 : 1;
}

/** Compares two keys in the list's order (each part ascending or descending). */
export function compareKeys(a: readonly SortValue[], b: readonly SortValue[], directions: readonly Direction[]): number {
  for (let index = 0; index < a.length; index++) {
    const order = compareValues(a[index] ?? null, b[index] ?? null);
    if (order !== 0) return directions[index] === 'desc' ? -order : order;
  }
  return 0;
}

/**
 * One page of `items`, which must already be sorted by `keyOf` in `directions`; the last part of
 * the key must be unique (the id).
 */
export function cursorPage<T>(
  items: readonly T[],
  keyOf: (item: T) => SortValue[],
  directions: readonly Direction[],
  request: CursorPageRequest,
): CursorPage<T> {
  let start = 0;
  let end = items.length;
  if (request.after !== undefined) {
    const key = readCursor(request.after, directions.length);
    start = firstIndex(items, (item) => compareKeys(keyOf(item), key, directions) > 0);
    end = Math.min(items.length, start + request.size);
  } else if (request.before !== undefined) {
    const key = readCursor(request.before, directions.length);
    end = firstIndex(items, (item) => compareKeys(keyOf(item), key, directions) >= 0);
    start = Math.max(0, end - request.size);
  } else {
    end = Math.min(items.length, request.size);
  }
  const page = items.slice(start, end);
  const first = page[0];
  const last = page[page.length - 1];
  return {
    items: page,
    hasMore: end < items.length,
    afterCursor: last === undefined ? null : encodeCursor({ k: keyOf(last) }),
    beforeCursor: first === undefined ? null : encodeCursor({ k: keyOf(first) }),
    hasPrevious: start > 0,
  };
}

function firstIndex<T>(items: readonly T[], test: (item: T) => boolean): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (test(items[middle] as T)) high = middle;
    else low = middle + 1;
  }
  return low;
}

/** The request's URL with its cursor parameters replaced (absolute, as Zendesk's `links`). */
export function pageLink(url: URL, changes: Record<string, string | null>): string {
  const next = new URL(url.href);
  for (const [name, value] of Object.entries(changes)) {
    if (value === null) next.searchParams.delete(name);
    else next.searchParams.set(name, value);
  }
  return next.href;
}

/** `links` and `meta` of a cursor-paginated answer. */
export function cursorEnvelope<T>(url: URL, page: CursorPage<T>): { links: { next: string | null; prev: string | null }; meta: Record<string, unknown> } {
  return {
    links: {
      next: page.hasMore && page.afterCursor ? pageLink(url, { 'page[after]': page.afterCursor, 'page[before]': null }) : null,
      prev: page.hasPrevious && page.beforeCursor ? pageLink(url, { 'page[before]': page.beforeCursor, 'page[after]': null }) : null,
    },
    meta: { has_more: page.hasMore, after_cursor: page.afterCursor, before_cursor: page.beforeCursor },
  };
}

/** Offset pagination (`page`, `per_page`), the classic list style. */
export function parseOffsetParams(url: URL, limits: { defaultPerPage: number; maxPerPage: number }): { page: number; perPage: number } {
  const rawPage = url.searchParams.get('page');
  const rawPerPage = url.searchParams.get('per_page');
  const page = rawPage === null ? 1 : Number(rawPage);
  if (!Number.isInteger(page) || page < 1) throw new ApiError(400, 'InvalidPaginationParameter', `page must be a positive integer, not ${rawPage}`);
  let perPage = rawPerPage === null ? limits.defaultPerPage : Number(rawPerPage);
  if (!Number.isInteger(perPage) || perPage < 1) throw new ApiError(400, 'InvalidPaginationParameter', `per_page must be a positive integer, not ${rawPerPage}`);
  // Zendesk caps per_page silently rather than refusing a larger one.
  perPage = Math.min(perPage, limits.maxPerPage);
  return { page, perPage };
}
