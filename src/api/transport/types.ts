/**
 * Every HTTP call of the app goes through a Transport: in Zendesk it is the ZAF client's
 * `request()`, elsewhere axios. Clients above it only see these types and the errors of ./errors.
 */

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Whose credentials the call needs. */
export type Credentials =
  /** The Zendesk account itself: the agent's session in Zendesk, an API token elsewhere. */
  | 'zendesk'
  /** The Sunshine Conversations key: secure settings in Zendesk, never visible to the app. */
  | 'sunshine';

export interface HttpRequest {
  method: HttpMethod;
  /** Absolute URL, or a path starting with `/api/` on the Zendesk account. */
  url: string;
  query?: Record<string, string | number | boolean | undefined>;
  /** Serialised as JSON. */
  body?: unknown;
  credentials: Credentials;
  timeoutMs?: number;
}

export interface HttpResponse {
  status: number;
  /** Lower-case header names. */
  headers: Record<string, string>;
  /** Parsed JSON, or the raw text when the body is not JSON. */
  body: unknown;
}

export interface Transport {
  /** Resolves for 2xx responses; rejects with an error of ./errors otherwise. */
  send(request: HttpRequest): Promise<HttpResponse>;
}

/** The URL with its query string, keys in the given order, undefined values dropped. */
export function withQuery(url: string, query: HttpRequest['query']): string {
  if (!query) return url;
  const pairs = Object.entries(query).filter((entry): entry is [string, string | number | boolean] => entry[1] !== undefined);
  if (pairs.length === 0) return url;
  const search = pairs.map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`).join('&');
  return `${url}${url.includes('?') ? '&' : '?'}${search}`;
}
