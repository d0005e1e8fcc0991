import { describe, expect, it } from 'vitest';
import type { TemplateContent } from '../../../../src/core/template/meta';
import { fillSamples, smsPreview, whatsAppPreview } from '../../../../src/core/template/preview';

const content: TemplateContent = {
  header: { kind: 'text', text: 'Commande {{#10482}}' },
  body: 'Bonjour *{{Clarice}}*, votre commande arrive le {{24/11}}.',
  footer: 'Herald Shop',
  buttons: [
    { type: 'url', text: 'Suivre', url: 'https://shop.example.com/orders/{{10482}}' },
    { type: 'phone', text: 'Appeler', phone: '+33644980142' },
  ],
  variables: [
    { position: 1, sample: 'Clarice' },
    { position: 2, sample: '24/11' },
  ],
};

describe('fillSamples', () => {
  it('puts the values in place, the samples where there is no value', () => {
    expect(fillSamples('{{Clarice}} / {{24/11}}', ['Martin'])).toBe('Martin / 24/11');
    expect(fillSamples('{{Clarice}} / {{24/11}}', [undefined, ''])).toBe('Clarice / ');
    expect(fillSamples('Pas de variable')).toBe('Pas de variable');
  });
});

describe('whatsAppPreview', () => {
  it('shows the samples in place, the body formatted, the buttons with their targets', () => {
    expect(whatsAppPreview(content)).toEqual({
      header: { kind: 'text', nodes: [{ kind: 'text', text: 'Commande #10482' }] },
      body: [
        { kind: 'text', text: 'Bonjour ' },
        { kind: 'bold', children: [{ kind: 'text', text: 'Clarice' }] },
        { kind: 'text', text: ', votre commande arrive le 24/11.' },
      ],
      footer: 'Herald Shop',
      buttons: [
        { type: 'url', text: 'Suivre', target: 'https://shop.example.com/orders/10482' },
        { type: 'phone', text: 'Appeler', target: '+33644980142' },
      ],
    });
  });

  it("shows a send's values in the body", () => {
    expect(whatsAppPreview(content, ['Martin', '25/11']).body).toEqual([
      { kind: 'text', text: 'Bonjour ' },
      { kind: 'bold', children: [{ kind: 'text', text: 'Martin' }] },
      { kind: 'text', text: ', votre commande arrive le 25/11.' },
    ]);
  });

  it('shows media headers, and nothing for an empty header or footer', () => {
    const media = whatsAppPreview({ ...content, header: { kind: 'video', url: 'https://cdn.example.com/a.mp4' }, footer: ' ', buttons: [{ type: 'quick_reply', text: 'Oui' }] });
    expect(media.header).toEqual({ kind: 'video', url: 'https://cdn.example.com/a.mp4' });
    expect(media.footer).toBeUndefined();
    expect(media.buttons).toEqual([{ type: 'quick_reply', text: 'Oui' }]);
    expect(whatsAppPreview({ ...content, header: { kind: 'none' } }).header).toBeUndefined();
    expect(whatsAppPreview({ ...content, header: { kind: 'text', text: '' } }).header).toBeUndefined();
  });

  it('does not format the header, as WhatsApp does not', () => {
    expect(whatsAppPreview({ ...content, header: { kind: 'text', text: '*Soldes*' } }).header).toEqual({ kind: 'text', nodes: [{ kind: 'text', text: '*Soldes*' }] });
  });
});

describe('smsPreview', () => {
  it('fits 160 GSM-7 characters in one segment, then 153 per segment', () => {
    expect(smsPreview('a'.repeat(160))).toMatchObject({ encoding: 'GSM-7', segments: 1, characters: 160, charactersLeft: 0 });
    expect(smsPreview('a'.repeat(161))).toMatchObject({ segments: 2, characters: 161, charactersLeft: 153 * 2 - 161 });
    expect(smsPreview('a'.repeat(306))).toMatchObject({ segments: 2, charactersLeft: 0 });
    expect(smsPreview('a'.repeat(307))).toMatchObject({ segments: 3, charactersLeft: 153 * 3 - 307 });
  });

  it('fits 70 UCS-2 characters in one segment, then 67, and names the characters that force UCS-2', () => {
    expect(smsPreview('ł'.repeat(70))).toMatchObject({ encoding: 'UCS-2', segments: 1, characters: 70, charactersLeft: 0, nonGsmCharacters: ['ł'] });
    expect(smsPreview('ł'.repeat(71))).toMatchObject({ segments: 2, charactersLeft: 67 * 2 - 71 });
    expect(smsPreview('Ça coûte 5 €, Łukasz')).toMatchObject({ encoding: 'UCS-2', nonGsmCharacters: ['û', 'Ł'] });
  });

  it('counts GSM-7 extension characters twice', () => {
    expect(smsPreview('€'.repeat(80))).toMatchObject({ encoding: 'GSM-7', segments: 1, characters: 160, charactersLeft: 0 });
    expect(smsPreview('[x]')).toMatchObject({ characters: 5, charactersLeft: 155 });
  });

  it('keeps accents of the GSM-7 alphabet in GSM-7', () => {
    expect(smsPreview('Été à Paris : ñ ü ß')).toMatchObject({ encoding: 'GSM-7', nonGsmCharacters: [] });
  });

  it('switches to UCS-2 for an emoji, which takes two code units', () => {
    expect(smsPreview('Merci 😀')).toMatchObject({ encoding: 'UCS-2', segments: 1, characters: 7, charactersLeft: 70 - 6 - 2, nonGsmCharacters: ['😀'] });
  });

  it('fills in samples or values before counting', () => {
    expect(smsPreview('Bonjour {{Clarice}}')).toMatchObject({ text: 'Bonjour Clarice', characters: 15, charactersLeft: 145 });
    expect(smsPreview('Bonjour {{Clarice}}', ['Łucja'])).toMatchObject({ text: 'Bonjour Łucja', encoding: 'UCS-2' });
  });

  it('costs nothing when empty', () => {
    expect(smsPreview('')).toEqual({ text: '', encoding: 'GSM-7', segments: 0, characters: 0, charactersLeft: 160, nonGsmCharacters: [] });
  });
});
