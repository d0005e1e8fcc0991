import type { Clock } from '../clock';
import type { FaultInjector } from '../faults';
import type { Scheduler } from '../scheduler';
import { mix32, Random } from '../zendesk/random';
import type { Webhook } from './types';
import type { SunshineEvent } from './webhookEvents';
import type { RegisteredWebhook } from './webhookRegistry';
import { retryDelayMs, verdictOf, WEBHOOK_TIMEOUT_MS, type AttemptOutcome, type AttemptVerdict } from './webhookRetry';
import { nodeWebhookSender, type WebhookSender } from './webhookSender';

/** One attempt of one webhook call, as the emulator made it (tests read these). */
export interface WebhookAttempt {
  webhookId: string;
  target: string;
  eventIds: string[];
  eventTypes: string[];
  /** 1 to 5; a duplicate call starts again at 1. */
  attempt: number;
  duplicate: boolean;
  at: number;
  outcome?: AttemptOutcome;
  verdict?: AttemptVerdict;
}

export interface WebhookDispatcherDeps {
  clock: Clock;
  scheduler: Scheduler;
  faults: FaultInjector;
  /** Read on every event: webhooks created, changed or deleted meanwhile are seen at once. */
  webhooks: () => RegisteredWebhook[];
  appId: () => string;
  seed: number;
}

/** A payload holds at most this many events (a campaign's echoes are all due at once). */
const MAX_EVENTS_PER_CALL = 50;

interface Batch {
  webhookId: string;
  events: SunshineEvent[];
  open: boolean;
}

/**
 * Delivers events to the webhooks whose triggers name them, on the emulator's scheduler: events
 * due at the same time go in one call (`events: [...]`), with the webhook's secret in `X-API-Key`;
 * a failed call is retried with the same body (the same event ids) per Sunshine's policy; the
 * webhook faults duplicate calls and delay events.
 */
export class WebhookDispatcher {
  readonly attempts: WebhookAttempt[] = [];
  private sender: WebhookSender = nodeWebhookSender;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly open = new Map<string, Batch>();
  private readonly random: Random;

  constructor(private readonly deps: WebhookDispatcherDeps) {
    this.random = new Random(mix32(deps.seed, 0x3eb400c));
  }

  /** Where calls go: node:http(s) by default; tests hand them to a service in process. */
  useSender(sender: WebhookSender): void {
    this.sender = sender;
  }

  /** Whether some webhook would receive this kind of event, or any event (spares scheduling for nobody). */
  listens(type?: string): boolean {
    return this.deps.webhooks().some(({ webhook }) => receives(webhook, type));
  }

  /** Queues the event for each webhook subscribed to its type, at its time (plus any delay fault). */
  emit(event: SunshineEvent): void {
    for (const { webhook } of this.deps.webhooks()) {
      if (!receives(webhook, event.type)) continue;
      const maxDelay = this.deps.faults.takeWebhookMaxDelayMs(faultTarget(webhook.target));
      const extra = maxDelay > 0 ? Math.floor(this.random.next() * maxDelay) : 0;
      this.enqueue(webhook.id, event, Math.max(event.createdAt, this.deps.clock.now()) + extra);
    }
  }

  /** Resolves once no call is waiting for its answer (calls started meanwhile included). */
  async settled(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }

  /** Forgets the calls not yet made (an emulator reset); calls in flight end by themselves. */
  reset(): void {
    this.open.clear();
    this.attempts.length = 0;
  }

  private enqueue(webhookId: string, event: SunshineEvent, dueAt: number): void {
    const key = `${webhookId}@${dueAt}`;
    const batch = this.open.get(key);
    if (batch?.open && batch.events.length < MAX_EVENTS_PER_CALL) {
      batch.events.push(event);
      return;
    }
    const fresh: Batch = { webhookId, events: [event], open: true };
    this.open.set(key, fresh);
    this.deps.scheduler.at(dueAt, () => {
      fresh.open = false;
      if (this.open.get(key) === fresh) this.open.delete(key);
      this.attempt(fresh, undefined, 1, false);
    });
  }

