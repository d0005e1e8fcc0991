import { describe, expect, it } from 'vitest';
import { deliveryStateOf, totalsOf, type RecipientDelivery } from '../../../src/core/delivery/deliveryState';
import { CHUNK_BUDGET_BYTES, chunkRecord, chunkRecordBytes } from '../../../src/store/campaignChunks';
import { decodeDeliveryChunk, encodeDeliveryChunk } from '../../../src/store/deliveryCodec';
import { DELIVERY_CHUNK_SIZE } from '../../../src/store/deliveryOutcomes';
import { CorruptChunkError, packBytes } from '../../../src/store/packedBytes';
import { seededRandom } from '../../support/recipients';

/** A campaign id as Zendesk gives record ids: 26 characters. */
const CAMPAIGN = '01KAH3C9X8S6T2M0QJ4N7VZP5R';
const START = Date.UTC(2026, 10, 21, 9, 0, 0);
const HOUR = 3_600_000;

function recordBytes(chunk: number, deliveries: Map<number, RecipientDelivery>): number {
  const first = chunk * DELIVERY_CHUNK_SIZE;
  return chunkRecordBytes(chunkRecord(CAMPAIGN, 'delivery', chunk, encodeDeliveryChunk(first, DELIVERY_CHUNK_SIZE, deliveries)));
}

describe('the delivery chunk codec', () => {
  it('keeps every fact to the millisecond for a campaign heard as usual, in a chunk that does not start at 0', () => {
    const random = seededRandom(7);
    const first = 3 * DELIVERY_CHUNK_SIZE;
    const deliveries = new Map<number, RecipientDelivery>();
    for (let offset = 0; offset < DELIVERY_CHUNK_SIZE; offset++) {
      if (offset % 10 === 9) continue; // not heard about yet
      const sent = START + offset * 12.5;
      const delivery: RecipientDelivery = {};
      if (offset % 17 === 0) Object.assign(delivery, { failedAt: Math.round(sent + 2_000 * random()), code: offset % 34 === 0 ? '131026' : '131049' });
      else delivery.deliveredAt = Math.round(sent + 3_000 * random());
      if (offset % 3 === 0 && delivery.deliveredAt) delivery.readAt = delivery.deliveredAt + Math.round(5 * HOUR * random());
      if (offset % 40 === 0 && delivery.deliveredAt) delivery.repliedAt = delivery.deliveredAt + Math.round(HOUR * random());
      if (offset % 80 === 0 && delivery.repliedAt) delivery.optedOutAt = delivery.repliedAt;
      deliveries.set(first + offset, delivery);
    }
    const decoded = decodeDeliveryChunk(encodeDeliveryChunk(first, DELIVERY_CHUNK_SIZE, deliveries));
    expect(decoded).toMatchObject({ first, count: DELIVERY_CHUNK_SIZE, unitMs: 1 });
    expect(decoded.deliveries).toEqual(deliveries);
    expect(recordBytes(3, deliveries)).toBeLessThan(CHUNK_BUDGET_BYTES);
  });

  it('fits a record whatever 2,000 recipients hold, and never changes what a recipient reads as', () => {
    const random = seededRandom(11);
    const spreads = { 'within a week': 7 * 24 * HOUR, 'over four months': 127 * 24 * HOUR, 'over any time at all': 2 ** 52 };
    for (const [label, spread] of Object.entries(spreads)) {
      const deliveries = new Map<number, RecipientDelivery>();
      const time = () => Math.floor(START * (spread < START ? 1 : 0) + random() * spread);
      for (let index = 0; index < DELIVERY_CHUNK_SIZE; index++) {
        const delivery: RecipientDelivery = { deliveredAt: time(), readAt: time(), failedAt: time(), repliedAt: time(), optedOutAt: time() };
        // Long, many, non-ASCII codes: more than a chunk's table holds.
        delivery.code = `${Math.floor(random() * 500)}-${'é'.repeat(60)}`;
        // Failures one millisecond either side of the delivery: the order decides the state.
        if (index % 2 === 0) delivery.failedAt = (delivery.deliveredAt ?? 0) + (index % 4 === 0 ? -1 : 1);
        deliveries.set(index, delivery);
      }
      const bytes = recordBytes(0, deliveries);
      console.warn(`A chunk of ${DELIVERY_CHUNK_SIZE} recipients holding every fact, ${label}: ${bytes} bytes`);
      expect(bytes, label).toBeLessThanOrEqual(CHUNK_BUDGET_BYTES);
      const decoded = decodeDeliveryChunk(encodeDeliveryChunk(0, DELIVERY_CHUNK_SIZE, deliveries));
      expect(decoded.deliveries.size).toBe(DELIVERY_CHUNK_SIZE);
      for (const [index, delivery] of deliveries) expect(deliveryStateOf(decoded.deliveries.get(index) ?? {}), `${label} ${index}`).toBe(deliveryStateOf(delivery));
      const [before, after] = [totalsOf(deliveries.values(), 0), totalsOf(decoded.deliveries.values(), 0)];
      expect({ ...after, failed: undefined }).toEqual({ ...before, failed: undefined });
      expect(Object.values(after.failed).reduce((sum, n) => sum + n, 0)).toBe(Object.values(before.failed).reduce((sum, n) => sum + n, 0));
    }
  });

  it('keeps an empty chunk, a recipient heard without times, and refuses a recipient outside the chunk', () => {
    expect(decodeDeliveryChunk(encodeDeliveryChunk(0, DELIVERY_CHUNK_SIZE, new Map())).deliveries.size).toBe(0);
    const odd = new Map<number, RecipientDelivery>([[5, {}], [6, { code: '131000' }]]);
    expect(decodeDeliveryChunk(encodeDeliveryChunk(0, 10, odd)).deliveries).toEqual(odd);
    expect(() => encodeDeliveryChunk(0, 10, new Map([[10, { deliveredAt: START }]]))).toThrow(RangeError);
  });

  it('refuses a chunk that does not read back', () => {
    expect(() => decodeDeliveryChunk(packBytes(new Uint8Array([2, 0, 10])))).toThrow(CorruptChunkError);
    // A recipient past the chunk's end; then a chunk cut short.
    expect(() => decodeDeliveryChunk(packBytes(new Uint8Array([1, 0, 10, 0, 0, 0, 1, 11, 0])))).toThrow(CorruptChunkError);
    expect(() => decodeDeliveryChunk(packBytes(new Uint8Array([1, 0, 10, 0, 0, 0, 1, 1])))).toThrow(CorruptChunkError);
  });
});
