import { isPlainObject, type JsonObject } from '../json';
import { problem, type Problem } from './errors';
import type { MessageTemplate, TemplateButton, TemplateComponent } from './types';
import { variableCount } from './variables';

/**
 * What WhatsApp checks when a template message is sent (reference §1.2 and §2): the template must
 * exist in that language on that number's account and be APPROVED, and the parameters must match
 * its variables. Failures carry WhatsApp's error code as the error `code`.
 */

function whatsApp(code: number, description: string, status = 400): Problem {
  return problem(status, String(code), `(#${code}) ${description}`);
}

export interface SendableTemplate {
  name: string;
  language: string;
  components: JsonObject[];
}

export type TemplateReading = { ok: true; template: SendableTemplate } | { ok: false; problem: Problem };

/** The `message.template` object of a WhatsApp notification, read for its shape only. */
export function readTemplateMessage(message: JsonObject, messageSchema: unknown): TemplateReading {
  const bad = (description: string): TemplateReading => ({ ok: false, problem: problem(400, 'bad_request', description) });
  if (messageSchema !== 'whatsapp') return bad('messageSchema must be "whatsapp" to send a WhatsApp message template');
  if (message.type !== 'template') {
    return bad(`message.type must be "template" on a WhatsApp integration (got ${JSON.stringify(message.type)}): proactive messages need an approved template`);
  }
  const { template } = message;
  if (!isPlainObject(template)) return bad('message.template is required (an object with name, language and components)');
  if (typeof template.name !== 'string' || template.name.length === 0) return bad('message.template.name is required');
  const language = template.language;
  if (!isPlainObject(language) || typeof language.code !== 'string' || language.code.length === 0) {
    return bad('message.template.language.code is required (such as en_US, fr, pt_BR)');
  }
  if (language.policy !== undefined && language.policy !== 'deterministic') return bad('message.template.language.policy must be "deterministic"');
  if ('component' in template) return bad('message.template.component is not a WhatsApp field: the components go in message.template.components');
  const components = template.components ?? [];
  if (!Array.isArray(components)) return bad('message.template.components must be an array');
  for (const [index, component] of components.entries()) {
    const type = isPlainObject(component) && typeof component.type === 'string' ? component.type.toLowerCase() : undefined;
    if (!type || !['header', 'body', 'button'].includes(type)) {
      return bad(`message.template.components[${index}].type must be header, body or button`);
    }
    if (component.parameters !== undefined && !Array.isArray(component.parameters)) {
      return bad(`message.template.components[${index}].parameters must be an array`);
    }
  }
  return { ok: true, template: { name: template.name, language: language.code, components: components as JsonObject[] } };
}

/** Finds the template on the integration and checks its status; the problem names the WhatsApp code. */
export function usableTemplate(sent: SendableTemplate, templates: MessageTemplate[]): { ok: true; template: MessageTemplate } | { ok: false; problem: Problem } {
  const sameName = templates.filter((template) => template.name === sent.name);
  const template = sameName.find((candidate) => candidate.language === sent.language);
  if (!template) {
    const languages = sameName.map((candidate) => candidate.language);
    const hint = languages.length > 0 ? ` (it exists in ${languages.join(', ')})` : '';
    return { ok: false, problem: whatsApp(132001, `Template name does not exist in the translation: "${sent.name}" in ${sent.language} on this integration${hint}`) };
  }
  const label = `"${template.name}" (${template.language})`;
  switch (template.status) {
    case 'APPROVED':
      return { ok: true, template };
    case 'PAUSED':
      return { ok: false, problem: whatsApp(132015, `Template is paused: ${label} cannot be sent until its quality improves`) };
    case 'DISABLED':
      return { ok: false, problem: whatsApp(132016, `Template is disabled: ${label} can no longer be sent`) };
    default:
      return { ok: false, problem: whatsApp(132001, `Template name does not exist in the translation: ${label} is ${template.status}, only APPROVED templates can be sent`) };
  }
}

const PARAMETER_TEXT_FORBIDDEN = /[\n\t]| {5,}/;

function parametersOf(components: JsonObject[], type: string): JsonObject[][] {
  return components.filter((component) => String(component.type).toLowerCase() === type).map((component) => (component.parameters as JsonObject[] | undefined) ?? []);
}

