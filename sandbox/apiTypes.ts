import type { Fault } from '../emulator/faults';
import type { SettingValue } from '../emulator/zendesk/appInstallations';
import type { RestUser } from './zendeskTypes';

/**
 * What the sandbox host server and its page say to each other over `/__sandbox/*`. The page is
 * bundled from these same types, so both sides change together.
 */

export const SANDBOX_API_PREFIX = '/__sandbox';

/** The locations the sandbox workspace can show. */
export type AppLocation = 'nav_bar' | 'ticket_sidebar' | 'user_sidebar';

export const APP_LOCATIONS: readonly AppLocation[] = ['nav_bar', 'ticket_sidebar', 'user_sidebar'];

/** The languages of the language switch, as Zendesk locale codes. */
export const SANDBOX_LOCALES = [
  { code: 'en', label: 'English' },
  { code: 'fr', label: 'Français' },
] as const;

export type SandboxLocale = (typeof SANDBOX_LOCALES)[number]['code'];

/** `client.metadata()`: what every instance of the app receives at registration. */
export interface AppMetadata {
  appId: number;
  installationId: number;
  name: string;
  version: string;
  /** The installation title plus the non-secure settings that have a value. Never a secure one. */
  settings: Record<string, SettingValue>;
}

export interface ManifestLocation {
  url: string;
  flexible?: boolean;
}

/** Everything the page needs to draw the workspace and register the app instances. */
export interface Bootstrap {
  metadata: AppMetadata;
  /** `manifest.location.support`: which locations the app declares, and their URLs. */
  locations: Partial<Record<string, ManifestLocation>>;
  account: { subdomain: string };
  /** Origin of the app server, which serves the built app (cross-origin to the host page). */
  appOrigin: string;
  session: Session;
}

export interface Session {
  /** The signed-in agent as the Support API returns it, or null when the emulator has no such user. */
  agent: RestUser | null;
  agentId: number;
  /** Agents the sandbox panel offers to sign in as. */
  agents: RestUser[];
  locale: string;
}

export interface SessionUpdate {
  agentId?: number;
  locale?: SandboxLocale;
}

/** One field of the app's settings form, built from a manifest parameter and its translation. */
export interface SettingField {
  name: string;
  type: string;
  required: boolean;
  secure: boolean;
  label: string;
  helpText?: string;
  /** Current value of a non-secure setting; absent for secure settings, which are write-only. */
  value?: SettingValue;
  /** Whether a secure setting holds a value (its value is never sent). */
  isSet?: boolean;
}

export interface SettingsView {
  fields: SettingField[];
}

/** `PUT settings`: values by parameter name. An empty string for a secure field keeps its value. */
export interface SettingsUpdate {
  settings: Record<string, SettingValue | null>;
}

/** Answer of a refused settings update: one message per invalid field. */
export interface SettingsErrors {
  errors: Record<string, string>;
}

/** `POST request`: one `client.request()` call of an app instance. */
export interface AppRequestBody {
  instanceGuid: string;
  options: unknown;
}

/** A fault rule as JSON: a `path` is a prefix, or `{ regex }` for a regular expression (sandbox/faultRules.ts checks it). */
export interface FaultRuleJson {
  match: {
    service?: 'zendesk' | 'sunshine';
    method?: string;
    path?: string | { regex: string; flags?: string };
  };
  fault: Fault;
  /** How many matching requests it hits; unlimited when absent. */
  times?: number;
}

/** An armed rule as `GET faults` lists it: its id, and the requests it has hit so far. */
export interface ListedFault extends FaultRuleJson {
  id: number;
  hits: number;
}

/** One customer's WhatsApp as their phone shows it (GET /__sandbox/phones). */
export interface PhoneEntry {
  /** E.164. */
  phone: string;
  /** The Zendesk user with this number, when the account has one. */
  user?: { id: number; name: string };
  /** Oldest first: the business's messages with their ✓ state, the customer's answers. */
  messages: Array<{
    from: 'business' | 'customer';
    text: string;
    /** ISO 8601. */
    at: string;
    status: 'sent' | 'delivered' | 'read' | 'failed';
    code?: string;
    quickReplies?: Array<{ text: string; payload: string }>;
  }>;
}

/** What a customer types or taps (POST /__sandbox/phones/reply). */
export interface PhoneReply {
  phone: string;
  text: string;
  payload?: string;
}
