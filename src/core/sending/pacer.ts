import { AdaptiveRate, MIN_RATE } from './adaptiveRate';
import type { SendClock } from './ports';

/**
 * The pace of a campaign: when the next send may start.
 *
 * - **Hard cap**: never more starts than the target rate in any one-second window, whatever
 *   window one looks at (a sliding window of start times, not a counter reset each second),
 *   even for sends that leave up to 10 ms after their start (`JITTER_ALLOWANCE_MS`).
 * - **Smooth**: starts are spread evenly, one every 1010/rate ms at the current rate, so a
 *   channel sees a steady flow instead of a burst at the top of each second.
 * - **Bounded**: at most `maxInFlight` sends started and not yet released, so a slow API does not
 *   pile up thousands of open requests (and thousands of unknown outcomes if the tab dies).
 * - **Adaptive**: a rate limit stops every start until its Retry-After ends and halves the current
 *   rate, once per congestion event; successes then win the target back within seconds
 *   (`AdaptiveRate` says why and how).
 *
 * Waiters are served first come, first served. Every wait ends at once when its signal aborts,
 * including a wait for the end of a rate-limit pause: pausing a campaign never waits a backoff out
 * (the lesson of listmonk's "Sleeping for 59m12s" after a pause).
 */
export interface PacerOptions {
  /** Target rate in messages per second: an integer from 1 to 1000 (the send-rate setting). */
  rate: number;
  clock: SendClock;
  /** Sends started and not yet released; defaults to `defaultMaxInFlight(rate)`. */
  maxInFlight?: number;
}

export const MAX_RATE = 1000;
const WINDOW_MS = 1000;
/**
 * The pacer's own second is this much longer: starts are spaced by (1000 + 10) / rate ms and the
 * hard cap counts over 1,010 ms. A send leaves a little after its start (the event loop, a garbage
 * collection, a clock that ticks in whole ms); with this allowance a send up to 10 ms late still
 * never makes any real second hold more than the rate. It costs 1 % of the rate.
 */
const JITTER_ALLOWANCE_MS = 10;
const PACED_WINDOW_MS = WINDOW_MS + JITTER_ALLOWANCE_MS;
/** Lateness of a wake-up made up by the following starts; beyond it the lost time stays lost. */
const MAX_CATCH_UP_MS = 100;

/**
 * The least time `count` sends take at `rate`, in seconds: the pacer's spacing, with nothing
 * refused, retried, held or slowed on the way.
 */
export function minimumSendingSeconds(count: number, rate: number): number {
  return (count * PACED_WINDOW_MS) / rate / 1000;
}

/** Two seconds' worth of sends, never fewer than 8 nor more than 256 open requests. */
export function defaultMaxInFlight(rate: number): number {
  return Math.min(256, Math.max(8, Math.ceil(rate * 2)));
}

interface Waiter {
  resolve(startedAt: number): void;
  reject(reason: unknown): void;
  signal: AbortSignal | undefined;
  onAbort: () => void;
}

export class Pacer {
  private readonly clock: SendClock;
  private readonly fixedMaxInFlight: number | undefined;
  private readonly rate: AdaptiveRate;
  private readonly limitInFlight: number;
  private inFlightCount = 0;
  /** Start times of the last second, oldest first, from `startsHead` on. */
  private starts: number[] = [];
  private startsHead = 0;
  /**
   * What the last start's spacing counts from (see `recordStart`). The next slot is computed from
   * it at the rate of the moment, so that a rate won back after a rate limit spaces the very next
   * start, not the one after it (at 1/s the slot already set would be a second away).
   */
  private lastAnchor = Number.NEGATIVE_INFINITY;
  private readonly queue: Waiter[] = [];
  private wakeUp: AbortController | undefined;
  private wakeUpAt = Number.POSITIVE_INFINITY;

  constructor(options: PacerOptions) {
    checkRate(options.rate);
    if (options.maxInFlight !== undefined && !(Number.isInteger(options.maxInFlight) && options.maxInFlight >= 1)) {
      throw new RangeError(`maxInFlight must be a positive integer, not ${options.maxInFlight}`);
    }
    this.clock = options.clock;
    this.rate = new AdaptiveRate(options.rate);
    this.fixedMaxInFlight = options.maxInFlight;
    this.limitInFlight = options.maxInFlight ?? defaultMaxInFlight(options.rate);
  }

  get targetRate(): number {
    return this.rate.target;
  }

  /** The rate the pacer spaces starts at now: the target, or less after a rate limit. */
  get currentRate(): number {
    return this.rate.current;
  }

  get inFlight(): number {
    return this.inFlightCount;
  }

  get maxInFlight(): number {
    return this.limitInFlight;
  }

  /** When the current rate-limit pause ends, or undefined when there is none. */
  get pausedUntil(): number | undefined {
    const until = this.rate.holdUntil;
    return until > this.clock.now() ? until : undefined;
  }

  /** Callers waiting in `acquire`. */
  get waiting(): number {
    return this.queue.length;
  }

