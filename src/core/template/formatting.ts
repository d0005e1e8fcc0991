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
  const closers = closersOf(text);
  const nodes: FormattedNode[] = [];
  let plainFrom = 0;
  let index = 0;
  while (index < text.length) {
    const span = monoAt(text, index) ?? styleAt(text, index, closers);
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

/**
 * For each style mark, where the nearest mark that could close it is, from each position on: the
 * first closing mark at or after it on the same line, or -1. Read once per text, right to left, so
 * that an opening mark finds its closing one at once: scanning the rest of the line for each
 * opening mark took time in the square of the line's length (a 100 KB value froze the preview).
 */
function closersOf(text: string): ReadonlyMap<string, Int32Array> {
  const closers = new Map<string, Int32Array>();
  for (const mark of STYLE_MARKS.keys()) closers.set(mark, new Int32Array(text.length).fill(-1));
  const nearest = new Map<string, number>([...STYLE_MARKS.keys()].map((mark) => [mark, -1]));
  for (let index = text.length - 1; index >= 0; index -= 1) {
    const char = text.charAt(index);
    if (char === '\n') for (const mark of nearest.keys()) nearest.set(mark, -1);
    else if (STYLE_MARKS.has(char) && closesAt(text, index)) nearest.set(char, index);
    for (const [mark, at] of nearest) (closers.get(mark) as Int32Array)[index] = at;
  }
  return closers;
}

function styleAt(text: string, index: number, closers: ReadonlyMap<string, Int32Array>): Span | undefined {
  const mark = text.charAt(index);
  const kind = STYLE_MARKS.get(mark);
  if (!kind || !opensAt(text, index)) return undefined;
  // The inside holds one character at least; a line break before the closing mark ends the chance.
  const close = index + 2 < text.length ? (closers.get(mark) as Int32Array)[index + 2] ?? -1 : -1;
  if (close < 0) return undefined;
  // The inside is parsed on its own: its edges touch the marks, which are boundaries.
  return { node: { kind, children: parseWhatsAppFormatting(text.slice(index + 1, close)) }, end: close + 1 };
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
