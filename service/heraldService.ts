import type { FastifyInstance } from 'fastify';
import { buildApp, type Health } from './http/app';
import type { LogStream } from './http/logging';
import { GroupCommit } from './intake/groupCommit';
import { heardEvents, WebhookShapeError, type HeardEvent } from './intake/heardEvents';
import { recordBatch, RECORD_BATCH_MODULE, type BatchSummary } from './intake/recordBatch';
import { ServiceMetrics } from './metrics';
import { EffectsWorker } from './outcomes/effects';
import { OutcomeFlusher } from './outcomes/flusher';
import type { ServicePorts, ServiceSettings } from './ports';
import { inTransaction, type Database } from './store/database';
import { migrate } from './store/migrations';

/**
 * The Herald service put together, without listening: tests inject into `app`, the sandbox, the
 * chaos test and the bench call `listen`. Everything it talks to comes in: the store, the ports to
 * Zendesk, the settings, the webhook registration, the clock.
 */
export interface HeraldServiceOptions {
  db: Database;
  ports: ServicePorts;
  /** The installation's settings as last read (keywords, opt-out tag); `refresh` reads them again. */
  settings: { current(): ServiceSettings; refresh?(): Promise<void> };
  /** A webhook registered by hand (HERALD_WEBHOOK_SECRET). */
  webhookSecret?: string;
  /** Registers the webhook (HERALD_PUBLIC_URL set) and resolves with its secret. */
  registerWebhook?: () => Promise<string>;
  /** What `GET /metrics` shows, when made before the service (the campaign runner reports there too). */
  metrics?: ServiceMetrics;
  /** The bearer token `GET /metrics` asks for (HERALD_METRICS_TOKEN); without it, only local clients may read them. */
  metricsToken?: string;
  now?: () => number;
  version?: string;
  logLevel?: string;
  logStream?: LogStream;
  /** Timers (defaults): flush check 1 s (each campaign at most every 5 s), effects 5 s, heartbeat 30 s, settings 60 s, campaigns 10 s. */
  intervals?: Partial<Record<'flush' | 'effects' | 'heartbeat' | 'settings' | 'campaigns', number>>;
  /** The campaigns it sends (service/campaigns/): looked for every `intervals.campaigns`, handed over on stop. */
  campaigns?: { scan(): Promise<void>; handOverAll(): Promise<void> };
}

export interface HeraldService {
  app: FastifyInstance;
  flusher: OutcomeFlusher;
  effects: EffectsWorker;
  intake: GroupCommit<HeardEvent, BatchSummary>;
  /** What `GET /metrics` shows; the campaign runner reports its sends here. */
  metrics: ServiceMetrics;
  /** Registers the webhook (when it can), writes a first heartbeat and starts the timers. */
  start(): Promise<void>;
  /** Listens on a port (0: any free one) and resolves with the base URL. */
  listen(port: number, host?: string): Promise<string>;
  /** Flushes what is due and does the pending effects now (tests; a stop). */
  settle(): Promise<void>;
  stop(): Promise<void>;
}

const SECRET_KEY = 'webhook_secret';

