import type { RequestHandler } from 'msw';
import type { EmulatorContext } from './context';
import type { RecordedRequest } from './faultHandler';
import type { Scheduler } from './scheduler';
import type { TypedReply } from './sunshine/hearing';
import type { PhoneView } from './sunshine/phones';
import type { MessageTruth } from './sunshine/truth';
import type { WebhookAttempt } from './sunshine/webhookDispatcher';
import type { WebhookSender } from './sunshine/webhookSender';
import type { AppInstallationRecord, AppInstallationSeed } from './zendesk/appInstallations';

/*
 * The emulator's interface, apart from `createEmulator` (index.ts) that builds one. What runs on
 * top of an emulator inside emulator/ (the ZAF proxy, the app installations, the Node server)
 * imports this file, so that nothing imports the entry point and dependencies point one way.
 */

/**
 * One emulator of Zendesk Support and Sunshine Conversations for the Node tests, the browser tests
 * and the sandbox: msw handlers over an in-memory state, with fault injection.
 */
export interface Emulator extends EmulatorContext {
  /** The msw handlers, faults first; usable with `setupServer` or through `handle`. */
  readonly handlers: RequestHandler[];
  /** Every request that reached the emulator, in order (secrets included: tests only). */
  readonly requests: RecordedRequest[];
  /** Answers one request without any network interception. */
  handle(request: Request): Promise<Response>;
  /**
   * Installs an app on the emulated account (replacing an installation with the same id): its
   * record in `zendesk.installations` is what the proxy, the Apps API and the sandbox read.
   * `reset` installs it again with these settings.
   */
  install(seed: AppInstallationSeed): AppInstallationRecord;
  /** Back to the seeded state (apps installed again with their first settings), with no fault and an empty request log. */
  reset(): void;

  // --- Hearing back: webhooks, phones, the truth (emulator/sunshine/hearing.ts) ---

  /** Where later work waits (webhook calls, retries, timeouts): manual on a `ManualClock`, real timers otherwise. */
  readonly scheduler: Scheduler;
  /** Every webhook call attempt made so far, in order (retries and duplicates included). */
  readonly webhookAttempts: readonly WebhookAttempt[];
  /** Where webhook calls go: node:http(s) by default. */
  useWebhookSender(sender: WebhookSender): void;
  /** Each accepted notification's final outcome as the emulator decided it (planned facts included). */
  truth(): MessageTruth[];
  /** Each number's conversations as its phone shows them now (✓ sent, ✓✓ delivered, read, failed). */
  phones(): PhoneView[];
  /** The customer of `phone` answers now (a read, then their message and its webhook); throws when nothing was sent to them. */
  reply(phone: string, reply: TypedReply): void;
  /** The customer of `phone` reads the conversation now (`conversation:read`). */
  read(phone: string): void;
  /** Runs the work due at the clock's time (manual clock); resolves once the calls it started are answered. */
  runDue(): Promise<number>;
  /**
   * Manual clock only: moves the clock from task to task and runs everything (retries included)
   * until nothing waits, or until `until` (ms) when given; resolves with the number of tasks run.
   */
  drain(options?: { until?: number }): Promise<number>;
}

