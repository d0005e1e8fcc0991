import { http, type RequestHandler } from 'msw';
import type { EmulatorContext } from '../context';
import { notFound } from '../http';
import { integrationRoutes } from './integrationRoutes';
import { notificationRoutes } from './notificationRoutes';
import { templateRoutes } from './templateRoutes';

/**
 * The Sunshine Conversations routes, on every base URL the account answers on. Handlers read the
 * state through `context.sunshine` on each request, so `reset()` swaps it under them. Any other path
 * under a Sunshine base URL gets the API's 404, so that a request the emulator does not know never
 * leaks to the real service when the handlers run in msw's server or service worker.
 */
export function sunshineHandlers(context: EmulatorContext): RequestHandler[] {
  return context.config.sunshineBaseUrls.flatMap((base) => [
    ...integrationRoutes(context, base),
    ...templateRoutes(context, base),
    ...notificationRoutes(context, base),
    http.all(`${base}/*`, () => notFound('sunshine')),
  ]);
}
