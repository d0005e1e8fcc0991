import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { apiKeyMatches } from './apiKey';
import { loggerOptions, type LogStream } from './logging';
import { metricsAccess } from './metricsAccess';
import { WebhookShapeError } from '../intake/heardEvents';

/**
 * The service's HTTP face: `POST /webhooks/sunshine`, `GET /healthz` and `GET /metrics` (who may
 * read it: http/metricsAccess.ts). Safe by default: a wrong
 * or missing `X-API-Key` is 401 before the body is read; a body over 1 MB is 413; malformed JSON or
 * a body the spec does not allow is 400 (Sunshine does not retry those), logged with the field's
 * path only; a store that cannot commit is 503 (Sunshine retries). Nothing from the request is
 * echoed in an answer.
 */

export const BODY_LIMIT_BYTES = 1024 * 1024;
export const WEBHOOK_PATH = '/webhooks/sunshine';

export interface Health {
  store: 'reachable' | 'unreachable';
  version: string;
  uptimeSeconds: number;
  webhook: 'registered' | 'not-registered' | 'failed';
}

export interface AppHandlers {
  /** The webhook's secret as the service knows it now (registered, or from the environment). */
  apiKey(): string | undefined;
  /** Resolves once the body's events are committed; throws WebhookShapeError for a body the spec does not allow. */
  receive(body: unknown): Promise<void>;
  health(): Promise<Health>;
  /** The metrics in Prometheus text format. */
  metrics(): Promise<{ contentType: string; text: string }>;
  /** The bearer token `GET /metrics` asks for (HERALD_METRICS_TOKEN); without one, only local clients may read it. */
  metricsToken(): string | undefined;
}

export interface AppOptions {
  logLevel?: string;
  logStream?: LogStream;
}

export function buildApp(handlers: AppHandlers, options: AppOptions = {}): FastifyInstance {
  const app = Fastify({ logger: loggerOptions(options.logLevel ?? 'info', options.logStream), bodyLimit: BODY_LIMIT_BYTES });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = error.statusCode ?? 500;
    if (status === 413) return reply.code(413).send({ error: 'body-too-large' });
    if (status === 415) return reply.code(415).send({ error: 'not-json' });
    if (status >= 400 && status < 500) {
      // The parser's message may quote the body: only its code is logged.
      request.log.warn({ code: error.code }, 'webhook body refused: not JSON');
      return reply.code(400).send({ error: 'malformed-json' });
    }
    request.log.error({ err: { name: error.name, code: error.code } }, 'request failed');
    return reply.code(500).send({ error: 'internal' });
  });

  app.post(WEBHOOK_PATH, {
    onRequest: async (request, reply) => {
      if (!apiKeyMatches(request.headers['x-api-key'], handlers.apiKey())) {
        request.log.warn('webhook refused: wrong or missing X-API-Key');
        return reply.code(401).send({ error: 'unauthorized' });
      }
    },
    handler: async (request, reply) => {
      try {
        await handlers.receive(request.body);
      } catch (error) {
        if (error instanceof WebhookShapeError) {
          request.log.warn({ where: error.where }, 'webhook body refused: not what the spec allows');
          return reply.code(400).send({ error: 'unexpected-shape' });
        }
        request.log.error({ err: { name: error instanceof Error ? error.name : 'unknown' } }, 'webhook events not committed');
        return reply.code(503).header('retry-after', '5').send({ error: 'not-committed' });
      }
      return reply.code(200).send({});
    },
  });

  app.get('/healthz', async (_request, reply) => {
    const health = await handlers.health();
    return reply.code(health.store === 'reachable' ? 200 : 503).send(health);
  });

  app.get('/metrics', {
    onRequest: async (request, reply) => {
      const access = metricsAccess(request, handlers.metricsToken());
      if (access === 'unauthorized') return reply.code(401).header('www-authenticate', 'Bearer').send({ error: 'unauthorized' });
      if (access === 'local-only') return reply.code(403).send({ error: 'metrics-local-only' });
    },
    handler: async (_request, reply) => {
      const { contentType, text } = await handlers.metrics();
      return reply.code(200).header('content-type', contentType).send(text);
    },
  });

  return app;
}
