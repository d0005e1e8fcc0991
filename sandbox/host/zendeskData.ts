import { SANDBOX_API_PREFIX } from '../apiTypes';
import type { RestComment, RestGroup, RestIdentity, RestTicket, RestUser } from '../zendeskTypes';

/**
 * The emulated Support API, read by the host page as the signed-in agent (through the host
 * server, which adds the agent's session the way a Zendesk cookie would).
 */

export class ZendeskApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ZendeskApiError';
  }
}

export async function zendeskGet<T>(path: string): Promise<T> {
  const response = await fetch(`${SANDBOX_API_PREFIX}/zendesk${path}`);
  if (!response.ok) {
    let description = response.statusText;
    try {
      const body = (await response.json()) as { description?: string; error?: string };
      description = body.description ?? body.error ?? description;
    } catch {
      // Not JSON: keep the status text.
    }
    throw new ZendeskApiError(response.status, `GET ${path} failed (${response.status}): ${description}`);
  }
  return (await response.json()) as T;
}

export async function loadCurrentUser(): Promise<RestUser> {
  return (await zendeskGet<{ user: RestUser }>('/api/v2/users/me')).user;
}

export async function loadUser(id: number): Promise<RestUser> {
  return (await zendeskGet<{ user: RestUser }>(`/api/v2/users/${id}`)).user;
}

export async function loadIdentities(userId: number): Promise<RestIdentity[]> {
  return (await zendeskGet<{ identities: RestIdentity[] }>(`/api/v2/users/${userId}/identities`)).identities;
}

/** The groups an agent belongs to (List Groups, `/api/v2/users/{user_id}/groups`); none for end users. */
export async function loadUserGroups(userId: number): Promise<RestGroup[]> {
  return (await zendeskGet<{ groups: RestGroup[] }>(`/api/v2/users/${userId}/groups`)).groups;
}

export async function loadTickets(): Promise<RestTicket[]> {
  return (await zendeskGet<{ tickets: RestTicket[] }>('/api/v2/tickets')).tickets;
}

export async function loadTicket(id: number): Promise<RestTicket> {
  return (await zendeskGet<{ ticket: RestTicket }>(`/api/v2/tickets/${id}`)).ticket;
}

export async function loadComments(ticketId: number): Promise<RestComment[]> {
  return (await zendeskGet<{ comments: RestComment[] }>(`/api/v2/tickets/${ticketId}/comments`)).comments;
}

/** Users by id, each fetched once per cache: pages and ZAF answers look up the same people. */
export class UserCache {
  private readonly users = new Map<number, Promise<RestUser | undefined>>();

  get(id: number): Promise<RestUser | undefined> {
    let user = this.users.get(id);
    if (!user) {
      user = loadUser(id).catch(() => undefined);
      this.users.set(id, user);
    }
    return user;
  }
}
