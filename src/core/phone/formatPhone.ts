import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/**
 * A number as people read it (`+33 6 12 34 56 78`). The Conversations API gives WhatsApp numbers as
 * bare digits with the country code (`15144441919`); those get their "+" back.
 */
export function formatPhoneForDisplay(value: string): string {
  const trimmed = value.trim();
  const international = /^\d{8,15}$/.test(trimmed) ? `+${trimmed}` : trimmed;
  const parsed = parsePhoneNumberFromString(international);
  return parsed?.isValid() ? parsed.formatInternational() : international;
}
