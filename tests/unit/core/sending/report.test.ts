import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../../src/core/sending/report';
import { stateCode, type LedgerSnapshot, type RecipientDetail, type RecipientState } from '../../../../src/core/sending/states';

function ledgerOf(entries: Array<[RecipientState, string?]>): LedgerSnapshot {
  const details = new Map<number, RecipientDetail>();
  entries.forEach(([, code], index) => {
    if (code !== undefined) details.set(index, { code, at: 1000 + index });
  });
  return { size: entries.length, states: Uint8Array.from(entries.map(([state]) => stateCode(state))), details };
}

describe('buildReport', () => {
  const ledger = ledgerOf([
    ['sent'],
    ['sent'],
    ['sent'],
    ['sent'],
    ['failed', 'whatsapp-131026'],
    ['failed', 'invalid-number'],
    ['failed', 'whatsapp-131026'],
    ['failed', 'retries-exhausted'],
    ['skipped', 'opted-out'],
    ['skipped', 'marketing-cap'],
    ['skipped', 'marketing-cap'],
    ['unverified', 'timeout'],
    ['unverified', 'crash'],
  ]);

  it('counts every state, failures by code and skips by reason, most first', () => {
    const report = buildReport({ ledger, startedAt: 0, finishedAt: 2_000, outcome: 'completed' });
    expect(report.counts).toEqual({ pending: 0, inflight: 0, sent: 4, failed: 4, skipped: 3, unverified: 2 });
    expect(report.total).toBe(13);
    expect(report.failures).toEqual([
      { code: 'whatsapp-131026', count: 2 },
      { code: 'invalid-number', count: 1 },
      { code: 'retries-exhausted', count: 1 },
    ]);
    expect(report.skips).toEqual([
      { reason: 'marketing-cap', count: 2 },
      { reason: 'opted-out', count: 1 },
    ]);
    expect(report.unverified).toBe(2);
    expect(report.unverifiedByCause).toEqual([
      { cause: 'crash', count: 1 },
      { cause: 'timeout', count: 1 },
    ]);
    expect(report.outcome).toBe('completed');
    expect(report).not.toHaveProperty('pauseReason');
  });

  it('gives the duration and the average rate of what reached the API', () => {
    const report = buildReport({ ledger, startedAt: 10_000, finishedAt: 12_000, outcome: 'completed' });
    expect(report.durationMs).toBe(2_000);
    expect(report.attempted).toBe(13);
    expect(report.averageRate).toBe(6.5);
  });

  it('does not count cancelled recipients as attempts, and keeps pending ones of a paused run', () => {
    const cancelled = buildReport({
      ledger: ledgerOf([['sent'], ['skipped', 'cancelled'], ['skipped', 'cancelled'], ['skipped', 'opted-out']]),
      startedAt: 0,
      finishedAt: 1_000,
      outcome: 'cancelled',
    });
    expect(cancelled.attempted).toBe(2);
    expect(cancelled.skips).toEqual([
      { reason: 'cancelled', count: 2 },
      { reason: 'opted-out', count: 1 },
    ]);

    const paused = buildReport({ ledger: ledgerOf([['sent'], ['pending'], ['pending']]), startedAt: 0, finishedAt: 0, outcome: 'paused', pauseReason: 'template-paused' });
    expect(paused).toMatchObject({ outcome: 'paused', pauseReason: 'template-paused', durationMs: 0, averageRate: undefined });
    expect(paused.counts.pending).toBe(2);
  });

  it('counts a finished recipient without detail under "unknown" rather than losing it', () => {
    const report = buildReport({ ledger: ledgerOf([['failed']]), startedAt: 0, finishedAt: 1, outcome: 'completed' });
    expect(report.failures).toEqual([{ code: 'unknown', count: 1 }]);
  });
});
