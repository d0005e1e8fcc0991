import { Field, Select } from '@zendeskgarden/react-forms';
import { useSyncExternalStore } from 'react';
import { CSV_SEPARATORS, defaultCsvSeparator, type CsvSeparator } from '../../core/csv/csvFile';
import { useI18n } from '../i18n/I18nProvider';

/**
 * The separator of the CSV files an agent downloads: by default the one their spreadsheet expects
 * in their language (`;` in French), changed here for every download of the session.
 */

let chosen: CsvSeparator | undefined;
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The separator to write with, and a way to change it. */
export function useCsvSeparator(): [CsvSeparator, (separator: CsvSeparator) => void] {
  const { locale } = useI18n();
  const separator = useSyncExternalStore(subscribe, () => chosen) ?? defaultCsvSeparator(locale);
  const choose = (next: CsvSeparator) => {
    chosen = next;
    for (const listener of listeners) listener();
  };
  return [separator, choose];
}

/** The choice, next to a download button. */
export function CsvSeparatorField() {
  const { t } = useI18n();
  const [separator, choose] = useCsvSeparator();
  return (
    <Field>
      <Field.Label>{t('common.csvSeparator.label')}</Field.Label>
      <Select value={separator} onChange={(event) => choose(event.target.value as CsvSeparator)}>
        {CSV_SEPARATORS.map((candidate) => (
          <option key={candidate} value={candidate}>
            {t(candidate === ',' ? 'common.csvSeparator.comma' : 'common.csvSeparator.semicolon')}
          </option>
        ))}
      </Select>
    </Field>
  );
}
