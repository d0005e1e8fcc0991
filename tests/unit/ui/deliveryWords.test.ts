import { describe, expect, it } from 'vitest';
import { LATER_FAILURE_KINDS } from '../../../src/core/delivery/laterFailures';
import { DELIVERY_STATES } from '../../../src/core/delivery/deliveryState';
import { deliveryWord, laterFailureWords, shareWords } from '../../../src/ui/campaigns/deliveryWords';
import { createTranslator } from '../../../src/ui/i18n/messages';

const en = createTranslator('en');
const fr = createTranslator('fr');

describe('what the Herald service heard, in words', () => {
  it('names every delivery state, the accepted ones as accepted by Sunshine, in English and French', () => {
    expect(DELIVERY_STATES.map((state) => deliveryWord(en, state))).toEqual(['Accepted by Sunshine', 'Delivered', 'Read', 'Failed later']);
    expect(DELIVERY_STATES.map((state) => deliveryWord(fr, state))).toEqual(['Accepté par Sunshine', 'Distribué', 'Lu', 'Échec après acceptation']);
  });

  it('says what a later failure means with its code, and an unknown code as unknown, never as an id alone', () => {
    expect(laterFailureWords(en, '131026')).toMatch(/^Not on WhatsApp: .* \(code 131026\)$/);
    expect(laterFailureWords(fr, '131049')).toMatch(/^La limite de Meta .* après 24 heures\. \(code 131049\)$/);
    expect(laterFailureWords(en, '424242')).toMatch(/^WhatsApp reported a failure Herald does not know: .* \(code 424242\)$/);
    // Every kind has its own sentence, distinct in each language.
    for (const translate of [en, fr]) {
      const sentences = new Set(LATER_FAILURE_KINDS.map((kind) => translate(`delivery.failure.${kind}`)));
      expect(sentences.size).toBe(LATER_FAILURE_KINDS.length);
    }
  });

  it('gives shares as percentages in each language, a tenth kept below 1 %', () => {
    expect(shareWords('en', 0.75)).toBe('75%');
    expect(shareWords('fr', 0.75)).toMatch(/^75[\u00a0\u202f]%$/);
    expect(shareWords('en', 0.004)).toBe('0.4%');
    expect(shareWords('en', 0)).toBe('0%');
  });
});
