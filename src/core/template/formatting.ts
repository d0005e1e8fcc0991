/**
 * WhatsApp's formatting marks (`*bold*`, `_italic_`, `~strike~`, ```` ```mono``` ````) read into a
 * tree the UI renders with elements: the preview never builds HTML from a template's text, so
 * `<script>` in a body is shown, not run.
 *
 * WhatsApp formats only at word boundaries: a mark opens after the start, a space or punctuation
 * and before a non-space; it closes after a non-space and before the end, a space or punctuation.
 * So `2*3*4` and `* a *` stay as typed. Styled spans stay on one line; monospace may span several.
 */
export type FormattedNode =
  | { kind: 'text'; text: string }
  | { kind: 'bold' | 'italic' | 'strike'; children: FormattedNode[] }
  | { kind: 'mono'; text: string };

type StyleKind = 'bold' | 'italic' | 'strike';

const STYLE_MARKS: ReadonlyMap<string, StyleKind> = new Map([
  ['*', 'bold'],
  ['_', 'italic'],
  ['~', 'strike'],
]);

const MONO_MARK = '```';

interface Span {
  node: FormattedNode;
  /** Where the text after the closing mark starts. */
  end: number;
}

export function parseWhatsAppFormatting(text: string): FormattedNode[] {
  const nodes: FormattedNode[] = [];
  let plainFrom = 0;
  let index = 0;
  while (index < text.length) {
    const span = monoAt(text, index) ?? styleAt(text, index);
    if (span) {
      pushText(nodes, text.slice(plainFrom, index));
      nodes.push(span.node);
      index = span.end;
      plainFrom = index;
    } else {
      index += 1;
    }
  }
  pushText(nodes, text.slice(plainFrom));
  return nodes;
}

function monoAt(text: string, index: number): Span | undefined {
  if (!text.startsWith(MONO_MARK, index)) return undefined;
  const start = index + MONO_MARK.length;
  const close = text.indexOf(MONO_MARK, start);
  if (close <= start) return undefined;
  return { node: { kind: 'mono', text: text.slice(start, close) }, end: close + MONO_MARK.length };
}

function styleAt(text: string, index: number): Span | undefined {
  const mark = text.charAt(index);
  const kind = STYLE_MARKS.get(mark);
  if (!kind || !opensAt(text, index)) return undefined;
  for (let close = index + 2; close < text.length; close += 1) {
    const char = text.charAt(close);
    if (char === '\n') return undefined;
    if (char === mark && closesAt(text, close)) {
      // The inside is parsed on its own: its edges touch the marks, which are boundaries.
      return { node: { kind, children: parseWhatsAppFormatting(text.slice(index + 1, close)) }, end: close + 1 };
    }
  }
  return undefined;
}

function opensAt(text: string, index: number): boolean {
  const before = text.charAt(index - 1);
  const after = text.charAt(index + 1);
  return (index === 0 || !isWordChar(before)) && after !== '' && !isSpace(after);
}

function closesAt(text: string, index: number): boolean {
  const before = text.charAt(index - 1);
  const after = text.charAt(index + 1);
  return !isSpace(before) && (after === '' || !isWordChar(after));
}

function isWordChar(char: string): boolean {
  return /[\p{L}\p{N}]/u.test(char);
}

function isSpace(char: string): boolean {
  return /\s/.test(char);
}

function pushText(nodes: FormattedNode[], text: string): void {
  if (text === '') return;
  const last = nodes.at(-1);
  if (last?.kind === 'text') last.text += text;
  else nodes.push({ kind: 'text', text });
}
