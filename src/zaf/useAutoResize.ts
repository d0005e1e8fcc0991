import { useEffect, type RefObject } from 'react';
import type { ZafClient } from './types';

/**
 * Keeps a sidebar iframe as tall as its content: Zendesk does not size app iframes by itself, and a
 * fixed height either clips the app or leaves a gap in the sidebar.
 */
export function useAutoResize(client: Pick<ZafClient, 'invoke'>, ref: RefObject<HTMLElement | null>, enabled = true): void {
  useEffect(() => {
    const element = ref.current;
    if (!enabled || !element || typeof ResizeObserver === 'undefined') return;
    let lastHeight = -1;
    const resize = () => {
      const height = Math.ceil(element.getBoundingClientRect().height);
      if (height === lastHeight || height === 0) return;
      lastHeight = height;
      void client.invoke('resize', { width: '100%', height: `${height}px` });
    };
    const observer = new ResizeObserver(resize);
    observer.observe(element);
    resize();
    return () => observer.disconnect();
  }, [client, ref, enabled]);
}
