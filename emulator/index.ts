import { getResponse, type RequestHandler } from 'msw';
import { systemClock, type Clock } from './clock';
import { createConfig, serviceOf, type EmulatorConfig, type ServiceName } from './config';
import type { EmulatorContext } from './context';
import { FaultInjector } from './faults';
import { notFound } from './errorBodies';
import { faultHandlers, recordAndFault } from './http';
import { sunshineBaseHandlers } from './sunshine/handlers';
import { createSunshineState, type SunshineSeedOptions, type SunshineState } from './sunshine/state';
import type { AppInstallationRecord, AppInstallationSeed } from './zendesk/appInstallations';
import { zendeskHandlers } from './zendesk/handlers';
import { createZendeskState, type ZendeskSeedOptions, type ZendeskState } from './zendesk/state';

export interface EmulatorOptions {
  clock?: Clock;
  subdomain?: string;
  zendesk?: ZendeskSeedOptions;
  sunshine?: SunshineSeedOptions;
}

export interface RecordedRequest {
  service: ServiceName;
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | undefined;
  at: number;
}

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

export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const clock = options.clock ?? systemClock;
  const config: EmulatorConfig = createConfig(options.subdomain);
  const faults = new FaultInjector();
  const requests: RecordedRequest[] = [];
  const installed = new Map<number, AppInstallationSeed>();

  let zendesk: ZendeskState = createZendeskState({ clock, config, options: options.zendesk });
  let sunshine: SunshineState = createSunshineState({ clock, config, options: options.sunshine });

  // Handlers read the state through this object, so that `reset` can swap the state underneath them.
  const context: EmulatorContext = {
    clock,
    config,
    faults,
    get zendesk() {
      return zendesk;
    },
    get sunshine() {
      return sunshine;
    },
  };

  const record = (entry: RecordedRequest): void => void requests.push(entry);
  const zendeskList = zendeskHandlers(context);
  const sunshineLists = config.sunshineBaseUrls.map((base) => ({ base, handlers: sunshineBaseHandlers(context, base) }));
  const handlers: RequestHandler[] = [...faultHandlers(context, record), ...zendeskList, ...sunshineLists.flatMap((list) => list.handlers)];
  /**
   * In process, a request only meets the handlers of its own service (and base URL), after the
   * faults applied directly: msw tries handlers one by one, and each try costs what the sending
   * bench would otherwise measure.
   */
  const routesFor = (url: URL): RequestHandler[] => {
    const href = url.origin + url.pathname;
    const sunshineList = sunshineLists.find(({ base }) => href === base || href.startsWith(`${base}/`));
    if (sunshineList) return sunshineList.handlers;
    return url.origin === config.zendeskOrigin ? zendeskList : [];
  };

  return {
    ...context,
    get zendesk() {
      return zendesk;
    },
    get sunshine() {
      return sunshine;
    },
    handlers,
    requests,
    async handle(request: Request): Promise<Response> {
      const faulted = await recordAndFault(context, record, request);
      if (faulted) return faulted;
      const response = await getResponse(routesFor(new URL(request.url)), request);
      if (response) return response;
      const service = serviceOf(config, new URL(request.url));
      return notFound(service ?? 'zendesk');
    },
    install(seed: AppInstallationSeed): AppInstallationRecord {
      const copy: AppInstallationSeed = { ...seed, settings: { ...seed.settings } };
      installed.set(copy.id, copy);
      return zendesk.installations.install(copy, clock.now());
    },
    reset() {
      zendesk = createZendeskState({ clock, config, options: options.zendesk });
      sunshine = createSunshineState({ clock, config, options: options.sunshine });
      for (const seed of installed.values()) zendesk.installations.install(seed, clock.now());
      faults.clear();
      requests.length = 0;
    },
  };
}

export { ManualClock, systemClock, type Clock } from './clock';
export { createConfig, SESSION_HEADER, type EmulatorConfig } from './config';
export type { Fault, FaultRule } from './faults';
