import { totalsOf, type RecipientDelivery } from '../../src/core/delivery/deliveryState';
import { laterFailureMeaning, type LaterFailureKind } from '../../src/core/delivery/laterFailures';
import type { Database } from '../store/database';
import type { CampaignPauser, OutcomeWriter, PauseReason } from '../ports';

/**
 * Writes what was heard back to Zendesk: per campaign at most once every 5 s, only the chunks whose
 * recipients changed since the last write, with the totals, in one write (the OutcomeWriter makes
 * it one bulk job). Never one write per event. After each write it looks for a burst of later
 * failures that pauses the campaign (once).
 */

/** Recipients per delivery chunk: store/deliveryOutcomes.ts DELIVERY_CHUNK_SIZE (an index tells its chunk). */
export const DELIVERY_CHUNK_SIZE = 2_000;
export const FLUSH_INTERVAL_MS = 5_000;
export const BURST_WINDOW_MS = 5 * 60 * 1000;
/** Later failures that are the campaign's fault (a paused template…) within the window: pause. */
export const CAMPAIGN_PROBLEM_BURST = 5;
/** 131049 within the window: at least this many, and this share of the campaign's outcomes of the window. */
export const CAP_WAVE_COUNT = 20;
export const CAP_WAVE_SHARE = 0.2;

interface DeliveryRow {
  recipient: number;
  delivered_at: number | null;
  read_at: number | null;
  failed_at: number | null;
  code: string | null;
  replied_at: number | null;
  opted_out_at: number | null;
  last_heard_at: number;
  seq: number;
}

const PAUSE_REASONS: Partial<Record<LaterFailureKind, PauseReason>> = {
  'template-paused': 'template-paused',
  'template-disabled': 'template-disabled',
  'template-missing': 'template-missing',
  parameters: 'template-mismatch',
};

export class OutcomeFlusher {
  /** Writes made so far (one per campaign flush). */
  writes = 0;
  private readonly lastFlush = new Map<string, number>();

  constructor(
    private readonly db: Database,
    private readonly writer: OutcomeWriter,
    private readonly pauser: CampaignPauser,
    private readonly now: () => number,
    private readonly intervalMs = FLUSH_INTERVAL_MS,
  ) {}

  /** Flushes every campaign with changes whose last write is at least the interval old. */
  flushDue(): Promise<void> {
    return this.flushChanged(false);
  }

  /** Flushes every campaign with changes now, whatever the interval: a stopping service leaves nothing unwritten. */
  flushAll(): Promise<void> {
    return this.flushChanged(true);
  }

  private async flushChanged(whateverTheInterval: boolean): Promise<void> {
    // When each campaign was last written is read from the store, so that a restarted service (or
    // another instance) keeps to the interval too.
    const { rows } = await this.db.query<{ campaign_id: string; flushed_at: number | null }>(
      `SELECT DISTINCT d.campaign_id, f.flushed_at FROM herald_deliveries d LEFT JOIN herald_flushes f ON f.campaign_id = d.campaign_id
       WHERE f.flushed_seq IS NULL OR d.seq > f.flushed_seq`,
    );
    const now = this.now();
    for (const { campaign_id: campaignId, flushed_at: flushedAt } of rows) {
      const last = Math.max(this.lastFlush.get(campaignId) ?? Number.NEGATIVE_INFINITY, flushedAt === null ? Number.NEGATIVE_INFINITY : Number(flushedAt));
      if (!whateverTheInterval && now - last < this.intervalMs) continue;
      await this.flush(campaignId);
    }
  }

