import { SESSION_HEADER } from '../../emulator/config';
import type { Emulator } from '../../emulator/index';
import { errorForStatus, NetworkError } from '../../src/api/transport/errors';
import { withQuery, type HttpRequest, type HttpResponse, type Transport } from '../../src/api/transport/types';

/** What the transport needs of an emulator: in this thread, or in a worker (the sending bench). */
export type EmulatorEndpoint = Pick<Emulator, 'config' | 'handle'>;

/**
 * A Transport that hands requests straight to the emulator: no proxy, no network, for
 * measurements where only Herald's own work should count (the bench). Zendesk calls carry the
 * agent's session; Sunshine calls the emulator's key.
 */
export class EmulatorTransport implements Transport {
  constructor(
    private readonly emulator: EmulatorEndpoint,
    private readonly agentId = 1,
  ) {}

  async send(request: HttpRequest): Promise<HttpResponse> {
    const path = withQuery(request.url, request.query);
    const url = path.startsWith('/') ? this.emulator.config.zendeskOrigin + path : path;
    const headers = new Headers({ accept: 'application/json' });
    if (request.credentials === 'zendesk') headers.set(SESSION_HEADER, String(this.agentId));
    else {
      const { keyId, keySecret } = this.emulator.config.sunshine;
      headers.set('authorization', `Basic ${Buffer.from(`${keyId}:${keySecret}`).toString('base64')}`);
    }
    if (request.body !== undefined) headers.set('content-type', 'application/json');
    const response = await this.emulator.handle(
      new Request(url, { method: request.method, headers, body: request.body === undefined ? undefined : JSON.stringify(request.body) }),
    );
    if (response.type === 'error') throw new NetworkError('The emulator cut the connection');
    const text = await response.text();
    const responseHeaders: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      responseHeaders[name.toLowerCase()] = value;
    });
    const body = text === '' ? undefined : (JSON.parse(text) as unknown);
    if (response.status < 200 || response.status >= 300) throw errorForStatus(response.status, responseHeaders, body);
    return { status: response.status, headers: responseHeaders, body };
  }
}
