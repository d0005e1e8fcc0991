import { describe, expect, it } from 'vitest';
import type { CampaignRunDeps } from '../../src/app/campaigns/campaignRuns';
import { launchCampaign } from '../../src/app/campaigns/launch';
import { CampaignStore } from '../../src/store/campaigns';
import { CAMPAIGN_CHUNK_OBJECT, CAMPAIGN_OBJECT } from '../../src/store/heraldObjects';
import { ALEX, advanceUntil, appHarness } from '../support/appHarness';
import { plannedAudience, springSaleChoices } from '../support/springSale';

/**
 * Zendesk answers 429 near the account's limit, which Herald shares with every app of the account.
 * A launch that meets one waits as told and goes on: the person never sees "too many requests" for
 * a wait of a second, and the write refused (never applied) is made once.
 */

/** Where a campaign is created (an upsert by external id) and where its frozen audience is queued as a job. */
const CAMPAIGN_CREATE = new RegExp(`^/api/v2/custom_objects/${CAMPAIGN_OBJECT.key}/records$`);
const CHUNK_JOBS = `/api/v2/custom_objects/${CAMPAIGN_CHUNK_OBJECT.key}/jobs`;

describe('a launch near the account’s rate limit', () => {
  it('waits out a 429 with Retry-After: 1 on the campaign’s creation and on its audience, and creates each once', async () => {
    const h = await appHarness();
    const deps: CampaignRunDeps = { runs: h.runs, ports: h.ports };
    const admin = h.as(ALEX, { send_rate: 50 });
    const choices = await springSaleChoices(admin);
    h.emulator.faults.add({ match: { service: 'zendesk', method: 'PATCH', path: CAMPAIGN_CREATE }, fault: { kind: 'rateLimit', retryAfterSeconds: 1 }, times: 1 });
    h.emulator.faults.add({ match: { service: 'zendesk', method: 'POST', path: CHUNK_JOBS }, fault: { kind: 'rateLimit', retryAfterSeconds: 1 }, times: 1 });
    const at = h.manual.now() + 10 * 60_000;

    const id = await launchCampaign(admin, deps, choices, plannedAudience(8, choices.slots.length), { when: 'later', at });

    expect(h.emulator.faults.list()).toEqual([]);
    expect(h.waits.slept.filter((ms) => ms === 1000)).toHaveLength(2);
    expect(h.emulator.zendesk.customObjects.records(CAMPAIGN_OBJECT.key)).toHaveLength(1);
    const chunks = h.emulator.zendesk.customObjects.records(CAMPAIGN_CHUNK_OBJECT.key).map((record) => record.externalId);
    expect(chunks.length).toBeGreaterThan(0);
    expect(new Set(chunks).size).toBe(chunks.length);
    expect(await new CampaignStore(admin.transport).load(id)).toMatchObject({ status: 'scheduled', scheduledAt: at });
  });

  it('sends to everyone once when each kind of Zendesk write of a launch now is refused once', async () => {
    const h = await appHarness();
    const deps: CampaignRunDeps = { runs: h.runs, ports: h.ports };
    const admin = h.as(ALEX, { send_rate: 50 });
    const choices = await springSaleChoices(admin);
    for (const method of ['POST', 'PATCH']) {
      h.emulator.faults.add({ match: { service: 'zendesk', method, path: '/api/v2/custom_objects/' }, fault: { kind: 'rateLimit', retryAfterSeconds: 1 }, times: 1 });
    }

    const id = await launchCampaign(admin, deps, choices, plannedAudience(8, choices.slots.length), { when: 'now' });
    await advanceUntil(h.clock, () => deps.runs.state(id)?.phase === 'ended', 200);

    expect(h.emulator.faults.list()).toEqual([]);
    expect(h.emulator.zendesk.customObjects.records(CAMPAIGN_OBJECT.key)).toHaveLength(1);
    expect((await new CampaignStore(admin.transport).load(id)).status).toBe('completed');
    expect(h.emulator.sunshine.notifications()).toHaveLength(8);
  });
});
