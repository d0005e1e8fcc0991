import type { CampaignRunner, RunOutcome } from '../../core/sending/runner';
import type { SendProgress } from '../../core/sending/progress';

/**
 * The campaigns this tab is sending, kept outside React: a runner outlives the page that started
 * it (the marketer may open Templates while a campaign sends). Pages subscribe to a run's state.
 */

export type TabRun =
  | { phase: 'starting' }
  | { phase: 'sending'; progress: SendProgress | undefined; stopping: 'pause' | 'cancel' | undefined }
  | { phase: 'ended'; outcome: RunOutcome }
  | { phase: 'failed'; error: unknown };

interface Entry {
  runner: CampaignRunner | undefined;
  state: TabRun;
}

const runs = new Map<string, Entry>();
const listeners = new Set<() => void>();

function emit(): void {
  for (const listener of listeners) listener();
}

export function subscribeRuns(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function tabRun(campaignId: string): TabRun | undefined {
  return runs.get(campaignId)?.state;
}

/** True while this tab sends the campaign (or is about to). */
export function isSendingHere(campaignId: string): boolean {
  const phase = runs.get(campaignId)?.state.phase;
  return phase === 'starting' || phase === 'sending';
}

/**
 * Starts a runner unless this tab already runs the campaign. `onEnd` runs once with the outcome
 * (to store the campaign's status and report, and tell the user).
 */
export function startTabRun(
  campaignId: string,
  create: (onProgress: (progress: SendProgress) => void) => CampaignRunner,
  onEnd: (outcome: RunOutcome) => Promise<void> | void,
): void {
  if (isSendingHere(campaignId)) return;
  const entry: Entry = { runner: undefined, state: { phase: 'starting' } };
  runs.set(campaignId, entry);
  const update = (state: TabRun) => {
    entry.state = state;
    emit();
  };
  emit();
  try {
    entry.runner = create((progress) => update({ phase: 'sending', progress, stopping: stoppingOf(entry) }));
  } catch (error) {
    update({ phase: 'failed', error });
    return;
  }
  update({ phase: 'sending', progress: undefined, stopping: undefined });
  entry.runner.start().then(
    async (outcome) => {
      // The outcome is stored before the page says it ended: a reload then shows the same thing.
      await Promise.resolve(onEnd(outcome)).catch(() => undefined);
      update({ phase: 'ended', outcome });
    },
    (error: unknown) => update({ phase: 'failed', error }),
  );
}

function stoppingOf(entry: Entry): 'pause' | 'cancel' | undefined {
  return entry.state.phase === 'sending' ? entry.state.stopping : undefined;
}

export function pauseTabRun(campaignId: string): void {
  stop(campaignId, 'pause');
}

export function cancelTabRun(campaignId: string): void {
  stop(campaignId, 'cancel');
}

function stop(campaignId: string, kind: 'pause' | 'cancel'): void {
  const entry = runs.get(campaignId);
  if (!entry?.runner || entry.state.phase !== 'sending') return;
  if (kind === 'pause') entry.runner.pause();
  else entry.runner.cancel();
  entry.state = { ...entry.state, stopping: kind };
  emit();
}

/** Forgets an ended run (the page shows the stored campaign from then on). */
export function forgetTabRun(campaignId: string): void {
  if (isSendingHere(campaignId)) return;
  runs.delete(campaignId);
  emit();
}
