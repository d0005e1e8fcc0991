import { csvFile, type CsvSeparator } from '../csv/csvFile';
import { deliveryStateOf, type DeliveryState, type RecipientDelivery } from '../delivery/deliveryState';
import { heardResend } from '../delivery/resend';
import { RETRIES_EXHAUSTED } from '../sending/errorPolicy';
import { stateOf, type LedgerSnapshot, type RecipientState } from '../sending/states';
import type { Recipient } from './plan';

/**
 * What happened to each recipient of a campaign: one row per recipient of the frozen audience, in
 * send order, for the results table, its filters, the CSV download and the follow-up campaign.
 */

export interface ResultRow {
  /** Position in the frozen audience: the ledger's index, and what a follow-up names. */
  index: number;
  userId: number;
  /** E.164. */
  phone: string;
  state: RecipientState;
  /** The failure code, the skip reason or the unverified cause, from the ledger. */
  code?: string;
  /** When the result came (ms since epoch). */
  at?: number;
  /** What the Herald service heard about the message after Sunshine accepted it, when it heard anything. */
  delivery?: RecipientDelivery;
}

/** Rows of a frozen audience and its ledger. Linear: one object per recipient, nothing copied per row. */
export function resultRows(recipients: readonly Recipient[], ledger: LedgerSnapshot): ResultRow[] {
  if (ledger.size !== recipients.length) throw new RangeError(`A ledger of ${ledger.size} for an audience of ${recipients.length}`);
  const rows = new Array<ResultRow>(recipients.length);
  for (let index = 0; index < recipients.length; index++) {
    const recipient = recipients[index] as Recipient;
    const row: ResultRow = { index, userId: recipient.userId, phone: recipient.phone, state: stateOf(ledger.states[index] ?? 0) };
    const detail = ledger.details.get(index);
    if (detail?.code !== undefined) row.code = detail.code;
    if (detail?.at !== undefined) row.at = detail.at;
    rows[index] = row;
  }
  return rows;
}

export interface ResultFilter {
  /** Only these states (all when absent or empty). */
  states?: readonly RecipientState[];
  /** A user id, or part of a phone number as people type it ("+33 6 12", "06 12 34", "0033612"). */
  search?: string;
  /** Only messages Sunshine accepted whose delivery is one of these ("failed later"…); all when absent or empty. */
  deliveries?: readonly DeliveryState[];
}

export function filterResults(rows: readonly ResultRow[], filter: ResultFilter): ResultRow[] {
  const states = filter.states && filter.states.length > 0 ? new Set(filter.states) : undefined;
  const deliveries = filter.deliveries && filter.deliveries.length > 0 ? new Set(filter.deliveries) : undefined;
  const matches = searchMatcher(filter.search ?? '');
  return rows.filter((row) => {
    if (states !== undefined && !states.has(row.state)) return false;
    if (deliveries !== undefined) {
      const delivery = deliveryOfRow(row);
      if (delivery === undefined || !deliveries.has(delivery)) return false;
    }
    return matches(row);
  });
}

/**
 * What became of a message Sunshine accepted (the ledger's `sent`): `accepted` while nothing was
 * heard; undefined for a recipient Sunshine never accepted a message for.
 */
export function deliveryOfRow(row: Pick<ResultRow, 'state' | 'delivery'>): DeliveryState | undefined {
  return row.state === 'sent' ? deliveryStateOf(row.delivery ?? {}) : undefined;
}

/** Each row with what was heard about its message (rows of recipients heard about), in place. */
export function withDeliveries(rows: ResultRow[], deliveries: ReadonlyMap<number, RecipientDelivery>): ResultRow[] {
  for (const [index, delivery] of deliveries) {
    const row = rows[index];
    if (row) row.delivery = delivery;
  }
  return rows;
}

/**
 * The search box: a row matches when the digits typed are its user id, or appear in its number.
 * A number typed the way it is dialled is found too: "00" (international prefix) or a single "0"
 * (national trunk prefix) before the digits is also tried without it, since E.164 has neither.
 * Text without digits matches nothing: rows hold no names.
 */
function searchMatcher(search: string): (row: ResultRow) => boolean {
  if (search.trim() === '') return () => true;
  const digits = search.replace(/\D/g, '');
  if (digits === '') return () => false;
  const phoneForms = [digits];
  if (digits.startsWith('00')) phoneForms.push(digits.slice(2));
  else if (digits.startsWith('0') && digits.length > 1) phoneForms.push(digits.slice(1));
  return (row) => String(row.userId) === digits || phoneForms.some((form) => row.phone.includes(form));
}

/** The translated words of one row; the UI gives them (core never knows translations). */
export interface ResultDescription {
  /** The state as a person reads it ("Sent", "Échec"…). */
  outcome: string;
  /** What the code means, or '' when there is none. */
  meaning: string;
  /** What became of an accepted message ("Delivered", "Failed later"…); none for one never accepted. */
  delivery?: string;
  /** What a later failure's code means. */
  deliveryMeaning?: string;
}