function textParameterProblem(parameter: unknown, where: string): Problem | undefined {
  if (!isPlainObject(parameter) || parameter.type !== 'text') return whatsApp(132012, `Parameter format does not match format in the created template: ${where} must be {"type":"text","text":…}`);
  if (typeof parameter.text !== 'string' || parameter.text.trim().length === 0) return whatsApp(131008, `Required parameter is missing: ${where} has no text`);
  if (PARAMETER_TEXT_FORBIDDEN.test(parameter.text)) {
    return whatsApp(132018, `There was an issue with the parameters in your template: ${where} cannot hold new lines, tabs or more than 4 consecutive spaces`);
  }
  return undefined;
}

/** Checks the parameters sent against the approved template's variables, component by component. */
export function parameterProblem(sent: SendableTemplate, template: MessageTemplate): Problem | undefined {
  const label = `"${template.name}" (${template.language})`;
  const bodies = parametersOf(sent.components, 'body');
  if (bodies.length > 1) return problem(400, 'bad_request', 'message.template.components holds more than one body');
  const body = template.components.find((component) => component.type === 'BODY');
  const expected = body ? variableCount(body.text) : 0;
  const given = bodies[0] ?? [];
  if (given.length !== expected) {
    return whatsApp(132000, `Number of parameters does not match the expected number of params: the body of ${label} expects ${expected}, got ${given.length}`);
  }
  for (const [index, parameter] of given.entries()) {
    const found = textParameterProblem(parameter, `body parameter ${index + 1}`);
    if (found) return found;
  }
  return headerProblem(sent, template, label) ?? buttonProblem(sent, template, label);
}

function headerProblem(sent: SendableTemplate, template: MessageTemplate, label: string): Problem | undefined {
  const headers = parametersOf(sent.components, 'header');
  const given = headers[0] ?? [];
  const header = template.components.find((component): component is Extract<TemplateComponent, { type: 'HEADER' }> => component.type === 'HEADER');
  if (!header || header.format === 'TEXT') {
    const expected = header?.format === 'TEXT' ? variableCount(header.text) : 0;
    if (given.length !== expected) {
      return whatsApp(132000, `Number of parameters does not match the expected number of params: the header of ${label} expects ${expected}, got ${given.length}`);
    }
    return given[0] === undefined ? undefined : textParameterProblem(given[0], 'header parameter 1');
  }
  const kind = header.format.toLowerCase();
  const parameter = given[0];
  if (parameter === undefined) return whatsApp(131008, `Required parameter is missing: the ${kind} header of ${label} needs a parameter {"type":"${kind}","${kind}":{"link":…}}`);
  if (given.length > 1) return whatsApp(132000, `Number of parameters does not match the expected number of params: the header of ${label} expects 1, got ${given.length}`);
  const media = isPlainObject(parameter) && parameter.type === kind ? parameter[kind] : undefined;
  if (!isPlainObject(media)) return whatsApp(132012, `Parameter format does not match format in the created template: the header of ${label} expects {"type":"${kind}","${kind}":{"link":…}}`);
  const hasSource = (typeof media.link === 'string' && /^https:\/\/\S+$/.test(media.link)) || typeof media.id === 'string';
  if (!hasSource) return whatsApp(131053, `Media upload error: the ${kind} header of ${label} needs an https link`);
  return undefined;
}

function buttonProblem(sent: SendableTemplate, template: MessageTemplate, label: string): Problem | undefined {
  const buttons: TemplateButton[] = template.components.find((component) => component.type === 'BUTTONS')?.buttons ?? [];
  const given = sent.components.filter((component) => String(component.type).toLowerCase() === 'button');
  for (const component of given) {
    const index = Number(component.index);
    const button = Number.isInteger(index) ? buttons[index] : undefined;
    const subType = String(component.sub_type ?? '').toLowerCase();
    const takesParameter = button?.type === 'URL' ? variableCount(button.url) > 0 : button?.type === 'QUICK_REPLY';
    if (!button || !takesParameter || subType !== button.type.toLowerCase()) {
      return whatsApp(132000, `Number of parameters does not match the expected number of params: button ${String(component.index)} of ${label} takes no ${subType || 'such'} parameter`);
    }
  }
  for (const [index, button] of buttons.entries()) {
    if (button.type !== 'URL' || variableCount(button.url) === 0) continue;
    const component = given.find((candidate) => Number(candidate.index) === index);
    const parameters = (component?.parameters as JsonObject[] | undefined) ?? [];
    if (parameters.length !== 1) {
      return whatsApp(131008, `Required parameter is missing: URL button ${index} of ${label} needs one text parameter for its {{1}}`);
    }
    const found = textParameterProblem(parameters[0], `URL button ${index} parameter`);
    if (found) return found;
  }
  return undefined;
}
