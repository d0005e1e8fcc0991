import { isHostedHttpsUrl } from './hostedUrl';
import { toPositional } from './placeholders';
import { problem, type TemplateRule } from './problem';

export const HEADER_TEXT_MAX = 60;
export const HEADER_VARIABLES_MAX = 1;

export const headerTextRequired: TemplateRule = (draft) =>
  draft.header.kind === 'text' && draft.header.text.trim() === '' ? [problem('header-text-required', 'header')] : [];

/** Meta counts the text it receives: `{{1}}` is 5 characters whatever the sample. */
export const headerTextLength: TemplateRule = (draft) => {
  if (draft.header.kind !== 'text') return [];
  const { length } = toPositional(draft.header.text).text;
  return length > HEADER_TEXT_MAX ? [problem('header-text-too-long', 'header', { length, max: HEADER_TEXT_MAX })] : [];
};

export const headerVariableCount: TemplateRule = (draft) => {
  if (draft.header.kind !== 'text') return [];
  const variables = toPositional(draft.header.text).samples.length;
  return variables > HEADER_VARIABLES_MAX ? [problem('header-too-many-variables', 'header', { variables, max: HEADER_VARIABLES_MAX })] : [];
};

export const headerMediaUrl: TemplateRule = (draft) => {
  const { header } = draft;
  if (header.kind === 'none' || header.kind === 'text') return [];
  return isHostedHttpsUrl(header.url) ? [] : [problem('header-media-url-invalid', 'header', { kind: header.kind, url: header.url })];
};
