import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  defaultMappings,
  mappingsForChannel,
  mappingProblems,
  neededUserFieldKeys,
  resolveValue,
  safeParameterValue,
  SYSTEM_USER_FIELDS,
  templateSlots,
  type SlotMapping,
  type TemplateSlot,
  type ValueSource,
} from '../../../../src/core/campaign/mapping';
import { draftContent, fromMetaTemplate } from '../../../../src/core/template/meta';
import { parameterValueProblem } from '../../../../src/core/template/parameterValue';
import { audienceUser } from './fixtures';

const content = draftContent({
  name: 'order_ready',
  language: 'fr',
  category: 'UTILITY',
  header: { kind: 'text', text: 'Commande {{#10482}}' },
  body: 'Bonjour {{Clarice}}, votre commande est prête à {{Lyon}}. Code : {{A7}}.',
  footer: 'Herald Shop',
  buttons: [
    { type: 'phone', text: 'Appeler', phone: '+33644980142' },
    { type: 'url', text: 'Suivre', url: 'https://shop.example.com/orders/{{10482}}' },
    { type: 'url', text: 'Boutique', url: 'https://shop.example.com/' },
  ],
});

const mapping = (source: ValueSource, fallback = ''): SlotMapping => ({ source, fallback });

describe('templateSlots', () => {
  it("lists the header's variable, the body's in order, then each link's, in Meta's order", () => {
    expect(templateSlots(content)).toEqual([
      { id: 'header', component: 'header', position: 1, sample: '#10482' },
      { id: 'body.1', component: 'body', position: 1, sample: 'Clarice' },
      { id: 'body.2', component: 'body', position: 2, sample: 'Lyon' },
      { id: 'body.3', component: 'body', position: 3, sample: 'A7' },
      { id: 'button.1', component: 'button', position: 1, buttonIndex: 1, sample: '10482' },
    ]);
  });

  it('finds no slot in a template without variables, nor in media headers', () => {
    const plain = draftContent({ name: 'hello', language: 'en', category: 'MARKETING', header: { kind: 'image', url: 'https://cdn.example.com/a.png' }, body: 'Hello!', footer: '', buttons: [] });
    expect(templateSlots(plain)).toEqual([]);
  });

  it("reads a template as Meta returns it, the body's variables sorted, a missing sample as ''", () => {
    const fetched = fromMetaTemplate({
      name: 'order_ready',
      language: 'en',
      components: [
        { type: 'HEADER', format: 'TEXT', text: 'Order {{1}}', example: { header_text: ['#10482'] } },
        { type: 'BODY', text: 'Hi {{2}} and {{1}}', example: { body_text: [['Ann']] } },
        { type: 'BUTTONS', buttons: [{ type: 'URL', text: 'Track', url: 'https://shop.example.com/o/{{1}}', example: ['https://shop.example.com/o/42'] }] },
      ],
    });
    expect(templateSlots(fetched).map(({ id, sample }) => [id, sample])).toEqual([
      ['header', '#10482'],
      ['body.1', 'Ann'],
      ['body.2', ''],
      ['button.0', '42'],
    ]);
  });
});

describe('defaultMappings', () => {
  it('gives no placeholder a value, and never the template’s sample: nothing can be planned until someone chooses', () => {
    const slots = templateSlots(content);
    const mappings = defaultMappings(slots);
    expect(mappings.every((slotMapping) => slotMapping.source.kind === 'unset')).toBe(true);
    expect(mappings.map((slotMapping) => resolveValue(audienceUser({ name: 'Charlie Evans' }), slotMapping))).toEqual(slots.map(() => undefined));
    expect(mappingProblems(slots, mappings, { ticketAvailable: false })).toEqual(slots.map((slot) => ({ slot: slot.id, problem: 'unmapped' })));
  });

  it('gives an unmapped placeholder no value even with a fallback', () => {
    expect(resolveValue(audienceUser(), { source: { kind: 'unset' }, fallback: 'client' })).toBeUndefined();
  });
});

