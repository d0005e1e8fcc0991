import { organizationJson } from './organizations';
import { SearchQueryError, type ParsedSearchQuery, type SearchType } from './searchQuery';
import type { ZendeskState } from './state';
import { compileOrganizationQuery, compileTicketQuery } from './ticketSearch';
import { ticketJson } from './tickets';
import { userJson } from './userRecord';
import { compileUserQuery } from './userSearch';

/**
 * What a search runs over, per type: the matching records as light hits (type, id, dates), in the
 * "relevance" order of the emulator (ascending id), and the JSON of one hit on demand. Hits stay
 * small so that a million users can be counted and sorted without keeping their records.
 */

export interface Hit {
  type: SearchType;
  id: number;
  createdAt: number;
  updatedAt: number;
}

type HitSource = () => Generator<Hit>;

/**
 * The hit sources of a query, compiled up front so that a bad query fails before any work. With a
 * `type:`, a term that type cannot take is an error; without one, each type that can take every
 * term is searched (`status<solved` then searches tickets only).
 */
export function compileSearch(state: ZendeskState, query: ParsedSearchQuery, now: number): HitSource[] {
  const types: SearchType[] = query.type ? [query.type] : ['user', 'organization', 'ticket'];
  const sources: HitSource[] = [];
  let firstError: unknown;
  for (const type of types) {
    try {
      sources.push(sourceFor(state, type, query, now));
    } catch (error) {
      if (!(error instanceof SearchQueryError)) throw error;
      firstError ??= error;
    }
  }
  if (sources.length === 0 && firstError !== undefined) throw firstError;
  return sources;
}

function sourceFor(state: ZendeskState, type: SearchType, query: ParsedSearchQuery, now: number): HitSource {
  switch (type) {
    case 'user': {
      const matches = compileUserQuery(query.terms, { userFields: state.userFields, organizations: state.organizations, now });
      return function* () {
        for (const user of state.users.all()) if (matches(user)) yield { type, id: user.id, createdAt: user.createdAt, updatedAt: user.updatedAt };
      };
    }
    case 'ticket': {
      const matches = compileTicketQuery(query.terms, state.users, now);
      return function* () {
        for (const ticket of state.tickets.list()) if (matches(ticket)) yield { type, id: ticket.id, createdAt: ticket.createdAt, updatedAt: ticket.updatedAt };
      };
    }
    case 'organization': {
      const matches = compileOrganizationQuery(query.terms, now);
      return function* () {
        for (const organization of state.organizations) {
          if (matches(organization)) yield { type, id: organization.id, createdAt: organization.createdAt, updatedAt: organization.updatedAt };
        }
      };
    }
    case 'group':
      // The account has no group search would return.
      return function* () {};
  }
}

export function* searchHits(sources: readonly HitSource[]): Generator<Hit> {
  for (const source of sources) yield* source();
}

/** The search result JSON: the record's own JSON plus `result_type`. */
export function hitJson(state: ZendeskState, hit: Pick<Hit, 'type' | 'id'>, origin: string): Record<string, unknown> {
  switch (hit.type) {
    case 'user': {
      const user = state.users.get(hit.id);
      if (!user) throw new SearchQueryError(`User ${hit.id} vanished`);
      return { ...userJson(user, origin), result_type: 'user' };
    }
    case 'ticket': {
      const ticket = state.tickets.get(hit.id);
      if (!ticket) throw new SearchQueryError(`Ticket ${hit.id} vanished`);
      return { ...ticketJson(ticket, origin), result_type: 'ticket' };
    }
    case 'organization': {
      const organization = state.organizations.find((candidate) => candidate.id === hit.id);
      if (!organization) throw new SearchQueryError(`Organization ${hit.id} vanished`);
      return { ...organizationJson(organization, origin), result_type: 'organization' };
    }
    case 'group':
      throw new SearchQueryError('Groups are not searchable in the emulator');
  }
}
