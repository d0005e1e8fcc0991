import { readFileSync } from 'node:fs';
import { WebhooksClient } from '../src/api/sunshine/webhooks';
import { AxiosTransport } from '../src/api/transport/axiosTransport';
import { withRateLimitRetries } from '../src/api/transport/rateLimitRetries';
import { realClock } from '../src/core/time/clock';
import type { ServiceConfig } from './config';
import { WEBHOOK_PATH } from './http/app';
import { createHeraldService, type HeraldService, type HeraldServiceOptions } from './heraldService';
import type { LogStream } from './http/logging';
import type { ServicePorts } from './ports';
import type { Database } from './store/database';
import { openPgliteThread } from './store/pgliteThread';
import { openPostgresDatabase } from './store/postgresDatabase';
import { RunClaims } from './campaigns/runClaims';
import { ServiceMetrics } from './metrics';
import { ServiceCampaigns, type ServiceLog } from './campaigns/serviceCampaigns';
import { ServiceContext } from './campaigns/serviceContext';
import { FrozenAudienceLookup, InstallationSettings, StoreCampaignPauser, ZendeskOptOuts, zendeskWriters } from './zendeskPorts';

/**
 * The Herald service as its configuration describes it: the store (PGlite in the data folder, or
 * Postgres with DATABASE_URL), the ports to Zendesk over the Node transport, the installation's
 * settings, the webhook's registration. `npm run service`, the sandbox and the chaos test build it
 * here, so they run the same service.
 */
export interface AssembleOptions {
  /** Wraps the store (the chaos test's refusals). */
  database?: (db: Database) => Database;
  logLevel?: string;
  logStream?: LogStream;
  /** The service's timers, when not the production ones (the sandbox beats every few seconds). */
  intervals?: HeraldServiceOptions['intervals'];
}

export async function assembleService(config: ServiceConfig, options: AssembleOptions = {}): Promise<{ service: HeraldService; db: Database }> {
  const transport = withRateLimitRetries(
    new AxiosTransport({
      zendeskOrigin: config.zendeskOrigin,
      ...(config.zendeskAuth.kind === 'token' ? { zendeskToken: { email: config.zendeskAuth.email, token: config.zendeskAuth.token } } : { zendeskOAuthToken: config.zendeskAuth.token }),
      sunshineKey: { keyId: config.sunshine.keyId, secret: config.sunshine.secret },
    }),
    realClock,
  );
  const opened: Database = config.databaseUrl ? openPostgresDatabase(config.databaseUrl) : await openPgliteThread(config.dataDir);
  const db = options.database ? options.database(opened) : opened;
  const settings = new InstallationSettings(transport, config.installationId, { appId: config.sunshine.appId, baseUrl: config.sunshine.baseUrl }, new URL(config.zendeskOrigin).hostname.split('.')[0]);
  const tagged = () => new ZendeskOptOuts(transport, settings.current().optOutTag ?? '');
  const ports: ServicePorts = {
    ...zendeskWriters(transport),
    optOuts: { optOut: (userId) => tagged().optOut(userId), optIn: (userId) => tagged().optIn(userId) },
    audience: new FrozenAudienceLookup(transport),
    pauser: new StoreCampaignPauser(transport),
  };
  const connection = { baseUrl: config.sunshine.baseUrl, appId: config.sunshine.appId };
  const metrics = new ServiceMetrics();
  const identity = new ServiceContext(transport, () => settings.campaigns(), realClock);
  const campaigns = new ServiceCampaigns({
    context: () => identity.current(),
    claims: new RunClaims(db, config.instanceId),
    clock: realClock,
    log: logOf(() => service.app.log),
    metrics,
  });
  const publicUrl = config.publicUrl;
  const service: HeraldService = await createHeraldService({
    db,
    ports,
    settings: {
      current: () => settings.current(),
      // Who the service is in Zendesk is read with the settings: a role or group changed is seen within the minute.
      refresh: async () => {
        await settings.refresh();
        await identity.refresh();
      },
    },
    campaigns,
    metrics,
    ...(config.metricsToken ? { metricsToken: config.metricsToken } : {}),
    ...(config.webhookSecret ? { webhookSecret: config.webhookSecret } : {}),
    ...(publicUrl ? { registerWebhook: async () => (await new WebhooksClient(transport, connection).ensure(`${publicUrl}${WEBHOOK_PATH}`)).secret } : {}),
    version: packageVersion(),
    ...(options.logLevel ? { logLevel: options.logLevel } : {}),
    ...(options.logStream ? { logStream: options.logStream } : {}),
    // The configuration's scan interval, unless the caller sets its own timers.
    intervals: { campaigns: config.campaignScanMs, ...options.intervals },
  });
  return { service, db };
}

function packageVersion(): string {
  const parsed = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: string };
  return parsed.version ?? 'unknown';
}

/** The service's logger, once the service exists (its runners start after it does). */
function logOf(logger: () => ServiceLog): ServiceLog {
  return {
    info: (fields, message) => logger().info(fields, message),
    warn: (fields, message) => logger().warn(fields, message),
    error: (fields, message) => logger().error(fields, message),
  };
}
