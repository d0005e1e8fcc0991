import type { StopReason } from './errorPolicy';
import { RECIPIENT_STATES, stateOf, type LedgerSnapshot, type RecipientState } from './states';

/**
 * The end-of-run report: every recipient counted once, by outcome, with the reasons behind the
 * failures, skips and unknowns, so that the marketer sees what happened to each group and what
 * can be done about it (retry the failed, re-send the unverified, leave the skipped).
 */
export interface SendReport {
  outcome: 'completed' | 'cancelled' | 'paused';
  /** Why the run paused, when it paused itself. */
  pauseReason?: StopReason;
  startedAt: number;
  finishedAt: number;
  durationMs: number;
  total: number;
  counts: Readonly<Record<RecipientState, number>>;
  /** Failed recipients by failure code (`whatsapp-131026`, `invalid-number`, `retries-exhausted`…), most first. */
  failures: ReadonlyArray<{ code: string; count: number }>;
  /** Skipped recipients by reason (`marketing-cap`, `opted-out`, `cancelled`), most first. */
  skips: ReadonlyArray<{ reason: string; count: number }>;
  /** Recipients whose send may or may not have been accepted: the user decides whether to re-send them. */
  unverified: number;
  unverifiedByCause: ReadonlyArray<{ cause: string; count: number }>;
  /** Recipients that reached the API (sent, failed, unverified, skipped by WhatsApp, not cancelled). */
  attempted: number;
  /** `attempted` per second of the run; undefined for a run of no duration. */
  averageRate: number | undefined;
}

export interface ReportInput {
  ledger: LedgerSnapshot;
  startedAt: number;
  finishedAt: number;
  outcome: SendReport['outcome'];
  pauseReason?: StopReason;
}

/** Code of a finished recipient whose ledger has no detail: never expected, counted rather than lost. */
const NO_CODE = 'unknown';

export function buildReport(input: ReportInput): SendReport {
  const { ledger } = input;
  const counts = Object.fromEntries(RECIPIENT_STATES.map((state) => [state, 0])) as Record<RecipientState, number>;
  const failures = new Map<string, number>();
  const skips = new Map<string, number>();
  const unverified = new Map<string, number>();
  for (let index = 0; index < ledger.size; index += 1) {
    const state = stateOf(ledger.states[index] ?? 0);
    counts[state] += 1;
    const byCode = state === 'failed' ? failures : state === 'skipped' ? skips : state === 'unverified' ? unverified : undefined;
    if (byCode) {
      const code = ledger.details.get(index)?.code ?? NO_CODE;
      byCode.set(code, (byCode.get(code) ?? 0) + 1);
    }
  }
  const cancelled = skips.get('cancelled') ?? 0;
  const attempted = counts.sent + counts.failed + counts.unverified + counts.skipped - cancelled;
  const durationMs = Math.max(0, input.finishedAt - input.startedAt);
  const report: SendReport = {
    outcome: input.outcome,
    startedAt: input.startedAt,
    finishedAt: input.finishedAt,
    durationMs,
    total: ledger.size,
    counts,
    failures: ranked(failures).map(([code, count]) => ({ code, count })),
    skips: ranked(skips).map(([reason, count]) => ({ reason, count })),
    unverified: counts.unverified,
    unverifiedByCause: ranked(unverified).map(([cause, count]) => ({ cause, count })),
    attempted,
    averageRate: durationMs > 0 ? (attempted * 1000) / durationMs : undefined,
  };
  if (input.pauseReason !== undefined) report.pauseReason = input.pauseReason;
  return report;
}

/** Most first, then by name: the same report reads the same every time. */
function ranked(counts: Map<string, number>): Array<[string, number]> {
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}
