import { HttpError } from '../../src/api/transport/errors';
import type { Database } from '../store/database';
import type { AudienceLookup, HeardNumber, HeardNumbers, OptOuts } from '../ports';
import type { EffectKind } from '../intake/recordBatch';

/**
 * Does the work the committed events owe Zendesk, in the order it was heard: opt-outs and opt-ins
 * on the recipient's Zendesk user (from the campaign's frozen audience), numbers heard as not on
 * WhatsApp or capped. An effect is marked done only once done; a failure stops the pass there (an
 * opt-in must never overtake the opt-out before it) and the next pass starts again from it.
 */
export class EffectsWorker {
  done = 0;
  private running: Promise<void> | undefined;
  private lastHeardWrite = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly db: Database,
    private readonly audience: AudienceLookup,
    private readonly optOuts: () => OptOuts | undefined,
    private readonly heard: HeardNumbers,
    private readonly now: () => number,
    private readonly batch = 200,
    /** Numbers heard are written together at most this often: each write is a custom-object record, opt-outs are not. */
    private readonly heardIntervalMs = 30_000,
  ) {}

  /** One pass at a time; a call during a pass waits for it. */
  run(): Promise<void> {
    this.running ??= this.pass().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async pass(): Promise<void> {
    const withHeard = this.now() - this.lastHeardWrite >= this.heardIntervalMs;
    // Numbers heard in this pass, written together once at its end: one record write, not one a batch.
    const heard: HeardNumber[] = [];
    const heardIds: number[] = [];
    let after = 0;
    for (;;) {
      const { rows } = await this.db.query<{ id: number; kind: EffectKind; campaign_id: string; recipient: number; code: string | null; at: number }>(
        `SELECT id, kind, campaign_id, recipient, code, at FROM herald_effects WHERE done_at IS NULL AND id > $2 ${withHeard ? '' : "AND kind <> 'heard'"} ORDER BY id LIMIT $1`,
        [this.batch, after],
      );
      if (rows.length === 0) break;
      after = Number(rows.at(-1)!.id);
      const finished: number[] = [];
      let stopped = false;
      for (const row of rows) {
        const recipient = await this.audience.recipient(row.campaign_id, row.recipient);
        const optOuts = this.optOuts();
        if (!recipient) {
          // No such recipient in a frozen audience (a campaign deleted, metadata not Herald's): nothing to do.
          finished.push(row.id);
        } else if (row.kind === 'heard') {
          heard.push({ phone: recipient.phone, code: row.code ?? '', at: Number(row.at) });
          heardIds.push(row.id);
        } else if (!optOuts) {
          finished.push(row.id);
        } else {
          try {
            await (row.kind === 'opt-out' ? optOuts.optOut(recipient.userId) : optOuts.optIn(recipient.userId));
            finished.push(row.id);
          } catch (error) {
            // The user is gone from Zendesk (deleted or merged away): there is nobody to tag, and waiting would hold every later effect.
            if (error instanceof HttpError && error.status === 404) {
              finished.push(row.id);
              continue;
            }
            stopped = true;
            break;
          }
        }
      }
      await this.markDone(finished);
      if (stopped || rows.length < this.batch) break;
    }
    if (heard.length === 0) return;
    this.lastHeardWrite = this.now();
    await this.heard.record(heard);
    await this.markDone(heardIds);
  }

  private async markDone(ids: readonly number[]): Promise<void> {
    if (ids.length === 0) return;
    await this.db.query('UPDATE herald_effects SET done_at = $2 WHERE id = ANY($1::bigint[])', [ids, this.now()]);
    this.done += ids.length;
  }
}
