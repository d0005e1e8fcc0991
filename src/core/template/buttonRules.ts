import { normalizePhone } from '../phone/normalizePhone';
import { isHostedHttpsUrl } from './hostedUrl';
import type { TemplateButton } from './model';
import { fillSamples, parseEditorText } from './placeholders';
import { problem, type TemplateProblem, type TemplateRule } from './problem';

export const BUTTONS_MAX = 10;
export const URL_BUTTONS_MAX = 2;
export const PHONE_BUTTONS_MAX = 1;
export const BUTTON_TEXT_MAX = 25;

/** Call-to-action buttons open something (a page, a call); quick replies answer in the chat. */
export function isCallToAction(button: TemplateButton): boolean {
  return button.type === 'url' || button.type === 'phone';
}

export const buttonCount: TemplateRule = (draft) => {
  const total = draft.buttons.length;
  return total > BUTTONS_MAX ? [problem('buttons-too-many', 'buttons', { total, max: BUTTONS_MAX })] : [];
};

export const urlButtonCount: TemplateRule = (draft) => {
  const total = draft.buttons.filter((button) => button.type === 'url').length;
  return total > URL_BUTTONS_MAX ? [problem('buttons-too-many-url', 'buttons', { total, max: URL_BUTTONS_MAX })] : [];
};

export const phoneButtonCount: TemplateRule = (draft) => {
  const total = draft.buttons.filter((button) => button.type === 'phone').length;
  return total > PHONE_BUTTONS_MAX ? [problem('buttons-too-many-phone', 'buttons', { total, max: PHONE_BUTTONS_MAX })] : [];
};

/**
 * Herald's rule, stricter than Meta's (which only asks to group them): a template offers either
 * links and calls or quick replies, never both, so the customer sees one clear kind of choice.
 */
export const buttonsNotMixed: TemplateRule = (draft) => {
  const callToAction = draft.buttons.some(isCallToAction);
  const quickReply = draft.buttons.some((button) => button.type === 'quick_reply');
  return callToAction && quickReply ? [problem('buttons-mixed', 'buttons')] : [];
};

export const buttonTextRequired: TemplateRule = (draft) =>
  eachButton(draft.buttons, (button, index) => (button.text.trim() === '' ? [problem('button-text-required', 'buttons', { button: index + 1 }, index)] : []));

export const buttonTextLength: TemplateRule = (draft) =>
  eachButton(draft.buttons, (button, index) => {
    const { length } = button.text;
    return length > BUTTON_TEXT_MAX ? [problem('button-text-too-long', 'buttons', { button: index + 1, length, max: BUTTON_TEXT_MAX }, index)] : [];
  });

/**
 * The link, with its sample in place, must be a hosted https:// address; so must the part before
 * the variable, or the variable would choose the site (`https://{{evil.example}}`).
 */
export const urlButtonUrl: TemplateRule = (draft) =>
  eachButton(draft.buttons, (button, index) => {
    if (button.type !== 'url') return [];
    const valid = isHostedHttpsUrl(fillSamples(button.url)) && isHostedHttpsUrl(fixedPart(button.url));
    return valid ? [] : [problem('button-url-invalid', 'buttons', { button: index + 1, url: button.url }, index)];
  });

/** Meta takes one variable in a link, as its very end: `https://shop.example.com/orders/{{10482}}`. */
export const urlButtonVariablePosition: TemplateRule = (draft) =>
  eachButton(draft.buttons, (button, index) => {
    if (button.type !== 'url') return [];
    const pieces = parseEditorText(button.url);
    const variables = pieces.filter((piece) => piece.kind === 'variable').length;
    const endsWithVariable = pieces.at(-1)?.kind === 'variable';
    const fine = variables === 0 || (variables === 1 && endsWithVariable);
    return fine ? [] : [problem('button-url-variable-position', 'buttons', { button: index + 1, variables }, index)];
  });

/** Meta dials the number as written: it must already be international (`+33 6 44 98 01 42`). */
export const phoneButtonNumber: TemplateRule = (draft) =>
  eachButton(draft.buttons, (button, index) => {
    if (button.type !== 'phone') return [];
    return normalizePhone(button.phone).status === 'valid' ? [] : [problem('button-phone-invalid', 'buttons', { button: index + 1, phone: button.phone }, index)];
  });

function eachButton(buttons: readonly TemplateButton[], check: (button: TemplateButton, index: number) => TemplateProblem[]): TemplateProblem[] {
  return buttons.flatMap((button, index) => check(button, index));
}

/** The text before the first variable: the part of a link no send can change. */
function fixedPart(url: string): string {
  const pieces = parseEditorText(url);
  const firstVariable = pieces.findIndex((piece) => piece.kind === 'variable');
  const before = firstVariable === -1 ? pieces : pieces.slice(0, firstVariable);
  return before.map((piece) => (piece.kind === 'text' ? piece.text : '')).join('');
}
