import type { CampaignRecord, FrozenDefinition } from '../../store/campaignModel';
import { CampaignRunPersistence } from '../../store/campaignRun';
import type { CampaignChanges } from '../../store/campaigns';
import type { AppContext } from '../context';

/**
 * A frozen campaign as Herald froze it. Once launched, a campaign sends what was frozen with its
 * audience (a record written once); the campaign record keeps a copy for lists and filters, which
 * anyone who may edit records could change. Pages and history show the frozen truth, say what the
 * record's copy claims differently, and accepting a change puts the frozen values back on the record.
 */

/** What the record's copy may claim differently from what was frozen. */
export const FROZEN_PARTS = ['template', 'channel', 'mapping', 'query', 'rate', 'quietHours', 'recipients'] as const;
export type FrozenPart = (typeof FROZEN_PARTS)[number];

/** The record's fields as frozen: what accepting a change writes back. */
export function recordAsFrozen(campaign: CampaignRecord, frozen: FrozenDefinition): Required<Pick<CampaignChanges, 'channel' | 'integrationId' | 'templateName' | 'templateLanguage' | 'templateCategory' | 'definition' | 'recipients'>> & Pick<CampaignChanges, 'query'> {
  return {
    channel: frozen.channel,
    integrationId: frozen.integrationId,
    templateName: frozen.templateName,
    templateLanguage: frozen.templateLanguage,
    templateCategory: frozen.templateCategory,
    ...(frozen.query === undefined ? {} : { query: frozen.query }),
    definition: {
      ...campaign.definition,
      content: frozen.content,
      slots: frozen.slots,
      mappings: frozen.mappings ?? campaign.definition.mappings,
      ratePerSecond: frozen.ratePerSecond,
      quietHours: frozen.quietHours,
      ...(frozen.namespace === undefined ? {} : { namespace: frozen.namespace }),
    },
    recipients: frozen.recipients,
  };
}

/** The campaign as a page shows it: its record, with what it sends as frozen. */
export function campaignAsFrozen(campaign: CampaignRecord, frozen: FrozenDefinition | undefined): CampaignRecord {
  if (!frozen) return campaign;
  const { query, ...restored } = recordAsFrozen(campaign, frozen);
  return { ...campaign, ...restored, query: query ?? campaign.query };
}

/** What the record's copy says differently from what was frozen (empty when it tells the truth). */
export function changedSinceFrozen(campaign: CampaignRecord, frozen: FrozenDefinition): FrozenPart[] {
  const shown = campaignAsFrozen(campaign, frozen);
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const differs: Record<FrozenPart, boolean> = {
    template:
      campaign.templateName !== shown.templateName ||
      campaign.templateLanguage !== shown.templateLanguage ||
      campaign.templateCategory !== shown.templateCategory ||
      !same(campaign.definition.content, shown.definition.content) ||
      !same(campaign.definition.slots, shown.definition.slots),
    channel: campaign.channel !== shown.channel || campaign.integrationId !== shown.integrationId,
    mapping: !same(campaign.definition.mappings, shown.definition.mappings),
    query: campaign.query !== shown.query,
    rate: campaign.definition.ratePerSecond !== shown.definition.ratePerSecond,
    quietHours: !same(campaign.definition.quietHours, shown.definition.quietHours),
    recipients: campaign.recipients !== shown.recipients,
  };
  return FROZEN_PARTS.filter((part) => differs[part]);
}

/** What a launched campaign sends, as frozen with its audience: read by a campaign's page, which alone needs it. */
export async function loadFrozenDefinition(context: Pick<AppContext, 'transport'>, campaignId: string): Promise<FrozenDefinition> {
  return (await new CampaignRunPersistence(context.transport, campaignId).loadDefinition()).definition;
}
