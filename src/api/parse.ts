import type { z } from 'zod';
import { InvalidResponseError } from './transport/errors';

/** Checks a response body against its schema; a mismatch is an InvalidResponseError naming the endpoint. */
export function parseResponse<T extends z.ZodType>(schema: T, body: unknown, endpoint: string): z.infer<T> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new InvalidResponseError(
      endpoint,
      parsed.error.issues.map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`),
    );
  }
  return parsed.data;
}
