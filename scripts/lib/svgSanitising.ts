/**
 * Zendesk passes every `assets/**.svg` through Loofah's `:prune` scrubber (zendesk_apps_support
 * `Validations::Svg`) and, when the markup comes out different, rewrites the file and warns "The
 * markup in … has been edited for use in Zendesk". Loofah drops elements and attributes outside its
 * HTML5 safe lists (an unknown element goes with everything inside it), comments, attributes left
 * empty, references to anything but a local `#id`, and rewrites `style` declarations; an `<image>`
 * replaces the whole icon with a placeholder.
 *
 * This check says whether an SVG would come out unchanged. Its lists below are a part of Loofah's
 * (each name checked to be in them, loofah lib/loofah/html5/safelist.rb): the elements and attributes
 * icons use. Anything else counts as a change, so it may warn where Zendesk would not, never the
 * reverse; a `style` attribute counts too, since telling which declarations survive needs Loofah's
 * CSS parser.
 */

const ELEMENTS = new Set([
  'svg', 'g', 'path', 'circle', 'ellipse', 'line', 'polyline', 'polygon', 'rect', 'defs', 'linearGradient', 'radialGradient',
  'stop', 'title', 'desc', 'use', 'symbol', 'clipPath', 'mask', 'text', 'tspan',
]);

const ATTRIBUTES = new Set([
  'width', 'height', 'viewBox', 'preserveAspectRatio', 'version', 'id', 'class', 'lang', 'role', 'aria-label', 'aria-hidden',
  'fill', 'fill-rule', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-linecap', 'stroke-linejoin', 'stroke-opacity',
  'stroke-dasharray', 'opacity', 'color', 'd', 'cx', 'cy', 'r', 'rx', 'ry', 'x', 'y', 'x1', 'y1', 'x2', 'y2', 'points',
  'transform', 'offset', 'stop-color', 'stop-opacity', 'gradientUnits', 'clip-path', 'clip-rule', 'mask', 'href', 'xlink:href',
]);

/** Attributes whose value Loofah keeps only as keywords, colours and local `url(#id)` references. */
const REFERENCES = new Set(['fill', 'stroke', 'clip-path', 'mask']);
const ONE_REFERENCE = /^(?:#[\w-]+|-?[A-Za-z_][\w-]*|url\(#[\w-]+\))$/;
const LINKS = new Set(['href', 'xlink:href']);

const TOKEN = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<![^>]*>|<\?[\s\S]*?\?>|<\/?[^>]+>|[^<]+/g;
const ATTRIBUTE = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

export type SvgVerdict = { kind: 'unchanged' } | { kind: 'edited'; why: string } | { kind: 'bitmap' };

/** Whether Zendesk's sanitiser would leave `markup` as it is, and if not, the first reason found. */
export function svgVerdict(markup: string): SvgVerdict {
  const body = markup.trim().replace(/^<\?xml[^>]*\?>\s*/, '');
  let depth = 0;
  let closedRoot = false;
  for (const [token] of body.matchAll(TOKEN)) {
    if (!token.startsWith('<')) {
      if (closedRoot && token.trim() !== '') return edited('text after the closing </svg>');
      continue;
    }
    if (token.startsWith('<!--')) return edited('a comment');
    if (token.startsWith('<!') || token.startsWith('<?')) return edited(`${token.slice(0, 12)}…`);
    if (closedRoot) return edited('markup after the closing </svg>');
    if (token.startsWith('</')) {
      depth -= 1;
      if (depth === 0) closedRoot = true;
      continue;
    }
    const name = /^<([^\s/>]+)/.exec(token)?.[1] ?? '';
    if (name === 'image') return { kind: 'bitmap' };
    if (!ELEMENTS.has(name)) return edited(`the element <${name}>`);
    const problem = attributeProblem(token);
    if (problem) return edited(`${problem} on <${name}>`);
    if (!token.endsWith('/>')) depth += 1;
    else if (depth === 0) closedRoot = true;
  }
  return { kind: 'unchanged' };
}

function attributeProblem(tag: string): string | undefined {
  for (const [, name = '', double, single] of tag.matchAll(ATTRIBUTE)) {
    const value = double ?? single ?? '';
    if (name === 'xmlns' || name.startsWith('xmlns:') || /^data-[\w-]+$/.test(name)) continue;
    if (!ATTRIBUTES.has(name)) return `the attribute ${name}`;
    if (value.trim() === '') return `the empty attribute ${name}`;
    if (REFERENCES.has(name) && !ONE_REFERENCE.test(value.trim())) return `${name}="${value}"`;
    if (LINKS.has(name) && !value.startsWith('#')) return `${name}="${value}"`;
  }
  return undefined;
}

function edited(why: string): SvgVerdict {
  return { kind: 'edited', why };
}

/** Zendesk's warning for an SVG its sanitiser changes, with what Herald's check found first. */
export function svgWarning(file: string, markup: string): string | undefined {
  const verdict = svgVerdict(markup);
  if (verdict.kind === 'bitmap') return `${file} contains an embedded bitmap and cannot be used as an app icon. It has been replaced with a default placeholder icon.`;
  if (verdict.kind === 'edited') return `The markup in ${file} has been edited for use in Zendesk and may not display as intended (${verdict.why}).`;
  return undefined;
}
