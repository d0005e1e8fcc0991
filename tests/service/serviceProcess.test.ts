import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createEmulator } from '../../emulator/index';
import { createInstallation } from '../../emulator/installation';
import { freePort, serveEmulator, type ServedEmulator } from '../../emulator/nodeServer';
import { emulatorEnvironment } from './support/serviceProcess';
import { delivered, SECRET, T0 } from './serviceHarness';
import { metricValue } from './support/metricsText';

/**
 * The service as its image runs it (`node --import tsx service/main.ts`, what `npm run service`
 * does), configured by its environment against the served emulator: it answers /healthz (and the
 * image's health check says so), hears one webhook and counts it on /metrics, and stops on SIGTERM.
 */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

let served: ServedEmulator | undefined;
let child: ChildProcess | undefined;
let dataDir: string | undefined;

afterAll(async () => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  await served?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

/** Exit code of a process (the health check). */
function exitCode(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number | null> {
  return new Promise((resolve) => spawn(command, args, { cwd: root, env, stdio: 'ignore' }).once('exit', (code) => resolve(code)));
}

async function until<T>(what: string, attempt: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await attempt().catch(() => undefined);
    if (result !== undefined) return result;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe('the service started as in production', () => {
  it('answers /healthz, counts a signed webhook on /metrics and stops on SIGTERM', { timeout: 120_000 }, async () => {
    const emulator = createEmulator({ zendesk: { endUsers: 5 } });
    createInstallation(emulator);
    served = await serveEmulator(emulator);
    dataDir = await mkdtemp(path.join(tmpdir(), 'herald-process-'));
    const port = await freePort();
    const env = {
      PATH: process.env.PATH,
      HERALD_SERVICE_PORT: String(port),
      HERALD_SERVICE_HOST: '127.0.0.1',
      HERALD_DATA_DIR: dataDir,
      HERALD_WEBHOOK_SECRET: SECRET,
      ...emulatorEnvironment(emulator, served),
    };
    const output: string[] = [];
    const started = spawn(process.execPath, ['--import', 'tsx', 'service/main.ts'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child = started;
    started.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    started.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    const base = `http://127.0.0.1:${port}`;

    const health = await until('GET /healthz answers 200', async () => {
      const response = await fetch(`${base}/healthz`);
      return response.status === 200 ? ((await response.json()) as { store: string }) : undefined;
    }, 90_000).catch((error: unknown) => {
      throw new Error(`${String(error)}\n${output.join('')}`);
    });
    expect(health.store).toBe('reachable');
    expect(await exitCode(process.execPath, ['scripts/service-healthcheck.cjs'], env)).toBe(0);

    const event = delivered('wamid-process-1', 'conversation-1', T0);
    const body = { app: { id: emulator.config.sunshine.appId }, webhook: { id: 'wh_1', version: 'v2' }, events: [event] };
    const post = (key: string) => fetch(`${base}/webhooks/sunshine`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': key }, body: JSON.stringify(body) });
    expect((await post('not-the-secret')).status).toBe(401);
    expect((await post(SECRET)).status).toBe(200);

    const metrics = await fetch(`${base}/metrics`);
    expect(metrics.status).toBe(200);
    const text = await metrics.text();
    expect(metricValue(text, 'herald_webhook_events_total', { type: 'conversation:message:delivery:user' })).toBe(1);
    expect(metricValue(text, 'herald_store_commit_seconds_count')).toBe(1);
    expect(metricValue(text, 'process_resident_memory_bytes')).toBeGreaterThan(0);

    const exited = new Promise<number | null>((resolve) => started.once('exit', (code) => resolve(code)));
    started.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(await exitCode(process.execPath, ['scripts/service-healthcheck.cjs'], env)).toBe(1);
    expect(output.join('')).not.toContain(SECRET);
  });
});
