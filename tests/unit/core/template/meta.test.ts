import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seedTemplates } from '../../../../emulator/sunshine/seedTemplates';
import { checkTemplateDraft } from '../../../../emulator/sunshine/templateRules';
import { draftContent, fromMetaTemplate, metaTemplateSchema, toMetaTemplate, type MetaTemplate, type TemplateContent } from '../../../../src/core/template/meta';
import type { TemplateDraft } from '../../../../src/core/template/model';
import { checkTemplate } from '../../../../src/core/template/rules';
import { phoneButton, quickReply, urlButton } from './fixtures';

const textHeaderDraft: TemplateDraft = {
  name: 'Suivi de commande',
  language: 'fr',
  category: 'UTILITY',
  header: { kind: 'text', text: 'Commande {{#10482}}' },
  body: 'Bonjour {{Clarice}}, votre commande arrive le {{24/11}}.\nMerci de votre confiance !',
  footer: 'Herald Shop',
  buttons: [quickReply('Merci !'), quickReply('Changer la date')],
};

const imageHeaderDraft: TemplateDraft = {
  name: 'spring_sale',
  language: 'en_US',
  category: 'MARKETING',
  header: { kind: 'image', url: 'https://cdn.herald.example.com/campaigns/spring-sale.jpg' },
  body: 'Hi {{Clarice}}! Our spring sale starts today: {{20%}} off everything.',
  footer: 'Reply STOP to opt out',
  buttons: [urlButton('https://shop.herald.example.com/sale/{{spring-2026}}', 'Shop now'), phoneButton('+33 6 44 98 01 42', 'Call us')],
};

describe('toMetaTemplate', () => {
  it('gives a text-header template in positional form with its samples', () => {
    expect(toMetaTemplate(textHeaderDraft)).toEqual({
      name: 'suivi_de_commande',
      language: 'fr',
      category: 'UTILITY',
      components: [
        { type: 'HEADER', format: 'TEXT', text: 'Commande {{1}}', example: { header_text: ['#10482'] } },
        {
          type: 'BODY',
          text: 'Bonjour {{1}}, votre commande arrive le {{2}}.\nMerci de votre confiance !',
          example: { body_text: [['Clarice', '24/11']] },
        },
        { type: 'FOOTER', text: 'Herald Shop' },
        {
          type: 'BUTTONS',
          buttons: [
            { type: 'QUICK_REPLY', text: 'Merci !' },
            { type: 'QUICK_REPLY', text: 'Changer la date' },
          ],
        },
      ],
    });
  });

  it('gives a media header as a sample handle, a link variable as {{1}} with the whole sample link, the phone in E.164', () => {
    expect(toMetaTemplate(imageHeaderDraft)).toEqual({
      name: 'spring_sale',
      language: 'en_US',
      category: 'MARKETING',
      components: [
        { type: 'HEADER', format: 'IMAGE', example: { header_handle: ['https://cdn.herald.example.com/campaigns/spring-sale.jpg'] } },
        { type: 'BODY', text: 'Hi {{1}}! Our spring sale starts today: {{2}} off everything.', example: { body_text: [['Clarice', '20%']] } },
        { type: 'FOOTER', text: 'Reply STOP to opt out' },
        {
          type: 'BUTTONS',
          buttons: [
            { type: 'URL', text: 'Shop now', url: 'https://shop.herald.example.com/sale/{{1}}', example: ['https://shop.herald.example.com/sale/spring-2026'] },
            { type: 'PHONE_NUMBER', text: 'Call us', phone_number: '+33644980142' },
          ],
        },
      ],
    });
  });

  it('leaves out what the draft does not have: header, footer, buttons, samples', () => {
    expect(toMetaTemplate({ ...textHeaderDraft, header: { kind: 'none' }, body: '  Merci !  ', footer: '   ', buttons: [] }).components).toEqual([
      { type: 'BODY', text: 'Merci !' },
    ]);
  });

  it('makes templates the Meta check of the emulator accepts, with every header kind', () => {
    const drafts: TemplateDraft[] = [
      textHeaderDraft,
      imageHeaderDraft,
      { ...imageHeaderDraft, header: { kind: 'document', url: 'https://cdn.herald.example.com/samples/invoice.pdf' } },
      { ...imageHeaderDraft, header: { kind: 'video', url: 'https://cdn.herald.example.com/campaigns/new.mp4' }, buttons: [urlButton('https://shop.herald.example.com')] },
      { ...textHeaderDraft, header: { kind: 'text', text: 'Black Friday' }, footer: '', buttons: [] },
    ];
    for (const draft of drafts) {
      expect(checkTemplate(draft, { whatsapp: true, sms: true }), draft.name).toEqual([]);
      expect(checkTemplateDraft(toMetaTemplate(draft)), draft.name).toMatchObject({ ok: true });
    }
  });
});

