import { describe, expect, it } from 'vitest';
import type { CustomObjectRecord } from '../../../src/api/zendesk/customObjects';
import { templateSlots, defaultMappings } from '../../../src/core/campaign/mapping';
import { campaignOfRecord, CampaignRecordInvalidError, frozenDefinitionSchema, frozenSendOf, jsonField, type CampaignDefinition } from '../../../src/store/campaignModel';
import { ORDER_CONTENT } from '../../support/campaignHarness';

/** The JSON fields of a campaign record as the schemas read them back: defaults, transforms and refusals. */

const slots = templateSlots(ORDER_CONTENT);
const definition: CampaignDefinition = { content: ORDER_CONTENT, slots, mappings: defaultMappings(slots), ratePerSecond: 8, quietHours: { start: '21:00', end: '08:00' } };

function record(fields: Record<string, unknown> = {}): CustomObjectRecord {
  return {
    id: 'c1',
    name: 'Soldes',
    custom_object_fields: {
      status: 'draft',
      channel: 'whatsapp',
      integration_id: 'int_whatsapp_fr',
      template_name: 'order_update',
      template_language: 'fr',
      definition: jsonField(definition),
      ...fields,
    },
  };
}

function problemsOf(fields: Record<string, unknown>): string[] {
  try {
    campaignOfRecord(record(fields));
  } catch (error) {
    if (error instanceof CampaignRecordInvalidError) return error.problems;
    throw error;
  }
  return [];
}

describe('campaignOfRecord', () => {
  it('reads missing counts as zero, each count missing from the JSON too', () => {
    expect(campaignOfRecord(record()).counts).toEqual({ pending: 0, sent: 0, failed: 0, skipped: 0, unverified: 0 });
    expect(campaignOfRecord(record({ counts: jsonField({ sent: 3, failed: 1 }) })).counts).toEqual({ pending: 0, sent: 3, failed: 1, skipped: 0, unverified: 0 });
  });

  it('reads a finished campaign’s counts from its final report, not from counts a failed write left short', () => {
    // The runner's last published counts were refused (a 429); its final report went with the status.
    const stale = jsonField({ pending: 1, sent: 0, failed: 0, skipped: 0, unverified: 9 });
    const report = jsonField({ outcome: 'completed', counts: { pending: 0, inflight: 0, sent: 10, failed: 0, skipped: 0, unverified: 0 }, total: 10 });
    const final = { pending: 0, sent: 10, failed: 0, skipped: 0, unverified: 0 };
    expect(campaignOfRecord(record({ status: 'completed', counts: stale, report })).counts).toEqual(final);
    expect(campaignOfRecord(record({ status: 'cancelled', counts: stale, report })).counts).toEqual(final);
    // A campaign that goes on publishes newer counts than the report of its last pause.
    expect(campaignOfRecord(record({ status: 'running', counts: stale, report })).counts).toEqual({ pending: 1, sent: 0, failed: 0, skipped: 0, unverified: 9 });
    // A report without readable counts leaves the published ones.
    expect(campaignOfRecord(record({ status: 'completed', counts: stale, report: jsonField({ outcome: 'completed' }) })).counts.unverified).toBe(9);
  });

  it('refuses counts that are not whole numbers of zero or more', () => {
    for (const sent of [-1, 1.5, '3', null]) {
      expect(problemsOf({ counts: jsonField({ sent }) })).toEqual(['counts is not valid JSON of the expected shape']);
    }
  });

  it('keeps the definition’s other settings, and only the position and sample of each variable', () => {
    const stored = { ...definition, engine: { batch: 2 }, content: { ...definition.content, variables: [{ position: 1, sample: 'Ana', colour: 'red' }, { position: 2 }] } };
    const read = campaignOfRecord(record({ definition: jsonField(stored) })).definition;
    expect(read.engine).toEqual({ batch: 2 });
    expect(read.content.variables).toEqual([
      { position: 1, sample: 'Ana' },
      { position: 2, sample: undefined },
    ]);
  });

  it('refuses a definition with a bad rate, quiet hours, variable position or button index', () => {
    const bad = [
      { ...definition, ratePerSecond: 0 },
      { ...definition, quietHours: { start: '24:00', end: '08:00' } },
      { ...definition, quietHours: { start: '9:00', end: '08:00' } },
      { ...definition, content: { ...definition.content, variables: [{ position: 0 }] } },
      { ...definition, content: { ...definition.content, variables: [{ position: 1.5 }] } },
      { ...definition, slots: [{ ...slots[0], buttonIndex: -1 }] },
    ];
    for (const stored of bad) expect(problemsOf({ definition: jsonField(stored) })).toEqual(['definition is not valid JSON of the expected shape']);
    expect(problemsOf({ definition: jsonField({ ...definition, quietHours: { start: '23:59', end: '00:00' } }) })).toEqual([]);
    expect(problemsOf({ definition: jsonField({ ...definition, quietHours: null }) })).toEqual([]);
  });
});

describe('frozenDefinitionSchema', () => {
  const send = frozenSendOf({ channel: 'whatsapp', integrationId: 'int_whatsapp_fr', templateName: 'order_update', templateLanguage: 'fr', templateCategory: 'UTILITY', definition, query: 'type:user tags:vip' });

  it('keeps the mappings and the search with what it froze', () => {
    expect(send.mappings).toEqual(definition.mappings);
    expect(frozenDefinitionSchema.parse({ ...send, recipients: 2 }).query).toBe('type:user tags:vip');
  });

  it('reads a frozen send back, with its ticket origin', () => {
    const frozen = { ...send, recipients: 1, origin: { kind: 'ticket' as const, ticketId: 42 } };
    expect(frozenDefinitionSchema.parse(JSON.parse(jsonField(frozen)))).toEqual(frozen);
  });

  it('refuses empty names, a bad origin and a negative or fractional recipient count', () => {
    for (const frozen of [
      { ...send, recipients: 1, integrationId: '' },
      { ...send, recipients: 1, templateName: '' },
      { ...send, recipients: 1, templateLanguage: '' },
      { ...send, recipients: 1, origin: { kind: 'ticket', ticketId: 0 } },
      { ...send, recipients: 1, origin: { kind: 'user', ticketId: 4 } },
      { ...send, recipients: -1 },
      { ...send, recipients: 0.5 },
    ]) {
      expect(frozenDefinitionSchema.safeParse(frozen).success).toBe(false);
    }
  });
});
