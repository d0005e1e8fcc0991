/**
 * Deterministic identifiers, so that two emulators with the same seed answer the same ids
 * (the sandbox can be restarted, tests can be replayed).
 */

/** Seeded integrations: fixed 24-hex record ids, ascending in seed order like MongoDB ObjectIds. */
const SEEDED_INTEGRATION_PREFIX = '65a1f0c2e4b0a1d2c3e4';
/** Integrations added later: a higher prefix keeps them after the seeded ones in id order. */
const ADDED_INTEGRATION_PREFIX = '65a1f0c2e4b0a1d2c3e5';

export function seededIntegrationId(index: number): string {
  return SEEDED_INTEGRATION_PREFIX + index.toString(16).padStart(4, '0');
}

export function addedIntegrationId(index: number): string {
  return ADDED_INTEGRATION_PREFIX + index.toString(16).padStart(4, '0');
}

/** Seeded webhook ids live in their own range so they never collide with integration ids. */
export function webhookId(index: number): string {
  return '65a1f0c2e4b0a1d2c3e6' + index.toString(16).padStart(4, '0');
}

export class IdSequence {
  private next: number;

  constructor(start = 1) {
    this.next = start;
  }

  take(): number {
    return this.next++;
  }
}

/** Meta template ids are decimal strings of 15 or 16 digits (`642365629708930`). */
export function templateId(sequence: number): string {
  return String(1_184_220_000_000_000 + sequence);
}

/** The notification `_id` is a UUID (NotificationResponse.yaml): version 4 layout, app and counter inside. */
export function notificationId(appId: string, sequence: number): string {
  const app = appId.replace(/[^0-9a-f]/g, '').padEnd(12, '0').slice(0, 12);
  const counter = sequence.toString(16).padStart(18, '0');
  return `${app.slice(0, 8)}-${app.slice(8, 12)}-4${counter.slice(0, 3)}-8${counter.slice(3, 6)}-${counter.slice(6, 18)}`;
}

/** Kinds of v2 record the conversations hold, each in its own id range. */
export const V2_ID_KINDS = { user: 0x1, client: 0x2, conversation: 0x3, message: 0x4, event: 0x5, externalMessage: 0x6 } as const;

/** A 24-hex id like SunCo's ObjectIds: a fixed stem, the kind, then the sequence. */
export function v2Id(kind: keyof typeof V2_ID_KINDS, sequence: number): string {
  return '6a7c' + V2_ID_KINDS[kind].toString(16).padStart(4, '0') + sequence.toString(16).padStart(16, '0');
}
