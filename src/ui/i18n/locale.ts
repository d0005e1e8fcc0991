export const SUPPORTED_LOCALES = ['en', 'fr'] as const;
export type Locale = (typeof SUPPORTED_LOCALES)[number];

/** The agent's Zendesk locale (`fr`, `fr-CA`, `en-US`…) reduced to one we translate, English otherwise. */
export function resolveLocale(tag: string | null | undefined): Locale {
  const language = (tag ?? '').toLowerCase().split(/[-_]/)[0];
  return SUPPORTED_LOCALES.find((locale) => locale === language) ?? 'en';
}