describe('mappingsForChannel', () => {
  it('keeps what the user mapped when the other channel’s template has as many placeholders, and starts over otherwise', () => {
    const slots = templateSlots(content);
    const mapped = defaultMappings(slots).map((slotMapping, index) => (index === 1 ? { source: { kind: 'user' as const, field: 'first_name' as const }, fallback: 'client' } : slotMapping));
    expect(mappingsForChannel(mapped, slots)).toEqual(mapped);
    expect(mappingsForChannel(mapped, slots.slice(0, 2))).toEqual(defaultMappings(slots.slice(0, 2)));
  });
});

describe('resolveValue', () => {
  const user = audienceUser({
    name: '  Jean-Pierre  de la Fontaine ',
    email: 'jp@example.com',
    phone: '06 12 34 56 78',
    locale: 'fr-CA',
    organizationName: 'Herald Shop',
    userFields: { city: 'Lyon', points: 120, vip: true, interests: ['vélo', 'rando'], address: 'Bâtiment B\n12 rue Longue\tescalier 3', nothing: null, note: { nested: 1 } },
  });

  it('reads every system field', () => {
    const values = Object.fromEntries(SYSTEM_USER_FIELDS.map((field) => [field, resolveValue(user, mapping({ kind: 'user', field }), { defaultCountry: 'FR' })]));
    expect(values).toEqual({
      name: 'Jean-Pierre  de la Fontaine',
      first_name: 'Jean-Pierre',
      last_name: 'de la Fontaine',
      email: 'jp@example.com',
      phone: '+33612345678',
      locale: 'fr-CA',
      organization: 'Herald Shop',
    });
  });

  it('gives the phone as typed when it cannot be normalised', () => {
    expect(resolveValue(user, mapping({ kind: 'user', field: 'phone' }))).toBe('06 12 34 56 78');
    expect(resolveValue(audienceUser({ phone: '+33612345678' }), mapping({ kind: 'user', field: 'phone' }))).toBe('+33612345678');
  });

  it('has no last name for a one-word name, and no names without a name', () => {
    expect(resolveValue(audienceUser({ name: 'Clarice' }), mapping({ kind: 'user', field: 'first_name' }))).toBe('Clarice');
    expect(resolveValue(audienceUser({ name: 'Clarice' }), mapping({ kind: 'user', field: 'last_name' }))).toBeUndefined();
    for (const field of ['name', 'first_name', 'last_name'] as const) expect(resolveValue(audienceUser({ name: null }), mapping({ kind: 'user', field }))).toBeUndefined();
    expect(resolveValue(audienceUser({ organizationName: null }), mapping({ kind: 'user', field: 'organization' }))).toBeUndefined();
  });

  it('reads custom fields of every kind Zendesk stores', () => {
    const custom = (key: string) => resolveValue(user, mapping({ kind: 'custom', key }));
    expect(custom('city')).toBe('Lyon');
    expect(custom('points')).toBe('120');
    expect(custom('vip')).toBe('true');
    expect(custom('interests')).toBe('vélo, rando');
    expect(custom('nothing')).toBeUndefined();
    expect(custom('note')).toBeUndefined();
    expect(custom('absent')).toBeUndefined();
  });

  it('reads ticket fields when the send comes from a ticket', () => {
    const source: ValueSource = { kind: 'ticket', field: 'subject' };
    expect(resolveValue(user, mapping(source), { ticket: { subject: ' Votre retour ' } })).toBe('Votre retour');
    expect(resolveValue(user, mapping(source))).toBeUndefined();
    expect(resolveValue(user, mapping(source, 'votre demande'))).toBe('votre demande');
  });

  it('gives static values trimmed, as typed', () => {
    expect(resolveValue(user, mapping({ kind: 'static', value: '  -20 %  ' }))).toBe('-20 %');
    expect(resolveValue(user, mapping({ kind: 'static', value: 'a\tb' }))).toBe('a\tb');
  });

  it('falls back when the value is empty or blank, and is undefined without a fallback', () => {
    const blank = audienceUser({ userFields: { city: '   ' } });
    expect(resolveValue(blank, mapping({ kind: 'custom', key: 'city' }, 'chez vous'))).toBe('chez vous');
    expect(resolveValue(blank, mapping({ kind: 'custom', key: 'city' }))).toBeUndefined();
    expect(resolveValue(blank, mapping({ kind: 'custom', key: 'city' }, '   '))).toBeUndefined();
    expect(resolveValue(blank, mapping({ kind: 'static', value: '' }, 'défaut'))).toBe('défaut');
    expect(resolveValue(user, mapping({ kind: 'custom', key: 'city' }, 'chez vous'))).toBe('Lyon');
  });

  it('makes dynamic values and fallbacks safe for WhatsApp parameters', () => {
    expect(resolveValue(user, mapping({ kind: 'custom', key: 'address' }))).toBe('Bâtiment B 12 rue Longue escalier 3');
    const spaced = audienceUser({ userFields: { city: 'Saint-Étienne      (42)' } });
    expect(resolveValue(spaced, mapping({ kind: 'custom', key: 'city' }))).toBe('Saint-Étienne (42)');
    expect(resolveValue(audienceUser({ userFields: {} }), mapping({ kind: 'custom', key: 'city' }, 'line\r\nbreak'))).toBe('line  break');
  });
});

