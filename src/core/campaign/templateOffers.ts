import type { CatalogueEntry, LogicalTemplate } from '../template/catalogue';
import { sendableTemplates } from './sendableTemplates';

/** What the wizard needs of a sending channel (a Sunshine integration). */
export interface OfferChannel {
  id: string;
  channel: 'whatsapp' | 'sms';
  status: string;
}

/** A template a campaign may send, with the active channels it can go out on now (one is chosen). */
export interface TemplateOffer<C extends OfferChannel = OfferChannel> {
  template: LogicalTemplate;
  integrations: Array<{ integration: C; entry: CatalogueEntry }>;
}

/**
 * Every template sendable on at least one active channel: approved there for WhatsApp, ready for
 * SMS. Sorted by name then language, so the list reads the same every time.
 */
export function templateOffers<C extends OfferChannel>(templates: readonly LogicalTemplate[], channels: readonly C[]): Array<TemplateOffer<C>> {
  const offers = new Map<string, TemplateOffer<C>>();
  for (const integration of channels) {
    if (integration.status !== 'active') continue;
    const sendable = sendableTemplates(templates, integration.channel === 'sms' ? { kind: 'sms' } : { kind: 'whatsapp', integrationId: integration.id });
    for (const { template, entry } of sendable) {
      const offer = offers.get(template.key) ?? { template, integrations: [] };
      offer.integrations.push({ integration, entry });
      offers.set(template.key, offer);
    }
  }
  return [...offers.values()].sort((a, b) => a.template.name.localeCompare(b.template.name) || a.template.language.localeCompare(b.template.language));
}
