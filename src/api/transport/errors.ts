import { parseRetryAfter } from '../../core/time/retryAfter';

/**
 * Typed failures of a call, so that callers (and later the sending engine's error classes) decide
 * on kinds, not on strings: rate limited, HTTP error with the API's own code, network, timeout,
 * or a response that does not have the expected shape.
 */

export interface ApiErrorDetail {
  /** The API's own error code (`unauthorized`, `RecordNotFound`, …) when it gave one. */
  code?: string;
  message?: string;
}

export class TransportError extends Error {
  override name = 'TransportError';
}

export class HttpError extends TransportError {
  override name = 'HttpError';

  constructor(
    readonly status: number,
    readonly detail: ApiErrorDetail,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
    /** From `Retry-After`, on a 429 and on any other status that sends it (a 503 may). */
    readonly retryAfterMs?: number,
  ) {
    super(`HTTP ${status}${detail.code ? ` ${detail.code}` : ''}${detail.message ? `: ${detail.message}` : ''}`);
  }
}

/** 429: the caller should wait `retryAfterMs` (from `Retry-After`) before trying again. */
export class RateLimitedError extends HttpError {
  override name = 'RateLimitedError';

  constructor(retryAfterMs: number | undefined, detail: ApiErrorDetail, body: unknown, headers: Record<string, string> = {}) {
    super(429, detail, body, headers, retryAfterMs);
  }
}

export class NetworkError extends TransportError {
  override name = 'NetworkError';
}

export class TimeoutError extends TransportError {
  override name = 'TimeoutError';
}

/** The API answered 2xx with a body that is not what its contract says. */
export class InvalidResponseError extends TransportError {
  override name = 'InvalidResponseError';

  constructor(
    readonly endpoint: string,
    readonly issues: string[],
  ) {
    super(`Unexpected response from ${endpoint}: ${issues.slice(0, 3).join('; ')}`);
  }
}

/**
 * Reads the error of any of the bodies our APIs use: Sunshine v2 `{errors:[{code,title}]}`,
 * Sunshine v1 `{error:{code,description}}`, Zendesk `{error, description}` or
 * `{error:{title,message}}`, and Zendesk validation `{details:{field:[{description}]}}`.
 */
export function readErrorDetail(body: unknown): ApiErrorDetail {
  if (!body || typeof body !== 'object') return typeof body === 'string' && body ? { message: body.slice(0, 200) } : {};
  const record = body as Record<string, unknown>;
  const errors = record.errors;
  if (Array.isArray(errors) && errors[0] && typeof errors[0] === 'object') {
    const first = errors[0] as Record<string, unknown>;
    return { code: asString(first.code), message: asString(first.title) ?? asString(first.description) ?? asString(first.detail) };
  }
  const error = record.error;
  if (error && typeof error === 'object') {
    const nested = error as Record<string, unknown>;
    return { code: asString(nested.code) ?? asString(nested.title), message: asString(nested.description) ?? asString(nested.message) };
  }
  return { code: asString(error), message: asString(record.description) ?? asString(record.message) };
}

/** The error a non-2xx response stands for. */
export function errorForStatus(status: number, headers: Record<string, string>, body: unknown): HttpError {
  const detail = readErrorDetail(body);
  const retryAfterMs = parseRetryAfter(headers['retry-after']);
  if (status === 429) return new RateLimitedError(retryAfterMs, detail, body, headers);
  return new HttpError(status, detail, body, headers, retryAfterMs);
}

function asString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
