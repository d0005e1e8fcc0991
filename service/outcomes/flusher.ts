import { totalsOf, type DeliveryTotals, type RecipientDelivery } from '../../src/core/delivery/deliveryState';
import { laterFailureMeaning, type LaterFailureKind } from '../../src/core/delivery/laterFailures';
import { DELIVERY_CHUNK_SIZE } from '../../src/store/deliveryOutcomes';
import type { Database, Queryable } from '../store/database';
import type { CampaignPauser, OutcomeWriter, PauseReason } from '../ports';

/**
 * Writes what was heard back to Zendesk: per campaign at most once every 5 s, only the chunks whose
 * recipients changed since the last write, with the totals, in one write (the OutcomeWriter makes
 * it one bulk job). Never one write per event. After each write it looks for a burst of later
 * failures that pauses the campaign (once).
 */

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
  /** Each campaign's totals by chunk, as last read: a flush reads only the chunks that changed. */
  private readonly chunkTotals = new Map<string, Map<number, DeliveryTotals>>();

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
      `SELECT c.campaign_id, f.flushed_at FROM herald_campaign_changes c LEFT JOIN herald_flushes f ON f.campaign_id = c.campaign_id
       WHERE f.flushed_seq IS NULL OR c.seq > f.flushed_seq`,
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
    // Only the chunks whose recipients changed are read, one query a chunk (a range of the primary
    // key): a flush never holds the store for long, and webhooks are committed between its reads.
    const changed = await this.db.query<{ chunk: number; through: number }>(
      'SELECT recipient / $3::int AS chunk, max(seq) AS through FROM herald_deliveries WHERE campaign_id = $1 AND seq > $2 GROUP BY 1',
      [campaignId, since, DELIVERY_CHUNK_SIZE],
    );
    if (changed.rows.length === 0) return;
    const through = Math.max(since, ...changed.rows.map((row) => Number(row.through)));
    const chunks = new Map<number, Map<number, RecipientDelivery>>();
    for (const { chunk } of changed.rows) chunks.set(Number(chunk), await this.readChunk(campaignId, Number(chunk)));
    await this.writer.write(campaignId, chunks, await this.totals(campaignId));
    this.writes += 1;
    await this.db.query(
      `INSERT INTO herald_flushes (campaign_id, flushed_seq, flushed_at) VALUES ($1, $2, $3)
       ON CONFLICT (campaign_id) DO UPDATE SET flushed_seq = GREATEST(herald_flushes.flushed_seq, excluded.flushed_seq), flushed_at = excluded.flushed_at`,
      [campaignId, through, this.now()],
    );
    const reason = burstReason(await recentOutcomes(this.db, campaignId, this.now() - BURST_WINDOW_MS));
    if (reason) await this.pauseOnce(campaignId, reason);
  }

  /** One chunk's recipients as stored; its totals kept for the campaign's (core/delivery `totalsOf`, the one rule). */
  private async readChunk(campaignId: string, chunk: number): Promise<Map<number, RecipientDelivery>> {
    const { rows } = await this.db.query<DeliveryRow>(
      'SELECT recipient, delivered_at, read_at, failed_at, code, replied_at, opted_out_at FROM herald_deliveries WHERE campaign_id = $1 AND recipient >= $2 AND recipient < $3',
      [campaignId, chunk * DELIVERY_CHUNK_SIZE, (chunk + 1) * DELIVERY_CHUNK_SIZE],
    );
    const deliveries = new Map(rows.map((row) => [row.recipient, deliveryOf(row)]));
    const byChunk = this.chunkTotals.get(campaignId) ?? new Map<number, DeliveryTotals>();
    byChunk.set(chunk, totalsOf(deliveries.values(), 0));
    this.chunkTotals.set(campaignId, byChunk);
    return deliveries;
  }

  /** The campaign's totals: the sum of its chunks' (a chunk not read since this process started is read once). */
  private async totals(campaignId: string): Promise<DeliveryTotals> {
    // The highest recipient heard (the primary key's end: no scan) bounds the chunks there are.
    const { rows } = await this.db.query<{ last: number | null }>('SELECT max(recipient) AS last FROM herald_deliveries WHERE campaign_id = $1', [campaignId]);
    const lastChunk = rows[0]?.last === null || rows[0]?.last === undefined ? -1 : Math.floor(Number(rows[0].last) / DELIVERY_CHUNK_SIZE);
    for (let chunk = 0; chunk <= lastChunk; chunk++) if (!this.chunkTotals.get(campaignId)?.has(chunk)) await this.readChunk(campaignId, chunk);
    const heard = await this.db.query<{ heard_at: number }>('SELECT heard_at FROM herald_campaign_changes WHERE campaign_id = $1', [campaignId]);
    const sum: DeliveryTotals = { heard: 0, delivered: 0, read: 0, replied: 0, optedOut: 0, failed: {}, heardAt: Number(heard.rows[0]?.heard_at ?? 0) };
    for (const part of this.chunkTotals.get(campaignId)?.values() ?? []) {
      sum.heard += part.heard;
      sum.delivered += part.delivered;
      sum.read += part.read;
      sum.replied += part.replied;
      sum.optedOut += part.optedOut;
      for (const [code, count] of Object.entries(part.failed)) sum.failed[code] = (sum.failed[code] ?? 0) + count;
    }
    return sum;
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

/** What the channel said of a campaign's messages since `since`: outcomes, and later failures by code. */
export interface RecentOutcomes {
  outcomes: number;
  failedByCode: ReadonlyMap<string, number>;
}

async function recentOutcomes(db: Queryable, campaignId: string, since: number): Promise<RecentOutcomes> {
  const { rows } = await db.query<{ outcomes: number }>('SELECT count(*) AS outcomes FROM herald_deliveries WHERE campaign_id = $1 AND (delivered_at >= $2 OR failed_at >= $2)', [campaignId, since]);
  const failures = await db.query<{ code: string | null; count: number }>('SELECT code, count(*) AS count FROM herald_deliveries WHERE campaign_id = $1 AND failed_at >= $2 GROUP BY code', [campaignId, since]);
  return { outcomes: Number(rows[0]?.outcomes ?? 0), failedByCode: new Map(failures.rows.map((row) => [row.code ?? 'unknown', Number(row.count)])) };
}

/** Why the later failures of the last 5 minutes say the campaign should stop, if they do. */
export function burstReason(recent: RecentOutcomes): PauseReason | undefined {
  const problems = new Map<PauseReason, number>();
  for (const [code, count] of recent.failedByCode) {
    const meaning = laterFailureMeaning(code);
    if (!meaning.campaignProblem) continue;
    const reason = PAUSE_REASONS[meaning.meaning] ?? 'error-burst';
    problems.set(reason, (problems.get(reason) ?? 0) + count);
  }
  const total = [...problems.values()].reduce((sum, count) => sum + count, 0);
  if (total >= CAMPAIGN_PROBLEM_BURST) return [...problems.entries()].sort((a, b) => b[1] - a[1])[0]![0];
  const capped = recent.failedByCode.get('131049') ?? 0;
  if (capped >= CAP_WAVE_COUNT && capped >= CAP_WAVE_SHARE * recent.outcomes) return 'error-burst';
  return undefined;
}
