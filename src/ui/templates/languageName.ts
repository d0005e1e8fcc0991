import { toBcp47 } from '../../core/template/languages';
import type { Locale } from '../i18n/locale';

const namers = new Map<Locale, Intl.DisplayNames>();

/** `pt_BR` as the agent reads it: "Portuguese (Brazil)" / "portugais (Brésil)"; the code when unknown. */
export function languageName(code: string, locale: Locale): string {
  let namer = namers.get(locale);
  if (!namer) {
    namer = new Intl.DisplayNames([locale], { type: 'language' });
    namers.set(locale, namer);
  }
  try {
    return namer.of(toBcp47(code)) ?? code;
  } catch {
    return code;
  }
}
