import type { RecipientDelivery } from '../core/delivery/deliveryState';
import { CHUNK_BUDGET_BYTES, ChunkTooLargeError } from './campaignChunks';
import { CodeTable } from './ledgerCodec';
import { ByteReader, ByteWriter, CorruptChunkError, packBytes, unpackBytes } from './packedBytes';

/**
 * One chunk of what was heard about a campaign's messages (the recipients `first` to
 * `first + count - 1`, those heard about) as the text of a record: for each recipient, in index
 * order, the gap to the previous index, which facts are known (a bit each), its code as a position
 * in the chunk's own table (as the ledger does: ledgerCodec.ts), then its times: the earliest as
 * units since the chunk's earliest time, the others as units after that one. Deflated, base64.
 *
 * A unit is a millisecond when the chunk fits a record so; otherwise the chunk is written again at
 * a coarser unit (second, minute, hour, day) until it fits. At the day, a time is kept at most 127
 * days after the chunk's earliest (later ones read as that day): every time then takes one byte, so
 * a chunk of 2,000 recipients holding every fact takes at most 2,000 × 8 bytes plus the code table
 * (32 codes of at most 64 bytes): about 18.5 KB before base64, 24.6 KB after, within a record's
 * 30 KB whatever it holds. A coarser unit never changes what a recipient's state reads as: a bit
 * says when the failure came before the delivery, and decoding keeps it so.
 */

const VERSION = 1;

const TIME_FIELDS = ['deliveredAt', 'readAt', 'failedAt', 'repliedAt', 'optedOutAt'] as const;
const CODE_BIT = 1 << TIME_FIELDS.length;
/** The failure came before the delivery (the channel then delivered: the state is `delivered`). */
const FAILED_FIRST_BIT = CODE_BIT << 1;

/** The units tried, finest first. */
const UNITS_MS = [1, 1_000, 60_000, 3_600_000, 86_400_000] as const;
const COARSEST = UNITS_MS.length - 1;
/** At the coarsest unit, the most units a time may lie after the chunk's earliest: one varint byte. */
const COARSEST_MAX_UNITS = 127;

/** What the data field may take: a chunk record's budget less its envelope (ids, kind, chunk). */
export const DELIVERY_DATA_BUDGET = CHUNK_BUDGET_BYTES - 512;

export interface DeliveryChunk {
  first: number;
  count: number;
  /** By recipient index: those heard about. */
  deliveries: Map<number, RecipientDelivery>;
  /** The precision the times were kept at, in ms (1 unless the chunk had to be made smaller). */
  unitMs: number;
}

export function encodeDeliveryChunk(first: number, count: number, deliveries: ReadonlyMap<number, RecipientDelivery>, budget = DELIVERY_DATA_BUDGET): string {
  const entries = [...deliveries].sort(([a], [b]) => a - b);
  for (const [index] of entries) {
    if (!Number.isSafeInteger(index) || index < first || index >= first + count) throw new RangeError(`Recipient ${index} is not in the chunk ${first}+${count}`);
  }
  let base = Number.POSITIVE_INFINITY;
  for (const [, delivery] of entries) for (const field of TIME_FIELDS) if (delivery[field] !== undefined) base = Math.min(base, timeOf(delivery[field]));
  if (base === Number.POSITIVE_INFINITY) base = 0;
  for (let level = 0; level <= COARSEST; level++) {
    const text = packBytes(encodeAt(level, first, count, base, entries));
    if (text.length <= budget) return text;
  }
  throw new ChunkTooLargeError(`The delivery chunk ${first}+${count} does not fit ${budget} bytes`);
}

function encodeAt(level: number, first: number, count: number, base: number, entries: ReadonlyArray<[number, RecipientDelivery]>): Uint8Array {
  const unit = UNITS_MS[level] ?? 1;
  const unitsOf = (at: number): number => {
    const units = Math.floor((timeOf(at) - base) / unit);
    return level === COARSEST ? Math.min(units, COARSEST_MAX_UNITS) : units;
  };
  const codes = new CodeTable();
  const refs = entries.map(([, delivery]) => (delivery.code === undefined ? 0 : codes.ref(delivery.code)));

  const out = new ByteWriter();
  out.byte(VERSION);
  out.varint(first);
  out.varint(count);
  out.byte(level);
  out.varint(base);
  out.varint(codes.list.length);
  for (const code of codes.list) {
    const bytes = encoder.encode(code);
    out.varint(bytes.length);
    out.bytes(bytes);
  }
  out.varint(entries.length);
  let previous = first - 1;
  entries.forEach(([index, delivery], position) => {
    out.varint(index - previous);
    previous = index;
    let mask = 0;
    TIME_FIELDS.forEach((field, bit) => {
      if (delivery[field] !== undefined) mask |= 1 << bit;
    });
    if (delivery.code !== undefined) mask |= CODE_BIT;
    if (delivery.failedAt !== undefined && delivery.deliveredAt !== undefined && delivery.failedAt < delivery.deliveredAt) mask |= FAILED_FIRST_BIT;
    out.byte(mask);
    if (delivery.code !== undefined) out.varint(refs[position] ?? 0);
    const units = TIME_FIELDS.flatMap((field) => (delivery[field] === undefined ? [] : [unitsOf(delivery[field])]));
    if (units.length === 0) return;
    const anchor = Math.min(...units);
    out.varint(anchor);
    for (const value of units) out.varint(value - anchor);
  });
  return out.result();
}

export function decodeDeliveryChunk(text: string): DeliveryChunk {
  const input = new ByteReader(unpackBytes(text));
  if (input.byte() !== VERSION) throw new CorruptChunkError('Unknown delivery chunk version');
  const first = input.varint();
  const count = input.varint();
  const unitMs = UNITS_MS[input.byte()];
  if (unitMs === undefined) throw new CorruptChunkError('Unknown time unit');
  const base = input.varint();
  const codes = Array.from({ length: input.varint() }, () => decoder.decode(input.bytes(input.varint())));
  const deliveries = new Map<number, RecipientDelivery>();
  let index = first - 1;
  for (let left = input.varint(); left > 0; left--) {
    index += input.varint();
    if (index >= first + count) throw new CorruptChunkError('A recipient lies outside its chunk');
    const mask = input.byte();
    const delivery: RecipientDelivery = {};
    if (mask & CODE_BIT) {
      const code = codes[input.varint() - 1];
      if (code === undefined) throw new CorruptChunkError('A recipient names an unknown code');
      delivery.code = code;
    }
    if (mask & ((1 << TIME_FIELDS.length) - 1)) {
      const anchor = input.varint();
      TIME_FIELDS.forEach((field, bit) => {
        if (mask & (1 << bit)) delivery[field] = base + (anchor + input.varint()) * unitMs;
      });
    }
    // A coarser unit may have made a failure and a later delivery the same instant: keep their order.
    if (mask & FAILED_FIRST_BIT && delivery.failedAt !== undefined && delivery.deliveredAt !== undefined && delivery.failedAt >= delivery.deliveredAt) {
      delivery.failedAt = delivery.deliveredAt - 1;
    }
    deliveries.set(index, delivery);
  }
  return { first, count, deliveries, unitMs };
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Times are whole ms since the epoch. */
function timeOf(at: number): number {
  const time = Math.round(at);
  if (!Number.isSafeInteger(time) || time < 0) throw new RangeError(`Not a time: ${at}`);
  return time;
}
