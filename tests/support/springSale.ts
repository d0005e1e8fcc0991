import { SEEDED_INTEGRATION_IDS } from '../../emulator/sunshine/seedIntegrations';
import type { DraftChoices } from '../../src/app/campaigns/drafts';
import type { AppContext } from '../../src/app/context';
import { MessageTemplatesClient } from '../../src/api/sunshine/messageTemplates';
import { templateSlots } from '../../src/core/campaign/mapping';
import { firstNameMappings } from './mappings';
import type { Recipient } from '../../src/core/campaign/plan';
import { fromMetaTemplate } from '../../src/core/template/meta';
import { generateRecipients } from './recipients';

/** The seeded spring_sale (French) on Herald France, as the wizard's choices, read through the API as the app reads it. */
export async function springSaleChoices(context: AppContext, name = 'Spring sale'): Promise<DraftChoices> {
  const france = SEEDED_INTEGRATION_IDS.whatsappFrance;
  const seeded = (await new MessageTemplatesClient(context.transport, context.settings.sunshine).list(france, { name: 'spring_sale' })).find((template) => template.language === 'fr');
  if (!seeded) throw new Error('spring_sale (fr) is not seeded');
  const content = fromMetaTemplate(seeded);
  const slots = templateSlots(content);
  return {
    campaignId: undefined,
    name,
    integration: { id: france, channel: 'whatsapp' },
    template: { name: 'spring_sale', language: 'fr' },
    entry: { content, category: 'MARKETING' },
    slots,
    mappings: firstNameMappings(slots),
    query: 'tags:vip',
    quietHours: null,
  };
}

/** `count` recipients with a value for each placeholder, each number once, as a plan gives them. */
export function plannedAudience(count: number, slots: number): Recipient[] & { size: number } {
  const seen = new Set<string>();
  const recipients = generateRecipients(count * 2, { seed: 5, slots }).filter((recipient) => !seen.has(recipient.phone) && Boolean(seen.add(recipient.phone)));
  const chosen = recipients.slice(0, count);
  return Object.assign(chosen, { size: chosen.length });
}
