import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { errorForStatus } from '../../../../src/api/transport/errors';
import type { Recipient } from '../../../../src/core/campaign/plan';
import { deliveryOfRow, filterResults, resultRows, resultsCsv, retryableFailures, withDeliveries, type ResultDescription, type ResultRow } from '../../../../src/core/campaign/results';
import type { RecipientDelivery } from '../../../../src/core/delivery/deliveryState';
import { classifySendError, INVALID_NUMBER, RETRIES_EXHAUSTED } from '../../../../src/core/sending/errorPolicy';
import { stateCode, type LedgerSnapshot, type RecipientDetail, type RecipientState } from '../../../../src/core/sending/states';
import { generateRecipients } from '../../../support/recipients';

const AT = Date.UTC(2026, 10, 21, 9, 30, 15);
const HOUR = 3_600_000;
const NOTHING_HEARD: ReadonlyMap<number, RecipientDelivery> = new Map();

function recipient(userId: number, phone: string): Recipient {
  return { userId, phone, country: 'FR', locale: 'fr', timeZone: 'Europe/Paris', values: ['Clarice'] };
}

function ledgerOf(results: ReadonlyArray<[RecipientState, string?]>): LedgerSnapshot {
  const details = new Map<number, RecipientDetail>();
  results.forEach(([state, code], index) => {
    if (state !== 'pending') details.set(index, code === undefined ? { at: AT + index * 1000 } : { code, at: AT + index * 1000 });
  });
  return { size: results.length, states: Uint8Array.from(results.map(([state]) => stateCode(state))), details };
}

const AUDIENCE = [
  recipient(101, '+33612345678'),
  recipient(102, '+33698765432'),
  recipient(103, '+5511912345678'),
  recipient(104, '+14155550123'),
  recipient(105, '+33611112222'),
  recipient(106, '+33633334444'),
  recipient(107, '+33655556666'),
];
const LEDGER = ledgerOf([
  ['sent'],
  ['failed', RETRIES_EXHAUSTED],
  ['failed', 'whatsapp-131026'],
  ['skipped', 'opted-out'],
  ['unverified', 'timeout'],
  ['failed', INVALID_NUMBER],
  ['pending'],
]);

describe('resultRows', () => {
  it('gives each recipient of the frozen audience its state, code and time, in send order', () => {
    const rows = resultRows(AUDIENCE, LEDGER);
    expect(rows.map((row) => [row.index, row.userId, row.state, row.code])).toEqual([
      [0, 101, 'sent', undefined],
      [1, 102, 'failed', RETRIES_EXHAUSTED],
      [2, 103, 'failed', 'whatsapp-131026'],
      [3, 104, 'skipped', 'opted-out'],
      [4, 105, 'unverified', 'timeout'],
      [5, 106, 'failed', INVALID_NUMBER],
      [6, 107, 'pending', undefined],
    ]);
    expect(rows[0]).toEqual({ index: 0, userId: 101, phone: '+33612345678', state: 'sent', at: AT });
    expect(rows[6]).toEqual({ index: 6, userId: 107, phone: '+33655556666', state: 'pending' });
  });

  it('refuses a ledger that does not cover the audience', () => {
    expect(() => resultRows(AUDIENCE.slice(1), LEDGER)).toThrow(RangeError);
  });
});