describe('safeParameterValue', () => {
  it('never leaves a newline, a tab or more than four spaces in a row', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'é', ' ', '\n', '\r', '\t', '\u2028', '\u2029', 'x') }), (text) => {
        const safe = safeParameterValue(text);
        expect(parameterValueProblem(safe)).toBeUndefined();
        expect(safe).toBe(safe.trim());
        expect(safe.replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
      }),
    );
  });

  it('keeps up to four spaces in a row, as Meta does', () => {
    expect(safeParameterValue('a    b')).toBe('a    b');
    expect(safeParameterValue('a     b')).toBe('a b');
  });
});

describe('mappingProblems', () => {
  const slots: TemplateSlot[] = templateSlots(content);
  const ok: SlotMapping[] = slots.map((slot) => mapping({ kind: 'static', value: `${slot.sample}!` }));
  const problemsWith = (index: number, slotMapping: SlotMapping, ticketAvailable = false) =>
    mappingProblems(slots, ok.map((current, at) => (at === index ? slotMapping : current)), { ticketAvailable });

  it('finds nothing wrong with statics, user fields, custom fields and ticket fields that can be sent', () => {
    const mappings: SlotMapping[] = [
      mapping({ kind: 'ticket', field: 'id' }),
      mapping({ kind: 'user', field: 'first_name' }, 'cher client'),
      mapping({ kind: 'custom', key: 'city' }),
      mapping({ kind: 'static', value: 'B8' }),
      mapping({ kind: 'custom', key: 'order_id' }),
    ];
    expect(mappingProblems(slots, mappings, { ticketAvailable: true })).toEqual([]);
  });

  it('refuses empty statics, an unmapped slot, and a slot without a mapping', () => {
    expect(problemsWith(1, mapping({ kind: 'static', value: '  ' }))).toEqual([{ slot: 'body.1', problem: 'static-empty' }]);
    expect(problemsWith(2, mapping({ kind: 'unset' }, 'fallback'))).toEqual([{ slot: 'body.2', problem: 'unmapped' }]);
    expect(mappingProblems(slots, ok.slice(0, 3), { ticketAvailable: false })).toEqual([
      { slot: 'body.3', problem: 'unmapped' },
      { slot: 'button.1', problem: 'unmapped' },
    ]);
  });

  it('asks for a confirmation when the typed text is the template’s example, whatever its case and spaces', () => {
    expect(problemsWith(1, mapping({ kind: 'static', value: ' clarice ' }))).toEqual([{ slot: 'body.1', problem: 'static-is-sample' }]);
    expect(problemsWith(1, { source: { kind: 'static', value: 'Clarice' }, fallback: '', sampleConfirmed: true })).toEqual([]);
    expect(problemsWith(1, mapping({ kind: 'static', value: 'Clarisse' }))).toEqual([]);
    // A field's fallback copied from the example reaches every recipient whose field is empty.
    expect(problemsWith(1, mapping({ kind: 'user', field: 'first_name' }, 'Clarice'))).toEqual([{ slot: 'body.1', problem: 'fallback-is-sample' }]);
    expect(problemsWith(1, { source: { kind: 'user', field: 'first_name' }, fallback: 'Clarice', sampleConfirmed: true })).toEqual([]);
    expect(problemsWith(1, mapping({ kind: 'user', field: 'first_name' }, 'client'))).toEqual([]);
    // A slot whose sample is blank has no example to copy by mistake.
    const blank: TemplateSlot = { id: 'body.1', component: 'body', position: 1, sample: ' ' };
    expect(mappingProblems([blank], [mapping({ kind: 'static', value: 'Bonjour' })], { ticketAvailable: false })).toEqual([]);
  });

  it('refuses statics WhatsApp would refuse as parameters', () => {
    expect(problemsWith(2, mapping({ kind: 'static', value: 'ligne 1\nligne 2' }))).toEqual([{ slot: 'body.2', problem: 'static-newline' }]);
    expect(problemsWith(2, mapping({ kind: 'static', value: 'a\tb' }))).toEqual([{ slot: 'body.2', problem: 'static-tab' }]);
    expect(problemsWith(2, mapping({ kind: 'static', value: 'a     b' }))).toEqual([{ slot: 'body.2', problem: 'static-spaces' }]);
    // Trimmed first, as it is sent.
    expect(problemsWith(2, mapping({ kind: 'static', value: '\n  Paris \t' }))).toEqual([]);
  });

  it('refuses card numbers in statics and fallbacks, which Zendesk would redact', () => {
    expect(problemsWith(3, mapping({ kind: 'static', value: 'Carte 4111 1111 1111 1111' }))).toEqual([{ slot: 'body.3', problem: 'static-card-number' }]);
    expect(problemsWith(1, mapping({ kind: 'custom', key: 'city' }, '4111-1111-1111-1111'))).toEqual([{ slot: 'body.1', problem: 'fallback-card-number' }]);
  });

  it('lists every problem of a slot', () => {
    expect(problemsWith(3, mapping({ kind: 'static', value: '4111111111111111\n' + 'x\ty' }, '4111111111111111'))).toEqual([
      { slot: 'body.3', problem: 'static-card-number' },
      { slot: 'body.3', problem: 'static-newline' },
      { slot: 'body.3', problem: 'fallback-card-number' },
    ]);
  });

  it('refuses a custom field without a key, and ticket fields outside a ticket', () => {
    expect(problemsWith(1, mapping({ kind: 'custom', key: ' ' }))).toEqual([{ slot: 'body.1', problem: 'custom-key-missing' }]);
    expect(problemsWith(0, mapping({ kind: 'ticket', field: 'id' }))).toEqual([{ slot: 'header', problem: 'ticket-unavailable' }]);
    expect(problemsWith(0, mapping({ kind: 'ticket', field: 'id' }), true)).toEqual([]);
  });
});

describe('neededUserFieldKeys', () => {
  it('keeps the mapped custom fields and the extra ones, once each, without blanks', () => {
    const mappings: SlotMapping[] = [
      mapping({ kind: 'custom', key: 'city' }),
      mapping({ kind: 'user', field: 'name' }),
      mapping({ kind: 'custom', key: 'city' }),
      mapping({ kind: 'static', value: 'x' }),
      mapping({ kind: 'custom', key: ' order_id ' }),
    ];
    expect(neededUserFieldKeys(mappings, ['mobile', 'whatsapp_consent', 'city', ''])).toEqual(['city', 'order_id', 'mobile', 'whatsapp_consent']);
    expect(neededUserFieldKeys([], [])).toEqual([]);
  });
});

describe('custom field keys', () => {
  it('are read trimmed, as neededUserFieldKeys keeps them', () => {
    expect(resolveValue(audienceUser({ userFields: { city: 'Lyon' } }), mapping({ kind: 'custom', key: ' city ' }))).toBe('Lyon');
  });
});
