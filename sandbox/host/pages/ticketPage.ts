import type { RestComment, RestTicket, RestUser } from '../../zendeskTypes';
import { el, formatDate } from '../dom';
import { showToast } from '../toasts';
import { loadComments, loadTicket, UserCache } from '../zendeskData';
import { renderAppsPanel } from './appsPanel';
import { channelLabel, failure, loading, statusBadge } from './common';
import type { PageContext } from './page';

/** `#/tickets/:id`: the ticket, its conversation, and the ticket sidebar app. */
export async function ticketPage(page: PageContext, ticketId: number): Promise<void> {
  page.setTitle(`Ticket #${ticketId}`);
  const main = el('section', { class: 'ticket-main card', 'aria-labelledby': 'ticket-title' }, loading(`ticket #${ticketId}`));
  const layout = el('div', { class: 'split-layout' }, main);
  page.container.append(layout);
  // The app loads alongside the ticket, as in Zendesk.
  const { panel, instance } = renderAppsPanel(page, 'ticket_sidebar', { ticketId });
  layout.append(panel);

  try {
    const users = new UserCache();
    const [ticket, comments] = await Promise.all([loadTicket(ticketId), loadComments(ticketId)]);
    const people = new Map<number, RestUser | undefined>();
    const ids = new Set([ticket.requester_id, ticket.assignee_id, ...comments.map((comment) => comment.author_id)]);
    await Promise.all([...ids].filter((id): id is number => typeof id === 'number').map(async (id) => people.set(id, await users.get(id))));
    if (!page.isCurrent()) return;
    page.setTitle(`#${ticket.id} ${ticket.subject ?? ''}`.trim());

    const submit = el('button', { type: 'button', class: 'button button--primary' }, 'Submit');
    submit.addEventListener('click', async () => {
      submit.disabled = true;
      // Zendesk asks the apps that registered a `ticket.save` hook before saving.
      const outcome = instance ? await page.apps.runHook(instance, 'ticket.save') : { ok: true as const };
      submit.disabled = false;
      if (outcome.ok) showToast(`Ticket #${ticket.id} submitted (the sandbox leaves the ticket unchanged).`, 'success');
      else showToast(`Ticket #${ticket.id} was not submitted: ${outcome.message}`, 'error');
    });

    main.replaceChildren(
      ticketHeader(ticket, people),
      el('h3', { class: 'visually-hidden' }, 'Conversation'),
      el('ol', { class: 'conversation', 'aria-label': 'Conversation' }, ...comments.map((comment) => commentItem(comment, people, page.bootstrap().session.locale))),
      el('footer', { class: 'ticket-actions' }, submit),
    );
  } catch (error) {
    if (page.isCurrent()) main.replaceChildren(failure(`ticket #${ticketId}`, error));
  }
}

function ticketHeader(ticket: RestTicket, people: Map<number, RestUser | undefined>): HTMLElement {
  const requester = ticket.requester_id ? people.get(ticket.requester_id) : undefined;
  const assignee = ticket.assignee_id ? people.get(ticket.assignee_id) : undefined;
  return el(
    'header',
    { class: 'ticket-header' },
    el('p', { class: 'ticket-meta' }, `Ticket #${ticket.id} · via ${channelLabel(ticket.via?.channel)} `, statusBadge(ticket.status)),
    el('h2', { id: 'ticket-title' }, ticket.subject || '(no subject)'),
    el(
      'dl',
      { class: 'inline-details' },
      el('dt', {}, 'Requester'),
      el('dd', {}, requester ? el('a', { href: `#/users/${requester.id}` }, requester.name) : ticket.requester_id ? `User #${ticket.requester_id}` : '—'),
      el('dt', {}, 'Assignee'),
      el('dd', {}, assignee?.name ?? '—'),
      el('dt', {}, 'Tags'),
      el('dd', {}, (ticket.tags ?? []).join(', ') || '—'),
    ),
  );
}

function commentItem(comment: RestComment, people: Map<number, RestUser | undefined>, locale: string): HTMLElement {
  const author = comment.author_id ? people.get(comment.author_id) : undefined;
  const isPublic = comment.public ?? true;
  return el(
    'li',
    { class: `comment ${isPublic ? '' : 'comment--internal'}`.trim() },
    el(
      'header',
      { class: 'comment-header' },
      el('strong', {}, author?.name ?? (comment.author_id ? `User #${comment.author_id}` : 'Unknown')),
      isPublic ? null : el('span', { class: 'tag' }, 'Internal note'),
      el('time', { datetime: comment.created_at ?? '' }, formatDate(comment.created_at, locale)),
    ),
    // Text only: comment bodies come from customers and are never inserted as HTML.
    el('p', { class: 'comment-body' }, comment.plain_body ?? comment.body ?? ''),
  );
}
