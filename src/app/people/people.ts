import { OrganizationsClient } from '../../api/zendesk/organizations';
import { TicketsClient, type TicketComment } from '../../api/zendesk/tickets';
import { UsersClient, type ZendeskUser } from '../../api/zendesk/users';
import type { AppContext } from '../context';

/** The people and tickets the sidebars show: a user, their organization, a ticket's conversation. */

type Reads = Pick<AppContext, 'transport'>;

export function showUser(context: Reads, userId: number): Promise<ZendeskUser> {
  return new UsersClient(context.transport).show(userId);
}

/** The organization's name; null when it has none or it cannot be read (the name is a nicety, never a blocker). */
export async function organizationName(context: Reads, organizationId: number | null | undefined): Promise<string | null> {
  if (typeof organizationId !== 'number') return null;
  try {
    return (await new OrganizationsClient(context.transport).names([organizationId])).get(organizationId) ?? null;
  } catch {
    return null;
  }
}

export function ticketComments(context: Reads, ticketId: number): Promise<TicketComment[]> {
  return new TicketsClient(context.transport).comments(ticketId);
}
