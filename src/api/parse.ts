import { safeParse, type $ZodType, type output } from 'zod/v4/core';
import { InvalidResponseError } from './transport/errors';

/**
 * Checks a response body against its schema; a mismatch is an InvalidResponseError naming the
 * endpoint. Any zod schema: the clients a sidebar needs at once use `zod/mini` (the same checks, a
 * fraction of the download), the others the full API.
 */
export function parseResponse<T extends $ZodType>(schema: T, body: unknown, endpoint: string): output<T> {
  const parsed = safeParse(schema, body);
  if (!parsed.success) {
    throw new InvalidResponseError(
      endpoint,
      parsed.error.issues.map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`),
    );
  }
  return parsed.data;
}
