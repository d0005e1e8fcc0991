import { problem, type TemplateRule } from './problem';

export const FOOTER_MAX = 60;

export const footerLength: TemplateRule = (draft) => {
  const { length } = draft.footer;
  return length > FOOTER_MAX ? [problem('footer-too-long', 'footer', { length, max: FOOTER_MAX })] : [];
};

/** Meta's footers take no variable; even an unfinished `{{` is refused, so any one counts. */
export const footerStatic: TemplateRule = (draft) => (draft.footer.includes('{{') ? [problem('footer-not-static', 'footer')] : []);
