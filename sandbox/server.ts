import { existsSync } from 'node:fs';
import path from 'node:path';
import { createEmulator, type Emulator } from '../emulator/index';
import { createInstallation, type RegisteredInstallation } from '../emulator/installation';
import { closeServer, listen } from '../emulator/nodeServer';
import type { AppRequestRecord } from '../emulator/zafProxy';
import { createAppServer } from './appServer';
import { readAppPackage } from './appPackage';
import { bundleHostPage, bundleZafSdk } from './bundles';
import { startSandboxService } from './heraldService';
import { createHostServer } from './hostServer';
import { PhoneBook } from './phoneBook';
import { SANDBOX_APP_ID, SANDBOX_INSTALLATION_ID, type SandboxState } from './sandboxApi';
import type { Settings } from '../emulator/installation';
import { defaultSettings } from './settings';
import { DEFAULT_AGENT_ID } from './zendeskSession';

/**
 * The local sandbox: a host page playing Zendesk's agent workspace around a built app, backed by
 * the emulator. Two servers on two ports so that the app iframe is cross-origin, as in production.
 */

export interface SandboxOptions {
  /** The built app: `manifest.json`, `translations/en.json`, `assets/…`. */
  distDir: string;
  /** Port of the host page; 0 (default) picks a free one. */
  hostPort?: number;
  /** Port of the app server; 0 (default) picks a free one. */
  appPort?: number;
  /** The emulator behind the app's requests; a new one by default. */
  emulator?: Emulator;
  /** Installation settings over the defaults (manifest defaults plus a configuration that works with the emulator). */
  settings?: Settings;
  /**
   * Starts the Herald service beside the sandbox (sandbox/heraldService.ts), its webhook registered
   * with the emulator; `port` 0 (default) picks a free one. Off by default: most tests do without.
   */
  service?: boolean | { port?: number };
}

export interface Sandbox {
  /** The host page, e.g. `http://localhost:4567/`. Open it with a route: `#/apps/herald`. */
  hostUrl: string;
  /** The app server's base URL, e.g. `http://localhost:4568/`. */
  appUrl: string;
  emulator: Emulator;
  /**
   * The installation the app's requests are proxied with (secure settings included): its settings
   * are the emulated account's installation record, which the Apps API changes too.
   */
  installation: RegisteredInstallation;
  /** The app's requests as it posted them, before secure settings were substituted. */
  appRequests: AppRequestRecord[];
  /** The Herald service, when started: where it listens. */
  service: { url: string } | undefined;
  close(): Promise<void>;
}

export async function startSandbox(options: SandboxOptions): Promise<Sandbox> {
  const distDir = path.resolve(options.distDir);
  if (!existsSync(distDir)) throw new Error(`The app directory ${distDir} does not exist: build the app first (npm run build).`);
  const [appPackage, zafSdkCode, hostScript] = await Promise.all([readAppPackage(distDir), bundleZafSdk(), bundleHostPage()]);
  const emulator = options.emulator ?? createEmulator();

  const appServer = createAppServer({ distDir, zafSdkCode });
  const appPort = await listen(appServer, options.appPort ?? 0);
  const appOrigin = `http://localhost:${appPort}`;

  const initialSettings = defaultSettings(appPackage.manifest, emulator.config, options.settings);
  const state: SandboxState = {
    emulator,
    appPackage,
    installation: createInstallation(emulator, {
      id: SANDBOX_INSTALLATION_ID,
      appId: SANDBOX_APP_ID,
      manifest: appPackage.manifest,
      settings: initialSettings,
      currentUserId: DEFAULT_AGENT_ID,
    }),
    appRequests: [],
    initialSettings,
    appOrigin,
    locale: undefined,
    service: undefined,
    phoneBook: new PhoneBook(emulator, () => {
      const country = state.installation.settings.default_country;
      return typeof country === 'string' ? country : undefined;
    }),
  };

  const hostServer = createHostServer({ state, hostScript });
  let hostPort: number;
  try {
    hostPort = await listen(hostServer, options.hostPort ?? 0);
    if (options.service) {
      const port = options.service === true ? 0 : (options.service.port ?? 0);
      state.service = await startSandboxService({ emulator, port, installationId: SANDBOX_INSTALLATION_ID });
    }
  } catch (error) {
    await Promise.all([closeServer(appServer), hostServer.listening ? closeServer(hostServer) : undefined]);
    throw error;
  }

  return {
    hostUrl: `http://localhost:${hostPort}/`,
    appUrl: `${appOrigin}/`,
    emulator,
    installation: state.installation,
    appRequests: state.appRequests,
    service: state.service ? { url: state.service.url } : undefined,
    async close() {
      await Promise.all([closeServer(hostServer), closeServer(appServer)]);
      await state.service?.close();
    },
  };
}
