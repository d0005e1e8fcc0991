import { readFileSync } from 'node:fs';
import { WebhooksClient } from '../src/api/sunshine/webhooks';
import { AxiosTransport } from '../src/api/transport/axiosTransport';
import { withRateLimitRetries } from '../src/api/transport/rateLimitRetries';
import { realClock } from '../src/core/time/clock';
import { ConfigError, loadConfig, type ServiceConfig } from './config';
import { WEBHOOK_PATH } from './http/app';
import { createHeraldService } from './heraldService';
import type { ServicePorts } from './ports';
import type { Database } from './store/database';
import { openPgliteDatabase } from './store/pgliteDatabase';
import { openPostgresDatabase } from './store/postgresDatabase';
import { FrozenAudienceLookup, InstallationSettings, StoreCampaignPauser, ZendeskOptOuts, zendeskWriters } from './zendeskPorts';

/** `npm run service`: the Herald service with its configuration from the environment (README, "The Herald service"). */

async function main(): Promise<void> {
  let config: ServiceConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const transport = withRateLimitRetries(
    new AxiosTransport({
      zendeskOrigin: config.zendeskOrigin,
      ...(config.zendeskAuth.kind === 'token' ? { zendeskToken: { email: config.zendeskAuth.email, token: config.zendeskAuth.token } } : { zendeskOAuthToken: config.zendeskAuth.token }),
      sunshineKey: { keyId: config.sunshine.keyId, secret: config.sunshine.secret },
    }),
    realClock,
  );
  const db: Database = config.databaseUrl ? openPostgresDatabase(config.databaseUrl) : await openPgliteDatabase(config.dataDir);
  const settings = new InstallationSettings(transport, config.installationId, config.sunshine.appId);
  const tagged = () => new ZendeskOptOuts(transport, settings.current().optOutTag ?? '');
  const ports: ServicePorts = {
    ...zendeskWriters(transport),
    optOuts: { optOut: (userId) => tagged().optOut(userId), optIn: (userId) => tagged().optIn(userId) },
    audience: new FrozenAudienceLookup(transport),
    pauser: new StoreCampaignPauser(transport),
  };
  const connection = { baseUrl: config.sunshine.baseUrl, appId: config.sunshine.appId };
  const publicUrl = config.publicUrl;
  const service = await createHeraldService({
    db,
    ports,
    settings,
    ...(config.webhookSecret ? { webhookSecret: config.webhookSecret } : {}),
    ...(publicUrl ? { registerWebhook: async () => (await new WebhooksClient(transport, connection).ensure(`${publicUrl}${WEBHOOK_PATH}`)).secret } : {}),
    version: packageVersion(),
  });
  await service.start();
  await service.listen(config.port, config.host);
  const stop = async () => {
    await service.stop();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

function packageVersion(): string {
  const parsed = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: string };
  return parsed.version ?? 'unknown';
}

void main();