describe('filterResults', () => {
  const rows = resultRows(AUDIENCE, LEDGER);
  const ids = (found: ResultRow[]) => found.map((row) => row.userId);

  it('keeps the chosen states', () => {
    expect(ids(filterResults(rows, { states: ['failed'] }))).toEqual([102, 103, 106]);
    expect(ids(filterResults(rows, { states: ['skipped', 'unverified'] }))).toEqual([104, 105]);
    expect(ids(filterResults(rows, { states: [] }))).toHaveLength(7);
  });

  it('finds a user by id', () => {
    expect(ids(filterResults(rows, { search: '104' }))).toEqual([104]);
    expect(ids(filterResults(rows, { search: ' 104 ' }))).toEqual([104]);
  });

  it('finds numbers by the digits typed, with spaces, a plus, or as dialled at home or abroad', () => {
    expect(ids(filterResults(rows, { search: '+33 6 12 34' }))).toEqual([101]);
    expect(ids(filterResults(rows, { search: '06 98 76 54 32' }))).toEqual([102]);
    expect(ids(filterResults(rows, { search: '0033 6 11 11' }))).toEqual([105]);
    expect(ids(filterResults(rows, { search: '5550123' }))).toEqual([104]);
    expect(ids(filterResults(rows, { search: '(415) 555-0123' }))).toEqual([104]);
  });

  it('matches nothing for words (rows hold no names), everything for an empty search', () => {
    expect(filterResults(rows, { search: 'Clarice' })).toEqual([]);
    expect(filterResults(rows, { search: '  ' })).toHaveLength(7);
  });

  it('combines states and search', () => {
    expect(ids(filterResults(rows, { states: ['failed'], search: '+336' }))).toEqual([102, 106]);
  });
});

describe('what was heard after Sunshine accepted a message', () => {
  // Recipients 0, 7 and 8 were accepted; 0 was read, 7 failed later, 8 nothing heard. 3 was skipped: nothing to hear.
  const audience = [...AUDIENCE, recipient(108, '+33677778888'), recipient(109, '+33699990000')];
  const ledger = ledgerOf([['sent'], ['failed', RETRIES_EXHAUSTED], ['failed', 'whatsapp-131026'], ['skipped', 'opted-out'], ['unverified', 'timeout'], ['failed', INVALID_NUMBER], ['pending'], ['sent'], ['sent']]);
  const heard = new Map([
    [0, { deliveredAt: AT + 60_000, readAt: AT + 120_000, repliedAt: AT + 180_000, optedOutAt: AT + 180_000 }],
    [7, { failedAt: AT + 60_000, code: '131049' }],
    // Heard about a recipient the ledger has as skipped (a stray event): not a delivery of anything.
    [3, { deliveredAt: AT }],
  ]);
  const rows = withDeliveries(resultRows(audience, ledger), heard);

  it('reads as accepted, delivered, read or failed later only for messages Sunshine accepted', () => {
    expect(rows.map(deliveryOfRow)).toEqual(['read', undefined, undefined, undefined, undefined, undefined, undefined, 'failed', 'accepted']);
  });

  it('filters on it: the failed later, or the delivered and read', () => {
    expect(filterResults(rows, { deliveries: ['failed'] }).map((row) => row.userId)).toEqual([108]);
    expect(filterResults(rows, { deliveries: ['delivered', 'read'] }).map((row) => row.userId)).toEqual([101]);
    expect(filterResults(rows, { deliveries: ['accepted'], search: '+33699' }).map((row) => row.userId)).toEqual([109]);
    expect(filterResults(rows, { deliveries: [] })).toHaveLength(9);
  });

  it('writes the delivery, the later failure code and its meaning, the read and reply times in UTC and local', () => {
    const localTime = (at: number) => new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeStyle: 'medium', timeZone: 'Europe/Paris' }).format(at);
    const csv = resultsCsv(rows, (row) => ({ outcome: row.state, meaning: '', delivery: deliveryOfRow(row) ?? '', deliveryMeaning: deliveryOfRow(row) === 'failed' ? 'capped' : '' }), { separator: ',', localTime });
    const lines = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
    expect(lines[0]).toMatchObject({
      delivery: 'read',
      delivery_code: '',
      delivered_at: '2026-11-21T09:31:15.000Z',
      read_at: '2026-11-21T09:32:15.000Z',
      read_at_local: '21/11/2026 10:32:15',
      replied_at: '2026-11-21T09:33:15.000Z',
      replied_at_local: '21/11/2026 10:33:15',
      opted_out_at: '2026-11-21T09:33:15.000Z',
    });
    expect(lines[7]).toMatchObject({ delivery: 'failed', delivery_code: '131049', delivery_meaning: 'capped', read_at: '', replied_at: '' });
    expect(lines[8]).toMatchObject({ delivery: 'accepted', delivery_code: '', read_at: '' });
    // The stray event about a skipped recipient is not written as theirs.
    expect(lines[3]).toMatchObject({ delivery: '', read_at: '' });
  });
});

