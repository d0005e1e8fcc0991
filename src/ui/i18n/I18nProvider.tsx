import { createContext, useContext, useEffect, useMemo, type ReactNode } from 'react';
import type { Locale } from './locale';
import { createTranslator, type Translate } from './messages';

interface I18n {
  locale: Locale;
  t: Translate;
  formatNumber: (value: number) => string;
  formatDateTime: (value: Date | number) => string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  const value = useMemo<I18n>(() => {
    const number = new Intl.NumberFormat(locale);
    const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    return { locale, t: createTranslator(locale), formatNumber: (n) => number.format(n), formatDateTime: (d) => dateTime.format(d) };
  }, [locale]);
  // Screen readers pick their voice from the document language.
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
