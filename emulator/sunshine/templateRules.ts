import { isPlainObject, type JsonObject } from '../json';
import {
  TEMPLATE_CATEGORIES,
  type BodyComponent,
  type ButtonsComponent,
  type FooterComponent,
  type HeaderComponent,
  type TemplateButton,
  type TemplateCategory,
  type TemplateComponent,
} from './types';
import { variableCount, variableProblems } from './variables';

/**
 * Meta's creation rules for WhatsApp message templates (reference §2), checked the way Meta refuses
 * a template: every problem is reported with where it is, so the app can show it as it stands.
 */

export interface TemplateDraft {
  name: string;
  language: string;
  category: TemplateCategory;
  components: TemplateComponent[];
}

export type DraftVerdict = { ok: true; draft: TemplateDraft } | { ok: false; problems: string[] };

const NAME_MAX = 512;
const BODY_MAX = 1024;
const HEADER_TEXT_MAX = 60;
const FOOTER_MAX = 60;
const BUTTON_TEXT_MAX = 25;
const BUTTONS_MAX = 10;
const URL_BUTTONS_MAX = 2;
const PHONE_BUTTONS_MAX = 1;
/** Meta's language codes: `fr`, `en_US`, `pt_BR`, `fil`… */
const LANGUAGE_CODE = /^[a-z]{2,3}(_[A-Z]{2})?$/;
const COMPONENT_TYPES = ['HEADER', 'BODY', 'FOOTER', 'BUTTONS'] as const;
const MEDIA_FORMATS = ['IMAGE', 'DOCUMENT', 'VIDEO'] as const;

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.trim().length > 0;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

export function checkTemplateDraft(input: unknown): DraftVerdict {
  if (!isPlainObject(input)) return { ok: false, problems: ['The request body must be a JSON object'] };
  const problems: string[] = [];

  const { name, language, category, components } = input;
  if (!isText(name)) problems.push('name is required');
  else {
    if (!/^[a-z0-9_]+$/.test(name)) problems.push(`name "${name}" may only contain lowercase letters, digits and underscores`);
    if (name.length > NAME_MAX) problems.push(`name is ${name.length} characters long; the maximum is ${NAME_MAX}`);
  }
  if (!isText(language)) problems.push('language is required (a WhatsApp language code such as en_US, fr, pt_BR)');
  else if (!LANGUAGE_CODE.test(language)) problems.push(`language "${language}" is not a WhatsApp language code (such as en_US, fr, pt_BR)`);
  if (!isText(category)) problems.push('category is required (MARKETING, UTILITY or AUTHENTICATION)');
  else if (!(TEMPLATE_CATEGORIES as readonly string[]).includes(category)) {
    problems.push(`category "${category}" must be MARKETING, UTILITY or AUTHENTICATION`);
  }

  const checked = Array.isArray(components) ? checkComponents(components, problems) : undefined;
  if (!Array.isArray(components)) problems.push('components must be an array holding at least a BODY component');

  if (problems.length > 0 || !checked) return { ok: false, problems };
  return { ok: true, draft: { name: name as string, language: language as string, category: category as TemplateCategory, components: checked } };
}

function checkComponents(components: unknown[], problems: string[]): TemplateComponent[] {
  const kept: TemplateComponent[] = [];
  const seen = new Set<string>();
  components.forEach((component, index) => {
    const type = isPlainObject(component) ? component.type : undefined;
    if (!isPlainObject(component) || typeof type !== 'string' || !(COMPONENT_TYPES as readonly string[]).includes(type)) {
      problems.push(`components[${index}].type must be HEADER, BODY, FOOTER or BUTTONS`);
      return;
    }
    if (seen.has(type)) {
      problems.push(`a template has at most one ${type} component`);
      return;
    }
    seen.add(type);
    const result =
      type === 'HEADER' ? checkHeader(component, problems)
      : type === 'BODY' ? checkBody(component, problems)
      : type === 'FOOTER' ? checkFooter(component, problems)
      : checkButtons(component, problems);
    if (result) kept.push(result);
  });
  if (!seen.has('BODY')) problems.push('a BODY component is required');
  return kept;
}

function checkBody(component: JsonObject, problems: string[]): BodyComponent | undefined {
  const { text } = component;
  if (!isText(text)) {
    problems.push('BODY text is required');
    return undefined;
  }
  if (text.length > BODY_MAX) problems.push(`BODY text is ${text.length} characters long; the maximum is ${BODY_MAX}`);
  problems.push(...variableProblems('BODY text', text));
  const count = variableCount(text);
  if (count === 0) return { type: 'BODY', text };
  const rows = isPlainObject(component.example) ? component.example.body_text : undefined;
  const samples = Array.isArray(rows) && Array.isArray(rows[0]) ? (rows[0] as unknown[]) : undefined;
  if (!samples || samples.length !== count || !samples.every(isText)) {
    problems.push(`BODY text uses ${plural(count, 'variable')}: example.body_text must hold one row of ${plural(count, 'sample value')}`);
    return undefined;
  }
  return { type: 'BODY', text, example: { body_text: [samples as string[]] } };
}

