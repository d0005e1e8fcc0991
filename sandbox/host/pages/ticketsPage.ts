import { el, formatDate } from '../dom';
import { loadTickets, UserCache } from '../zendeskData';
import { failure, loading, statusBadge } from './common';
import type { Page } from './page';

/** `#/tickets`: the "All tickets" view. */
export const ticketsPage: Page = async (page) => {
  page.setTitle('Views · All tickets');
  page.container.append(loading('tickets'));
  try {
    const tickets = await loadTickets();
    const users = new UserCache();
    const requesters = await Promise.all(tickets.map((ticket) => (ticket.requester_id ? users.get(ticket.requester_id) : undefined)));
    if (!page.isCurrent()) return;
    const locale = page.bootstrap().session.locale;
    const rows = tickets.map((ticket, index) =>
      el(
        'tr',
        {},
        el('td', {}, `#${ticket.id}`),
        el('td', {}, el('a', { href: `#/tickets/${ticket.id}` }, ticket.subject || '(no subject)')),
        el('td', {}, requesters[index]?.name ?? (ticket.requester_id ? `User #${ticket.requester_id}` : '')),
        el('td', {}, statusBadge(ticket.status)),
        el('td', {}, formatDate(ticket.updated_at, locale)),
      ),
    );
    page.container.replaceChildren(
      el(
        'section',
        { class: 'card', 'aria-labelledby': 'tickets-heading' },
        el('h2', { id: 'tickets-heading' }, `All tickets (${tickets.length})`),
        el(
          'table',
          { class: 'table' },
          el('thead', {}, el('tr', {}, ...['ID', 'Subject', 'Requester', 'Status', 'Updated'].map((title) => el('th', { scope: 'col' }, title)))),
          el('tbody', {}, ...rows),
        ),
      ),
    );
  } catch (error) {
    if (page.isCurrent()) page.container.replaceChildren(failure('the tickets', error));
  }
};
