import { SESSION_HEADER, type Emulator } from '../emulator/index';
import type { RestUser } from './zendeskTypes';

/**
 * Calls to the emulated Support API made as the signed-in agent, the way Zendesk's own agent
 * workspace calls its API with the agent's session cookie. Going through the REST API keeps the
 * sandbox independent of the emulator's internal state.
 */

/** The seeded agents offered by the sandbox panel (the emulator has no "list agents" route). */
export const SEED_AGENT_IDS = [1, 2, 3] as const;

export const DEFAULT_AGENT_ID = 1;

export function zendeskRequest(emulator: Emulator, agentId: number, pathAndQuery: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set(SESSION_HEADER, String(agentId));
  return emulator.handle(new Request(emulator.config.zendeskOrigin + pathAndQuery, { ...init, headers }));
}

export async function fetchUser(emulator: Emulator, agentId: number, userId: number | 'me'): Promise<RestUser | undefined> {
  const response = await zendeskRequest(emulator, agentId, `/api/v2/users/${userId}`);
  if (!response.ok) return undefined;
  const body = (await response.json()) as { user?: RestUser };
  return body.user;
}

export function isAgent(user: RestUser): boolean {
  return user.role === 'agent' || user.role === 'admin';
}

/** The seeded agents the emulator knows, in id order. */
export async function fetchAgents(emulator: Emulator, agentId: number): Promise<RestUser[]> {
  const users = await Promise.all(SEED_AGENT_IDS.map((id) => fetchUser(emulator, agentId, id)));
  return users.filter((user): user is RestUser => user !== undefined && isAgent(user));
}
