import { describe, expect, it } from 'vitest';
import { countdownParts, messagingWindow, WINDOW_MS, type ConversationMessage } from '../../../../src/core/conversation/messagingWindow';

const HOUR = 3_600_000;
const customer = (iso: string): ConversationMessage => ({ from: 'customer', sentAt: Date.parse(iso) });
const business = (iso: string): ConversationMessage => ({ from: 'business', sentAt: Date.parse(iso) });

describe('the WhatsApp 24-hour window', () => {
  const sent = Date.parse('2026-03-10T09:00:00Z');

  it('is open until one millisecond before 24 h, and closed at exactly 24 h', () => {
    const messages = [{ from: 'customer' as const, sentAt: sent }];
    expect(messagingWindow(messages, sent + WINDOW_MS - 1)).toMatchObject({ state: 'closing-soon', remainingMs: 1, closesAt: sent + WINDOW_MS });
    expect(messagingWindow(messages, sent + WINDOW_MS)).toEqual({ state: 'closed', lastCustomerMessageAt: sent, closedAt: sent + WINDOW_MS, closedForMs: 0 });
    expect(messagingWindow(messages, sent + WINDOW_MS + 5)).toMatchObject({ state: 'closed', closedForMs: 5 });
  });

  it('warns under the threshold (1 h by default, or as configured) and not before', () => {
    const messages = [{ from: 'customer' as const, sentAt: sent }];
    expect(messagingWindow(messages, sent + 23 * HOUR - 1).state).toBe('open');
    expect(messagingWindow(messages, sent + 23 * HOUR).state).toBe('closing-soon');
    expect(messagingWindow(messages, sent + 21 * HOUR, 180).state).toBe('closing-soon');
    expect(messagingWindow(messages, sent + 21 * HOUR - 1, 180).state).toBe('open');
    expect(messagingWindow(messages, sent + 23.5 * HOUR, 0).state).toBe('open');
  });

  it('counts from the last customer message, whatever the order, and ignores the business’s messages', () => {
    const messages = [customer('2026-03-10T09:00:00Z'), customer('2026-03-11T08:00:00Z'), customer('2026-03-10T20:00:00Z'), business('2026-03-11T10:00:00Z')];
    const now = Date.parse('2026-03-11T12:00:00Z');
    expect(messagingWindow(messages, now)).toMatchObject({ state: 'open', lastCustomerMessageAt: Date.parse('2026-03-11T08:00:00Z'), remainingMs: 20 * HOUR });
    // A template sent by the business does not re-open the window: only the customer's answer does.
    expect(messagingWindow([customer('2026-03-01T08:00:00Z'), business('2026-03-11T11:00:00Z')], now).state).toBe('closed');
  });

  it('has no window before the customer writes', () => {
    expect(messagingWindow([], sent)).toEqual({ state: 'no-customer-message' });
    expect(messagingWindow([business('2026-03-10T09:00:00Z')], sent)).toEqual({ state: 'no-customer-message' });
  });

  it('is the same instant whatever the time zone the message time was written in', () => {
    const paris = customer('2026-07-01T23:30:00+02:00');
    const saoPaulo = customer('2026-07-01T18:30:00-03:00');
    const utc = customer('2026-07-01T21:30:00Z');
    const now = Date.parse('2026-07-02T21:00:00Z');
    for (const message of [paris, saoPaulo, utc]) expect(messagingWindow([message], now)).toMatchObject({ state: 'closing-soon', remainingMs: 30 * 60_000 });
  });

  it('lasts 24 elapsed hours across a daylight-saving change, not until the same clock time', () => {
    // Paris springs forward on 29 March 2026 (02:00 → 03:00): 10:00 the day before + 24 h is 11:00 local.
    const before = customer('2026-03-28T10:00:00+01:00');
    expect(messagingWindow([before], Date.parse('2026-03-29T10:59:59+02:00')).state).toBe('closing-soon');
    expect(messagingWindow([before], Date.parse('2026-03-29T11:00:00+02:00')).state).toBe('closed');
    // And falls back on 25 October 2026 (03:00 → 02:00): 10:00 the day before + 24 h is 09:00 local.
    const autumn = customer('2026-10-24T10:00:00+02:00');
    expect(messagingWindow([autumn], Date.parse('2026-10-25T08:59:59+01:00')).state).toBe('closing-soon');
    expect(messagingWindow([autumn], Date.parse('2026-10-25T09:00:00+01:00')).state).toBe('closed');
  });

  it('never shows more than 24 h left when the customer’s clock is ahead', () => {
    expect(messagingWindow([{ from: 'customer', sentAt: sent + 5000 }], sent)).toMatchObject({ state: 'open', remainingMs: WINDOW_MS });
  });

  it('splits the remaining time for a countdown, rounding up to the second', () => {
    expect(countdownParts(2 * HOUR + 3 * 60_000 + 4_001)).toEqual({ hours: 2, minutes: 3, seconds: 5 });
    expect(countdownParts(-10)).toEqual({ hours: 0, minutes: 0, seconds: 0 });
  });
});
