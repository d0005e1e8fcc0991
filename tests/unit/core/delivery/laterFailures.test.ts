import { describe, expect, it } from 'vitest';
import { laterFailureMeaning, retryableLater } from '../../../../src/core/delivery/laterFailures';

const HOUR = 60 * 60 * 1000;

describe('failures the channel reports later', () => {
  it('never retries a number that is not on WhatsApp or that opted out', () => {
    expect(retryableLater('131026', 0, 100 * HOUR)).toBe(false);
    expect(retryableLater('131050', 0, 100 * HOUR)).toBe(false);
  });

  it('retries the marketing limit only a day later', () => {
    expect(retryableLater('131049', 0, 23 * HOUR)).toBe(false);
    expect(retryableLater('131049', 0, 24 * HOUR)).toBe(true);
  });

  it('names a paused template as a problem of the campaign, and an unknown code as unknown', () => {
    expect(laterFailureMeaning('132015')).toMatchObject({ meaning: 'template-paused', campaignProblem: true });
    expect(laterFailureMeaning('999999')).toEqual({ meaning: 'unknown', retry: 'never', campaignProblem: false });
  });
});
