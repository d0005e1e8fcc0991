import { describe, expect, it } from 'vitest';
import { moveCampaign, pauseCampaign, type CampaignRunDeps } from '../../src/app/campaigns/campaignRuns';
import { launchCampaign } from '../../src/app/campaigns/launch';
import { campaignTrust } from '../../src/app/campaigns/runTrust';
import { realClock } from '../../src/core/time/clock';
import { CampaignStore } from '../../src/store/campaigns';
import { CAMPAIGN_OBJECT } from '../../src/store/heraldObjects';
import { RecordAccess } from '../../src/store/recordAccess';
import { RunClaims } from '../../service/campaigns/runClaims';
import { ServiceMetrics } from '../../service/metrics';
import { ServiceCampaigns, type ServiceLog } from '../../service/campaigns/serviceCampaigns';
import { migrate } from '../../service/store/migrations';
import { openPgliteDatabase } from '../../service/store/pgliteDatabase';
import { createEmulator } from '../../emulator/index';
import { createInstallation } from '../../emulator/installation';
import { ALEX, JULES, advanceUntil, appHarness, contextOn, type AppHarness } from '../support/appHarness';
import { acceptedByPhone } from '../support/sendingHarness';
import { plannedAudience, springSaleChoices } from '../support/springSale';

/**
 * Campaigns sent by the Herald service with no browser open, through the same use cases and runner
 * as a browser: scheduled starts, a pause from a browser, a hand-over both ways, and a record
 * scheduled by someone who may not launch.
 */

const quiet: ServiceLog = { info: () => undefined, warn: () => undefined, error: () => undefined };

async function serviceOn(h: AppHarness, settings: Record<string, string | number> = {}) {
  const db = await openPgliteDatabase();
  await migrate(db);
  // The service's Zendesk user is Alex, an admin: by default, admins may launch.
  const context = h.as(ALEX, settings);
  const log = { ...quiet, warnings: [] as string[] };
  log.warn = (_fields, message) => log.warnings.push(message);
  const metrics = new ServiceMetrics({ now: () => h.clock.now() });
  const service = new ServiceCampaigns({ context: () => context, claims: new RunClaims(db, 'test-instance', () => h.clock.now()), clock: h.clock, log, metrics });
  return { service, log, db, metrics };
}

function expectEachOnce(h: AppHarness, recipients: number): void {
  const accepted = acceptedByPhone(h.emulator);
  expect([...accepted.values()].filter((times) => times > 1)).toEqual([]);
  expect(accepted.size).toBe(recipients);
}

