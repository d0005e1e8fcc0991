import { useRef, useState } from 'react';
import { ExportCancelledError, planAudience } from '../../app/audience/audience';
import type { ExportProgress } from '../../api/zendesk/exportSearch';
import type { PlannedSend, PlanRequest } from '../../store/audiencePlanner';
import { useHerald } from '../herald';

export type PlanRun =
  | { status: 'idle' }
  | { status: 'running'; progress: ExportProgress | undefined }
  | { status: 'done'; result: PlannedSend; builtAt: number }
  | { status: 'cancelled'; progress: ExportProgress | undefined }
  | { status: 'failed'; error: unknown };

/** Builds a send plan with live progress; cancel stops the export at once. */
export function usePlanRun() {
  const { base } = useHerald();
  const [run, setRun] = useState<PlanRun>({ status: 'idle' });
  const controller = useRef<AbortController | null>(null);

  /** `now` is taken when the plan starts: the blackout window ends then. */
  const start = async (request: Omit<PlanRequest, 'signal' | 'onProgress' | 'now'>) => {
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    let last: ExportProgress | undefined;
    setRun({ status: 'running', progress: undefined });
    try {
      const result = await planAudience(base, {
        ...request,
        now: Date.now(),
        signal: abort.signal,
        onProgress: (progress) => {
          last = progress;
          setRun({ status: 'running', progress });
        },
      });
      if (controller.current === abort) setRun({ status: 'done', result, builtAt: Date.now() });
    } catch (error) {
      if (controller.current !== abort) return;
      setRun(error instanceof ExportCancelledError ? { status: 'cancelled', progress: last } : { status: 'failed', error });
    }
  };

  const cancel = () => controller.current?.abort();
  return { run, start, cancel };
}
