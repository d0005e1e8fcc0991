import Papa from 'papaparse';
import type { ExcludedEntry } from '../../core/campaign/plan';

/** The users left out for one reason, with a link to each in Zendesk, for a spreadsheet. */
export function exclusionCsv(entries: readonly ExcludedEntry[], subdomain: string): string {
  return Papa.unparse({
    fields: ['user_id', 'phone', 'reasons', 'zendesk_url'],
    data: entries.map((entry) => [entry.userId, entry.phone ?? '', entry.reasons.join(' '), `https://${subdomain}.zendesk.com/agent/users/${entry.userId}`]),
  });
}
