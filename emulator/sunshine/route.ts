import type { HttpResponseResolver, PathParams } from 'msw';
import type { EmulatorContext } from '../context';
import { hasValidCredentials } from './auth';
import { errorResponse, integrationNotFound, problem, type ApiFlavor, type Problem } from './errors';
import type { SunshineState } from './state';
import type { Integration } from './types';

/** What a Sunshine route handler works with, once the caller is authenticated and the app known. */
export interface SunshineCall {
  request: Request;
  url: URL;
  params: Record<string, string>;
  /** The base URL the request came through (`https://{subdomain}.zendesk.com/sc`, `https://api.smooch.io`…). */
  base: string;
  state: SunshineState;
  context: EmulatorContext;
  flavor: ApiFlavor;
  /** The error body in this route's API version. */
  fail(reason: Problem): Response;
}

/**
 * Wraps a route: authentication first (401), then the app (404), as the real API answers a wrong key
 * before revealing whether an app exists. The state is read from the context on every request, so a
 * reset of the emulator is seen at once.
 */
export function sunshineRoute(
  context: EmulatorContext,
  base: string,
  flavor: ApiFlavor,
  handle: (call: SunshineCall) => Response | Promise<Response>,
): HttpResponseResolver<PathParams> {
  return ({ request, params }) => {
    const fail = (reason: Problem) => errorResponse(flavor, reason);
    if (!hasValidCredentials(request, context.config)) return fail(problem(401, 'unauthorized', 'Authorization is required'));
    const state = context.sunshine;
    const flatParams = Object.fromEntries(Object.entries(params).map(([name, value]) => [name, String(value)]));
    if (flatParams.appId !== state.app.id) return fail(problem(404, 'app_not_found', 'App not found'));
    return handle({ request, url: new URL(request.url), params: flatParams, base, state, context, flavor, fail });
  };
}

/** The integration named by the `integrationId` path parameter, or the 404 to answer. */
export function pathIntegration(call: SunshineCall): { ok: true; integration: Integration } | { ok: false; response: Response } {
  const integration = call.state.integration(call.params.integrationId ?? '');
  return integration ? { ok: true, integration } : { ok: false, response: call.fail(integrationNotFound()) };
}

/** True when a test armed an `expireCursor` fault for this request (counted only when a cursor is sent). */
export function cursorExpired(call: SunshineCall): boolean {
  return call.context.faults.takeCursorExpiry({ service: 'sunshine', method: call.request.method, pathname: call.url.pathname });
}
