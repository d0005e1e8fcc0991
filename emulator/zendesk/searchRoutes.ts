import { ApiError } from './apiErrors';
import { exportSearch } from './searchExport';
import { parseOffsetParams, pageLink } from './pagination';
import { invalidQuery, queryOf } from './searchParams';
import { SearchQueryError, type ParsedSearchQuery } from './searchQuery';
import { compileSearch, hitJson, searchHits, type Hit } from './searchSources';
import { json, route, type Call, type Route } from './route';

/**
 * Search (offset pagination, at most 1,000 results a query, 422 beyond), Show Results Count and
 * Export Search Results (`searchExport.ts`). Query errors are 400 `{"error":"invalid",…}`, the
 * search API's error format.
 */

export const SEARCH_RESULT_LIMIT = 1000;

export function searchRoutes(): Route[] {
  return [
    route('GET', '/api/v2/search', search),
    route('GET', '/api/v2/search/count', (call) => {
      const parsed = queryOf(call);
      let count = 0;
      for (const _hit of searchHits(compileOrThrow(call, parsed))) count++;
      return json({ count });
    }),
    route('GET', '/api/v2/search/export', exportSearch),
  ];
}

function compileOrThrow(call: Call, parsed: ParsedSearchQuery): ReturnType<typeof compileSearch> {
  try {
    return compileSearch(call.state, parsed, call.now);
  } catch (error) {
    if (error instanceof SearchQueryError) throw invalidQuery(error.message);
    throw error;
  }
}

const SORTABLE = ['created_at', 'updated_at'] as const;

function search(call: Call): Response {
  const parsed = queryOf(call);
  const sources = compileOrThrow(call, parsed);
  const { page, perPage } = parseOffsetParams(call.url, { defaultPerPage: 100, maxPerPage: 100 });
  const offset = (page - 1) * perPage;
  if (offset >= SEARCH_RESULT_LIMIT) {
    throw new ApiError(422, 'invalid', `Search returns at most ${SEARCH_RESULT_LIMIT} results; page ${page} at ${perPage} per page is beyond them. Use the Export Search Results API.`);
  }
  const sortBy = call.url.searchParams.get('sort_by');
  const sortOrder = call.url.searchParams.get('sort_order') ?? 'desc';
  if (sortBy !== null && !(SORTABLE as readonly string[]).includes(sortBy) && !['priority', 'status', 'ticket_type'].includes(sortBy)) {
    throw invalidQuery(`sort_by must be one of updated_at, created_at, priority, status, ticket_type`);
  }
  if (sortOrder !== 'asc' && sortOrder !== 'desc') throw invalidQuery('sort_order must be asc or desc');

  const end = offset + perPage;
  let count = 0;
  let pageHits: Hit[] = [];
  if (sortBy === 'created_at' || sortBy === 'updated_at') {
    const all: Hit[] = [];
    for (const hit of searchHits(sources)) all.push(hit);
    const key = sortBy === 'created_at' ? (hit: Hit) => hit.createdAt : (hit: Hit) => hit.updatedAt;
    const direction = sortOrder === 'asc' ? 1 : -1;
    all.sort((a, b) => direction * (key(a) - key(b)) || a.id - b.id);
    count = all.length;
    pageHits = all.slice(offset, end);
  } else {
    // Relevance (and the ticket-only sorts, which users lack): the emulator's order, by id.
    for (const hit of searchHits(sources)) {
      if (count >= offset && count < end) pageHits.push(hit);
      count++;
    }
  }
  const reachable = Math.min(count, SEARCH_RESULT_LIMIT);
  const results = pageHits.filter((_hit, index) => offset + index < SEARCH_RESULT_LIMIT).map((hit) => hitJson(call.state, hit, call.origin));
  return json({
    results,
    facets: null,
    next_page: end < reachable ? pageLink(call.url, { page: String(page + 1) }) : null,
    previous_page: page > 1 ? pageLink(call.url, { page: String(page - 1) }) : null,
    count,
  });
}
