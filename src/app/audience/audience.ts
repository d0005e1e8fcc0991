import { ExportSearchClient } from '../../api/zendesk/exportSearch';
import { OrganizationsClient } from '../../api/zendesk/organizations';
import { SearchClient } from '../../api/zendesk/search';
import { UserFieldsClient, type UserField } from '../../api/zendesk/userFields';
import type { AudienceUser } from '../../core/campaign/audienceUser';
import { templateSlots } from '../../core/campaign/mapping';
import { AudiencePlanner, type PlannedSend, type PlanRequest } from '../../store/audiencePlanner';
import { BlackoutLogStore } from '../../store/blackoutLog';
import { ContactListStore } from '../../store/contactLists';
import { HeardNumbers } from '../../store/heardNumbers';
import type { AppContext } from '../context';
import { requireCompleteMapping } from '../mappingCheck';

export { ExportCancelledError } from '../../api/zendesk/exportSearch';
export { TypeTermInQueryError } from '../../api/zendesk/userQuery';

/**
 * Audiences from Zendesk searches: how many users a query matches, a few of them to check, the
 * account's custom user fields (for the mapping), and the send plan, which streams the whole
 * audience through every exclusion rule. Nothing here sends or writes.
 */

type Reads = Pick<AppContext, 'transport'>;

export function countUsers(context: Reads, query: string): Promise<number> {
  return new SearchClient(context.transport).countUsers(query);
}

export function sampleUsers(context: Reads, query: string, count: number, userFieldKeys: readonly string[]): Promise<AudienceUser[]> {
  return new SearchClient(context.transport).sampleUsers(query, count, { userFieldKeys });
}

export function listUserFields(context: Reads): Promise<UserField[]> {
  return new UserFieldsClient(context.transport).list();
}

/**
 * The plan of a send: lists and blackout log first, then the audience page by page. Refused at once
 * (MappingIncompleteError) while a placeholder has no value chosen.
 */
export async function planAudience(context: Reads, request: PlanRequest): Promise<PlannedSend> {
  requireCompleteMapping(templateSlots(request.content), request.mappings, { ticketAvailable: false });
  const { transport } = context;
  const planner = new AudiencePlanner({
    exportSearch: new ExportSearchClient(transport),
    organizations: new OrganizationsClient(transport),
    contactLists: new ContactListStore(transport),
    blackoutLog: new BlackoutLogStore(transport),
    heardNumbers: new HeardNumbers(transport),
  });
  return planner.plan(request);
}
