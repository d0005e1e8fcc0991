import {
  SANDBOX_API_PREFIX,
  type AppMetadata,
  type Bootstrap,
  type FaultRuleJson,
  type ListedFault,
  type PhoneEntry,
  type PhoneReply,
  type SandboxLocale,
  type Session,
  type SettingsUpdate,
  type SettingsView,
} from '../apiTypes';

/** The host page's calls to its own server's `/__sandbox/*` endpoints. */

export class SandboxApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly body: unknown,
  ) {
    super(message);
  }
}

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(SANDBOX_API_PREFIX + path, {
    method,
    // Every change is sent as JSON, which the server requires (see sandboxApi.ts).
    headers: method === 'GET' ? undefined : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const json = text ? (JSON.parse(text) as unknown) : undefined;
  if (!response.ok) {
    const message = (json as { error?: string } | undefined)?.error ?? `${method} ${path} failed (${response.status})`;
    throw new SandboxApiError(response.status, message, json);
  }
  return json as T;
}

export const sandboxClient = {
  bootstrap: () => call<Bootstrap>('GET', '/bootstrap'),
  metadata: () => call<AppMetadata>('GET', '/metadata'),
  updateSession: (update: { agentId?: number; locale?: SandboxLocale }) => call<Session>('PUT', '/session', update),
  reset: () => call<Session>('POST', '/reset'),
  settings: () => call<SettingsView>('GET', '/settings'),
  saveSettings: (settings: SettingsUpdate['settings']) => call<SettingsView>('PUT', '/settings', { settings }),
  emptySettings: () => call<SettingsView>('POST', '/settings/empty'),
  defaultSettings: () => call<SettingsView>('POST', '/settings/defaults'),
  faults: () => call<{ faults: ListedFault[] }>('GET', '/faults'),
  addFault: (rule: FaultRuleJson) => call<{ id: number }>('POST', '/faults', rule),
  removeFault: (id: number) => call<{ faults: ListedFault[] }>('DELETE', `/faults/${id}`),
  clearFaults: () => call<{ faults: ListedFault[] }>('DELETE', '/faults'),
  phones: () => call<{ phones: PhoneEntry[] }>('GET', '/phones').then((body) => body.phones),
  replyOnPhone: (reply: PhoneReply) => call<{ phones: PhoneEntry[] }>('POST', '/phones/reply', reply).then((body) => body.phones),
  readOnPhone: (phone: string) => call<{ phones: PhoneEntry[] }>('POST', '/phones/read', { phone }).then((body) => body.phones),
  proxyRequest: (instanceGuid: string, options: unknown) => call<{ ok: boolean; payload: unknown }>('POST', '/request', { instanceGuid, options }),
};
