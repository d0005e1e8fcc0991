/**
 * A client-side sliding window: at most `limit` requests in any `windowMs`. Keeping under the
 * documented limit ourselves is cheaper than being refused (a 429 still counts on some limits) and
 * keeps the export's pace steady. A request sent at `t` leaves the window at `t + windowMs`.
 */
export class RequestWindow {
  /** Send times of the requests still in the window, oldest first; never longer than `limit`. */
  private readonly sent: number[] = [];

  constructor(
    readonly limit: number,
    readonly windowMs = 60_000,
  ) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`The request limit must be a positive integer, not ${limit}`);
  }

  /** Milliseconds to wait, from `now`, before one more request fits in the window (0: it fits now). */
  delayBefore(now: number): number {
    while (this.sent.length > 0 && (this.sent[0] as number) <= now - this.windowMs) this.sent.shift();
    if (this.sent.length < this.limit) return 0;
    return (this.sent[0] as number) + this.windowMs - now;
  }

  /** Counts a request sent at `now`. */
  record(now: number): void {
    this.sent.push(now);
    if (this.sent.length > this.limit) this.sent.shift();
  }
}
