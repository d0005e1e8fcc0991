import { describe, expect, it } from 'vitest';
import type { HttpRequest, HttpResponse, Transport } from '../../src/api/transport/types';
import { NetworkError } from '../../src/api/transport/errors';
import { retryableFailures } from '../../src/core/campaign/results';
import { RETRIES_EXHAUSTED, INVALID_NUMBER } from '../../src/core/sending/errorPolicy';
import { stateCode, type LedgerSnapshot, type RecipientDetail, type RecipientState } from '../../src/core/sending/states';
import { loadCampaignResults } from '../../src/store/campaignResults';
import { CampaignRunPersistence } from '../../src/store/campaignRun';
import { CampaignStore } from '../../src/store/campaigns';
import { createFollowUpCampaign, FollowUpNotFrozenError, FollowUpRefusedError } from '../../src/store/followUpCampaign';
import { CAMPAIGN_CHUNK_OBJECT, CAMPAIGN_OBJECT } from '../../src/store/heraldObjects';
import { campaignDraft, campaignHarness, type CampaignHarness } from '../support/campaignHarness';
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

async function sentCampaign(h: CampaignHarness, results: ReadonlyArray<[number, RecipientState, string?]>) {
  const store = new CampaignStore(h.transport);
  const draft = campaignDraft({ definition: { ...campaignDraft().definition, blackoutDays: 7 }, createdByName: 'Samira Haddad' });
  const campaignId = await store.create(draft);
  const recipients = generateRecipients(50, { seed: 11 });
  const persistence = new CampaignRunPersistence(h.transport, campaignId, { clock: h.waits });
  await persistence.freeze(recipients);
  const ledger = ledgerWith(50, results);
  await persistence.saveResults(ledger, Array.from({ length: 50 }, (_, index) => index));
  return { store, draft, campaignId, recipients };
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

const campaignRecords = (h: CampaignHarness) => h.emulator.zendesk.customObjects.records(CAMPAIGN_OBJECT.key).length;

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
    const h = await campaignHarness();
    const { store, draft, campaignId, recipients } = await sentCampaign(h, MIXED);
    const rows = await loadCampaignResults(new CampaignRunPersistence(h.transport, campaignId));
    const retry = retryableFailures(rows);
    expect(retry.map((row) => row.index)).toEqual(RETRY);

    const id = await createFollowUpCampaign({
      store,
      transport: h.transport,
      campaignId,
      indexes: retry.map((row) => row.index),
      name: 'Soldes de printemps (relance)',
      createdBy: 2,
      createdByName: 'Alex Martin',
      runOptions: { clock: h.waits },
    });

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
      createdBy: 2,
      createdByName: 'Alex Martin',
      // Frozen: launchable without planning again.
      reservedThrough: 0,
    });
    expect(followUp.definition).toEqual(draft.definition);

    const run = await new CampaignRunPersistence(h.transport, id).load();
    expect(run.recipients).toEqual(RETRY.map((index) => recipients[index]));
    const followUpRows = await loadCampaignResults(new CampaignRunPersistence(h.transport, id));
    expect(followUpRows.map((row) => [row.index, row.userId, row.state])).toEqual(RETRY.map((index, position) => [position, recipients[index]?.userId, 'pending']));

    // The original is left as it was.
    expect(await loadCampaignResults(new CampaignRunPersistence(h.transport, campaignId))).toEqual(rows);
  });

  it('takes each recipient once, in the original order, however the indexes come', async () => {
    const h = await campaignHarness();
    const { store, campaignId, recipients } = await sentCampaign(h, MIXED);
    const id = await createFollowUpCampaign({ store, transport: h.transport, campaignId, indexes: [42, 3, 17, 3], name: 'Relance', createdBy: 2, createdByName: null, runOptions: { clock: h.waits } });
    expect((await new CampaignRunPersistence(h.transport, id).load()).recipients).toEqual(RETRY.map((index) => recipients[index]));
  });

  it('refuses, before writing anything, anyone the original sent to or may still send to', async () => {
    const h = await campaignHarness();
    const { store, campaignId } = await sentCampaign(h, [...MIXED, [49, 'pending']]);
    const before = campaignRecords(h);
    const attempt = (indexes: number[]) => createFollowUpCampaign({ store, transport: h.transport, campaignId, indexes, name: 'Relance', createdBy: 2, createdByName: null });
    await expect(attempt([3, 0, 1])).rejects.toMatchObject({ name: 'FollowUpRefusedError', reason: 'already-sent', indexes: [0, 1] });
    await expect(attempt([3, 49])).rejects.toMatchObject({ reason: 'still-pending', indexes: [49] });
    await expect(attempt([3, 50, -1])).rejects.toMatchObject({ reason: 'not-in-audience', indexes: [-1, 50] });
    await expect(attempt([])).rejects.toBeInstanceOf(FollowUpRefusedError);
    expect(campaignRecords(h)).toBe(before);
  });

  it('says which draft was left without its audience when the audience could not be stored', async () => {
    const h = await campaignHarness();
    const { store, campaignId } = await sentCampaign(h, MIXED);
    const error: unknown = await createFollowUpCampaign({
      store,
      transport: new ChunkWritesDown(h.transport),
      campaignId,
      indexes: RETRY,
      name: 'Relance',
      createdBy: 2,
      createdByName: null,
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(FollowUpNotFrozenError);
    const left = await store.load((error as FollowUpNotFrozenError).campaignId);
    expect(left).toMatchObject({ followUpOf: campaignId, status: 'draft', reservedThrough: null });
  });
});
