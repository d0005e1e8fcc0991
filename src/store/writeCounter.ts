import type { HttpRequest, HttpResponse, Transport } from '../api/transport/types';

/** What a store wrote to custom objects: records written, and the requests it took (job polls included). */
export interface WriteCount {
  records: number;
  requests: number;
}

/**
 * A transport that counts the custom-object writes going through it, so that tests and the bench
 * can tell what a campaign costs in requests against the account's rate limit (200 to 700 a
 * minute, shared with every agent). Reads are counted apart.
 */
export class WriteCountingTransport implements Transport {
  private written: WriteCount = { records: 0, requests: 0 };
  private readRequests = 0;

  constructor(private readonly inner: Transport) {}

  get writes(): WriteCount {
    return { ...this.written };
  }

  get reads(): number {
    return this.readRequests;
  }

  async send(request: HttpRequest): Promise<HttpResponse> {
    const kind = requestKind(request);
    if (kind === 'read') this.readRequests += 1;
    else this.written.requests += 1;
    const response = await this.inner.send(request);
    // Counted once accepted: a refused request wrote nothing.
    if (kind === 'write') this.written.records += recordsIn(request);
    return response;
  }
}

function requestKind(request: HttpRequest): 'read' | 'write' | 'poll' {
  if (request.url.includes('/job_statuses/')) return 'poll';
  if (request.method === 'GET') return 'read';
  // Search is a POST that only reads.
  if (request.method === 'POST' && request.url.endsWith('/records/search')) return 'read';
  return 'write';
}

function recordsIn(request: HttpRequest): number {
  const body = request.body as { job?: { items?: unknown } } | undefined;
  const items = body?.job?.items;
  return Array.isArray(items) ? items.length : 1;
}
