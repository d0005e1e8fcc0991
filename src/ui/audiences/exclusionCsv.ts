import type { ExcludedEntry } from '../../core/campaign/plan';
import { csvFile, type CsvSeparator } from '../../core/csv/csvFile';

/** The users left out for one reason, with a link to each in Zendesk, for a spreadsheet. */
export function exclusionCsv(entries: readonly ExcludedEntry[], subdomain: string, separator: CsvSeparator): string {
  return csvFile(
    ['user_id', 'phone', 'reasons', 'zendesk_url'],
    entries.map((entry) => [String(entry.userId), entry.phone ?? '', entry.reasons.join(' '), `https://${subdomain}.zendesk.com/agent/users/${entry.userId}`]),
    separator,
  );
}
