import { useState } from 'react';
import { setUpHerald } from '../../app/setup';
import type { SetupReport } from '../../store/setup';
import { useHerald } from '../herald';
import { announceObjectsSetUp } from './useObjectsSetUp';

export type SetupState = { status: 'idle' } | { status: 'running' } | { status: 'done'; report: SetupReport } | { status: 'failed'; error: unknown };

/** Runs the one-click creation of Herald's custom objects (idempotent; admins only). */
export function useHeraldSetup(onDone?: () => void) {
  const { base } = useHerald();
  const [state, setState] = useState<SetupState>({ status: 'idle' });
  const run = async () => {
    setState({ status: 'running' });
    try {
      const report = await setUpHerald(base);
      setState({ status: 'done', report });
      // Every screen that found them missing reads again; this one's own follow-up goes on too.
      announceObjectsSetUp();
      onDone?.();
    } catch (error) {
      setState({ status: 'failed', error });
    }
  };
  return { state, run };
}
