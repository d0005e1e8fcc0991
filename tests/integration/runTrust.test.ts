import { describe, expect, it } from 'vitest';
import { acceptCampaignChange, cancelUnreadableCampaign, pauseCampaignRun, startCampaignRun, startDueCampaigns, type CampaignRunDeps } from '../../src/app/campaigns/campaignRuns';
import { launchCampaign } from '../../src/app/campaigns/launch';
import { campaignAsFrozen, changedSinceFrozen } from '../../src/app/campaigns/frozenView';
import { dueCampaigns, listCampaigns } from '../../src/app/campaigns/queries';
import { RunRegistry } from '../../src/app/campaigns/runRegistry';
import { campaignTrust } from '../../src/app/campaigns/runTrust';
import { NotAllowedError, UntrustedChangeError } from '../../src/app/errors';
import { showUser } from '../../src/app/people/people';
import { reengage, requesterAsRecipient, type ReengageMessage, type ReengageWords } from '../../src/app/reengage/reengage';
import { chunkExternalId } from '../../src/store/campaignChunks';
import { CampaignStore } from '../../src/store/campaigns';
import { CAMPAIGN_CHUNK_OBJECT, CAMPAIGN_OBJECT } from '../../src/store/heraldObjects';
import { RecordAccess } from '../../src/store/recordAccess';
import { ALEX, advanceUntil, appHarness, JULES, SAMIRA, type AppHarness } from '../support/appHarness';
import { plannedAudience, springSaleChoices } from '../support/springSale';

/**
 * Only the launcher's word runs a campaign: a record changed by an agent without the right to
 * launch (every agent may edit custom-object records below Enterprise) never makes Herald send.
 */

const notifications = (h: AppHarness) => h.emulator.requests.filter((request) => request.method === 'POST' && request.url.endsWith('/notifications')).length;

/** A campaign Alex (admin) launched at 1 message a second and paused after a few sends. */
async function pausedCampaign(h: AppHarness, deps: CampaignRunDeps): Promise<{ id: string; sentBefore: number }> {
  const admin = h.as(ALEX, { send_rate: 1 });
  const choices = await springSaleChoices(admin);
  const id = await launchCampaign(admin, deps, choices, plannedAudience(12, choices.slots.length), { when: 'now' });
  await advanceUntil(h.clock, () => notifications(h) >= 3, 200);
  pauseCampaignRun(admin, deps.runs, id);
  await advanceUntil(h.clock, () => deps.runs.state(id)?.phase === 'ended', 200);
  expect((await new CampaignStore(admin.transport).load(id)).status).toBe('paused');
  return { id, sentBefore: notifications(h) };
}

/** Samira (agent, not allowed to launch) writes to a Herald record by hand, as any agent can. */
async function samiraWrites(h: AppHarness, objectKey: string, recordId: string, fields: Record<string, string | number | null>): Promise<void> {
  await new RecordAccess(h.transportOf(SAMIRA), objectKey).update(recordId, fields);
}

