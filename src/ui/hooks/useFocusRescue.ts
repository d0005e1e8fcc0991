import { useEffect, useRef, type RefObject } from 'react';

/**
 * A control that is disabled while its work runs, or that goes with the state it acted on (Pause once
 * paused), drops the keyboard focus on the document's body, from where Tab starts over at the top of
 * the app. When `phase` changes and the focus was dropped so, `target` takes it back, without
 * scrolling. The focus anywhere else (another control, outside the app) is left alone.
 */
export function useFocusRescue(target: RefObject<HTMLElement | null>, phase: string): void {
  const previous = useRef(phase);
  useEffect(() => {
    if (previous.current === phase) return;
    previous.current = phase;
    if (document.hasFocus() && (document.activeElement === null || document.activeElement === document.body)) target.current?.focus({ preventScroll: true });
  }, [target, phase]);
}
