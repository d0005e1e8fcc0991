import { performance } from 'node:perf_hooks';
import type { HttpRequest, HttpResponse, Transport } from '../src/api/transport/types';
import type { RetryAfterWindow } from '../tests/support/retryAfterWindows';
import type { WorkerEmulator } from './workerEmulator';

/**
 * The Notification API's rate limiter having bad moments: from `firstMs` after the first
 * notification, then every `everyMs`, every notification that arrives within `burstMs` is refused
 * with a 429 whose Retry-After is 1 or 2 s (drawn for each response). The emulator answers the
 * 429s (a fault armed for that one request), so the engine reads them as it reads the real ones.
 *
 * `windows` are the Retry-After windows, [refusal, refusal + Retry-After] in `performance.now()`
 * time: the moments the API asked not to be sent to, which the share of the target leaves out.
 */
export class RateLimitBursts implements Transport {
  readonly windows: RetryAfterWindow[] = [];
  private firstAt: number | undefined;

  constructor(
    private readonly inner: Transport,
    private readonly emulator: WorkerEmulator,
    private readonly schedule: { firstMs: number; everyMs: number; burstMs: number },
  ) {}

  async send(request: HttpRequest): Promise<HttpResponse> {
    if (!request.url.endsWith('/notifications')) return this.inner.send(request);
    const now = performance.now();
    this.firstAt ??= now;
    const sinceFirst = now - this.firstAt - this.schedule.firstMs;
    if (sinceFirst < 0 || sinceFirst % this.schedule.everyMs >= this.schedule.burstMs) return this.inner.send(request);
    const retryAfterSeconds = Math.random() < 0.5 ? 1 : 2;
    await this.emulator.addFault({ match: { service: 'sunshine', path: /\/notifications$/ }, fault: { kind: 'rateLimit', retryAfterSeconds }, times: 1 });
    try {
      return await this.inner.send(request);
    } finally {
      const refusedAt = performance.now();
      this.windows.push([refusedAt, refusedAt + retryAfterSeconds * 1000]);
    }
  }
}