describe('resultsCsv', () => {
  const words: Record<RecipientState, string> = { pending: 'Pending', inflight: 'Sending', sent: 'Sent', failed: 'Failed', skipped: 'Skipped', unverified: 'Unverified' };
  const describeRow = (row: ResultRow): ResultDescription => ({ outcome: words[row.state], meaning: row.code ? `meaning of ${row.code}` : '' });
  const parse = (csv: string) => Papa.parse<string[]>(csv, { skipEmptyLines: true }).data;
  const parisTime = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeStyle: 'medium', timeZone: 'Europe/Paris' });
  const localTime = (at: number) => parisTime.format(at);
  const comma = { separator: ',' as const, localTime };

  it('writes one line per recipient under the documented columns, times in UTC', () => {
    const lines = parse(resultsCsv(resultRows(AUDIENCE, LEDGER), describeRow, comma));
    expect(lines[0]).toEqual(['user_id', 'phone', 'outcome', 'code', 'meaning', 'at', 'at_local', 'delivery', 'delivery_code', 'delivery_meaning', 'delivered_at', 'delivered_at_local', 'read_at', 'read_at_local', 'replied_at', 'replied_at_local', 'opted_out_at', 'opted_out_at_local']);
    expect(lines).toHaveLength(8);
    expect(lines[2]).toEqual(['102', "'+33698765432", 'Failed', RETRIES_EXHAUSTED, `meaning of ${RETRIES_EXHAUSTED}`, '2026-11-21T09:30:16.000Z', '21/11/2026 10:30:16', ...Array<string>(11).fill('')]);
    expect(lines[7]).toEqual(['107', "'+33655556666", 'Pending', ...Array<string>(15).fill('')]);
  });

  it('uses the words the UI gives, in its language, quoted when they need it', () => {
    const rows = resultRows(AUDIENCE, LEDGER).slice(2, 3);
    const csv = resultsCsv(rows, () => ({ outcome: 'Échec', meaning: 'Pas sur WhatsApp, "ou" application trop ancienne, ou conditions refusées' }), comma);
    expect(parse(csv)[1]).toEqual(['103', "'+5511912345678", 'Échec', 'whatsapp-131026', 'Pas sur WhatsApp, "ou" application trop ancienne, ou conditions refusées', '2026-11-21T09:30:17.000Z', '21/11/2026 10:30:17', ...Array<string>(11).fill('')]);
  });

  it('writes with semicolons for a spreadsheet in French, a cell holding one quoted', () => {
    const rows = resultRows(AUDIENCE, LEDGER).slice(2, 3);
    const csv = resultsCsv(rows, () => ({ outcome: 'Échec', meaning: 'Refusé ; hors délai' }), { separator: ';', localTime });
    expect(csv.split('\r\n')[0]).toBe('user_id;phone;outcome;code;meaning;at;at_local;delivery;delivery_code;delivery_meaning;delivered_at;delivered_at_local;read_at;read_at_local;replied_at;replied_at_local;opted_out_at;opted_out_at_local');
    expect(csv).toContain('"Refusé ; hors délai"');
    expect(Papa.parse<string[]>(csv, { delimiter: ';', skipEmptyLines: true }).data[1]?.[4]).toBe('Refusé ; hors délai');
  });

  it('defuses cells a spreadsheet would run as formulas, even across lines', () => {
    const rows = resultRows(AUDIENCE.slice(0, 1), ledgerOf([['failed', 'http-400']]));
    for (const meaning of ['=HYPERLINK("http://evil.example","click")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '=1\n=2']) {
      const [, line] = parse(resultsCsv(rows, () => ({ outcome: 'Failed', meaning }), comma));
      expect(line?.[4], JSON.stringify(meaning)).toBe(`'${meaning}`);
    }
    const [, safe] = parse(resultsCsv(rows, () => ({ outcome: 'Failed', meaning: 'a = b' }), comma));
    expect(safe?.[4]).toBe('a = b');
  });

  it('stays linear for large campaigns: 10,000 rows quickly, 100,000 in proportion', () => {
    const time = (size: number) => {
      const recipients = generateRecipients(size, { seed: 3 });
      const ledger = ledgerOf(recipients.map((_, index) => (index % 7 === 0 ? ['failed', RETRIES_EXHAUSTED] : ['sent'])));
      const started = performance.now();
      const csv = resultsCsv(resultRows(recipients, ledger), describeRow, comma);
      const elapsed = performance.now() - started;
      expect(csv.split('\r\n')).toHaveLength(size + 1);
      return elapsed;
    };
    time(1_000); // warm-up
    const small = time(10_000);
    const large = time(100_000);
    expect(small).toBeLessThan(1_000);
    // Ten times the rows: about ten times the time. Work quadratic in the rows would take about a hundred.
    expect(large).toBeLessThan(30 * small + 300);
  });
});

