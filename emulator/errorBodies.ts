import { HttpResponse } from 'msw';
import type { ServiceName } from './config';

/**
 * The error bodies of the two emulated APIs, for any status. They sit below everything that
 * answers a request (the fault handler, the routes, the authentication) so that each of those can
 * build an error without depending on the others.
 */

const SUNSHINE_CODES: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  423: 'locked',
  429: 'too_many_requests',
  500: 'internal_server_error',
  502: 'bad_gateway',
  503: 'service_unavailable',
  504: 'gateway_timeout',
};

const ZENDESK_ERRORS: Record<number, string> = {
  400: 'InvalidParameter',
  401: 'Couldn\'t authenticate you',
  403: 'Forbidden',
  404: 'RecordNotFound',
  422: 'RecordInvalid',
  429: 'APIRateLimitExceeded',
  500: 'InternalServerError',
  502: 'BadGateway',
  503: 'ServiceUnavailable',
  504: 'GatewayTimeout',
};

const REASONS: Record<number, string> = {
  400: 'Bad request',
  401: 'Authorization is required',
  403: 'Forbidden',
  404: 'Not found',
  422: 'Unprocessable entity',
  429: 'Too many requests',
  500: 'Internal server error',
  502: 'Bad gateway',
  503: 'Service unavailable',
  504: 'Gateway timeout',
};

/** Sunshine Conversations error body: `{ errors: [{ code, title }] }` (v2 spec, "Errors"). */
export function sunshineError(status: number, title?: string, code?: string, headers?: HeadersInit): Response {
  return HttpResponse.json(
    { errors: [{ code: code ?? SUNSHINE_CODES[status] ?? 'error', title: title ?? REASONS[status] ?? 'Error' }] },
    { status, headers },
  );
}

/** Zendesk Support error body: `{ error, description }` (Support API, "Errors JSON Format"). */
export function zendeskError(status: number, description?: string, error?: string, headers?: HeadersInit): Response {
  return HttpResponse.json(
    { error: error ?? ZENDESK_ERRORS[status] ?? 'Error', description: description ?? REASONS[status] ?? 'Error' },
    { status, headers },
  );
}

export function errorFor(service: ServiceName, status: number, message?: string, headers?: HeadersInit): Response {
  return service === 'sunshine' ? sunshineError(status, message, undefined, headers) : zendeskError(status, message, undefined, headers);
}

export function notFound(service: ServiceName): Response {
  return errorFor(service, 404, service === 'sunshine' ? 'Resource not found' : 'Not found');
}
