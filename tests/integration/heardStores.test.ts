import { describe, expect, it } from 'vitest';
import { MAX_RECORD_BYTES, recordBytes } from '../../emulator/zendesk/customObjectRules';
import { totalsOf, type RecipientDelivery } from '../../src/core/delivery/deliveryState';
import { DELIVERY_CHUNK_SIZE, DeliveryOutcomes, deliveryKey } from '../../src/store/deliveryOutcomes';
import { HeardNumbers, HEARD_PER_RECORD, type HeardNumber } from '../../src/store/heardNumbers';
import { CAMPAIGN_CHUNK_OBJECT } from '../../src/store/heraldObjects';
import { HeraldObjectsMissingError } from '../../src/store/objectGuard';
import { serviceStatus, ServiceHeartbeatStore, type ServiceHeartbeat } from '../../src/store/serviceHeartbeat';
import { readHeraldService } from '../../src/app/settings/heraldService';
import { campaignHarness, type CampaignHarness } from '../support/campaignHarness';

/** What the Herald service writes back (delivery outcomes, its heartbeat, heard numbers), against the emulator. */

const AT = Date.UTC(2026, 10, 21, 9, 0, 0);
const DAY = 86_400_000;

const chunkRecords = (h: CampaignHarness) => h.emulator.zendesk.customObjects.records(CAMPAIGN_CHUNK_OBJECT.key);
const writeRequests = (h: CampaignHarness) => h.emulator.requests.filter((request) => request.method !== 'GET' && request.url.includes(CAMPAIGN_CHUNK_OBJECT.key));

function heardAbout(indexes: readonly number[]): Map<number, Map<number, RecipientDelivery>> {
  const chunks = new Map<number, Map<number, RecipientDelivery>>();
  for (const index of indexes) {
    const chunk = Math.floor(index / DELIVERY_CHUNK_SIZE);
    const delivery: RecipientDelivery = index % 5 === 0 ? { failedAt: AT + index, code: '131026' } : { deliveredAt: AT + index, readAt: AT + index * 3 };
    chunks.set(chunk, (chunks.get(chunk) ?? new Map()).set(index, delivery));
  }
  return chunks;
}

