import { realClock, type ApiClock } from '../core/time/clock';
import type { Transport } from '../api/transport/types';
import { CustomObjectRecordsClient } from '../api/zendesk/customObjects';
import { checkFingerprint, fieldText, formatFor, FORMAT_PREFIX_LENGTH, jsonBytes, tokenBytes, tokenOf, type FingerprintFormat } from './blackoutCodec';
import { RECORD_BUDGET_BYTES, utcDay } from './blackoutLog';
import { BLACKOUT_LOG_OBJECT } from './heraldObjects';
import { onHeraldObject } from './objectGuard';

/**
 * The blackout log as one sending run writes it, a few seconds of sends at a time: the run fills
 * its own records (`day:writer:part`) up to the record budget, rewriting the one it is filling
 * with each call (one request). A campaign then leaves a record per ~1,400 sends, not one per
 * save, and the audience step reads a day back in a few requests. Only this run writes these
 * records (one runner per campaign, and a key per run), so a rewrite erases nobody's sends; the
 * reader (`BlackoutLogStore.index`) finds them by their day like any other.
 */

interface Part {
  day: string;
  number: number;
  format: FingerprintFormat;
  tokens: string[];
  bytes: number;
}

export class BlackoutLogWriter {
  private readonly records: CustomObjectRecordsClient;
  /** The part being filled; the next call appends to it. */
  private open: Part | undefined;
  private parts = 0;

  /** `writerKey` names this run: the campaign and something unique to the runner. */
  constructor(
    transport: Transport,
    private readonly writerKey: string,
    options: { clock?: ApiClock } = {},
  ) {
    if (!/^[\w.-]+$/.test(writerKey)) throw new RangeError(`Not a blackout log writer key: ${writerKey}`);
    this.records = new CustomObjectRecordsClient(transport, BLACKOUT_LOG_OBJECT.key, { clock: options.clock ?? realClock });
  }

  /**
   * Adds the fingerprints of messages sent at `sentAt`. Resolves once every record they went into
   * is written; on a failure nothing counts as written, and the same call can simply be made again.
   */
  async record(fingerprints: readonly string[], sentAt: number): Promise<void> {
    if (fingerprints.length === 0) return;
    fingerprints.forEach(checkFingerprint);
    const day = utcDay(sentAt);
    // Worked on a copy: a failed write leaves this writer as it was.
    let parts = this.parts;
    let open: Part | undefined = this.open?.day === day ? { ...this.open, tokens: [...this.open.tokens] } : undefined;
    const touched: Part[] = open ? [open] : [];
    for (const fingerprint of fingerprints) {
      const format = formatFor([fingerprint]);
      const token = tokenOf(fingerprint, format);
      if (!open || open.format !== format || open.bytes + tokenBytes(token, format, open.tokens.length === 0) > RECORD_BUDGET_BYTES) {
        open = this.newPart(day, ++parts, format);
        if (open.bytes + tokenBytes(token, format, true) > RECORD_BUDGET_BYTES) throw new RangeError(`A fingerprint is too long for a blackout log record: ${fingerprint.slice(0, 40)}…`);
        touched.push(open);
      }
      open.bytes += tokenBytes(token, format, open.tokens.length === 0);
      open.tokens.push(token);
    }
    for (const part of touched) {
      const id = this.externalId(part.day, part.number);
      await onHeraldObject(BLACKOUT_LOG_OBJECT.key, () =>
        this.records.upsertByExternalId(id, { name: id, fields: { day: part.day, fingerprints: fieldText(part.format, part.tokens) } }),
      );
    }
    this.parts = parts;
    this.open = open;
  }

  private newPart(day: string, number: number, format: FingerprintFormat): Part {
    const id = this.externalId(day, number);
    const bytes = jsonBytes({ name: id, external_id: id, custom_object_fields: { day, fingerprints: '' } }) + FORMAT_PREFIX_LENGTH;
    return { day, number, format, tokens: [], bytes };
  }

  private externalId(day: string, part: number): string {
    return `${day}:${this.writerKey}:${String(part).padStart(4, '0')}`;
  }
}
