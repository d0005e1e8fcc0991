import { http, HttpResponse, type RequestHandler } from 'msw';
import type { EmulatorContext } from '../context';
import { ApiError, renderError } from './apiErrors';
import { appInstallationRoutes } from './appInstallationRoutes';
import { authenticate } from './auth';
import { customObjectRoutes } from './customObjectRoutes';
import { groupRoutes } from './groupRoutes';
import { jobRoutes } from './jobRoutes';
import { matchRoute, type Call, type Route } from './route';
import { searchRoutes } from './searchRoutes';
import { ticketRoutes } from './ticketRoutes';
import { userRoutes } from './userRoutes';

/**
 * The Zendesk Support API on the account's origin. Every served route (with or without `.json`)
 * goes: authentication (401, or 403 for an end user) → account rate limit (429 + Retry-After) →
 * due bulk jobs run → the route. Unknown routes fall through (the emulator answers 404). The state
 * is read from the context on every request, so `reset()` swaps it under the handlers.
 */
export function zendeskHandlers(context: EmulatorContext): RequestHandler[] {
  const routes: Route[] = [
    ...userRoutes(),
    ...groupRoutes(),
    ...searchRoutes(),
    ...ticketRoutes(),
    ...customObjectRoutes(),
    ...jobRoutes(),
    ...appInstallationRoutes(),
  ];
  const origin = context.config.zendeskOrigin;
  return [
    http.all(`${origin}/api/v2/*`, async ({ request }) => {
      const url = new URL(request.url);
      if (url.origin !== origin) return undefined;
      const matched = matchRoute(routes, request.method, url.pathname);
      if (!matched) return undefined;

      const state = context.zendesk;
      const authentication = authenticate(request, state.users, context.config);
      if (!authentication.ok) return authentication.response;

      const now = context.clock.now();
      const rate = state.rateLimits.account.take(now);
      const rateHeaders = { 'X-Rate-Limit': String(rate.limit), 'X-Rate-Limit-Remaining': String(rate.remaining) };
      if (!rate.allowed) {
        return HttpResponse.json(
          { error: 'APIRateLimitExceeded', description: `Number of allowed API requests per minute exceeded (${rate.limit})` },
          { status: 429, headers: { ...rateHeaders, 'Retry-After': String(rate.retryAfterSeconds) } },
        );
      }
      state.settleJobs(now);

      const call: Call = { context, state, request, url, params: matched.params, actor: authentication.user, now, origin };
      let response: Response;
      try {
        response = await matched.route.handle(call);
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        response = renderError(error, matched.route.style);
      }
      for (const [name, value] of Object.entries(rateHeaders)) response.headers.set(name, value);
      return response;
    }),
  ];
}
