import { describe, expect, it } from 'vitest';
import type { Recipient } from '../../../src/core/campaign/plan';
import { decodeAudienceChunk, encodeAudienceChunk } from '../../../src/store/audienceCodec';
import { audienceRecords, CHUNK_BUDGET_BYTES, chunkRecordBytes, ChunkTooLargeError } from '../../../src/store/campaignChunks';
import { CorruptChunkError } from '../../../src/store/packedBytes';
import { generateRecipients, seededRandom } from '../../support/recipients';

const CAMPAIGN = '01KAH3C9X8S6T2M0QJ4N7VZP5R';

function decodeAll(records: ReturnType<typeof audienceRecords>): Recipient[] {
  return records.flatMap((record) => decodeAudienceChunk(record.custom_object_fields.data as string).recipients);
}

describe('the audience chunk codec', () => {
  it('round-trips recipients exactly: unknown country, no locale or time zone, any text in values, long numbers', () => {
    const recipients: Recipient[] = [
      { userId: 1001, phone: '+33612345678', country: 'FR', locale: 'fr', timeZone: 'Europe/Paris', values: ['Clarice', '#1'] },
      { userId: 987_654_321_012, phone: '+4915112345678901', country: undefined, locale: null, timeZone: null, values: ['Zoë 👋 "quoted" \\ back', ''] },
      { userId: 5, phone: '+15551234567', country: 'US', locale: 'en-US', timeZone: 'America/New_York', values: ['Ana', '#2'] },
    ];
    const decoded = decodeAudienceChunk(encodeAudienceChunk(7, recipients));
    expect(decoded.first).toBe(7);
    expect(decoded.recipients).toEqual(recipients);
    expect(decodeAudienceChunk(encodeAudienceChunk(0, [])).recipients).toEqual([]);
  });

  it('cuts a realistic audience into records under the budget, over 1,000 recipients each', () => {
    const recipients = generateRecipients(20_000);
    const records = audienceRecords(CAMPAIGN, recipients);
    expect(records.every((record) => chunkRecordBytes(record) <= CHUNK_BUDGET_BYTES)).toBe(true);
    expect(records.map((record) => record.custom_object_fields.chunk)).toEqual(records.map((_, index) => index));
    expect(records.length).toBeLessThanOrEqual(20);
    expect(decodeAll(records)).toEqual(recipients);
  });

  it('adapts to heavy values, and refuses a recipient that alone overflows a record', () => {
    const random = seededRandom(11);
    const noise = (length: number) => Array.from({ length }, () => String.fromCharCode(0x21 + Math.floor(random() * 0x5d))).join('');
    const heavy = generateRecipients(600, { slots: 2 }).map((recipient) => ({ ...recipient, values: [noise(400), noise(300)] }));
    const records = audienceRecords(CAMPAIGN, heavy);
    expect(records.length).toBeGreaterThan(10);
    expect(records.every((record) => chunkRecordBytes(record) <= CHUNK_BUDGET_BYTES)).toBe(true);
    expect(decodeAll(records)).toEqual(heavy);
    const huge = { ...heavy[0]!, values: [noise(40_000), 'x'] };
    expect(() => audienceRecords(CAMPAIGN, [huge])).toThrow(ChunkTooLargeError);
  });

  it('refuses recipients with different numbers of values, and data that is not an audience chunk', () => {
    const [a, b] = generateRecipients(2);
    expect(() => encodeAudienceChunk(0, [a!, { ...b!, values: ['x'] }])).toThrow(RangeError);
    expect(() => decodeAudienceChunk('AAAA')).toThrow(CorruptChunkError);
  });
});
