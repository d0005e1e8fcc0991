import { useState } from 'react';
import { setUpHeraldObjects, type SetupReport } from '../../store/setup';
import { useServices } from '../services';

export type SetupState = { status: 'idle' } | { status: 'running' } | { status: 'done'; report: SetupReport } | { status: 'failed'; error: unknown };

/** Runs the one-click creation of Herald's custom objects (idempotent; admins only). */
export function useHeraldSetup(onDone?: () => void) {
  const { customObjects } = useServices();
  const [state, setState] = useState<SetupState>({ status: 'idle' });
  const run = async () => {
    setState({ status: 'running' });
    try {
      const report = await setUpHeraldObjects(customObjects);
      setState({ status: 'done', report });
      onDone?.();
    } catch (error) {
      setState({ status: 'failed', error });
    }
  };
  return { state, run };
}
