/**
 * Two ways of writing a template's dynamic values. The editor writes each value with its sample,
 * `Bonjour {{Clarice}}`, which reads like the message a customer gets; Meta wants positional
 * `Bonjour {{1}}` plus the samples apart (`example.body_text: [["Clarice"]]`). Converting one into
 * the other loses nothing in either direction, so a template read back from Meta opens in the
 * editor as it was written.
 */

export type TextPiece = { kind: 'text'; text: string } | { kind: 'variable'; sample: string };

/** `{{`, anything but braces, `}}`. Everything else, stray braces included, is literal text. */
const PLACEHOLDER = /\{\{([^{}]*)\}\}/g;

export function parseEditorText(text: string): TextPiece[] {
  const pieces: TextPiece[] = [];
  let end = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    if (match.index > end) pieces.push({ kind: 'text', text: text.slice(end, match.index) });
    pieces.push({ kind: 'variable', sample: match[1] ?? '' });
    end = match.index + match[0].length;
  }
  if (end < text.length) pieces.push({ kind: 'text', text: text.slice(end) });
  return pieces;
}

/**
 * Each occurrence is its own variable, numbered in order: `{{Clarice}} … {{Clarice}}` gives
 * `{{1}} … {{2}}`, because at send time each may be mapped to a different value.
 */
export function toPositional(editorText: string, firstIndex = 1): { text: string; samples: string[] } {
  const samples: string[] = [];
  const text = parseEditorText(editorText)
    .map((piece) => {
      if (piece.kind === 'text') return piece.text;
      samples.push(piece.sample);
      return `{{${firstIndex + samples.length - 1}}}`;
    })
    .join('');
  return { text, samples };
}

/**
 * A sample can stand between braces unless it holds a brace (`{{a}b}}` would not read back as one
 * placeholder). A blank one can: `{{ }}` reads back as written, and the rules refuse it.
 */
export function isUsableSample(sample: string | undefined): sample is string {
  return sample !== undefined && !/[{}]/.test(sample);
}

/** `{{n}}` → `{{samples[n-1]}}`; `{{n}}` stays when there is no usable sample, so nothing is hidden. */
export function fromPositional(text: string, samples: readonly (string | undefined)[]): string {
  return text.replace(PLACEHOLDER, (whole, content: string) => {
    const position = positionOf(content);
    if (position === undefined) return whole;
    const sample = samples[position - 1];
    return isUsableSample(sample) ? `{{${sample}}}` : whole;
  });
}

/** Each placeholder → `values[i]` (the i-th placeholder's value), or its own sample when there is none. */
export function fillSamples(editorText: string, values?: readonly (string | undefined)[]): string {
  let position = 0;
  return parseEditorText(editorText)
    .map((piece) => {
      if (piece.kind === 'text') return piece.text;
      const value = values?.[position];
      position += 1;
      return value ?? piece.sample;
    })
    .join('');
}

export function editorSamples(editorText: string): string[] {
  return parseEditorText(editorText).flatMap((piece) => (piece.kind === 'variable' ? [piece.sample] : []));
}

/** The numbers of a positional text's variables, in the order they appear. */
export function positionalVariables(text: string): number[] {
  return [...text.matchAll(PLACEHOLDER)].flatMap((match) => {
    const position = positionOf(match[1] ?? '');
    return position === undefined ? [] : [position];
  });
}

/**
 * What Meta refuses in a positional text: a placeholder that is not a number, or numbers that do
 * not run from 1 with no gap (`{{1}} {{3}}`). Empty when the text is fine.
 */
export type PositionalVariableProblem = { kind: 'not-numbered'; placeholder: string } | { kind: 'not-sequential'; found: number[] };

export function positionalVariableProblems(text: string): PositionalVariableProblem[] {
  const problems: PositionalVariableProblem[] = [];
  const numbers = new Set<number>();
  for (const match of text.matchAll(PLACEHOLDER)) {
    const position = positionOf(match[1] ?? '');
    if (position === undefined) problems.push({ kind: 'not-numbered', placeholder: match[0] });
    else numbers.add(position);
  }
  const found = [...numbers].sort((a, b) => a - b);
  if (found.some((position, index) => position !== index + 1)) problems.push({ kind: 'not-sequential', found });
  return problems;
}

function positionOf(content: string): number | undefined {
  const match = /^\s*([0-9]+)\s*$/.exec(content);
  if (!match) return undefined;
  const position = Number(match[1]);
  return position >= 1 ? position : undefined;
}
