import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createEmulator, ManualClock } from '../../emulator/index';
import { createInstallation } from '../../emulator/installation';
import { serveEmulator, type ServedEmulator } from '../../emulator/nodeServer';
import { CampaignNotificationSender } from '../../src/api/sunshine/notificationSender';
import { NotificationsClient } from '../../src/api/sunshine/notifications';
import { deliveryStateOf, totalsOf, type RecipientDelivery } from '../../src/core/delivery/deliveryState';
import { DeliveryOutcomes } from '../../src/store/deliveryOutcomes';
import { ZafTransport } from '../../src/zaf/zafTransport';
import { createFakeZafClient } from '../support/fakeZafClient';
import { frozenCampaign, sunshineOf } from '../support/sendingHarness';
import { emulatorEnvironment, freePort, startServiceProcess } from './support/serviceProcess';

/**
 * The chaos test: 20,000 campaign messages accepted by the emulator, whose webhooks reach
 * the Herald service (a child process, built as `npm run service` builds it, on its embedded store
 * in a data folder) over real HTTP, duplicated (1 in 10), delayed up to 15 emulated minutes (so out
 * of order), retried on Sunshine's schedule; the store refuses 5 % of the transactions holding
 * events it sees for the first time; the service is killed (SIGKILL) twice after processing a
 * transaction and before its commit, and started again on the same folder. Every recipient's
 * delivery as Herald's custom objects hold it must equal the emulator's truth, the totals must
 * reconcile, and the custom-object writes stay within one per campaign every 5 s.
 */

const RECIPIENTS = 20_000;
const STEP_MS = 2_000;

let served: ServedEmulator | undefined;
let child: ChildProcess | undefined;
let dataDir: string | undefined;

