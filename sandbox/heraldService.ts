import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Emulator } from '../emulator/index';
import { freePort, serveEmulator, type ServedEmulator } from '../emulator/nodeServer';
import { assembleService } from '../service/assemble';
import { DEFAULT_CAMPAIGN_SCAN_SECONDS, type ServiceConfig } from '../service/config';
import type { HeraldService } from '../service/heraldService';
import type { Database } from '../service/store/database';

/**
 * The Herald service beside the sandbox, in this process: assembled as `npm run service` does
 * (service/assemble.ts), from the configuration it would read, on its embedded store in a temporary folder, talking to the emulator
 * only over HTTP (the emulator served on a local port) with the emulator's API token and Sunshine
 * key, its webhook registered through Sunshine's API, so that the emulator's webhooks reach it over
 * real HTTP on real timers.
 *
 * In process rather than a child: Ctrl-C and `close()` stop one process, and tests pay no second
 * TypeScript start-up; the service still shares nothing with the sandbox but HTTP.
 */

export interface SandboxServiceOptions {
  emulator: Emulator;
  /** The service's port; 0 picks a free one. */
  port: number;
  /** Herald's installation on the emulated account, whose settings the service reads. */
  installationId: number;
}

export interface SandboxService {
  /** `http://127.0.0.1:{port}`: where the emulator delivers webhooks (`/webhooks/sunshine`). */
  readonly url: string;
  /** Starts again on an empty store (the emulator was reset: its webhooks and Herald's objects are gone). */
  restart(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Sandbox timers: the heartbeat every 5 s rather than 30 (Herald's objects appear when the admin
 * runs the setup, and Settings should say "connected" soon after), the settings every 5 s (a STOP
 * word changed on the admin page applies at once), and a look for campaigns to send every 2 s
 * (one launched or moved to the service shows "Sent by the Herald service" within seconds).
 */
const SANDBOX_INTERVALS = { heartbeat: 5_000, settings: 5_000, campaigns: 2_000 };

export async function startSandboxService(options: SandboxServiceOptions): Promise<SandboxService> {
  const { emulator } = options;
  const served: ServedEmulator = await serveEmulator(emulator);
  const { zendeskApiToken, sunshine } = emulator.config;
  // The webhook's target names the port, so a free one is picked before the service exists.
  const port = options.port === 0 ? await freePort() : options.port;
  const url = `http://127.0.0.1:${port}`;

  let running: { service: HeraldService; db: Database; dataDir: string } | undefined;

  const start = async (): Promise<void> => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'herald-sandbox-service-'));
    // What `npm run service` would read from its environment, pointed at the served emulator.
    const config: ServiceConfig = {
      port,
      host: '127.0.0.1',
      zendeskOrigin: served.url,
      zendeskAuth: { kind: 'token', ...zendeskApiToken },
      sunshine: { appId: sunshine.appId, keyId: sunshine.keyId, secret: sunshine.keySecret, baseUrl: `${served.url}/sc` },
      publicUrl: url,
      webhookSecret: undefined,
      databaseUrl: undefined,
      dataDir,
      installationId: options.installationId,
      instanceId: 'sandbox',
      metricsToken: undefined,
      campaignScanMs: DEFAULT_CAMPAIGN_SCAN_SECONDS * 1_000,
    };
    // The terminal shows the sandbox's own lines; the service says only what went wrong.
    const { service, db } = await assembleService(config, { logLevel: 'warn', intervals: SANDBOX_INTERVALS });
    running = { service, db, dataDir };
    await service.listen(port, config.host);
    await service.start();
  };

  const stop = async (): Promise<void> => {
    if (!running) return;
    const { service, db, dataDir } = running;
    running = undefined;
    await service.stop();
    await db.close();
    await rm(dataDir, { recursive: true, force: true });
  };

  try {
    await start();
  } catch (error) {
    await stop().catch(() => undefined);
    await served.close();
    throw error;
  }
  return {
    url,
    async restart() {
      await stop();
      await start();
    },
    async close() {
      await stop();
      await served.close();
    },
  };
}
