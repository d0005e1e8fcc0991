import { HttpResponse } from 'msw';
import { SESSION_HEADER, type EmulatorConfig } from '../config';
import { zendeskError } from '../errorBodies';
import { isAgentRole, type UserRecord } from './userRecord';
import type { UserStore } from './users';

/**
 * Who is calling. Three ways in, as on Zendesk: the agent's session (the emulated proxy adds
 * `SESSION_HEADER` with the agent's id to same-account requests), an API token
 * (`Basic base64("{email}/token:{token}")`, the Support API's `basicAuth` security scheme), or an
 * OAuth access token (`Bearer {token}`, as "Show Token" and "Create Token" in the Support API's
 * OAuth Tokens describe it). End users cannot use these endpoints.
 *
 * The OpenAPI document gives no 401 body: every failure to authenticate answers Zendesk's
 * `{"error":"Couldn't authenticate you"}`, an unknown bearer token included.
 */

export type Authentication = { ok: true; user: UserRecord } | { ok: false; response: Response };

/** Zendesk's exact 401 body: an `error` and nothing else. */
export function unauthenticated(): Response {
  return HttpResponse.json({ error: "Couldn't authenticate you" }, { status: 401 });
}

export function authenticate(request: Request, users: UserStore, config: EmulatorConfig): Authentication {
  const session = request.headers.get(SESSION_HEADER);
  if (session !== null) {
    const user = /^\d+$/.test(session.trim()) ? users.get(Number(session.trim())) : undefined;
    return allow(user);
  }
  const authorization = request.headers.get('authorization')?.trim() ?? '';
  const basic = /^Basic\s+(\S+)$/i.exec(authorization);
  const credentials = basic ? decodeBasic(basic[1] as string) : undefined;
  if (credentials) {
    const expected = config.zendeskApiToken;
    const tokenLogin = credentials.username.toLowerCase() === `${expected.email.toLowerCase()}/token`;
    if (tokenLogin && credentials.password === expected.token) return allow(users.findAgentByEmail(expected.email));
  }
  const bearer = /^Bearer\s+(\S+)$/i.exec(authorization);
  const oauth = bearer ? [config.zendeskOAuthToken, config.zendeskReadOnlyOAuthToken].find((candidate) => candidate.token === bearer[1]) : undefined;
  if (oauth) {
    const allowed = allow(users.findAgentByEmail(oauth.email));
    if (allowed.ok && !scopesAllow(oauth.scopes, request.method, new URL(request.url).pathname)) return { ok: false, response: forbidden() };
    return allowed;
  }
  return { ok: false, response: unauthenticated() };
}

/**
 * Whether an OAuth token's scopes cover a request ("Create Token", Scopes): `read` gives the GET
 * endpoints, `write` the POST, PUT, PATCH and DELETE ones; `{resource}:read|write` limits that to a
 * resource, and a resource alone gives both. The spec lists resource names (tickets, users,
 * organizations, apps…) without mapping them to paths: here a resource is the first segment after
 * `/api/v2/`, which is how each listed resource's endpoints are spelled.
 */
function scopesAllow(scopes: readonly string[], method: string, pathname: string): boolean {
  const access = method === 'GET' || method === 'HEAD' ? 'read' : 'write';
  const resource = /^\/api\/v2\/([a-z_]+)/.exec(pathname)?.[1];
  return scopes.some((scope) => {
    const [name, scopeAccess] = scope.split(':');
    if (scopeAccess === undefined) return name === access || name === resource;
    return name === resource && scopeAccess === access;
  });
}

function allow(user: UserRecord | undefined): Authentication {
  if (!user || user.suspended) return { ok: false, response: unauthenticated() };
  if (!isAgentRole(user.role)) return { ok: false, response: forbidden() };
  return { ok: true, user };
}

/**
 * Zendesk's 403 for a caller it knows but does not let in: an end user, or a token without the
 * scope ("Create Token": such requests return a "Forbidden" error).
 */
function forbidden(): Response {
  return zendeskError(403, 'You do not have access to this page. Please contact the account owner of this help desk for further help.', 'Forbidden');
}

function decodeBasic(encoded: string): { username: string; password: string } | undefined {
  try {
    const binary = atob(encoded);
    const text = new TextDecoder().decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
    const colon = text.indexOf(':');
    if (colon < 0) return undefined;
    return { username: text.slice(0, colon), password: text.slice(colon + 1) };
  } catch {
    return undefined;
  }
}
