import { createHeraldService, type HeraldService, type HeraldServiceOptions } from '../../service/heraldService';
import { MemoryPorts, staticSettings } from '../../service/memoryPorts';
import type { ServiceSettings } from '../../service/ports';
import { PGlite } from '@electric-sql/pglite';
import { migrate } from '../../service/store/migrations';
import { pgliteDatabase } from '../../service/store/pgliteDatabase';
import type { Database } from '../../service/store/database';

/** A Herald service on PGlite in memory, its ports in memory, its clock moved by the test, its log captured. */

export const SECRET = 'whsec-test-8564b3e6a8b20a4bdb68b05ce9bc5936';
export const T0 = Date.parse('2026-12-03T10:00:00.000Z');

export interface ServiceUnderTest {
  service: HeraldService;
  ports: MemoryPorts;
  db: Database;
  clock: { now: number };
  logs: string[];
  post(events: unknown[], headers?: Record<string, string>): Promise<{ statusCode: number; body: string }>;
  close(): Promise<void>;
}

/**
 * One migrated PGlite per test file (starting one takes seconds on a busy machine), emptied for
 * each test. Call `warmUp` in a `beforeAll` with a generous timeout.
 */
let shared: Promise<Database> | undefined;
export function warmUp(): Promise<Database> {
  shared ??= (async () => {
    const db = pgliteDatabase(new PGlite());
    await migrate(db);
    return db;
  })();
  return shared;
}

async function freshDatabase(): Promise<Database> {
  const db = await warmUp();
  const { rows } = await db.query<{ tablename: string }>("SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename LIKE 'herald_%' AND tablename <> 'herald_migrations'");
  await db.exec(`TRUNCATE ${rows.map((row) => row.tablename).join(', ')} RESTART IDENTITY; ALTER SEQUENCE herald_delivery_seq RESTART`);
  return db;
}

export async function serviceUnderTest(settings: Partial<ServiceSettings> = {}, db?: Database, options: Pick<HeraldServiceOptions, 'metricsToken'> = {}): Promise<ServiceUnderTest> {
  const database = db ?? (await freshDatabase());
  const ports = new MemoryPorts();
  const clock = { now: T0 };
  const logs: string[] = [];
  const service = await createHeraldService({
    db: database,
    ports,
    settings: staticSettings(settings),
    webhookSecret: SECRET,
    now: () => clock.now,
    logLevel: 'debug',
    logStream: { write: (line) => void logs.push(line) },
    ...options,
  });
  return {
    service,
    ports,
    db: database,
    clock,
    logs,
    async post(events, headers = { 'x-api-key': SECRET }) {
      const response = await service.app.inject({ method: 'POST', url: '/webhooks/sunshine', headers, payload: { app: { id: 'app_1' }, webhook: { id: 'wh_1', version: 'v2' }, events } });
      return { statusCode: response.statusCode, body: response.body };
    },
    async close() {
      await service.app.close();
    },
  };
}

let counter = 0;
const iso = (at: number) => new Date(at).toISOString();
const nextId = () => `evt_${(counter += 1)}`;

/** Sunshine's echo of a Herald notification (business conversation:message with Herald's metadata). */
export function echo(messageId: string, conversationId: string, campaign: string, recipient: number, at: number, id = nextId()) {
  return {
    id,
    type: 'conversation:message',
    createdAt: iso(at),
    payload: {
      conversation: { id: conversationId, type: 'personal' },
      message: { id: messageId, received: iso(at), author: { type: 'business', displayName: 'Herald' }, content: { type: 'template' }, source: { type: 'notification' }, metadata: { herald_campaign: campaign, herald_recipient: recipient } },
    },
  };
}

export function delivered(messageId: string, conversationId: string, at: number, id = nextId()) {
  return { id, type: 'conversation:message:delivery:user', createdAt: iso(at), payload: { conversation: { id: conversationId }, message: { id: messageId }, destination: { type: 'whatsapp' }, isFinalEvent: true } };
}

export function failed(messageId: string, conversationId: string, code: string, at: number, id = nextId()) {
  return {
    id,
    type: 'conversation:message:delivery:failure',
    createdAt: iso(at),
    payload: { conversation: { id: conversationId }, message: { id: messageId }, destination: { type: 'whatsapp' }, error: { code, message: 'Message failed to send' }, isFinalEvent: true },
  };
}

export function read(conversationId: string, at: number, id = nextId()) {
  return { id, type: 'conversation:read', createdAt: iso(at), payload: { conversation: { id: conversationId }, activity: { type: 'conversation:read', author: { type: 'user' } } } };
}

export function reply(conversationId: string, text: string, at: number, recent: Array<{ campaign: string; recipient: number; at: number }> = [], id = nextId()) {
  return {
    id,
    type: 'conversation:message',
    createdAt: iso(at),
    payload: {
      conversation: { id: conversationId },
      message: { id: `msg_${id}`, received: iso(at), author: { type: 'user', userId: 'u1', user: { profile: { givenName: 'Ana' } } }, content: { type: 'text', text } },
      recentNotifications: recent.map((notification, index) => ({
        id: `notif_${id}_${index}`,
        received: iso(notification.at),
        author: { type: 'business' },
        content: { type: 'template' },
        metadata: { herald_campaign: notification.campaign, herald_recipient: notification.recipient },
      })),
    },
  };
}
