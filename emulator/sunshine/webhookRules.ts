import { isPlainObject } from '../json';
import { problem, type Problem } from './errors';

/** The v2 spec's trigger table ("Webhook Triggers", tag Webhooks): triggers are case sensitive. */
export const WEBHOOK_TRIGGERS = [
  'client:add',
  'client:remove',
  'client:update',
  'conversation:create',
  'conversation:join',
  'conversation:leave',
  'conversation:remove',
  'conversation:message',
  'conversation:message:delivery:channel',
  'conversation:message:delivery:failure',
  'conversation:message:delivery:user',
  'conversation:postback',
  'conversation:read',
  'conversation:referral',
  'passthrough:messaging',
  'conversation:typing',
  'switchboard:acceptControl',
  'switchboard:acceptControl:failure',
  'switchboard:offerControl',
  'switchboard:offerControl:failure',
  'switchboard:passControl',
  'switchboard:passControl:failure',
  'switchboard:releaseControl',
  'user:merge',
  'user:update',
  'user:remove',
] as const;

/** "An app is limited to 10 webhooks" (v2 spec, tag Webhooks). */
export const MAX_WEBHOOKS_PER_APP = 10;

/** The fields a webhook body may set (`webhookBody`); `target` and `triggers` are required at creation. */
export interface WebhookFields {
  target?: string;
  triggers?: string[];
  includeFullUser?: boolean;
  includeFullSource?: boolean;
}

export type WebhookBodyReading = { ok: true; fields: WebhookFields } | { ok: false; problem: Problem };

/** Reads `webhookCreateBody` (creating) or `webhookBody` (updating). */
export function readWebhookBody(input: unknown, creating: boolean): WebhookBodyReading {
  const bad = (title: string): WebhookBodyReading => ({ ok: false, problem: problem(400, 'bad_request', title) });
  if (!isPlainObject(input)) return bad('The request body must be a JSON object');
  const fields: WebhookFields = {};
  const { target, triggers, includeFullUser, includeFullSource } = input;
  if (target !== undefined || creating) {
    if (typeof target !== 'string' || !isHttpUrl(target)) return bad('target must be an http or https URL');
    fields.target = target;
  }
  if (triggers !== undefined || creating) {
    if (!Array.isArray(triggers) || triggers.length === 0 || !triggers.every((trigger) => typeof trigger === 'string')) {
      return bad('triggers must be a non-empty array of trigger names');
    }
    const unknown = triggers.filter((trigger) => !(WEBHOOK_TRIGGERS as readonly string[]).includes(trigger));
    if (unknown.length > 0) return bad(`Invalid trigger: ${unknown.join(', ')}`);
    fields.triggers = [...new Set(triggers as string[])];
  }
  for (const [name, value] of [['includeFullUser', includeFullUser], ['includeFullSource', includeFullSource]] as const) {
    if (value === undefined) continue;
    if (typeof value !== 'boolean') return bad(`${name} must be a boolean`);
    fields[name] = value;
  }
  return { ok: true, fields };
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}
