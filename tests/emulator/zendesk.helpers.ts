import { createEmulator, ManualClock, SESSION_HEADER, type Emulator } from '../../emulator/index';
import type { ZendeskSeedOptions } from '../../emulator/zendesk/state';

/**
 * A Zendesk emulator on a manual clock, and a small client for it: requests go through
 * `emulator.handle(new Request(…))`, as an app's would through the proxy. `as` is the agent whose
 * session signs the request (default Alex Martin, admin); `as: null` sends no credentials.
 */

/** Response bodies are read loosely in tests; each test states what it expects of them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export interface ZendeskReply<T = Json> {
  status: number;
  headers: Headers;
  body: T;
  /** The absolute URL called, for contract checks. */
  url: string;
}

export interface RequestOptions {
  body?: unknown;
  as?: number | null;
  headers?: Record<string, string>;
}

export interface ZendeskTestClient {
  clock: ManualClock;
  emulator: Emulator;
  origin: string;
  request<T = Json>(method: string, path: string, options?: RequestOptions): Promise<ZendeskReply<T>>;
  get<T = Json>(path: string, options?: RequestOptions): Promise<ZendeskReply<T>>;
}

export function zendeskTestClient(options: ZendeskSeedOptions = {}, clock = new ManualClock()): ZendeskTestClient {
  const emulator = createEmulator({ clock, zendesk: options });
  const origin = emulator.config.zendeskOrigin;
  const request = async <T>(method: string, path: string, { body, as = 1, headers = {} }: RequestOptions = {}): Promise<ZendeskReply<T>> => {
    const url = path.startsWith('http') ? path : origin + path;
    const sent = new Headers(headers);
    if (as !== null) sent.set(SESSION_HEADER, String(as));
    if (body !== undefined && !sent.has('content-type')) sent.set('content-type', 'application/json');
    const response = await emulator.handle(
      new Request(url, { method, headers: sent, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) }),
    );
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : undefined) as T, url };
  };
  return { clock, emulator, origin, request, get: (path, requestOptions) => request('GET', path, requestOptions) };
}

/** Basic auth with the account's API token, as a client outside Zendesk would send it. */
export function apiTokenHeader(emulator: Emulator, token = emulator.config.zendeskApiToken.token): Record<string, string> {
  const credentials = `${emulator.config.zendeskApiToken.email}/token:${token}`;
  return { authorization: `Basic ${Buffer.from(credentials, 'utf8').toString('base64')}` };
}

/** An OAuth access token as a client outside Zendesk sends it: the account's full-access one by default. */
export function bearerHeader(emulator: Emulator, token = emulator.config.zendeskOAuthToken.token): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}
