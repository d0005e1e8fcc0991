import { applyDeliveryEvent, type DeliveryEvent, type RecipientDelivery } from '../../src/core/delivery/deliveryState';
import { isHeardCode } from '../../src/store/heardNumbers';
import type { Queryable } from '../store/database';
import type { Attribution, HeardEvent } from './heardEvents';

/**
 * Records one group of webhook events in one transaction, in a fixed number of statements
 * whatever the group's size (arrays through `unnest`): new events only (by id), Herald's messages
 * from their echoes, delivery events by message id (held until the echo arrives), reads by
 * conversation, replies by `recentNotifications` or the conversation's latest Herald message
 * within 7 days; then each recipient's facts merged as core/delivery merges them (each the
 * earliest, order-free), and the work owed to Zendesk (opt-outs, opt-ins, heard numbers).
 */

/** This module, for a store that runs `recordBatch` in its own thread (store/pgliteThread.ts). */
export const RECORD_BATCH_MODULE = new URL(import.meta.url);

export const REPLY_FALLBACK_MS = 7 * 24 * 60 * 60 * 1000;

/** Work owed to Zendesk once the facts are committed. */
export type EffectKind = 'opt-out' | 'opt-in' | 'heard';

interface Fact extends Attribution {
  event: DeliveryEvent;
  effect?: { kind: EffectKind; code?: string };
}

export interface BatchSummary {
  /** Events heard for the first time (duplicates left out). */
  fresh: number;
  /** The same, by event type (the service's metrics). */
  freshByType: Record<string, number>;
  /** Events of the batch already recorded, or twice in it. */
  duplicates: number;
  campaigns: ReadonlySet<string>;
  effects: number;
}

const OPTED_OUT_CODE = '131050';

/** Any number: the batches of every instance on one Postgres are recorded one after the other. */
const INTAKE_LOCK = 4571;

export async function recordBatch(tx: Queryable, events: readonly HeardEvent[], heardAt: number): Promise<BatchSummary> {
  // An echo and a delivery of the same message recorded at once by two instances (or connections)
  // would each miss the other (the delivery held, the echo finding nothing held): one at a time.
  await tx.query('SELECT pg_advisory_xact_lock($1)', [INTAKE_LOCK]);
  const unique = [...new Map(events.map((event) => [event.id, event])).values()];
  if (unique.length === 0) return { fresh: 0, freshByType: {}, duplicates: 0, campaigns: new Set(), effects: 0 };
  const inserted = await tx.query<{ id: string }>(
    'INSERT INTO herald_events (id, type, heard_at) SELECT id, type, $3::bigint FROM unnest($1::text[], $2::text[]) AS k(id, type) ON CONFLICT (id) DO NOTHING RETURNING id',
    [unique.map((event) => event.id), unique.map((event) => event.type), heardAt],
  );
  const freshIds = new Set(inserted.rows.map((row) => row.id));
  const fresh = unique.filter((event) => freshIds.has(event.id));
  const facts: Fact[] = [];
  const of = <K extends HeardEvent['kind']>(kind: K) => fresh.filter((event): event is Extract<HeardEvent, { kind: K }> => event.kind === kind);

  const echoes = of('echo');
  if (echoes.length > 0) {
    await tx.query(
      `INSERT INTO herald_messages (message_id, campaign_id, recipient, conversation_id, sent_at)
       SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::bigint[]) ON CONFLICT (message_id) DO NOTHING`,
      [echoes.map((e) => e.messageId), echoes.map((e) => e.attribution.campaignId), echoes.map((e) => e.attribution.recipient), echoes.map((e) => e.conversationId ?? null), echoes.map((e) => e.at)],
    );
  }

  await deliveries(tx, [...of('delivered'), ...of('failed')], facts);
  if (echoes.length > 0) await heldForEchoes(tx, echoes, facts);
  await reads(tx, of('read'), facts);
  await replies(tx, of('reply'), facts);

  const effects = await storeFacts(tx, facts);
  const freshByType: Record<string, number> = {};
  for (const event of fresh) freshByType[event.type] = (freshByType[event.type] ?? 0) + 1;
  return { fresh: fresh.length, freshByType, duplicates: events.length - fresh.length, campaigns: new Set(facts.map((fact) => fact.campaignId)), effects };
}