/** The emulator's seeded templates, as Sunshine returns them. */
function seeded(name: string, language: string): MetaTemplate {
  const seed = seedTemplates().find((template) => template.name === name && template.language === language);
  if (!seed) throw new Error(`No seed ${name} ${language}`);
  return { id: `${name}-${language}`, name, language, status: seed.status, category: seed.category, components: seed.components };
}

describe('Herald and the emulated Meta agree', () => {
  const word = fc.constantFrom('Bonjour', 'été', '😀', '*promo*', 'a{b', '}', '{{', '\n', '   ', '-20 %', 'https://x');
  const sample = fc.constantFrom('Clarice', '#10482', '', ' ', 'a\nb', '24/11', 'x     y');
  const text = fc.array(fc.oneof(word, sample.map((value) => `{{${value}}}`)), { minLength: 1, maxLength: 8 }).map((parts) => parts.join(' '));
  const header = fc.oneof(
    fc.constant<TemplateDraft['header']>({ kind: 'none' }),
    text.map((value): TemplateDraft['header'] => ({ kind: 'text', text: value })),
    fc.constantFrom<TemplateDraft['header']>({ kind: 'image', url: 'https://cdn.example.com/a.jpg' }, { kind: 'video', url: 'http://cdn.example.com/a.mp4' }),
  );
  const button = fc.oneof(
    fc.constantFrom('Oui', 'Non merci', '').map(quickReply),
    fc.constantFrom('https://shop.example.com/{{10482}}', 'https://shop.example.com', 'https://{{x}}.com', 'shop.example.com').map((url) => urlButton(url)),
    fc.constantFrom('+33644980142', '0644980142').map((phone) => phoneButton(phone)),
  );
  const draft = fc.record({
    name: fc.constantFrom('Soldes été', 'order_update', '!!!'),
    language: fc.constantFrom('fr', 'pt_BR', 'fr-FR'),
    category: fc.constantFrom<TemplateDraft['category']>('MARKETING', 'UTILITY'),
    header,
    body: text,
    footer: fc.constantFrom('', 'Herald Shop', 'Code {{A}}'),
    buttons: fc.array(button, { maxLength: 4 }),
  });

  it('whatever Herald accepts for WhatsApp, the emulated Meta accepts once converted', () => {
    fc.assert(
      fc.property(draft, (generated) => {
        fc.pre(checkTemplate(generated, { whatsapp: true, sms: false }).length === 0);
        expect(checkTemplateDraft(toMetaTemplate(generated))).toMatchObject({ ok: true });
      }),
      { numRuns: 300 },
    );
  });
});

describe('fromMetaTemplate', () => {
  it('shows the samples in place and lists the variables', () => {
    expect(fromMetaTemplate(seeded('order_update', 'fr'))).toEqual({
      header: { kind: 'text', text: 'Commande {{#10482}}' },
      body: 'Bonjour {{Clarice}}, votre commande {{#10482}} a été expédiée et devrait arriver le {{24/11}}.',
      footer: 'Herald Shop',
      buttons: [{ type: 'url', text: 'Suivre ma commande', url: 'https://shop.herald.example.com/orders/{{10482}}' }],
      variables: [
        { position: 1, sample: 'Clarice' },
        { position: 2, sample: '#10482' },
        { position: 3, sample: '24/11' },
      ],
    });
  });

  it('reads media headers, phone buttons and static links', () => {
    expect(fromMetaTemplate(seeded('spring_sale', 'fr')).header).toEqual({ kind: 'image', url: 'https://cdn.herald.example.com/campaigns/spring-sale.jpg' });
    expect(fromMetaTemplate(seeded('invoice_available', 'fr')).header).toEqual({ kind: 'document', url: 'https://cdn.herald.example.com/samples/invoice.pdf' });
    expect(fromMetaTemplate(seeded('appointment_reminder', 'fr')).buttons).toEqual([
      { type: 'phone', text: 'Nous appeler', phone: '+33644980142' },
      { type: 'url', text: 'Gérer le rendez-vous', url: 'https://shop.herald.example.com/appointments' },
    ]);
  });

  it('keeps {{n}} where a sample is missing', () => {
    const template: MetaTemplate = {
      name: 'partial',
      language: 'en_US',
      components: [
        { type: 'HEADER', format: 'TEXT', text: 'Order {{1}}' },
        { type: 'BODY', text: 'Hello {{1}}, order {{2}} ships on {{3}}.', example: { body_text: [['Clarice']] } },
        { type: 'BUTTONS', buttons: [{ type: 'URL', text: 'Track', url: 'https://shop.example.com/{{1}}', example: ['https://elsewhere.example.com/1'] }] },
      ],
    };
    expect(fromMetaTemplate(template)).toEqual({
      header: { kind: 'text', text: 'Order {{1}}' },
      body: 'Hello {{Clarice}}, order {{2}} ships on {{3}}.',
      footer: '',
      buttons: [{ type: 'url', text: 'Track', url: 'https://shop.example.com/{{1}}' }],
      variables: [
        { position: 1, sample: 'Clarice' },
        { position: 2, sample: undefined },
        { position: 3, sample: undefined },
      ],
    });
  });

  it('reads a template without samples at all', () => {
    const content = fromMetaTemplate({ name: 'bare', language: 'fr', components: [{ type: 'BODY', text: 'Bonjour {{1}}' }] });
    expect(content.body).toBe('Bonjour {{1}}');
    expect(content.variables).toEqual([{ position: 1, sample: undefined }]);
  });

  it('skips what Herald cannot show instead of failing', () => {
    const odd = {
      name: 'odd',
      language: 'fr',
      components: [
        { type: 'HEADER', format: 'LOCATION' },
        { type: 'CAROUSEL', cards: [] },
        { type: 'BODY', text: 'Bonjour', example: 'nope' },
        { type: 'BUTTONS', buttons: [{ type: 'COPY_CODE', text: 'Copier' }, null, { type: 'QUICK_REPLY', text: 'Oui' }] },
        null,
      ],
    } as unknown as MetaTemplate;
    expect(fromMetaTemplate(odd)).toEqual({
      header: { kind: 'none' },
      body: 'Bonjour',
      footer: '',
      buttons: [{ type: 'quick_reply', text: 'Oui' }],
      variables: [],
      // What it skipped is named, so that the template is not offered for sending.
      unsupported: ['button:COPY_CODE', 'header:LOCATION'],
    });
    expect(fromMetaTemplate({ name: 'empty', language: 'fr' } as unknown as MetaTemplate).body).toBe('');
  });

  it('reads back every seeded template as Herald would submit it again', () => {
    for (const seed of seedTemplates()) {
      const content = fromMetaTemplate(seeded(seed.name, seed.language));
      const draft = { ...contentDraft(content), name: seed.name, language: seed.language, category: seed.category };
      expect(toMetaTemplate(draft).components, `${seed.name} ${seed.language}`).toEqual(seed.components);
    }
  });
});