  private async flush(campaignId: string): Promise<void> {
    this.lastFlush.set(campaignId, this.now());
    const flushed = await this.db.query<{ flushed_seq: number }>('SELECT flushed_seq FROM herald_flushes WHERE campaign_id = $1', [campaignId]);
    const since = Number(flushed.rows[0]?.flushed_seq ?? 0);
    const { rows } = await this.db.query<DeliveryRow>(
      'SELECT recipient, delivered_at, read_at, failed_at, code, replied_at, opted_out_at, last_heard_at, seq FROM herald_deliveries WHERE campaign_id = $1',
      [campaignId],
    );
    const changed = new Set(rows.filter((row) => Number(row.seq) > since).map((row) => Math.floor(row.recipient / DELIVERY_CHUNK_SIZE)));
    const chunks = new Map<number, Map<number, RecipientDelivery>>([...changed].map((chunk) => [chunk, new Map()]));
    let heardAt = 0;
    let through = since;
    const all: RecipientDelivery[] = [];
    for (const row of rows) {
      const delivery = deliveryOf(row);
      all.push(delivery);
      chunks.get(Math.floor(row.recipient / DELIVERY_CHUNK_SIZE))?.set(row.recipient, delivery);
      heardAt = Math.max(heardAt, Number(row.last_heard_at));
      through = Math.max(through, Number(row.seq));
    }
    await this.writer.write(campaignId, chunks, totalsOf(all, heardAt));
    this.writes += 1;
    await this.db.query(
      `INSERT INTO herald_flushes (campaign_id, flushed_seq, flushed_at) VALUES ($1, $2, $3)
       ON CONFLICT (campaign_id) DO UPDATE SET flushed_seq = GREATEST(herald_flushes.flushed_seq, excluded.flushed_seq), flushed_at = excluded.flushed_at`,
      [campaignId, through, this.now()],
    );
    const reason = burstReason(rows, this.now());
    if (reason) await this.pauseOnce(campaignId, reason);
  }

  private async pauseOnce(campaignId: string, reason: PauseReason): Promise<void> {
    const { rows } = await this.db.query('INSERT INTO herald_pauses (campaign_id, reason, at) VALUES ($1, $2, $3) ON CONFLICT (campaign_id) DO NOTHING RETURNING campaign_id', [
      campaignId,
      reason,
      this.now(),
    ]);
    if (rows.length === 0) return;
    try {
      await this.pauser.pause(campaignId, reason);
    } catch (error) {
      // Not paused: the next flush tries again.
      await this.db.query('DELETE FROM herald_pauses WHERE campaign_id = $1', [campaignId]);
      throw error;
    }
  }
}

function deliveryOf(row: DeliveryRow): RecipientDelivery {
  const delivery: RecipientDelivery = {};
  if (row.delivered_at !== null) delivery.deliveredAt = Number(row.delivered_at);
  if (row.read_at !== null) delivery.readAt = Number(row.read_at);
  if (row.failed_at !== null) delivery.failedAt = Number(row.failed_at);
  if (row.code !== null) delivery.code = row.code;
  if (row.replied_at !== null) delivery.repliedAt = Number(row.replied_at);
  if (row.opted_out_at !== null) delivery.optedOutAt = Number(row.opted_out_at);
  return delivery;
}

/** Why the later failures of the last 5 minutes say the campaign should stop, if they do. */
export function burstReason(rows: readonly DeliveryRow[], now: number): PauseReason | undefined {
  const since = now - BURST_WINDOW_MS;
  const recent = (at: number | null) => at !== null && Number(at) >= since;
  const problems = new Map<PauseReason, number>();
  let capped = 0;
  let outcomes = 0;
  for (const row of rows) {
    if (recent(row.delivered_at) || recent(row.failed_at)) outcomes += 1;
    if (!recent(row.failed_at) || row.code === null) continue;
    if (row.code === '131049') capped += 1;
    const meaning = laterFailureMeaning(row.code);
    if (meaning.campaignProblem) {
      const reason = PAUSE_REASONS[meaning.meaning] ?? 'error-burst';
      problems.set(reason, (problems.get(reason) ?? 0) + 1);
    }
  }
  const total = [...problems.values()].reduce((sum, count) => sum + count, 0);
  if (total >= CAMPAIGN_PROBLEM_BURST) return [...problems.entries()].sort((a, b) => b[1] - a[1])[0]![0];
  if (capped >= CAP_WAVE_COUNT && capped >= CAP_WAVE_SHARE * outcomes) return 'error-burst';
  return undefined;
}
