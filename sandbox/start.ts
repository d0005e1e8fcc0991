import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSandbox, type Sandbox } from './server';
import { DEFAULT_AGENT_ID, zendeskRequest } from './zendeskSession';

/**
 * `npm start`: the sandbox around the built app in `dist/`, on fixed ports so that the URLs can be
 * bookmarked. Stops on Ctrl-C.
 */

const DEFAULT_HOST_PORT = 4567;
const DEFAULT_APP_PORT = 4568;
const DEFAULT_SERVICE_PORT = 4570;

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const distDir = path.join(repoRoot, 'dist');

function portFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`${name} must be a port number, not "${raw}".`);
    process.exit(1);
  }
  return port;
}

async function main(): Promise<void> {
  if (!existsSync(path.join(distDir, 'manifest.json'))) {
    console.error(`No built app in ${distDir}. Run "npm run build" first (npm start does it for you).`);
    process.exit(1);
  }
  const hostPort = portFromEnv('HERALD_SANDBOX_PORT', DEFAULT_HOST_PORT);
  const appPort = portFromEnv('HERALD_SANDBOX_APP_PORT', DEFAULT_APP_PORT);
  const servicePort = portFromEnv('HERALD_SERVICE_PORT', DEFAULT_SERVICE_PORT);

  let sandbox: Sandbox;
  try {
    sandbox = await startSandbox({ distDir, hostPort, appPort, service: { port: servicePort } });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      console.error(
        `Port ${hostPort}, ${appPort} or ${servicePort} is already in use. Set HERALD_SANDBOX_PORT, HERALD_SANDBOX_APP_PORT and HERALD_SERVICE_PORT to other ports.`,
      );
      process.exit(1);
    }
    throw error;
  }

  const url = sandbox.hostUrl;
  const requesterId = await firstRequesterId(sandbox);
  const { sunshine } = sandbox.emulator.config;
  console.log(`
Herald sandbox: a local Zendesk agent workspace around the built app (emulated account ${sandbox.emulator.config.subdomain}).

  Open ${url}

  Herald (nav bar app)   ${url}#/apps/herald
  Tickets                ${url}#/tickets
  A ticket + sidebar     ${url}#/tickets/101
  Customers              ${url}#/users${requesterId === undefined ? '' : `\n  A user + sidebar       ${url}#/users/${requesterId}`}
  App settings (admin)   ${url}#/admin/apps/herald
  Phones                 ${url}#/phones   (each customer's WhatsApp: ✓, ✓✓, read; reply or type STOP)

Herald service on ${sandbox.service?.url ?? '(not started)'} (HERALD_SERVICE_PORT): it hears the emulator's webhooks
(delivered, read, failed, replies, STOP) on an embedded store in a temporary folder, and writes them back
to the emulated Zendesk; Settings says "Herald service: connected" once Herald's objects are set up.

First-time setup (Admin page, "Reset to empty settings"): the emulator's test credentials, not secrets
  Conversations API app ID       ${sunshine.appId}
  Conversations API key ID       ${sunshine.keyId}
  Conversations API secret       ${sunshine.keySecret}

The app itself is served from ${sandbox.appUrl}. Rebuild with "npm run build" and reload the page to see changes.
Press Ctrl-C to stop.
`);

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping the sandbox…');
    sandbox.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** The requester of the first seeded ticket, to show a user page link. */
async function firstRequesterId(sandbox: Sandbox): Promise<number | undefined> {
  const response = await zendeskRequest(sandbox.emulator, DEFAULT_AGENT_ID, '/api/v2/tickets/101');
  if (!response.ok) return undefined;
  const body = (await response.json()) as { ticket?: { requester_id?: number } };
  return body.ticket?.requester_id;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
