import type { FastifyServerOptions } from 'fastify';

/**
 * The service's pino logger: secrets in headers are censored wherever a request is logged, and the
 * request is logged as method and path only (no query, no body, no headers). The service never
 * logs a phone number or a message text: it keeps neither (service/intake/heardEvents.ts), and its
 * own log lines name ids, counts and field paths.
 */
export const REDACTED_PATHS = [
  'req.headers["x-api-key"]',
  'req.headers.authorization',
  'headers["x-api-key"]',
  'headers.authorization',
  'request.headers["x-api-key"]',
  'request.headers.authorization',
];

/** Where log lines go (stdout by default; tests capture them). */
export interface LogStream {
  write(line: string): void;
}

export function loggerOptions(level: string, stream?: LogStream): NonNullable<FastifyServerOptions['logger']> {
  return {
    level,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    serializers: {
      req: (request: { method: string; url: string; id: string }) => ({ method: request.method, path: request.url.split('?')[0], id: request.id }),
    },
    ...(stream ? { stream } : {}),
  };
}
