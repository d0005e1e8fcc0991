import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { bootMessages } from './bootMessages';
import { loadMessages } from './catalogues';
import { dateTimeFormatter } from './dateTimeFormat';
import type { Locale } from './locale';
import { translatorOf, type Messages, type Translate } from './translator';

interface I18n {
  locale: Locale;
  t: Translate;
  /**
   * Every string has arrived (a sidebar first gets the few it shows first): the parts downloaded
   * later wait for it (PartSlot), so that nobody ever reads a key instead of a sentence.
   */
  catalogue: { complete: true } | { complete: false; failed: boolean; retry: () => void; need: () => void };
  formatNumber: (value: number) => string;
  formatDateTime: (value: Date | number) => string;
}

const I18nContext = createContext<I18n | null>(null);

const COMPLETE: I18n['catalogue'] = { complete: true };

/** Translates its children with these strings of the locale. */
export function I18nProvider({ locale, messages, catalogue = COMPLETE, children }: { locale: Locale; messages: Messages; catalogue?: I18n['catalogue']; children: ReactNode }) {
  const value = useMemo<I18n>(() => {
    const number = new Intl.NumberFormat(locale);
    return { locale, t: translatorOf(locale, messages), catalogue, formatNumber: (n) => number.format(n), formatDateTime: dateTimeFormatter(locale) };
  }, [locale, messages, catalogue]);
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

type CatalogueState =
  | { status: 'loading' }
  | { status: 'ready'; locale: Locale; messages: Messages; complete: boolean; restFailed: boolean }
  | { status: 'failed'; locale: Locale };

interface CatalogueProviderProps {
  locale: Locale;
  /** A sidebar: its first namespaces come first (a few kB), the rest right after. */
  firstPart?: boolean;
  /** Shown, with the start's strings, while the catalogue downloads. */
  loading: ReactNode;
  /** Shown, with the start's strings, when the download failed; `retry` downloads it again. */
  failed: (retry: () => void) => ReactNode;
  children: ReactNode;
}

/** Downloads the locale's catalogue (its first part first, for a sidebar), then translates its children with it. */
export function CatalogueProvider({ locale, firstPart = false, loading, failed, children }: CatalogueProviderProps) {
  const [state, setState] = useState<CatalogueState>({ status: 'loading' });
  // A part shown asked for every string (PartSlot): until then, the first part is enough.
  const [needed, setNeeded] = useState(!firstPart);
  // Where the download stands: nothing of this locale yet, its first part shown, every string
  // here, or a failure waiting for Retry.
  const phase =
    state.status === 'loading' || state.locale !== locale
      ? 'start'
      : state.status === 'failed' || state.restFailed
        ? 'waiting'
        : state.complete
          ? 'done'
          : 'part';
  useEffect(() => {
    if (phase === 'done' || phase === 'waiting' || (phase === 'part' && !needed)) return undefined;
    let active = true;
    const loadWhole = () =>
      loadMessages(locale, 'all').then(
        (messages) => active && setState({ status: 'ready', locale, messages, complete: true, restFailed: false }),
        () =>
          active &&
          setState((current) => (current.status === 'ready' && current.locale === locale ? { ...current, restFailed: true } : { status: 'failed', locale })),
      );
    if (phase === 'part' || !firstPart) {
      // The rest, asked for by a part on screen: downloaded earlier, it would have slowed the
      // sidebar's first content down.
      void loadWhole();
    } else {
      loadMessages(locale, 'first').then(
        (messages) => active && setState({ status: 'ready', locale, messages, complete: false, restFailed: false }),
        // Without its first part, the whole catalogue is the only way.
        () => void loadWhole(),
      );
    }
    return () => {
      active = false;
    };
  }, [locale, firstPart, phase, needed]);

  // Leaving the waiting phase downloads again.
  const retry = () => setState((current) => (current.status === 'ready' ? { ...current, restFailed: false } : { status: 'loading' }));
  const catalogue = useMemo<I18n['catalogue']>(
    () => (state.status === 'ready' && !state.complete ? { complete: false, failed: state.restFailed, retry, need: () => setNeeded(true) } : COMPLETE),
    // `retry` only sets state: any render's serves.
    [state],
  );
  if (state.status === 'ready' && state.locale === locale) {
    return (
      <I18nProvider locale={locale} messages={state.messages} catalogue={catalogue}>
        {children}
      </I18nProvider>
    );
  }
  return <BootI18nProvider locale={locale}>{state.status === 'failed' && state.locale === locale ? failed(retry) : loading}</BootI18nProvider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