type Delivery = Extract<HeardEvent, { kind: 'delivered' | 'failed' }>;

async function deliveries(tx: Queryable, events: readonly Delivery[], facts: Fact[]): Promise<void> {
  if (events.length === 0) return;
  const known = await messagesById(tx, events.map((event) => event.messageId));
  const held: Delivery[] = [];
  for (const event of events) {
    const attribution = known.get(event.messageId);
    if (attribution) facts.push(...deliveryFacts(attribution, event.kind, event.at, event.kind === 'failed' ? event.code : undefined));
    else held.push(event);
  }
  if (held.length === 0) return;
  await tx.query(
    'INSERT INTO herald_held (event_id, message_id, kind, at, code) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::text[]) ON CONFLICT (event_id) DO NOTHING',
    [held.map((e) => e.id), held.map((e) => e.messageId), held.map((e) => e.kind), held.map((e) => e.at), held.map((e) => (e.kind === 'failed' ? e.code : null))],
  );
}

/** A delivery event's facts: 131050 is also an opt-out (WhatsApp's "stopped receiving marketing messages"). */
function deliveryFacts(attribution: Attribution, kind: 'delivered' | 'failed', at: number, code: string | undefined): Fact[] {
  if (kind === 'delivered') return [{ ...attribution, event: { kind: 'delivered', at } }];
  const failure = code ?? 'unknown';
  const failed: Fact = { ...attribution, event: { kind: 'failed', at, code: failure } };
  if (failure === OPTED_OUT_CODE) return [failed, { ...attribution, event: { kind: 'opted-out', at }, effect: { kind: 'opt-out', code: failure } }];
  return [isHeardCode(failure) ? { ...failed, effect: { kind: 'heard', code: failure } } : failed];
}

/** Delivery events that waited for these echoes, and the reads of their conversations at or after them. */
async function heldForEchoes(tx: Queryable, echoes: ReadonlyArray<Extract<HeardEvent, { kind: 'echo' }>>, facts: Fact[]): Promise<void> {
  const byMessage = new Map(echoes.map((echo) => [echo.messageId, echo.attribution]));
  const held = await tx.query<{ message_id: string; kind: 'delivered' | 'failed'; at: number; code: string | null }>(
    'DELETE FROM herald_held WHERE message_id = ANY($1::text[]) RETURNING message_id, kind, at, code',
    [[...byMessage.keys()]],
  );
  for (const row of held.rows) {
    const attribution = byMessage.get(row.message_id);
    if (attribution) facts.push(...deliveryFacts(attribution, row.kind, Number(row.at), row.code ?? undefined));
  }
  const withConversation = echoes.filter((echo) => echo.conversationId !== undefined);
  if (withConversation.length === 0) return;
  const read = await tx.query<{ message_id: string; at: number }>(
    `SELECT k.m AS message_id, min(r.at) AS at FROM unnest($1::text[], $2::text[], $3::bigint[]) AS k(m, c, s)
     JOIN herald_reads r ON r.conversation_id = k.c AND r.at >= k.s GROUP BY k.m`,
    [withConversation.map((e) => e.messageId), withConversation.map((e) => e.conversationId), withConversation.map((e) => e.at)],
  );
  for (const row of read.rows) {
    const attribution = byMessage.get(row.message_id);
    if (attribution) facts.push({ ...attribution, event: { kind: 'read', at: Number(row.at) } });
  }
}