describe('retryableFailures', () => {
  it('keeps only the failures whose retries ran out, in audience order', () => {
    const rows = resultRows(AUDIENCE, LEDGER);
    expect(retryableFailures(rows, NOTHING_HEARD, AT).rows.map((row) => row.userId)).toEqual([102]);
  });

  it('never retries skipped or unverified recipients, whatever their code', () => {
    const rows = resultRows(AUDIENCE.slice(0, 3), ledgerOf([['skipped', 'opted-out'], ['unverified', 'connection-lost'], ['sent']]));
    expect(retryableFailures(rows, NOTHING_HEARD, AT).rows).toEqual([]);
    const odd: ResultRow[] = [{ index: 0, userId: 1, phone: '+33612345678', state: 'unverified', code: RETRIES_EXHAUSTED }];
    expect(retryableFailures(odd, NOTHING_HEARD, AT).rows).toEqual([]);
  });

  it('leaves out every failure code the error table gives a recipient, none of which a retry would fix', () => {
    const refusals = [
      errorForStatus(400, {}, { error: { code: '131026', description: '(#131026) Message undeliverable' } }),
      errorForStatus(400, {}, { error: { code: 'bad_request', description: 'destinationId is not a valid phone number' } }),
      errorForStatus(400, {}, { error: { code: '131000', description: '(#131000) Something went wrong' } }),
      errorForStatus(409, {}, { error: { code: 'conflict', description: 'Conflict' } }),
      errorForStatus(423, {}, { error: { code: 'locked', description: 'Conversation is full' } }),
    ];
    const codes = refusals.map((error) => {
      const errorClass = classifySendError(error);
      if (errorClass.kind !== 'recipient-failed') throw new Error(`expected a recipient failure, got ${errorClass.kind}`);
      return errorClass.code;
    });
    expect(codes).toEqual(['whatsapp-131026', INVALID_NUMBER, 'whatsapp-131000', 'http-409', 'conversation-full']);
    const rows = codes.map((code, index): ResultRow => ({ index, userId: index + 1, phone: '+33612345678', state: 'failed', code }));
    expect(retryableFailures(rows, NOTHING_HEARD, AT).rows).toEqual([]);
  });

  it('takes back recipients that only met passing refusals (pace, maintenance, server errors) until their retries ran out', () => {
    for (const error of [
      errorForStatus(429, { 'retry-after': '2' }, { error: { code: 'too_many_requests', description: 'Too many requests' } }),
      errorForStatus(503, {}, { error: { code: 'unavailable', description: 'Service unavailable' } }),
      errorForStatus(400, {}, { error: { code: '131057', description: '(#131057) Account in maintenance mode' } }),
    ]) {
      expect(classifySendError(error).kind).toBe('retry');
    }
    const rows: ResultRow[] = [{ index: 0, userId: 1, phone: '+33612345678', state: 'failed', code: RETRIES_EXHAUSTED, at: AT }];
    expect(retryableFailures(rows, NOTHING_HEARD, AT).rows).toEqual(rows);
  });
});

