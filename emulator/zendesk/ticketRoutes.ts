import { isPlainObject } from '../json';
import { badRequest, invalidCursor, notFoundError, recordInvalid } from './apiErrors';
import { cursorEnvelope, cursorPage, parseCursorParams, parseOffsetParams, pageLink } from './pagination';
import { json, readJsonBody, route, type Call, type Route } from './route';
import { escapeHtml } from './ticketSeed';
import {
  cloneVia,
  commentJson,
  TICKET_PRIORITIES,
  TICKET_STATUSES,
  TICKET_TYPES,
  ticketJson,
  viaFor,
  type TicketRecord,
} from './tickets';
import { isoSeconds } from './time';
import { normalizeTags } from './userRoutes';

/** List, show and update tickets; list comments. */
export function ticketRoutes(): Route[] {
  return [
    route('GET', '/api/v2/tickets', listTickets),
    route('GET', '/api/v2/tickets/{id:int}', (call) => json({ ticket: ticketJson(requireTicket(call), call.origin) })),
    route('PUT', '/api/v2/tickets/{id:int}', updateTicket),
    route('GET', '/api/v2/tickets/{id:int}/comments', listComments),
  ];
}

function requireTicket(call: Call): TicketRecord {
  const ticket = call.state.tickets.get(Number(call.params.id));
  if (!ticket) throw notFoundError();
  return ticket;
}

function usesCursor(url: URL): boolean {
  return ['page[size]', 'page[after]', 'page[before]'].some((name) => url.searchParams.has(name));
}

function cursorExpired(call: Call): boolean {
  const hasCursor = call.url.searchParams.has('page[after]') || call.url.searchParams.has('page[before]');
  return hasCursor && call.context.faults.takeCursorExpiry({ service: 'zendesk', method: call.request.method, pathname: call.url.pathname });
}

/** Cursor pagination when any `page[…]` parameter is given (at most 100), offset pagination otherwise. */
function listTickets(call: Call): Response {
  const tickets = call.state.tickets.list();
  if (usesCursor(call.url)) {
    const request = parseCursorParams(call.url, { defaultSize: 100, maxSize: 100 });
    if (cursorExpired(call)) throw invalidCursor('the cursor has expired');
    const page = cursorPage(tickets, (ticket) => [ticket.id], ['asc'], request);
    return json({ tickets: page.items.map((ticket) => ticketJson(ticket, call.origin)), ...cursorEnvelope(call.url, page) });
  }
  const { page, perPage } = parseOffsetParams(call.url, { defaultPerPage: 100, maxPerPage: 100 });
  const slice = tickets.slice((page - 1) * perPage, page * perPage);
  return json({
    tickets: slice.map((ticket) => ticketJson(ticket, call.origin)),
    next_page: page * perPage < tickets.length ? pageLink(call.url, { page: String(page + 1) }) : null,
    previous_page: page > 1 ? pageLink(call.url, { page: String(page - 1) }) : null,
    count: tickets.length,
  });
}

function listComments(call: Call): Response {
  const ticket = requireTicket(call);
  const order = call.url.searchParams.get('sort_order') ?? 'asc';
  if (order !== 'asc' && order !== 'desc') throw badRequest('sort_order must be asc or desc');
  const comments = [...ticket.comments].sort((a, b) => (order === 'asc' ? 1 : -1) * (a.createdAt - b.createdAt || a.id - b.id));
  if (usesCursor(call.url)) {
    const request = parseCursorParams(call.url, { defaultSize: 100, maxSize: 100 });
    if (cursorExpired(call)) throw invalidCursor('the cursor has expired');
    const page = cursorPage(comments, (comment) => [comment.createdAt, comment.id], [order, order], request);
    return json({ comments: page.items.map(commentJson), ...cursorEnvelope(call.url, page) });
  }
  return json({ comments: comments.map(commentJson), next_page: null, previous_page: null, count: comments.length });
}

/**
 * Update Ticket. `ticket.comment` (`body` or `html_body`, `public` default true) appends a comment;
 * `public: false` makes it an internal note. Status, priority, type, subject, tags and assignee can
 * change too. The answer carries the audit of the change, as Zendesk's does. A closed ticket cannot
 * be updated.
 */
