import type { Locale } from './locale';

/**
 * A moment as the agent's locale writes it (medium date and short time unless told). French writes the first
 * day of a month as an ordinal, "1er déc.", which Intl does not: the day is replaced in its part.
 */
export function dateTimeFormatter(locale: Locale, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' }): (value: Date | number) => string {
  const format = new Intl.DateTimeFormat(locale, options);
  if (!locale.startsWith('fr')) return (value) => format.format(value);
  return (value) =>
    format
      .formatToParts(value)
      .map((part) => (part.type === 'day' && Number(part.value) === 1 ? '1er' : part.value))
      .join('');
}
