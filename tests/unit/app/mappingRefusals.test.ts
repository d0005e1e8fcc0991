import { describe, expect, it } from 'vitest';
import { audienceUserSchema } from '../../../src/api/zendesk/audienceUsers';
import type { Transport } from '../../../src/api/transport/types';
import { planAudience } from '../../../src/app/audience/audience';
import type { CampaignRunDeps } from '../../../src/app/campaigns/campaignRuns';
import type { DraftChoices } from '../../../src/app/campaigns/drafts';
import { launchCampaign } from '../../../src/app/campaigns/launch';
import { RunRegistry } from '../../../src/app/campaigns/runRegistry';
import type { Actor, AppContext } from '../../../src/app/context';
import { MappingIncompleteError } from '../../../src/app/errors';
import { reengage, requesterValues, type ReengageMessage, type ReengageTarget } from '../../../src/app/reengage/reengage';
import { defaultMappings, templateSlots, type SlotMapping } from '../../../src/core/campaign/mapping';
import type { Recipient } from '../../../src/core/campaign/plan';
import { parseSettings, type HeraldSettings } from '../../../src/core/settings/settings';
import { groupCatalogue } from '../../../src/core/template/catalogue';
import { ORDER_CONTENT } from '../../support/campaignHarness';
import { FakeClock } from '../../support/fakeClock';

/**
 * A placeholder nobody chose, or the template's example typed for everyone without a confirmation,
 * never reaches a customer: the plan, the launch and the re-engagement refuse it before any request.
 */

const untouched: Transport = {
  send: (request) => Promise.reject(new Error(`Nothing should have been requested, but ${request.method} ${request.url} was`)),
};

function settings(): HeraldSettings {
  const parsed = parseSettings({ sunco_app_id: 'app_1', opt_in_rule: 'tag:whatsapp_opt_in', default_country: 'FR' }, 'acme');
  if (!parsed.ok) throw new Error('bad test settings');
  return parsed.settings;
}

const alex: Actor = { id: 1, name: 'Alex Martin', email: 'alex@acme.test', role: 'admin', groups: [] };
const context: AppContext = { transport: untouched, actor: alex, settings: settings(), clock: new FakeClock() };
const deps: CampaignRunDeps = { runs: new RunRegistry(), ports: { clock: () => new FakeClock(), sessionId: 'test' } };
const slots = templateSlots(ORDER_CONTENT);
const chosen: SlotMapping[] = slots.map(() => ({ source: { kind: 'user', field: 'first_name' }, fallback: 'client' }));
/** The template's own example typed for everyone in the second placeholder. */
const exampleTyped: SlotMapping[] = chosen.map((mapping, index) => (index === 1 ? { source: { kind: 'static', value: slots[1]!.sample }, fallback: '' } : mapping));

const integration = { id: 'wa-fr', channel: 'whatsapp' as const, type: 'whatsapp' as const, status: 'active' as const, displayName: 'France', senderNumber: '+33100000000' };
const choicesWith = (mappings: SlotMapping[]): DraftChoices => ({
  campaignId: undefined,
  name: 'Soldes',
  integration,
  template: { name: 'order_update', language: 'fr' },
  entry: { content: ORDER_CONTENT, category: 'UTILITY' },
  slots,
  mappings,
  query: 'tags:vip',
  quietHours: null,
});
const recipient: Recipient = { userId: 1001, phone: '+33612345678', country: 'FR', locale: 'fr', timeZone: 'Europe/Paris', values: slots.map(() => 'Ana') };
const audience = Object.assign([recipient], { size: 1 });

const catalogue = groupCatalogue({
  whatsapp: [{ integrationId: 'wa-fr', integrationName: 'France', templates: [{ name: 'order_update', language: 'fr', status: 'APPROVED', category: 'UTILITY', components: [{ type: 'BODY', text: 'Bonjour {{1}}' }] }] }],
  sms: [],
  smsLabel: 'SMS',
});
const requester = audienceUserSchema([]).parse({ id: 1001, name: 'Charlie Evans', phone: '+33612345678', tags: ['whatsapp_opt_in'] });
const target: ReengageTarget = { ticket: { id: 102, subject: 'Colis', requesterName: 'Charlie Evans', assigneeName: null, agentName: 'Alex Martin' }, requester, customerWrote: true };
const messageWith = (mappings: SlotMapping[]): ReengageMessage => ({ template: catalogue[0]!, integration, entry: catalogue[0]!.entries[0]!, slots, mappings });
const words = { campaignName: () => 'x', languageName: () => 'x', slotLabel: () => 'x', note: { line: () => 'x', outcome: () => 'x', channel: () => 'x' } };

async function refusal(work: () => Promise<unknown>): Promise<MappingIncompleteError> {
  const error = await work().then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(MappingIncompleteError);
  return error as MappingIncompleteError;
}

describe('a mapping nobody completed', () => {
  it('is refused by the plan, naming each placeholder without a value', async () => {
    const error = await refusal(() =>
      planAudience(context, {
        query: 'tags:vip',
        template: { name: 'order_update', language: 'fr', category: 'UTILITY', channel: 'whatsapp' },
        content: ORDER_CONTENT,
        mappings: defaultMappings(slots),
        contact: context.settings,
        blackoutDays: 0,
        now: 0,
      }),
    );
    expect(error.problems).toEqual(slots.map((slot) => ({ slot: slot.id, problem: 'unmapped' })));
  });

  it('is refused by the launch, now or later, even with recipients planned before', async () => {
    await refusal(() => launchCampaign(context, deps, choicesWith(defaultMappings(slots)), audience, { when: 'now' }));
    const later = await refusal(() => launchCampaign(context, deps, choicesWith(exampleTyped), audience, { when: 'later', at: Date.now() + 86_400_000 }));
    expect(later.problems).toEqual([{ slot: slots[1]!.id, problem: 'static-is-sample' }]);
  });

  it('is refused by the re-engagement, whose preview shows no value where none is chosen', async () => {
    await refusal(() => reengage(context, { clock: () => new FakeClock(), sessionId: 'test' }, target, messageWith(defaultMappings(slots)), words));
    expect(requesterValues(target, { slots, mappings: defaultMappings(slots) }, context.settings)).toEqual(slots.map(() => undefined));
    expect(requesterValues(target, { slots, mappings: chosen }, context.settings)).toEqual(slots.map(() => 'Charlie'));
  });
});
