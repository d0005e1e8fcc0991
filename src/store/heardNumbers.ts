import type { Transport } from '../api/transport/types';
import { CustomObjectRecordsClient, type CustomObjectRecord } from '../api/zendesk/customObjects';
import type { ApiClock } from '../core/time/clock';
import { chunkExternalId, chunkRecord, writeChunksByJobs } from './campaignChunks';
import { CAMPAIGN_CHUNK_OBJECT } from './heraldObjects';
import { onHeraldObject } from './objectGuard';
import { ByteReader, ByteWriter, CorruptChunkError, packBytes, unpackBytes } from './packedBytes';
import { RecordAccess } from './recordAccess';

/**
 * Numbers WhatsApp reported, by webhook, as not on WhatsApp (131026) or as having reached their
 * marketing limit (131049), so that the next plans leave them out. Records of Herald's chunk object
 * (campaign id `herald-heard`, kind `heard`, chunk = the UTC day number): a day is one record, or
 * several when it heard more than a record holds (the first says how many).
 *
 * A record packs up to 1,500 entries, sorted by time: the number's digits and its code as one
 * varint (at most 8 bytes: 15 digits), the gap to the previous entry in ms (at most 4 bytes within
 * a day): at most 18 KB before base64, 24 KB after, within a chunk record's 30 KB.
 */

export const HEARD_CODES = ['131026', '131049'] as const;
export type HeardCode = (typeof HEARD_CODES)[number];

export function isHeardCode(code: string): code is HeardCode {
  return (HEARD_CODES as readonly string[]).includes(code);
}

export interface HeardNumber {
  /** E.164: `+33612345678`. */
  phone: string;
  code: HeardCode;
  /** When WhatsApp reported it (ms since epoch). */
  at: number;
}

export const HEARD_CAMPAIGN_ID = 'herald-heard';
export const HEARD_PER_RECORD = 1_500;
const VERSION = 1;
const DAY_MS = 86_400_000;
const E164 = /^\+[1-9]\d{1,14}$/;

export class HeardNumbers {
  private readonly records: CustomObjectRecordsClient;
  private readonly access: RecordAccess;

  constructor(transport: Transport, options: { clock?: ApiClock } = {}) {
    this.records = new CustomObjectRecordsClient(transport, CAMPAIGN_CHUNK_OBJECT.key, options);
    this.access = new RecordAccess(transport, CAMPAIGN_CHUNK_OBJECT.key);
  }

  /**
   * What was heard from `since` to `now`, a number and code once a day (its first time that day).
   * One request for up to 50 days, more only for days that took several records.
   */
  async read(since: number, now: number): Promise<HeardNumber[]> {
    const days: number[] = [];
    for (let day = dayOf(since); day <= dayOf(now); day++) days.push(day);
    const heard = [...(await this.readDays(days)).values()].flat();
    return heard.filter((entry) => entry.at >= since && entry.at <= now);
  }

  /**
   * Adds what was heard to its days' records (read, merged, written back in one bulk job). A
   * RangeError for a number not in E.164 or a code not listed: nothing is written then.
   */
  async record(entries: readonly HeardNumber[]): Promise<void> {
    for (const entry of entries) {
      if (!E164.test(entry.phone) || !HEARD_CODES.includes(entry.code) || !Number.isSafeInteger(entry.at) || entry.at < 0) {
        throw new RangeError('A heard number needs an E.164 number, a code (131026 or 131049) and a time');
      }
    }
    if (entries.length === 0) return;
    const byDay = new Map<number, HeardNumber[]>();
    for (const entry of entries) byDay.set(dayOf(entry.at), [...(byDay.get(dayOf(entry.at)) ?? []), entry]);
    const known = await this.readDays([...byDay.keys()]);
    const records = [...byDay].flatMap(([day, added]) => dayRecords(day, merged([...(known.get(day) ?? []), ...added])));
    await writeChunksByJobs(this.records, records);
  }

