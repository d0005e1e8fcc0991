import { realClock, type ApiClock } from '../api/clock';
import type { Transport } from '../api/transport/types';
import { MAX_JOB_ITEMS, type BulkJobRecord } from '../api/zendesk/customObjectJobs';
import { CustomObjectRecordsClient, type RecordFilter } from '../api/zendesk/customObjects';
import type { BlackoutIndex } from '../core/campaign/lists';
import { checkFingerprint, fieldText, fingerprintKey, formatFor, FORMAT_PREFIX_LENGTH, keysOfField, tokenOf, type FingerprintFormat } from './blackoutCodec';
import { BLACKOUT_LOG_OBJECT } from './heraldObjects';
import { onHeraldObject } from './objectGuard';

/**
 * Who received exactly the same message recently. The sending engine records the fingerprints of
 * what it sent; the plan reads the last days back into memory in a few requests. Records hold one
 * UTC day each, as a family `day:part` (`2026-11-21:00003`); a write only ever adds new parts after
 * the last one, never rewrites an existing record, so two writers cannot erase each other.
 */

const DAY_MS = 86_400_000;
/** Zendesk's 32 KB per record, less a margin for how Zendesk counts what we cannot see. */
export const RECORD_BUDGET_BYTES = 32 * 1024 - 512;
const PART_DIGITS = 5;
/** Rounds of "find the last part, write after it" when another writer took the same part numbers. */
const MAX_WRITE_ROUNDS = 3;

/** Some fingerprints could not be written (after retries). */
export class BlackoutLogWriteError extends Error {
  override name = 'BlackoutLogWriteError';

  constructor(
    readonly day: string,
    readonly unwrittenRecords: number,
    detail: string,
  ) {
    super(`${unwrittenRecords} blackout log record(s) of ${day} could not be written: ${detail}`);
  }
}

export function utcDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

export function partExternalId(day: string, part: number): string {
  return `${day}:${String(part).padStart(PART_DIGITS, '0')}`;
}

export class BlackoutLogStore {
  private readonly records: CustomObjectRecordsClient;

  constructor(transport: Transport, options: { clock?: ApiClock } = {}) {
    this.records = new CustomObjectRecordsClient(transport, BLACKOUT_LOG_OBJECT.key, { clock: options.clock ?? realClock });
  }

  /** Appends the fingerprints of messages sent at `sentAt` to that day's log, in as few records as fit. */
  async record(fingerprints: readonly string[], sentAt: number): Promise<void> {
    if (fingerprints.length === 0) return;
    fingerprints.forEach(checkFingerprint);
    const day = utcDay(sentAt);
    let texts = packFields(day, fingerprints);
    let detail = '';
    // Part numbers already tried: a retry starts above them even if the search lags behind.
    let tried = 0;
    for (let round = 0; round < MAX_WRITE_ROUNDS && texts.length > 0; round++) {
      const first = Math.max(await this.lastPart(day), tried) + 1;
      tried = first + texts.length - 1;
      const items: BulkJobRecord[] = texts.map((text, index) => {
        const id = partExternalId(day, first + index);
        return { name: id, external_id: id, custom_object_fields: { day, fingerprints: text } };
      });
      const unwritten: string[] = [];
      for (let start = 0; start < items.length; start += MAX_JOB_ITEMS) {
        const batch = items.slice(start, start + MAX_JOB_ITEMS);
        // `create`, not an upsert: a part another writer took fails here instead of being overwritten.
        const results = await onHeraldObject(BLACKOUT_LOG_OBJECT.key, () => this.records.runJob('create', batch));
        results.forEach((result, index) => {
          if (result.success) return;
          unwritten.push(texts[start + index] as string);
          detail = result.error ?? detail;
        });
      }
      texts = unwritten;
    }
    if (texts.length > 0) throw new BlackoutLogWriteError(day, texts.length, detail);
  }

  /** The fingerprints sent in the last `days` days (whole UTC days, today included), read into memory. */
  async index(now: number, days: number): Promise<BlackoutIndex & { size: number }> {
    const keys = new Set<string>();
    if (days > 0) {
      const filter: RecordFilter = { $or: windowDays(now, days).map((day) => ({ 'custom_object_fields.day': { $eq: day } })) };
      await onHeraldObject(BLACKOUT_LOG_OBJECT.key, async () => {
        for await (const page of this.records.search(filter, { sort: 'name' })) {
          for (const record of page) {
            const text = record.custom_object_fields?.fingerprints;
            if (typeof text === 'string') keysOfField(text, (key) => keys.add(key));
          }
        }
      });
    }
    return { wasSent: (fingerprint) => keys.has(fingerprintKey(fingerprint)), size: keys.size };
  }

  /** The highest part number of the day so far (0 when the day has none). */
  private async lastPart(day: string): Promise<number> {
    const page = await onHeraldObject(BLACKOUT_LOG_OBJECT.key, () =>
      this.records.searchPage({ 'custom_object_fields.day': { $eq: day } }, { sort: '-name', pageSize: 1 }),
    );
    const last = page.records[0]?.external_id ?? '';
    const match = new RegExp(`^${day}:(\\d+)$`).exec(last);
    return match ? Number(match[1]) : 0;
  }
}

/**
 * The days whose records may hold a send of the last `days` × 24 hours: from the UTC day of
 * `now - days` to today. A whole extra day is read rather than one send missed.
 */
function windowDays(now: number, days: number): string[] {
  const list: string[] = [];
  for (let back = Math.ceil(days); back >= 0; back--) list.push(utcDay(now - back * DAY_MS));
  return list;
}

/** The field texts of the records for these fingerprints, each record within the byte budget. */
function packFields(day: string, fingerprints: readonly string[]): string[] {
  const format: FingerprintFormat = formatFor(fingerprints);
  const widestId = partExternalId(day, 10 ** PART_DIGITS - 1);
  const overhead = jsonBytes({ name: widestId, external_id: widestId, custom_object_fields: { day, fingerprints: '' } }) + FORMAT_PREFIX_LENGTH;
  const texts: string[] = [];
  let tokens: string[] = [];
  let bytes = overhead;
  for (const fingerprint of fingerprints) {
    const token = tokenOf(fingerprint, format);
    // The token's size inside a JSON string (escapes included; base64url needs none), plus its separator.
    const size = format === 'x' ? token.length : jsonBytes(token) - 2;
    const cost = size + (tokens.length > 0 ? 1 : 0);
    if (overhead + cost > RECORD_BUDGET_BYTES) throw new RangeError(`A fingerprint is too long for a blackout log record: ${fingerprint.slice(0, 40)}…`);
    if (bytes + cost > RECORD_BUDGET_BYTES) {
      texts.push(fieldText(format, tokens));
      tokens = [];
      bytes = overhead;
    }
    bytes += tokens.length > 0 ? cost : size;
    tokens.push(token);
  }
  if (tokens.length > 0) texts.push(fieldText(format, tokens));
  return texts;
}

const encoder = new TextEncoder();

function jsonBytes(value: unknown): number {
  return encoder.encode(JSON.stringify(value)).length;
}
