import { z } from 'zod';
import { SESSION_HEADER } from './config';
import type { Emulator } from './emulator';
import type { AppManifest, SettingValue } from './zendesk/appInstallations';

/**
 * Zendesk's side of `client.request()`: what the agent workspace and its proxy do with the options
 * an app posts. The sandbox host page and the Node tests' fake ZAF client both go through here, so
 * the app meets one set of rules: secure settings are substituted only on `secure: true` requests to
 * hosts in `domainWhitelist`, within the scopes each parameter declares, and never reach the browser.
 *
 * Substitution is plain string replacement, the only behaviour Zendesk documents for secure
 * settings (summarised in ../shared/reference/zendesk-apps.md §2.3): nothing is encoded. No
 * official text says how the `basic_auth_username` / `basic_auth_password` scopes are applied;
 * assumed here: they let the value into the Authorization header, replaced as it is like any
 * other, so `Basic {{setting.id}}:{{setting.secret}}` reaches the API unencoded.
 */

export interface Installation {
  /**
   * The installation's id in the emulated account (`emulator.zendesk.installations`). When it is
   * registered there, the proxy reads the settings of that record at each request, so that a change
   * made through the Apps API (or the sandbox's settings page) applies to the very next request.
   */
  readonly id?: number;
  manifest: AppManifest;
  /**
   * Every installation setting, secure ones included: this object lives on the server side only.
   * For an installation made by `createInstallation` it reads and writes the registered record.
   */
  settings: Record<string, SettingValue | undefined>;
  /** The signed-in agent, whose session authenticates same-account requests. */
  currentUserId: number;
}

/** The installation's settings as they are now: the emulated account's record, else the object's own. */
export function currentSettings(emulator: Pick<Emulator, 'zendesk'>, installation: Installation): Record<string, SettingValue | undefined> {
  const record = installation.id === undefined ? undefined : emulator.zendesk.installations.get(installation.id);
  return record ? record.settings : installation.settings;
}

/** A request as the app posted it, before any substitution: what tests inspect for leaked secrets. */
export interface AppRequestRecord {
  url: string;
  method: string;
  secure: boolean;
  headers: Record<string, string>;
  data: string | undefined;
  at: number;
  refused?: string;
}

export interface CompleteResponse {
  status: number;
  statusText: string;
  responseText: string;
  responseJSON?: unknown;
  headers: Record<string, string>;
}

/** `ok` says whether the app's promise resolves (with `payload`) or rejects (with `payload`). */
export interface ZafProxyResult {
  ok: boolean;
  payload: unknown;
}

const requestOptionsSchema = z.object({
  url: z.string().min(1),
  type: z.string().optional(),
  contentType: z.union([z.string(), z.literal(false)]).optional(),
  data: z.union([z.string(), z.record(z.string(), z.unknown())]).optional(),
  dataType: z.string().optional(),
  headers: z.record(z.string(), z.string()).optional(),
  secure: z.boolean().optional(),
  cors: z.boolean().optional(),
  httpCompleteResponse: z.boolean().optional(),
  timeout: z.number().optional(),
  // Real ZAF sends a request refused with 429 again unless this is false; Herald always sends false,
  // and the emulated proxy never retries (it answers the 429 as the API gave it).
  autoRetry: z.boolean().optional(),
});

export type ZafRequestOptions = z.infer<typeof requestOptionsSchema>;

const PLACEHOLDER = /\{\{setting\.([A-Za-z0-9_]+)\}\}/g;

type Place = 'url' | 'header' | 'body' | 'authorization';

/** The scopes that let a setting go to each place (see the file comment for the Basic auth ones). */
const SCOPES_FOR: Record<Place, readonly string[]> = {
  url: ['url'],
  header: ['header'],
  body: ['body'],
  authorization: ['header', 'basic_auth_username', 'basic_auth_password'],
};

class Refusal extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export async function proxyZafRequest(
  emulator: Emulator,
  installation: Installation,
  rawOptions: unknown,
  log?: (record: AppRequestRecord) => void,
): Promise<ZafProxyResult> {
  const parsed = requestOptionsSchema.safeParse(typeof rawOptions === 'string' ? { url: rawOptions } : rawOptions);
  if (!parsed.success) {
    return fail(false, refusal(400, `Invalid request options: ${parsed.error.issues[0]?.message ?? 'unknown'}`));
  }
  const options = parsed.data;
  const method = (options.type ?? 'GET').toUpperCase();
  const data = typeof options.data === 'string' || options.data === undefined ? options.data : JSON.stringify(options.data);
  const record: AppRequestRecord = {
    url: options.url,
    method,
    secure: options.secure === true,
    headers: { ...(options.headers ?? {}) },
    data,
    at: emulator.clock.now(),
  };
  const complete = options.httpCompleteResponse === true;

  try {
    const request = buildRequest(emulator, { ...installation, settings: currentSettings(emulator, installation) }, options, method, data);
    log?.(record);
    const response = await withTimeout(emulator.handle(request), options.timeout);
    return settle(complete, await toCompleteResponse(response));
  } catch (error) {
    if (error instanceof Refusal) {
      record.refused = error.message;
      log?.(record);
      return fail(complete, refusal(error.status, error.message));
    }
    if (error instanceof TimeoutReached) return fail(complete, { status: 0, statusText: 'timeout', responseText: '', headers: {} });
    throw error;
  }
}