  /**
   * Resolves with the start time when one send may start, and counts it as started (call `release`
   * once it settles, and give that time to `onSuccess` or `onRateLimited`). Rejects with the
   * signal's reason as soon as `signal` aborts.
   */
  acquire(signal?: AbortSignal): Promise<number> {
    if (signal?.aborted) return Promise.reject(signal.reason as unknown);
    return new Promise<number>((resolve, reject) => {
      const waiter: Waiter = {
        resolve,
        reject,
        signal,
        onAbort: () => {
          const index = this.queue.indexOf(waiter);
          if (index < 0) return;
          this.queue.splice(index, 1);
          reject(signal?.reason as unknown);
          // The head may have left: the next one may start sooner (or at once).
          if (index === 0) this.pump();
        },
      };
      signal?.addEventListener('abort', waiter.onAbort, { once: true });
      this.queue.push(waiter);
      if (this.queue.length === 1) this.pump();
    });
  }

  /** A send started by `acquire` has settled, whatever its outcome. */
  release(): void {
    if (this.inFlightCount === 0) throw new Error('Pacer.release() called more often than acquire()');
    this.inFlightCount -= 1;
    this.pump();
  }

  /** The send started at `startedAt` (what `acquire` gave) was accepted: the rate climbs back towards the target. */
  onSuccess(startedAt: number): void {
    const before = this.rate.current;
    this.rate.onSuccess(this.clock.now(), startedAt);
    // A waiter asleep until a slot spaced at the lower rate may start sooner now.
    if (this.rate.current > before) this.pump();
  }

  /**
   * The API refused the send started at `startedAt` for the pace: nothing starts before its
   * Retry-After ends (a growing backoff when the API gave none), and the rate halves once per
   * congestion event (see `AdaptiveRate`).
   */
  onRateLimited(startedAt: number, retryAfterMs?: number): void {
    this.rate.onRateLimited(this.clock.now(), startedAt, retryAfterMs);
    this.pump();
  }

  /** Starts every waiter that may start now, then sleeps until the head of the queue may. */
  private pump(): void {
    if (this.queue.length === 0) this.cancelWakeUp();
    while (this.queue.length > 0) {
      if (this.inFlightCount >= this.limitInFlight) return; // `release` pumps again.
      const now = this.clock.now();
      const due = this.earliestStart(now);
      if (due > now) {
        this.sleepUntil(due, now);
        return;
      }
      const waiter = this.queue.shift() as Waiter;
      this.recordStart(now, due);
      waiter.signal?.removeEventListener('abort', waiter.onAbort);
      waiter.resolve(now);
    }
  }

  private earliestStart(now: number): number {
    this.forgetStartsBefore(now - PACED_WINDOW_MS);
    let earliest = Math.max(this.rate.holdUntil, this.lastAnchor + PACED_WINDOW_MS / this.rate.current);
    const inWindow = this.starts.length - this.startsHead;
    const limit = Math.max(1, Math.floor(this.rate.target));
    // With `limit` starts in the last second, the next may start once the oldest that would
    // make it `limit + 1` has left the window.
    if (inWindow >= limit) earliest = Math.max(earliest, (this.starts[this.starts.length - limit] as number) + PACED_WINDOW_MS);
    return earliest;
  }

  /** Counts a start at `now` that was allowed from `due`. */
  private recordStart(now: number, due: number): void {
    this.inFlightCount += 1;
    this.starts.push(now);
    // Real timers wake late (a few ms, 4 ms once nested, more under load). Anchoring the next slot
    // on when this start was due, not on when it happened, keeps those few ms from adding up into
    // a slower run, and lets a high rate start several sends per wake-up. A longer delay (the
    // first send, the end of a pause, a wait for a free slot, a throttled tab) is not made up:
    // that would be a burst.
    this.lastAnchor = now - due <= MAX_CATCH_UP_MS ? due : now;
  }

  private forgetStartsBefore(limit: number): void {
    while (this.startsHead < this.starts.length && (this.starts[this.startsHead] as number) <= limit) this.startsHead += 1;
    if (this.startsHead > 1024 && this.startsHead * 2 > this.starts.length) {
      this.starts = this.starts.slice(this.startsHead);
      this.startsHead = 0;
    }
  }

  private sleepUntil(startAt: number, now: number): void {
    // Whole milliseconds, rounded up: clocks tick in ms, and a wake-up a hair early would only
    // sleep again.
    const delay = Math.max(1, Math.ceil(startAt - now));
    const wakeAt = now + delay;
    // A wake-up already set in time serves: at a high rate `release` pumps a thousand times a
    // second, and a new timer each time would cost more than the sends.
    if (this.wakeUp && this.wakeUpAt <= wakeAt) return;
    this.cancelWakeUp();
    const wakeUp = new AbortController();
    this.wakeUp = wakeUp;
    this.wakeUpAt = wakeAt;
    this.clock.sleep(delay, wakeUp.signal).then(
      () => {
        if (this.wakeUp === wakeUp) {
          this.wakeUp = undefined;
          this.pump();
        }
      },
      () => undefined,
    );
  }

  private cancelWakeUp(): void {
    this.wakeUp?.abort();
    this.wakeUp = undefined;
  }
}

function checkRate(rate: number): void {
  if (!Number.isInteger(rate) || rate < MIN_RATE || rate > MAX_RATE) {
    throw new RangeError(`The send rate must be a whole number of messages per second from ${MIN_RATE} to ${MAX_RATE}, not ${rate}`);
  }
}