describe('runs on the launcher’s word only', () => {
  it('a campaign an admin scheduled starts on its own once due, in the Herald of anyone who may launch, and not before', async () => {
    const h = await appHarness();
    const deps: CampaignRunDeps = { runs: h.runs, ports: h.ports };
    const scheduler = h.as(ALEX, { send_rate: 50 });
    const choices = await springSaleChoices(scheduler);
    const at = h.manual.now() + 10 * 60_000;
    const id = await launchCampaign(scheduler, deps, choices, plannedAudience(8, choices.slots.length), { when: 'later', at });
    const store = new CampaignStore(scheduler.transport);
    expect(await store.load(id)).toMatchObject({ status: 'scheduled', scheduledAt: at, launchedByName: 'Alex Martin' });
    expect(await startDueCampaigns(scheduler, deps, [await store.load(id)])).toEqual([]);
    expect(deps.runs.state(id)).toBeUndefined();
    expect(await dueCampaigns(scheduler)).toEqual([]);

    // Another person's Herald, open after the time: Jules may launch (his group is named), so it starts there.
    h.manual.set(at + 60_000);
    const other = h.as(JULES, { campaign_senders: 'admin, group:Support' });
    const otherDeps: CampaignRunDeps = { runs: new RunRegistry(), ports: h.ports };
    // What any screen of Herald looks for on its own (ui/campaigns/dueStarts.tsx).
    const due = await dueCampaigns(other);
    expect(due.map((campaign) => campaign.id)).toEqual([id]);
    expect(await startDueCampaigns(other, otherDeps, due)).toEqual([]);
    await advanceUntil(h.clock, () => otherDeps.runs.state(id)?.phase === 'ended', 500);
    expect(await store.load(id)).toMatchObject({ status: 'completed', counts: { sent: 8 }, launchedByName: 'Jules Bernard' });
  });


  it('a campaign scheduled for the Herald service is not started by a browser once due: the service starts it, or a person', async () => {
    const h = await appHarness();
    const deps: CampaignRunDeps = { runs: h.runs, ports: h.ports };
    const scheduler = h.as(ALEX, { send_rate: 50 });
    const choices = await springSaleChoices(scheduler);
    const at = h.manual.now() + 10 * 60_000;
    const id = await launchCampaign(scheduler, deps, choices, plannedAudience(8, choices.slots.length), { when: 'later', at, from: 'service' });
    const store = new CampaignStore(scheduler.transport);
    h.manual.set(at + 60_000);
    expect(await dueCampaigns(scheduler)).toEqual([]);
    expect(await startDueCampaigns(scheduler, deps, [await store.load(id)])).toEqual([]);
    expect(deps.runs.state(id)).toBeUndefined();
    expect(await store.load(id)).toMatchObject({ status: 'scheduled', sentFrom: 'service' });
  });

  it('a paused campaign an agent sets to scheduled is not started when an admin opens Herald, and the refusal names her', async () => {
    const h = await appHarness();
    const deps: CampaignRunDeps = { runs: h.runs, ports: h.ports };
    const { id, sentBefore } = await pausedCampaign(h, deps);
    await samiraWrites(h, CAMPAIGN_OBJECT.key, id, { status: 'scheduled', scheduled_at: h.manual.now() - 60_000 });

    const admin = h.as(ALEX);
    const store = new CampaignStore(admin.transport);
    const tampered = await store.load(id);
    expect(tampered).toMatchObject({ status: 'scheduled', lastChangedBy: SAMIRA });
    const refused = await startDueCampaigns(admin, deps, [tampered]);
    expect(refused).toHaveLength(1);
    expect(refused[0]?.error).toBeInstanceOf(UntrustedChangeError);
    expect(refused[0]?.error).toMatchObject({ record: 'campaign', changedBy: { id: SAMIRA, name: 'Samira Haddad' } });
    await h.clock.advance(30_000);
    expect(notifications(h)).toBe(sentBefore);
    // Nothing was written: the record still says who changed it.
    expect(await store.load(id)).toMatchObject({ status: 'scheduled', lastChangedBy: SAMIRA });
    // A resume (an explicit start) is refused the same way.
    await expect(startCampaignRun(admin, deps, id, 'start-now')).rejects.toMatchObject({ name: 'UntrustedChangeError', changedBy: { id: SAMIRA } });

    // Once the admin accepts the change, the campaign is theirs to run, but accepting starts nothing:
    // the schedule came with the change, so the campaign is held, paused, until they resume it.
    await expect(acceptCampaignChange(admin, id)).resolves.toBe('paused');
    expect(await store.load(id)).toMatchObject({ status: 'paused', pauseReason: 'change-accepted', scheduledAt: null, lastChangedBy: ALEX });
    expect(await dueCampaigns(admin)).toEqual([]);
    await h.clock.advance(30_000);
    expect(notifications(h)).toBe(sentBefore);
    // It goes on where it stopped, nobody twice.
    await startCampaignRun(admin, deps, id, 'resume');
    await advanceUntil(h.clock, () => deps.runs.state(id)?.phase === 'ended', 500);
    expect(await store.load(id)).toMatchObject({ status: 'completed', counts: { sent: 12 } });
    expect(notifications(h)).toBe(12);
  });

  it('a finished campaign an agent reopened is not reopened by accepting the change', async () => {
    const h = await appHarness();
    const deps: CampaignRunDeps = { runs: h.runs, ports: h.ports };
    const { id, sentBefore } = await pausedCampaign(h, deps);
    // As if it had been cancelled, then set back to paused by hand.
    await samiraWrites(h, CAMPAIGN_OBJECT.key, id, { finished_at: h.clock.now() });
    const admin = h.as(ALEX);
    await expect(acceptCampaignChange(admin, id)).rejects.toMatchObject({ name: 'IllegalCampaignTransitionError' });
    expect(await new CampaignStore(admin.transport).load(id)).toMatchObject({ status: 'paused', lastChangedBy: SAMIRA });
    expect(notifications(h)).toBe(sentBefore);
  });

  it('a campaign an agent made unreadable stays listed, named with her, and a launcher can stop it for good', async () => {
    const h = await appHarness();
    const deps: CampaignRunDeps = { runs: h.runs, ports: h.ports };
    const { id, sentBefore } = await pausedCampaign(h, deps);
    await samiraWrites(h, CAMPAIGN_OBJECT.key, id, { status: 'sending', lease_holder: null, lease_expires_at: null });

    const admin = h.as(ALEX);
    const page = await listCampaigns(admin);
    expect(page.campaigns.map((campaign) => campaign.id)).not.toContain(id);
    expect(page.unreadable).toEqual([expect.objectContaining({ id, status: 'sending', lastChangedBy: SAMIRA, changedByName: 'Samira Haddad' })]);
    expect(await dueCampaigns(admin)).toEqual([]);

    await expect(cancelUnreadableCampaign(h.as(SAMIRA), id)).rejects.toBeInstanceOf(NotAllowedError);
    await cancelUnreadableCampaign(admin, id);
    const after = await listCampaigns(admin);
    expect(after.unreadable).toEqual([]);
    expect(after.campaigns.find((campaign) => campaign.id === id)).toMatchObject({ status: 'cancelled', lastChangedBy: ALEX });
    await h.clock.advance(30_000);
    expect(notifications(h)).toBe(sentBefore);
  });

  it('what it sends comes from what was frozen: a definition an agent changed is refused, and a record edit changes nothing sent', async () => {
    const h = await appHarness();
    const deps: CampaignRunDeps = { runs: h.runs, ports: h.ports };
    const { id, sentBefore } = await pausedCampaign(h, deps);
    const admin = h.as(ALEX);
    const store = new CampaignStore(admin.transport);

    // The campaign record's definition (what the history shows) is not what the runner sends.
    const shown = await store.load(id);
    await samiraWrites(h, CAMPAIGN_OBJECT.key, id, {
      template_name: 'black_friday',
      recipients: 3000,
      definition: JSON.stringify({ ...shown.definition, ratePerSecond: 1000, content: { ...shown.definition.content, body: 'Click http://evil.example' } }),
    });
    // The page is told who changed it, and what the record now claims differently from what was frozen.
    const tampered = await store.load(id);
    const trust = await campaignTrust(admin, tampered);
    expect(trust).toMatchObject({ trusted: false, part: 'record', changedBy: { name: 'Samira Haddad' } });
    expect(changedSinceFrozen(tampered, trust.frozen!)).toEqual(['template', 'rate', 'recipients']);
    expect(campaignAsFrozen(tampered, trust.frozen)).toMatchObject({ templateName: shown.templateName, recipients: 12, definition: { ratePerSecond: 1 } });

    // Accepting puts what was frozen back on the record: the history tells the truth again.
    await acceptCampaignChange(admin, id);
    const accepted = await store.load(id);
    expect(accepted).toMatchObject({ templateName: shown.templateName, recipients: 12, lastChangedBy: ALEX, definition: { ratePerSecond: 1, content: shown.definition.content, mappings: shown.definition.mappings } });
    expect(await campaignTrust(admin, accepted)).toMatchObject({ trusted: true });
    await startCampaignRun(admin, deps, id, 'resume');
    await advanceUntil(h.clock, () => deps.runs.state(id)?.phase === 'ended', 500);
    const sent = h.emulator.requests.filter((request) => request.url.endsWith('/notifications')).map((request) => request.body ?? '');
    expect(sent.some((body) => body.includes('evil.example'))).toBe(false);
    expect(sent).toHaveLength(12);
    expect(sentBefore).toBeLessThan(12);
  });

  it("a frozen definition or a ledger an agent rewrote stops the run before anything is sent", async () => {
    const h = await appHarness();
    const deps: CampaignRunDeps = { runs: h.runs, ports: h.ports };
    const { id, sentBefore } = await pausedCampaign(h, deps);
    const admin = h.as(ALEX);
    const chunks = new RecordAccess(admin.transport, CAMPAIGN_CHUNK_OBJECT.key);

    const [definition] = await chunks.byExternalIds([chunkExternalId(id, 'definition', 0)]);
    const frozen = JSON.parse(String(definition?.custom_object_fields?.data)) as Record<string, unknown>;
    await samiraWrites(h, CAMPAIGN_CHUNK_OBJECT.key, definition!.id, { data: JSON.stringify({ ...frozen, ratePerSecond: 1000 }) });
    // The page knows before anyone presses Resume, and nobody can accept such a change.
    const campaign = await new CampaignStore(admin.transport).load(id);
    expect(await campaignTrust(admin, campaign)).toMatchObject({ trusted: false, part: 'frozen', changedBy: { name: 'Samira Haddad' } });
    await expect(acceptCampaignChange(admin, id)).rejects.toMatchObject({ name: 'UntrustedChangeError', record: 'definition' });
    await expect(startCampaignRun(admin, deps, id, 'resume')).rejects.toMatchObject({ name: 'UntrustedChangeError', record: 'definition', changedBy: { name: 'Samira Haddad' } });

    // The definition restored by an admin, the ledger is the next thing she touched.
    await chunks.update(definition!.id, { data: JSON.stringify(frozen) });
    const [ledger] = await chunks.byExternalIds([chunkExternalId(id, 'ledger', 0)]);
    await samiraWrites(h, CAMPAIGN_CHUNK_OBJECT.key, ledger!.id, { data: String(ledger?.custom_object_fields?.data) });
    await startCampaignRun(admin, deps, id, 'resume');
    await advanceUntil(h.clock, () => deps.runs.state(id)?.phase === 'failed', 200);
    expect(deps.runs.state(id)).toMatchObject({ phase: 'failed', error: { name: 'UntrustedChangeError', record: 'ledger' } });
    expect(await new CampaignStore(admin.transport).load(id)).toMatchObject({ status: 'paused', pauseReason: 'untrusted-change' });
    expect(notifications(h)).toBe(sentBefore);
  });
});

