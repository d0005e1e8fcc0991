/**
 * Sunshine's retry policy (v2 spec, tag Webhooks, "Retry policy"): "up to 5 times over a 15 minute
 * window", "at an exponentially increasing interval" unless the answer is a success or a
 * non-recoverable error; "if no response is received within 20 seconds, the call will be considered
 * a failure". The intervals are not given: doubling from one minute (1, 2, 4, 8) is assumed, which
 * puts the fifth attempt at minute 15.
 */
export const WEBHOOK_MAX_ATTEMPTS = 5;
export const WEBHOOK_TIMEOUT_MS = 20_000;
const FIRST_RETRY_MS = 60_000;

/** "Non-recoverable errors": never retried. */
export const NON_RECOVERABLE_STATUSES: ReadonlySet<number> = new Set([400, 401, 403, 404, 406]);

/** How long after a failed attempt number `attempt` (1-based) the next one is made. */
export function retryDelayMs(attempt: number): number {
  return FIRST_RETRY_MS * 2 ** (attempt - 1);
}

export type AttemptOutcome = number | 'timeout' | 'network';

export type AttemptVerdict = 'delivered' | 'refused' | 'retry' | 'abandoned';

export function verdictOf(outcome: AttemptOutcome, attempt: number): AttemptVerdict {
  if (typeof outcome === 'number' && outcome >= 200 && outcome < 300) return 'delivered';
  if (typeof outcome === 'number' && NON_RECOVERABLE_STATUSES.has(outcome)) return 'refused';
  return attempt < WEBHOOK_MAX_ATTEMPTS ? 'retry' : 'abandoned';
}
