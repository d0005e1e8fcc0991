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

/**
 * The quick-reply buttons a template shows under its body, as the phone offers them. A tap sends
 * the button's text; its payload is the one the sender set on that button, the text otherwise (what
 * WhatsApp falls back to, per Meta's template messages guide: the payload is optional).
 */
export function quickRepliesOf(record: NotificationRecord, template: MessageTemplate | undefined): Array<{ text: string; payload: string }> {
  if (!template) return [];
  const buttons = template.components.flatMap((component) => (component.type === 'BUTTONS' ? component.buttons : []));
  const sent = isPlainObject(record.message.template) && Array.isArray(record.message.template.components) ? record.message.template.components : [];
  const payloadAt = (index: number): string | undefined => {
    const button = sent.find((component) => isPlainObject(component) && String(component.type).toLowerCase() === 'button' && Number(component.index) === index);
    const parameter = isPlainObject(button) && Array.isArray(button.parameters) ? button.parameters[0] : undefined;
    return isPlainObject(parameter) && typeof parameter.payload === 'string' ? parameter.payload : undefined;
  };
  return buttons.flatMap((button, index) => (button.type === 'QUICK_REPLY' ? [{ text: button.text, payload: payloadAt(index) ?? button.text }] : []));
}
