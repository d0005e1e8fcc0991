import type { CountryCode } from 'libphonenumber-js/max';
import { isUsable, normalizePhone } from '../phone/normalizePhone';
import type { TemplateContent } from '../template/meta';
import { parameterValueProblem } from '../template/parameterValue';
import { editorSamples, parseEditorText } from '../template/placeholders';
import type { AudienceUser } from './audienceUser';
import { containsCardNumber } from './cardNumbers';

/**
 * How each placeholder of a template gets its value at send time (product brief, rule 4): the same
 * text for everyone (static), a Zendesk user field, system or custom (dynamic), or a field of the
 * ticket an agent re-engages from. Each mapping may name a fallback for users whose value is empty.
 */

export const SYSTEM_USER_FIELDS = ['name', 'first_name', 'last_name', 'email', 'phone', 'locale', 'organization'] as const;
export type SystemUserField = (typeof SYSTEM_USER_FIELDS)[number];

export type ValueSource =
  /** Nobody has chosen yet: no value, and nothing can be planned or sent (a sample is never a default). */
  | { kind: 'unset' }
  | { kind: 'static'; value: string }
  | { kind: 'user'; field: SystemUserField }
  | { kind: 'custom'; key: string }
  | { kind: 'ticket'; field: string };

export interface SlotMapping {
  source: ValueSource;
  /** '' means no fallback */
  fallback: string;
  /**
   * The marketer confirmed that everyone gets the template's example value as typed (it equals the
   * slot's sample): without it, such a value is a problem, since a sample copied by mistake would
   * greet every customer with someone else's name.
   */
  sampleConfirmed?: boolean;
}

/**
 * One placeholder of a template: header text variable, body variables, the variable at the end of
 * a url button. id: 'header' | 'body.<n>' | 'button.<index>'.
 */
export interface TemplateSlot {
  id: string;
  component: 'header' | 'body' | 'button';
  /** Meta's `{{n}}` within the component: the header's and a link's variable are always 1. */
  position: number;
  /** The button's index among the template's buttons, as Meta's send-time `index` counts it (from 0). */
  buttonIndex?: number;
  sample: string;
}

/** In Meta's order: the header's variable, the body's 1..n, then each URL button's. */
export function templateSlots(content: TemplateContent): TemplateSlot[] {
  const slots: TemplateSlot[] = [];
  if (content.header.kind === 'text') {
    // Meta allows one header variable; the template rules refuse more before submission.
    const [sample] = editorSamples(content.header.text);
    if (sample !== undefined) slots.push({ id: 'header', component: 'header', position: 1, sample });
  }
  const variables = [...content.variables].sort((a, b) => a.position - b.position);
  for (const { position, sample } of variables) slots.push({ id: `body.${position}`, component: 'body', position, sample: sample ?? '' });
  content.buttons.forEach((button, index) => {
    if (button.type !== 'url') return;
    // Only a variable ending the link is one Meta fills in (the rules refuse any other).
    const last = parseEditorText(button.url).at(-1);
    if (last?.kind === 'variable') slots.push({ id: `button.${index}`, component: 'button', position: 1, buttonIndex: index, sample: last.sample });
  });
  return slots;
}

/**
 * A fresh mapping: no placeholder has a value until someone chooses one. The template's samples
 * are examples written for Meta's review ("Clarice", "#10482"), never values to send to everyone.
 */
export function defaultMappings(slots: readonly TemplateSlot[]): SlotMapping[] {
  return slots.map(() => ({ source: { kind: 'unset' }, fallback: '' }));
}

/**
 * The mapping once another channel is chosen for the same template: the template may differ
 * slightly per number, so what the user mapped is kept when the placeholders match in number.
 */
export function mappingsForChannel(current: readonly SlotMapping[], slots: readonly TemplateSlot[]): SlotMapping[] {
  return current.length === slots.length ? [...current] : defaultMappings(slots);
}

export const MAPPING_PROBLEMS = [
  'unmapped',
  'static-is-sample',
  'fallback-is-sample',
  'static-empty',
  'static-card-number',
  'static-newline',
  'static-tab',
  'static-spaces',
  'custom-key-missing',
  'ticket-unavailable',
  'fallback-card-number',
] as const;
export type MappingProblemKind = (typeof MAPPING_PROBLEMS)[number];
export type MappingProblem = { slot: string; problem: MappingProblemKind };

export interface MappingContext {
  /** Whether the send happens from a ticket (agent re-engagement), so ticket fields have values. */
  ticketAvailable: boolean;
}

/**
 * What stops a mapping from being sent, slot by slot in slot order. Static values are refused
 * rather than repaired: the marketer typed them and sees them in the preview. A slot without a
 * mapping is unmapped.
 */
export function mappingProblems(slots: readonly TemplateSlot[], mappings: readonly SlotMapping[], context: MappingContext): MappingProblem[] {
  return slots.flatMap((slot, index) => slotProblems(slot, mappings[index], context).map((problem) => ({ slot: slot.id, problem })));
}

/**
 * The text typed for everyone, or the fallback of a field, is the template's own example, and
 * nobody said that recipients should get it: a sample copied by mistake greets customers with
 * someone else's name.
 */
export function isUnconfirmedSample(slot: TemplateSlot, mapping: SlotMapping): boolean {
  if (mapping.sampleConfirmed === true || mapping.source.kind === 'unset') return false;
  const typed = mapping.source.kind === 'static' ? mapping.source.value : mapping.fallback;
  const sample = slot.sample.trim();
  return sample !== '' && typed.trim().toLocaleLowerCase() === sample.toLocaleLowerCase();
}

