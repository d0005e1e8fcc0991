import { realClock, type ApiClock } from '../core/time/clock';
import { withRateLimitRetries } from '../api/transport/rateLimitRetries';
import type { Transport } from '../api/transport/types';
import type { PermissionUser } from '../core/campaign/permissions';
import type { HeraldSettings } from '../core/settings/settings';

/**
 * What every use case runs with. The browser builds it from ZAF (its transport, the installation's
 * settings, the signed-in agent); the Herald service from its configuration. Use cases take it as
 * their first argument and never reach for anything global, so the same code runs in both.
 */

/** Who a use case acts for, as Zendesk says who they are: the rights come from this, never from a record. */
export interface Actor extends PermissionUser {
  name: string;
}

export interface AppContext {
  transport: Transport;
  settings: HeraldSettings;
  actor: Actor;
  /** Time for the stores' waits (job polling, settle delays) and the use cases' "now". */
  clock: ApiClock;
  /**
   * Runs work that must not overlap with the same work of this place's other tabs (a browser's Web
   * Locks): reading a log, then writing it. Without it, work runs as it comes.
   */
  oneAtATime?: OneAtATime;
}

export type OneAtATime = <T>(name: string, work: () => Promise<T>) => Promise<T>;

/** What reads and admin work need: no settings (they may be what is being fixed). */
export type BaseContext = Pick<AppContext, 'transport' | 'actor' | 'clock' | 'oneAtATime'>;

/**
 * The context of a place that runs on the wall clock (a browser tab, the service). Its transport
 * waits out Zendesk's 429s on the context's clock (api/transport/rateLimitRetries.ts): every use
 * case, store and client reached from here gets them, and nobody sees a rate limit of a few seconds.
 */
export function baseContext(transport: Transport, actor: Actor, clock: ApiClock = realClock, oneAtATime?: OneAtATime): BaseContext {
  const retrying = withRateLimitRetries(transport, clock);
  return oneAtATime ? { transport: retrying, actor, clock, oneAtATime } : { transport: retrying, actor, clock };
}