describe('campaigns sent by the Herald service', { timeout: 60_000 }, () => {
  it('finds nothing to send, and nothing gone wrong, before Herald is set up', async () => {
    const emulator = createEmulator({ zendesk: { endUsers: 5 } });
    const context = contextOn(emulator, createInstallation(emulator), ALEX);
    const db = await openPgliteDatabase();
    await migrate(db);
    const service = new ServiceCampaigns({ context: () => context, claims: new RunClaims(db, 'test-instance', () => realClock.now()), clock: realClock, log: quiet });
    await expect(service.scan()).resolves.toBeUndefined();
    expect(service.sending()).toEqual([]);
  });

  it('starts a scheduled campaign at its time with no browser open, and sends everyone once', async () => {
    const h = await appHarness();
    const { service, metrics } = await serviceOn(h, { send_rate: 20 });
    const browser = h.as(ALEX, { send_rate: 20 });
    const deps: CampaignRunDeps = { runs: h.runs, ports: h.ports };
    const choices = await springSaleChoices(browser);
    const at = h.clock.now() + 10 * 60_000;
    const id = await launchCampaign(browser, deps, choices, plannedAudience(30, choices.slots.length), { when: 'later', at, from: 'service' });

    // Before its time, nothing.
    await service.scan();
    expect(service.sending()).toEqual([]);
    await h.clock.advanceTo(at + 1_000);
    await service.scan();
    expect(service.sending()).toEqual([id]);
    expect(await metrics.text()).toMatch(/^herald_campaigns_running 1$/m);
    await advanceUntil(h.clock, () => service.runs.state(id)?.phase === 'ended');
    // What an operator watching /metrics sees.
    const watched = await metrics.text();
    expect(watched).toMatch(/^herald_messages_total\{outcome="accepted"\} 30$/m);
    expect(watched).toMatch(/^herald_campaigns_running 0$/m);

    const stored = await new CampaignStore(browser.transport).load(id);
    expect(stored).toMatchObject({ status: 'completed', sentFrom: 'service', counts: { sent: 30, pending: 0 } });
    expect(stored.lease?.holder ?? '').toBe('');
    expectEachOnce(h, 30);
    // The browser never ran it.
    expect(h.runs.state(id)).toBeUndefined();
  });

  it('stops within 5 seconds when someone pauses the campaign from a browser, keeping a person’s pause', async () => {
    const h = await appHarness();
    const { service } = await serviceOn(h, { send_rate: 5 });
    const browser = h.as(ALEX, { send_rate: 5 });
    const deps: CampaignRunDeps = { runs: h.runs, ports: h.ports };
    const choices = await springSaleChoices(browser);
    const id = await launchCampaign(browser, deps, choices, plannedAudience(200, choices.slots.length), { when: 'now', from: 'service' });
    expect(h.runs.isSending(id)).toBe(false);
    await service.scan();
    await advanceUntil(h.clock, () => h.emulator.sunshine.notifications().length >= 20, 100);

    await pauseCampaign(browser, deps, id);
    const pausedAt = h.clock.now();
    await advanceUntil(h.clock, () => service.runs.state(id)?.phase === 'ended', 100);
    expect(h.clock.now() - pausedAt).toBeLessThanOrEqual(5_000);

    const stored = await new CampaignStore(browser.transport).load(id);
    expect(stored).toMatchObject({ status: 'paused', pauseReason: 'user' });
    expect(stored.counts.sent).toBe(h.emulator.sunshine.notifications().length);
    expect(stored.counts.pending).toBe(200 - stored.counts.sent);
    expect(stored.counts.unverified).toBe(0);
  });

  it('moves a campaign from a browser to the service and back, with no recipient in doubt or sent twice', async () => {
    const h = await appHarness();
    const { service } = await serviceOn(h, { send_rate: 10 });
    const browser = h.as(ALEX, { send_rate: 10 });
    const deps: CampaignRunDeps = { runs: h.runs, ports: h.ports };
    const choices = await springSaleChoices(browser);
    const id = await launchCampaign(browser, deps, choices, plannedAudience(300, choices.slots.length), { when: 'now' });
    await advanceUntil(h.clock, () => h.emulator.sunshine.notifications().length >= 40, 100);

    // To the service: the browser stops cleanly at once, the service goes on from there.
    await moveCampaign(browser, deps, id, 'service');
    await advanceUntil(h.clock, () => h.runs.state(id)?.phase === 'ended', 100);
    expect(h.runs.state(id)).toMatchObject({ phase: 'ended', outcome: { status: 'handed-over' } });
    await service.scan();
    expect(service.sending()).toEqual([id]);
    const byBrowser = h.emulator.sunshine.notifications().length;
    await advanceUntil(h.clock, () => h.emulator.sunshine.notifications().length >= byBrowser + 60, 100);

    // And back: the service stops at its next heartbeat, the browser resumes once the lease is free.
    h.runs.forget(id);
    const moving = moveCampaign(browser, deps, id, 'browser');
    await advanceUntil(h.clock, () => h.runs.isSending(id), 250);
    await moving;
    expect(service.runs.state(id)).toMatchObject({ phase: 'ended', outcome: { status: 'handed-over' } });
    await advanceUntil(h.clock, () => h.runs.state(id)?.phase === 'ended', 250);

    const stored = await new CampaignStore(browser.transport).load(id);
    expect(stored).toMatchObject({ status: 'completed', sentFrom: 'browser', counts: { sent: 300, pending: 0, unverified: 0 } });
    expectEachOnce(h, 300);
  });

  it('does not run a campaign whose schedule was last set by an agent who may not launch, and says why', async () => {
    const h = await appHarness();
    const { service, log } = await serviceOn(h);
    const browser = h.as(ALEX);
    const deps: CampaignRunDeps = { runs: h.runs, ports: h.ports };
    const choices = await springSaleChoices(browser);
    const id = await launchCampaign(browser, deps, choices, plannedAudience(10, choices.slots.length), { when: 'later', at: h.clock.now() + 3 * 60 * 60_000, from: 'service' });
    // Jules, an agent without the launch right, brings the schedule forward by hand.
    await new RecordAccess(h.transportOf(JULES), CAMPAIGN_OBJECT.key).update(id, { scheduled_at: h.clock.now() - 1_000 });

    await service.scan();
    expect(service.sending()).toEqual([]);
    expect(h.emulator.sunshine.notifications()).toHaveLength(0);
    expect(log.warnings).toContain('campaign not started: last changed by someone who may not launch');
    // Nothing written: the record still names Jules as its last change, so the page says who changed it and offers to cancel or accept.
    const stored = await new CampaignStore(browser.transport).load(id);
    expect(stored).toMatchObject({ status: 'scheduled', lastChangedBy: JULES });
    expect(await campaignTrust(browser, stored)).toMatchObject({ trusted: false, part: 'record', changedBy: { id: JULES } });
    // Asked once per change: a later look neither starts it nor says it again.
    await service.scan();
    expect(log.warnings).toHaveLength(1);
    expect(h.emulator.sunshine.notifications()).toHaveLength(0);
  });
});
