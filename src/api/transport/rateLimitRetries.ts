import { backoffDelay } from '../../core/time/backoff';
import type { ApiClock } from '../../core/time/clock';
import { RateLimitedError } from './errors';
import type { HttpRequest, HttpResponse, Transport } from './types';

/**
 * The one place where a call refused with 429 is waited out and sent again. Herald shares the
 * account's Zendesk limit with every other app and integration, so a 429 near the limit is routine:
 * a person should not see "too many requests" for a wait of a few seconds. The wait is bounded: up
 * to ten retries, at most `maxWaitMs` in all, `Retry-After` honoured as given (Zendesk asks for exactly
 * that wait), a jittered backoff when it is absent; past the bound the RateLimitedError stays the
 * caller's, with its Retry-After, as before.
 *
 * Sending again never duplicates: a 429 is a refusal before anything is applied (Zendesk counts the
 * request against the limit and answers before running it), so a retried create creates once.
 */

export interface RateLimitRetryOptions {
  /** Sends after the first refusal (default 10): the bound that matters is `maxWaitMs`. */
  maxRetries?: number;
  /** The most one call waits in all (default 30 s): a longer Retry-After is thrown at once, not half waited. */
  maxWaitMs?: number;
  random?: () => number;
}

// A burst of refusals near the account's limit (other apps share it) commonly outlasts a few tries:
// the total wait bounds the call, the count only guards against a Retry-After of zero.
const DEFAULT_MAX_RETRIES = 10;
const DEFAULT_MAX_WAIT_MS = 30_000;

/** Runs `work`, again after each 429 while the bound allows; any other failure is thrown at once. */
export async function retryingRateLimited<T>(work: () => Promise<T>, clock: ApiClock, options: RateLimitRetryOptions = {}): Promise<T> {
  const maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES;
  const maxWaitMs = options.maxWaitMs ?? DEFAULT_MAX_WAIT_MS;
  let waited = 0;
  for (let retry = 1; ; retry++) {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof RateLimitedError) || retry > maxRetries) throw error;
      const wait = error.retryAfterMs ?? backoffDelay(retry, 1000, 8000, options.random);
      if (waited + wait > maxWaitMs) throw error;
      waited += wait;
      await clock.sleep(wait);
    }
  }
}

/**
 * Which calls this layer sends again. Every Zendesk Support call, reads and writes alike. Of
 * Sunshine Conversations, reads only (idempotent). Never a notification send: its 429 belongs to the
 * sending engine (core/sending: the error policy and the pacer slow the whole run down and decide
 * when to send again, on the ledger), which alone decides whether a paid message goes out again; a
 * retry here would hide from it the very 429 its pacer learns from. Other Sunshine writes
 * (templates) stay with the person who made them: Sunshine documents no Retry-After.
 */
export function retriesWhenRateLimited(request: HttpRequest): boolean {
  return request.credentials === 'zendesk' || request.method === 'GET';
}

/** A transport whose calls wait out a 429 (see `retriesWhenRateLimited`) before giving up. */
class RateLimitRetryingTransport implements Transport {
  constructor(
    readonly inner: Transport,
    private readonly clock: ApiClock,
    private readonly options: RateLimitRetryOptions,
  ) {}

  send(request: HttpRequest): Promise<HttpResponse> {
    if (!retriesWhenRateLimited(request)) return this.inner.send(request);
    return retryingRateLimited(() => this.inner.send(request), this.clock, this.options);
  }
}

/** `transport` with rate-limit retries; a transport that already has them is returned as it is (never two layers). */
export function withRateLimitRetries(transport: Transport, clock: ApiClock, options: RateLimitRetryOptions = {}): Transport {
  return transport instanceof RateLimitRetryingTransport ? transport : new RateLimitRetryingTransport(transport, clock, options);
}

/**
 * `transport` without this layer's retries, for the code that must see a 429 itself: a wait it
 * reports (the audience export shows its progress while it waits), or a write whose timing is part
 * of its meaning (the campaign lease: a claim written late could overwrite a runner that took over).
 */
export function withoutRateLimitRetries(transport: Transport): Transport {
  return transport instanceof RateLimitRetryingTransport ? transport.inner : transport;
}
