import type { ApiClock } from '../../core/time/clock';

/** The vocabulary of an audience export (see exportSearch.ts, which re-exports all of it). */

/** Real time by default; tests pass one whose `sleep` moves the emulator's clock. */
export type ExportClock = ApiClock;

export type ExportPhase = 'reading' | 'waiting' | 'retrying' | 'restarting';

export interface ExportProgress {
  /** Distinct users yielded so far. */
  users: number;
  /** Pages read, including those read again after a restart. */
  pages: number;
  elapsedMs: number;
  usersPerSecond: number;
  /** Times the export started over because its cursor expired (or was about to). */
  restarts: number;
  phase: ExportPhase;
  /** While waiting or retrying: when the next request goes (clock time, ms). */
  resumesAt?: number;
}

export interface ExportOptions {
  /** Users per page, 1 to 1000 (default 1000, the endpoint's maximum). */
  pageSize?: number;
  signal?: AbortSignal;
  onProgress?: (progress: ExportProgress) => void;
  clock?: ExportClock;
  /** The account's export limit (default 100 a minute, as documented). */
  requestsPerMinute?: number;
  /** A cursor older than this is not used: the export starts over (default 55 min; they expire at 60). */
  maxCursorAgeMs?: number;
  /** Custom user fields to keep on each user; the others are dropped (default none). */
  userFieldKeys?: readonly string[];
  /** Tries per page on server errors, network errors and timeouts, the first included (default 5). */
  maxAttempts?: number;
}

export class ExportCancelledError extends Error {
  override name = 'ExportCancelledError';

  constructor() {
    super('The audience export was cancelled');
  }
}

/** The cursor kept expiring before the export got past the users it had already read. */
export class ExportRestartsExhaustedError extends Error {
  override name = 'ExportRestartsExhaustedError';

  constructor(readonly restarts: number) {
    super(`The audience export lost its cursor ${restarts} times in a row without reaching new users`);
  }
}
