/**
 * The errors a screen tells apart, in one place: each is defined where it is thrown (the layer that
 * knows what went wrong) and re-exported here, so that screens depend on the application layer only.
 */
export { ExportCancelledError } from '../api/zendesk/exportSearch';
export { TypeTermInQueryError } from '../api/zendesk/userQuery';
export { IllegalCampaignTransitionError } from '../core/campaign/lifecycle';
export { ContactListCsvError, InvalidContactListEntryError } from '../store/contactLists';
export { HeraldObjectsMissingError } from '../store/objectGuard';
export { TemplateNameTakenError } from '../store/templateCatalogue';
export { ScheduleNotDueError } from './campaigns/campaignRuns';
export { CampaignNotEditableError, CampaignNotFrozenError } from './campaigns/drafts';
export { FollowUpRefusedError } from './campaigns/followUp';
export { EmptyAudienceError, ScheduleRefusedError } from './campaigns/launch';
export { UntrustedChangeError } from './campaigns/runTrust';
export { NotAllowedError } from './rights';
export { TestSendRefusedError } from './testSends/testSend';
