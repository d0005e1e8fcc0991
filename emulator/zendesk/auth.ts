import { HttpResponse } from 'msw';
import { SESSION_HEADER, type EmulatorConfig } from '../config';
import { zendeskError } from '../errorBodies';
import { isAgentRole, type UserRecord } from './userRecord';
import type { UserStore } from './users';

/**
 * Who is calling. Two ways in, as on Zendesk: the agent's session (the emulated proxy adds
 * `SESSION_HEADER` with the agent's id to same-account requests), or an API token
 * (`Basic base64("{email}/token:{token}")`). End users cannot use these endpoints.
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
  const authorization = request.headers.get('authorization');
  if (authorization) {
    const basic = /^Basic\s+(\S+)$/i.exec(authorization.trim());
    const credentials = basic ? decodeBasic(basic[1] as string) : undefined;
    if (credentials) {
      const expected = config.zendeskApiToken;
      const tokenLogin = credentials.username.toLowerCase() === `${expected.email.toLowerCase()}/token`;
      if (tokenLogin && credentials.password === expected.token) return allow(users.findAgentByEmail(expected.email));
    }
  }
  return { ok: false, response: unauthenticated() };
}

function allow(user: UserRecord | undefined): Authentication {
  if (!user || user.suspended) return { ok: false, response: unauthenticated() };
  if (!isAgentRole(user.role)) {
    return {
      ok: false,
      response: zendeskError(403, 'You do not have access to this page. Please contact the account owner of this help desk for further help.', 'Forbidden'),
    };
  }
  return { ok: true, user };
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