describe('retryableFailures with what the Herald service heard', () => {
  /** Ten recipients Sunshine accepted; the service heard each one's fate. */
  const sentRows = (count: number): ResultRow[] => Array.from({ length: count }, (_, index) => ({ index, userId: 200 + index, phone: '+33612345678', state: 'sent', at: AT }));
  const HEARD = new Map<number, RecipientDelivery>([
    [0, { failedAt: AT + HOUR, code: '131056' }],
    [1, { failedAt: AT + HOUR, code: '131026' }],
    [2, { failedAt: AT + HOUR, code: '131050' }],
    [3, { failedAt: AT + HOUR, code: '131049' }],
    [4, { deliveredAt: AT + HOUR }],
    [5, { deliveredAt: AT + HOUR, readAt: AT + 2 * HOUR }],
    // WhatsApp may report a failure after a delivery: the phone had it, it is not sent twice.
    [6, { deliveredAt: AT + HOUR, failedAt: AT + 2 * HOUR, code: '131000' }],
    [7, { failedAt: AT + 3 * HOUR, code: '131049' }],
    [8, { failedAt: AT + HOUR, code: '131000' }],
  ]);

  it('adds the recipients Sunshine accepted whose later failure is worth another try, and counts them', () => {
    const selection = retryableFailures(sentRows(10), HEARD, AT + 4 * HOUR);
    expect(selection.rows.map((row) => row.index)).toEqual([0, 8]);
    expect(selection.later).toBe(2);
  });

  it('holds a marketing limit for 24 hours after it was heard, saying how many wait and until when', () => {
    const early = retryableFailures(sentRows(10), HEARD, AT + 4 * HOUR);
    expect(early.waiting).toEqual({ count: 2, until: AT + 27 * HOUR });
    const between = retryableFailures(sentRows(10), HEARD, AT + 25 * HOUR);
    expect(between.rows.map((row) => row.index)).toEqual([0, 3, 8]);
    expect(between.waiting).toEqual({ count: 1, until: AT + 27 * HOUR });
    const after = retryableFailures(sentRows(10), HEARD, AT + 27 * HOUR);
    expect(after.rows.map((row) => row.index)).toEqual([0, 3, 7, 8]);
    expect(after.later).toBe(4);
    expect(after.waiting).toBeUndefined();
  });

  it('never sends again to a number not on WhatsApp, one that opted out of marketing, or anyone who received it', () => {
    const rows = retryableFailures(sentRows(10), HEARD, AT + 60 * 24 * HOUR).rows.map((row) => row.index);
    for (const index of [1, 2, 4, 5, 6, 9]) expect(rows).not.toContain(index);
  });

  it('mixes both kinds in audience order, and leaves out a failure on the call the service heard delivered', () => {
    const rows: ResultRow[] = [
      { index: 0, userId: 1, phone: '+33612345678', state: 'failed', code: RETRIES_EXHAUSTED, at: AT },
      { index: 1, userId: 2, phone: '+33612345679', state: 'sent', at: AT },
      { index: 2, userId: 3, phone: '+33612345670', state: 'failed', code: RETRIES_EXHAUSTED, at: AT },
      { index: 3, userId: 4, phone: '+33612345671', state: 'unverified', code: 'timeout', at: AT },
    ];
    const heard = new Map<number, RecipientDelivery>([
      [1, { failedAt: AT, code: '131057' }],
      // An earlier attempt went through after all: the phone has it.
      [2, { deliveredAt: AT }],
      // An unverified send the channel reported failed: Sunshine did accept it.
      [3, { failedAt: AT, code: '131056' }],
    ]);
    const selection = retryableFailures(rows, heard, AT + HOUR);
    expect(selection.rows.map((row) => row.index)).toEqual([0, 1, 3]);
    expect(selection.later).toBe(2);
  });
});

