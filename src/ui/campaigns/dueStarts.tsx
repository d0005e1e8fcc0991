import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { dueCampaigns } from '../../app/campaigns/queries';
import type { CampaignRecord } from '../../store/campaigns';
import { useAppContext, useHerald } from '../herald';
import { useCampaignRuns } from './useCampaignActions';

/**
 * Scheduled campaigns start from whichever screen of Herald's nav bar is open, when the agent may
 * send: every half minute, and at once when a page shows one that is due. One more than a few hours
 * late is left for a person to decide (the stale-schedule guard); one last changed by someone
 * without the right to launch is not started, and kept with the refusal for the list to say why.
 */

/** How often Herald looks for scheduled campaigns that are due (a campaign waits at most this long). */
const SCHEDULE_CHECK_MS = 30_000;

export interface DueStarts {
  /** The due campaigns this tab could not start, with why. */
  refused: ReadonlyArray<{ campaign: CampaignRecord; error: unknown }>;
  /** Grows with each start tried: the list reads the campaigns again. */
  attempts: number;
  /** Looks now rather than at the next half minute. */
  check: () => void;
}

const DueStartsContext = createContext<DueStarts>({ refused: [], attempts: 0, check: () => undefined });

export function DueStartsProvider({ children }: { children: ReactNode }) {
  const { app, rights } = useHerald();
  const [refused, setRefused] = useState<DueStarts['refused']>([]);
  const [attempts, setAttempts] = useState(0);
  const checkNow = useRef<() => void>(() => undefined);
  const check = useCallback(() => checkNow.current(), []);
  const value = useMemo(() => ({ refused, attempts, check }), [refused, attempts, check]);
  return (
    <DueStartsContext.Provider value={value}>
      {app && rights.send && <DueStartsWatcher checkNowRef={checkNow} onRefused={setRefused} onAttempt={() => setAttempts((count) => count + 1)} />}
      {children}
    </DueStartsContext.Provider>
  );
}

export function useDueStarts(): DueStarts {
  return useContext(DueStartsContext);
}

interface WatcherProps {
  checkNowRef: { current: () => void };
  onRefused: (update: (current: DueStarts['refused']) => DueStarts['refused']) => void;
  onAttempt: () => void;
}

function DueStartsWatcher({ checkNowRef, onRefused, onAttempt }: WatcherProps) {
  const context = useAppContext();
  const { runs } = useHerald();
  const { startDue } = useCampaignRuns();
  // The timer's looks use this render's context and callbacks (settings saved, a new translator).
  const latest = useRef({ context, startDue, onRefused, onAttempt });
  useEffect(() => {
    latest.current = { context, startDue, onRefused, onAttempt };
  });
  useEffect(() => {
    // Each version of a campaign is tried once: a refused one is tried again once someone changed it
    // (a launcher accepted the change, rescheduled it).
    const tried = new Set<string>();
    let live = true;
    let checking = false;
    const look = async () => {
      if (checking) return;
      checking = true;
      try {
        const { context: current, startDue: start } = latest.current;
        const due = (await dueCampaigns(current)).filter((campaign) => !runs.isSending(campaign.id) && !tried.has(versionOf(campaign)));
        if (!live || due.length === 0) return;
        for (const campaign of due) tried.add(versionOf(campaign));
        const refusals = await start(due);
        if (!live) return;
        latest.current.onRefused((known) => [...known.filter((entry) => !due.some((campaign) => campaign.id === entry.campaign.id)), ...refusals]);
        latest.current.onAttempt();
      } catch {
        // Not readable now (offline, objects missing): the list shows its own errors; the next look may do.
      } finally {
        checking = false;
      }
    };
    checkNowRef.current = () => void look();
    void look();
    const timer = setInterval(() => void look(), SCHEDULE_CHECK_MS);
    return () => {
      live = false;
      clearInterval(timer);
      checkNowRef.current = () => undefined;
    };
  }, [checkNowRef, runs]);
  return null;
}

function versionOf(campaign: CampaignRecord): string {
  return `${campaign.id}@${campaign.updatedAt ?? ''}`;
}