const STATIC_PARAMETER_PROBLEMS = { newline: 'static-newline', tab: 'static-tab', spaces: 'static-spaces' } as const;

function slotProblems(slot: TemplateSlot, mapping: SlotMapping | undefined, context: MappingContext): MappingProblemKind[] {
  const problems: MappingProblemKind[] = [];
  const source: ValueSource = mapping?.source ?? { kind: 'unset' };
  if (source.kind === 'unset') problems.push('unmapped');
  else if (source.kind === 'static') {
    const value = source.value.trim();
    if (value === '') problems.push('static-empty');
    else {
      if (mapping && isUnconfirmedSample(slot, mapping)) problems.push('static-is-sample');
      if (containsCardNumber(value)) problems.push('static-card-number');
      const parameterProblem = parameterValueProblem(value);
      if (parameterProblem) problems.push(STATIC_PARAMETER_PROBLEMS[parameterProblem]);
    }
  } else {
    if (source.kind === 'custom' && source.key.trim() === '') problems.push('custom-key-missing');
    else if (source.kind === 'ticket' && !context.ticketAvailable) problems.push('ticket-unavailable');
    if (mapping && isUnconfirmedSample(slot, mapping)) problems.push('fallback-is-sample');
  }
  if (mapping && containsCardNumber(mapping.fallback)) problems.push('fallback-card-number');
  return problems;
}

export interface ResolveContext {
  /** The ticket's fields, for a send from a ticket. */
  ticket?: Readonly<Record<string, string>>;
  /** To repair a `phone` attribute stored without its country code, as eligibility does. */
  defaultCountry?: CountryCode;
}

/**
 * The value a user gets for one placeholder: trimmed; empty → the fallback; still empty →
 * undefined (the user is left out: Meta refuses an empty parameter). Dynamic values and fallbacks
 * are made safe for WhatsApp parameters; static values are sent as typed (`mappingProblems`
 * refuses the unsafe ones).
 */
export function resolveValue(user: AudienceUser, mapping: SlotMapping, context?: ResolveContext): string | undefined {
  const { source } = mapping;
  // Not chosen: no value at all, not even the fallback (`mappingProblems` refuses it first).
  if (source.kind === 'unset') return undefined;
  const value = source.kind === 'static' ? source.value.trim() : safeParameterValue(dynamicValue(user, source, context) ?? '');
  if (value !== '') return value;
  const fallback = safeParameterValue(mapping.fallback);
  return fallback === '' ? undefined : fallback;
}

function dynamicValue(user: AudienceUser, source: Exclude<ValueSource, { kind: 'static' | 'unset' }>, context: ResolveContext | undefined): string | undefined {
  if (source.kind === 'custom') return fieldText(user.userFields[source.key.trim()]);
  if (source.kind === 'ticket') return context?.ticket?.[source.field];
  return userFieldValue(user, source.field, context?.defaultCountry);
}

function userFieldValue(user: AudienceUser, field: SystemUserField, defaultCountry: CountryCode | undefined): string | undefined {
  switch (field) {
    case 'name':
      return user.name ?? undefined;
    case 'first_name':
      return nameParts(user.name).first;
    case 'last_name':
      return nameParts(user.name).rest;
    case 'email':
      return user.email ?? undefined;
    case 'phone': {
      const check = normalizePhone(user.phone, defaultCountry);
      return isUsable(check) ? check.e164 : (user.phone ?? undefined);
    }
    case 'locale':
      return user.locale ?? undefined;
    case 'organization':
      return user.organizationName ?? undefined;
  }
}

/** Zendesk keeps one name: its first word is the first name, the rest the last name. */
function nameParts(name: string | null): { first: string; rest: string } {
  const words = (name ?? '').trim();
  const space = words.search(/\s/);
  if (space < 0) return { first: words, rest: '' };
  return { first: words.slice(0, space), rest: words.slice(space).trim() };
}

/** Custom field values as Zendesk stores them: text, numbers, checkboxes, multi-select lists. */
function fieldText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.filter((item) => typeof item === 'string' || typeof item === 'number').join(', ');
  return undefined;
}

const UNSAFE_IN_PARAMETER = /[\r\n\t\u2028\u2029]| {5}/;
const LINE_BREAK_OR_TAB = /[\r\n\t\u2028\u2029]/g;
const SPACE_RUN = / {5,}/g;

/**
 * Meta refuses newlines, tabs and more than 4 spaces in a row in a parameter (reference §2):
 * a user's field (an address typed on two lines) must not fail the message, so each becomes one
 * space and long runs of spaces collapse to one. Trimmed.
 */
export function safeParameterValue(text: string): string {
  if (!UNSAFE_IN_PARAMETER.test(text)) return text.trim();
  return text.replace(LINE_BREAK_OR_TAB, ' ').replace(SPACE_RUN, ' ').trim();
}

/**
 * The custom user fields to keep of each user while the audience streams (everything else is
 * dropped at once): the mapped ones plus `extra` (the phone field and opt-in field); no
 * duplicates, no blanks, in order.
 */
export function neededUserFieldKeys(mappings: readonly SlotMapping[], extra: readonly string[]): string[] {
  const mapped = mappings.flatMap(({ source }) => (source.kind === 'custom' ? [source.key] : []));
  return [...new Set([...mapped, ...extra].map((key) => key.trim()).filter((key) => key !== ''))];
}