function contentDraft(content: TemplateContent): Pick<TemplateDraft, 'header' | 'body' | 'footer' | 'buttons'> {
  return { header: content.header, body: content.body, footer: content.footer, buttons: content.buttons };
}

describe('draftContent', () => {
  it('shows a draft as the catalogue would, variables numbered in order', () => {
    expect(draftContent(textHeaderDraft)).toEqual({
      header: { kind: 'text', text: 'Commande {{#10482}}' },
      body: textHeaderDraft.body,
      footer: 'Herald Shop',
      buttons: textHeaderDraft.buttons,
      variables: [
        { position: 1, sample: 'Clarice' },
        { position: 2, sample: '24/11' },
      ],
    });
  });

  it('matches what fromMetaTemplate reads back once submitted', () => {
    const submitted = toMetaTemplate(imageHeaderDraft);
    const { buttons, ...readBack } = fromMetaTemplate({ ...submitted, status: 'PENDING' });
    const { buttons: draftButtons, ...shown } = draftContent(imageHeaderDraft);
    expect(readBack).toEqual(shown);
    // The phone number comes back as Meta keeps it, in E.164.
    expect(buttons).toEqual(draftButtons.map((button) => (button.type === 'phone' ? { ...button, phone: '+33644980142' } : button)));
  });
});

describe('metaTemplateSchema', () => {
  it('reads a template as Sunshine returns it', () => {
    const template = seeded('order_update', 'fr');
    expect(metaTemplateSchema.parse(template)).toEqual(template);
  });

  it('takes null fields and numeric ids, and drops components and buttons Herald does not know', () => {
    const parsed = metaTemplateSchema.parse({
      id: 642365629708930,
      name: 'odd',
      language: 'fr',
      status: 'APPROVED',
      category: null,
      rejected_reason: null,
      components: [
        { type: 'CAROUSEL', cards: [] },
        { type: 'BODY', text: 'Bonjour {{1}}', add_security_recommendation: true, example: { body_text: [[1]] } },
        { type: 'BUTTONS', buttons: [{ type: 'OTP', otp_type: 'COPY_CODE', text: 'Copier' }, { type: 'QUICK_REPLY' }, 'nope'] },
      ],
    });
    expect(parsed).toEqual({
      id: '642365629708930',
      name: 'odd',
      language: 'fr',
      status: 'APPROVED',
      category: undefined,
      rejected_reason: undefined,
      components: [
        { type: 'BODY', text: 'Bonjour {{1}}', example: undefined },
        { type: 'BUTTONS', buttons: [{ type: 'OTP', text: 'Copier', url: undefined, phone_number: undefined }] },
      ],
    });
  });

  it('reads a template without components as an empty one', () => {
    expect(metaTemplateSchema.parse({ name: 'x', language: 'fr' }).components).toEqual([]);
  });

  it('refuses a template without name or language', () => {
    expect(metaTemplateSchema.safeParse({ language: 'fr', components: [] }).success).toBe(false);
    expect(metaTemplateSchema.safeParse({ name: 'x', components: [] }).success).toBe(false);
  });
});
