import { isPlainObject, type JsonObject } from '../json';
import { integrationNotFound, problem, type Problem } from './errors';
import { metadataProblem } from './messageMetadata';
import type { SunshineState } from './state';
import { SMS_INTEGRATION_TYPES, type NotificationRecord, type TemplateCategory } from './types';
import { parameterProblem, readTemplateMessage, usableTemplate } from './whatsappSendRules';

/**
 * Validation of `POST /v1.1/apps/{appId}/notifications` (v1 spec NotificationPost,
 * NotificationPostDestination, Author; reference §1.2): the envelope first, then the integration,
 * then the message its channel accepts.
 */

/** E.164: a plus, a non-zero country digit, 7 to 15 digits in all. */
const E164 = /^\+[1-9][0-9]{6,14}$/;
/** Twilio refuses longer texts (its error 21617). */
const SMS_TEXT_MAX = 1600;

export type NotificationVerdict =
  | { ok: true; record: Omit<NotificationRecord, 'id' | 'at'>; category: TemplateCategory | undefined }
  | { ok: false; problem: Problem };

function refuse(reason: Problem): NotificationVerdict {
  return { ok: false, problem: reason };
}

function envelopeProblems(body: JsonObject): string[] {
  const problems: string[] = [];
  const { destination, author, message, messageSchema } = body;
  if (!isPlainObject(destination)) problems.push('destination is required (an object with integrationId and destinationId)');
  else {
    if (typeof destination.integrationId !== 'string' || destination.integrationId.length === 0) problems.push('destination.integrationId is required');
    if (typeof destination.destinationId !== 'string' || destination.destinationId.length === 0) problems.push('destination.destinationId is required');
    else if (!E164.test(destination.destinationId)) {
      problems.push(`destination.destinationId "${destination.destinationId}" must be a phone number in E.164 format (+ and 7 to 15 digits)`);
    }
  }
  if (!isPlainObject(author)) problems.push('author is required (an object with role "appMaker")');
  else if (author.role !== 'appMaker') problems.push(`author.role must be "appMaker" (got ${JSON.stringify(author.role)})`);
  if (!isPlainObject(message)) problems.push('message is required (an object)');
  else {
    const badMetadata = metadataProblem(message.metadata);
    if (badMetadata) problems.push(badMetadata);
  }
  if (messageSchema !== undefined && messageSchema !== 'whatsapp') {
    problems.push(`messageSchema ${JSON.stringify(messageSchema)} is not accepted: its only accepted value is "whatsapp"`);
  }
  return problems;
}

export function checkNotification(input: unknown, state: SunshineState): NotificationVerdict {
  if (!isPlainObject(input)) return refuse(problem(400, 'bad_request', 'The request body must be a JSON object'));
  const problems = envelopeProblems(input);
  if (problems.length > 0) return refuse(problem(400, 'bad_request', problems.join('; ')));

  const destination = input.destination as { integrationId: string; destinationId: string };
  const message = input.message as JsonObject;
  const integration = state.integration(destination.integrationId);
  if (!integration) return refuse(integrationNotFound());
  if (integration.status !== 'active') {
    return refuse(problem(400, 'bad_request', `Integration ${integration.id} is ${integration.status}: notifications need an active integration`));
  }
  const base = {
    integrationId: integration.id,
    integrationType: integration.type,
    destinationId: destination.destinationId,
    messageSchema: input.messageSchema === 'whatsapp' ? ('whatsapp' as const) : undefined,
    message,
    author: input.author as JsonObject,
  };

  if (integration.type === 'whatsapp') {
    const reading = readTemplateMessage(message, input.messageSchema);
    if (!reading.ok) return refuse(reading.problem);
    const found = usableTemplate(reading.template, state.messageTemplatesNamed(integration.id, reading.template.name));
    if (!found.ok) return refuse(found.problem);
    const mismatch = parameterProblem(reading.template, found.template);
    if (mismatch) return refuse(mismatch);
    const { id, name, language, category } = found.template;
    return { ok: true, record: { ...base, template: { id, name, language, category } }, category };
  }

  if ((SMS_INTEGRATION_TYPES as readonly string[]).includes(integration.type)) {
    const textProblem = smsProblem(message, input.messageSchema, integration.type);
    if (textProblem) return refuse(textProblem);
    return { ok: true, record: { ...base, template: undefined }, category: undefined };
  }

  return refuse(problem(400, 'bad_request', `Notifications cannot be sent through a ${integration.type} integration: use a WhatsApp, Twilio or MessageBird integration`));
}

function smsProblem(message: JsonObject, messageSchema: unknown, type: string): Problem | undefined {
  if (messageSchema !== undefined) return problem(400, 'bad_request', `messageSchema is only for WhatsApp templates; a ${type} integration sends text`);
  if (message.type !== 'text') return problem(400, 'bad_request', `message.type must be "text" on a ${type} integration (got ${JSON.stringify(message.type)})`);
  if (typeof message.text !== 'string' || message.text.trim().length === 0) return problem(400, 'bad_request', 'message.text is required');
  if (message.text.length > SMS_TEXT_MAX) {
    return problem(400, 'bad_request', `message.text is ${message.text.length} characters long; SMS texts are limited to ${SMS_TEXT_MAX}`);
  }
  return undefined;
}