afterAll(async () => {
  child?.kill('SIGKILL');
  await served?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('hearing back in the worst weather', () => {
  it('ends with every recipient as the emulator decided, nothing lost or counted twice, writes within budget', { timeout: 900_000 }, async () => {
    const manual = new ManualClock(Date.UTC(2026, 11, 3, 9, 0, 0));
    const emulator = createEmulator({ clock: manual, zendesk: { endUsers: 10, jobDelayMs: 0 }, sunshine: { hearing: { seed: 2026 } } });
    emulator.faults.add({ match: {}, fault: { kind: 'webhookDuplicates', share: 0.1 } });
    emulator.faults.add({ match: {}, fault: { kind: 'webhookDelays', maxMinutes: 15 } });
    served = await serveEmulator(emulator);
    const transport = new ZafTransport(createFakeZafClient({ emulator, installation: createInstallation(emulator) }));
    const target = { transport, sunshine: sunshineOf(emulator) };
    // A few more generated, since the audience keeps a phone number once.
    const campaign = await frozenCampaign(target, { recipients: RECIPIENTS + 10 });
    const count = campaign.recipients.length;
    expect(count).toBeGreaterThanOrEqual(RECIPIENTS);

    // The service, registering its webhook with the emulator as in production.
    dataDir = await mkdtemp(path.join(tmpdir(), 'herald-chaos-'));
    const port = await freePort();
    const environment = {
      ...emulatorEnvironment(emulator, served),
      HERALD_SERVICE_PORT: String(port),
      HERALD_PUBLIC_URL: `http://127.0.0.1:${port}`,
      HERALD_DATA_DIR: dataDir,
      HERALD_CHAOS_REFUSE_SHARE: '0.05',
    };
    const lives: Array<{ killAt: number; exit?: string }> = [{ killAt: 40 }, { killAt: 70 }, { killAt: 0 }];
    let alive = false;
    const start = async (killAt: number) => {
      const started = await startServiceProcess({ ...environment, HERALD_CHAOS_KILL_AT: String(killAt), HERALD_CHAOS_SEED: String(lives.length + killAt) });
      alive = true;
      started.once('exit', (code, signal) => {
        alive = false;
        const life = lives.find((entry) => entry.exit === undefined);
        if (life) life.exit = signal ?? String(code);
      });
      child = started;
    };
    await start(lives[0]!.killAt);

    // 20,000 notifications as the runner sends them (each with its campaign and recipient as metadata).
    const sender = new CampaignNotificationSender(new NotificationsClient(transport, target.sunshine), { ...campaign.message, campaignId: campaign.campaignId });
    for (let first = 0; first < campaign.recipients.length; first += 100) {
      await Promise.all(campaign.recipients.slice(first, first + 100).map((recipient, offset) => sender.send(recipient, { index: first + offset })));
      manual.advance(100);
    }
    expect(emulator.sunshine.notifications()).toHaveLength(count);

    // Sunshine's later work, step by step; the service started again whenever it died.
    const realStart = Date.now();
    const requestsBefore = emulator.requests.length;
    let restarts = 0;
    while (emulator.scheduler.pending() > 0) {
      if (!alive) {
        restarts += 1;
        await start(lives[restarts]?.killAt ?? 0);
      }
      manual.advance(STEP_MS);
      await emulator.runDue();
    }
    // A graceful stop writes what is left to Zendesk.
    const stopped = new Promise<void>((resolve) => child!.once('exit', () => resolve()));
    child!.kill('SIGTERM');
    await stopped;
    const realMinutes = (Date.now() - realStart) / 60_000;

    expect(lives.slice(0, 2).map((life) => life.exit)).toEqual(['SIGKILL', 'SIGKILL']);
    const truth = emulator.truth().filter((message) => message.campaign === campaign.campaignId);
    expect(truth).toHaveLength(count);
    const heard = await new DeliveryOutcomes(transport).readAll(campaign.campaignId, count);
    const mismatches: string[] = [];
    const expected: RecipientDelivery[] = [];
    for (const message of truth) {
      const want: RecipientDelivery = {};
      for (const key of ['deliveredAt', 'readAt', 'failedAt', 'code', 'repliedAt', 'optedOutAt'] as const) if (message[key] !== undefined) (want as Record<string, unknown>)[key] = message[key];
      expected.push(want);
      const got = heard.get(message.recipient!) ?? {};
      if (deliveryStateOf(got) !== deliveryStateOf(want) || got.code !== want.code || (got.repliedAt === undefined) !== (want.repliedAt === undefined) || (got.optedOutAt === undefined) !== (want.optedOutAt === undefined)) {
        if (mismatches.length < 10) mismatches.push(`recipient ${message.recipient}: heard ${JSON.stringify(got)}, truth ${JSON.stringify(want)}`);
        else mismatches.push('…');
      }
    }
    expect(mismatches).toEqual([]);

    const totals = await new DeliveryOutcomes(transport).readTotals(campaign.campaignId);
    const truthTotals = totalsOf(expected, 0);
    expect({ ...totals, heardAt: 0 }).toEqual({ ...truthTotals, heardAt: 0 });

    const attempts = emulator.webhookAttempts.length;
    // Every custom-object write the service made while it heard back: outcome flushes (bulk jobs),
    // numbers heard by day, heartbeats. The budget: one flush a campaign every 5 s, and 60 a minute in all.
    const writeRequests = emulator.requests.slice(requestsBefore).filter((request) => request.service === 'zendesk' && request.method !== 'GET' && request.url.includes('/custom_objects/'));
    const writes = writeRequests.length;
    const flushes = writeRequests.filter((request) => request.url.endsWith('/jobs') && (request.body ?? '').includes('"delivery_totals"')).length;
    const perMinute = writes / realMinutes;
    process.stdout.write(
      [
        `Hearing-back chaos: ${count} messages, ${attempts} webhook calls (duplicates and retries included), ${restarts} restarts after SIGKILL`,
        `  truth: ${truthTotals.delivered} delivered, ${truthTotals.read} read, ${truthTotals.replied} replied, ${truthTotals.optedOut} opted out, failed ${JSON.stringify(truthTotals.failed)}`,
        `  custom-object writes: ${writes} in ${realMinutes.toFixed(2)} min (${flushes} outcome flushes of one campaign, the rest numbers heard and heartbeats) = ${perMinute.toFixed(1)} a minute (budget ≤ 60; flushes ≤ ${Math.ceil((realMinutes * 60) / 5) + 1})`,
        '',
      ].join('\n'),
    );
    expect(flushes).toBeLessThanOrEqual(Math.ceil((realMinutes * 60) / 5) + 1);
    expect(perMinute).toBeLessThanOrEqual(60);
  });
});
