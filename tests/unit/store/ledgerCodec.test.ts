import { describe, expect, it } from 'vitest';
import { RECIPIENT_STATES, stateCode, type LedgerSnapshot, type RecipientDetail } from '../../../src/core/sending/states';
import { CHUNK_BUDGET_BYTES, chunkRecord, chunkRecordBytes, LEDGER_CHUNK_SIZE } from '../../../src/store/campaignChunks';
import { decodeLedgerChunk, encodeLedgerChunk, MAX_CODE_BYTES, MAX_CODES_PER_CHUNK, OVERFLOW_CODE } from '../../../src/store/ledgerCodec';
import { CorruptChunkError } from '../../../src/store/packedBytes';
import { seededRandom } from '../../support/recipients';

/** A campaign id as Zendesk gives record ids: 26 characters. */
const CAMPAIGN = '01KAH3C9X8S6T2M0QJ4N7VZP5R';
const START = Date.UTC(2026, 10, 21, 9, 0, 0);
const MAX_RECORD_BYTES = 32 * 1024;

function snapshot(size: number, fill: (index: number) => [number, RecipientDetail?]): LedgerSnapshot {
  const states = new Uint8Array(size);
  const details = new Map<number, RecipientDetail>();
  for (let index = 0; index < size; index++) {
    const [state, detail] = fill(index);
    states[index] = state;
    if (detail) details.set(index, detail);
  }
  return { size, states, details };
}

function detailsIn(ledger: LedgerSnapshot, first: number, count: number): Map<number, RecipientDetail> {
  return new Map([...ledger.details].filter(([index]) => index >= first && index < first + count));
}

describe('the ledger chunk codec', () => {
  it('round-trips every state with its details, in a chunk that does not start at 0', () => {
    const codes: Record<string, string | undefined> = { failed: 'whatsapp-131026', skipped: 'opted-out', unverified: 'timeout', sent: undefined };
    const ledger = snapshot(5_000, (index) => {
      const state = RECIPIENT_STATES[index % RECIPIENT_STATES.length] as (typeof RECIPIENT_STATES)[number];
      if (state === 'pending' || state === 'inflight') return [stateCode(state)];
      // Times go back and forth (retries finish late), some details have no time or no code.
      const at = index % 11 === 0 ? undefined : START + index * 125 - (index % 7) * 3_000;
      return [stateCode(state), { ...(codes[state] ? { code: codes[state] } : {}), ...(at === undefined ? {} : { at }) }];
    });
    const first = LEDGER_CHUNK_SIZE;
    const decoded = decodeLedgerChunk(encodeLedgerChunk(ledger, first, LEDGER_CHUNK_SIZE));
    expect(decoded.first).toBe(first);
    expect(decoded.count).toBe(LEDGER_CHUNK_SIZE);
    expect([...decoded.states]).toEqual([...ledger.states.subarray(first, first + LEDGER_CHUNK_SIZE)]);
    expect(decoded.details).toEqual(detailsIn(ledger, first, LEDGER_CHUNK_SIZE));
    expect(new Set(decoded.states)).toEqual(new Set(RECIPIENT_STATES.map(stateCode)));
  });

  it('round-trips a short last chunk, an all-pending chunk and long runs compactly', () => {
    const pending = snapshot(300_000, () => [stateCode('pending')]);
    const last = decodeLedgerChunk(encodeLedgerChunk(pending, 298_000, 2_000));
    expect(last.states.every((state) => state === stateCode('pending'))).toBe(true);
    expect(last.details.size).toBe(0);
    expect(encodeLedgerChunk(pending, 0, LEDGER_CHUNK_SIZE).length).toBeLessThan(40);

    const halfSent = snapshot(1_234, (index) => (index < 900 ? [stateCode('sent'), { at: START + index * 125 }] : [stateCode('pending')]));
    const text = encodeLedgerChunk(halfSent, 0, 1_234);
    const decoded = decodeLedgerChunk(text);
    expect(decoded.details).toEqual(halfSent.details);
    expect([...decoded.states]).toEqual([...halfSent.states]);
    // 900 sends 125 ms apart: about a byte each.
    expect(text.length).toBeLessThan(1_500);
  });

  it('keeps the worst chunk under 32 KB: every recipient failed with a long code, each at its own time', () => {
    const random = seededRandom(7);
    const longCode = (n: number) => `whatsapp-1310${n}-message-undeliverable-because-the-number-is-not-on-whatsapp-ééé`;
    const ledger = snapshot(LEDGER_CHUNK_SIZE, (index) => [
      stateCode('failed'),
      { code: longCode(index % (MAX_CODES_PER_CHUNK + 10)), at: START + Math.floor(random() * 30 * 86_400_000) },
    ]);
    const record = chunkRecord(CAMPAIGN, 'ledger', 149, encodeLedgerChunk(ledger, 0, LEDGER_CHUNK_SIZE));
    const bytes = chunkRecordBytes(record);
    console.warn(`worst ledger chunk: ${bytes} bytes for ${LEDGER_CHUNK_SIZE} recipients`);
    expect(bytes).toBeLessThanOrEqual(CHUNK_BUDGET_BYTES);
    expect(bytes).toBeLessThanOrEqual(MAX_RECORD_BYTES);

    const decoded = decodeLedgerChunk(record.custom_object_fields.data as string);
    expect(decoded.states.every((state) => state === stateCode('failed'))).toBe(true);
    const codes = new Set([...decoded.details.values()].map((detail) => detail.code));
    expect(codes.size).toBe(MAX_CODES_PER_CHUNK);
    expect(codes.has(OVERFLOW_CODE)).toBe(true);
    for (const [index, detail] of decoded.details) {
      const original = ledger.details.get(index) as RecipientDetail;
      expect(detail.at).toBe(original.at);
      if (detail.code !== OVERFLOW_CODE) {
        expect(new TextEncoder().encode(detail.code).length).toBeLessThanOrEqual(MAX_CODE_BYTES);
        expect(original.code?.startsWith(detail.code as string)).toBe(true);
      }
    }
  });

  it('keeps alternating states exact (one byte each rather than runs)', () => {
    const ledger = snapshot(2_000, (index) => [index % 2 === 0 ? stateCode('sent') : stateCode('failed')]);
    expect([...decodeLedgerChunk(encodeLedgerChunk(ledger, 0, 2_000)).states]).toEqual([...ledger.states]);
  });

  it('refuses data that is not a ledger chunk', () => {
    expect(() => decodeLedgerChunk('AAAA')).toThrow();
    const ledger = snapshot(10, () => [stateCode('pending')]);
    const text = encodeLedgerChunk(ledger, 0, 10);
    expect(() => decodeLedgerChunk(text.slice(0, -4))).toThrow();
    expect(() => encodeLedgerChunk(snapshot(3, () => [9]), 0, 3)).toThrow(RangeError);
    expect(CorruptChunkError).toBeDefined();
  });
});
