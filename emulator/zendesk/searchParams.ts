import { ApiError } from './apiErrors';
import type { Call } from './route';
import { parseSearchQuery, SearchQueryError, type ParsedSearchQuery } from './searchQuery';

/** The `query` parameter of the search endpoints, and their error: 400 `{"error":"invalid",…}`. */

export function invalidQuery(message: string): ApiError {
  return new ApiError(400, 'invalid', message);
}

export function queryOf(call: Call): ParsedSearchQuery {
  const query = call.url.searchParams.get('query');
  if (query === null || query.trim() === '') throw invalidQuery('The query parameter is required');
  try {
    return parseSearchQuery(query);
  } catch (error) {
    if (error instanceof SearchQueryError) throw invalidQuery(error.message);
    throw error;
  }
}
