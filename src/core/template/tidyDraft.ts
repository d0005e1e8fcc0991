import type { TemplateButton, TemplateDraft, TemplateHeader } from './model';
import { normalizeTemplateName } from './name';

/**
 * The draft as Herald submits it: the name normalised, outer spaces and blank lines gone from every
 * text. The checks and the submission both read this form, so what is checked is what is sent.
 * Inner text, line breaks included, is left as written.
 */
export function tidyDraft(draft: TemplateDraft): TemplateDraft {
  return {
    ...draft,
    name: normalizeTemplateName(draft.name).name,
    language: draft.language.trim(),
    header: tidyHeader(draft.header),
    body: draft.body.trim(),
    footer: draft.footer.trim(),
    buttons: draft.buttons.map(tidyButton),
  };
}

function tidyHeader(header: TemplateHeader): TemplateHeader {
  if (header.kind === 'none') return header;
  if (header.kind === 'text') return { kind: 'text', text: header.text.trim() };
  return { kind: header.kind, url: header.url.trim() };
}

function tidyButton(button: TemplateButton): TemplateButton {
  const text = button.text.trim();
  if (button.type === 'url') return { type: 'url', text, url: button.url.trim() };
  if (button.type === 'phone') return { type: 'phone', text, phone: button.phone.trim() };
  return { type: 'quick_reply', text };
}
