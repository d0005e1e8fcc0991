import { realClock, type ApiClock } from '../core/time/clock';
import type { Transport } from '../api/transport/types';
import { CustomObjectRecordsClient, type RecordFilter } from '../api/zendesk/customObjects';
import type { BlackoutIndex } from '../core/campaign/lists';
import { fingerprintKey, keysOfField } from './blackoutCodec';
import { BLACKOUT_LOG_OBJECT } from './heraldObjects';
import { onHeraldObject } from './objectGuard';

/**
 * Who received exactly the same message recently. The sending engine records the fingerprints of
 * what it sent (`BlackoutLogWriter`: records of one UTC day each, filled by one run); the plan
 * reads the last days back into memory in a few requests, whoever wrote them.
 */

const DAY_MS = 86_400_000;
/** Zendesk's 32 KB per record, less a margin for how Zendesk counts what we cannot see. */
export const RECORD_BUDGET_BYTES = 32 * 1024 - 512;

export function utcDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

export class BlackoutLogStore {
  private readonly records: CustomObjectRecordsClient;

  constructor(transport: Transport, options: { clock?: ApiClock } = {}) {
    this.records = new CustomObjectRecordsClient(transport, BLACKOUT_LOG_OBJECT.key, { clock: options.clock ?? realClock });
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