async function reads(tx: Queryable, events: ReadonlyArray<Extract<HeardEvent, { kind: 'read' }>>, facts: Fact[]): Promise<void> {
  if (events.length === 0) return;
  await tx.query('INSERT INTO herald_reads (event_id, conversation_id, at) SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[]) ON CONFLICT (event_id) DO NOTHING', [
    events.map((e) => e.id),
    events.map((e) => e.conversationId),
    events.map((e) => e.at),
  ]);
  // Each message of these conversations sent at or before a read: read at the earliest such read.
  const read = await tx.query<{ campaign_id: string; recipient: number; at: number }>(
    `SELECT m.campaign_id, m.recipient, min(k.at) AS at FROM unnest($1::text[], $2::bigint[]) AS k(c, at)
     JOIN herald_messages m ON m.conversation_id = k.c AND m.sent_at <= k.at GROUP BY m.campaign_id, m.recipient`,
    [events.map((e) => e.conversationId), events.map((e) => e.at)],
  );
  for (const row of read.rows) facts.push({ campaignId: row.campaign_id, recipient: row.recipient, event: { kind: 'read', at: Number(row.at) } });
}

async function replies(tx: Queryable, events: ReadonlyArray<Extract<HeardEvent, { kind: 'reply' }>>, facts: Fact[]): Promise<void> {
  if (events.length === 0) return;
  const attributed = new Map<string, Attribution>();
  for (const event of events) if (event.attribution) attributed.set(event.id, event.attribution);
  const fallback = events.filter((event) => !event.attribution && event.conversationId !== undefined);
  if (fallback.length > 0) {
    // No Herald message among `recentNotifications`: the conversation's latest Herald message of the last 7 days.
    const found = await tx.query<{ event_id: string; campaign_id: string; recipient: number }>(
      `SELECT k.e AS event_id, m.campaign_id, m.recipient FROM unnest($1::text[], $2::text[], $3::bigint[]) AS k(e, c, at)
       JOIN LATERAL (SELECT campaign_id, recipient FROM herald_messages WHERE conversation_id = k.c AND sent_at <= k.at AND sent_at >= k.at - $4::bigint
                     ORDER BY sent_at DESC LIMIT 1) m ON true`,
      [fallback.map((e) => e.id), fallback.map((e) => e.conversationId), fallback.map((e) => e.at), REPLY_FALLBACK_MS],
    );
    for (const row of found.rows) attributed.set(row.event_id, { campaignId: row.campaign_id, recipient: row.recipient });
  }
  const unattributed = events.filter((event) => !attributed.has(event.id));
  for (const event of events) {
    const attribution = attributed.get(event.id);
    if (!attribution) continue;
    const optOut = event.keyword === 'stop';
    const effect = event.keyword === 'stop' ? { kind: 'opt-out' as const } : event.keyword === 'start' ? { kind: 'opt-in' as const } : undefined;
    facts.push({ ...attribution, event: { kind: 'replied', at: event.at, ...(optOut ? { optOut } : {}) }, ...(effect ? { effect } : {}) });
  }
  await keepUnattributed(tx, unattributed);
}

async function keepUnattributed(tx: Queryable, events: ReadonlyArray<Extract<HeardEvent, { kind: 'reply' }>>): Promise<void> {
  if (events.length === 0) return;
  await tx.query('INSERT INTO herald_unattributed (event_id, type, conversation_id, at) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[]) ON CONFLICT (event_id) DO NOTHING', [
    events.map((e) => e.id),
    events.map((e) => e.type),
    events.map((e) => e.conversationId ?? null),
    events.map((e) => e.at),
  ]);
}

async function messagesById(tx: Queryable, ids: readonly string[]): Promise<Map<string, Attribution>> {
  const { rows } = await tx.query<{ message_id: string; campaign_id: string; recipient: number }>(
    'SELECT message_id, campaign_id, recipient FROM herald_messages WHERE message_id = ANY($1::text[])',
    [[...new Set(ids)]],
  );
  return new Map(rows.map((row) => [row.message_id, { campaignId: row.campaign_id, recipient: row.recipient }]));
}

/**
 * Each recipient's facts merged first (one row per recipient in the statement), then merged into
 * what is stored the same way: the earliest time of each fact, the earliest failure with its code.
 */
