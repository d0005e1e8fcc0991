/**
 * Fault injection, driven per test: a rule matches requests by service, method and path and makes
 * them slow, failed, rate limited, hung or cut, a given number of times.
 */
export type Service = 'zendesk' | 'sunshine';

export type Fault =
  | { kind: 'latency'; ms: number }
  | { kind: 'status'; status: number; body?: unknown }
  | { kind: 'rateLimit'; retryAfterSeconds: number }
  /** The upstream never answers: after `ms` (default 30 s) the request ends with a gateway timeout. */
  | { kind: 'timeout'; ms?: number }
  | { kind: 'networkError' }
  /** Cursor-paginated endpoints treat the cursor of the matched request as expired. */
  | { kind: 'expireCursor' }
  /**
   * WhatsApp messages to this share (0 to 1) of destination numbers are undeliverable (131026), the
   * same numbers every time, as numbers not on WhatsApp would be: accepted, then reported by a
   * delivery-failure webhook; refused on the call instead when `synchronous`.
   */
  | { kind: 'undeliverable'; share: number; synchronous?: boolean }
  /**
   * Sunshine calls this share (0 to 1) of the matched webhook calls twice: the second, a few
   * seconds after the first answered, carries the same events (same ids), as an at-least-once
   * delivery does. Matched against the webhook's target path, method POST, service `sunshine`.
   */
  | { kind: 'webhookDuplicates'; share: number }
  /** Each matched webhook event waits up to this many more emulated minutes (seeded), so events arrive out of order. */
  | { kind: 'webhookDelays'; maxMinutes: number };

/** The faults the webhook dispatcher reads, not the request handlers. */
const WEBHOOK_FAULTS: ReadonlySet<Fault['kind']> = new Set(['webhookDuplicates', 'webhookDelays']);

export interface FaultMatch {
  service?: Service;
  method?: string;
  /** Matched against the URL pathname: a string is a prefix, a RegExp is tested. */
  path?: string | RegExp;
}

export interface FaultRule {
  match: FaultMatch;
  fault: Fault;
  /** How many matching requests the fault hits; unlimited when absent. */
  times?: number;
}

interface ActiveRule extends FaultRule {
  id: number;
  hits: number;
}

export interface FaultTarget {
  service: Service;
  method: string;
  pathname: string;
}

export class FaultInjector {
  private rules: ActiveRule[] = [];
  private nextId = 1;

  add(rule: FaultRule): number {
    const id = this.nextId++;
    this.rules.push({ ...rule, id, hits: 0 });
    return id;
  }

  remove(id: number): void {
    this.rules = this.rules.filter((rule) => rule.id !== id);
  }

  clear(): void {
    this.rules = [];
  }

  list(): ReadonlyArray<FaultRule & { id: number; hits: number }> {
    return this.rules;
  }

  /**
   * The faults that apply to this request, in the order they were added. Each returned rule counts
   * one hit; a rule whose `times` is spent is dropped. `expireCursor` is left to the handlers that
   * own a cursor (see `takeCursorExpiry`), `undeliverable` to the Notification API (`takeUndeliverableShare`),
   * the webhook faults to the webhook dispatcher.
   */
  take(target: FaultTarget): Fault[] {
    return this.consume(target, (fault) => fault.kind !== 'expireCursor' && fault.kind !== 'undeliverable' && !WEBHOOK_FAULTS.has(fault.kind));
  }

  /** The largest duplicate share armed for this webhook call, 0 when none (each counts one hit). */
  takeWebhookDuplicateShare(target: FaultTarget): number {
    return Math.max(0, ...this.consume(target, (fault) => fault.kind === 'webhookDuplicates').map((fault) => (fault.kind === 'webhookDuplicates' ? fault.share : 0)));
  }

  /** The longest extra delay (ms) armed for this webhook event, 0 when none (each counts one hit). */
  takeWebhookMaxDelayMs(target: FaultTarget): number {
    return Math.max(0, ...this.consume(target, (fault) => fault.kind === 'webhookDelays').map((fault) => (fault.kind === 'webhookDelays' ? fault.maxMinutes * 60_000 : 0)));
  }

  /** The undeliverable rules armed for this request (each counts one hit). */
  takeUndeliverable(target: FaultTarget): Array<Extract<Fault, { kind: 'undeliverable' }>> {
    return this.consume(target, (fault) => fault.kind === 'undeliverable').filter((fault) => fault.kind === 'undeliverable');
  }

  /** True when an `expireCursor` rule matches this request (and counts one hit). */
  takeCursorExpiry(target: FaultTarget): boolean {
    return this.consume(target, (fault) => fault.kind === 'expireCursor').length > 0;
  }

  private consume(target: FaultTarget, wanted: (fault: Fault) => boolean): Fault[] {
    const taken: Fault[] = [];
    for (const rule of this.rules) {
      if (!wanted(rule.fault) || !matches(rule.match, target)) continue;
      rule.hits += 1;
      taken.push(rule.fault);
    }
    this.rules = this.rules.filter((rule) => rule.times === undefined || rule.hits < rule.times);
    return taken;
  }
}

function matches(match: FaultMatch, target: FaultTarget): boolean {
  if (match.service && match.service !== target.service) return false;
  if (match.method && match.method.toUpperCase() !== target.method.toUpperCase()) return false;
  if (match.path instanceof RegExp) return match.path.test(target.pathname);
  if (typeof match.path === 'string') return target.pathname.startsWith(match.path);
  return true;
}