export async function createHeraldService(options: HeraldServiceOptions): Promise<HeraldService> {
  const { db, ports } = options;
  const now = options.now ?? Date.now;
  const version = options.version ?? '0.1.0';
  const startedAt = now();
  await migrate(db);
  const stored = await db.query<{ value: string }>('SELECT value FROM herald_values WHERE name = $1', [SECRET_KEY]);
  let secret: string | undefined = stored.rows[0]?.value ?? options.webhookSecret;
  let webhook: Health['webhook'] = secret !== undefined && options.registerWebhook === undefined ? 'registered' : 'not-registered';
  let lastEventAt: number | undefined;

  const metrics = options.metrics ?? new ServiceMetrics({ now });
  const outcomes: ServicePorts['outcomes'] = { write: (...args) => ports.outcomes.write(...args).then(() => metrics.outcomeWritten()) };
  const flusher = new OutcomeFlusher(db, outcomes, ports.pauser, now);
  const effects = new EffectsWorker(db, ports.audience, () => (options.settings.current().optOutTag ? ports.optOuts : undefined), ports.heard, now);
  const intake = new GroupCommit<HeardEvent, BatchSummary>(async (events) => {
    const summary = await metrics.timeCommit(() => inTransaction(db, RECORD_BATCH_MODULE, 'recordBatch', recordBatch, events, now()));
    metrics.eventsRecorded(summary.freshByType, summary.duplicates);
    if (summary.fresh > 0) lastEventAt = now();
    if (summary.effects > 0) void effects.run().catch(() => undefined);
    return summary;
  });

  const app = buildApp(
    {
      apiKey: () => secret,
      async receive(body) {
        const all = heardEvents(body, options.settings.current().keywords);
        const malformed = all.flatMap((event) => (event.kind === 'malformed' ? [event.where] : []));
        // Nothing readable at all: the call is refused (400). Otherwise what can be read is kept.
        if (malformed.length > 0 && malformed.length === all.length) throw new WebhookShapeError(malformed[0]!);
        if (malformed.length > 0) app.log.warn({ skipped: malformed.slice(0, 5), count: malformed.length }, 'webhook events skipped: not what the spec allows');
        const events = all.filter((event): event is Exclude<HeardEvent, { kind: 'ignored' | 'malformed' }> => event.kind !== 'ignored' && event.kind !== 'malformed');
        if (events.length > 0) await intake.submit(events);
      },
      async health() {
        const store = await db.query('SELECT 1').then(
          () => 'reachable' as const,
          () => 'unreachable' as const,
        );
        return { store, version, uptimeSeconds: Math.round((now() - startedAt) / 1000), webhook };
      },
      metrics: async () => ({ contentType: metrics.contentType, text: await metrics.text() }),
      metricsToken: () => options.metricsToken,
    },
    { ...(options.logLevel ? { logLevel: options.logLevel } : {}), ...(options.logStream ? { logStream: options.logStream } : {}) },
  );

  const timers: NodeJS.Timeout[] = [];
  const every = (name: string, ms: number, work: () => Promise<unknown>) => {
    let busy = false;
    const timer = setInterval(() => {
      if (busy) return;
      busy = true;
      work()
        .catch((error: unknown) => app.log.error({ err: { name: error instanceof Error ? error.name : 'unknown' }, work: name }, 'background work failed; tried again later'))
        .finally(() => {
          busy = false;
        });
    }, ms);
    timer.unref();
    timers.push(timer);
  };
  const beat = () => ports.heartbeat.write({ version, startedAt, beatAt: now(), ...(lastEventAt !== undefined ? { lastEventAt } : {}), webhook });

  const register = async () => {
    if (!options.registerWebhook) return;
    try {
      const registered = await options.registerWebhook();
      await db.query('INSERT INTO herald_values (name, value) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET value = excluded.value', [SECRET_KEY, registered]);
      secret = registered;
      webhook = 'registered';
    } catch (error) {
      webhook = 'failed';
      app.log.error({ err: { name: error instanceof Error ? error.name : 'unknown' } }, 'webhook registration failed');
    }
  };

  const intervals = { flush: 1_000, effects: 5_000, heartbeat: 30_000, settings: 60_000, campaigns: 10_000, ...options.intervals };
  return {
    app,
    flusher,
    effects,
    intake,
    metrics,
    async start() {
      await options.settings.refresh?.().catch(() => undefined);
      await register();
      await beat().catch(() => undefined);
      every('flush', intervals.flush, () => flusher.flushDue());
      every('effects', intervals.effects, () => effects.run());
      every('heartbeat', intervals.heartbeat, beat);
      // Called on the settings object: a detached method would lose its `this` (InstallationSettings reads its fields).
      if (options.settings.refresh) every('settings', intervals.settings, () => options.settings.refresh?.() ?? Promise.resolve());
      const campaigns = options.campaigns;
      if (campaigns) {
        every('campaigns', intervals.campaigns, () => campaigns.scan());
        void campaigns.scan().catch((error: unknown) => app.log.error({ err: { name: error instanceof Error ? error.name : 'unknown' } }, 'looking for campaigns failed; tried again later'));
      }
    },
    async listen(port, host = '127.0.0.1') {
      return app.listen({ port, host });
    },
    async settle() {
      await intake.idle();
      await flusher.flushDue();
      await effects.run();
    },
    async stop() {
      for (const timer of timers) clearInterval(timer);
      // Each campaign sent here stops cleanly, its results stored, for another instance or a browser to go on.
      await options.campaigns?.handOverAll().catch(() => undefined);
      await app.close();
      await intake.idle();
      await effects.run().catch(() => undefined);
      await flusher.flushAll().catch(() => undefined);
    },
  };
}
