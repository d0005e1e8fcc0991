import { describe, expect, it } from 'vitest';
import { ErrorBurstDetector, type AttemptOutcome } from '../../../../src/core/sending/errorBurst';

function record(detector: ErrorBurstDetector, outcome: AttemptOutcome, times: number): void {
  for (let attempt = 0; attempt < times; attempt += 1) detector.record(outcome);
}

describe('ErrorBurstDetector', () => {
  it('trips at the 21st failure, even before 100 attempts', () => {
    const detector = new ErrorBurstDetector();
    record(detector, 'failure', 20);
    expect(detector.tripped).toBe(false);
    detector.record('failure');
    expect(detector.tripped).toBe(true);
    expect(detector.attempts).toBe(21);
  });

  it('does not trip on 20 failures among 100 attempts, whatever their order', () => {
    const detector = new ErrorBurstDetector();
    for (let attempt = 0; attempt < 500; attempt += 1) {
      detector.record(attempt % 5 === 0 ? 'failure' : 'ok');
      expect(detector.tripped).toBe(false);
    }
    expect(detector.failures).toBe(20);
  });

  it('looks at the last 100 attempts only: old failures leave the window', () => {
    const detector = new ErrorBurstDetector();
    record(detector, 'failure', 20);
    record(detector, 'ok', 80);
    detector.record('failure');
    // The first failure just left: still 20 in the window.
    expect(detector.failures).toBe(20);
    expect(detector.tripped).toBe(false);
    record(detector, 'ok', 19);
    record(detector, 'failure', 20);
    expect(detector.failures).toBe(21);
    expect(detector.tripped).toBe(true);
  });

  it('counts neutral outcomes (skips) as attempts but not as failures', () => {
    const detector = new ErrorBurstDetector();
    record(detector, 'neutral', 1000);
    expect(detector.tripped).toBe(false);
    record(detector, 'failure', 20);
    record(detector, 'neutral', 80);
    expect(detector.failures).toBe(20);
    detector.record('failure');
    expect(detector.failures).toBe(20);
    expect(detector.tripped).toBe(false);
  });

  it('starts afresh after reset (a campaign resumed after an error-burst pause)', () => {
    const detector = new ErrorBurstDetector();
    record(detector, 'failure', 30);
    expect(detector.tripped).toBe(true);
    detector.reset();
    expect(detector.tripped).toBe(false);
    expect(detector.attempts).toBe(0);
    record(detector, 'failure', 20);
    expect(detector.tripped).toBe(false);
  });

  it('takes another window and threshold', () => {
    const detector = new ErrorBurstDetector({ window: 10, maxFailures: 2 });
    record(detector, 'failure', 2);
    record(detector, 'ok', 8);
    detector.record('failure');
    expect(detector.tripped).toBe(false);
    detector.record('failure');
    expect(detector.tripped).toBe(false);
    detector.record('failure');
    expect(detector.tripped).toBe(true);
    expect(() => new ErrorBurstDetector({ window: 10, maxFailures: 10 })).toThrow(RangeError);
    expect(() => new ErrorBurstDetector({ window: 0 })).toThrow(RangeError);
  });
});
