import { backoffDelay } from '../time/backoff';

/**
 * The rate the pacer aims at after the API said "too many" (429), and until when it must not send.
 *
 * A rate limit is a **congestion event**, not one refusal: when the API starts refusing, every send
 * already in flight comes back refused too, up to a few hundred ms later (or seconds, on a slow
 * day). Counting each of those as a new signal is what made recovery slow: every late refusal cut
 * the rate again and, without a Retry-After, counted as one more "in a row" and doubled the
 * backoff (ten sends in flight gave a 30–60 s pause). So:
 *
 * - A refusal of a send that **started after the last cut** is a new event: the rate halves, and
 *   nothing starts until its Retry-After ends (a backoff growing with the events in a row when the
 *   API gave none).
 * - A refusal of a send that started **before** it is the same event seen late: it never cuts
 *   again, but its own Retry-After is honoured (the API asked each of them to wait that long).
 * - Once the hold ends, each second of successes of sends started after the cut doubles the rate
 *   (at least a tenth of the target more), up to the target: from half, the target is back within
 *   a second, from an eighth after three events in a row within three. A burst of 429s is
 *   temporary; a campaign that crawls back at a tenth a second spent most of its time far below
 *   what the API allowed (the review measured 12.5/s of 40/s). If the API still refuses, the next
 *   refusal is a new event: the rate keeps halving as long as 429s keep coming.
 *
 * A success of a send that started before the cut says nothing of the pace after it: it neither
 * raises the rate nor ends the events in a row. Time in a hold never counts as success.
 */
export const MIN_RATE = 1;
/** Each second of successes multiplies the rate by this much… */
const RECOVERY_FACTOR_PER_SECOND = 2;
/** …or adds at least this share of the target (from 1/s, doubling alone is slow at a high target). */
const MIN_RECOVERY_PER_SECOND = 0.1;
const SECOND_MS = 1000;
/** Backoff of a rate limit that gave no Retry-After: from 1 s, doubling per event in a row, at most a minute. */
const RATE_LIMIT_BACKOFF = { baseMs: 1000, maxMs: 60_000 };

export class AdaptiveRate {
  private rate: number;
  private holdEndsAt = Number.NEGATIVE_INFINITY;
  /** When the last congestion event began: sends started before it are part of it. */
  private lastCutAt = Number.NEGATIVE_INFINITY;
  private eventsInARow = 0;
  /** Successes raise the rate by the time elapsed since this moment (never counting a hold). */
  private growthFrom = Number.NEGATIVE_INFINITY;

  constructor(
    readonly target: number,
    private readonly random: () => number = Math.random,
  ) {
    this.rate = target;
  }

  get current(): number {
    return this.rate;
  }

  /** Nothing may start before this moment. */
  get holdUntil(): number {
    return this.holdEndsAt;
  }

  /** A send that started at `startedAt` was refused at `now` for the pace, with the API's Retry-After if any. */
  onRateLimited(now: number, startedAt: number, retryAfterMs?: number): void {
    const given = retryAfterMs !== undefined && Number.isFinite(retryAfterMs) && retryAfterMs >= 0 ? retryAfterMs : undefined;
    if (startedAt <= this.lastCutAt) {
      // The same event, seen late.
      if (given !== undefined) this.holdEndsAt = Math.max(this.holdEndsAt, now + given);
      return;
    }
    this.eventsInARow += 1;
    this.rate = Math.max(MIN_RATE, this.rate / 2);
    this.lastCutAt = now;
    const waitMs = given ?? backoffDelay(this.eventsInARow, RATE_LIMIT_BACKOFF.baseMs, RATE_LIMIT_BACKOFF.maxMs, this.random);
    this.holdEndsAt = Math.max(this.holdEndsAt, now + waitMs);
  }

  /** A send that started at `startedAt` was accepted at `now`. */
  onSuccess(now: number, startedAt: number): void {
    if (startedAt <= this.lastCutAt) return;
    this.eventsInARow = 0;
    if (this.rate < this.target) {
      const from = Math.max(this.growthFrom, this.holdEndsAt, this.lastCutAt);
      // Never credit more than one second at a time: a long silence (held recipients, a slow API)
      // is not a second of success.
      const seconds = Math.min(SECOND_MS, Math.max(0, now - from)) / SECOND_MS;
      const multiplied = this.rate * RECOVERY_FACTOR_PER_SECOND ** seconds;
      const added = this.rate + this.target * MIN_RECOVERY_PER_SECOND * seconds;
      this.rate = Math.min(this.target, Math.max(multiplied, added));
    }
    this.growthFrom = now;
  }
}
