/**
 * A sliding one-minute window on the emulator clock: the Support API's account limit (700 requests
 * per minute on Enterprise) and the Export Search Results limit (100 per minute). A refused request
 * is not counted; `Retry-After` is the wait until the oldest counted request leaves the window.
 */
export interface RateDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  retryAfterSeconds: number;
}

export class SlidingWindowLimiter {
  /** Times of the counted requests, oldest first (a queue: `head` is its start). */
  private hits: number[] = [];
  private head = 0;

  constructor(
    readonly limit: number,
    readonly windowMs = 60_000,
  ) {}

  take(now: number): RateDecision {
    while (this.head < this.hits.length && (this.hits[this.head] as number) <= now - this.windowMs) this.head++;
    if (this.head > 1024 && this.head * 2 > this.hits.length) {
      this.hits = this.hits.slice(this.head);
      this.head = 0;
    }
    const counted = this.hits.length - this.head;
    if (counted >= this.limit) {
      const oldest = this.hits[this.head] as number;
      const retryAfterSeconds = Math.max(1, Math.ceil((oldest + this.windowMs - now) / 1000));
      return { allowed: false, limit: this.limit, remaining: 0, retryAfterSeconds };
    }
    // A clock set backwards must not make the queue unordered: count the request at the latest time seen.
    const last = this.hits[this.hits.length - 1];
    this.hits.push(last !== undefined && last > now ? last : now);
    return { allowed: true, limit: this.limit, remaining: this.limit - counted - 1, retryAfterSeconds: 0 };
  }
}
