import type { HttpRequest, HttpResponse, Transport } from '../../src/api/transport/types';

/** A transport whose requests travel for a while on a test clock before they reach the server. */
export class SlowTransport implements Transport {
  constructor(
    private readonly inner: Transport,
    private readonly clock: { sleep(ms: number): Promise<void> },
    private readonly latency: (request: HttpRequest) => number,
  ) {}

  async send(request: HttpRequest): Promise<HttpResponse> {
    await this.clock.sleep(this.latency(request));
    return this.inner.send(request);
  }
}
