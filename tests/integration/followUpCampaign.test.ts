import { describe, expect, it } from 'vitest';
import type { HttpRequest, HttpResponse, Transport } from '../../src/api/transport/types';
import { NetworkError } from '../../src/api/transport/errors';
import { retryableFailures } from '../../src/core/campaign/results';
import { RETRIES_EXHAUSTED, INVALID_NUMBER } from '../../src/core/sending/errorPolicy';
import { stateCode, type LedgerSnapshot, type RecipientDetail, type RecipientState } from '../../src/core/sending/states';
import { loadCampaignResults } from '../../src/store/campaignResults';
import { CampaignRunPersistence } from '../../src/store/campaignRun';
import { CampaignStore } from '../../src/store/campaigns';
import { createFollowUp } from '../../src/app/campaigns/followUp';
import { CampaignNotFrozenError, FollowUpRefusedError } from '../../src/app/errors';
import type { AppContext } from '../../src/app/context';
import { CAMPAIGN_CHUNK_OBJECT, CAMPAIGN_OBJECT } from '../../src/store/heraldObjects';
import { totalsOf, type RecipientDelivery } from '../../src/core/delivery/deliveryState';
import { DeliveryOutcomes } from '../../src/store/deliveryOutcomes';
import { ALEX, appHarness, type AppHarness } from '../support/appHarness';
import { campaignDraft, frozenSend } from '../support/campaignHarness';
import { generateRecipients } from '../support/recipients';

/** A follow-up of a campaign's passing failures, created and frozen against the emulator. */

const AT = Date.UTC(2026, 10, 21, 9, 0, 0);
const RETRY = [3, 17, 42];

/** Every recipient sent but these. */
function ledgerWith(size: number, results: ReadonlyArray<[number, RecipientState, string?]>): LedgerSnapshot {
  const states = new Uint8Array(size).fill(stateCode('sent'));
  const details = new Map<number, RecipientDetail>();
  for (let index = 0; index < size; index++) details.set(index, { at: AT + index });
  for (const [index, state, code] of results) {
    states[index] = stateCode(state);
    details.set(index, code === undefined ? { at: AT + index } : { code, at: AT + index });
  }
  return { size, states, details };
}

async function sentCampaign(h: AppHarness, results: ReadonlyArray<[number, RecipientState, string?]>) {
  const transport = h.transportOf(ALEX);
  const store = new CampaignStore(transport);
  const draft = campaignDraft({ definition: { ...campaignDraft().definition, blackoutDays: 7 }, createdByName: 'Samira Haddad' });
  const campaignId = await store.create(draft);
  const recipients = generateRecipients(50, { seed: 11 });
  const persistence = new CampaignRunPersistence(transport, campaignId, { clock: h.waits });
  await persistence.freeze(recipients, frozenSend());
  const ledger = ledgerWith(50, results);
  await persistence.saveResults(ledger, Array.from({ length: 50 }, (_, index) => index));
  return { store, draft, campaignId, recipients, transport, admin: h.as(ALEX) };
}

const MIXED: ReadonlyArray<[number, RecipientState, string?]> = [
  [3, 'failed', RETRIES_EXHAUSTED],
  [5, 'failed', 'whatsapp-131026'],
  [8, 'failed', INVALID_NUMBER],
  [9, 'skipped', 'opted-out'],
  [11, 'unverified', 'timeout'],
  [17, 'failed', RETRIES_EXHAUSTED],
  [30, 'failed', 'http-400'],
  [42, 'failed', RETRIES_EXHAUSTED],
];

const campaignRecords = (h: AppHarness) => h.emulator.zendesk.customObjects.records(CAMPAIGN_OBJECT.key).length;

/** Refuses every write to the chunk records: the audience cannot be stored. */
class ChunkWritesDown implements Transport {
  constructor(private readonly inner: Transport) {}

  send(request: HttpRequest): Promise<HttpResponse> {
    if (request.method !== 'GET' && request.url.includes(CAMPAIGN_CHUNK_OBJECT.key)) return Promise.reject(new NetworkError('connection reset'));
    return this.inner.send(request);
  }
}

