import { describe, expect, it } from 'vitest';
import { MAX_RECORD_BYTES, recordBytes } from '../../emulator/zendesk/customObjectRules';
import { NetworkError } from '../../src/api/transport/errors';
import type { HttpRequest, HttpResponse, Transport } from '../../src/api/transport/types';
import { stateCode, type LedgerSnapshot, type RecipientDetail, type RecipientState } from '../../src/core/sending/states';
import { BlackoutLogStore } from '../../src/store/blackoutLog';
import { LEDGER_CHUNK_SIZE } from '../../src/store/campaignChunks';
import {
  CampaignAlreadyFrozenError,
  CampaignDataIncompleteError,
  CampaignNotFrozenError,
  CampaignRunPersistence,
} from '../../src/store/campaignRun';
import { CampaignStore } from '../../src/store/campaigns';
import { CAMPAIGN_CHUNK_OBJECT, CAMPAIGN_OBJECT } from '../../src/store/heraldObjects';
import { campaignDraft, campaignHarness, type CampaignHarness, frozenSend } from '../support/campaignHarness';
import { generateRecipients } from '../support/recipients';

/** A campaign's persisted run (frozen audience, ledger chunks, watermark, blackout log) against the emulator. */

const AT = Date.UTC(2026, 10, 21, 9, 0, 0);

interface RunHarness extends CampaignHarness {
  campaignId: string;
  store: CampaignStore;
  persistence(transport?: Transport): CampaignRunPersistence;
}

async function runHarness(): Promise<RunHarness> {
  const h = await campaignHarness();
  const store = new CampaignStore(h.transport);
  const campaignId = await store.create(campaignDraft());
  return { ...h, campaignId, store, persistence: (transport = h.transport) => new CampaignRunPersistence(transport, campaignId, { clock: h.waits }) };
}

const chunkRecords = (h: RunHarness) => h.emulator.zendesk.customObjects.records(CAMPAIGN_CHUNK_OBJECT.key);

function ledgerWith(size: number, results: ReadonlyArray<[number, RecipientState, RecipientDetail?]>): LedgerSnapshot {
  const states = new Uint8Array(size);
  const details = new Map<number, RecipientDetail>();
  for (const [index, state, detail] of results) {
    states[index] = stateCode(state);
    if (detail) details.set(index, detail);
  }
  return { size, states, details };
}

/** A transport that holds the chunk writes until told, to see what calls made meanwhile do. */
class HeldWrites implements Transport {
  private waiting: Array<() => void> = [];
  holding = false;
  failNext = 0;

  constructor(private readonly inner: Transport) {}

  async send(request: HttpRequest): Promise<HttpResponse> {
    if (request.method !== 'GET' && request.url.includes(CAMPAIGN_CHUNK_OBJECT.key)) {
      if (this.holding) await new Promise<void>((resolve) => this.waiting.push(resolve));
      if (this.failNext > 0) {
        this.failNext -= 1;
        throw new NetworkError('connection reset');
      }
    }
    return this.inner.send(request);
  }

  get held(): number {
    return this.waiting.length;
  }

  release(): void {
    this.holding = false;
    for (const resume of this.waiting.splice(0)) resume();
  }
}

const settle = async () => {
  for (let round = 0; round < 20; round++) await new Promise((resolve) => setImmediate(resolve));
};

