import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { createHeraldService } from '../service/heraldService';
import { MemoryPorts, staticSettings } from '../service/memoryPorts';
import { openPgliteThread } from '../service/store/pgliteThread';
import type { LoadOptions, LoadResult } from './webhookLoad';

/**
 * `npm run bench`, the Herald service hearing Sunshine's webhooks over real HTTP on this machine,
 * on its embedded store (PGlite in a data folder, as `npm run service` runs it):
 * - at least 3,000 events a second sustained for 60 s (80 messages a second makes about 300; the
 *   rest is room), each answered only once committed;
 * - the 99th percentile of the time to answer at most 50 ms;
 * - the custom-object writes a minute the outcomes of that stream cost (budget ≤ 60: one write per
 *   campaign every 5 s at most, whatever the number of events).
 * The load comes from a worker thread (`webhookLoad.ts`).
 */

const EVENTS_PER_SECOND = Number(process.env.HERALD_BENCH_WEBHOOK_RATE ?? 3_000);
const SECONDS = Number(process.env.HERALD_BENCH_WEBHOOK_SECONDS ?? 60);
const CAMPAIGNS = 4;
const SECRET = 'bench-webhook-secret-2f9c1d7e';
const BUDGET = { eventsPerSecond: 3_000, p99Ms: 50, writesPerMinute: 60 };

function percentile(sorted: readonly number[], share: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)]!;
}

function load(options: LoadOptions): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    // The worker loads TypeScript as the main thread does: through tsx's loader, registered first.
    const bootstrap = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(new URL('./webhookLoad.ts', import.meta.url).href)}); });`;
    const worker = new Worker(bootstrap, { eval: true, workerData: options });
    worker.once('message', (message: { ok: boolean; result?: LoadResult; error?: string }) => {
      void worker.terminate();
      if (message.ok && message.result) resolve(message.result);
      else reject(new Error(message.error ?? 'the load worker failed'));
    });
    worker.once('error', reject);
  });
}

async function main(): Promise<void> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'herald-bench-service-'));
  const db = await openPgliteThread(dataDir);
  const ports = new MemoryPorts();
  const service = await createHeraldService({ db, ports, settings: staticSettings(), webhookSecret: SECRET, logLevel: 'warn' });
  // The service's own measure of each answer, from the request's arrival to the answer's end: the
  // load's measure adds the time the load's thread takes to notice an answer.
  const served: number[] = [];
  service.app.addHook('onResponse', async (_request, reply) => {
    served.push(reply.elapsedTime);
  });
  await service.start();
  const url = await service.listen(0);
  const rssBefore = process.memoryUsage().rss;
  console.log(`Herald service: ${EVENTS_PER_SECOND} webhook events/s for ${SECONDS} s over HTTP, PGlite in ${dataDir}`);
  const loopDelay = monitorEventLoopDelay({ resolution: 5 });
  loopDelay.enable();
  const writesBefore = ports.writes.length;
  const result = await load({ url, secret: SECRET, eventsPerSecond: EVENTS_PER_SECOND, seconds: SECONDS, campaigns: CAMPAIGNS });
  const minutes = result.elapsedMs / 60_000;
  await service.settle();
  const writes = ports.writes.length - writesBefore;
  const latencies = [...result.latenciesMs].sort((a, b) => a - b);
  const achieved = result.answered / (result.elapsedMs / 1000);
  const ok = result.statuses['200'] ?? 0;
  const p50 = percentile(latencies, 0.5);
  const p99 = percentile(latencies, 0.99);
  const writesPerMinute = writes / minutes;
  const transactions = service.intake.transactions;
  console.log(`  calls: ${result.sent} sent, ${ok} answered 200, other answers ${JSON.stringify(Object.fromEntries(Object.entries(result.statuses).filter(([status]) => status !== '200')))}, ${result.failed} connection failures`);
  console.log(`  achieved: ${achieved.toFixed(0)} events/s (budget ≥ ${BUDGET.eventsPerSecond}), over ${(result.elapsedMs / 1000).toFixed(1)} s, in ${transactions} transactions`);
  const servedSorted = served.sort((a, b) => a - b);
  console.log(`  time to answer, as the caller saw it: p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms (budget ≤ ${BUDGET.p99Ms}), max ${(latencies.at(-1) ?? 0).toFixed(1)} ms`);
  console.log(`  time to answer, as the service measured it: p50 ${percentile(servedSorted, 0.5).toFixed(1)} ms, p99 ${percentile(servedSorted, 0.99).toFixed(1)} ms`);
  loopDelay.disable();
  console.log(`  the service's event loop: delay p99 ${(loopDelay.percentile(99) / 1e6).toFixed(1)} ms, max ${(loopDelay.max / 1e6).toFixed(1)} ms`);
  console.log(`  custom-object writes: ${writes} in ${minutes.toFixed(2)} min = ${writesPerMinute.toFixed(1)} a minute for ${CAMPAIGNS} campaigns (budget ≤ ${BUDGET.writesPerMinute})`);
  console.log(`  resident memory: ${(rssBefore / 1e6).toFixed(0)} MB before, ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB after`);
  await service.stop();
  await db.close();
  await rm(dataDir, { recursive: true, force: true });

  const failures: string[] = [];
  if (ok !== result.sent) failures.push(`${result.sent - ok} calls not answered 200`);
  if (achieved < BUDGET.eventsPerSecond * 0.99) failures.push(`achieved ${achieved.toFixed(0)} events/s < ${BUDGET.eventsPerSecond}`);
  if (p99 > BUDGET.p99Ms) failures.push(`p99 ${p99.toFixed(1)} ms > ${BUDGET.p99Ms} ms`);
  if (writesPerMinute > BUDGET.writesPerMinute) failures.push(`${writesPerMinute.toFixed(1)} writes a minute > ${BUDGET.writesPerMinute}`);
  if (failures.length > 0) {
    console.error(`Service bench over budget: ${failures.join('; ')}`);
    process.exit(1);
  }
  console.log('Service bench within budget.');
}

await main();
