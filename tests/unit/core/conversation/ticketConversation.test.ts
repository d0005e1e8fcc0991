import { describe, expect, it } from 'vitest';
import { messagingWindow, WINDOW_MS } from '../../../../src/core/conversation/messagingWindow';
import { customerWrote, ticketConversation } from '../../../../src/core/conversation/ticketConversation';

const HOUR = 60 * 60 * 1000;
const NOW = Date.UTC(2026, 2, 29, 12);
const REQUESTER = 1001;
const AGENT = 2;

describe('a ticket’s comments as a conversation', () => {
  it('counts only the requester’s comments as the customer’s, at the time they were written', () => {
    const comments = [
      { authorId: REQUESTER, createdAt: NOW - 26 * HOUR },
      { authorId: AGENT, createdAt: NOW - 25 * HOUR },
      { authorId: REQUESTER, createdAt: NOW - 23 * HOUR },
      // An agent's reply or note afterwards never re-opens the window.
      { authorId: AGENT, createdAt: NOW - 1 * HOUR },
    ];
    expect(ticketConversation(comments, REQUESTER).map((message) => message.from)).toEqual(['customer', 'business', 'customer', 'business']);
    expect(messagingWindow(ticketConversation(comments, REQUESTER), NOW)).toMatchObject({ state: 'closing-soon', closesAt: NOW - 23 * HOUR + WINDOW_MS });
  });

  it('has no customer message when the requester never wrote, or is unknown', () => {
    const comments = [{ authorId: AGENT, createdAt: NOW - HOUR }];
    expect(messagingWindow(ticketConversation(comments, REQUESTER), NOW)).toEqual({ state: 'no-customer-message' });
    expect(messagingWindow(ticketConversation([{ authorId: REQUESTER, createdAt: NOW }], undefined), NOW)).toEqual({ state: 'no-customer-message' });
    expect(customerWrote(comments, REQUESTER)).toBe(false);
    expect(customerWrote([{ authorId: REQUESTER, createdAt: NOW - 3 * 24 * HOUR }], REQUESTER)).toBe(true);
    expect(customerWrote([{ authorId: REQUESTER, createdAt: NOW }], undefined)).toBe(false);
  });
});
