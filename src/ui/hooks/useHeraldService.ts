import { useEffect, useState } from 'react';
import { readHeraldService, type HeraldServiceState } from '../../app/settings/heraldService';
import { useHerald } from '../herald';

/** The service writes a heartbeat every 30 s: reading it as often keeps "last heard" honest. */
const READ_EVERY_MS = 30_000;

export type HeraldServiceRead = { status: 'loading' } | { status: 'success'; data: HeraldServiceState } | { status: 'error'; error: unknown };

/** The Herald service's state, read again every 30 s; a failed re-read keeps what was last read. */
export function useHeraldService(): HeraldServiceRead {
  const { base } = useHerald();
  const [read, setRead] = useState<HeraldServiceRead>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    const load = () =>
      readHeraldService(base).then(
        (data) => live && setRead({ status: 'success', data }),
        (error: unknown) => live && setRead((previous) => (previous.status === 'success' ? previous : { status: 'error', error })),
      );
    void load();
    const timer = setInterval(() => void load(), READ_EVERY_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [base]);
  return read;
}

/**
 * The service is connected as Settings says it (its heartbeat under 2 minutes old): it can be given
 * campaigns to send. Its webhook does not matter for sending.
 */
export function heraldServiceConnected(read: HeraldServiceRead): boolean {
  return read.status === 'success' && read.data.status === 'connected';
}
