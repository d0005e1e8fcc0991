import type { ZafError } from './messages';

/**
 * `client.invoke()`: `params` maps each action to its argument list. Every action gets an answer
 * (unknown ones an error), so that no app promise is left pending.
 */

export type InvokeHandler = (args: unknown[]) => unknown;

export interface InvokeResult {
  [action: string]: unknown;
  errors: Record<string, ZafError>;
}

export async function runInvokes(params: unknown, handlers: Record<string, InvokeHandler>): Promise<InvokeResult> {
  const result: InvokeResult = { errors: {} };
  if (typeof params !== 'object' || params === null || Array.isArray(params)) {
    throw new Error('invoke expects an object of action names to argument lists');
  }
  for (const [action, rawArgs] of Object.entries(params as Record<string, unknown>)) {
    const args = Array.isArray(rawArgs) ? rawArgs : [rawArgs];
    const handler = Object.prototype.hasOwnProperty.call(handlers, action) ? handlers[action] : undefined;
    if (!handler) {
      result.errors[action] = { message: `"${action}" is not an action the sandbox supports`, name: 'NotSupportedError' };
      continue;
    }
    try {
      result[action] = await handler(args);
    } catch (error) {
      result.errors[action] = { message: error instanceof Error ? error.message : String(error), name: 'Error' };
    }
  }
  return result;
}

/** A CSS length from a ZAF size: numbers and bare digits are pixels, strings such as "450px" or "100%" are kept. */
export function cssLength(value: unknown): string {
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return `${value}px`;
  if (typeof value === 'string') {
    const trimmed = value.trim();
    if (/^\d+(\.\d+)?$/.test(trimmed)) return `${trimmed}px`;
    if (/^\d+(\.\d+)?(px|%|em|rem|vh|vw)$/.test(trimmed)) return trimmed;
  }
  throw new Error(`Invalid size: ${JSON.stringify(value)}`);
}

/** `notify` options: `{ sticky }`, or a display time in milliseconds (older apps). */
export function notifyOptions(options: unknown): { sticky: boolean; durationMs?: number } {
  if (typeof options === 'number') return { sticky: false, durationMs: options };
  if (typeof options === 'object' && options !== null) return { sticky: (options as { sticky?: unknown }).sticky === true };
  return { sticky: false };
}
