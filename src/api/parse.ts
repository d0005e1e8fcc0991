import { safeParse, type $ZodType, type output } from 'zod/v4/core';
import { InvalidResponseError } from './transport/errors';

/**
 * Checks a response body against its schema; a mismatch is an InvalidResponseError naming the
 * endpoint. The schemas are `zod/mini`'s (the same checks as zod's full API, a fraction of the
 * download); zod's core parses any of them.
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