function buildRequest(
  emulator: Emulator,
  installation: Installation,
  options: ZafRequestOptions,
  method: string,
  data: string | undefined,
): Request {
  const zendeskOrigin = emulator.config.zendeskOrigin;
  const absolute = options.url.startsWith('/') ? zendeskOrigin + options.url : options.url;
  const secure = options.secure === true;
  const headers = new Headers();

  for (const name of Object.keys(options.headers ?? {})) {
    if (name.includes('_')) throw new Refusal(400, `Header names with underscores are not allowed: ${name}`);
  }

  let url = absolute;
  let body = data;
  const outgoing: Record<string, string> = { ...(options.headers ?? {}) };

  if (secure) {
    const host = hostOf(absolute);
    if (!isWhitelisted(host, installation.manifest.domainWhitelist ?? [])) {
      throw new Refusal(403, `Secure request refused: ${host} is not in the app's domainWhitelist`);
    }
    url = substitute(url, 'url', installation);
    for (const [name, value] of Object.entries(outgoing)) outgoing[name] = substituteHeader(name, value, installation);
    if (body !== undefined) body = substitute(body, 'body', installation);
  }

  for (const [name, value] of Object.entries(outgoing)) headers.set(name, value);
  if (options.contentType !== false && body !== undefined) {
    headers.set('content-type', options.contentType ?? 'application/x-www-form-urlencoded; charset=UTF-8');
  }
  // The agent's session goes with requests to the account itself, never through the secure proxy.
  if (!secure && new URL(url).origin === zendeskOrigin) headers.set(SESSION_HEADER, String(installation.currentUserId));

  return new Request(url, { method, headers, body: method === 'GET' || method === 'HEAD' ? undefined : body });
}

function substituteHeader(name: string, value: string, installation: Installation): string {
  return substitute(value, name.toLowerCase() === 'authorization' ? 'authorization' : 'header', installation);
}

function substitute(text: string, place: Place, installation: Installation): string {
  return text.replace(PLACEHOLDER, (_match, name: string) => settingFor(name, place, installation));
}

/** The value of a setting used at `place`, if the manifest lets that parameter go there. */
function settingFor(name: string, place: Place, installation: Installation): string {
  const parameter = installation.manifest.parameters?.find((candidate) => candidate.name === name);
  if (!parameter) throw new Refusal(400, `Unknown setting in placeholder: ${name}`);
  if (parameter.secure && parameter.scopes && parameter.scopes.length > 0 && !parameter.scopes.some((scope) => SCOPES_FOR[place].includes(scope))) {
    throw new Refusal(403, `Setting ${name} is not allowed in the request ${place === 'authorization' ? 'header' : place}`);
  }
  const value = installation.settings[name];
  if (value === undefined || value === '') throw new Refusal(400, `Setting ${name} has no value`);
  return String(value);
}

export function isWhitelisted(host: string, whitelist: readonly string[]): boolean {
  const lower = host.toLowerCase();
  return whitelist.some((entry) => {
    const pattern = entry.toLowerCase();
    if (pattern.startsWith('*.')) return lower.endsWith(pattern.slice(1)) && lower.length > pattern.length - 1;
    return lower === pattern;
  });
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    throw new Refusal(400, `Invalid URL: ${url}`);
  }
}

class TimeoutReached extends Error {}

function withTimeout<T>(promise: Promise<T>, timeoutMs: number | undefined): Promise<T> {
  if (!timeoutMs) return promise;
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new TimeoutReached()), timeoutMs);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

async function toCompleteResponse(response: Response): Promise<CompleteResponse> {
  if (response.type === 'error') return { status: 0, statusText: 'error', responseText: '', headers: {} };
  const responseText = await response.text();
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name.toLowerCase()] = value;
  });
  let responseJSON: unknown;
  if ((headers['content-type'] ?? '').includes('json') && responseText) {
    try {
      responseJSON = JSON.parse(responseText);
    } catch {
      responseJSON = undefined;
    }
  }
  return { status: response.status, statusText: response.statusText, responseText, responseJSON, headers };
}

function refusal(status: number, message: string): CompleteResponse {
  const body = { error: 'ProxyRefused', description: message };
  return {
    status,
    statusText: 'error',
    responseText: JSON.stringify(body),
    responseJSON: body,
    headers: { 'content-type': 'application/json' },
  };
}

function settle(complete: boolean, response: CompleteResponse): ZafProxyResult {
  const ok = (response.status >= 200 && response.status < 300) || response.status === 304;
  if (!ok) return fail(complete, response);
  if (complete) return { ok, payload: response };
  return { ok, payload: response.responseJSON ?? response.responseText };
}

function fail(complete: boolean, response: CompleteResponse): ZafProxyResult {
  // jQuery-style failure: the rejection value carries the status and the body either way.
  return { ok: false, payload: complete ? response : { ...response, headers: undefined } };
}
