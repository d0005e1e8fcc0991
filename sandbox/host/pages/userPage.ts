import type { RestIdentity, RestTicket, RestUser } from '../../zendeskTypes';
import { initials } from '../chrome';
import { el } from '../dom';
import { loadIdentities, loadTickets, loadUser } from '../zendeskData';
import { renderAppsPanel } from './appsPanel';
import { failure, loading, statusBadge } from './common';
import type { PageContext } from './page';

/** `#/users/:id`: the user's profile, their tickets, and the user sidebar app. */
export async function userPage(page: PageContext, userId: number): Promise<void> {
  page.setTitle(`User #${userId}`);
  const main = el('section', { class: 'user-main card', 'aria-labelledby': 'user-name' }, loading(`user #${userId}`));
  const layout = el('div', { class: 'split-layout' }, main);
  page.container.append(layout);
  layout.append(renderAppsPanel(page, 'user_sidebar', { userId }).panel);

  try {
    const [user, identities, tickets] = await Promise.all([
      loadUser(userId),
      loadIdentities(userId).catch(() => [] as RestIdentity[]),
      loadTickets().catch(() => [] as RestTicket[]),
    ]);
    if (!page.isCurrent()) return;
    page.setTitle(user.name);
    main.replaceChildren(profile(user, identities), requestedTickets(tickets.filter((ticket) => ticket.requester_id === user.id)));
  } catch (error) {
    if (page.isCurrent()) main.replaceChildren(failure(`user #${userId}`, error));
  }
}

function profile(user: RestUser, identities: RestIdentity[]): HTMLElement {
  const userFields = Object.entries(user.user_fields ?? {});
  const details: Array<[string, string]> = [
    ['Email', user.email ?? '—'],
    ['Phone', user.phone ?? '—'],
    ['Role', user.role ?? 'end-user'],
    ['Language', user.locale ?? '—'],
    ['Time zone', user.iana_time_zone ?? user.time_zone ?? '—'],
    ['Tags', (user.tags ?? []).join(', ') || '—'],
    ...userFields.map(([key, value]): [string, string] => [key, value === null || value === undefined ? '—' : String(value)]),
  ];
  return el(
    'div',
    { class: 'profile' },
    el(
      'header',
      { class: 'profile-header' },
      el('span', { class: 'avatar avatar--large', 'aria-hidden': 'true' }, initials(user.name)),
      el('h2', { id: 'user-name' }, user.name),
    ),
    el('dl', { class: 'details' }, ...details.flatMap(([term, value]) => [el('dt', {}, term), el('dd', {}, value)])),
    el('h3', {}, 'Identities'),
    identities.length === 0
      ? el('p', { class: 'hint' }, 'No identity.')
      : el(
          'ul',
          { class: 'identities' },
          ...identities.map((identity) =>
            el('li', {}, `${identity.type}: ${identity.value}`, identity.primary ? ' (primary)' : '', identity.verified ? '' : ' (unverified)'),
          ),
        ),
  );
}

function requestedTickets(tickets: RestTicket[]): HTMLElement {
  return el(
    'section',
    { 'aria-labelledby': 'user-tickets-heading' },
    el('h3', { id: 'user-tickets-heading' }, `Requested tickets (${tickets.length})`),
    el(
      'ul',
      { class: 'ticket-links' },
      ...tickets.map((ticket) => el('li', {}, el('a', { href: `#/tickets/${ticket.id}` }, `#${ticket.id} ${ticket.subject ?? ''}`), ' ', statusBadge(ticket.status))),
    ),
  );
}
