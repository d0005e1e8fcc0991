import { describe, expect, it } from 'vitest';
import { NO_TEMPLATE_CHOICE, offersOn, resolveTemplateChoice, templateChoiceReducer, type TemplateChoice, type TemplateChoiceAction } from '../../../../src/core/campaign/templateChoice';
import { templateOffers } from '../../../../src/core/campaign/templateOffers';
import { groupCatalogue } from '../../../../src/core/template/catalogue';
import type { MetaTemplate } from '../../../../src/core/template/meta';

const body = (text: string) => ({ type: 'BODY' as const, text, example: { body_text: [['Clarice', '20 %']] } });
const approved = (name: string, language: string, text = 'Bonjour {{1}}, -{{2}}'): MetaTemplate => ({ name, language, status: 'APPROVED', category: 'MARKETING', components: [body(text)] });

const templates = groupCatalogue({
  whatsapp: [
    { integrationId: 'wa-fr', integrationName: 'France', templates: [approved('spring_sale', 'fr'), approved('order_update', 'fr', 'Commande {{1}}')] },
    { integrationId: 'wa-br', integrationName: 'Brasil', templates: [approved('spring_sale', 'fr')] },
  ],
  sms: [{ name: 'relance', language: 'fr', body: 'Bonjour {{prenom}}' }],
  smsLabel: 'SMS',
});
const channels = [
  { id: 'wa-fr', channel: 'whatsapp' as const, status: 'active', senderNumber: '+33100000000' },
  { id: 'wa-br', channel: 'whatsapp' as const, status: 'active', senderNumber: '+5511999999999' },
  { id: 'sms-1', channel: 'sms' as const, status: 'active', senderNumber: undefined },
];
const offers = templateOffers(templates, channels);
const key = (name: string) => offers.find((offer) => offer.template.name === name)!.template.key;
type Channel = (typeof channels)[number];
const reduce = (state: TemplateChoice, ...actions: Array<TemplateChoiceAction<Channel>>) => actions.reduce((current, action) => templateChoiceReducer(current, action), state);

describe('choosing what to send', () => {
  it('takes the only channel of a template, and waits for a choice among several', () => {
    const only = reduce(NO_TEMPLATE_CHOICE, { type: 'choose-template', key: key('order_update'), offers });
    expect(only.integrationId).toBe('wa-fr');
    expect(only.mappings).toHaveLength(1);
    const several = reduce(NO_TEMPLATE_CHOICE, { type: 'choose-template', key: key('spring_sale'), offers });
    expect(several).toEqual({ templateKey: key('spring_sale'), integrationId: undefined, mappings: [] });
    expect(resolveTemplateChoice(several, offers, { ticketAvailable: false }).entry).toBeUndefined();
  });

  it("prefers the screen's channel among several (the ticket's business number)", () => {
    const prefer = (candidates: ReadonlyArray<{ integration: { id: string; senderNumber: string | undefined } }>) =>
      candidates.find((candidate) => candidate.integration.senderNumber === '+5511999999999')?.integration.id;
    const chosen = reduce(NO_TEMPLATE_CHOICE, { type: 'choose-template', key: key('spring_sale'), offers, prefer });
    expect(chosen.integrationId).toBe('wa-br');
  });

  it('keeps the chosen channel for a new template offered there, with that template’s placeholders', () => {
    const first = reduce(NO_TEMPLATE_CHOICE, { type: 'choose-template', key: key('order_update'), offers });
    const second = reduce(first, { type: 'choose-template', key: key('spring_sale'), offers });
    expect(second.integrationId).toBe('wa-fr');
    expect(resolveTemplateChoice(second, offers, { ticketAvailable: false }).slots).toHaveLength(2);
    expect(second.mappings).toHaveLength(2);
  });

  it('keeps the mapping on another channel with as many placeholders, and drops a template the channel cannot send', () => {
    const mapped = reduce(
      NO_TEMPLATE_CHOICE,
      { type: 'choose-template', key: key('spring_sale'), offers },
      { type: 'choose-integration', id: 'wa-fr', offers },
      { type: 'set-mappings', mappings: [{ source: { kind: 'user', field: 'first_name' }, fallback: 'client' }, { source: { kind: 'static', value: '-20 %' }, fallback: '' }] },
    );
    const moved = reduce(mapped, { type: 'choose-integration', id: 'wa-br', offers });
    expect(moved.mappings).toEqual(mapped.mappings);
    const sms = reduce(moved, { type: 'choose-integration', id: 'sms-1', offers });
    expect(sms).toEqual({ templateKey: undefined, integrationId: 'sms-1', mappings: [] });
  });

  it('lists what a channel can send, for the screens that choose the channel first', () => {
    expect(offersOn(offers, 'wa-br').map((offer) => offer.template.name)).toEqual(['spring_sale']);
    expect(offersOn(offers, 'sms-1').map((offer) => offer.template.name)).toEqual(['relance']);
    // Clearing the template keeps the channel.
    expect(reduce({ templateKey: key('relance'), integrationId: 'sms-1', mappings: [] }, { type: 'choose-template', key: undefined, offers }).integrationId).toBe('sms-1');
  });

  it('reports what is wrong with the mapping, ticket fields allowed only where there is a ticket', () => {
    const choice = reduce(NO_TEMPLATE_CHOICE, { type: 'choose-template', key: key('order_update'), offers }, { type: 'set-mappings', mappings: [{ source: { kind: 'ticket', field: 'id' }, fallback: '' }] });
    expect(resolveTemplateChoice(choice, offers, { ticketAvailable: true }).problems).toEqual([]);
    expect(resolveTemplateChoice(choice, offers, { ticketAvailable: false }).problems).not.toEqual([]);
  });
});
