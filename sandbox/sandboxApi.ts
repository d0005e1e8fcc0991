import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { Emulator } from '../emulator/index';
import { proxyZafRequest, type AppRequestRecord } from '../emulator/zafProxy';
import { SANDBOX_API_PREFIX, SANDBOX_LOCALES, type AppMetadata, type Bootstrap, type Session, type SettingsView } from './apiTypes';
import type { AppPackage } from './appPackage';
import type { SandboxService } from './heraldService';
import type { PhoneBook } from './phoneBook';
import { phoneEntries, phoneReadSchema, phoneReplySchema, readOnPhone, replyOnPhone } from './phonesApi';
import { faultRuleToJson, parseFaultRule } from './faultRules';
import { HttpError, readJsonBody, sendJson } from './http';
import { publicSettings, type RegisteredInstallation, type Settings } from '../emulator/installation';
import { applySettingsUpdate, emptySettings, settingFields } from './settings';
import { DEFAULT_AGENT_ID, fetchAgents, fetchUser, isAgent, zendeskRequest } from './zendeskSession';

/** The ids Zendesk would give the app and its installation on the emulated account. */
export const SANDBOX_APP_ID = 900001;
export const SANDBOX_INSTALLATION_ID = 900101;

/** What the `/__sandbox/*` endpoints read and change: the server side of one sandbox. */
export interface SandboxState {
  readonly emulator: Emulator;
  readonly appPackage: AppPackage;
  /** Its settings are the emulated account's installation record: the Apps API changes them too. */
  readonly installation: RegisteredInstallation;
  /** The app's requests as posted, before substitution (tests look for leaked secrets here). */
  readonly appRequests: AppRequestRecord[];
  /** Settings the sandbox started with, restored by `reset`. */
  readonly initialSettings: Settings;
  readonly appOrigin: string;
  /** Language chosen with the language switch; the agent's own locale when unset. */
  locale: string | undefined;
  /** The Herald service beside the sandbox, when started: a reset starts it again on an empty store. */
  service: SandboxService | undefined;
  /** Who has each number, for the Phones view. */
  readonly phoneBook: PhoneBook;
}

interface Call {
  state: SandboxState;
  request: IncomingMessage;
  response: ServerResponse;
  url: URL;
  params: string[];
}

interface Route {
  method: string;
  path: RegExp;
  handle(call: Call): Promise<void>;
}

const requestBodySchema = z.object({ instanceGuid: z.string().min(1), options: z.unknown() });
const settingsUpdateSchema = z.object({ settings: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])) });
const sessionUpdateSchema = z.object({
  agentId: z.number().int().positive().optional(),
  locale: z.enum(SANDBOX_LOCALES.map((locale) => locale.code) as [string, ...string[]]).optional(),
});

