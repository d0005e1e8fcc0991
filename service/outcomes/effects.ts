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

  constructor(
    private readonly db: Database,
    private readonly audience: AudienceLookup,
    private readonly optOuts: () => OptOuts | undefined,
    private readonly heard: HeardNumbers,
    private readonly now: () => number,
    private readonly batch = 200,
  ) {}

  /** One pass at a time; a call during a pass waits for it. */
  run(): Promise<void> {
    this.running ??= this.pass().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async pass(): Promise<void> {
    for (;;) {
      const { rows } = await this.db.query<{ id: number; kind: EffectKind; campaign_id: string; recipient: number; code: string | null; at: number }>(
        'SELECT id, kind, campaign_id, recipient, code, at FROM herald_effects WHERE done_at IS NULL ORDER BY id LIMIT $1',
        [this.batch],
      );
      if (rows.length === 0) return;
      const finished: number[] = [];
      const heard: HeardNumber[] = [];
      const heardIds: number[] = [];
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
      if (heard.length > 0) {
        try {
          await this.heard.record(heard);
          finished.push(...heardIds);
        } catch {
          stopped = true;
        }
      }
      if (finished.length > 0) await this.db.query('UPDATE herald_effects SET done_at = $2 WHERE id = ANY($1::bigint[])', [finished, this.now()]);
      this.done += finished.length;
      if (stopped || rows.length < this.batch) return;
    }
  }
}
