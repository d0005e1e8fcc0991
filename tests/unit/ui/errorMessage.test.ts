import { describe, expect, it } from 'vitest';
import { ContactListCsvError, TestSendRefusedError, type TestSendRefusal } from '../../../src/app/errors';
import { errorMessage } from '../../../src/ui/components/errorMessage';
import { createTranslator } from '../../../src/ui/i18n/messages';

const REFUSALS: TestSendRefusal[] = ['invalid-phone', 'blocked', 'opted-out', 'card-number', 'too-many-per-minute', 'too-many-per-day'];

describe('errorMessage', () => {
  for (const locale of ['en', 'fr'] as const) {
    const t = createTranslator(locale);
    const formatTime = (at: number) => new Date(at).toISOString();

    it(`says every test-send refusal as a sentence, in ${locale}`, () => {
      for (const reason of REFUSALS) {
        const { message } = errorMessage(t, new TestSendRefusedError(reason, Date.now() + 30_000), formatTime);
        expect(message, reason).not.toMatch(/errors\.|\{\{/);
        expect(message.length, reason).toBeGreaterThan(30);
      }
      expect(errorMessage(t, new TestSendRefusedError('too-many-per-minute', Date.now() + 30_000), formatTime).message).toMatch(/\b5\b.*\b30\b/);
    });

    it(`says what is wrong with a list file, in ${locale}`, () => {
      for (const problem of ['not-text', 'too-large', 'too-many-rows', 'empty', 'no-identifier-column', 'unclosed-quote'] as const) {
        const { message } = errorMessage(t, new ContactListCsvError(problem, 'nom;courriel'), formatTime);
        expect(message, problem).not.toMatch(/errors\.|\{\{/);
      }
      expect(errorMessage(t, new ContactListCsvError('no-identifier-column', 'nom;courriel'), formatTime).message).toContain('nom;courriel');
    });
  }
});
