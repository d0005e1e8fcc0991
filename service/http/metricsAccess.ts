import type { FastifyRequest } from 'fastify';
import { apiKeyMatches } from './apiKey';

/**
 * Who may read `GET /metrics`. With HERALD_METRICS_TOKEN set: whoever sends it as
 * `Authorization: Bearer <token>` (compared in constant time), from anywhere. Without it: only a
 * client on this machine (loopback), and not a request a proxy forwarded: a reverse proxy on the
 * same machine connects from the loopback too, for callers who are anywhere.
 */
export type MetricsAccess = 'allowed' | 'unauthorized' | 'local-only';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;
const FORWARDING_HEADERS = ['forwarded', 'x-forwarded-for', 'x-real-ip'];

export function metricsAccess(request: FastifyRequest, token: string | undefined): MetricsAccess {
  if (token !== undefined && token !== '') {
    const bearer = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1];
    return apiKeyMatches(bearer, token) ? 'allowed' : 'unauthorized';
  }
  // The socket's address: trustProxy is off, so no header can claim to be local.
  const local = LOOPBACK.test(request.ip) && FORWARDING_HEADERS.every((name) => request.headers[name] === undefined);
  return local ? 'allowed' : 'local-only';
}
