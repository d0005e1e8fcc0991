import { HttpResponse } from 'msw';

/**
 * Refusals, thrown by the handlers and rendered by the router in the body style of the API family
 * the route belongs to:
 * - `classic` (users, tickets, search, job statuses): `{ "error": code, "description": message }`,
 *   the Support API's "Errors JSON Format", with `details` for record validation errors;
 * - `errors` (custom objects, and any cursor error): `{ "errors": [{ "code", "title" }] }`, the
 *   spec's `Errors` schema that the newer endpoints answer (e.g. InvalidPaginationParameter).
 */

export type ErrorStyle = 'classic' | 'errors';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly options: { details?: Record<string, unknown>; headers?: HeadersInit; style?: ErrorStyle } = {},
  ) {
    super(message);
  }
}

export function renderError(error: ApiError, routeStyle: ErrorStyle): Response {
  const style = error.options.style ?? routeStyle;
  const init = { status: error.status, headers: error.options.headers };
  if (style === 'errors') return HttpResponse.json({ errors: [{ code: error.code, title: error.message }] }, init);
  const body: Record<string, unknown> = { error: error.code, description: error.message };
  if (error.options.details) body.details = error.options.details;
  return HttpResponse.json(body, init);
}

export const badRequest = (message: string, code = 'InvalidParameter'): ApiError => new ApiError(400, code, message);

export const notFoundError = (message = 'Not found'): ApiError => new ApiError(404, 'RecordNotFound', message);

export const forbidden = (message = 'You do not have access to this page. Please contact the account owner of this help desk for further help.'): ApiError =>
  new ApiError(403, 'Forbidden', message);

/** A validation failure: classic routes answer `RecordInvalid` with per-attribute details. */
export function recordInvalid(message: string, attribute?: string): ApiError {
  const details = attribute ? { [attribute]: [{ description: message, error: 'InvalidValue' }] } : undefined;
  return new ApiError(422, 'RecordInvalid', message, { details });
}

/** A cursor that is malformed, belongs to another query, or has expired: same answer, as Zendesk gives. */
export function invalidCursor(detail: string): ApiError {
  return new ApiError(400, 'InvalidPaginationParameter', `page[after] is not valid: ${detail}`, { style: 'errors' });
}
