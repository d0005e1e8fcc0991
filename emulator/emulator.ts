import type { RequestHandler } from 'msw';
import type { EmulatorContext } from './context';
import type { RecordedRequest } from './faultHandler';
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
}

