import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Emulator } from '../../../emulator/index';
import type { ServedEmulator } from '../../../emulator/nodeServer';

export { freePort } from '../../../emulator/nodeServer';

/** The chaos tests' Herald service in a child process (chaosService.ts), on the emulator served over HTTP. */

const chaosService = path.join(path.dirname(fileURLToPath(import.meta.url)), 'chaosService.ts');

/** What every such service needs to reach the served emulator as its Zendesk account and Sunshine app. */
export function emulatorEnvironment(emulator: Pick<Emulator, 'config'>, served: ServedEmulator): Record<string, string> {
  const { config } = emulator;
  return {
    ZENDESK_URL: served.url,
    ZENDESK_EMAIL: config.zendeskApiToken.email,
    ZENDESK_API_TOKEN: config.zendeskApiToken.token,
    SUNCO_APP_ID: config.sunshine.appId,
    SUNCO_KEY_ID: config.sunshine.keyId,
    SUNCO_KEY_SECRET: config.sunshine.keySecret,
    SUNCO_API_HOST: `${served.url}/sc`,
  };
}

/** Starts the service with this environment (over the test's own) and resolves once it listens. */
export async function startServiceProcess(environment: Record<string, string>): Promise<ChildProcess> {
  const child = fork(chaosService, [], { env: { ...process.env, ...environment }, execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', (code, signal) => reject(new Error(`the service stopped before it was ready (${code ?? signal})`)));
  });
  return child;
}
