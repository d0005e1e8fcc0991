import type { CustomObjectDefinition } from '../api/zendesk/customObjects';

/**
 * The custom objects Herald keeps its data in. Setup creates them (idempotently); each store reads
 * and writes one of them. Later stores (campaigns, ledgers) add theirs here.
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

export const HERALD_OBJECTS: readonly CustomObjectDefinition[] = [SMS_TEMPLATE_OBJECT, CONTACT_LIST_OBJECT, BLACKOUT_LOG_OBJECT];
