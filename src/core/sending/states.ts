/**
 * A recipient's life in a campaign. `inflight` is only ever in memory (and in the local journal):
 * a recipient found `inflight` after a crash, or reserved without a result, becomes `unverified`,
 * because its send may or may not have been accepted. Nothing is re-sent from `unverified` unless
 * the user chooses to.
 */
export const RECIPIENT_STATES = ['pending', 'inflight', 'sent', 'failed', 'skipped', 'unverified'] as const;
export type RecipientState = (typeof RECIPIENT_STATES)[number];

export const TERMINAL_STATES: ReadonlySet<RecipientState> = new Set(['sent', 'failed', 'skipped', 'unverified']);

/** Why a recipient was skipped: never retried, never counted as a failure of the channel. */
export const SKIP_REASONS = ['marketing-cap', 'opted-out', 'cancelled'] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

/** Why a recipient is unverified: its send may have been accepted, nobody knows. */
export const UNVERIFIED_CAUSES = ['crash', 'timeout', 'connection-lost'] as const;
export type UnverifiedCause = (typeof UNVERIFIED_CAUSES)[number];

/**
 * The detail of a finished recipient: `code` is the failure code (`whatsapp-131026`, `invalid-number`,
 * `http-400`, `retries-exhausted`…), the skip reason or the unverified cause; `at` when it happened
 * (ms since epoch).
 */
export interface RecipientDetail {
  code?: string;
  at?: number;
}

/** The ledger as it is persisted: one state per recipient (index = position in the frozen audience). */
export interface LedgerSnapshot {
  size: number;
  /** `RECIPIENT_STATES` indexes, one byte per recipient. */
  states: Uint8Array;
  details: ReadonlyMap<number, RecipientDetail>;
}

export function stateCode(state: RecipientState): number {
  return RECIPIENT_STATES.indexOf(state);
}

export function stateOf(code: number): RecipientState {
  const state = RECIPIENT_STATES[code];
  if (!state) throw new RangeError(`Unknown recipient state code ${code}`);
  return state;
}
