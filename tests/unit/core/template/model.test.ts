import { describe, expect, it } from 'vitest';
import { MEDIA_HEADER_KINDS, TEMPLATE_CATEGORIES, emptyDraft, isMediaHeaderKind, templateDraftSchema } from '../../../../src/core/template/model';
import { checkTemplate } from '../../../../src/core/template/rules';
import { validDraft } from './fixtures';

describe('template model', () => {
  it("lists Meta's categories and the media header kinds", () => {
    expect(TEMPLATE_CATEGORIES).toEqual(['MARKETING', 'UTILITY', 'AUTHENTICATION']);
    expect(MEDIA_HEADER_KINDS).toEqual(['image', 'document', 'video']);
    expect(isMediaHeaderKind('video')).toBe(true);
    expect(isMediaHeaderKind('text')).toBe(false);
  });

  it('starts a draft empty, in the language asked for', () => {
    expect(emptyDraft('fr')).toEqual({ name: '', language: 'fr', category: 'MARKETING', header: { kind: 'none' }, body: '', footer: '', buttons: [] });
    expect(emptyDraft().language).toBe('en_US');
    // An empty draft is not ready: the editor shows what is missing.
    expect(checkTemplate(emptyDraft(), { whatsapp: true, sms: true }).map((problem) => problem.rule)).toEqual(['name-required', 'body-required']);
  });

  it('reads back a stored draft of any header and button kind', () => {
    const draft = validDraft({
      header: { kind: 'document', url: 'https://cdn.example.com/invoice.pdf' },
      buttons: [
        { type: 'url', text: 'Voir', url: 'https://shop.example.com' },
        { type: 'phone', text: 'Appeler', phone: '+33644980142' },
        { type: 'quick_reply', text: 'Oui' },
      ],
    });
    expect(templateDraftSchema.parse(draft)).toEqual(draft);
    expect(templateDraftSchema.parse(emptyDraft())).toEqual(emptyDraft());
  });

  it('refuses stored data of the wrong shape', () => {
    expect(templateDraftSchema.safeParse({ ...validDraft(), header: { kind: 'image' } }).success).toBe(false);
    expect(templateDraftSchema.safeParse({ ...validDraft(), header: { kind: 'gif', url: 'https://x.example.com' } }).success).toBe(false);
    expect(templateDraftSchema.safeParse({ ...validDraft(), buttons: [{ type: 'url', text: 'Voir' }] }).success).toBe(false);
    expect(templateDraftSchema.safeParse({ ...validDraft(), category: 'ALERT_UPDATE' }).success).toBe(false);
    expect(templateDraftSchema.safeParse({ ...validDraft(), body: undefined }).success).toBe(false);
  });
});
