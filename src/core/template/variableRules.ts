import type { TemplateDraft } from './model';
import { parameterValueProblem } from './parameterValue';
import { parseEditorText, positionalVariableProblems, toPositional, type TextPiece } from './placeholders';
import { problem, type TemplateField, type TemplateProblem, type TemplateRule } from './problem';

/** A text of the draft where variables may stand: the header text, the body, the links of URL buttons. */
export interface PlaceholderText {
  field: Extract<TemplateField, 'header' | 'body' | 'buttons'>;
  /** The button's index, for links. */
  index?: number;
  text: string;
}

export function placeholderTexts(draft: TemplateDraft): PlaceholderText[] {
  const texts: PlaceholderText[] = [];
  if (draft.header.kind === 'text') texts.push({ field: 'header', text: draft.header.text });
  texts.push({ field: 'body', text: draft.body });
  draft.buttons.forEach((button, index) => {
    if (button.type === 'url') texts.push({ field: 'buttons', index, text: button.url });
  });
  return texts;
}

/** The texts whose variables are parameter values sent with the message: a link's is part of a URL. */
function parameterTexts(draft: TemplateDraft): PlaceholderText[] {
  return placeholderTexts(draft).filter((text) => text.field !== 'buttons');
}

function eachText(texts: PlaceholderText[], check: (text: PlaceholderText, pieces: TextPiece[]) => TemplateProblem[]): TemplateProblem[] {
  return texts.flatMap((text) => check(text, parseEditorText(text.text)));
}

function buttonVars(text: PlaceholderText): Record<string, number> {
  return text.index === undefined ? {} : { button: text.index + 1 };
}

export type Numbering = (editorText: string) => { text: string };

/**
 * Meta wants `{{1}}`, `{{2}}`… with no gap. Herald numbers the variables itself, so this checks the
 * numbering it is about to submit (`numbering` is `toPositional`; a test hands it a faulty one).
 */
export function variablesSequential(draft: TemplateDraft, numbering: Numbering = toPositional): TemplateProblem[] {
  return eachText(placeholderTexts(draft), (text) => {
    const positional = numbering(text.text).text;
    if (positionalVariableProblems(positional).length === 0) return [];
    const found = parseEditorText(positional).flatMap((piece) => (piece.kind === 'variable' ? [`{{${piece.sample}}}`] : []));
    return [problem('variables-not-sequential', text.field, { ...buttonVars(text), found: found.join(', ') }, text.index)];
  });
}

/**
 * `{{Clarice}} {{Martin}}`: Meta refuses two body variables with only spaces between them. (The
 * header takes one variable at most, and a link one, at its end: neither can have two in a row.)
 */
export const variablesNotAdjacent: TemplateRule = (draft) => {
  const pieces = parseEditorText(draft.body);
  return pieces.flatMap((piece, position) => {
    if (piece.kind !== 'variable') return [];
    const next = pieces[position + 1];
    const following = next?.kind === 'text' && next.text.trim() === '' ? pieces[position + 2] : next;
    if (following?.kind !== 'variable') return [];
    return [problem('variables-adjacent', 'body', { first: piece.sample, second: following.sample })];
  });
};

/** Meta refuses a body that starts or ends with a variable unless that variable has a sample. */
export const edgeVariablesHaveSamples: TemplateRule = (draft) => {
  const pieces = parseEditorText(draft.body.trim());
  const first = pieces[0];
  const last = pieces.at(-1);
  const problems: TemplateProblem[] = [];
  if (first?.kind === 'variable' && first.sample.trim() === '') problems.push(problem('variable-at-edge-without-sample', 'body', { edge: 'start' }));
  if (last?.kind === 'variable' && last !== first && last.sample.trim() === '') problems.push(problem('variable-at-edge-without-sample', 'body', { edge: 'end' }));
  return problems;
};

/** `{{}}` or `{{  }}`: the sample is what Meta reviews, and what the preview shows. */
export const placeholdersNotEmpty: TemplateRule = (draft) =>
  eachText(placeholderTexts(draft), (text, pieces) => {
    const empty = pieces.filter((piece) => piece.kind === 'variable' && piece.sample.trim() === '').length;
    return empty > 0 ? [problem('placeholder-empty', text.field, { ...buttonVars(text), empty }, text.index)] : [];
  });

/** How much of the text after an unclosed `{{` the message quotes, for the marketer to find it. */
const EXCERPT_LENGTH = 20;

/** A `{{` with no `}}` after it is neither text Meta will take nor a variable. */
export const placeholdersClosed: TemplateRule = (draft) =>
  eachText(placeholderTexts(draft), (text, pieces) => {
    const literal = pieces.map((piece) => (piece.kind === 'text' ? piece.text : '')).find((part) => part.includes('{{'));
    if (literal === undefined) return [];
    const start = literal.indexOf('{{');
    const excerpt = literal.slice(start, start + EXCERPT_LENGTH);
    return [problem('placeholder-unclosed', text.field, { ...buttonVars(text), excerpt }, text.index)];
  });

/** Samples go to Meta as parameter values: no line break, no tab, no more than 4 spaces in a row. */
export const samplesAreValidParameters: TemplateRule = (draft) =>
  eachText(parameterTexts(draft), (text, pieces) =>
    pieces.flatMap((piece) => {
      if (piece.kind !== 'variable') return [];
      const reason = parameterValueProblem(piece.sample);
      return reason ? [problem('sample-invalid', text.field, { sample: piece.sample, reason })] : [];
    }),
  );