const routes: Route[] = [
  { method: 'GET', path: /^\/bootstrap$/, handle: async ({ state, response }) => sendJson(response, 200, await bootstrap(state)) },
  { method: 'GET', path: /^\/metadata$/, handle: async ({ state, response }) => sendJson(response, 200, metadata(state)) },
  { method: 'POST', path: /^\/request$/, handle: proxyAppRequest },
  { method: 'GET', path: /^\/settings$/, handle: async ({ state, response }) => sendJson(response, 200, settingsView(state)) },
  { method: 'PUT', path: /^\/settings$/, handle: updateSettings },
  {
    method: 'POST',
    path: /^\/settings\/empty$/,
    handle: async ({ state, response }) => {
      state.installation.settings = emptySettings();
      sendJson(response, 200, settingsView(state));
    },
  },
  {
    method: 'POST',
    path: /^\/settings\/defaults$/,
    handle: async ({ state, response }) => {
      state.installation.settings = { ...state.initialSettings };
      sendJson(response, 200, settingsView(state));
    },
  },
  {
    method: 'GET',
    path: /^\/faults$/,
    handle: async ({ state, response }) => sendJson(response, 200, { faults: state.emulator.faults.list().map(faultRuleToJson) }),
  },
  { method: 'POST', path: /^\/faults$/, handle: addFault },
  {
    method: 'DELETE',
    path: /^\/faults$/,
    handle: async ({ state, response }) => {
      state.emulator.faults.clear();
      sendJson(response, 200, { faults: [] });
    },
  },
  {
    method: 'DELETE',
    path: /^\/faults\/(\d+)$/,
    handle: async ({ state, response, params }) => {
      state.emulator.faults.remove(Number(params[0]));
      sendJson(response, 200, { faults: state.emulator.faults.list().map(faultRuleToJson) });
    },
  },
  { method: 'POST', path: /^\/reset$/, handle: reset },
  { method: 'GET', path: /^\/app-requests$/, handle: async ({ state, response }) => sendJson(response, 200, state.appRequests) },
  {
    method: 'DELETE',
    path: /^\/app-requests$/,
    handle: async ({ state, response }) => {
      state.appRequests.length = 0;
      sendJson(response, 200, []);
    },
  },
  { method: 'GET', path: /^\/session$/, handle: async ({ state, response }) => sendJson(response, 200, await session(state)) },
  { method: 'PUT', path: /^\/session$/, handle: updateSession },
  { method: 'GET', path: /^\/zendesk(\/api\/v2\/.*)$/, handle: readZendeskApi },
  { method: 'GET', path: /^\/phones$/, handle: async ({ state, response }) => sendJson(response, 200, { phones: phoneEntries(state) }) },
  {
    method: 'POST',
    path: /^\/phones\/reply$/,
    handle: async ({ state, request, response }) => {
      replyOnPhone(state, await parseBody(request, phoneReplySchema));
      sendJson(response, 200, { phones: phoneEntries(state) });
    },
  },
  {
    method: 'POST',
    path: /^\/phones\/read$/,
    handle: async ({ state, request, response }) => {
      readOnPhone(state, (await parseBody(request, phoneReadSchema)).phone);
      sendJson(response, 200, { phones: phoneEntries(state) });
    },
  },
];

/** Answers a request under `/__sandbox/`; false when the path is not an endpoint of the sandbox API. */
export async function handleSandboxApi(state: SandboxState, request: IncomingMessage, response: ServerResponse, url: URL): Promise<boolean> {
  if (!url.pathname.startsWith(SANDBOX_API_PREFIX + '/')) return false;
  const path = url.pathname.slice(SANDBOX_API_PREFIX.length);
  const candidates = routes.filter((route) => route.path.test(path));
  if (candidates.length === 0) throw new HttpError(404, `No sandbox endpoint ${url.pathname}`);
  const route = candidates.find((candidate) => candidate.method === request.method);
  if (!route) throw new HttpError(405, `${request.method ?? '?'} is not allowed on ${url.pathname}`);
  // Browsers cannot send `application/json` cross-origin without a CORS preflight, which the
  // sandbox never grants: another web page open in the same browser cannot change the sandbox.
  if (request.method !== 'GET' && !(request.headers['content-type'] ?? '').toLowerCase().startsWith('application/json')) {
    throw new HttpError(415, 'Send sandbox API calls with content-type: application/json');
  }
  const params = route.path.exec(path)?.slice(1) ?? [];
  await route.handle({ state, request, response, url, params });
  return true;
}

async function parseBody<T>(request: IncomingMessage, schema: z.ZodType<T>): Promise<T> {
  const parsed = schema.safeParse(await readJsonBody(request));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new HttpError(400, `Invalid body: ${issue ? `${issue.path.join('.') || '(root)'} ${issue.message}` : 'unknown'}`);
  }
  return parsed.data;
}

/**
 * `client.metadata()` as of now: the installation's title and non-secure settings, read from the
 * emulated account's record, so that an app registering after a settings change (made on the admin
 * page or through the Apps API) gets the new values.
 */
