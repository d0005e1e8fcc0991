import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

/** One webhook call as Sunshine makes it: `POST target` with a JSON body and the webhook's headers. */
export interface WebhookCall {
  target: string;
  headers: Record<string, string>;
  body: string;
  /** Aborted when Sunshine stops waiting (20 s without an answer). */
  signal: AbortSignal;
}

/** The answer's status, or no answer at all (the connection failed or was cut). */
export type WebhookAnswer = { status: number } | { error: 'network' };

/**
 * Sends one webhook call. Pluggable: tests hand the calls to a service in process, the sandbox and
 * the chaos tests go over real HTTP. A sender must settle (the default gives up when the signal
 * aborts), since `drain` waits for the calls in flight.
 */
export type WebhookSender = (call: WebhookCall) => Promise<WebhookAnswer>;

/**
 * node:http(s) directly, not the global fetch: msw, in the tests that run the app against the
 * emulator, intercepts fetch, and a webhook must leave the process as Sunshine's would.
 */
export const nodeWebhookSender: WebhookSender = (call) =>
  new Promise((resolve) => {
    const url = new URL(call.target);
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const body = Buffer.from(call.body, 'utf8');
    const outgoing = send(url, { method: 'POST', headers: { ...call.headers, 'content-length': String(body.length) }, signal: call.signal }, (incoming) => {
      // The answer's body is not read by Sunshine: drained so the socket is freed.
      incoming.resume();
      incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0 }));
      incoming.on('error', () => resolve({ status: incoming.statusCode ?? 0 }));
    });
    outgoing.on('error', () => resolve({ error: 'network' }));
    outgoing.end(body);
  });