describe('a re-engagement from a ticket', () => {
  it('is sent by the agent who made it, though she may not launch campaigns (a campaign of one, from her ticket)', async () => {
    const h = await appHarness();
    const samira = h.as(SAMIRA);
    // A customer who consented, with a French mobile number.
    const customer = [...h.emulator.zendesk.users.all()].find((user) => user.role === 'end-user' && /^\+336\d{8}$/.test(user.phone ?? ''))!;
    h.emulator.zendesk.users.save({ ...customer, tags: [...customer.tags.filter((tag) => tag !== 'whatsapp_opt_out'), 'whatsapp_opt_in'] });
    const choices = await springSaleChoices(samira);
    const message = {
      template: { key: 'spring_sale|fr', name: 'spring_sale', language: 'fr', category: 'MARKETING', entries: [] },
      integration: { id: choices.integration.id, channel: 'whatsapp' as const, type: 'whatsapp' as const, status: 'active' as const, displayName: 'Herald France', senderNumber: undefined },
      entry: { integrationId: choices.integration.id, channel: 'whatsapp' as const, status: 'APPROVED', category: 'MARKETING', content: choices.entry.content },
      slots: choices.slots,
      mappings: choices.mappings,
    } as unknown as ReengageMessage;
    const words: ReengageWords = {
      campaignName: (ticketId) => `Ticket #${ticketId}`,
      languageName: (code) => code,
      slotLabel: (slot) => slot.id,
      note: { line: (line) => line, outcome: (outcome) => outcome.kind, channel: (channel) => channel },
    };
    const done = reengage(
      samira,
      h.ports,
      { ticket: { id: 101, subject: 'Order', requesterName: customer.name, assigneeName: null, agentName: 'Samira Haddad' }, requester: requesterAsRecipient(await showUser(samira, customer.id)), customerWrote: true },
      message,
      words,
    );
    let result: Awaited<typeof done> | undefined;
    void done.then((value) => (result = value));
    await advanceUntil(h.clock, () => result !== undefined, 500);
    expect(result).toMatchObject({ status: 'finished', outcome: { kind: 'sent' }, note: { status: 'added' } });
    expect(notifications(h)).toBe(1);
  });
});
