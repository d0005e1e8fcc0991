import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../sandbox/server';

/** The Herald service the sandbox starts beside itself: registered with the emulator, hearing its webhooks over HTTP. */

const PROBE_APP = fileURLToPath(new URL('../browser/fixtures/probe-app', import.meta.url));

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ distDir: PROBE_APP, service: true });
}, 60_000);

afterAll(async () => {
  await sandbox?.close();
});

async function health(): Promise<{ webhook: string; store: string }> {
  const response = await fetch(`${sandbox.service?.url}/healthz`);
  return (await response.json()) as { webhook: string; store: string };
}

/** The targets of the emulated app's webhooks (one is seeded, on another host). */
function localTargets(): string[] {
  return sandbox.emulator.sunshine.webhooks
    .all()
    .map((entry) => entry.webhook.target)
    .filter((target) => target.startsWith('http://127.0.0.1'));
}

async function postReset(): Promise<void> {
  const response = await fetch(new URL('/__sandbox/reset', sandbox.hostUrl), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  expect(response.status).toBe(200);
}

describe('the Herald service in the sandbox', () => {
  it("registers its webhook with the emulator through Sunshine's API, targeting its own local URL", async () => {
    expect(await health()).toMatchObject({ webhook: 'registered', store: 'reachable' });
    expect(localTargets()).toEqual([`${sandbox.service?.url}/webhooks/sunshine`]);
  });

  it('registers again after a reset emptied the emulated account', async () => {
    await postReset();
    expect(localTargets()).toEqual([`${sandbox.service?.url}/webhooks/sunshine`]);
    expect(await health()).toMatchObject({ webhook: 'registered' });
  }, 60_000);
});

describe('a sandbox without the service', () => {
  it('starts none and registers no webhook', async () => {
    const plain = await startSandbox({ distDir: PROBE_APP });
    try {
      expect(plain.service).toBeUndefined();
      expect(plain.emulator.sunshine.webhooks.all().filter((entry) => entry.webhook.target.startsWith('http://127.0.0.1'))).toEqual([]);
    } finally {
      await plain.close();
    }
  });
});
