import { readFailure, type Failure } from './readFailure';

/**
 * What a failure means for the person who has to fix it. Every screen explains these in plain
 * words (`errors.*`, `settings.*.cause.*`); they are read from the same `readFailure` as the
 * sending engine's error policy, so a failure is never understood two ways.
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
  return causeOfFailure(readFailure(error));
}

function causeOfFailure(failure: Failure): FailureCause {
  switch (failure.kind) {
    case 'http': {
      const status = failure.status ?? 0;
      if (status === 429) return 'rate-limited';
      if (failure.code === 'ProxyRefused' && /domainWhitelist/i.test(failure.message)) return 'host-not-allowed';
      // The proxy could not put the key in the request (no credential saved, as after an update that
      // changed how the key is kept): for the admin, the key is what must be entered again.
      if (failure.code === 'ProxyRefused' && /setting/i.test(failure.message)) return 'credentials-rejected';
      if (status === 401) return 'credentials-rejected';
      if (status === 403) return 'not-permitted';
      if (status === 404) return 'not-found';
      if (status >= 500) return 'server-error';
      if (status >= 400) return 'bad-request';
      return 'unexpected';
    }
    case 'timeout':
      return 'timeout';
    case 'network':
      return 'unreachable';
    case 'invalid-response':
      return 'unexpected-response';
    default:
      return 'unexpected';
  }
}

/** Seconds to wait before retrying a rate-limited call, when the API said. */
export function retryAfterSeconds(error: unknown): number | undefined {
  const failure = readFailure(error);
  return failure.kind === 'http' && failure.status === 429 && failure.retryAfterMs !== undefined ? Math.ceil(failure.retryAfterMs / 1000) : undefined;
}

/** The API's own words about the failure, for the "details" line under a translated message. */
export function apiMessageOf(error: unknown): string | undefined {
  return readFailure(error).apiMessage;
}
