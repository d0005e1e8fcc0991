import type { TemplateButton, TemplateDraft } from '../../../../src/core/template/model';

/** A draft every rule accepts, on WhatsApp and SMS: each test breaks one thing in it. */
export function validDraft(overrides: Partial<TemplateDraft> = {}): TemplateDraft {
  return {
    name: 'spring_sale',
    language: 'fr',
    category: 'MARKETING',
    header: { kind: 'none' },
    body: 'Bonjour {{Clarice}}, nos soldes commencent : {{-20 %}} sur tout.',
    footer: 'Herald Shop',
    buttons: [],
    ...overrides,
  };
}

export const quickReply = (text: string): TemplateButton => ({ type: 'quick_reply', text });
export const urlButton = (url: string, text = 'Voir'): TemplateButton => ({ type: 'url', text, url });
export const phoneButton = (phone: string, text = 'Appeler'): TemplateButton => ({ type: 'phone', text, phone });
