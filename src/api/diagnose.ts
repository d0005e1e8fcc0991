import { HttpError, InvalidResponseError, NetworkError, RateLimitedError, TimeoutError } from './transport/errors';

/**
 * What a failure means for the person who has to fix it. The Settings page explains each of these
 * in plain words; the mapping lives here, next to the errors, so every screen reads it the same way.
 */
export const FAILURE_CAUSES = [
  'credentials-rejected',
  'not-permitted',
  'not-found',
  'host-not-allowed',
  'rate-limited',
  'unreachable',
  'timeout',
  'server-error',
  'bad-request',
  'unexpected-response',
  'unexpected',
] as const;
export type FailureCause = (typeof FAILURE_CAUSES)[number];

export function causeOf(error: unknown): FailureCause {
  if (error instanceof RateLimitedError) return 'rate-limited';
  if (error instanceof HttpError) {
    if (error.detail.code === 'ProxyRefused' && /domainWhitelist/i.test(error.detail.message ?? '')) return 'host-not-allowed';
    if (error.status === 401) return 'credentials-rejected';
    if (error.status === 403) return 'not-permitted';
    if (error.status === 404) return 'not-found';
    if (error.status >= 500) return 'server-error';
    if (error.status >= 400) return 'bad-request';
    return 'unexpected';
  }
  if (error instanceof TimeoutError) return 'timeout';
  if (error instanceof NetworkError) return 'unreachable';
  if (error instanceof InvalidResponseError) return 'unexpected-response';
  return 'unexpected';
}

/** Seconds to wait before retrying a rate-limited call, when the API said. */
export function retryAfterSeconds(error: unknown): number | undefined {
  return error instanceof RateLimitedError && error.retryAfterMs !== undefined ? Math.ceil(error.retryAfterMs / 1000) : undefined;
}

/** The API's own words about the failure, for the "details" line under a translated message. */
export function apiMessageOf(error: unknown): string | undefined {
  if (error instanceof HttpError) return error.detail.message ?? error.detail.code;
  return undefined;
}