describe('the persisted campaign run', () => {
  it('freezes 300,000 recipients in a few hundred records of at most 32 KB, and loads them back identical', async () => {
    const h = await runHarness();
    const recipients = generateRecipients(300_000);
    const persistence = h.persistence();
    const started = performance.now();
    const summary = await persistence.freeze(recipients, frozenSend());
    const frozenMs = performance.now() - started;
    const writes = persistence.writes;
    const records = chunkRecords(h);
    console.warn(
      `300,000 recipients: ${summary.audienceChunks} audience + ${summary.ledgerChunks} ledger chunk records + 1 frozen definition ` +
        `(+1 campaign record update): ${writes.records} records written in ${writes.requests} write requests, ${Math.round(frozenMs)} ms`,
    );
    expect(summary).toMatchObject({ recipients: 300_000, ledgerChunks: 300_000 / LEDGER_CHUNK_SIZE });
    // And one record of what it sends, written once.
    expect(records).toHaveLength(summary.audienceChunks + summary.ledgerChunks + 1);
    expect(records.length).toBeLessThan(400);
    expect(writes.requests).toBeLessThan(20);
    const sizes = records.map((record) => recordBytes(record.name, record.externalId, record.fields));
    console.warn(`largest chunk record: ${Math.max(...sizes)} bytes`);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(MAX_RECORD_BYTES);

    const fresh = h.persistence();
    const run = await fresh.load();
    console.warn(`load: ${fresh.reads} read requests`);
    expect(run.reservedThrough).toBe(0);
    expect(run.recipients).toEqual(recipients);
    expect(run.ledger.size).toBe(300_000);
    expect(run.ledger.states.every((state) => state === stateCode('pending'))).toBe(true);
    expect(run.ledger.details.size).toBe(0);
    expect((await h.store.load(h.campaignId)).recipients).toBe(300_000);
  }, 120_000);

  it('saves 1,000 results spread over 3 chunks in 3 record writes, and loads them back', async () => {
    const h = await runHarness();
    const persistence = h.persistence();
    await persistence.freeze(generateRecipients(10_000), frozenSend());
    const results: Array<[number, RecipientState, RecipientDetail?]> = [];
    const states: RecipientState[] = ['sent', 'failed', 'skipped', 'unverified'];
    const codes: Record<RecipientState, string | undefined> = { pending: undefined, inflight: undefined, sent: undefined, failed: 'whatsapp-131026', skipped: 'opted-out', unverified: 'timeout' };
    for (let n = 0; n < 1_000; n++) {
      const index = 1_500 + n * 3; // 1,500 … 4,497: chunks 0, 1 and 2
      const state = states[n % states.length] as RecipientState;
      results.push([index, state, { ...(codes[state] ? { code: codes[state] } : {}), at: AT + n * 125 }]);
    }
    const ledger = ledgerWith(10_000, results);
    const before = persistence.writes;
    await persistence.saveResults(ledger, results.map(([index]) => index));
    const after = persistence.writes;
    expect({ records: after.records - before.records, requests: after.requests - before.requests }).toEqual({ records: 3, requests: 3 });

    const run = await h.persistence().load();
    expect([...run.ledger.states]).toEqual([...ledger.states]);
    expect(run.ledger.details).toEqual(ledger.details);
  });

  it('joins calls made during a write into one next write, from the latest ledger', async () => {
    const h = await runHarness();
    const held = new HeldWrites(h.transport);
    const persistence = h.persistence(held);
    await persistence.freeze(generateRecipients(6_000), frozenSend());
    held.holding = true;
    const first = persistence.saveResults(ledgerWith(6_000, [[0, 'sent', { at: AT }]]), [0]);
    await settle();
    expect(held.held).toBe(1);
    const calls = [1, 2, 3].map((n) =>
      persistence.saveResults(
        ledgerWith(6_000, [
          [0, 'sent', { at: AT }],
          ...Array.from({ length: n }, (_, k): [number, RecipientState, RecipientDetail] => [2_000 * (k + 1) - 1, 'failed', { code: 'http-400', at: AT + k }]),
        ]),
        [2_000 * n - 1],
      ),
    );
    const before = persistence.writes.requests;
    held.release();
    await Promise.all([first, ...calls]);
    // One write for the first call, then the three later calls together: chunks 0, 1 and 2 once each.
    expect(persistence.writes.requests - before).toBe(3);
    const run = await h.persistence().load();
    expect(run.ledger.details).toEqual(
      new Map([
        [0, { at: AT }],
        [1_999, { code: 'http-400', at: AT }],
        [3_999, { code: 'http-400', at: AT + 1 }],
        [5_999, { code: 'http-400', at: AT + 2 }],
      ]),
    );
  });

  it('keeps a chunk whose write failed for the next save, and writes many chunks by bulk jobs', async () => {
    const h = await runHarness();
    const held = new HeldWrites(h.transport);
    const persistence = h.persistence(held);
    await persistence.freeze(generateRecipients(20_000), frozenSend());
    held.failNext = 1;
    const ledger = ledgerWith(20_000, [[10, 'sent', { at: AT }]]);
    await expect(persistence.saveResults(ledger, [10])).rejects.toBeInstanceOf(NetworkError);
    const everywhere = ledgerWith(
      20_000,
      Array.from({ length: 10 }, (_, chunk): [number, RecipientState, RecipientDetail] => [chunk * 2_000 + 10, 'sent', { at: AT + chunk }]),
    );
    const jobsBefore = h.emulator.requests.filter((request) => request.method === 'POST' && request.url.includes('/jobs')).length;
    await persistence.saveResults(everywhere, Array.from({ length: 9 }, (_, chunk) => (chunk + 1) * 2_000 + 10));
    const jobs = h.emulator.requests.filter((request) => request.method === 'POST' && request.url.includes('/jobs')).length - jobsBefore;
    expect(jobs).toBe(1);
    const run = await h.persistence().load();
    expect(run.ledger.details).toEqual(everywhere.details);
  });

  it('stores the watermark before resolving, in call order, never lowering it', async () => {
    const h = await runHarness();
    const persistence = h.persistence();
    await persistence.freeze(generateRecipients(100), frozenSend());
    await Promise.all([persistence.reserve(20), persistence.reserve(40), persistence.reserve(30)]);
    expect((await h.store.load(h.campaignId)).reservedThrough).toBe(40);
    expect((await h.persistence().load()).reservedThrough).toBe(40);
    await expect(persistence.reserve(-1)).rejects.toBeInstanceOf(RangeError);
  });

  it('records accepted sends in the blackout log', async () => {
    const h = await runHarness();
    const persistence = h.persistence();
    const fingerprints = ['0123456789abcdef0123456789abcdef', 'fedcba9876543210fedcba9876543210'];
    await persistence.recordSent(fingerprints, h.clock.now());
    const index = await new BlackoutLogStore(h.transport, { clock: h.waits }).index(h.clock.now(), 7);
    expect(fingerprints.every((fingerprint) => index.wasSent(fingerprint))).toBe(true);
    expect(persistence.writes.records).toBeGreaterThan(0);
  });

  it('refuses to freeze twice or to load what was never frozen, and notices a missing chunk', async () => {
    const h = await runHarness();
    const persistence = h.persistence();
    await expect(persistence.load()).rejects.toBeInstanceOf(CampaignNotFrozenError);
    const recipients = generateRecipients(5_000);
    await persistence.freeze(recipients, frozenSend());
    await expect(persistence.freeze(recipients, frozenSend())).rejects.toBeInstanceOf(CampaignAlreadyFrozenError);
    const ledgerChunk = chunkRecords(h).find((record) => record.externalId === `${h.campaignId}:ledger:1`);
    h.emulator.zendesk.customObjects.deleteRecord(CAMPAIGN_CHUNK_OBJECT.key, ledgerChunk!.id);
    await expect(h.persistence().load()).rejects.toBeInstanceOf(CampaignDataIncompleteError);
    const audienceChunk = chunkRecords(h).find((record) => record.externalId === `${h.campaignId}:audience:0`);
    h.emulator.zendesk.customObjects.deleteRecord(CAMPAIGN_CHUNK_OBJECT.key, audienceChunk!.id);
    await expect(h.persistence().load()).rejects.toBeInstanceOf(CampaignDataIncompleteError);
    expect(h.emulator.zendesk.customObjects.records(CAMPAIGN_OBJECT.key)).toHaveLength(1);
  });

  it('freezes an empty audience', async () => {
    const h = await runHarness();
    const persistence = h.persistence();
    expect(await persistence.freeze([], frozenSend())).toEqual({ recipients: 0, audienceChunks: 0, ledgerChunks: 0 });
    expect(await h.persistence().load()).toEqual({ recipients: [], ledger: { size: 0, states: new Uint8Array(0), details: new Map() }, reservedThrough: 0, settledThrough: null });
  });

  it('remembers the watermark a run settled at, until a later reservation makes it stale', async () => {
    const h = await runHarness();
    const persistence = h.persistence();
    await persistence.freeze([], frozenSend());
    await persistence.reserve(21);
    await persistence.settle(21);
    expect(await h.persistence().load()).toMatchObject({ reservedThrough: 21, settledThrough: 21 });
    await persistence.reserve(22);
    expect(await h.persistence().load()).toMatchObject({ reservedThrough: 22, settledThrough: 21 });
  });

  it('publishes the counts on the campaign record, in-flight sends counted as pending', async () => {
    const h = await runHarness();
    const persistence = h.persistence();
    await persistence.freeze([], frozenSend());
    await persistence.saveProgress({ pending: 10, inflight: 2, sent: 30, failed: 1, skipped: 2, unverified: 3 });
    expect((await h.store.load(h.campaignId)).counts).toEqual({ pending: 12, sent: 30, failed: 1, skipped: 2, unverified: 3 });
  });
});
