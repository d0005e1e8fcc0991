import { HttpResponse } from 'msw';
import { sunshineError } from '../errorBodies';

/** One reason to refuse a request, independent of the API version that words it. */
export interface Problem {
  status: number;
  code: string;
  description: string;
}

export function problem(status: number, code: string, description: string): Problem {
  return { status, code, description };
}

export function integrationNotFound(): Problem {
  return problem(404, 'integration_not_found', 'Integration not found');
}

/**
 * v1.1 error body. Neither the v1 spec nor any public source shows it; the reference (§1.6) infers
 * `{"error":{"code","description"}}`, the shape Smooch's v1 API used, and the v2 spec only documents
 * `{"errors":[…]}` for v2. The app parses both, so the v1.1 routes answer the v1 shape and the
 * app's tolerance is exercised. Channel failures carry the WhatsApp code (e.g. `132001`) as `code`.
 */
export function legacyError(reason: Problem, headers?: HeadersInit): Response {
  return HttpResponse.json({ error: { code: reason.code, description: reason.description } }, { status: reason.status, headers });
}

/** v2 error body (`errorResponse`); several errors only on a 400, as the spec says. */
export function v2Error(reason: Problem): Response {
  return sunshineError(reason.status, reason.description, reason.code);
}

export function v2BadRequest(titles: string[]): Response {
  return HttpResponse.json({ errors: titles.map((title) => ({ code: 'bad_request', title })) }, { status: 400 });
}

/** The version a route belongs to decides the error body's shape. */
export type ApiFlavor = 'v2' | 'v1';

export function errorResponse(flavor: ApiFlavor, reason: Problem): Response {
  return flavor === 'v2' ? v2Error(reason) : legacyError(reason);
}