export const RESULTS_CSV_COLUMNS = [
  'user_id',
  'phone',
  'outcome',
  'code',
  'meaning',
  'at',
  'at_local',
  'delivery',
  'delivery_code',
  'delivery_meaning',
  'delivered_at',
  'delivered_at_local',
  'read_at',
  'read_at_local',
  'replied_at',
  'replied_at_local',
  'opted_out_at',
  'opted_out_at_local',
] as const;

export interface ResultsCsvOptions {
  separator: CsvSeparator;
  /** The time as the agent reads it (their time zone and language), next to the ISO time. */
  localTime: (at: number) => string;
}

/** The results as CSV (RFC 4180, CRLF): times in ISO 8601 UTC and in the agent's own words, every cell safe in a spreadsheet. */
export function resultsCsv(rows: readonly ResultRow[], describe: (row: ResultRow) => ResultDescription, options: ResultsCsvOptions): string {
  const data = new Array<string[]>(rows.length);
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index] as ResultRow;
    const { outcome, meaning, delivery = '', deliveryMeaning = '' } = describe(row);
    const time = (at: number | undefined) => (at === undefined ? ['', ''] : [new Date(at).toISOString(), options.localTime(at)]);
    const heard = row.state === 'sent' ? row.delivery : undefined;
    const laterCode = heard && deliveryOfRow(row) === 'failed' ? (heard.code ?? '') : '';
    data[index] = [String(row.userId), row.phone, outcome, row.code ?? '', meaning, ...time(row.at), delivery, laterCode, deliveryMeaning, ...time(heard?.deliveredAt), ...time(heard?.readAt), ...time(heard?.repliedAt), ...time(heard?.optedOutAt)];
  }
  return csvFile(RESULTS_CSV_COLUMNS, data, options.separator);
}

/**
 * The failure codes worth another try, from the error table (SEND_ERROR_TABLE in errorPolicy.ts).
 * A recipient ends `failed` in two ways:
 *
 * - `retries-exhausted`: every attempt met an error the table classes as `retry`, which it
 *   documents as transient: 429 and WhatsApp 130429 (pace: "nothing was accepted"), 131056 (this
 *   number got too many messages, "only this recipient must wait"), 131057 (maintenance, "accepted
 *   again in a few minutes"), 408/500/502/503 ("nothing was accepted"). Later, it may well go. Kept.
 * - a `recipient-failed` row's code, none of which the table calls transient:
 *   - `whatsapp-131026`: "this number cannot receive it, now or on a retry". Left out.
 *   - `invalid-number`: "this number will never be accepted". Left out.
 *   - `whatsapp-<other code>`: "another WhatsApp refusal of this message"; the table does not know
 *     the code, so it cannot say a retry would fare better, and each try may count against the
 *     number's quality. Left out.
 *   - `conversation-full`: Sunshine's 30,000 messages in this conversation; refused again until
 *     someone empties it. Left out.
 *   - `http-<4xx>`: "the request was refused" for something about this message (400, 409, 413):
 *     the same request is refused again. Left out.
 *
 * Skipped recipients (opted out, Meta's marketing cap, cancelled) are not failures and are never
 * retried; unverified ones may already have received the message and have their own re-send path,
 * where the person confirms the risk of a duplicate (unless the service heard the channel report a
 * failure: then Sunshine did accept it, and it counts as a later failure).
 */
export const RETRYABLE_FAILURE_CODES: ReadonlySet<string> = new Set([RETRIES_EXHAUSTED]);

/** Who a "retry failed" follow-up sends to, and what the page says about them. */
export interface RetrySelection {
  /** The recipients worth another try, in audience order. */
  rows: ResultRow[];
  /** Of them, those Sunshine accepted and the channel reported failed later. */
  later: number;
  /** Later failures at Meta's marketing limit (131049) heard less than 24 hours ago: how many, and when the last of them may be sent again. */
  waiting: { count: number; until: number } | undefined;
}

/**
 * The failed recipients worth another try (a follow-up campaign), in audience order, at `now`:
 * those Sunshine refused for a passing reason (above), and those it accepted but the channel
 * reported failed later for a passing reason (`deliveries`, by index, as the Herald service heard
 * them; core/delivery/resend.ts), 131049 only once its 24 hours have passed. A recipient the
 * service heard received the message is never among them, whatever the ledger says.
 */
export function retryableFailures(rows: readonly ResultRow[], deliveries: ReadonlyMap<number, RecipientDelivery>, now: number): RetrySelection {
  const selection: RetrySelection = { rows: [], later: 0, waiting: undefined };
  for (const row of rows) {
    const heard = heardResend(deliveries.get(row.index), now);
    if (row.state === 'failed') {
      if (heard.verdict !== 'received' && row.code !== undefined && RETRYABLE_FAILURE_CODES.has(row.code)) selection.rows.push(row);
    } else if (row.state === 'sent' || row.state === 'unverified') {
      if (heard.verdict === 'retry') {
        selection.rows.push(row);
        selection.later += 1;
      } else if (heard.verdict === 'wait') {
        const waiting = selection.waiting ?? { count: 0, until: heard.until };
        selection.waiting = { count: waiting.count + 1, until: Math.max(waiting.until, heard.until) };
      }
    }
  }
  return selection;
}
