import { useReducer } from 'react';
import type { MessagingIntegration } from '../../api/sunshine/integrations';
import {
  NO_TEMPLATE_CHOICE,
  resolveTemplateChoice,
  templateChoiceReducer,
  type ResolvedTemplateChoice,
  type TemplateChoice,
  type TemplateChoiceAction,
} from '../../core/campaign/templateChoice';
import { templateOffers, type TemplateOffer } from '../../core/campaign/templateOffers';
import type { SlotMapping } from '../../core/campaign/mapping';
import { useTemplateCatalogue } from './useTemplateCatalogue';

export interface TemplateChoiceState extends ResolvedTemplateChoice<MessagingIntegration> {
  catalogue: ReturnType<typeof useTemplateCatalogue>;
  /** Every template sendable on the channels given, with the channels it can go out on. */
  offers: Array<TemplateOffer<MessagingIntegration>>;
  choice: TemplateChoice;
  chooseTemplate: (key: string | undefined) => void;
  chooseIntegration: (id: string | undefined) => void;
  setMappings: (mappings: SlotMapping[]) => void;
}

export interface TemplateChoiceOptions {
  /** Ticket fields may be mapped (the ticket sidebar). */
  ticketAvailable: boolean;
  /** A reopened draft's choice. */
  initial?: TemplateChoice;
  /** Among several channels for a template, the one this screen picks (the ticket's business number). */
  prefer?: (candidates: ReadonlyArray<{ integration: MessagingIntegration }>) => string | undefined;
}

/**
 * Choosing a template, its channel and its placeholders' mapping, the same way on every screen (the
 * wizard, the ticket's re-engagement, the Audiences plan): the catalogue of the channels given, and
 * the core reducer (core/campaign/templateChoice.ts) over it.
 */
export function useTemplateChoice(channels: readonly MessagingIntegration[] | undefined, options: TemplateChoiceOptions): TemplateChoiceState {
  const catalogue = useTemplateCatalogue(channels);
  const offers = templateOffers(catalogue.data?.templates ?? [], channels ?? []);
  const [choice, dispatch] = useReducer(
    (state: TemplateChoice, action: TemplateChoiceAction<MessagingIntegration>) => templateChoiceReducer(state, action),
    options.initial ?? NO_TEMPLATE_CHOICE,
  );
  const prefer = options.prefer;
  return {
    catalogue,
    offers,
    choice,
    ...resolveTemplateChoice(choice, offers, { ticketAvailable: options.ticketAvailable }),
    chooseTemplate: (key) => dispatch({ type: 'choose-template', key, offers, ...(prefer ? { prefer } : {}) }),
    chooseIntegration: (id) => dispatch({ type: 'choose-integration', id, offers }),
    setMappings: (mappings) => dispatch({ type: 'set-mappings', mappings }),
  };
}
