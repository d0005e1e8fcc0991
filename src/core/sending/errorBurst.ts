/**
 * Pauses a campaign that fails too often, on the recent failure rate, not a lifetime count (the
 * listmonk lesson): more than `maxFailures` failures among the last `window` attempts. It can trip
 * before `window` attempts: 21 failures in the first 21 sends are already too many.
 *
 * Intended use by the runner, one `record` per finished send attempt:
 * - `failure`: `recipient-failed` and `ambiguous` results. A run of refusals nobody classified as
 *   systemic (a 400 on every message) or of timeouts (the API is struggling, and every timeout is
 *   an unverified recipient) is exactly what should stop the campaign.
 * - `neutral`: skips (marketing cap, opt-out): Meta's judgement of one person, not a fault of the
 *   campaign. They take a place among the last attempts.
 * - `ok`: accepted sends.
 * - nothing at all for a `retry` (the pacer handles pace) or a `stop` (the campaign stops anyway).
 *
 * On resume after a pause for `error-burst`, `reset()` gives the campaign a fresh window.
 */
export type AttemptOutcome = 'ok' | 'failure' | 'neutral';

export interface ErrorBurstOptions {
  window?: number;
  maxFailures?: number;
}

export const ERROR_BURST_WINDOW = 100;
export const ERROR_BURST_MAX_FAILURES = 20;

export class ErrorBurstDetector {
  readonly window: number;
  readonly maxFailures: number;
  /** The last attempts, as a ring: true for a failure. */
  private readonly ring: boolean[] = [];
  private next = 0;
  private failureCount = 0;

  constructor(options: ErrorBurstOptions = {}) {
    this.window = options.window ?? ERROR_BURST_WINDOW;
    this.maxFailures = options.maxFailures ?? ERROR_BURST_MAX_FAILURES;
    if (!Number.isInteger(this.window) || this.window < 1) throw new RangeError(`The window must be a positive integer, not ${this.window}`);
    if (!Number.isInteger(this.maxFailures) || this.maxFailures < 0 || this.maxFailures >= this.window) {
      throw new RangeError(`maxFailures must be an integer from 0 to ${this.window - 1}, not ${this.maxFailures}`);
    }
  }

  record(outcome: AttemptOutcome): void {
    const failed = outcome === 'failure';
    if (this.ring.length < this.window) this.ring.push(failed);
    else {
      if (this.ring[this.next]) this.failureCount -= 1;
      this.ring[this.next] = failed;
    }
    this.next = (this.next + 1) % this.window;
    if (failed) this.failureCount += 1;
  }

  /** More than `maxFailures` failures among the last `window` attempts. */
  get tripped(): boolean {
    return this.failureCount > this.maxFailures;
  }

  /** Failures among the last attempts. */
  get failures(): number {
    return this.failureCount;
  }

  /** Attempts remembered (at most `window`). */
  get attempts(): number {
    return this.ring.length;
  }

  reset(): void {
    this.ring.length = 0;
    this.next = 0;
    this.failureCount = 0;
  }
}
