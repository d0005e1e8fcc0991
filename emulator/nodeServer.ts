import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Emulator } from './emulator';

/**
 * The emulator on a real local port, for code that speaks HTTP itself (a Node service, its
 * transport, curl): a Node `http` server that turns each request into a WHATWG `Request` on an
 * emulated origin, hands it to `emulator.handle` and writes the `Response` back.
 *
 * One server serves one emulated origin, the account's (`config.zendeskOrigin`) by default. That
 * single server reaches both services, as a real account does: the Support API at
 * `{url}/api/v2/…` and Sunshine Conversations at `{url}/sc/v2/…`, `{url}/sc/v1.1/…` (the account's
 * own Sunshine base URL is `{zendeskOrigin}/sc`, see `config.ts`). A client therefore needs one base
 * URL, and nothing maps paths or hosts but the origin swap. To reach a legacy Sunshine host, serve
 * a second server with `origin: 'https://api.smooch.io'` (or the EU one).
 */

export interface ServeEmulatorOptions {
  /** The emulated origin every request is sent to: `config.zendeskOrigin` by default. */
  origin?: string;
  /** Port on 127.0.0.1; 0 (default) picks a free one. */
  port?: number;
}

export interface ServedEmulator {
  /** `http://127.0.0.1:{port}`, standing for `origin`: use it where the real origin would go. */
  readonly url: string;
  readonly port: number;
  /** The emulated origin requests are mapped to. */
  readonly origin: string;
  /** Stops listening and cuts open connections (keep-alive ones included). */
  close(): Promise<void>;
}

/**
 * Headers that describe one hop of HTTP, not the request: Node's server already consumed them, and
 * `Host` is replaced by the emulated origin in the URL. `Content-Length` is recomputed from the body.
 */
const HOP_HEADERS = new Set(['host', 'connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te', 'trailer', 'content-length']);

export async function serveEmulator(emulator: Pick<Emulator, 'config' | 'handle'>, options: ServeEmulatorOptions = {}): Promise<ServedEmulator> {
  const origin = new URL(options.origin ?? emulator.config.zendeskOrigin).origin;
  const server = createServer((incoming, outgoing) => {
    answer(emulator, origin, incoming, outgoing).catch((error: unknown) => {
      // A failure of the emulator itself (not an emulated API error): say so, as a 500 in plain text.
      if (outgoing.headersSent) outgoing.destroy();
      else outgoing.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end(`Emulator failure: ${error instanceof Error ? error.message : String(error)}`);
    });
  });
  const port = await listen(server, options.port ?? 0);
  return { url: `http://127.0.0.1:${port}`, port, origin, close: () => closeServer(server) };
}

async function answer(emulator: Pick<Emulator, 'handle'>, origin: string, incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> {
  const request = await toRequest(origin, incoming);
  const response = await emulator.handle(request);
  // The client gave up (a timeout of its own) while the emulator was slow: nobody reads the answer.
  if (outgoing.destroyed) return;
  // `Response.error()`, the emulator's `networkError` fault: the connection is cut, as a network failure would.
  if (response.type === 'error') {
    incoming.socket.destroy();
    return;
  }
  // Node leaves the body out of an answer to HEAD by itself; Content-Length still tells its size.
  const body = Buffer.from(await response.arrayBuffer());
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (!HOP_HEADERS.has(name)) headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers['set-cookie'] = cookies;
  headers['content-length'] = String(body.length);
  outgoing.writeHead(response.status, response.statusText || undefined, headers);
  outgoing.end(body);
}

async function toRequest(origin: string, incoming: IncomingMessage): Promise<Request> {
  const method = incoming.method ?? 'GET';
  const headers = new Headers();
  const raw = incoming.rawHeaders;
  for (let index = 0; index + 1 < raw.length; index += 2) {
    const name = (raw[index] as string).toLowerCase();
    if (!HOP_HEADERS.has(name)) headers.append(name, raw[index + 1] as string);
  }
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
  const hasBody = method !== 'GET' && method !== 'HEAD';
  // The request target is a path and query (or, from a client that takes us for a proxy, a whole
  // URL): its path and query go to the emulated origin.
  const target = new URL(incoming.url ?? '/', origin);
  return new Request(origin + target.pathname + target.search, { method, headers, body: hasBody ? Buffer.concat(chunks) : undefined });
}

/** Starts listening on 127.0.0.1 and resolves with the port actually bound (port 0 picks one). */
export function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    server.once('error', onError);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', onError);
      const address = server.address();
      if (address === null || typeof address === 'string') reject(new Error('The server has no TCP address'));
      else resolve(address.port);
    });
  });
}

/** A port free on 127.0.0.1 now, for a server that must name its port before it listens (a webhook's target names it). */
export async function freePort(): Promise<number> {
  const probe = createServer();
  const port = await listen(probe, 0);
  await closeServer(probe);
  return port;
}

export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    // Keep-alive connections would otherwise hold `close` open.
    server.closeAllConnections();
    server.close((error) => (error ? reject(error) : resolve()));
  });
}