async function updateTicket(call: Call): Promise<Response> {
  const ticket = requireTicket(call);
  const body = await readJsonBody(call.request);
  const changes = body.ticket;
  if (!isPlainObject(changes)) throw badRequest('The body needs a ticket object');
  if (ticket.status === 'closed') throw recordInvalid('Status: closed prevents ticket update', 'status');

  const auditId = call.state.tickets.newAuditId();
  const events: Array<Record<string, unknown>> = [];
  let eventId = auditId * 10;
  const change = (field: string, value: string | number, previous: string | number): void => {
    if (value !== previous) events.push({ id: ++eventId, type: 'Change', field_name: field, value, previous_value: previous });
  };

  const status = enumValue(changes.status, TICKET_STATUSES, 'status');
  const priority = enumValue(changes.priority, TICKET_PRIORITIES, 'priority');
  const type = enumValue(changes.type, TICKET_TYPES, 'type');
  if (changes.subject !== undefined && (typeof changes.subject !== 'string' || changes.subject.trim() === '')) throw recordInvalid("Subject: can't be blank", 'subject');
  if (changes.tags !== undefined && (!Array.isArray(changes.tags) || !changes.tags.every((tag) => typeof tag === 'string'))) {
    throw recordInvalid('Tags: must be a list of strings', 'tags');
  }
  let assigneeId: number | undefined;
  if (changes.assignee_id !== undefined) {
    const assignee = typeof changes.assignee_id === 'number' ? call.state.users.get(changes.assignee_id) : undefined;
    if (!assignee || assignee.role === 'end-user') throw recordInvalid(`Assignee: ${String(changes.assignee_id)} is not an agent`, 'assignee_id');
    assigneeId = assignee.id;
  }
  const comment = changes.comment === undefined ? undefined : commentInput(changes.comment);

  if (comment) {
    const authorId = comment.authorId ?? call.actor.id;
    if (!call.state.users.get(authorId)) throw recordInvalid(`Author: ${authorId} does not exist`, 'comment');
    const stored = call.state.tickets.addComment(ticket, {
      authorId,
      body: comment.body,
      htmlBody: comment.htmlBody,
      public: comment.public,
      createdAt: call.now,
      via: viaFor('api'),
      auditId,
    });
    const { via: _via, created_at: _createdAt, metadata: _metadata, ...event } = commentJson(stored);
    events.push(event);
  }
  if (status) {
    change('status', status, ticket.status);
    ticket.status = status;
  }
  if (priority) {
    change('priority', priority, ticket.priority);
    ticket.priority = priority;
  }
  if (type) {
    change('type', type, ticket.type);
    ticket.type = type;
  }
  if (typeof changes.subject === 'string') {
    change('subject', changes.subject.trim(), ticket.subject);
    ticket.subject = changes.subject.trim();
  }
  if (assigneeId !== undefined) {
    change('assignee_id', assigneeId, ticket.assigneeId);
    ticket.assigneeId = assigneeId;
  }
  if (Array.isArray(changes.tags)) ticket.tags = normalizeTags(changes.tags as string[]);
  ticket.updatedAt = call.now;

  const audit = {
    id: auditId,
    ticket_id: ticket.id,
    created_at: isoSeconds(call.now),
    author_id: call.actor.id,
    metadata: { system: {}, custom: {} },
    via: cloneVia(viaFor('api')),
    events,
  };
  return json({ ticket: ticketJson(ticket, call.origin), audit });
}

function enumValue<T extends string>(raw: unknown, allowed: readonly T[], field: string): T | undefined {
  if (raw === undefined) return undefined;
  if (typeof raw === 'string' && (allowed as readonly string[]).includes(raw)) return raw as T;
  throw recordInvalid(`${field[0]?.toUpperCase()}${field.slice(1)}: ${String(raw)} is not one of ${allowed.join(', ')}`, field);
}

function commentInput(raw: unknown): { body: string; htmlBody: string; public: boolean; authorId?: number } {
  if (!isPlainObject(raw)) throw badRequest('ticket.comment must be an object');
  const isPublic = raw.public === undefined ? true : raw.public;
  if (typeof isPublic !== 'boolean') throw recordInvalid('Comment: public must be true or false', 'comment');
  const authorId = typeof raw.author_id === 'number' ? raw.author_id : undefined;
  if (typeof raw.html_body === 'string' && raw.html_body.trim() !== '') {
    const body = raw.html_body
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<\/p>/gi, '\n')
      .replace(/<[^>]+>/g, '')
      .trim();
    return { body, htmlBody: raw.html_body, public: isPublic, ...(authorId !== undefined ? { authorId } : {}) };
  }
  if (typeof raw.body === 'string' && raw.body.trim() !== '') {
    const htmlBody = `<div class="zd-comment" dir="auto"><p dir="auto">${escapeHtml(raw.body).replace(/\n/g, '<br>')}</p></div>`;
    return { body: raw.body, htmlBody, public: isPublic, ...(authorId !== undefined ? { authorId } : {}) };
  }
  throw recordInvalid("Comment: body can't be blank", 'comment');
}