function metadata(state: SandboxState): AppMetadata {
  const { manifest } = state.appPackage;
  const { installation, emulator } = state;
  const title = emulator.zendesk.installations.get(installation.id)?.title ?? manifest.name;
  return {
    appId: installation.appId,
    installationId: installation.id,
    name: manifest.name,
    version: manifest.version,
    settings: { title, ...publicSettings(manifest, installation.settings) },
  };
}

async function bootstrap(state: SandboxState): Promise<Bootstrap> {
  const { manifest } = state.appPackage;
  return {
    metadata: metadata(state),
    locations: manifest.location?.support ?? {},
    account: { subdomain: state.emulator.config.subdomain },
    appOrigin: state.appOrigin,
    session: await session(state),
  };
}

async function session(state: SandboxState): Promise<Session> {
  const agentId = state.installation.currentUserId;
  const [agent, agents] = await Promise.all([fetchUser(state.emulator, agentId, 'me'), fetchAgents(state.emulator, agentId)]);
  return { agent: agent ?? null, agentId, agents, locale: state.locale ?? agent?.locale ?? 'en' };
}

function settingsView(state: SandboxState): SettingsView {
  return { fields: settingFields(state.appPackage, state.installation.settings) };
}

async function proxyAppRequest({ state, request, response }: Call): Promise<void> {
  const body = await parseBody(request, requestBodySchema);
  const result = await proxyZafRequest(state.emulator, state.installation, body.options, (record) => state.appRequests.push(record));
  sendJson(response, 200, result);
}

async function updateSettings({ state, request, response }: Call): Promise<void> {
  const body = await parseBody(request, settingsUpdateSchema);
  const result = applySettingsUpdate(state.appPackage.manifest, state.installation.settings, body.settings);
  if (!result.ok) {
    sendJson(response, 422, { errors: result.errors });
    return;
  }
  state.installation.settings = result.settings;
  sendJson(response, 200, settingsView(state));
}

async function addFault({ state, request, response }: Call): Promise<void> {
  const parsed = parseFaultRule(await readJsonBody(request));
  if (!parsed.ok) throw new HttpError(400, parsed.message);
  sendJson(response, 201, { id: state.emulator.faults.add(parsed.rule) });
}

async function reset({ state, response }: Call): Promise<void> {
  state.emulator.reset();
  state.phoneBook.clear();
  // The reset emptied the webhooks and Herald's objects: what the service heard belongs to no campaign now.
  await state.service?.restart();
  state.installation.settings = { ...state.initialSettings };
  state.installation.currentUserId = DEFAULT_AGENT_ID;
  state.appRequests.length = 0;
  state.locale = undefined;
  sendJson(response, 200, await session(state));
}

async function updateSession({ state, request, response }: Call): Promise<void> {
  const update = await parseBody(request, sessionUpdateSchema);
  if (update.agentId !== undefined) {
    const user = await fetchUser(state.emulator, state.installation.currentUserId, update.agentId);
    if (!user) throw new HttpError(404, `No user ${update.agentId} in the emulated account`);
    if (!isAgent(user)) throw new HttpError(422, `User ${update.agentId} is not an agent`);
    state.installation.currentUserId = update.agentId;
  }
  if (update.locale !== undefined) state.locale = update.locale;
  sendJson(response, 200, await session(state));
}

/** Read-only access to the emulated Support API for the host page, as the signed-in agent. */
async function readZendeskApi({ state, response, url, params }: Call): Promise<void> {
  const upstream = await zendeskRequest(state.emulator, state.installation.currentUserId, (params[0] ?? '') + url.search);
  const text = upstream.type === 'error' ? '' : await upstream.text();
  response.writeHead(upstream.type === 'error' ? 502 : upstream.status, {
    'content-type': upstream.headers.get('content-type') ?? 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  response.end(text);
}