describe('delivery outcomes', () => {
  it('are written in one bulk job and read back whole, one by one, and as totals', async () => {
    const h = await campaignHarness();
    const outcomes = new DeliveryOutcomes(h.transport, { clock: h.waits });
    const indexes = [0, 1, 5, 1_999, 2_000, 4_321, 9_999];
    const chunks = heardAbout(indexes);
    const all = new Map([...chunks.values()].flatMap((chunk) => [...chunk]));
    const totals = totalsOf(all.values(), AT + 60_000);
    h.emulator.requests.length = 0;
    await outcomes.write('campaign-1', chunks, totals);
    // One job request (then its status polls): never a request per chunk or per recipient.
    expect(writeRequests(h).filter((request) => request.method === 'POST')).toHaveLength(1);
    expect(writeRequests(h).filter((request) => request.method !== 'POST')).toHaveLength(0);

    expect(await outcomes.readAll('campaign-1', 10_000)).toEqual(all);
    // Recipients past the campaign's size are not its own.
    expect([...(await outcomes.readAll('campaign-1', 4_000)).keys()]).toEqual([0, 1, 5, 1_999, 2_000]);
    expect(await outcomes.readOne('campaign-1', 4_321)).toEqual(all.get(4_321));
    expect(await outcomes.readOne('campaign-1', 4_322)).toBeUndefined();
    expect(await outcomes.readOne('campaign-1', 20_000)).toBeUndefined();
    expect(await outcomes.readTotals('campaign-1')).toEqual(totals);
    expect(totals).toMatchObject({ heard: 7, delivered: 4, read: 4, failed: { '131026': 3 } });

    // Another campaign heard nothing.
    expect(await outcomes.readTotals('campaign-2')).toBeUndefined();
    expect((await outcomes.readAll('campaign-2', 10_000)).size).toBe(0);

    // A flush written again (the service retried) changes nothing; a later flush replaces its chunks.
    await outcomes.write('campaign-1', chunks, totals);
    const later = new Map([[0, new Map([[1, { deliveredAt: AT + 1, readAt: AT + 5_000, repliedAt: AT + 9_000 }]])]]);
    await outcomes.write('campaign-1', later, { ...totals, replied: 1 });
    expect(chunkRecords(h).filter((record) => record.fields.campaign_id === 'campaign-1')).toHaveLength(5);
    expect(await outcomes.readOne('campaign-1', 1)).toEqual({ deliveredAt: AT + 1, readAt: AT + 5_000, repliedAt: AT + 9_000 });
    expect(await outcomes.readOne('campaign-1', 0)).toBeUndefined();
    expect((await outcomes.readTotals('campaign-1'))?.replied).toBe(1);
  });

  it('fit Zendesk’s record limit with 2,000 recipients that heard everything', async () => {
    const h = await campaignHarness();
    const deliveries = new Map<number, RecipientDelivery>();
    for (let index = 0; index < DELIVERY_CHUNK_SIZE; index++) {
      // Times spread over weeks, with every fact: as bad as a campaign gets.
      const spread = (salt: number) => AT + ((index * 7_919 * salt) % (30 * DAY));
      deliveries.set(index, { deliveredAt: spread(1), readAt: spread(2), failedAt: spread(3), code: `13${index % 40}`, repliedAt: spread(4), optedOutAt: spread(5) });
    }
    await new DeliveryOutcomes(h.transport, { clock: h.waits }).write('campaign-1', new Map([[0, deliveries]]), totalsOf(deliveries.values(), AT));
    const [record] = chunkRecords(h).filter((stored) => stored.fields.kind === 'delivery');
    expect(record).toBeDefined();
    if (!record) return;
    expect(recordBytes(record.name, record.externalId, record.fields)).toBeLessThan(MAX_RECORD_BYTES);
  });

  it('are read for recipients of several campaigns in one request', async () => {
    const h = await campaignHarness();
    const outcomes = new DeliveryOutcomes(h.transport, { clock: h.waits });
    const first = heardAbout([3, 2_500]);
    await outcomes.write('campaign-1', first, totalsOf([], AT));
    await outcomes.write('campaign-2', heardAbout([7]), totalsOf([], AT));
    h.emulator.requests.length = 0;
    const heard = await outcomes.readSome([
      { campaignId: 'campaign-1', index: 3 },
      { campaignId: 'campaign-1', index: 2_500 },
      { campaignId: 'campaign-1', index: 4 },
      { campaignId: 'campaign-2', index: 7 },
      { campaignId: 'campaign-3', index: 0 },
    ]);
    expect(h.emulator.requests.filter((request) => request.method === 'GET')).toHaveLength(1);
    expect([...heard.keys()]).toEqual([deliveryKey('campaign-1', 3), deliveryKey('campaign-1', 2_500), deliveryKey('campaign-2', 7)]);
    expect(heard.get(deliveryKey('campaign-1', 2_500))).toEqual(first.get(1)?.get(2_500));
    expect((await outcomes.readSome([])).size).toBe(0);
  });

  it('need Herald’s setup', async () => {
    const h = await campaignHarness({ setUp: false });
    await expect(new DeliveryOutcomes(h.transport).readTotals('campaign-1')).rejects.toBeInstanceOf(HeraldObjectsMissingError);
    await expect(new ServiceHeartbeatStore(h.transport).read()).rejects.toBeInstanceOf(HeraldObjectsMissingError);
  });
});

describe('the service heartbeat', () => {
  it('reads back as written, and tells connected from silent from absent', async () => {
    const h = await campaignHarness();
    const store = new ServiceHeartbeatStore(h.transport);
    expect(await store.read()).toBeUndefined();
    expect(serviceStatus(await store.read(), AT)).toBe('absent');
    const beat: ServiceHeartbeat = { version: '1.4.0', startedAt: AT - 3_600_000, beatAt: AT, webhook: 'registered' };
    await store.write(beat);
    await store.write({ ...beat, beatAt: AT + 30_000, lastEventAt: AT + 29_000 });
    const read = await store.read();
    expect(read).toEqual({ ...beat, beatAt: AT + 30_000, lastEventAt: AT + 29_000 });
    expect(chunkRecords(h)).toHaveLength(1);
    expect(serviceStatus(read, AT + 30_000 + 120_000)).toBe('connected');
    expect(serviceStatus(read, AT + 30_000 + 120_001)).toBe('silent');
  });
});