function checkHeader(component: JsonObject, problems: string[]): HeaderComponent | undefined {
  const { format, text } = component;
  const example = isPlainObject(component.example) ? component.example : {};
  if (format === 'TEXT') {
    if (!isText(text)) {
      problems.push('HEADER text is required when format is TEXT');
      return undefined;
    }
    if (text.length > HEADER_TEXT_MAX) problems.push(`HEADER text is ${text.length} characters long; the maximum is ${HEADER_TEXT_MAX}`);
    problems.push(...variableProblems('HEADER text', text));
    const count = variableCount(text);
    if (count > 1) problems.push('HEADER text may use one variable at most ({{1}})');
    if (count === 0) return { type: 'HEADER', format, text };
    const samples = example.header_text;
    if (!Array.isArray(samples) || samples.length !== 1 || !isText(samples[0])) {
      problems.push('HEADER text uses a variable: example.header_text must hold its sample value');
      return undefined;
    }
    return { type: 'HEADER', format, text, example: { header_text: [samples[0]] } };
  }
  if (typeof format === 'string' && (MEDIA_FORMATS as readonly string[]).includes(format)) {
    const handles = example.header_handle;
    if (!Array.isArray(handles) || handles.length !== 1 || !isText(handles[0])) {
      problems.push(`HEADER ${format} needs a sample: example.header_handle must hold the URL of a sample file`);
      return undefined;
    }
    return { type: 'HEADER', format: format as (typeof MEDIA_FORMATS)[number], example: { header_handle: [handles[0]] } };
  }
  problems.push('HEADER format must be TEXT, IMAGE, DOCUMENT or VIDEO');
  return undefined;
}

function checkFooter(component: JsonObject, problems: string[]): FooterComponent | undefined {
  const { text } = component;
  if (!isText(text)) {
    problems.push('FOOTER text is required');
    return undefined;
  }
  if (text.length > FOOTER_MAX) problems.push(`FOOTER text is ${text.length} characters long; the maximum is ${FOOTER_MAX}`);
  if (variableCount(text) > 0 || /\{\{/.test(text)) problems.push('FOOTER text cannot contain variables');
  return { type: 'FOOTER', text };
}

function checkButtons(component: JsonObject, problems: string[]): ButtonsComponent | undefined {
  const { buttons } = component;
  if (!Array.isArray(buttons) || buttons.length === 0) {
    problems.push('BUTTONS must hold at least one button');
    return undefined;
  }
  if (buttons.length > BUTTONS_MAX) problems.push(`BUTTONS holds ${buttons.length} buttons; the maximum is ${BUTTONS_MAX}`);
  const kept = buttons.map((button, index) => checkButton(button, index, problems)).filter((button) => button !== undefined);
  const urls = kept.filter((button) => button.type === 'URL').length;
  const phones = kept.filter((button) => button.type === 'PHONE_NUMBER').length;
  if (urls > URL_BUTTONS_MAX) problems.push(`BUTTONS holds ${urls} URL buttons; the maximum is ${URL_BUTTONS_MAX}`);
  if (phones > PHONE_BUTTONS_MAX) problems.push(`BUTTONS holds ${phones} PHONE_NUMBER buttons; the maximum is ${PHONE_BUTTONS_MAX}`);
  if (!quickRepliesGrouped(kept)) problems.push('QUICK_REPLY buttons must be grouped together, before or after the URL and PHONE_NUMBER buttons');
  return { type: 'BUTTONS', buttons: kept };
}

function checkButton(button: unknown, index: number, problems: string[]): TemplateButton | undefined {
  const where = `BUTTONS[${index}]`;
  if (!isPlainObject(button)) {
    problems.push(`${where} must be an object`);
    return undefined;
  }
  const { type, text } = button;
  if (!isText(text)) {
    problems.push(`${where} text is required`);
    return undefined;
  }
  if (text.length > BUTTON_TEXT_MAX) problems.push(`${where} text is ${text.length} characters long; the maximum is ${BUTTON_TEXT_MAX}`);
  if (type === 'QUICK_REPLY') return { type, text };
  if (type === 'PHONE_NUMBER') {
    const phone = button.phone_number;
    if (typeof phone !== 'string' || !/^\+[1-9][0-9]{6,14}$/.test(phone)) {
      problems.push(`${where} phone_number must be an international number such as +33644980142`);
      return undefined;
    }
    return { type, text, phone_number: phone };
  }
  if (type === 'URL') return checkUrlButton(button, where, text, problems);
  problems.push(`${where} type must be QUICK_REPLY, URL or PHONE_NUMBER`);
  return undefined;
}

function checkUrlButton(button: JsonObject, where: string, text: string, problems: string[]): TemplateButton | undefined {
  const { url } = button;
  if (typeof url !== 'string' || !/^https?:\/\/\S+$/.test(url)) {
    problems.push(`${where} url must be an http(s) address`);
    return undefined;
  }
  problems.push(...variableProblems(`${where} url`, url));
  const count = variableCount(url);
  if (count === 0) return { type: 'URL', text, url };
  if (count > 1 || !url.endsWith('{{1}}')) {
    problems.push(`${where} url may hold one variable, {{1}}, at its end only`);
    return undefined;
  }
  const { example } = button;
  if (!Array.isArray(example) || example.length !== 1 || !isText(example[0])) {
    problems.push(`${where} url uses a variable: example must hold one sample URL`);
    return undefined;
  }
  return { type: 'URL', text, url, example: [example[0]] };
}

/** Meta lets quick replies and call-to-action buttons share a template only as two separate groups. */
function quickRepliesGrouped(buttons: TemplateButton[]): boolean {
  const kinds = buttons.map((button) => (button.type === 'QUICK_REPLY' ? 'q' : 'c')).join('');
  return !/q+c+q|c+q+c/.test(kinds);
}