  /** Each day's entries; days without a record are left out. */
  private async readDays(days: readonly number[]): Promise<Map<number, HeardNumber[]>> {
    const byDay = new Map<number, HeardNumber[]>();
    const extra: string[] = [];
    for (const record of await this.fetchRecords(days.map((day) => externalId(day, 0)))) {
      const part = decodedPart(record);
      if (!part) continue;
      byDay.set(part.day, [...part.entries]);
      for (let index = 1; index < part.parts; index++) extra.push(externalId(part.day, index));
    }
    for (const record of extra.length > 0 ? await this.fetchRecords(extra) : []) {
      const part = decodedPart(record);
      if (part) byDay.get(part.day)?.push(...part.entries);
    }
    return byDay;
  }

  private fetchRecords(externalIds: readonly string[]): Promise<CustomObjectRecord[]> {
    return onHeraldObject(CAMPAIGN_CHUNK_OBJECT.key, () => this.access.byExternalIds(externalIds));
  }
}

function dayOf(at: number): number {
  return Math.floor(at / DAY_MS);
}

/** The first record of a day has the chunk's external id; the next ones a part number after it. */
function externalId(day: number, part: number): string {
  const first = chunkExternalId(HEARD_CAMPAIGN_ID, 'heard', day);
  return part === 0 ? first : `${first}.${part}`;
}

/** A number and code once, at its earliest; sorted by time. */
function merged(entries: readonly HeardNumber[]): HeardNumber[] {
  const first = new Map<string, HeardNumber>();
  for (const entry of entries) {
    const key = `${entry.phone} ${entry.code}`;
    const known = first.get(key);
    if (!known || entry.at < known.at) first.set(key, entry);
  }
  return [...first.values()].sort((a, b) => a.at - b.at || a.phone.localeCompare(b.phone));
}

function dayRecords(day: number, entries: readonly HeardNumber[]): ReturnType<typeof chunkRecord>[] {
  const parts = Math.max(1, Math.ceil(entries.length / HEARD_PER_RECORD));
  return Array.from({ length: parts }, (_, part) => {
    const record = chunkRecord(HEARD_CAMPAIGN_ID, 'heard', day, encodePart(day, parts, entries.slice(part * HEARD_PER_RECORD, (part + 1) * HEARD_PER_RECORD)));
    const id = externalId(day, part);
    return { ...record, name: id, external_id: id };
  });
}

function encodePart(day: number, parts: number, entries: readonly HeardNumber[]): string {
  const out = new ByteWriter();
  out.byte(VERSION);
  out.varint(day);
  out.varint(parts);
  out.varint(entries.length);
  let previous = day * DAY_MS;
  for (const entry of entries) {
    out.varint(Number(entry.phone.slice(1)) * 2 + HEARD_CODES.indexOf(entry.code));
    out.varint(entry.at - previous);
    previous = entry.at;
  }
  return packBytes(out.result());
}

interface DecodedPart {
  day: number;
  parts: number;
  entries: HeardNumber[];
}

/** A record that does not read back is left out: a number missed is sent to and heard of again. */
function decodedPart(record: CustomObjectRecord): DecodedPart | undefined {
  const data = record.custom_object_fields?.data;
  if (typeof data !== 'string') return undefined;
  try {
    return decodePart(data);
  } catch {
    return undefined;
  }
}

function decodePart(text: string): DecodedPart {
  const input = new ByteReader(unpackBytes(text));
  if (input.byte() !== VERSION) throw new CorruptChunkError('Unknown heard numbers version');
  const day = input.varint();
  const parts = input.varint();
  const entries: HeardNumber[] = [];
  let at = day * DAY_MS;
  for (let left = input.varint(); left > 0; left--) {
    const value = input.varint();
    const code = HEARD_CODES[value % 2];
    if (code === undefined) throw new CorruptChunkError('Unknown code');
    at += input.varint();
    entries.push({ phone: `+${Math.floor(value / 2)}`, code, at });
  }
  return { day, parts, entries };
}
