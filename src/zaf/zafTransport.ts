import { CREDENTIAL_SETTING } from '../core/settings/sunshineCredential';
import type { ZafClient, ZafCompleteResponse, ZafRequestOptions } from './types';
import { errorForStatus, NetworkError, TimeoutError } from '../api/transport/errors';
import { withQuery, type HttpRequest, type HttpResponse, type Transport } from '../api/transport/types';

/**
 * The Authorization header of every Sunshine Conversations call made from Zendesk. The setting is
 * secure, scoped `header`, and holds `base64(keyId:secret)` (see core/settings/sunshineCredential):
 * Zendesk's proxy replaces the placeholder with it, as plain text, so the key never reaches the browser.
 */
export const SUNSHINE_AUTHORIZATION = `Basic {{setting.${CREDENTIAL_SETTING}}}`;

/** Transport over the ZAF client's `request()`: Zendesk's session for the account, its proxy for the rest. */
export class ZafTransport implements Transport {
  constructor(private readonly client: Pick<ZafClient, 'request'>) {}

  async send(request: HttpRequest): Promise<HttpResponse> {
    const url = withQuery(request.url, request.query);
    // ZAF waits out a 429 and sends the request again unless told not to (Zendesk's Apps
    // introduction, "Rate limits"). Off: the app's own layer decides, bounded and on its clock
    // (api/transport/rateLimitRetries.ts), and a Sunshine notification refused with 429 goes back to
    // the sending engine, whose pacer owns it, instead of being sent again behind its back.
    const options: ZafRequestOptions = { url, type: request.method, httpCompleteResponse: true, autoRetry: false };
    if (request.timeoutMs !== undefined) options.timeout = request.timeoutMs;
    if (request.body !== undefined) {
      options.contentType = 'application/json';
      options.data = JSON.stringify(request.body);
    }
    if (request.credentials === 'sunshine') {
      options.secure = true;
      options.cors = false;
      options.headers = { Authorization: SUNSHINE_AUTHORIZATION };
    } else if (!url.startsWith('/')) {
      // The agent's session only authenticates same-account relative URLs.
      throw new TypeError(`Zendesk calls must use a relative /api/ URL, got ${url}`);
    }

    let completed: unknown;
    try {
      completed = await this.client.request(options);
    } catch (failure) {
      throw failureToError(failure);
    }
    const response = toHttpResponse(completed);
    if (response.status < 200 || response.status >= 300) throw errorForStatus(response.status, response.headers, response.body);
    return response;
  }
}

function isCompleteResponse(value: unknown): value is ZafCompleteResponse {
  return !!value && typeof value === 'object' && typeof (value as ZafCompleteResponse).status === 'number';
}

function toHttpResponse(value: unknown): HttpResponse {
  if (!isCompleteResponse(value)) return { status: 200, headers: {}, body: value };
  return { status: value.status, headers: normaliseHeaders(value.headers), body: bodyOf(value) };
}

function failureToError(failure: unknown): Error {
  if (isCompleteResponse(failure)) {
    if (failure.status === 0) {
      return failure.statusText === 'timeout' ? new TimeoutError('The request timed out') : new NetworkError('The network request failed');
    }
    const response = toHttpResponse(failure);
    return errorForStatus(response.status, response.headers, response.body);
  }
  if (failure instanceof Error) return new NetworkError(failure.message);
  return new NetworkError('The request failed');
}

function bodyOf(response: ZafCompleteResponse): unknown {
  if (response.responseJSON !== undefined) return response.responseJSON;
  const text = response.responseText ?? '';
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** ZAF gives headers as an object or as raw `name: value` lines, depending on the version. */
function normaliseHeaders(headers: ZafCompleteResponse['headers']): Record<string, string> {
  const result: Record<string, string> = {};
  if (!headers) return result;
  if (typeof headers === 'string') {
    for (const line of headers.split(/\r?\n/)) {
      const colon = line.indexOf(':');
      if (colon > 0) result[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    return result;
  }
  for (const [name, value] of Object.entries(headers)) result[name.toLowerCase()] = String(value);
  return result;
}
