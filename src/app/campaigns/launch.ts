import type { Recipient } from '../../core/campaign/plan';
import { checkScheduleTime } from '../../core/campaign/schedule';
import { CampaignStore, type SentFrom } from '../../store/campaigns';
import type { AppContext } from '../context';
import { EmptyAudienceError, ScheduleRefusedError } from '../errors';
import { requireCompleteMapping } from '../mappingCheck';
import { requireRight } from '../rights';
import { startCampaignRun, type CampaignRunDeps } from './campaignRuns';
import { freezeCampaign, frozenSendOfChoices, saveCampaignDraft, type DraftChoices } from './drafts';

/**
 * The wizard's last step: save the choices, freeze the planned audience with what it sends, then
 * start sending here or schedule the start. A launch tried again after a failure picks up where the
 * first stopped (a frozen campaign keeps its audience).
 */

/**
 * When it starts, and where it is sent from (`from`): a browser tab of Herald (the default), or the
 * Herald service, which keeps going with Zendesk closed and starts a scheduled campaign on its own.
 */
export type LaunchWhen = ({ when: 'now' } | { when: 'later'; at: number }) & { from?: SentFrom };

export type LaunchStage = 'saving' | 'freezing' | 'starting';

/** Resolves with the campaign's id once it is sending (or scheduled). */
export async function launchCampaign(
  context: AppContext,
  deps: CampaignRunDeps,
  choices: DraftChoices,
  audience: { size: number } & Iterable<Recipient>,
  when: LaunchWhen,
  progress: { onStage?: (stage: LaunchStage) => void; onSaved?: (campaignId: string) => void } = {},
): Promise<string> {
  const onStage = progress.onStage ?? (() => undefined);
  requireRight(context, 'send', when.when === 'now' ? 'launch' : 'schedule');
  // The plan refused it already; a launch checks again, whatever the screen let through.
  requireCompleteMapping(choices.slots, choices.mappings, { ticketAvailable: false });
  if (audience.size === 0) throw new EmptyAudienceError();
  if (when.when === 'later') {
    const check = checkScheduleTime(when.at, context.clock.now());
    if (!check.ok) throw new ScheduleRefusedError(check.problem);
  }
  const store = new CampaignStore(context.transport);
  const existing = choices.campaignId ? await store.load(choices.campaignId) : undefined;
  // Frozen by a launch that failed after its freeze: that audience, frozen then, is the one to send.
  const frozen = existing !== undefined && existing.status === 'draft' && existing.reservedThrough !== null;
  let campaignId = existing?.id;
  if (!frozen) {
    onStage('saving');
    campaignId = await saveCampaignDraft(context, choices, audience.size);
    // Known to the caller at once: a launch tried again after a failure picks this draft up.
    progress.onSaved?.(campaignId);
    onStage('freezing');
    await freezeCampaign(context, campaignId, audience, frozenSendOfChoices(context, choices));
  }
  onStage('starting');
  // Who scheduled it answers for it until it starts (then whoever's Herald starts it is named).
  if (when.when === 'later') {
    await store.transition(campaignId!, 'schedule', { scheduledAt: when.at, launchedBy: context.actor.id, launchedByName: context.actor.name, sentFrom: when.from ?? 'browser' });
  } else await startCampaignRun(context, deps, campaignId!, 'launch', when.from ? { sendFrom: when.from } : {});
  return campaignId!;
}
