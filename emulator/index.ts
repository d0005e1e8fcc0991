import { getResponse, type RequestHandler } from 'msw';
import { ManualClock, systemClock, type Clock } from './clock';
import { createConfig, serviceOf, type EmulatorConfig } from './config';
import type { EmulatorContext } from './context';
import type { Emulator } from './emulator';
import { notFound } from './errorBodies';
import { faultHandlers, recordAndFault, type RecordedRequest } from './faultHandler';
import { FaultInjector } from './faults';
import { schedulerFor, type Scheduler } from './scheduler';
import { sunshineBaseHandlers } from './sunshine/handlers';
import { SunshineHearing } from './sunshine/hearing';
import { DEFAULT_HEARING } from './sunshine/outcomePlan';
import { WebhookDispatcher } from './sunshine/webhookDispatcher';
import type { WebhookSender } from './sunshine/webhookSender';
import { createSunshineState, type SunshineSeedOptions, type SunshineState } from './sunshine/state';
import type { AppInstallationRecord, AppInstallationSeed } from './zendesk/appInstallations';
import { zendeskHandlers } from './zendesk/handlers';
import { createZendeskState, type ZendeskSeedOptions, type ZendeskState } from './zendesk/state';

export interface EmulatorOptions {
  clock?: Clock;
  subdomain?: string;
  zendesk?: ZendeskSeedOptions;
  sunshine?: SunshineSeedOptions;
  /** Where later work waits; by default manual on a `ManualClock`, real timers otherwise. */
  scheduler?: Scheduler;
  /** Where webhook calls go; node:http(s) by default. */
  webhookSender?: WebhookSender;
}

/** A drain that never ends (a webhook answering by scheduling more forever) stops here. */
const DRAIN_MAX_TASKS = 10_000_000;

export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const clock = options.clock ?? systemClock;
  const config: EmulatorConfig = createConfig(options.subdomain);
  const faults = new FaultInjector();
  const requests: RecordedRequest[] = [];
  const installed = new Map<number, AppInstallationSeed>();

  let zendesk: ZendeskState = createZendeskState({ clock, config, options: options.zendesk });
  let sunshine: SunshineState = createSunshineState({ clock, config, options: options.sunshine });
  const scheduler = options.scheduler ?? schedulerFor(clock);
  const dispatcher = new WebhookDispatcher({
    clock,
    scheduler,
    faults,
    webhooks: () => sunshine.webhooks.all(),
    appId: () => sunshine.app.id,
    seed: options.sunshine?.hearing?.seed ?? DEFAULT_HEARING.seed,
  });
  if (options.webhookSender) dispatcher.useSender(options.webhookSender);
  const hearing = new SunshineHearing({ clock, scheduler, dispatcher, state: () => sunshine });

  // Handlers read the state through this object, so that `reset` can swap the state underneath them.
  const context: EmulatorContext = {
    clock,
    config,
    faults,
    hearing,
    get zendesk() {
      return zendesk;
    },
    get sunshine() {
      return sunshine;
    },
  };

  const runDue = async (): Promise<number> => {
    const ran = scheduler.runDue();
    await dispatcher.settled();
    return ran;
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
      scheduler.clear();
      dispatcher.reset();
    },
    scheduler,
    get webhookAttempts() {
      return dispatcher.attempts;
    },
    useWebhookSender: (sender) => dispatcher.useSender(sender),
    truth: () => hearing.truth(),
    phones: () => hearing.phones(),
    reply: (phone, reply) => hearing.reply(phone, reply),
    read: (phone) => hearing.read(phone),
    runDue,
    async drain(drainOptions = {}) {
      if (!(clock instanceof ManualClock)) throw new Error('drain() moves the clock: create the emulator with a ManualClock');
      let ran = await runDue();
      for (;;) {
        const next = scheduler.nextDueAt();
        if (next === undefined || (drainOptions.until !== undefined && next > drainOptions.until) || ran >= DRAIN_MAX_TASKS) break;
        if (next > clock.now()) clock.set(next);
        ran += await runDue();
      }
      if (drainOptions.until !== undefined && clock.now() < drainOptions.until) clock.set(drainOptions.until);
      return ran;
    },
  };
}

export type { Emulator } from './emulator';
export type { RecordedRequest } from './faultHandler';
export { ManualClock, systemClock, type Clock } from './clock';
export { createConfig, SESSION_HEADER, type EmulatorConfig } from './config';
export type { Fault, FaultRule } from './faults';
export { ManualScheduler, TimerScheduler, type Scheduler } from './scheduler';
export type { TypedReply } from './sunshine/hearing';
export type { PhoneMessage, PhoneView } from './sunshine/phones';
export type { MessageTruth } from './sunshine/truth';
export type { WebhookAttempt } from './sunshine/webhookDispatcher';
export { nodeWebhookSender, type WebhookAnswer, type WebhookCall, type WebhookSender } from './sunshine/webhookSender';
