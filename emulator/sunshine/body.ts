import { problem, type Problem } from './errors';

/** The v2 spec's limit on JSON bodies, which the v1.1 routes share. */
const MAX_JSON_BYTES = 100 * 1024;

export type BodyReading = { ok: true; body: unknown } | { ok: false; problem: Problem };

/**
 * The JSON body of a POST. SunCo requires `content-type: application/json`; the ZAF client defaults
 * to a form content type, so an app that forgets `contentType` must fail here as it would for real.
 */
export async function readJsonBody(request: Request): Promise<BodyReading> {
  const contentType = request.headers.get('content-type') ?? '';
  if (!/^application\/json\b/i.test(contentType.trim())) {
    return { ok: false, problem: problem(415, 'unsupported_media_type', `Content-Type must be application/json (got "${contentType || 'none'}")`) };
  }
  const text = await request.text();
  if (new TextEncoder().encode(text).length > MAX_JSON_BYTES) {
    return { ok: false, problem: problem(413, 'payload_too_large', 'JSON bodies are limited to 100 kB') };
  }
  try {
    return { ok: true, body: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, problem: problem(400, 'bad_request', 'The request body is not valid JSON') };
  }
}
