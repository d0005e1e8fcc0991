import { describe, expect, it } from 'vitest';
import { templateSlots } from '../../../../src/core/campaign/mapping';
import { suggestedSource } from '../../../../src/core/campaign/mappingSuggestion';
import { draftContent } from '../../../../src/core/template/meta';

const contentOf = (body: string, header = '') =>
  draftContent({ name: 'n', language: 'fr', category: 'MARKETING', header: header ? { kind: 'text', text: header } : { kind: 'none' }, body, footer: '', buttons: [] });

const suggestionsFor = (body: string, fields: Array<{ key: string; title: string }> = [], header = '') => {
  const content = contentOf(body, header);
  return templateSlots(content).map((slot) => suggestedSource(slot, content, fields));
};

describe('suggestedSource', () => {
  it('offers the first name after a greeting, in English and French, accents and case aside', () => {
    expect(suggestionsFor('Bonjour {{Clarice}}, votre commande {{#10482}} est prête.')[0]).toEqual({ kind: 'user', field: 'first_name' });
    expect(suggestionsFor('Hi {{Ann}}!')[0]).toEqual({ kind: 'user', field: 'first_name' });
    expect(suggestionsFor('CHÈRE {{Ann}}, merci.')[0]).toEqual({ kind: 'user', field: 'first_name' });
  });

  it('offers a custom field whose title names the word before the placeholder', () => {
    const fields = [
      { key: 'city', title: 'Ville' },
      { key: 'order_number', title: 'Numéro de commande' },
    ];
    expect(suggestionsFor('Bonjour {{Clarice}}, votre commande {{#10482}} est prête.', fields)).toEqual([
      { kind: 'user', field: 'first_name' },
      { kind: 'custom', key: 'order_number' },
    ]);
  });

  it('offers the email or the phone by the shape of the sample', () => {
    expect(suggestionsFor('Nous écrirons à {{ann@example.com}}.')[0]).toEqual({ kind: 'user', field: 'email' });
    expect(suggestionsFor('Nous appellerons le {{+33 6 12 34 56 78}}.')[0]).toEqual({ kind: 'user', field: 'phone' });
  });

  it('suggests nothing when nothing is clear, and never the sample itself', () => {
    expect(suggestionsFor('Votre code est {{A7}}.')).toEqual([undefined]);
    expect(suggestionsFor('Merci. {{Clarice}} vous rappellera.')).toEqual([undefined]);
    expect(suggestionsFor('{{Clarice}}')).toEqual([undefined]);
  });

  it('reads the header placeholder from the header', () => {
    expect(suggestionsFor('Votre commande est prête.', [], 'Bonjour {{Clarice}}')).toEqual([{ kind: 'user', field: 'first_name' }]);
  });
});
