import type { SendProgress } from '../../core/sending/progress';
import type { CampaignRunner, RunOutcome } from '../../core/sending/runner';
import type { CampaignRecord } from '../../store/campaigns';

/**
 * The campaigns one place is sending (a browser tab, a service instance), kept apart from any page:
 * a runner outlives the page that started it (the marketer may open Templates while a campaign
 * sends). Pages subscribe to a run's state.
 */

/** What a run is for: sending the campaign, or only ending its pending recipients as cancelled. */
export type RunPurpose = 'send' | 'cancel';

export type RunState =
  | { phase: 'starting' }
  | { phase: 'sending'; progress: SendProgress | undefined; stopping: 'pause' | 'cancel' | undefined }
  /**
   * `campaign`: the campaign as its outcome was stored (status, report, final counts), what a page
   * shows until it reads it again, rather than the campaign as it was before the run ended.
   * `storeError`: the outcome could not be stored; the campaign is as the run left it.
   */
  | { phase: 'ended'; outcome: RunOutcome; campaign: CampaignRecord | undefined; storeError?: unknown }
  /** `campaign`: as stored once the failure was, when it was. */
  | { phase: 'failed'; error: unknown; purpose: RunPurpose; campaign: CampaignRecord | undefined };

export interface RunHandlers {
  /**
   * Runs once with the outcome (to store the campaign's status and report, and tell the user) before
   * the state says it ended; resolves with the campaign as stored.
   */
  onEnd: (outcome: RunOutcome) => Promise<CampaignRecord | undefined> | CampaignRecord | undefined;
  /** When the run could not start (nothing was sent); resolves with the campaign as stored then, if it was. */
  onFailed?: (error: unknown) => Promise<CampaignRecord | undefined> | CampaignRecord | undefined;
  purpose?: RunPurpose;
}

interface Entry {
  runner: CampaignRunner | undefined;
  state: RunState;
}

export class RunRegistry {
  private readonly runs = new Map<string, Entry>();
  private readonly listeners = new Set<() => void>();

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  state(campaignId: string): RunState | undefined {
    return this.runs.get(campaignId)?.state;
  }

  /** Each campaign this place has run since it started, with where its run is: what a list shows. */
  phases(): Array<[campaignId: string, phase: RunState['phase']]> {
    return [...this.runs].map(([campaignId, entry]) => [campaignId, entry.state.phase]);
  }

  /** True while this place sends the campaign (or is about to). */
  isSending(campaignId: string): boolean {
    const phase = this.runs.get(campaignId)?.state.phase;
    return phase === 'starting' || phase === 'sending';
  }

  /** Starts a runner unless this place already runs the campaign (`handlers`: see RunHandlers). */
  start(campaignId: string, create: (onProgress: (progress: SendProgress) => void) => CampaignRunner, handlers: RunHandlers): void {
    if (this.isSending(campaignId)) return;
    const { onEnd, onFailed, purpose = 'send' } = handlers;
    const entry: Entry = { runner: undefined, state: { phase: 'starting' } };
    this.runs.set(campaignId, entry);
    const update = (state: RunState) => {
      entry.state = state;
      this.emit();
    };
    this.emit();
    const failed = async (error: unknown) => {
      const campaign = onFailed ? await Promise.resolve(onFailed(error)).catch(() => undefined) : undefined;
      update({ phase: 'failed', error, purpose, campaign });
    };
    try {
      entry.runner = create((progress) => update({ phase: 'sending', progress, stopping: stoppingOf(entry) }));
    } catch (error) {
      void failed(error);
      return;
    }
    update({ phase: 'sending', progress: undefined, stopping: undefined });
    entry.runner.start().then(async (outcome) => {
      // The outcome is stored before the page says it ended, and the page shows it as stored: never
      // the campaign as it was before (still "sending", with nobody sending it).
      try {
        update({ phase: 'ended', outcome, campaign: await onEnd(outcome) });
      } catch (storeError) {
        update({ phase: 'ended', outcome, campaign: undefined, storeError });
      }
    }, failed);
  }

  pause(campaignId: string): void {
    this.stop(campaignId, 'pause');
  }

  /** Stops this place's runner cleanly for another place to go on (the campaign was moved). */
  handOver(campaignId: string): void {
    this.stop(campaignId, 'hand-over');
  }

  cancel(campaignId: string): void {
    this.stop(campaignId, 'cancel');
  }

  /** Forgets an ended run (the page shows the stored campaign from then on). */
  forget(campaignId: string): void {
    if (this.isSending(campaignId)) return;
    this.runs.delete(campaignId);
    this.emit();
  }

  private stop(campaignId: string, kind: 'pause' | 'cancel' | 'hand-over'): void {
    const entry = this.runs.get(campaignId);
    if (!entry?.runner || entry.state.phase !== 'sending') return;
    if (kind === 'pause') entry.runner.pause();
    else if (kind === 'cancel') entry.runner.cancel();
    else entry.runner.handOver();
    entry.state = { ...entry.state, stopping: kind === 'hand-over' ? 'pause' : kind };
    this.emit();
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}

function stoppingOf(entry: Entry): 'pause' | 'cancel' | undefined {
  return entry.state.phase === 'sending' ? entry.state.stopping : undefined;
}
