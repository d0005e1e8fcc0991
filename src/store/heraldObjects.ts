import type { CustomObjectDefinition } from '../api/zendesk/customObjects';

/**
 * The custom objects Herald keeps its data in. Setup creates them (idempotently); each store reads
 * and writes one of them.
 */
export const SMS_TEMPLATE_OBJECT: CustomObjectDefinition = {
  key: 'herald_sms_template',
  title: 'Herald SMS template',
  titlePluralized: 'Herald SMS templates',
  description: 'SMS templates of the Herald app. They need no approval and are ready at once.',
  fields: [
    { key: 'language', title: 'Language', type: 'text', description: 'Language code, as for WhatsApp templates (fr, en_US…)' },
    { key: 'body', title: 'Body', type: 'textarea', description: 'The message, with {{example}} placeholders' },
  ],
};

/**
 * The block and allow lists: one record per entry. The external id is the entry's identity
 * (`block:user:123`, `allow:phone:+33612345678`), so adding an entry twice keeps one record.
 */
export const CONTACT_LIST_OBJECT: CustomObjectDefinition = {
  key: 'herald_contact_list',
  title: 'Herald contact list entry',
  titlePluralized: 'Herald contact list entries',
  description: 'Block and allow lists of the Herald app: a Zendesk user, a phone number, or both.',
  fields: [
    { key: 'list', title: 'List', type: 'text', description: 'block or allow' },
    { key: 'user_id', title: 'User ID', type: 'integer', description: 'The Zendesk user, when the entry names one' },
    { key: 'phone', title: 'Phone', type: 'text', description: 'The phone number in E.164 (+33612345678), when the entry names one' },
    { key: 'note', title: 'Note', type: 'text', description: 'Why the entry is there' },
  ],
};

/**
 * Who received which message, for the blackout days: fingerprints of the sends of one UTC day,
 * packed many to a record (records are at most 32 KB), so that reading a week takes few requests.
 */
export const BLACKOUT_LOG_OBJECT: CustomObjectDefinition = {
  key: 'herald_blackout_log',
  title: 'Herald blackout log',
  titlePluralized: 'Herald blackout logs',
  description: 'Sends of the Herald app by day, so that nobody receives the same message twice within the blackout days.',
  fields: [
    { key: 'day', title: 'Day', type: 'text', description: 'The UTC day of the sends (YYYY-MM-DD)' },
    { key: 'fingerprints', title: 'Fingerprints', type: 'textarea', description: 'Fingerprints of the messages sent that day, separated by spaces' },
  ],
};

/**
 * One record per campaign: what it sends (the definition), to how many, how far it got, and who is
 * running it (the lease). Times are milliseconds since the epoch, in integer fields.
 */