  /** One attempt; `body` is fixed at the first one so that every retry carries the same events. */
  private attempt(batch: Batch, fixedBody: string | undefined, attempt: number, duplicate: boolean): void {
    const registered = this.deps.webhooks().find(({ webhook }) => webhook.id === batch.webhookId);
    // A webhook deleted meanwhile gets nothing more.
    if (!registered) return;
    const { webhook } = registered;
    const body = fixedBody ?? this.bodyOf(webhook, batch.events);
    const record: WebhookAttempt = {
      webhookId: webhook.id,
      target: webhook.target,
      eventIds: batch.events.map((event) => event.id),
      eventTypes: batch.events.map((event) => event.type),
      attempt,
      duplicate,
      at: this.deps.clock.now(),
    };
    this.attempts.push(record);

    const controller = new AbortController();
    let finish: (outcome: AttemptOutcome) => void = () => undefined;
    const done = new Promise<void>((resolve) => {
      let finished = false;
      finish = (outcome) => {
        if (finished) return;
        finished = true;
        cancelTimeout();
        this.conclude(batch, body, record, outcome);
        resolve();
      };
    });
    const cancelTimeout = this.deps.scheduler.at(this.deps.clock.now() + WEBHOOK_TIMEOUT_MS, () => {
      controller.abort();
      finish('timeout');
    });
    const headers = { 'content-type': 'application/json', 'x-api-key': webhook.secret };
    this.sender({ target: webhook.target, headers, body, signal: controller.signal }).then(
      (answer) => finish('status' in answer ? answer.status : 'network'),
      () => finish('network'),
    );
    this.inFlight.add(done);
    void done.then(() => this.inFlight.delete(done));
  }

  private conclude(batch: Batch, body: string, record: WebhookAttempt, outcome: AttemptOutcome): void {
    record.outcome = outcome;
    record.verdict = verdictOf(outcome, record.attempt);
    const now = this.deps.clock.now();
    if (record.verdict === 'retry') {
      this.deps.scheduler.at(now + retryDelayMs(record.attempt), () => this.attempt(batch, body, record.attempt + 1, record.duplicate));
      return;
    }
    if (record.verdict !== 'delivered' || record.duplicate) return;
    const share = this.deps.faults.takeWebhookDuplicateShare(faultTarget(record.target));
    if (share > 0 && this.random.chance(share)) {
      this.deps.scheduler.at(now + 1_000 + Math.floor(this.random.next() * 29_000), () => this.attempt(batch, body, 1, true));
    }
  }

  private bodyOf(webhook: Webhook, events: SunshineEvent[]): string {
    const options = { includeFullUser: webhook.includeFullUser, includeFullSource: webhook.includeFullSource };
    return JSON.stringify({
      app: { id: this.deps.appId() },
      webhook: { id: webhook.id, version: webhook.version },
      events: events.map((event) => ({ id: event.id, type: event.type, createdAt: new Date(event.createdAt).toISOString(), payload: event.payload(options) })),
    });
  }
}

/**
 * Whether a webhook gets events of this type: v2 payloads only (the emulator does not write the v1
 * ones), subscribed triggers, and a target that can exist. Reserved names (RFC 2606 and 6761:
 * `example.com`, `.test`, `.invalid`…) never resolve, so the seeded webhook's fictional target is
 * never called.
 */
function receives(webhook: Webhook, type: string | undefined): boolean {
  return webhook.version === 'v2' && (type === undefined || webhook.triggers.includes(type)) && !reservedHost(webhook.target);
}

function reservedHost(target: string): boolean {
  let host: string;
  try {
    host = new URL(target).hostname.toLowerCase();
  } catch {
    return true;
  }
  return /(^|\.)example\.(com|net|org)$/.test(host) || /\.(example|test|invalid)$/.test(host);
}

function faultTarget(target: string): { service: 'sunshine'; method: string; pathname: string } {
  let pathname = '/';
  try {
    pathname = new URL(target).pathname;
  } catch {
    // An unparsable target matches by service and method only.
  }
  return { service: 'sunshine', method: 'POST', pathname };
}
