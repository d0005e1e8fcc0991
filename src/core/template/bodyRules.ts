import { toPositional } from './placeholders';
import { problem, type TemplateRule } from './problem';

export const BODY_MAX = 1024;

/** Every channel sends the body: WhatsApp and SMS alike need one. */
export const bodyRequired: TemplateRule = (draft) => (draft.body.trim() === '' ? [problem('body-required', 'body')] : []);

/** Meta counts the positional text it receives, not the samples the editor shows. */
export const bodyLength: TemplateRule = (draft) => {
  const { length } = toPositional(draft.body).text;
  return length > BODY_MAX ? [problem('body-too-long', 'body', { length, max: BODY_MAX })] : [];
};
