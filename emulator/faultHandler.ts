import { delay, http, HttpResponse, type RequestHandler } from 'msw';
import { serviceOf, type ServiceName } from './config';
import type { EmulatorContext } from './context';
import { errorFor } from './errorBodies';
import type { Fault } from './faults';

/** One request that reached the emulator, as the fault handler records it before any fault applies. */
export interface RecordedRequest {
  service: ServiceName;
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | undefined;
  at: number;
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
    case 'undeliverable':
    case 'webhookDuplicates':
    case 'webhookDelays':
      return undefined;
  }
}
