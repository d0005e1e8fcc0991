import { z } from 'zod';
import { audienceUserSchema } from '../../api/zendesk/audienceUsers';
import type { ZendeskUser } from '../../api/zendesk/users';
import type { AudienceUser } from '../../core/campaign/audienceUser';
import { getPath, ticketSchema, zafUserSchema } from '../../zaf/data';
import type { ZafClient } from '../../zaf/types';

/** What the ticket sidebar reads of ZAF's `ticket`: its id, subject, channel, requester and assignee. */
export const sidebarTicketSchema = ticketSchema.extend({
  via: z.looseObject({ channel: z.string().nullish(), source: z.unknown().optional() }).nullish(),
  assignee: z.looseObject({ user: zafUserSchema.nullish() }).nullish(),
});

export type SidebarTicket = z.infer<typeof sidebarTicketSchema>;

export const getSidebarTicket = (client: Pick<ZafClient, 'get'>) => getPath(client, 'ticket', sidebarTicketSchema);

/** The requester as a campaign keeps a recipient: every custom field kept (one user, any may be mapped). */
export function requesterAsRecipient(user: ZendeskUser): AudienceUser {
  return audienceUserSchema(Object.keys(user.user_fields ?? {})).parse(user);
}
