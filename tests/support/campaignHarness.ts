import { createEmulator, ManualClock, type Emulator } from '../../emulator/index';
import { createInstallation } from '../../emulator/installation';
import type { Transport } from '../../src/api/transport/types';
import { ZafTransport } from '../../src/zaf/zafTransport';
import { CustomObjectsClient } from '../../src/api/zendesk/customObjects';
import { templateSlots } from '../../src/core/campaign/mapping';
import { firstNameMappings } from './mappings';
import type { TemplateContent } from '../../src/core/template/meta';
import { frozenSendOf, type FrozenSend } from '../../src/store/campaignModel';
import type { CampaignDraft } from '../../src/store/campaigns';
import { setUpHeraldObjects } from '../../src/store/setup';
import { advancingClock, type AdvancingClock } from './advancingClock';
import { createFakeZafClient } from './fakeZafClient';

/** Herald's campaign stores over the real transport, through the emulated Zendesk proxy, against the emulator. */

export interface CampaignHarness {
  clock: ManualClock;
  /** The app's waits: they move the manual clock. */
  waits: AdvancingClock;
  emulator: Emulator;
  transport: Transport;
}

export async function campaignHarness(options: { setUp?: boolean; jobDelayMs?: number } = {}): Promise<CampaignHarness> {
  const clock = new ManualClock();
  const emulator = createEmulator({ clock, zendesk: { endUsers: 50, jobDelayMs: options.jobDelayMs ?? 0 } });
  const transport = new ZafTransport(createFakeZafClient({ emulator, installation: createInstallation(emulator) }));
  if (options.setUp !== false) await setUpHeraldObjects(new CustomObjectsClient(transport));
  return { clock, waits: advancingClock(clock), emulator, transport };
}

export const ORDER_CONTENT: TemplateContent = {
  header: { kind: 'text', text: 'Commande {{#10482}}' },
  body: 'Bonjour {{Clarice}}, votre commande {{#10482}} arrive le {{24/11}}.',
  footer: 'Herald Shop',
  buttons: [{ type: 'url', text: 'Suivre', url: 'https://shop.example.com/orders/{{10482}}' }],
  variables: [
    { position: 1, sample: 'Clarice' },
    { position: 2, sample: '#10482' },
    { position: 3, sample: undefined },
  ],
};

export function campaignDraft(overrides: Partial<CampaignDraft> = {}): CampaignDraft {
  const slots = templateSlots(ORDER_CONTENT);
  return {
    name: 'Soldes de printemps',
    channel: 'whatsapp',
    integrationId: 'int_whatsapp_fr',
    templateName: 'order_update',
    templateLanguage: 'fr',
    templateCategory: 'UTILITY',
    query: 'tags:vip',
    definition: { content: ORDER_CONTENT, slots, mappings: firstNameMappings(slots), ratePerSecond: 8, quietHours: { start: '21:00', end: '08:00' } },
    recipients: 1200,
    createdBy: 1,
    ...overrides,
  };
}

/** What a campaign made from `campaignDraft(overrides)` sends, as Herald freezes it with the audience. */
export function frozenSend(overrides: Partial<CampaignDraft> = {}): FrozenSend {
  return frozenSendOf(campaignDraft(overrides));
}
