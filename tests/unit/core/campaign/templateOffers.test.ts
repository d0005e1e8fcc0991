import { describe, expect, it } from 'vitest';
import { templateOffers } from '../../../../src/core/campaign/templateOffers';
import { groupCatalogue } from '../../../../src/core/template/catalogue';
import type { MetaTemplate } from '../../../../src/core/template/meta';

const body = (text: string) => ({ type: 'BODY' as const, text });
const approved = (name: string, language: string): MetaTemplate => ({ name, language, status: 'APPROVED', category: 'MARKETING', components: [body('Bonjour')] });

describe('templateOffers', () => {
  const templates = groupCatalogue({
    whatsapp: [
      { integrationId: 'wa-fr', integrationName: 'France', templates: [approved('spring_sale', 'fr'), approved('order_update', 'fr'), { ...approved('draft', 'fr'), status: 'PENDING' }] },
      { integrationId: 'wa-br', integrationName: 'Brasil', templates: [approved('spring_sale', 'fr')] },
      { integrationId: 'wa-old', integrationName: 'Old', templates: [approved('legacy', 'en_US')] },
    ],
    sms: [{ name: 'relance', language: 'fr', body: 'Bonjour' }],
    smsLabel: 'SMS',
  });
  const channels = [
    { id: 'wa-fr', channel: 'whatsapp' as const, status: 'active' },
    { id: 'wa-br', channel: 'whatsapp' as const, status: 'active' },
    { id: 'wa-old', channel: 'whatsapp' as const, status: 'inactive' },
    { id: 'sms-1', channel: 'sms' as const, status: 'active' },
  ];

  it('offers each template sendable on an active channel once, with every channel it can go out on', () => {
    const offers = templateOffers(templates, channels);
    expect(offers.map((offer) => [offer.template.name, offer.integrations.map(({ integration }) => integration.id)])).toEqual([
      ['order_update', ['wa-fr']],
      ['relance', ['sms-1']],
      ['spring_sale', ['wa-fr', 'wa-br']],
    ]);
  });

  it('offers nothing from an inactive channel or a template still pending', () => {
    const names = templateOffers(templates, channels).map((offer) => offer.template.name);
    expect(names).not.toContain('legacy');
    expect(names).not.toContain('draft');
  });
});
