import type { OrganizationRecord } from './organizations';
import { dateComparison, globRegExp, hasWildcard, isNone, matchesText, normalize, requireEquality } from './searchMatch';
import { SearchQueryError, type FieldTerm, type SearchTerm } from './searchQuery';
import { TICKET_STATUSES, type TicketRecord, type TicketStatus } from './tickets';
import type { UserStore } from './users';

/**
 * Ticket and organization search: a smaller vocabulary than users (Herald searches users), enough
 * for `type:ticket status<solved tags:whatsapp requester:…` and organization names.
 */

export function compileTicketQuery(terms: readonly SearchTerm[], users: UserStore, now: number): (ticket: TicketRecord) => boolean {
  const predicates = terms.map((term) => {
    const predicate: (ticket: TicketRecord) => boolean =
      term.kind === 'text'
        ? (ticket) => matchesText(ticket.subject, term.value) || ticket.comments.some((comment) => comment.public && matchesText(comment.body, term.value))
        : ticketField(term, users, now);
    return term.negated ? (ticket: TicketRecord) => !predicate(ticket) : predicate;
  });
  return (ticket) => predicates.every((predicate) => predicate(ticket));
}

function ticketField(term: FieldTerm, users: UserStore, now: number): (ticket: TicketRecord) => boolean {
  if (term.field === 'created' || term.field === 'updated') {
    const compare = dateComparison(term, now);
    return term.field === 'created' ? (ticket) => compare(ticket.createdAt) : (ticket) => compare(ticket.updatedAt);
  }
  if (term.field === 'status') {
    // Statuses are ordered (new < open < pending < hold < solved < closed), so status<solved works.
    const wanted = TICKET_STATUSES.indexOf(term.value.toLowerCase() as TicketStatus);
    if (wanted < 0) throw new SearchQueryError(`Invalid status: ${term.value}`);
    const rank = (ticket: TicketRecord): number => TICKET_STATUSES.indexOf(ticket.status);
    switch (term.comparator) {
      case ':':
        return (ticket) => rank(ticket) === wanted;
      case '<':
        return (ticket) => rank(ticket) < wanted;
      case '<=':
        return (ticket) => rank(ticket) <= wanted;
      case '>':
        return (ticket) => rank(ticket) > wanted;
      case '>=':
        return (ticket) => rank(ticket) >= wanted;
    }
  }
  requireEquality(term);
  const value = term.value;
  const none = isNone(term);
  switch (term.field) {
    case 'tags':
    case 'tag':
      if (none) return (ticket) => ticket.tags.length === 0;
      if (hasWildcard(value)) return (ticket) => ticket.tags.some((tag) => globRegExp(value).test(tag));
      return (ticket) => ticket.tags.includes(value.toLowerCase());
    case 'subject':
      return (ticket) => matchesText(ticket.subject, value);
    case 'priority':
      return (ticket) => ticket.priority === value.toLowerCase();
    case 'ticket_type':
      return (ticket) => ticket.type === value.toLowerCase();
    case 'via':
      return (ticket) => [ticket.via.channel, ticket.via.source.rel ?? ''].some((part) => normalize(part) === normalize(value));
    case 'requester':
    case 'assignee': {
      const idOf = (ticket: TicketRecord): number => (term.field === 'requester' ? ticket.requesterId : ticket.assigneeId);
      if (/^\d+$/.test(value)) return (ticket) => idOf(ticket) === Number(value);
      if (value.toLowerCase() === 'me') return () => false;
      return (ticket) => {
        const user = users.get(idOf(ticket));
        return user !== undefined && (normalize(user.email) === normalize(value) || matchesText(user.name, value));
      };
    }
  }
  return () => false;
}

export function compileOrganizationQuery(terms: readonly SearchTerm[], now: number): (organization: OrganizationRecord) => boolean {
  const predicates = terms.map((term) => {
    let predicate: (organization: OrganizationRecord) => boolean;
    if (term.kind === 'text') {
      predicate = (organization) => matchesText(organization.name, term.value) || organization.domainNames.some((domain) => matchesText(domain, term.value));
    } else if (term.field === 'created' || term.field === 'updated') {
      const compare = dateComparison(term, now);
      predicate = term.field === 'created' ? (organization) => compare(organization.createdAt) : (organization) => compare(organization.updatedAt);
    } else {
      requireEquality(term);
      const value = term.value;
      predicate =
        term.field === 'name'
          ? (organization) => matchesText(organization.name, value)
          : term.field === 'tags' || term.field === 'tag'
            ? (organization) => organization.tags.includes(value.toLowerCase())
            : () => false;
    }
    return term.negated ? (organization: OrganizationRecord) => !predicate(organization) : predicate;
  });
  return (organization) => predicates.every((predicate) => predicate(organization));
}
