import { ApiError, invalidCursor } from './apiErrors';
import { decodeCursor, encodeCursor, hashText } from './cursorCodec';
import { organizationJson } from './organizations';
import { compareKeys, pageLink, type SortValue } from './pagination';
import { type ParsedSearchQuery, type SearchType, SEARCH_TYPES, SearchQueryError } from './searchQuery';
import { json, type Call } from './route';
import { invalidQuery, queryOf } from './searchParams';
import { compileOrganizationQuery, compileTicketQuery } from './ticketSearch';
import { ticketJson } from './tickets';
import { HOUR } from './time';
import { userJson } from './userRecord';
import { compileUserQuery } from './userSearch';

/**
 * Export Search Results: one type per export (`filter[type]`, required; a `type:` term in the query
 * is an error), cursor pagination (`page[size]` default 100, at most 1000), results ordered by
 * `created_at` (newest first, ties by id: the order the documented cursor `{"field":"created_at",
 * "desc":true,"tieBreakField":"id"}` encodes), no `count`, 100 requests a minute per account.
 *
 * Cursors are keyset positions issued with the emulator time; a cursor older than one hour, one
 * for another query, one that cannot be decoded, or one an `expireCursor` fault hits is answered
 * 400 `{"errors":[{"code":"InvalidPaginationParameter",…}]}`, the body Zendesk gives for a bad
 * cursor. A client restarts the export then.
 */

export const EXPORT_CURSOR_LIFETIME = HOUR;
const DEFAULT_PAGE_SIZE = 100;
const MAX_PAGE_SIZE = 1000;

interface ExportCursor {
  /** Query fingerprint (type + query text): a cursor only continues its own export. */
  h: string;
  /** Sort key of the last result served: created_at (ms), id. */
  k: [number, number];
  /** Emulator time the cursor was issued. */
  i: number;
}

interface Candidate {
  createdAt: number;
  id: number;
  json(): Record<string, unknown>;
}

/** The records of one type in export order, from just after `after`, matching the query. */
type Ordered = (after: [number, number] | undefined) => Generator<Candidate>;

export function exportSearch(call: Call): Response {
  const limit = call.state.rateLimits.export.take(call.now);
  if (!limit.allowed) {
    throw new ApiError(429, 'APIRateLimitExceeded', `Export Search Results allows ${limit.limit} requests per minute per account`, {
      headers: { 'Retry-After': String(limit.retryAfterSeconds) },
    });
  }
  const type = call.url.searchParams.get('filter[type]');
  if (type === null || type === '') throw invalidQuery('filter[type] is required: one of ticket, organization, user, group');
  if (!(SEARCH_TYPES as readonly string[]).includes(type)) throw invalidQuery(`Invalid filter[type]: ${type}; use ticket, organization, user or group`);
  const queryText = call.url.searchParams.get('query') ?? '';
  const parsed: ParsedSearchQuery = queryText.trim() === '' ? { terms: [] } : queryOf(call);
  if (parsed.type) throw invalidQuery('Searches with type in the query string are not supported by export; use filter[type]');
  const size = pageSize(call.url);

  const fingerprint = hashText(`${type}\n${queryText}`);
  const rawCursor = call.url.searchParams.get('page[after]');
  let after: [number, number] | undefined;
  if (rawCursor !== null) {
    const cursor = decodeCursor(rawCursor) as Partial<ExportCursor> | undefined;
    if (!cursor || typeof cursor.h !== 'string' || !Array.isArray(cursor.k) || typeof cursor.i !== 'number') throw invalidCursor('unknown cursor');
    if (cursor.h !== fingerprint) throw invalidCursor('the cursor belongs to another export');
    if (call.context.faults.takeCursorExpiry({ service: 'zendesk', method: call.request.method, pathname: call.url.pathname })) {
      throw invalidCursor('the cursor has expired');
    }
    if (call.now - cursor.i >= EXPORT_CURSOR_LIFETIME) throw invalidCursor('the cursor has expired (cursors last one hour)');
    after = [Number(cursor.k[0]), Number(cursor.k[1])];
  }

  const ordered = orderedSource(call, type as SearchType, parsed);
  const results: Record<string, unknown>[] = [];
  let last: Candidate | undefined;
  let hasMore = false;
  for (const candidate of ordered(after)) {
    if (results.length === size) {
      hasMore = true;
      break;
    }
    results.push(candidate.json());
    last = candidate;
  }
  const afterCursor = hasMore && last ? encodeCursor({ h: fingerprint, k: [last.createdAt, last.id], i: call.now } satisfies ExportCursor) : null;
  return json({
    results,
    facets: null,
    links: { prev: null, next: afterCursor ? pageLink(call.url, { 'page[after]': afterCursor }) : null },
    meta: { has_more: hasMore, after_cursor: afterCursor, before_cursor: null },
  });
}

function pageSize(url: URL): number {
  const raw = url.searchParams.get('page[size]');
  if (raw === null) return DEFAULT_PAGE_SIZE;
  if (!/^\d+$/.test(raw) || Number(raw) < 1) throw new ApiError(400, 'InvalidPaginationParameter', `page[size] must be a positive integer, not ${raw}`, { style: 'errors' });
  if (Number(raw) > MAX_PAGE_SIZE) throw new ApiError(400, 'InvalidPaginationParameter', `page[size] must be at most ${MAX_PAGE_SIZE}`, { style: 'errors' });
  return Number(raw);
}

function orderedSource(call: Call, type: SearchType, parsed: ParsedSearchQuery): Ordered {
  const { state, origin, now } = call;
  try {
    switch (type) {
      case 'user': {
        const matches = compileUserQuery(parsed.terms, { userFields: state.userFields, organizations: state.organizations, now });
        // Users are stored in created_at order, so the cursor's id gives the position to resume at.
        return function* (after) {
          const resumeAt = after ? state.users.createdDescPosition(after[1]) : -1;
          if (resumeAt === undefined) throw invalidCursor('unknown cursor');
          const start = resumeAt + 1;
          for (let position = start; position < state.users.size; position++) {
            const user = state.users.userAtCreatedDescPosition(position);
            if (user && matches(user)) yield { createdAt: user.createdAt, id: user.id, json: () => userJson(user, origin) };
          }
        };
      }
      case 'ticket': {
        const matches = compileTicketQuery(parsed.terms, state.users, now);
        return keyset(
          state.tickets
            .list()
            .filter(matches)
            .map((ticket) => ({ createdAt: ticket.createdAt, id: ticket.id, json: () => ticketJson(ticket, origin) })),
        );
      }
      case 'organization': {
        const matches = compileOrganizationQuery(parsed.terms, now);
        return keyset(
          state.organizations
            .filter(matches)
            .map((organization) => ({ createdAt: organization.createdAt, id: organization.id, json: () => organizationJson(organization, origin) })),
        );
      }
      case 'group':
        return keyset([]);
    }
  } catch (error) {
    if (error instanceof SearchQueryError) throw invalidQuery(error.message);
    throw error;
  }
}

const ORDER = ['desc', 'asc'] as const;

/** Small in-memory lists: sort, then resume strictly after the cursor's key. */
function keyset(candidates: Candidate[]): Ordered {
  const keyOf = (candidate: Candidate): SortValue[] => [candidate.createdAt, candidate.id];
  const sorted = [...candidates].sort((a, b) => compareKeys(keyOf(a), keyOf(b), ORDER));
  return function* (after) {
    for (const candidate of sorted) if (!after || compareKeys(keyOf(candidate), after, ORDER) > 0) yield candidate;
  };
}
