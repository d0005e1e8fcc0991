import type { Bootstrap } from '../../apiTypes';
import type { AppHost } from '../zaf/appHost';

/** What a page gets from the workspace when it is shown. */
export interface PageContext {
  /** The page's area, empty when the page starts. */
  readonly container: HTMLElement;
  readonly apps: AppHost;
  bootstrap(): Bootstrap;
  setTitle(title: string): void;
  /** False once the agent has navigated elsewhere: async renders stop there. */
  isCurrent(): boolean;
  /** Runs when the agent leaves the page (e.g. to close the page's app instances). */
  onLeave(cleanup: () => void): void;
  /** Reloads every app instance, as Zendesk does after a settings change. */
  reloadApps(): Promise<void>;
}

export type Page = (page: PageContext) => void | Promise<void>;
