import { describe, expect, it } from 'vitest';
import { seedTemplates } from '../../../../emulator/sunshine/seedTemplates';
import {
  CATALOGUE_STATUSES,
  catalogueFacets,
  catalogueStatus,
  filterCatalogue,
  groupCatalogue,
  type LogicalTemplate,
} from '../../../../src/core/template/catalogue';
import type { MetaTemplate } from '../../../../src/core/template/meta';

function template(name: string, language: string, status: string, body: string, extra: Partial<MetaTemplate> = {}): MetaTemplate {
  return { id: `${name}-${language}-${status}`, name, language, status, category: 'MARKETING', components: [{ type: 'BODY', text: body }], ...extra };
}

const france = {
  integrationId: 'wa-fr',
  integrationName: 'WhatsApp France',
  templates: [
    template('spring_sale', 'fr', 'APPROVED', 'Bonjour {{1}}, les soldes de printemps commencent', { components: [{ type: 'BODY', text: 'Bonjour {{1}}, les soldes de printemps commencent', example: { body_text: [['Clarice']] } }] }),
    template('order_update', 'fr', 'REJECTED', 'Votre commande est expédiée', { category: 'UTILITY', rejected_reason: 'INVALID_FORMAT' }),
    template('order_update', 'en_US', 'APPROVED', 'Your order has shipped', { category: 'UTILITY', rejected_reason: 'NONE' }),
  ],
};

const brasil = {
  integrationId: 'wa-br',
  integrationName: 'WhatsApp Brasil',
  templates: [
    template('spring_sale', 'fr', 'PENDING', 'Bonjour {{1}}, les soldes commencent'),
    template('appeal', 'pt_BR', 'IN_APPEAL', 'Olá'),
    template('mystery', 'pt_BR', 'weird_new_status', 'Olá'),
  ],
};

const sms = [
  { name: 'spring_sale', language: 'fr', body: 'Bonjour {{Clarice}}, les soldes commencent !' },
  { name: 'relance_panier', language: 'fr', body: 'Votre panier vous attend, {{Clarice}}. Code : ÉTÉ10' },
];

const catalogue = groupCatalogue({ whatsapp: [france, brasil], sms, smsLabel: 'SMS (Herald)' });

function byKey(key: string): LogicalTemplate {
  const found = catalogue.find((logical) => logical.key === key);
  if (!found) throw new Error(`No ${key}`);
  return found;
}

describe('groupCatalogue', () => {
  it('groups one name and language across integrations and SMS, sorted by name then language', () => {
    expect(catalogue.map((logical) => logical.key)).toEqual([
      'appeal:pt_BR',
      'mystery:pt_BR',
      'order_update:en_US',
      'order_update:fr',
      'relance_panier:fr',
      'spring_sale:fr',
    ]);
  });

  it('keeps one entry per integration with its own status, and merges SMS as READY', () => {
    const spring = byKey('spring_sale:fr');
    expect(spring).toMatchObject({ name: 'spring_sale', language: 'fr', category: 'MARKETING', channels: ['whatsapp', 'sms'] });
    expect(spring.entries.map(({ channel, integrationId, integrationName, status, templateId }) => ({ channel, integrationId, integrationName, status, templateId }))).toEqual([
      { channel: 'whatsapp', integrationId: 'wa-fr', integrationName: 'WhatsApp France', status: 'APPROVED', templateId: 'spring_sale-fr-APPROVED' },
      { channel: 'whatsapp', integrationId: 'wa-br', integrationName: 'WhatsApp Brasil', status: 'PENDING', templateId: 'spring_sale-fr-PENDING' },
      { channel: 'sms', integrationId: undefined, integrationName: 'SMS (Herald)', status: 'READY', templateId: undefined },
    ]);
  });

  it('shows the content of an approved WhatsApp version, in the editor syntax', () => {
    expect(byKey('spring_sale:fr').content).toEqual({
      header: { kind: 'none' },
      body: 'Bonjour {{Clarice}}, les soldes de printemps commencent',
      footer: '',
      buttons: [],
      variables: [{ position: 1, sample: 'Clarice' }],
    });
  });

  it('reads an SMS-only template as its body, variables numbered', () => {
    const relance = byKey('relance_panier:fr');
    expect(relance).toMatchObject({ channels: ['sms'], category: undefined });
    expect(relance.entries[0]).toMatchObject({ channel: 'sms', status: 'READY', rejectedReason: undefined, category: undefined });
    expect(relance.content).toEqual({
      header: { kind: 'none' },
      body: 'Votre panier vous attend, {{Clarice}}. Code : ÉTÉ10',
      footer: '',
      buttons: [],
      variables: [{ position: 1, sample: 'Clarice' }],
    });
  });

  it("keeps Meta's rejection reason, but not its NONE", () => {
    expect(byKey('order_update:fr').entries[0]).toMatchObject({ status: 'REJECTED', rejectedReason: 'INVALID_FORMAT', category: 'UTILITY' });
    expect(byKey('order_update:en_US').entries[0]?.rejectedReason).toBeUndefined();
  });

  it('reads unknown Meta statuses as the closest one and keeps what Meta said', () => {
    expect(byKey('appeal:pt_BR').entries[0]).toMatchObject({ status: 'PENDING', metaStatus: 'IN_APPEAL' });
    expect(byKey('mystery:pt_BR').entries[0]).toMatchObject({ status: 'PENDING', metaStatus: 'weird_new_status' });
    expect(byKey('order_update:fr').entries[0]).not.toHaveProperty('metaStatus');
  });

  it('groups the seeded templates of the emulator', () => {
    const seeds = seedTemplates();
    const integrations = [...new Set(seeds.map((seed) => seed.integrationId))].map((integrationId) => ({
      integrationId,
      integrationName: integrationId,
      templates: seeds
        .filter((seed) => seed.integrationId === integrationId)
        .map((seed) => ({ name: seed.name, language: seed.language, status: seed.status, category: seed.category, components: seed.components, rejected_reason: seed.rejectedReason })),
    }));
    const grouped = groupCatalogue({ whatsapp: integrations, sms: [], smsLabel: 'SMS' });
    expect(grouped.reduce((count, logical) => count + logical.entries.length, 0)).toBe(seeds.length);
    const orderUpdate = grouped.find((logical) => logical.key === 'order_update:en_US');
    expect(orderUpdate?.entries).toHaveLength(2);
    expect(orderUpdate?.content.body).toBe('Hello {{Clarice}}, your order {{#10482}} has shipped and should arrive on {{24/11}}.');
  });

  it('gives an empty catalogue for no source', () => {
    expect(groupCatalogue({ whatsapp: [], sms: [], smsLabel: 'SMS' })).toEqual([]);
  });
});

