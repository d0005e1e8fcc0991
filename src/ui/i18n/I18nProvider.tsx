import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { bootMessages } from './bootMessages';
import { loadMessages } from './catalogues';
import type { Locale } from './locale';
import { translatorOf, type Messages, type Translate } from './translator';

interface I18n {
  locale: Locale;
  t: Translate;
  formatNumber: (value: number) => string;
  formatDateTime: (value: Date | number) => string;
}

const I18nContext = createContext<I18n | null>(null);

/** Translates its children with these strings of the locale. */
export function I18nProvider({ locale, messages, children }: { locale: Locale; messages: Messages; children: ReactNode }) {
  const value = useMemo<I18n>(() => {
    const number = new Intl.NumberFormat(locale);
    const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    return { locale, t: translatorOf(locale, messages), formatNumber: (n) => number.format(n), formatDateTime: (d) => dateTime.format(d) };
  }, [locale, messages]);
  // Screen readers pick their voice from the document language.
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** Only the strings of the start (bootMessages.ts), available at once. */
export function BootI18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  const messages = useMemo(() => bootMessages(locale), [locale]);
  return (
    <I18nProvider locale={locale} messages={messages}>
      {children}
    </I18nProvider>
  );
}

type CatalogueState = { status: 'loading' } | { status: 'ready'; locale: Locale; messages: Messages } | { status: 'failed'; locale: Locale };

interface CatalogueProviderProps {
  locale: Locale;
  /** Shown, with the start's strings, while the catalogue downloads. */
  loading: ReactNode;
  /** Shown, with the start's strings, when the download failed; `retry` downloads it again. */
  failed: (retry: () => void) => ReactNode;
  children: ReactNode;
}

/** Downloads the locale's catalogue, then translates its children with it. */
export function CatalogueProvider({ locale, loading, failed, children }: CatalogueProviderProps) {
  const [state, setState] = useState<CatalogueState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let active = true;
    loadMessages(locale).then(
      (messages) => active && setState({ status: 'ready', locale, messages }),
      () => active && setState({ status: 'failed', locale }),
    );
    return () => {
      active = false;
    };
  }, [locale, attempt]);

  if (state.status === 'ready' && state.locale === locale) {
    return (
      <I18nProvider locale={locale} messages={state.messages}>
        {children}
      </I18nProvider>
    );
  }
  const retry = () => {
    setState({ status: 'loading' });
    setAttempt((count) => count + 1);
  };
  return <BootI18nProvider locale={locale}>{state.status === 'failed' && state.locale === locale ? failed(retry) : loading}</BootI18nProvider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
