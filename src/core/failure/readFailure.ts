import { parseRetryAfter } from '../time/retryAfter';

/**
 * A failed call as Herald reads it, whatever threw it: the one reading that both classifiers use
 * (what a failed send means for a campaign, `sending/errorPolicy.ts`; what a failure means for the
 * person who must fix it, `failureCause.ts`). The transport's errors (`src/api/transport/errors.ts`)
 * are read by their shape and their `name`, not with `instanceof`: the domain does not import the
 * API layer, and an error that crossed a worker boundary (structured clone) has lost its class but
 * kept its fields.
 */
export interface Failure {
  /**
   * - `http`: the API answered with an error status;
   * - `timeout`: no answer in time (our timeout, or the platform's `TimeoutError`);
   * - `network`: the connection failed or was cut;
   * - `aborted`: the request was abandoned by our own signal;
   * - `invalid-response`: a 2xx answer whose body is not what the contract says;
   * - `other`: anything else (a bug, an error from a layer we do not know).
   */
  kind: 'http' | 'timeout' | 'network' | 'aborted' | 'invalid-response' | 'other';
  /** The error's `name` (`HttpError`, `TimeoutError`, `NotificationNotSentError`…), '' when it has none. */
  name: string;
  status: number | undefined;
  /** The API's own code: `bad_request`, `app_not_found`, `131026`, `ProxyRefused`… */
  code: string | undefined;
  /** The WhatsApp (Meta) error code, from `code` or from a "(#131026)" in the message. */
  whatsappCode: string | undefined;
  message: string;
  /** The API's own words about an HTTP failure (its message, else its code); undefined for other kinds. */
  apiMessage: string | undefined;
  /** From `Retry-After`, when the API sent one. */
  retryAfterMs: number | undefined;
}

export function readFailure(error: unknown): Failure {
  const record = isRecord(error) ? error : {};
  const name = typeof record.name === 'string' ? record.name : '';
  const detail = isRecord(record.detail) ? record.detail : {};
  const code = nonEmpty(detail.code);
  const apiText = nonEmpty(detail.message);
  const message = apiText ?? nonEmpty(record.message) ?? (typeof error === 'string' ? error : '');
  const status = typeof record.status === 'number' && Number.isInteger(record.status) ? record.status : undefined;
  const kind = kindOf(name, status);
  return {
    kind,
    name,
    status,
    code,
    whatsappCode: whatsappCodeOf(code, message),
    message,
    apiMessage: kind === 'http' ? (apiText ?? code) : undefined,
    retryAfterMs: retryAfterOf(record),
  };
}

function kindOf(name: string, status: number | undefined): Failure['kind'] {
  if (status !== undefined && (name === 'HttpError' || name === 'RateLimitedError' || status >= 400)) return 'http';
  switch (name) {
    // Ours from the transport, and the DOMException of `AbortSignal.timeout()`.
    case 'TimeoutError':
      return 'timeout';
    case 'NetworkError':
      return 'network';
    case 'AbortError':
      return 'aborted';
    case 'InvalidResponseError':
      return 'invalid-response';
    default:
      return 'other';
  }
}

/** WhatsApp codes are numbers (`131026`); Meta words them "(#131026) Message undeliverable". */
function whatsappCodeOf(code: string | undefined, message: string): string | undefined {
  if (code !== undefined && /^\d{3,6}$/.test(code)) return code;
  return /\(#(\d{3,6})\)/.exec(message)?.[1];
}

function retryAfterOf(record: Record<string, unknown>): number | undefined {
  const given = record.retryAfterMs;
  if (typeof given === 'number' && Number.isFinite(given) && given >= 0) return given;
  // An error that kept its headers but not the transport's reading of them.
  const headers = isRecord(record.headers) ? record.headers : {};
  const header = headers['retry-after'];
  return typeof header === 'string' ? parseRetryAfter(header) : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