describe('whether the Herald service runs, as Settings reads it', () => {
  it('is absent until a heartbeat, connected for two minutes after one, then silent', async () => {
    const h = await campaignHarness();
    const context = { transport: h.transport, clock: h.waits };
    expect(await readHeraldService(context)).toEqual({ status: 'absent', readAt: h.clock.now() });
    const beat: ServiceHeartbeat = { version: '1.0.0', startedAt: h.clock.now(), beatAt: h.clock.now(), webhook: 'not-registered' };
    await new ServiceHeartbeatStore(h.transport).write(beat);
    h.clock.advance(90_000);
    expect(await readHeraldService(context)).toEqual({ status: 'connected', heartbeat: beat, readAt: beat.beatAt + 90_000 });
    h.clock.advance(60_000);
    expect((await readHeraldService(context)).status).toBe('silent');
  });
});

describe('heard numbers', () => {
  it('are kept one record a day, a number and code once, and read back from a date', async () => {
    const h = await campaignHarness();
    const heard = new HeardNumbers(h.transport, { clock: h.waits });
    await heard.record([
      { phone: '+33612345678', code: '131026', at: AT - 40 * DAY },
      { phone: '+33612345678', code: '131026', at: AT - 2 * DAY },
      { phone: '+447700900123', code: '131049', at: AT - 2 * DAY + 5 },
    ]);
    // Heard again the same day, later: the first time is kept. Another code for the same number is its own entry.
    await heard.record([
      { phone: '+33612345678', code: '131026', at: AT - 2 * DAY + 60_000 },
      { phone: '+33612345678', code: '131049', at: AT - 1 },
      { phone: '+15551234567', code: '131049', at: AT },
    ]);
    expect(chunkRecords(h)).toHaveLength(3);
    const month = await heard.read(AT - 30 * DAY, AT);
    expect(month.sort((a, b) => a.at - b.at)).toEqual([
      { phone: '+33612345678', code: '131026', at: AT - 2 * DAY },
      { phone: '+447700900123', code: '131049', at: AT - 2 * DAY + 5 },
      { phone: '+33612345678', code: '131049', at: AT - 1 },
      { phone: '+15551234567', code: '131049', at: AT },
    ]);
    expect(await heard.read(AT - DAY, AT)).toHaveLength(2);
    expect((await heard.read(AT - 60 * DAY, AT)).some((entry) => entry.at === AT - 40 * DAY)).toBe(true);
  });

  it('take several records on a day of many, each within Zendesk’s limit', async () => {
    const h = await campaignHarness();
    const heard = new HeardNumbers(h.transport, { clock: h.waits });
    const day = Math.floor(AT / DAY) * DAY;
    const many: HeardNumber[] = Array.from({ length: HEARD_PER_RECORD * 2 + 10 }, (_, index) => ({
      phone: `+9${String(index * 7_654_321_987 + 12_345).padStart(14, '9').slice(-14)}`,
      code: index % 2 === 0 ? '131026' : '131049',
      at: day + ((index * 86_399_999) % DAY),
    }));
    await heard.record(many.slice(0, 100));
    await heard.record(many.slice(100));
    expect(chunkRecords(h)).toHaveLength(3);
    for (const record of chunkRecords(h)) expect(recordBytes(record.name, record.externalId, record.fields)).toBeLessThan(MAX_RECORD_BYTES);
    const read = await heard.read(day, day + DAY - 1);
    expect(read).toHaveLength(many.length);
    expect(new Set(read.map((entry) => `${entry.phone} ${entry.code} ${entry.at}`))).toEqual(new Set(many.map((entry) => `${entry.phone} ${entry.code} ${entry.at}`)));
  });

  it('refuse a number that is not E.164, writing nothing', async () => {
    const h = await campaignHarness();
    const heard = new HeardNumbers(h.transport, { clock: h.waits });
    await expect(heard.record([{ phone: '+33612345678', code: '131026', at: AT }, { phone: '0612345678', code: '131026', at: AT }])).rejects.toThrow(RangeError);
    expect(chunkRecords(h)).toHaveLength(0);
  });
});
