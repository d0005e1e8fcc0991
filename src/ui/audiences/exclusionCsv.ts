import type { ExcludedEntry } from '../../core/campaign/plan';
import { csvFile, type CsvSeparator } from '../../core/csv/csvFile';

/** The users left out for one reason, with a link to each in Zendesk, and what WhatsApp said of their number (`detail`), for a spreadsheet. */
export function exclusionCsv(entries: readonly ExcludedEntry[], subdomain: string, separator: CsvSeparator, detail: (entry: ExcludedEntry) => string = () => ''): string {
  return csvFile(
    ['user_id', 'phone', 'reasons', 'zendesk_url', 'detail'],
    entries.map((entry) => [String(entry.userId), entry.phone ?? '', entry.reasons.join(' '), `https://${subdomain}.zendesk.com/agent/users/${entry.userId}`, detail(entry)]),
    separator,
  );
}
