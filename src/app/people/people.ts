import { TicketsClient, type TicketComment } from '../../api/zendesk/tickets';
import { UsersClient, type ZendeskUser } from '../../api/zendesk/users';
import type { AppContext } from '../context';

/** The people and tickets the sidebars show first: a user, a ticket's conversation. */

type Reads = Pick<AppContext, 'transport'>;

export function showUser(context: Reads, userId: number): Promise<ZendeskUser> {
  return new UsersClient(context.transport).show(userId);
}

export function ticketComments(context: Reads, ticketId: number): Promise<TicketComment[]> {
  return new TicketsClient(context.transport).comments(ticketId);
}

/** Users' names by id, for lists of recipients (a results page): the ids Zendesk no longer knows are left out. */
export function userNames(context: Reads, userIds: readonly number[]): Promise<Map<number, string>> {
  return new UsersClient(context.transport).names(userIds);
}
