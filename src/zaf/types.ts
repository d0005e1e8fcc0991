/**
 * Our own types for the part of the ZAF client Herald uses. The SDK ships none (see
 * ../shared/reference/zendesk-apps.md §2.2), so these follow the SDK's behaviour: get/set/invoke
 * resolve to results keyed by path with an `errors` map, and `request` goes through Zendesk.
 */

export type ZafLocation = 'nav_bar' | 'ticket_sidebar' | 'user_sidebar' | 'new_ticket_sidebar' | 'modal' | 'background';

export interface ZafContext {
  instanceGuid: string;
  product: string;
  location: ZafLocation | string;
  account: { subdomain: string };
  ticketId?: number;
  userId?: number;
}

import type { SettingValue } from '../core/settings/settings';

export type ZafSettingValue = SettingValue;

export interface ZafMetadata {
  appId: number;
  installationId: number;
  name: string;
  version: string;
  plan?: { name: string };
  /** Non-secure settings only: secure ones never reach the browser. */
  settings: Record<string, ZafSettingValue | undefined>;
}

export interface ZafPathError {
  message: string;
  name?: string;
}

export type ZafResult = Record<string, unknown> & { errors?: Record<string, ZafPathError> };

export interface ZafRequestOptions {
  url: string;
  type?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  contentType?: string;
  data?: string;
  dataType?: 'json' | 'text';
  headers?: Record<string, string>;
  /** Lets Zendesk's proxy substitute `{{setting.…}}` placeholders with secure settings. */
  secure?: boolean;
  cors?: boolean;
  httpCompleteResponse?: boolean;
  timeout?: number;
  /** Whether ZAF itself sends a request refused with 429 again after its Retry-After (on unless false). */
  autoRetry?: boolean;
}

/** What `request` resolves to (and usually rejects with) when `httpCompleteResponse` is set. */
export interface ZafCompleteResponse {
  status: number;
  responseText?: string;
  responseJSON?: unknown;
  headers?: Record<string, string> | string;
  statusText?: string;
}

export type ZafEventHandler = (data: unknown) => void;

export interface ZafClient {
  get(path: string | string[]): Promise<ZafResult>;
  set(path: string, value: unknown): Promise<ZafResult>;
  invoke(name: string, ...args: unknown[]): Promise<ZafResult>;
  on(event: string, handler: ZafEventHandler): void;
  off(event: string, handler: ZafEventHandler): void;
  trigger(event: string, data?: unknown): void;
  request(options: ZafRequestOptions): Promise<unknown>;
  metadata(): Promise<ZafMetadata>;
  context(): Promise<ZafContext>;
}

export interface ZafClientFactory {
  /** Returns false when the page was not opened by Zendesk (no `origin` and `app_guid`). */
  init(callback?: (context: unknown) => void): ZafClient | false;
}

declare global {
  interface Window {
    ZAFClient?: ZafClientFactory;
  }
}
