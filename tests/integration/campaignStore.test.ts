import { describe, expect, it } from 'vitest';
import { MAX_RECORD_BYTES, recordBytes } from '../../emulator/zendesk/customObjectRules';
import {
  CampaignFieldTooLargeError,
  CampaignNotFoundError,
  CampaignRecordInvalidError,
  CampaignStore,
  definitionSchema,
  EMPTY_COUNTS,
  FIELD_BUDGET_BYTES,
  jsonField,
} from '../../src/store/campaigns';
import { IllegalCampaignTransitionError } from '../../src/core/campaign/lifecycle';
import { CAMPAIGN_OBJECT } from '../../src/store/heraldObjects';
import { HeraldObjectsMissingError } from '../../src/store/objectGuard';
import { campaignDraft, campaignHarness, ORDER_CONTENT } from '../support/campaignHarness';

/** Campaign records: create, load, list, update, over the real transport against the emulator. */

describe('the campaign store', () => {
  it('needs Herald’s setup', async () => {
    const h = await campaignHarness({ setUp: false });
    const store = new CampaignStore(h.transport);
    await expect(store.create(campaignDraft())).rejects.toBeInstanceOf(HeraldObjectsMissingError);
    await expect(store.load('01ABC')).rejects.toBeInstanceOf(HeraldObjectsMissingError);
    await expect(store.list()).rejects.toBeInstanceOf(HeraldObjectsMissingError);
  });

  it('creates a draft and loads it back, JSON fields parsed', async () => {
    const h = await campaignHarness();
    const store = new CampaignStore(h.transport);
    const draft = campaignDraft({ definition: { ...campaignDraft().definition, namespace: 'ns_1', blackoutDays: 7 } });
    const id = await store.create(draft);
    const campaign = await store.load(id);
    expect(campaign).toMatchObject({
      id,
      name: draft.name,
      status: 'draft',
      channel: 'whatsapp',
      integrationId: draft.integrationId,
      templateName: 'order_update',
      templateLanguage: 'fr',
      templateCategory: 'UTILITY',
      query: 'tags:vip',
      recipients: 1200,
      counts: EMPTY_COUNTS,
      reservedThrough: null,
      settledThrough: null,
      lease: null,
      createdBy: 1,
      createdByName: null,
      scheduledAt: null,
      followUpOf: null,
      launchedBy: null,
      launchedByName: null,
      startedAt: null,
      finishedAt: null,
      pauseReason: null,
      report: null,
    });
    // The whole definition, extra settings and a sample-less variable included.
    expect(campaign.definition).toEqual(draft.definition);
    expect(campaign.definition.content.variables[2]).toEqual({ position: 3, sample: undefined });
    expect(h.emulator.zendesk.customObjects.records(CAMPAIGN_OBJECT.key)).toHaveLength(1);
  });

  it('lists campaigns newest first, page by page', async () => {
    const h = await campaignHarness();
    const store = new CampaignStore(h.transport);
    const ids: string[] = [];
    for (let index = 0; index < 23; index++) {
      ids.push(await store.create(campaignDraft({ name: `Campaign ${index}` })));
      h.clock.advance(1000);
    }
    const listed: string[] = [];
    let after: string | undefined;
    let pages = 0;
    do {
      const page = await store.list({ pageSize: 10, after });
      expect(page.unreadable).toEqual([]);
      listed.push(...page.campaigns.map((campaign) => campaign.id));
      after = page.next;
      pages += 1;
    } while (after);
    expect(pages).toBe(3);
    expect(listed).toEqual([...ids].reverse());
  });

  it('updates the given fields only, and moves the status only by the lifecycle', async () => {
    const h = await campaignHarness();
    const store = new CampaignStore(h.transport);
    const id = await store.create(campaignDraft());
    const counts = { pending: 900, sent: 250, failed: 30, skipped: 15, unverified: 5 };
    await store.transition(id, 'launch', { startedAt: 1000 });
    const updated = await store.transition(id, 'pause', { counts, pauseReason: 'error-burst', report: { reasons: { 'whatsapp-131026': 30 } } });
    expect(updated).toMatchObject({ status: 'paused', counts, pauseReason: 'error-burst', startedAt: 1000, report: { reasons: { 'whatsapp-131026': 30 } } });
    expect(updated.name).toBe('Soldes de printemps');
    expect(updated.definition.content).toEqual(ORDER_CONTENT);

    const renamed = await store.update(id, { name: 'Soldes', finishedAt: 5000, pauseReason: null, report: null });
    expect(renamed).toMatchObject({ name: 'Soldes', status: 'paused', finishedAt: 5000, pauseReason: null, report: null, counts, startedAt: 1000 });
    expect(await store.load(id)).toEqual(renamed);
  });

  it('refuses an event the status does not allow, and writes nothing', async () => {
    const h = await campaignHarness();
    const store = new CampaignStore(h.transport);
    const id = await store.create(campaignDraft());
    await store.transition(id, 'cancel', { finishedAt: 5000 });
    const writes = () => h.emulator.requests.filter((request) => request.method !== 'GET').length;
    const before = writes();
    await expect(store.transition(id, 'launch')).rejects.toBeInstanceOf(IllegalCampaignTransitionError);
    await expect(store.transition(id, 'resume')).rejects.toMatchObject({ status: 'cancelled', event: 'resume' });
    expect(writes()).toBe(before);
    expect((await store.load(id)).status).toBe('cancelled');
  });

  it('reads who created the record and who last changed it as Zendesk records them', async () => {
    const h = await campaignHarness();
    const store = new CampaignStore(h.transport);
    const id = await store.create(campaignDraft({ createdBy: 99 }));
    const stored = await store.load(id);
    // The custom field says 99 (anyone may write it); Zendesk says who really wrote the record.
    expect(stored.createdBy).toBe(99);
    expect(stored.recordCreator).toBe(stored.lastChangedBy);
    expect(stored.recordCreator).toEqual(expect.any(Number));
  });

  it('keeps who created a campaign, and which campaign it follows up', async () => {
    const h = await campaignHarness();
    const store = new CampaignStore(h.transport);
    const original = await store.create(campaignDraft());
    const id = await store.create(campaignDraft({ name: 'Soldes (relance)', createdBy: 7, createdByName: 'Samira Haddad', followUpOf: original }));
    expect(await store.load(id)).toMatchObject({ createdBy: 7, createdByName: 'Samira Haddad', followUpOf: original, scheduledAt: null, launchedBy: null });
  });

  it('schedules, unschedules and records who launched, and when', async () => {
    const h = await campaignHarness();
    const store = new CampaignStore(h.transport);
    const id = await store.create(campaignDraft({ createdByName: 'Samira Haddad' }));
    const at = Date.UTC(2026, 11, 1, 8, 0);
    expect(await store.transition(id, 'schedule', { scheduledAt: at })).toMatchObject({ status: 'scheduled', scheduledAt: at });
    expect(await store.transition(id, 'unschedule', { scheduledAt: null })).toMatchObject({ status: 'draft', scheduledAt: null });

    const launched = await store.transition(id, 'launch', { startedAt: at + 5000, launchedBy: 1, launchedByName: 'Alex Martin' });
    expect(launched).toMatchObject({ status: 'running', startedAt: at + 5000, launchedBy: 1, launchedByName: 'Alex Martin', createdByName: 'Samira Haddad' });
    expect(await store.load(id)).toEqual(launched);
  });

  it('clips a very long name to whole characters instead of refusing the save', async () => {
    const h = await campaignHarness();
    const store = new CampaignStore(h.transport);
    const long = 'Zoé 🌍 '.repeat(200);
    const id = await store.create(campaignDraft({ createdByName: long }));
    const { createdByName } = await store.update(id, { launchedByName: long });
    const { launchedByName } = await store.load(id);
    for (const name of [createdByName, launchedByName]) {
      expect(name).not.toBeNull();
      expect(long.startsWith(name ?? '')).toBe(true);
      expect(new TextEncoder().encode(JSON.stringify(name)).length).toBeLessThanOrEqual(FIELD_BUDGET_BYTES.created_by_name);
      expect(name!.length).toBeGreaterThan(100);
      expect(name).not.toMatch(/[\uD800-\uDFFF]$/u);
    }
  });

  it('saves a campaign whose every field is full: the budgets fit in one 32 KB record', async () => {
    const h = await campaignHarness();
    const store = new CampaignStore(h.transport);
    const bytes = (field: string) => new TextEncoder().encode(JSON.stringify(field)).length;
    const pad = (budget: number, build: (padding: string) => string) => build('x'.repeat(budget - bytes(build(''))));
    const base = campaignDraft().definition;
    const definitionText = pad(FIELD_BUDGET_BYTES.definition, (padding) => jsonField(definitionSchema.parse({ ...base, padding })));
    const reportText = pad(FIELD_BUDGET_BYTES.report, (padding) => jsonField({ padding }));
    const text = (budget: number) => 'x'.repeat(budget - 2);
    const id = await store.create(
      campaignDraft({
        name: text(FIELD_BUDGET_BYTES.name),
        query: text(FIELD_BUDGET_BYTES.query),
        definition: JSON.parse(definitionText) as typeof base,
        createdByName: text(FIELD_BUDGET_BYTES.created_by_name),
        followUpOf: '01KAAAAAAAAAAAAAAAAAAAAAAA',
      }),
    );
    const big = 9_007_199_254_740_991;
    const full = await store.update(id, {
      report: JSON.parse(reportText) as object,
      pauseReason: text(FIELD_BUDGET_BYTES.pause_reason),
      launchedByName: text(FIELD_BUDGET_BYTES.launched_by_name),
      counts: { pending: big, sent: big, failed: big, skipped: big, unverified: big },
      scheduledAt: big,
      launchedBy: big,
      startedAt: big,
      finishedAt: big,
    });
    expect(full.definition).toEqual(JSON.parse(definitionText));
    const record = h.emulator.zendesk.customObjects.findRecord(CAMPAIGN_OBJECT.key, id)!;
    // What is left for the fields without a budget (the lease, the watermarks, the ids).
    expect(MAX_RECORD_BYTES - recordBytes(record.name, record.externalId, record.fields)).toBeGreaterThan(1000);
  });

  it('refuses oversized fields before writing, and names a missing campaign', async () => {
    const h = await campaignHarness();
    const store = new CampaignStore(h.transport);
    const id = await store.create(campaignDraft());
    const before = h.emulator.requests.length;
    const report = { text: 'x'.repeat(FIELD_BUDGET_BYTES.report) };
    await expect(store.update(id, { report })).rejects.toBeInstanceOf(CampaignFieldTooLargeError);
    await expect(store.create(campaignDraft({ query: 'x'.repeat(FIELD_BUDGET_BYTES.query) }))).rejects.toBeInstanceOf(CampaignFieldTooLargeError);
    expect(h.emulator.requests.length).toBe(before);
    await expect(store.load('01KAAAAAAAAAAAAAAAAAAAAAAA')).rejects.toBeInstanceOf(CampaignNotFoundError);
    await expect(store.transition('01KAAAAAAAAAAAAAAAAAAAAAAA', 'pause')).rejects.toBeInstanceOf(CampaignNotFoundError);
  });

  it('says which records do not read as campaigns instead of hiding them', async () => {
    const h = await campaignHarness();
    const store = new CampaignStore(h.transport);
    const good = await store.create(campaignDraft());
    const bad = await store.create(campaignDraft({ name: 'Edited by hand' }));
    const record = h.emulator.zendesk.customObjects.findRecord(CAMPAIGN_OBJECT.key, bad);
    record!.fields.definition = '{"content": 1}';
    record!.fields.status = 'exploded';
    await expect(store.load(bad)).rejects.toBeInstanceOf(CampaignRecordInvalidError);
    const page = await store.list();
    expect(page.campaigns.map((campaign) => campaign.id)).toEqual([good]);
    expect(page.unreadable).toEqual([expect.objectContaining({ id: bad, name: 'Edited by hand', status: 'exploded' })]);

    // It can be stopped for good, though the lifecycle cannot tell from which status; a campaign that reads is refused.
    await store.cancelUnreadable(bad, 1_700_000_000_000);
    expect(h.emulator.zendesk.customObjects.findRecord(CAMPAIGN_OBJECT.key, bad)!.fields).toMatchObject({ status: 'cancelled', finished_at: 1_700_000_000_000 });
    await expect(store.cancelUnreadable(good, 1_700_000_000_000)).rejects.toMatchObject({ name: 'IllegalCampaignTransitionError', status: 'draft' });
    expect((await store.load(good)).status).toBe('draft');
  });
});
