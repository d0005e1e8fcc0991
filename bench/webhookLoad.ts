import { connect, type Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';

/**
 * The load of `service.bench.ts`, in a worker thread of its own so that building and timing the
 * calls does not share the service's event loop: Sunshine's webhooks for a stream of campaign
 * messages, one event a call as Sunshine mostly sends them, at a fixed rate whatever the answers
 * (an open loop: a slow service meets the same arrivals, its answers get slower, and that shows).
 *
 * Each message gives, over time: its echo (the business `conversation:message` with Herald's
 * metadata) at once, `delivery:channel` 1 s later, `delivery:user` 3 s later, `conversation:read`
 * for 6 in 10 at 10 s, and a reply for 1 in 20 at 15 s: about 3.7 events a message.
 */

export interface LoadOptions {
  url: string;
  secret: string;
  eventsPerSecond: number;
  seconds: number;
  campaigns: number;
}

export interface LoadResult {
  sent: number;
  answered: number;
  failed: number;
  statuses: Record<string, number>;
  latenciesMs: number[];
  elapsedMs: number;
}

const EVENTS_PER_MESSAGE = 1 + 1 + 1 + 0.6 + 0.05;

function iso(at: number): string {
  return new Date(at).toISOString();
}

function* eventsOf(message: number, campaigns: number, start: number): Generator<{ due: number; event: object }> {
  const campaign = `bench-campaign-${message % campaigns}`;
  const recipient = Math.floor(message / campaigns);
  const messageId = `msg-${message}`;
  const conversation = { id: `conv-${message}`, type: 'personal' };
  const destination = { type: 'whatsapp', integrationId: 'int-whatsapp' };
  const at = start;
  yield {
    due: at,
    event: {
      id: `e-${message}-echo`,
      type: 'conversation:message',
      createdAt: iso(at),
      payload: {
        conversation,
        message: {
          id: messageId,
          received: iso(at),
          author: { type: 'business', displayName: 'Herald' },
          content: { type: 'text', text: 'Bonjour, votre commande est prête.' },
          source: { type: 'notification' },
          metadata: { herald_campaign: campaign, herald_recipient: recipient },
        },
      },
    },
  };
  yield { due: at + 1_000, event: { id: `e-${message}-channel`, type: 'conversation:message:delivery:channel', createdAt: iso(at + 1_000), payload: { conversation, message: { id: messageId }, destination, isFinalEvent: false } } };
  yield { due: at + 3_000, event: { id: `e-${message}-user`, type: 'conversation:message:delivery:user', createdAt: iso(at + 3_000), payload: { conversation, message: { id: messageId }, destination, isFinalEvent: true } } };
  if (message % 10 < 6) {
    yield { due: at + 10_000, event: { id: `e-${message}-read`, type: 'conversation:read', createdAt: iso(at + 10_000), payload: { conversation, activity: { type: 'conversation:read', author: { type: 'user' } } } } };
  }
  if (message % 20 === 0) {
    const replyAt = at + 15_000;
    yield {
      due: replyAt,
      event: {
        id: `e-${message}-reply`,
        type: 'conversation:message',
        createdAt: iso(replyAt),
        payload: {
          conversation,
          message: { id: `reply-${message}`, received: iso(replyAt), author: { type: 'user', userId: `user-${message}` }, content: { type: 'text', text: 'What time do you open?' } },
          recentNotifications: [{ id: messageId, received: iso(at), author: { type: 'business' }, content: { type: 'text', text: 'Bonjour' }, metadata: { herald_campaign: campaign, herald_recipient: recipient } }],
        },
      },
    };
  }
}

/** Every call of the run, in the order they are due, spaced to give `eventsPerSecond`. */
function schedule(options: LoadOptions): Array<{ due: number; body: string }> {
  const messages = Math.ceil((options.eventsPerSecond * options.seconds) / EVENTS_PER_MESSAGE) + 1;
  const messageGapMs = 1_000 / (options.eventsPerSecond / EVENTS_PER_MESSAGE);
  const calls: Array<{ due: number; body: string }> = [];
  const origin = Date.UTC(2026, 11, 3, 9, 0, 0);
  for (let message = 0; message < messages; message++) {
    for (const { due, event } of eventsOf(message, options.campaigns, origin + message * messageGapMs)) {
      calls.push({ due: due - origin, body: JSON.stringify({ app: { id: 'bench-app' }, webhook: { id: 'bench-webhook', version: 'v2' }, events: [event] }) });
    }
  }
  calls.sort((a, b) => a.due - b.due);
  // The events due in the run's window, re-spaced evenly: the stream starts at its full rate.
  const inWindow = calls.slice(0, Math.round(options.eventsPerSecond * options.seconds));
  const gap = 1_000 / options.eventsPerSecond;
  return inWindow.map((call, position) => ({ due: position * gap, body: call.body }));
}

/**
 * HTTP/1.1 over a fixed set of keep-alive connections, written by hand: Node's HTTP client costs
 * more CPU per call than the service spends answering it, and both share this machine's two cores.
 * A call goes on the connection with the fewest calls waiting; answers come back in order on each.
 */
class Connection {
  private readonly waiting: Array<{ began: number; done: (status: number) => void }> = [];
  private buffer = '';
  readonly socket: Socket;

  constructor(port: number, onError: () => void) {
    this.socket = connect({ port, host: '127.0.0.1', noDelay: true });
    this.socket.setEncoding('latin1');
    this.socket.on('data', (chunk: string) => this.read(chunk));
    this.socket.on('error', () => {
      for (const call of this.waiting.splice(0)) call.done(0);
      onError();
    });
  }

  get pending(): number {
    return this.waiting.length;
  }

  send(head: string, body: string, done: (status: number) => void): void {
    this.waiting.push({ began: performance.now(), done });
    this.socket.write(head + body);
  }

  /** Answers in order: status line, headers, a body of Content-Length bytes. */
  private read(chunk: string): void {
    this.buffer += chunk;
    for (;;) {
      const headEnd = this.buffer.indexOf('\r\n\r\n');
      if (headEnd < 0) return;
      const head = this.buffer.slice(0, headEnd);
      const length = Number(/content-length:\s*(\d+)/i.exec(head)?.[1] ?? 0);
      if (this.buffer.length < headEnd + 4 + length) return;
      this.buffer = this.buffer.slice(headEnd + 4 + length);
      const status = Number(head.slice(9, 12));
      this.waiting.shift()?.done(status);
    }
  }

  oldestStart(): number | undefined {
    return this.waiting[0]?.began;
  }
}

async function run(options: LoadOptions): Promise<LoadResult> {
  const calls = schedule(options);
  const url = new URL('/webhooks/sunshine', options.url);
  const result: LoadResult = { sent: 0, answered: 0, failed: 0, statuses: {}, latenciesMs: [], elapsedMs: 0 };
  const connections = Array.from({ length: 64 }, () => new Connection(Number(url.port), () => undefined));
  await Promise.all(connections.map((connection) => new Promise((resolve) => connection.socket.once('connect', resolve))));
  const start = performance.now();
  let outstanding = 0;
  let allSent: () => void = () => undefined;
  const drained = new Promise<void>((resolve) => (allSent = resolve));
  const post = (body: string): void => {
    const head = `POST ${url.pathname} HTTP/1.1\r\nHost: ${url.host}\r\nContent-Type: application/json\r\nX-API-Key: ${options.secret}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n`;
    let least = connections[0]!;
    for (const connection of connections) if (connection.pending < least.pending) least = connection;
    const began = performance.now();
    outstanding += 1;
    least.send(head, body, (status) => {
      outstanding -= 1;
      if (status === 0) result.failed += 1;
      else {
        result.answered += 1;
        result.latenciesMs.push(performance.now() - began);
        result.statuses[String(status)] = (result.statuses[String(status)] ?? 0) + 1;
      }
      if (outstanding === 0 && result.sent === calls.length) allSent();
    });
  };
  let next = 0;
  while (next < calls.length) {
    const elapsed = performance.now() - start;
    while (next < calls.length && calls[next]!.due <= elapsed) {
      result.sent += 1;
      post(calls[next]!.body);
      next += 1;
    }
    await new Promise<void>((resolve) => setTimeout(resolve, 1));
  }
  if (outstanding > 0) await drained;
  result.elapsedMs = performance.now() - start;
  for (const connection of connections) connection.socket.destroy();
  return result;
}

if (parentPort && workerData) {
  const port = parentPort;
  run(workerData as LoadOptions).then(
    (result) => port.postMessage({ ok: true, result }),
    (error: unknown) => port.postMessage({ ok: false, error: String(error) }),
  );
}
