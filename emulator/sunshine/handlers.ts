import { http, type RequestHandler } from 'msw';
import type { EmulatorContext } from '../context';
import { notFound } from '../errorBodies';
import { integrationRoutes } from './integrationRoutes';
import { notificationRoutes } from './notificationRoutes';
import { templateRoutes } from './templateRoutes';
import { webhookRoutes } from './webhookRoutes';

/**
 * The Sunshine Conversations routes under one of the base URLs the account answers on,
 * notifications first as the most frequent by far. Handlers read the state through
 * `context.sunshine` on each request, so `reset()` swaps it under them. Any other path under the
 * base URL gets the API's 404, so that a request the emulator does not know never leaks to the real
 * service when the handlers run in msw's server or service worker.
 */
export function sunshineBaseHandlers(context: EmulatorContext, base: string): RequestHandler[] {
  return [
    ...notificationRoutes(context, base),
    ...webhookRoutes(context, base),
    ...integrationRoutes(context, base),
    ...templateRoutes(context, base),
    http.all(`${base}/*`, () => notFound('sunshine')),
  ];
}
