import type { Locale } from '../i18n/locale';

const namers = new Map<Locale, Intl.DisplayNames>();

/** `FR` as the agent reads it: "France"; the code when unknown. */
export function regionName(code: string, locale: Locale): string {
  let namer = namers.get(locale);
  if (!namer) {
    namer = new Intl.DisplayNames([locale], { type: 'region' });
    namers.set(locale, namer);
  }
  try {
    return namer.of(code) ?? code;
  } catch {
    return code;
  }
}