describe('catalogueStatus', () => {
  it("keeps Meta's statuses, whatever their case", () => {
    expect(catalogueStatus('APPROVED')).toEqual({ status: 'APPROVED' });
    expect(catalogueStatus('paused')).toEqual({ status: 'PAUSED' });
  });

  it('never lets Meta claim READY, which is the SMS status', () => {
    expect(catalogueStatus('READY')).toEqual({ status: 'PENDING', metaStatus: 'READY' });
    expect(catalogueStatus(undefined)).toEqual({ status: 'PENDING', metaStatus: 'UNKNOWN' });
    expect(catalogueStatus('PENDING_DELETION')).toEqual({ status: 'DISABLED', metaStatus: 'PENDING_DELETION' });
  });
});

describe('filterCatalogue', () => {
  const keys = (filter: Parameters<typeof filterCatalogue>[1]) => filterCatalogue(catalogue, filter).map((logical) => logical.key);

  it('keeps everything without criteria', () => {
    expect(keys({})).toHaveLength(catalogue.length);
    expect(keys({ search: '   ' })).toHaveLength(catalogue.length);
  });

  it('searches names and bodies regardless of case, accents and underscores', () => {
    expect(keys({ search: 'ORDER update' })).toEqual(['order_update:en_US', 'order_update:fr']);
    expect(keys({ search: 'expediee' })).toEqual(['order_update:fr']);
    expect(keys({ search: 'été10' })).toEqual(['relance_panier:fr']);
    // Every entry's body counts, not only the one shown.
    expect(keys({ search: 'printemps' })).toEqual(['spring_sale:fr']);
    expect(keys({ search: 'soldes clarice' })).toEqual(['spring_sale:fr']);
    expect(keys({ search: 'introuvable' })).toEqual([]);
  });

  it('filters by channel, status, language and category', () => {
    expect(keys({ channel: 'sms' })).toEqual(['relance_panier:fr', 'spring_sale:fr']);
    expect(keys({ status: 'REJECTED' })).toEqual(['order_update:fr']);
    expect(keys({ language: 'pt_BR' })).toEqual(['appeal:pt_BR', 'mystery:pt_BR']);
    expect(keys({ category: 'UTILITY' })).toEqual(['order_update:en_US', 'order_update:fr']);
  });

  it('wants channel and status to hold on the same entry', () => {
    expect(keys({ channel: 'whatsapp', status: 'READY' })).toEqual([]);
    expect(keys({ channel: 'sms', status: 'READY' })).toEqual(['relance_panier:fr', 'spring_sale:fr']);
    expect(keys({ channel: 'whatsapp', status: 'PENDING', language: 'fr' })).toEqual(['spring_sale:fr']);
  });
});

describe('catalogueFacets', () => {
  it('lists the languages, categories and statuses the catalogue holds', () => {
    expect(catalogueFacets(catalogue)).toEqual({
      languages: ['en_US', 'fr', 'pt_BR'],
      categories: ['MARKETING', 'UTILITY'],
      statuses: ['APPROVED', 'PENDING', 'REJECTED', 'READY'],
    });
    expect(CATALOGUE_STATUSES).toContain('READY');
  });

  it('is empty for an empty catalogue', () => {
    expect(catalogueFacets([])).toEqual({ languages: [], categories: [], statuses: [] });
  });
});
