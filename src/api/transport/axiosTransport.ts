import axios, { type AxiosInstance } from 'axios';
import { errorForStatus, NetworkError, TimeoutError } from './errors';
import { withQuery, type HttpRequest, type HttpResponse, type Transport } from './types';

export interface AxiosTransportOptions {
  /** `https://{subdomain}.zendesk.com`: relative `/api/` URLs are resolved against it. */
  zendeskOrigin: string;
  /** API token credentials for Zendesk (`email/token:token`). */
  zendeskToken?: { email: string; token: string };
  /** An OAuth access token for Zendesk, sent as `Bearer`: instead of `zendeskToken`, never with it. */
  zendeskOAuthToken?: string;
  /** Conversations API key, for code that runs outside the browser. */
  sunshineKey?: { keyId: string; secret: string };
  defaultTimeoutMs?: number;
  instance?: AxiosInstance;
}

/** Transport for code running outside Zendesk (Node tools, tests, a future server-side runner). */
export class AxiosTransport implements Transport {
  private readonly http: AxiosInstance;
  private readonly zendeskOrigin: string;

  constructor(private readonly options: AxiosTransportOptions) {
    if (options.zendeskToken && options.zendeskOAuthToken) {
      throw new TypeError('Give either zendeskToken or zendeskOAuthToken, not both: which one authenticates would be a guess');
    }
    this.http = options.instance ?? axios.create();
    this.zendeskOrigin = new URL(options.zendeskOrigin).origin;
  }

  async send(request: HttpRequest): Promise<HttpResponse> {
    const path = withQuery(request.url, request.query);
    const url = path.startsWith('/') ? this.zendeskOrigin + path : path;
    // The Zendesk credentials act as an agent of the account: they go to the account's origin only.
    if (request.credentials === 'zendesk' && new URL(url).origin !== this.zendeskOrigin) {
      throw new TypeError(`Zendesk calls must stay on ${this.zendeskOrigin}, got ${new URL(url).origin}`);
    }
    const headers: Record<string, string> = { Accept: 'application/json' };
    const authorization = this.authorization(request);
    if (authorization) headers.Authorization = authorization;
    if (request.body !== undefined) headers['Content-Type'] = 'application/json';

    // One deadline for the whole exchange, body included, on our own timer: axios's `timeout` that
    // fires while the body is arriving rejects as "stream has been aborted", which would read as a
    // network failure (a send in doubt would then count as never made).
    const timeoutMs = request.timeoutMs ?? this.options.defaultTimeoutMs ?? 30_000;
    const deadline = new AbortController();
    const timer = timeoutMs > 0 ? setTimeout(() => deadline.abort(), timeoutMs) : undefined;
    try {
      const response = await this.http.request<string>({
        url,
        method: request.method,
        headers,
        data: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal: deadline.signal,
        responseType: 'text',
        transformResponse: [(data: unknown) => data],
        validateStatus: () => true,
      });
      const responseHeaders: Record<string, string> = {};
      for (const [name, value] of Object.entries(response.headers)) {
        if (value !== undefined && value !== null) responseHeaders[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
      }
      const body = parseBody(response.data);
      if (response.status < 200 || response.status >= 300) throw errorForStatus(response.status, responseHeaders, body);
      return { status: response.status, headers: responseHeaders, body };
    } catch (error) {
      if (deadline.signal.aborted) throw new TimeoutError(`No complete answer within ${timeoutMs} ms`);
      if (axios.isAxiosError(error)) {
        // A timeout of the axios instance's own (`options.instance`) or of the socket.
        if (error.code === 'ECONNABORTED' || error.code === 'ETIMEDOUT') throw new TimeoutError(error.message);
        throw new NetworkError(error.message);
      }
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  private authorization(request: HttpRequest): string | undefined {
    if (request.credentials === 'sunshine') {
      const key = this.options.sunshineKey;
      return key ? basicCredentials(key.keyId, key.secret) : undefined;
    }
    if (this.options.zendeskOAuthToken) return `Bearer ${this.options.zendeskOAuthToken}`;
    const token = this.options.zendeskToken;
    return token ? basicCredentials(`${token.email}/token`, token.token) : undefined;
  }
}

/**
 * `Basic base64(user:password)` over the UTF-8 bytes (RFC 7617 §2.1: UTF-8 is the one charset a
 * server may ask for; the emulator decodes UTF-8). `btoa` alone takes each character as one Latin-1
 * byte: it garbles é and throws on anything past U+00FF.
 */
function basicCredentials(user: string, password: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(`${user}:${password}`)) binary += String.fromCharCode(byte);
  return `Basic ${btoa(binary)}`;
}

function parseBody(text: string | undefined): unknown {
  if (text === undefined || text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
