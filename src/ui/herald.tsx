import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { RunRegistry } from '../app/campaigns/runRegistry';
import { baseContext, type Actor, type AppContext, type BaseContext } from '../app/context';
import { campaignRightsOf } from '../app/rights';
import type { CampaignPermissions } from '../core/campaign/permissions';
import { realClock } from '../core/time/clock';
import { browserOneAtATime } from '../platform/oneAtATime';
import { ZafTransport } from '../zaf/zafTransport';
import { useZaf } from '../zaf/ZafProvider';

/**
 * What the screens hand to the application layer (src/app): the context its use cases run with,
 * built from ZAF (the transport over `client.request`, the installation's settings, the signed-in
 * agent), and this tab's runs. Screens call src/app functions with it; they never build an API
 * client or a store themselves. The sending engine and its browser ports download with the first
 * send (ui/campaigns/useCampaignActions.ts): a page that only reads downloads none of it.
 */
export interface Herald {
  /** For reads and admin work, which need no settings. */
  base: BaseContext;
  /** For everything about campaigns; undefined while the settings cannot be read. */
  app: AppContext | undefined;
  /** What the signed-in agent may do with campaigns (nothing while the settings cannot be read). */
  rights: CampaignPermissions;
  /** The campaigns this tab sends: runners outlive the page that started them. */
  runs: RunRegistry;
}

/** One per page: a tab's runs are the same whichever section shows them. */
const tabRuns = new RunRegistry();

const HeraldContext = createContext<Herald | null>(null);

export function HeraldProvider({ children }: { children: ReactNode }) {
  const { client, settings, currentUser } = useZaf();
  const herald = useMemo<Herald>(() => {
    const actor: Actor = { id: currentUser.id, name: currentUser.name, email: currentUser.email, role: currentUser.role, groups: currentUser.groups };
    const base = baseContext(new ZafTransport(client), actor, realClock, browserOneAtATime);
    const app = settings.ok ? { ...base, settings: settings.settings } : undefined;
    return { base, app, rights: campaignRightsOf({ actor, settings: app?.settings }), runs: tabRuns };
  }, [client, settings, currentUser]);
  return <HeraldContext.Provider value={herald}>{children}</HeraldContext.Provider>;
}

export function useHerald(): Herald {
  const herald = useContext(HeraldContext);
  if (!herald) throw new Error('useHerald outside HeraldProvider');
  return herald;
}

/** The campaign context, for screens that only show once the settings read (they check first). */
export function useAppContext(): AppContext {
  const { app } = useHerald();
  if (!app) throw new Error('The settings cannot be read: this screen should not show');
  return app;
}
