import type { CustomObjectDefinition } from '../api/zendesk/customObjects';

/**
 * The custom objects Herald keeps its data in. Setup creates them (idempotently); each store reads
 * and writes one of them. Later stores (campaigns, ledgers, block and allow lists) add theirs here.
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

export const HERALD_OBJECTS: readonly CustomObjectDefinition[] = [SMS_TEMPLATE_OBJECT];
