import { HttpResponse } from 'msw';
import type { EmulatorContext } from '../context';
import { ApiError, type ErrorStyle } from './apiErrors';
import type { ZendeskState } from './state';
import type { UserRecord } from './userRecord';

/**
 * The route table of the Support API emulator. Paths are written without the `.json` suffix, which
 * the dispatcher strips, so both spellings are served. `{name}` captures a path segment, `{name:int}`
 * a numeric one.
 */

export interface Call {
  context: EmulatorContext;
  state: ZendeskState;
  request: Request;
  url: URL;
  params: Record<string, string>;
  /** The authenticated agent or admin. */
  actor: UserRecord;
  now: number;
  origin: string;
}

export interface Route {
  method: string;
  pattern: RegExp;
  names: string[];
  style: ErrorStyle;
  handle(call: Call): Response | Promise<Response>;
}

export function route(method: string, path: string, handle: Route['handle'], style: ErrorStyle = 'classic'): Route {
  const names: string[] = [];
  const source = path
    .split('/')
    .map((segment) => {
      const param = /^\{(\w+)(:int)?\}$/.exec(segment);
      if (!param) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(param[1] as string);
      return param[2] ? '(\\d+)' : '([^/]+)';
    })
    .join('/');
  return { method, pattern: new RegExp(`^${source}$`), names, style, handle };
}

export function matchRoute(routes: readonly Route[], method: string, pathname: string): { route: Route; params: Record<string, string> } | undefined {
  const path = pathname.endsWith('.json') ? pathname.slice(0, -'.json'.length) : pathname;
  for (const candidate of routes) {
    if (candidate.method !== method) continue;
    const match = candidate.pattern.exec(path);
    if (!match) continue;
    const params: Record<string, string> = {};
    candidate.names.forEach((name, index) => {
      params[name] = decodeURIComponent(match[index + 1] as string);
    });
    return { route: candidate, params };
  }
  return undefined;
}

/**
 * The JSON body of a write. Zendesk reads it only when sent as `application/json`: a ZAF
 * `client.request` without `contentType` posts form-encoded text, which the real API rejects.
 */
export async function readJsonBody(request: Request, options: { allowEmpty?: boolean } = {}): Promise<Record<string, unknown>> {
  const type = request.headers.get('content-type') ?? '';
  const text = await request.text();
  if (options.allowEmpty && text.trim() === '') return {};
  if (!type.toLowerCase().includes('application/json')) {
    throw new ApiError(400, 'InvalidParameter', `Expected a JSON body with Content-Type: application/json, got ${type || 'no Content-Type'}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ApiError(400, 'InvalidParameter', 'The request body is not valid JSON');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new ApiError(400, 'InvalidParameter', 'The request body must be a JSON object');
  return parsed as Record<string, unknown>;
}

export function json(body: unknown, status = 200, headers?: HeadersInit): Response {
  return HttpResponse.json(body as Record<string, unknown>, { status, headers });
}

export function noContent(): Response {
  return new HttpResponse(null, { status: 204 });
}