describe('a follow-up campaign', () => {
  it('sends the same message to exactly the recipients worth another try, ready to launch', async () => {
    const h = await appHarness();
    const { store, draft, campaignId, recipients, transport, admin } = await sentCampaign(h, MIXED);
    const rows = await loadCampaignResults(new CampaignRunPersistence(transport, campaignId));
    const retry = retryableFailures(rows, new Map(), h.waits.now()).rows;
    expect(retry.map((row) => row.index)).toEqual(RETRY);

    const id = await createFollowUp(admin, { campaignId, recipients: retry.map((row) => row.index), name: 'Soldes de printemps (relance)' });

    const followUp = await store.load(id);
    expect(followUp).toMatchObject({
      name: 'Soldes de printemps (relance)',
      status: 'draft',
      followUpOf: campaignId,
      channel: draft.channel,
      integrationId: draft.integrationId,
      templateName: draft.templateName,
      templateLanguage: draft.templateLanguage,
      templateCategory: draft.templateCategory,
      query: draft.query,
      recipients: 3,
      // Whoever made it, as the app knows them (ZAF's signed-in agent), and as Zendesk records it.
      createdBy: ALEX,
      createdByName: 'Alex Martin',
      recordCreator: ALEX,
      // Frozen: launchable without planning again.
      reservedThrough: 0,
    });
    expect(followUp.definition).toEqual(draft.definition);

    const run = await new CampaignRunPersistence(transport, id).load();
    expect(run.recipients).toEqual(RETRY.map((index) => recipients[index]));
    const followUpRows = await loadCampaignResults(new CampaignRunPersistence(transport, id));
    expect(followUpRows.map((row) => [row.index, row.userId, row.state])).toEqual(RETRY.map((index, position) => [position, recipients[index]?.userId, 'pending']));
    // It sends what the original froze.
    const { recipients: _count, ...sent } = (await new CampaignRunPersistence(transport, id).loadDefinition()).definition;
    expect(sent).toEqual(frozenSend());

    // The original is left as it was.
    expect(await loadCampaignResults(new CampaignRunPersistence(transport, campaignId))).toEqual(rows);
  });

  it('takes each recipient once, in the original order, however the indexes come', async () => {
    const h = await appHarness();
    const { campaignId, recipients, transport, admin } = await sentCampaign(h, MIXED);
    const id = await createFollowUp(admin, { campaignId, recipients: [42, 3, 17, 3], name: 'Relance' });
    expect((await new CampaignRunPersistence(transport, id).load()).recipients).toEqual(RETRY.map((index) => recipients[index]));
  });

  it('sends again only the unverified, when the user chooses to', async () => {
    const h = await appHarness();
    const { campaignId, recipients, transport, admin } = await sentCampaign(h, MIXED);
    const id = await createFollowUp(admin, { campaignId, recipients: 'unverified', name: 'Relance' });
    expect((await new CampaignRunPersistence(transport, id).load()).recipients).toEqual([recipients[11]]);
  });

  it('refuses, before writing anything, anyone the original sent to or may still send to', async () => {
    const h = await appHarness();
    const { campaignId, admin } = await sentCampaign(h, [...MIXED, [49, 'pending']]);
    const before = campaignRecords(h);
    const attempt = (indexes: number[]) => createFollowUp(admin, { campaignId, recipients: indexes, name: 'Relance' });
    await expect(attempt([3, 0, 1])).rejects.toMatchObject({ name: 'FollowUpRefusedError', reason: 'already-sent', indexes: [0, 1] });
    await expect(attempt([3, 49])).rejects.toMatchObject({ reason: 'still-pending', indexes: [49] });
    await expect(attempt([3, 50, -1])).rejects.toMatchObject({ reason: 'not-in-audience', indexes: [-1, 50] });
    await expect(attempt([])).rejects.toBeInstanceOf(FollowUpRefusedError);
    expect(campaignRecords(h)).toBe(before);
  });

  it('cancels the campaign it made when its audience could not be stored, and says so', async () => {
    const h = await appHarness();
    const { store, campaignId, admin } = await sentCampaign(h, MIXED);
    const down: AppContext = { ...admin, transport: new ChunkWritesDown(admin.transport) };
    const error: unknown = await createFollowUp(down, { campaignId, recipients: RETRY, name: 'Relance' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CampaignNotFrozenError);
    const left = await store.load((error as CampaignNotFrozenError).campaignId);
    // Nobody can launch half a campaign: it is marked cancelled, never frozen.
    expect(left).toMatchObject({ followUpOf: campaignId, status: 'cancelled', reservedThrough: null });
  });

  describe('with what the Herald service heard after Sunshine accepted the messages', () => {
    const HOUR = 3_600_000;
    /** Written as the service writes them: one chunk of the campaign's deliveries, and its totals. */
    async function heard(h: AppHarness, campaignId: string, deliveries: ReadonlyArray<[number, RecipientDelivery]>) {
      const chunk = new Map(deliveries);
      await new DeliveryOutcomes(h.transportOf(ALEX), { clock: h.waits }).write(campaignId, new Map([[0, chunk]]), totalsOf(chunk.values(), h.waits.now()));
    }
    /** Later failures and deliveries of recipients the original's ledger says Sunshine accepted. */
    const LATER = (now: number): Array<[number, RecipientDelivery]> => [
      [0, { failedAt: now - HOUR, code: '131056' }],
      [1, { deliveredAt: now - HOUR, readAt: now - HOUR / 2 }],
      [2, { failedAt: now - HOUR, code: '131026' }],
      [4, { failedAt: now - HOUR, code: '131050' }],
      [6, { failedAt: now - HOUR, code: '131049' }],
      [7, { failedAt: now - 25 * HOUR, code: '131049' }],
      // Delivered, then reported failed: the phone had it.
      [10, { deliveredAt: now - 2 * HOUR, failedAt: now - HOUR, code: '131000' }],
    ];

    it('sends again to the later failures worth another try, never to anyone who received the message', async () => {
      const h = await appHarness();
      const { campaignId, recipients, transport, admin } = await sentCampaign(h, MIXED);
      const now = h.waits.now();
      await heard(h, campaignId, LATER(now));
      const rows = await loadCampaignResults(new CampaignRunPersistence(transport, campaignId));
      const deliveries = await new DeliveryOutcomes(transport).readAll(campaignId, rows.length);
      const retry = retryableFailures(rows, deliveries, now);
      expect(retry.rows.map((row) => row.index)).toEqual([0, 3, 7, 17, 42]);
      expect(retry.later).toBe(2);
      expect(retry.waiting).toEqual({ count: 1, until: now + 23 * HOUR });

      const id = await createFollowUp(admin, { campaignId, recipients: retry.rows.map((row) => row.index), name: 'Relance' });
      expect((await new CampaignRunPersistence(transport, id).load()).recipients).toEqual([0, 3, 7, 17, 42].map((index) => recipients[index]));
    });

    it('refuses, before writing anything, a recipient who received it, one a retry would fail again, and a marketing limit younger than 24 hours', async () => {
      const h = await appHarness();
      const { campaignId, admin } = await sentCampaign(h, MIXED);
      const now = h.waits.now();
      await heard(h, campaignId, LATER(now));
      const before = campaignRecords(h);
      const attempt = (indexes: number[]) => createFollowUp(admin, { campaignId, recipients: indexes, name: 'Relance' });
      await expect(attempt([0, 1, 10])).rejects.toMatchObject({ name: 'FollowUpRefusedError', reason: 'already-sent', indexes: [1, 10] });
      // Accepted by Sunshine and nothing heard since: as far as anyone knows, it went out.
      await expect(attempt([0, 12])).rejects.toMatchObject({ reason: 'already-sent', indexes: [12] });
      await expect(attempt([0, 2, 4])).rejects.toMatchObject({ reason: 'fails-again', indexes: [2, 4] });
      await expect(attempt([0, 6])).rejects.toMatchObject({ reason: 'marketing-limit', indexes: [6], until: now + 23 * HOUR });
      expect(campaignRecords(h)).toBe(before);

      // Once its 24 hours have passed, the marketing limit is retried.
      h.manual.advance(23 * HOUR);
      const id = await attempt([0, 6]);
      expect((await new CampaignStore(h.transportOf(ALEX)).load(id)).recipients).toBe(2);
    });

    it('leaves out of "send the unverified again" those the service heard received it', async () => {
      const h = await appHarness();
      const { campaignId, admin } = await sentCampaign(h, [...MIXED, [12, 'unverified', 'timeout'], [13, 'unverified', 'timeout']]);
      const now = h.waits.now();
      await heard(h, campaignId, [
        [11, { deliveredAt: now - HOUR }],
        [12, { failedAt: now - HOUR, code: '131026' }],
      ]);
      const id = await createFollowUp(admin, { campaignId, recipients: 'unverified', name: 'Relance' });
      expect((await new CampaignStore(h.transportOf(ALEX)).load(id)).recipients).toBe(1);
      // The service writes a chunk whole: all it heard of the first 2,000 recipients.
      await heard(h, campaignId, [
        [11, { deliveredAt: now - HOUR }],
        [12, { failedAt: now - HOUR, code: '131026' }],
        [13, { readAt: now }],
      ]);
      await expect(createFollowUp(admin, { campaignId, recipients: 'unverified', name: 'Relance' })).rejects.toMatchObject({ reason: 'no-recipients' });
    });
  });
});

