import { describe, expect, it } from 'vitest';
import { BOOT_KEYS, BOOT_MESSAGES } from '../../../src/ui/i18n/bootMessages';
import { SUPPORTED_LOCALES } from '../../../src/ui/i18n/locale';
import { createTranslator } from '../../../src/ui/i18n/messages';

describe('the start strings', () => {
  it('are the catalogues’ own strings, in every language', () => {
    for (const locale of SUPPORTED_LOCALES) {
      const t = createTranslator(locale);
      expect(Object.keys(BOOT_MESSAGES[locale]).sort(), locale).toEqual([...BOOT_KEYS].sort());
      for (const key of BOOT_KEYS) expect(BOOT_MESSAGES[locale][key], `${locale} ${key}`).toBe(t(key));
    }
  });
});
