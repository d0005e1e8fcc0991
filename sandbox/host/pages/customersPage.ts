import type { RestUser } from '../../zendeskTypes';
import { el } from '../dom';
import { loadTickets, UserCache } from '../zendeskData';
import { failure, loading } from './common';
import type { Page } from './page';

/** `#/users`: the customers who requested tickets (the emulated API has no user list route). */
export const customersPage: Page = async (page) => {
  page.setTitle('Customers');
  page.container.append(loading('customers'));
  try {
    const tickets = await loadTickets();
    const counts = new Map<number, number>();
    for (const ticket of tickets) {
      if (ticket.requester_id) counts.set(ticket.requester_id, (counts.get(ticket.requester_id) ?? 0) + 1);
    }
    const users = new UserCache();
    const customers = (await Promise.all([...counts.keys()].map((id) => users.get(id)))).filter((user): user is RestUser => user !== undefined);
    if (!page.isCurrent()) return;
    page.container.replaceChildren(
      el(
        'section',
        { class: 'card', 'aria-labelledby': 'customers-heading' },
        el('h2', { id: 'customers-heading' }, `Customers (${customers.length})`),
        el(
          'table',
          { class: 'table' },
          el('thead', {}, el('tr', {}, ...['Name', 'Email', 'Phone', 'Tickets'].map((title) => el('th', { scope: 'col' }, title)))),
          el(
            'tbody',
            {},
            ...customers.map((user) =>
              el(
                'tr',
                {},
                el('td', {}, el('a', { href: `#/users/${user.id}` }, user.name)),
                el('td', {}, user.email ?? ''),
                el('td', {}, user.phone ?? ''),
                el('td', {}, counts.get(user.id) ?? 0),
              ),
            ),
          ),
        ),
      ),
    );
  } catch (error) {
    if (page.isCurrent()) page.container.replaceChildren(failure('the customers', error));
  }
};
