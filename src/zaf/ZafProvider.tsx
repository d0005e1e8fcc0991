import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { loadEnvironment, type ZafEnvironment } from './environment';
import { parseSettings } from '../core/settings/settings';
import type { ZafClient, ZafSettingValue } from './types';

/** The environment, and a way to take in settings the admin just saved from inside the app. */
export interface ZafSession extends ZafEnvironment {
  /**
   * ZAF reads the settings once, when the app loads: after a save through the Apps API the app
   * goes on with the saved (non-secure) values at once, as it would after a reload. null clears one.
   */
  applySettings: (values: Record<string, ZafSettingValue>) => void;
}

const ZafContextValue = createContext<ZafSession | null>(null);

type LoadState = { status: 'loading' } | { status: 'ready'; environment: ZafEnvironment } | { status: 'failed'; error: unknown };

interface ZafProviderProps {
  client: ZafClient;
  /** Shown until Zendesk has registered the app. */
  loading: ReactNode;
  failed: (error: unknown) => ReactNode;
  children: ReactNode;
}

/** Renders its children once the app is registered and the environment is read. */
export function ZafProvider({ client, loading, failed, children }: ZafProviderProps) {
  const [state, setState] = useState<LoadState>({ status: 'loading' });

  useEffect(() => {
    let active = true;
    loadEnvironment(client).then(
      (environment) => active && setState({ status: 'ready', environment }),
      (error: unknown) => active && setState({ status: 'failed', error }),
    );
    return () => {
      active = false;
    };
  }, [client]);

  const session = useMemo<ZafSession | undefined>(() => {
    if (state.status !== 'ready') return undefined;
    const { environment } = state;
    const applySettings = (values: Record<string, ZafSettingValue>) => {
      const settings = { ...environment.metadata.settings };
      for (const [name, value] of Object.entries(values)) {
        if (value === null || value === '') delete settings[name];
        else settings[name] = value;
      }
      const metadata = { ...environment.metadata, settings };
      setState({ status: 'ready', environment: { ...environment, metadata, settings: parseSettings(settings, environment.context.account.subdomain) } });
    };
    return { ...environment, applySettings };
  }, [state]);

  if (state.status === 'loading') return <>{loading}</>;
  if (state.status === 'failed' || !session) return <>{failed(state.status === 'failed' ? state.error : undefined)}</>;
  return <ZafContextValue.Provider value={session}>{children}</ZafContextValue.Provider>;
}

export function useZaf(): ZafSession {
  const environment = useContext(ZafContextValue);
  if (!environment) throw new Error('useZaf outside ZafProvider');
  return environment;
}
