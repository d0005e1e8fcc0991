import { delay, http, HttpResponse, type RequestHandler } from 'msw';
import { serviceOf, type ServiceName } from './config';
import type { EmulatorContext } from './context';
import type { Fault } from './faults';
import type { RecordedRequest } from './index';

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

/**
 * The first handler of the emulator: records the request, then applies the faults a test asked
 * for. It never answers a request that has no fault, so the service handlers after it do.
 */
export function faultHandlers(context: EmulatorContext, record: (entry: RecordedRequest) => void): RequestHandler[] {
  return [http.all('*', ({ request }) => recordAndFault(context, record, request))];
}

/**
 * Records a request to an emulated service and applies the faults armed for it: the response of
 * a fault that answers, else undefined (the routes answer). The fault handler runs it under msw;
 * the in-process `handle` calls it directly, which spares every request one pass through msw.
 */
export async function recordAndFault(context: EmulatorContext, record: (entry: RecordedRequest) => void, request: Request): Promise<Response | undefined> {
  const url = new URL(request.url);
  const service = serviceOf(context.config, url);
  if (!service) return undefined;
  const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.clone().text();
  record({
    service,
    method: request.method,
    url: request.url,
    headers: Object.fromEntries(request.headers.entries()),
    body,
    at: context.clock.now(),
  });
  const faults = context.faults.take({ service, method: request.method, pathname: url.pathname });
  for (const fault of faults) {
    const response = await applyFault(service, fault);
    if (response) return response;
  }
  return undefined;
}

async function applyFault(service: ServiceName, fault: Fault): Promise<Response | undefined> {
  switch (fault.kind) {
    case 'latency':
      await delay(fault.ms);
      return undefined;
    case 'status':
      return fault.body === undefined
        ? errorFor(service, fault.status)
        : HttpResponse.json(fault.body as object, { status: fault.status });
    case 'rateLimit':
      return errorFor(service, 429, undefined, { 'Retry-After': String(fault.retryAfterSeconds) });
    case 'timeout':
      await delay(fault.ms ?? 30_000);
      return errorFor(service, 504);
    case 'networkError':
      return HttpResponse.error();
    case 'expireCursor':
      return undefined;
  }
}
