import { z } from 'zod/mini';
import type { Transport } from '../api/transport/types';
import { CustomObjectRecordsClient } from '../api/zendesk/customObjects';
import { CAMPAIGN_CHUNK_OBJECT } from './heraldObjects';
import { onHeraldObject } from './objectGuard';
import { RecordAccess } from './recordAccess';

/**
 * Who sent which test message, when, with which template, to which number (masked: never the
 * whole number). One record per agent and UTC day in Herald's chunk object (kind `test_sends`), a
 * JSON list: a day holds at most the daily cap of entries, far below a record's 32 KB.
 */

export const TEST_SEND_PLACES = ['settings', 'wizard', 'ticket'] as const;
export type TestSendPlace = (typeof TEST_SEND_PLACES)[number];

export interface TestSendEntry {
  /** Tells two sends of the same instant apart. */
  id: string;
  at: number;
  agentId: number;
  agentName: string;
  /** Masked (core/phone/maskPhone.ts). */
  phone: string;
  template: string;
  language: string;
  channel: 'whatsapp' | 'sms';
  place: TestSendPlace;
  /** `sending` until the answer came; then the outcome's kind (sent, failed…). */
  outcome: string;
}

const entrySchema: z.ZodMiniType<TestSendEntry> = z.object({
  id: z.string(),
  at: z.number(),
  agentId: z.number(),
  agentName: z.string(),
  phone: z.string(),
  template: z.string(),
  language: z.string(),
  channel: z.enum(['whatsapp', 'sms']),
  place: z.enum(TEST_SEND_PLACES),
  outcome: z.string(),
});

const DAY_MS = 24 * 3_600_000;
const KIND = 'test_sends';

export class TestSendLog {
  private readonly records: CustomObjectRecordsClient;
  private readonly access: RecordAccess;

  constructor(transport: Transport) {
    this.records = new CustomObjectRecordsClient(transport, CAMPAIGN_CHUNK_OBJECT.key);
    this.access = new RecordAccess(transport, CAMPAIGN_CHUNK_OBJECT.key);
  }

  /** The agent's test sends of the last day (today's and yesterday's records, one request). */
  async recent(agentId: number, now: number): Promise<TestSendEntry[]> {
    const days = [dayOf(now - DAY_MS), dayOf(now)];
    const records = await onHeraldObject(CAMPAIGN_CHUNK_OBJECT.key, () => this.access.byExternalIds(days.map((day) => externalId(agentId, day))));
    return records.flatMap((record) => entriesOf(record.custom_object_fields?.data)).filter((entry) => entry.at > now - DAY_MS);
  }

  /**
   * Adds the entry to its day, or replaces the one with its id (the outcome once it is known). Read, then write: two tabs of one agent writing in the same instant may keep only one.
   */
  async record(entry: TestSendEntry): Promise<void> {
    const day = dayOf(entry.at);
    const id = externalId(entry.agentId, day);
    const [record] = await onHeraldObject(CAMPAIGN_CHUNK_OBJECT.key, () => this.access.byExternalIds([id]));
    const entries = entriesOf(record?.custom_object_fields?.data).filter((known) => known.id !== entry.id);
    entries.push(entry);
    entries.sort((a, b) => a.at - b.at);
    await onHeraldObject(CAMPAIGN_CHUNK_OBJECT.key, () =>
      this.records.upsertByExternalId(id, { name: id, fields: { campaign_id: null, kind: KIND, chunk: day, data: JSON.stringify(entries) } }),
    );
  }
}

function dayOf(at: number): number {
  return Math.floor(at / DAY_MS);
}

function externalId(agentId: number, day: number): string {
  return `${KIND}:${agentId}:${day}`;
}

function entriesOf(data: unknown): TestSendEntry[] {
  if (typeof data !== 'string') return [];
  try {
    const parsed = z.array(entrySchema).safeParse(JSON.parse(data));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}
