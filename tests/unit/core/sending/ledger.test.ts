import { describe, expect, it } from 'vitest';
import { Ledger, LedgerTransitionError } from '../../../../src/core/sending/ledger';
import type { JournalEntry } from '../../../../src/core/sending/ports';

function sentLedger(size: number, sent: number[]): Ledger {
  const ledger = new Ledger(size);
  for (const index of sent) {
    ledger.markInflight(index);
    ledger.markSent(index, 1000 + index);
  }
  return ledger;
}

describe('Ledger transitions', () => {
  it('takes a recipient from pending through inflight to each final state, and counts them', () => {
    const ledger = new Ledger(5);
    ledger.markInflight(0);
    ledger.markSent(0, 1);
    ledger.markInflight(1);
    ledger.markFailed(1, 'whatsapp-131026', 2);
    ledger.markInflight(2);
    ledger.markSkipped(2, 'marketing-cap', 3);
    ledger.markInflight(3);
    ledger.markUnverified(3, 'timeout', 4);
    expect(ledger.counts()).toEqual({ pending: 1, inflight: 0, sent: 1, failed: 1, skipped: 1, unverified: 1 });
    expect(ledger.detail(1)).toEqual({ code: 'whatsapp-131026', at: 2 });
    expect(ledger.finished).toBe(false);
  });

  it('refuses every transition that could send twice or lose a recipient', () => {
    const ledger = sentLedger(3, [0]);
    expect(() => ledger.markInflight(0)).toThrow(LedgerTransitionError);
    expect(() => ledger.markSent(0, 5)).toThrow(LedgerTransitionError);
    expect(() => ledger.markSent(1, 5)).toThrow(LedgerTransitionError);
    expect(() => ledger.requeue(0)).toThrow(LedgerTransitionError);
    ledger.markInflight(1);
    expect(() => ledger.markInflight(1)).toThrow(LedgerTransitionError);
  });

  it('puts a refused send back in line, before the others', () => {
    const ledger = new Ledger(4);
    ledger.markInflight(0);
    ledger.markInflight(1);
    expect(ledger.nextPending()).toBe(2);
    ledger.requeue(0);
    expect(ledger.nextPending()).toBe(0);
    expect(ledger.lowestUnfinished()).toBe(0);
  });

  it('reopens unverified recipients only when asked, and skips the pending ones of a cancelled campaign', () => {
    const ledger = new Ledger(4);
    ledger.markInflight(0);
    ledger.markUnverified(0, 'timeout', 1);
    expect(ledger.nextPending()).toBe(1);
    expect(ledger.reopenUnverified()).toEqual([0]);
    expect(ledger.state(0)).toBe('pending');
    expect(ledger.skipAllPending(9)).toEqual([0, 1, 2, 3]);
    expect(ledger.counts().skipped).toBe(4);
    expect(ledger.detail(2)).toEqual({ code: 'cancelled', at: 9 });
    expect(ledger.finished).toBe(true);
  });

  it('never persists a recipient as in flight', () => {
    const ledger = sentLedger(3, [0]);
    ledger.markInflight(1);
    expect([...ledger.snapshot().states]).toEqual([2, 0, 0]);
  });
});

describe('Ledger.restore after a crash', () => {
  it('without a journal, marks every reserved recipient without a result unverified, and leaves the rest pending', () => {
    const saved = sentLedger(10, [0, 1]).snapshot();
    const { ledger, recovery } = Ledger.restore(saved, 6, undefined, 50);
    expect(recovery.unverified).toEqual([2, 3, 4, 5]);
    expect([2, 3, 4, 5].map((index) => ledger.state(index))).toEqual(['unverified', 'unverified', 'unverified', 'unverified']);
    expect(ledger.detail(2)).toEqual({ code: 'crash', at: 50 });
    expect([6, 7, 8, 9].map((index) => ledger.state(index))).toEqual(['pending', 'pending', 'pending', 'pending']);
    expect(ledger.count('sent')).toBe(2);
  });

  it('with this browser’s journal, recovers results, keeps the never-started pending, and only the in-flight unverified', () => {
    const saved = sentLedger(10, [0, 1]).snapshot();
    const journal = new Map<number, JournalEntry>([
      [2, { state: 'sent', detail: { at: 20 } }],
      [3, { state: 'failed', detail: { code: 'whatsapp-131026', at: 21 } }],
      [4, { state: 'inflight' }],
    ]);
    const { ledger, recovery } = Ledger.restore(saved, 6, journal, 50);
    expect(recovery).toEqual({ unverified: [4], fromJournal: [2, 3] });
    expect([2, 3, 4, 5].map((index) => ledger.state(index))).toEqual(['sent', 'failed', 'unverified', 'pending']);
    expect(ledger.detail(3)).toEqual({ code: 'whatsapp-131026', at: 21 });
  });

  it('keeps the final states it finds, whatever the journal says', () => {
    const saved = sentLedger(4, [0]).snapshot();
    const { ledger } = Ledger.restore(saved, 4, new Map([[0, { state: 'inflight' }]]), 50);
    expect(ledger.state(0)).toBe('sent');
  });
});
