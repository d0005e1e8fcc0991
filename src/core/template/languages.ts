/**
 * Meta's template language codes. They are not BCP 47 tags: Meta writes `pt_BR`, with an
 * underscore, and refuses `pt-BR`. Both the original list and the regional variants Meta added
 * since (ar_EG, en_AU, es_CO, fr_CA…) are here: refusing a code Meta takes would block a marketer
 * for nothing, while Meta itself has the last word at submission.
 */
export const WHATSAPP_LANGUAGES: readonly string[] = [
  'af',
  'sq',
  'ar',
  'ar_AE',
  'ar_EG',
  'ar_LB',
  'ar_MA',
  'ar_QA',
  'az',
  'be_BY',
  'bn',
  'bn_IN',
  'bg',
  'ca',
  'zh_CN',
  'zh_HK',
  'zh_TW',
  'hr',
  'cs',
  'da',
  'prs_AF',
  'nl',
  'nl_BE',
  'en',
  'en_AE',
  'en_AU',
  'en_CA',
  'en_GB',
  'en_GH',
  'en_IE',
  'en_IN',
  'en_JM',
  'en_MY',
  'en_NZ',
  'en_QA',
  'en_SG',
  'en_UG',
  'en_US',
  'en_ZA',
  'et',
  'fil',
  'fi',
  'fr',
  'fr_BE',
  'fr_CA',
  'fr_CH',
  'fr_CI',
  'fr_MA',
  'ka',
  'de',
  'de_AT',
  'de_CH',
  'el',
  'gu',
  'ha',
  'he',
  'hi',
  'hu',
  'id',
  'ga',
  'it',
  'ja',
  'kn',
  'kk',
  'rw_RW',
  'ko',
  'ky_KG',
  'lo',
  'lv',
  'lt',
  'mk',
  'ms',
  'ml',
  'mr',
  'nb',
  'fa',
  'pl',
  'pt_BR',
  'pt_PT',
  'pa',
  'ro',
  'ru',
  'sr',
  'sk',
  'sl',
  'es',
  'es_AR',
  'es_CL',
  'es_CO',
  'es_CR',
  'es_DO',
  'es_EC',
  'es_ES',
  'es_HN',
  'es_MX',
  'es_PA',
  'es_PE',
  'es_UY',
  'sw',
  'sv',
  'ta',
  'te',
  'th',
  'tr',
  'uk',
  'ur',
  'uz',
  'vi',
  'zu',
];

const KNOWN = new Set(WHATSAPP_LANGUAGES);

/** Exact match: Meta's codes are case-sensitive (`en_us` is refused). */
export function isWhatsAppLanguage(code: string): boolean {
  return KNOWN.has(code);
}

/** 'pt_BR' → 'pt-BR', the tag `Intl.DisplayNames` names ("Portuguese (Brazil)"). */
export function toBcp47(code: string): string {
  return code.replace(/_/g, '-');
}

/** Portuguese and Chinese have no bare code at Meta: a bare `pt` or `zh` takes the most used variant. */
const BARE_FALLBACKS = new Map([
  ['pt', 'pt_BR'],
  ['zh', 'zh_CN'],
]);

/**
 * The WhatsApp code closest to a locale tag (`fr-CA` → `fr_CA`, `fr-LU` → `fr`, `pt` → `pt_BR`),
 * undefined when Meta has no template language for it. Used to pre-select the agent's language.
 */
export function whatsAppLanguageFor(locale: string): string | undefined {
  const [language = '', ...subtags] = locale.trim().split(/[-_]/);
  const base = language.toLowerCase();
  // `zh-Hant-TW`: the region is the two-letter subtag, wherever the script puts it.
  const region = subtags.find((subtag) => /^[a-z]{2}$/i.test(subtag));
  const regional = region ? `${base}_${region.toUpperCase()}` : undefined;
  if (regional && KNOWN.has(regional)) return regional;
  if (KNOWN.has(base)) return base;
  return BARE_FALLBACKS.get(base);
}
