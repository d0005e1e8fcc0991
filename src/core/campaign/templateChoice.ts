import type { CatalogueEntry } from '../template/catalogue';
import { defaultMappings, mappingProblems, mappingsForChannel, templateSlots, type MappingProblem, type SlotMapping, type TemplateSlot } from './mapping';
import type { OfferChannel, TemplateOffer } from './templateOffers';

/**
 * Choosing what to send: a template, the channel it goes out on, and each placeholder's mapping.
 * One reducer for every screen that chooses (the campaign wizard, the ticket's re-engagement, the
 * Audiences plan), so the same choice leads to the same mapping everywhere:
 *
 * - a new template keeps the chosen channel when it is offered there, else takes the only one, else
 *   the one the screen prefers (the ticket's business number), else waits for a choice; its
 *   placeholders start from their defaults;
 * - a new channel keeps the template when it is offered there (and the mapping, while the template
 *   there has as many placeholders), else clears it.
 */

export interface TemplateChoice {
  /** The logical template (name + language), see `templateKey`. */
  templateKey: string | undefined;
  integrationId: string | undefined;
  mappings: SlotMapping[];
}

export const NO_TEMPLATE_CHOICE: TemplateChoice = { templateKey: undefined, integrationId: undefined, mappings: [] };

export type TemplateChoiceAction<C extends OfferChannel = OfferChannel> =
  | {
      type: 'choose-template';
      key: string | undefined;
      offers: ReadonlyArray<TemplateOffer<C>>;
      /** Among several channels, the one this screen would pick (undefined: let the user choose). */
      prefer?: (candidates: ReadonlyArray<TemplateOffer<C>['integrations'][number]>) => string | undefined;
    }
  | { type: 'choose-integration'; id: string | undefined; offers: ReadonlyArray<TemplateOffer<C>> }
  | { type: 'set-mappings'; mappings: SlotMapping[] }
  | { type: 'replace'; choice: TemplateChoice };

export function templateChoiceReducer<C extends OfferChannel>(state: TemplateChoice, action: TemplateChoiceAction<C>): TemplateChoice {
  switch (action.type) {
    case 'choose-template': {
      const offer = action.offers.find((candidate) => candidate.template.key === action.key);
      if (!offer) return { ...NO_TEMPLATE_CHOICE, integrationId: state.integrationId };
      const candidates = offer.integrations;
      const kept = candidates.find((candidate) => candidate.integration.id === state.integrationId);
      const only = candidates.length === 1 ? candidates[0] : undefined;
      const preferredId = kept || only ? undefined : action.prefer?.(candidates);
      const chosen = kept ?? only ?? candidates.find((candidate) => candidate.integration.id === preferredId);
      return { templateKey: offer.template.key, integrationId: chosen?.integration.id, mappings: chosen ? defaultMappings(templateSlots(chosen.entry.content)) : [] };
    }
    case 'choose-integration': {
      const offer = action.offers.find((candidate) => candidate.template.key === state.templateKey);
      const entry = offer?.integrations.find((candidate) => candidate.integration.id === action.id)?.entry;
      if (!entry) return { templateKey: offer && action.id === undefined ? state.templateKey : undefined, integrationId: action.id, mappings: [] };
      return { templateKey: state.templateKey, integrationId: action.id, mappings: mappingsForChannel(state.mappings, templateSlots(entry.content)) };
    }
    case 'set-mappings':
      return { ...state, mappings: action.mappings };
    case 'replace':
      return action.choice;
  }
}

/** What a choice leads to among the offers: the template, its channel and entry, its placeholders and what is wrong with their mapping. */
export interface ResolvedTemplateChoice<C extends OfferChannel = OfferChannel> {
  offer: TemplateOffer<C> | undefined;
  integration: C | undefined;
  entry: CatalogueEntry | undefined;
  slots: TemplateSlot[];
  problems: MappingProblem[];
}

export function resolveTemplateChoice<C extends OfferChannel>(
  choice: TemplateChoice,
  offers: ReadonlyArray<TemplateOffer<C>>,
  context: { ticketAvailable: boolean },
): ResolvedTemplateChoice<C> {
  const offer = offers.find((candidate) => candidate.template.key === choice.templateKey);
  const chosen = offer?.integrations.find((candidate) => candidate.integration.id === choice.integrationId);
  const slots = chosen ? templateSlots(chosen.entry.content) : [];
  return {
    offer,
    integration: chosen?.integration,
    entry: chosen?.entry,
    slots,
    problems: chosen ? mappingProblems(slots, choice.mappings, context) : [],
  };
}

/** The offers a channel can send (the Audiences plan chooses its channel first). */
export function offersOn<C extends OfferChannel>(offers: ReadonlyArray<TemplateOffer<C>>, integrationId: string | undefined): Array<TemplateOffer<C>> {
  return offers.filter((offer) => offer.integrations.some((candidate) => candidate.integration.id === integrationId));
}
