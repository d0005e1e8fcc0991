import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { svgVerdict } from '../../../scripts/lib/svgSanitising';

const root = path.resolve(__dirname, '../../..');
const svg = (inner: string, attributes = '') => `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 18 18"${attributes}>${inner}</svg>`;

describe("what Zendesk's SVG sanitiser would change", () => {
  it("leaves the app's own icons as they are", () => {
    for (const file of ['assets/icon_nav_bar.svg', 'assets/logo.svg']) {
      expect(svgVerdict(readFileSync(path.join(root, file), 'utf8')), file).toEqual({ kind: 'unchanged' });
    }
  });

  it('keeps an XML declaration, namespaces, data- attributes, colours and local references', () => {
    const markup = `<?xml version="1.0"?>\n${svg('<defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/></linearGradient></defs><rect width="4" height="4" fill="url(#g)" data-part="x"/><use href="#g" stroke="currentColor"/>', ' xmlns:xlink="http://www.w3.org/1999/xlink"')}\n`;
    expect(svgVerdict(markup)).toEqual({ kind: 'unchanged' });
  });

  it.each([
    ['an attribute outside the safe list', svg('<path d="M0 0"/>', ' focusable="false"'), 'the attribute focusable on <svg>'],
    ['a style attribute, whose declarations are rewritten', svg('<path style="fill:red" d="M0 0"/>'), 'the attribute style on <path>'],
    ['an event handler', svg('<path onclick="x()" d="M0 0"/>'), 'the attribute onclick on <path>'],
    ['an element outside the safe list', svg('<foreignObject><p>x</p></foreignObject>'), 'the element <foreignObject>'],
    ['a script', svg('<script>alert(1)</script>'), 'the element <script>'],
    ['a comment', svg('<!-- drawn by hand --><path d="M0 0"/>'), 'a comment'],
    ['an empty attribute', svg('<path class="" d="M0 0"/>'), 'the empty attribute class on <path>'],
    ['a reference to another document', svg('<use href="icons.svg#bell"/>'), 'href="icons.svg#bell" on <use>'],
    ['a colour function where only keywords and local references stay', svg('<path fill="rgb(0,0,0)" d="M0 0"/>'), 'fill="rgb(0,0,0)" on <path>'],
    ['markup after the root', `${svg('<path d="M0 0"/>')}<svg/>`, 'markup after the closing </svg>'],
  ])('changes an SVG with %s', (_case, markup, why) => {
    expect(svgVerdict(markup)).toEqual({ kind: 'edited', why });
  });

  it('replaces an SVG holding a bitmap with a placeholder', () => {
    expect(svgVerdict(svg('<image href="data:image/png;base64,AAAA"/>'))).toEqual({ kind: 'bitmap' });
  });
});
