import { isPlainObject } from '../json';
import type { MessageContent } from './conversations';
import type { MessageTemplate, NotificationRecord } from './types';
import { fillVariables } from './variables';

/**
 * A notification as a v2 message (`content`) and as the phone shows it: a WhatsApp template is
 * echoed as the template sent (`templateMessage`) and shown as its body with the parameters filled.
 */
export function contentOf(record: NotificationRecord): MessageContent {
  const { message } = record;
  if (record.template && isPlainObject(message.template)) return { type: 'template', template: structuredClone(message.template) };
  return { type: 'text', text: typeof message.text === 'string' ? message.text : '' };
}

export function shownTextOf(record: NotificationRecord, template: MessageTemplate | undefined): string {
  if (!template) return typeof record.message.text === 'string' ? record.message.text : '';
  const body = template.components.find((component) => component.type === 'BODY');
  const sent = isPlainObject(record.message.template) && Array.isArray(record.message.template.components) ? record.message.template.components : [];
  const bodyParameters = sent.find((component) => isPlainObject(component) && String(component.type).toLowerCase() === 'body');
  const values = isPlainObject(bodyParameters) && Array.isArray(bodyParameters.parameters) ? bodyParameters.parameters.map((parameter) => (isPlainObject(parameter) ? String(parameter.text ?? '') : '')) : [];
  return body && body.type === 'BODY' ? fillVariables(body.text, values) : template.name;
}
