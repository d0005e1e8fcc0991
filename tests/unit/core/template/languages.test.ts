import { describe, expect, it } from 'vitest';
import { WHATSAPP_LANGUAGES, isWhatsAppLanguage, toBcp47, whatsAppLanguageFor } from '../../../../src/core/template/languages';

describe('WhatsApp languages', () => {
  it("holds Meta's codes, regional variants included, once each", () => {
    for (const code of ['en', 'en_US', 'en_GB', 'fr', 'pt_BR', 'pt_PT', 'es', 'es_MX', 'de', 'it', 'nl', 'ar', 'zh_CN', 'zh_TW', 'fil', 'fr_CA']) {
      expect(isWhatsAppLanguage(code), code).toBe(true);
    }
    expect(new Set(WHATSAPP_LANGUAGES).size).toBe(WHATSAPP_LANGUAGES.length);
    for (const code of WHATSAPP_LANGUAGES) expect(code).toMatch(/^[a-z]{2,3}(_[A-Z]{2})?$/);
  });

  it('refuses BCP 47 tags, wrong case and unknown codes', () => {
    for (const code of ['pt-BR', 'en_us', 'EN', 'pt', 'xx', '']) expect(isWhatsAppLanguage(code), code).toBe(false);
  });

  it('gives the BCP 47 tag Intl.DisplayNames names', () => {
    expect(toBcp47('pt_BR')).toBe('pt-BR');
    expect(toBcp47('fr')).toBe('fr');
    expect(new Intl.DisplayNames('en', { type: 'language' }).of(toBcp47('pt_BR'))).toBe('Brazilian Portuguese');
    for (const code of WHATSAPP_LANGUAGES) expect(() => new Intl.DisplayNames('en', { type: 'language' }).of(toBcp47(code)), code).not.toThrow();
  });

  it('finds the closest WhatsApp code for a locale', () => {
    expect(whatsAppLanguageFor('fr-CA')).toBe('fr_CA');
    expect(whatsAppLanguageFor('fr-LU')).toBe('fr');
    expect(whatsAppLanguageFor('en-us')).toBe('en_US');
    expect(whatsAppLanguageFor('pt')).toBe('pt_BR');
    expect(whatsAppLanguageFor('zh-Hant-TW')).toBe('zh_TW');
    expect(whatsAppLanguageFor('tlh')).toBeUndefined();
    expect(whatsAppLanguageFor('constructor')).toBeUndefined();
  });
});
