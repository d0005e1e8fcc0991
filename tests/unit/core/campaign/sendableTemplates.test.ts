import { describe, expect, it } from 'vitest';
import { sendableTemplates } from '../../../../src/core/campaign/sendableTemplates';
import { groupCatalogue } from '../../../../src/core/template/catalogue';
import type { MetaTemplate } from '../../../../src/core/template/meta';

const body = (text: string) => ({ type: 'BODY' as const, text });

function catalogue(templates: MetaTemplate[]) {
  return groupCatalogue({
    whatsapp: [{ integrationId: 'wa-fr', integrationName: 'Herald France', templates }],
    sms: [{ name: 'relance', language: 'fr', body: 'Bonjour {{Clarice}}' }],
    smsLabel: 'SMS',
  });
}

describe('sendableTemplates', () => {
  it('offers the approved WhatsApp templates of the number, and every SMS template on an SMS sender', () => {
    const templates = catalogue([
      { name: 'approved', language: 'fr', status: 'APPROVED', category: 'UTILITY', components: [body('Bonjour')] },
      { name: 'waiting', language: 'fr', status: 'PENDING', category: 'UTILITY', components: [body('Bonjour')] },
      { name: 'paused', language: 'fr', status: 'PAUSED', category: 'UTILITY', components: [body('Bonjour')] },
    ]);
    expect(sendableTemplates(templates, { kind: 'whatsapp', integrationId: 'wa-fr' }).map(({ template }) => template.name)).toEqual(['approved']);
    expect(sendableTemplates(templates, { kind: 'whatsapp', integrationId: 'wa-br' })).toEqual([]);
    expect(sendableTemplates(templates, { kind: 'sms' }).map(({ template }) => template.name)).toEqual(['relance']);
  });

  it('leaves out an approved template with a part Herald cannot fill: its link buttons would be sent at the wrong index', () => {
    const templates = catalogue([
      {
        name: 'coupon',
        language: 'fr',
        status: 'APPROVED',
        category: 'MARKETING',
        components: [
          body('Votre code'),
          {
            type: 'BUTTONS',
            buttons: [
              { type: 'COPY_CODE', text: 'Copier' },
              { type: 'URL', text: 'Voir', url: 'https://shop.example.com/{{1}}', example: ['https://shop.example.com/a'] },
            ],
          },
        ],
      } as MetaTemplate,
    ]);
    expect(sendableTemplates(templates, { kind: 'whatsapp', integrationId: 'wa-fr' })).toEqual([]);
  });
});
