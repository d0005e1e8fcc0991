import { describe, expect, it } from 'vitest';
import { estimateDuration } from '../../../src/core/campaign/duration';
import { formatMinimumDuration } from '../../../src/ui/audiences/formatDuration';
import { createTranslator } from '../../../src/ui/i18n/messages';

describe('the sending time a plan shows', () => {
  it('says it is a minimum, in English and in French (rate limits, retries and quiet hours only lengthen it)', () => {
    const seconds = estimateDuration(300_000, 8).seconds;
    expect(formatMinimumDuration(seconds, createTranslator('en'))).toBe('at least 10 h 32 min');
    expect(formatMinimumDuration(seconds, createTranslator('fr'))).toBe('au moins 10 h 32 min');
    expect(formatMinimumDuration(estimateDuration(387, 40).seconds, createTranslator('en'))).toBe('at least 10 s');
  });
});