async function storeFacts(tx: Queryable, facts: readonly Fact[]): Promise<number> {
  if (facts.length === 0) return 0;
  const merged = new Map<string, { campaignId: string; recipient: number; delivery: RecipientDelivery; lastAt: number }>();
  for (const fact of facts) {
    const key = `${fact.recipient}:${fact.campaignId}`;
    const current = merged.get(key);
    merged.set(key, {
      campaignId: fact.campaignId,
      recipient: fact.recipient,
      delivery: applyDeliveryEvent(current?.delivery, fact.event),
      lastAt: Math.max(current?.lastAt ?? 0, fact.event.at),
    });
  }
  const rows = [...merged.values()];
  const column = (read: (row: (typeof rows)[number]) => unknown) => rows.map(read);
  // One sequence number for the whole batch (not one a row): the flusher only asks which rows changed after its last flush.
  const { rows: sequence } = await tx.query<{ seq: number }>("SELECT nextval('herald_delivery_seq') AS seq");
  await tx.query(
    `INSERT INTO herald_deliveries AS d (campaign_id, recipient, delivered_at, read_at, failed_at, code, replied_at, opted_out_at, last_heard_at, seq)
     SELECT k.*, $10::bigint FROM unnest($1::text[], $2::int[], $3::bigint[], $4::bigint[], $5::bigint[], $6::text[], $7::bigint[], $8::bigint[], $9::bigint[]) AS k
     ON CONFLICT (campaign_id, recipient) DO UPDATE SET
       delivered_at = LEAST(d.delivered_at, excluded.delivered_at),
       read_at = LEAST(d.read_at, excluded.read_at),
       failed_at = CASE WHEN ${EARLIER_FAILURE} THEN excluded.failed_at ELSE d.failed_at END,
       code = CASE WHEN ${EARLIER_FAILURE} THEN excluded.code ELSE d.code END,
       replied_at = LEAST(d.replied_at, excluded.replied_at),
       opted_out_at = LEAST(d.opted_out_at, excluded.opted_out_at),
       last_heard_at = GREATEST(d.last_heard_at, excluded.last_heard_at),
       seq = excluded.seq`,
    [
      column((row) => row.campaignId),
      column((row) => row.recipient),
      column((row) => row.delivery.deliveredAt ?? null),
      column((row) => row.delivery.readAt ?? null),
      column((row) => row.delivery.failedAt ?? null),
      column((row) => row.delivery.code ?? null),
      column((row) => row.delivery.repliedAt ?? null),
      column((row) => row.delivery.optedOutAt ?? null),
      column((row) => row.lastAt),
      Number(sequence[0]!.seq),
    ],
  );
  const lastByCampaign = new Map<string, number>();
  for (const row of rows) lastByCampaign.set(row.campaignId, Math.max(lastByCampaign.get(row.campaignId) ?? 0, row.lastAt));
  await tx.query(
    `INSERT INTO herald_campaign_changes AS c (campaign_id, seq, heard_at) SELECT k.campaign_id, $3::bigint, k.heard_at FROM unnest($1::text[], $2::bigint[]) AS k(campaign_id, heard_at)
     ON CONFLICT (campaign_id) DO UPDATE SET seq = excluded.seq, heard_at = GREATEST(c.heard_at, excluded.heard_at)`,
    [[...lastByCampaign.keys()], [...lastByCampaign.values()], Number(sequence[0]!.seq)],
  );
  const effects = facts.filter((fact): fact is Fact & Required<Pick<Fact, 'effect'>> => fact.effect !== undefined);
  if (effects.length > 0) {
    await tx.query('INSERT INTO herald_effects (kind, campaign_id, recipient, code, at) SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::bigint[])', [
      effects.map((fact) => fact.effect.kind),
      effects.map((fact) => fact.campaignId),
      effects.map((fact) => fact.recipient),
      effects.map((fact) => fact.effect.code ?? null),
      effects.map((fact) => fact.event.at),
    ]);
  }
  return effects.length;
}

/** The rule of core/delivery `applyDeliveryEvent` for two failures: the earlier, a tie to the smaller code. */
const EARLIER_FAILURE = `excluded.failed_at IS NOT NULL AND (d.failed_at IS NULL OR excluded.failed_at < d.failed_at
  OR (excluded.failed_at = d.failed_at AND excluded.code < COALESCE(d.code, '')))`;