export const CAMPAIGN_OBJECT: CustomObjectDefinition = {
  key: 'herald_campaign',
  title: 'Herald campaign',
  titlePluralized: 'Herald campaigns',
  description: 'Campaigns of the Herald app: what they send, to whom, and how far they got.',
  fields: [
    { key: 'status', title: 'Status', type: 'text', description: 'draft, scheduled, running, paused, completed or cancelled' },
    { key: 'channel', title: 'Channel', type: 'text', description: 'whatsapp or sms' },
    { key: 'integration_id', title: 'Integration ID', type: 'text', description: 'The Sunshine Conversations integration that sends' },
    { key: 'template_name', title: 'Template name', type: 'text', description: 'The template sent' },
    { key: 'template_language', title: 'Template language', type: 'text', description: 'Its language code' },
    { key: 'template_category', title: 'Template category', type: 'text', description: 'MARKETING, UTILITY, AUTHENTICATION or empty for SMS' },
    { key: 'query', title: 'Audience query', type: 'textarea', description: 'The Zendesk search the audience came from' },
    { key: 'definition', title: 'Definition', type: 'textarea', description: 'JSON: template content, placeholders and their mapping, rate, quiet hours' },
    { key: 'recipients', title: 'Recipients', type: 'integer', description: 'Recipients in the frozen audience' },
    { key: 'counts', title: 'Counts', type: 'textarea', description: 'JSON: recipients by state' },
    { key: 'reserved_through', title: 'Reserved through', type: 'integer', description: 'Every recipient below this index may have been sent; empty until the audience is frozen' },
    { key: 'settled_through', title: 'Settled through', type: 'integer', description: 'The watermark at which the run last stopped cleanly: the stored results are then complete' },
    { key: 'lease_holder', title: 'Lease holder', type: 'text', description: 'Who is sending: agent and browser session' },
    { key: 'lease_expires_at', title: 'Lease expires at', type: 'integer', description: 'When the lease ends without a heartbeat (ms since epoch)' },
    { key: 'created_by', title: 'Created by', type: 'integer', description: 'The Zendesk user who created the campaign' },
    { key: 'created_by_name', title: 'Created by (name)', type: 'text', description: 'Their name when they created it' },
    { key: 'scheduled_at', title: 'Scheduled at', type: 'integer', description: 'When a scheduled campaign is to start (ms since epoch)' },
    { key: 'follow_up_of', title: 'Follow-up of', type: 'text', description: 'The herald_campaign record whose failed recipients this campaign retries' },
    { key: 'launched_by', title: 'Launched by', type: 'integer', description: 'The Zendesk user who launched the campaign' },
    { key: 'launched_by_name', title: 'Launched by (name)', type: 'text', description: 'Their name when they launched it' },
    { key: 'started_at', title: 'Started at', type: 'integer', description: 'When it was launched (ms since epoch)' },
    { key: 'finished_at', title: 'Finished at', type: 'integer', description: 'ms since epoch' },
    { key: 'pause_reason', title: 'Pause reason', type: 'text', description: 'Why the campaign paused itself' },
    { key: 'report', title: 'Report', type: 'textarea', description: 'JSON: the outcome of the campaign' },
    { key: 'sent_from', title: 'Sent from', type: 'text', description: 'service: the Herald service sends it; empty or browser: a browser tab of Herald' },
    {
      key: 'change_accepted_at',
      title: 'Change accepted at',
      type: 'integer',
      description: 'When someone who may launch campaigns last accepted a change made by someone who may not (ms since epoch)',
    },
  ],
};

/**
 * A campaign's frozen audience and its per-recipient ledger, cut in chunks of many recipients each
 * (deflated, base64), so that a 300,000-recipient campaign takes a few hundred records; what it
 * sends, frozen with the audience; and, in records of their own kind, the log of test messages
 * (a sixth object would not fit Zendesk's Growth plan, which allows five).
 */
export const CAMPAIGN_CHUNK_OBJECT: CustomObjectDefinition = {
  key: 'herald_campaign_chunk',
  title: 'Herald campaign chunk',
  titlePluralized: 'Herald campaign chunks',
  description: 'Audiences, send ledgers and delivery outcomes of Herald campaigns, many recipients per record; the log of test messages; what the Herald service heard.',
  fields: [
    { key: 'campaign_id', title: 'Campaign ID', type: 'text', description: 'The herald_campaign record' },
    { key: 'kind', title: 'Kind', type: 'text', description: 'audience, ledger, definition, test_sends; from the Herald service: delivery, delivery_totals, service, heard' },
    { key: 'chunk', title: 'Chunk', type: 'integer', description: 'Position of the chunk, from 0' },
    { key: 'data', title: 'Data', type: 'textarea', description: 'The recipients of the chunk, deflated and base64-encoded' },
  ],
};

export const HERALD_OBJECTS: readonly CustomObjectDefinition[] = [
  SMS_TEMPLATE_OBJECT,
  CONTACT_LIST_OBJECT,
  BLACKOUT_LOG_OBJECT,
  CAMPAIGN_OBJECT,
  CAMPAIGN_CHUNK_OBJECT,
];
