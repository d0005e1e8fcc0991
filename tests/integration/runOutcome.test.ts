import { describe, expect, it } from 'vitest';
import { RateLimitedError } from '../../src/api/transport/errors';
import type { HttpRequest, HttpResponse, Transport } from '../../src/api/transport/types';
import type { CampaignRunDeps } from '../../src/app/campaigns/campaignRuns';
import { launchCampaign } from '../../src/app/campaigns/launch';
import { CampaignStore } from '../../src/store/campaigns';
import { CAMPAIGN_OBJECT } from '../../src/store/heraldObjects';
import { RecordAccess } from '../../src/store/recordAccess';
import { ALEX, advanceUntil, appHarness } from '../support/appHarness';
import { plannedAudience, springSaleChoices } from '../support/springSale';

/** How a run's end is stored: what the campaign's page, its list and its history read afterwards. */

/** Zendesk refuses (429) every write of the campaign's counts alone: the counts a runner publishes as it goes. */
class RefusesPublishedCounts implements Transport {
  refused = 0;

  constructor(private readonly inner: Transport) {}

  async send(request: HttpRequest): Promise<HttpResponse> {
    const fields = (request.body as { custom_object_record?: { custom_object_fields?: Record<string, unknown> } } | undefined)?.custom_object_record?.custom_object_fields;
    if (request.method === 'PATCH' && request.url.includes(CAMPAIGN_OBJECT.key) && fields && Object.keys(fields).join() === 'counts') {
      this.refused += 1;
      throw new RateLimitedError(60_000, { message: 'Rate limited' }, undefined);
    }
    return this.inner.send(request);
  }
}

describe('a run’s end', () => {
  it('is stored with its final counts, even when every count the run published was refused', async () => {
    const h = await appHarness();
    const admin = h.as(ALEX, { send_rate: 50 });
    const transport = new RefusesPublishedCounts(admin.transport);
    const context = { ...admin, transport };
    const deps: CampaignRunDeps = { runs: h.runs, ports: h.ports };
    const choices = await springSaleChoices(context);
    const id = await launchCampaign(context, deps, choices, plannedAudience(10, choices.slots.length), { when: 'now' });
    await advanceUntil(h.clock, () => deps.runs.state(id)?.phase === 'ended', 200);

    expect(transport.refused).toBeGreaterThan(0);
    // The record itself, as Zendesk keeps it: what any reader (the list, the history, a report) finds.
    const stored = await new RecordAccess(admin.transport, CAMPAIGN_OBJECT.key).show(id);
    expect(JSON.parse(String(stored.custom_object_fields?.counts))).toEqual({ pending: 0, sent: 10, failed: 0, skipped: 0, unverified: 0 });
    expect(await new CampaignStore(admin.transport).load(id)).toMatchObject({ status: 'completed', counts: { sent: 10, pending: 0 } });
  });
});

describe('a run stopped elsewhere', () => {
  it('stops at its next heartbeat when the Herald service pauses the campaign, and keeps the service’s reason', async () => {
    const h = await appHarness();
    const admin = h.as(ALEX, { send_rate: 1 });
    const deps: CampaignRunDeps = { runs: h.runs, ports: h.ports };
    const choices = await springSaleChoices(admin);
    const id = await launchCampaign(admin, deps, choices, plannedAudience(200, choices.slots.length), { when: 'now' });
    await advanceUntil(h.clock, () => (deps.runs.state(id)?.phase ?? '') === 'sending', 50);
    // What the service's pauser does on a burst of later failures: the status, through the one writer of a status.
    await new CampaignStore(admin.transport).transition(id, 'pause', { pauseReason: 'template-paused' });
    await advanceUntil(h.clock, () => deps.runs.state(id)?.phase === 'ended', 200);

    const stored = await new CampaignStore(admin.transport).load(id);
    expect(stored).toMatchObject({ status: 'paused', pauseReason: 'template-paused' });
    // Far fewer than 200 at 1 a second: the run stopped within a heartbeat of the pause.
    expect(stored.counts?.sent ?? 0).toBeLessThan(60);
    expect(stored.counts?.pending ?? 0).toBeGreaterThan(100);
  });
});
