import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { loadEnvironment, type ZafEnvironment } from './environment';
import type { ZafClient } from './types';

const ZafContextValue = createContext<ZafEnvironment | null>(null);

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

  if (state.status === 'loading') return <>{loading}</>;
  if (state.status === 'failed') return <>{failed(state.error)}</>;
  return <ZafContextValue.Provider value={state.environment}>{children}</ZafContextValue.Provider>;
}

export function useZaf(): ZafEnvironment {
  const environment = useContext(ZafContextValue);
  if (!environment) throw new Error('useZaf outside ZafProvider');
  return environment;
}
