import type { AppMetadata } from '../../apiTypes';

/**
 * The messages between the host and the ZAF SDK inside an app iframe (reference §4). The SDK posts
 * JSON strings, except hook replies, which are objects; the host answers with JSON strings.
 */

export interface ZafContext {
  product: 'support';
  location: string;
  instanceGuid: string;
  account: { subdomain: string };
  ticketId?: number;
  userId?: number;
}

export interface ZafError {
  message: string;
  name?: string;
}

/** `client.get/set/invoke`: a numbered call awaiting `{ id, result }` or `{ id, error }`. */
export interface SdkCall {
  kind: 'call';
  id: number;
  request: 'get' | 'set' | 'invoke';
  params: unknown;
  instanceGuid?: string;
}

/** Everything else: `iframe.handshake`, `iframe.on:x`, `request:N`, `iframe.reply:x`, tracking… */
export interface SdkEvent {
  kind: 'event';
  key: string;
  message: unknown;
  instanceGuid?: string;
  /** Set on hook replies (`iframe.reply:<event>`) when a handler refused. */
  error?: { msg?: unknown };
}

export type SdkMessage = SdkCall | SdkEvent;

export function parseSdkMessage(data: unknown): SdkMessage | undefined {
  let value = data;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value) as unknown;
    } catch {
      return undefined;
    }
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Record<string, unknown>;
  const instanceGuid = typeof record.instanceGuid === 'string' ? record.instanceGuid : undefined;
  if (typeof record.id === 'number' && (record.request === 'get' || record.request === 'set' || record.request === 'invoke')) {
    return { kind: 'call', id: record.id, request: record.request, params: record.params, instanceGuid };
  }
  if (typeof record.key === 'string') {
    const error = typeof record.error === 'object' && record.error !== null ? (record.error as { msg?: unknown }) : undefined;
    return { kind: 'event', key: record.key, message: record.message, instanceGuid, error };
  }
  return undefined;
}

export function registeredMessage(metadata: AppMetadata, context: ZafContext): unknown {
  return { key: 'zaf.app.registered', message: { metadata, context } };
}

export function eventMessage(event: string, message: unknown, needsReply = false): unknown {
  return needsReply ? { key: `zaf.${event}`, message, needsReply: true } : { key: `zaf.${event}`, message };
}

export function resultMessage(id: number, result: Record<string, unknown>): unknown {
  return { id, result };
}

export function failureMessage(id: number, error: ZafError): unknown {
  return { id, error };
}

export function requestOutcomeMessage(requestKey: string, ok: boolean, payload: unknown): unknown {
  return { key: `zaf.${requestKey}.${ok ? 'done' : 'fail'}`, message: { responseArgs: [payload] } };
}
