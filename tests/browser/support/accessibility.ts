import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Frame, Page } from 'playwright-core';
import type { AppLocation } from '../../../sandbox/apiTypes';

/**
 * An automated accessibility check of the app as the browser renders it: axe-core, injected from
 * node_modules into the app's own iframe (so that Garden's portals, open menus and dialogs, which
 * render into that document's body, are checked too), run against WCAG 2.0, 2.1 and 2.2 levels A and
 * AA, and its violations returned in a form that says what to fix.
 *
 * axe only finds what can be found automatically (about a third of WCAG): it is a floor, not a proof.
 */

const require = createRequire(import.meta.url);
/** axe's own build, as published on npm; read once, injected as a script's content. */
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Every level A and AA success criterion of WCAG 2.0, 2.1 and 2.2 that axe can test. */
export const WCAG_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] as const;

/**
 * A violation accepted on purpose: one rule, on elements matching a CSS selector (the flagged element
 * is, or is inside, an element that matches), with the reason written down. Keep these narrow.
 */
export interface AccessibilityException {
  rule: string;
  selector: string;
  reason: string;
}

/** One element a rule failed on. */
export interface ViolationNode {
  /** axe's selector for the element (frames and shadow roots joined by " >>> "). */
  target: string;
  /** The start of the element's HTML. */
  html: string;
  /** What axe says is wrong with it, and how to fix it. */
  failure: string;
}

export interface Violation {
  rule: string;
  impact: string;
  help: string;
  helpUrl: string;
  nodes: ViolationNode[];
}

export interface AccessibilityReport {
  violations: Violation[];
  /** Violations left out because an exception matched them, to see that each is still needed. */
  excepted: Array<{ rule: string; target: string; reason: string }>;
}

export interface CheckOptions {
  /** Accepted violations; none by default. */
  exceptions?: readonly AccessibilityException[];
  /** Only this part of the document (a CSS selector), e.g. an open dialog. The whole document by default. */
  include?: string;
  /**
   * Checks axe's best practices as well (headings in order, landmarks, regions named…): on by default,
   * since the app meets them at little cost.
   */
  bestPractice?: boolean;
}

const HTML_LENGTH = 200;

/** The Playwright frame of an app location's iframe (the FrameLocator of the harness cannot evaluate). */
export async function appFrameOf(page: Page, location: AppLocation | 'modal'): Promise<Frame> {
  const element = await page.locator(`iframe[data-zaf-location="${location}"]`).elementHandle();
  const frame = await element?.contentFrame();
  if (!frame) throw new Error(`No app iframe for ${location}`);
  return frame;
}

/** Runs axe in a frame (the app's iframe) and returns its violations, the excepted ones set apart. */
export async function checkAccessibility(frame: Frame, options: CheckOptions = {}): Promise<AccessibilityReport> {
  const loaded = await frame.evaluate(() => 'axe' in window);
  if (!loaded) await frame.addScriptTag({ content: AXE_SOURCE });
  // A colour caught in the middle of a transition (a button just enabled) is not the colour shown.
  // Endless ones (a loader) never finish: those are left as they are.
  await frame.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => animation.effect?.getComputedTiming().endTime !== Infinity)
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  );
  const runOptions = {
    runOnly: { type: 'tag', values: options.bestPractice === false ? [...WCAG_AA_TAGS] : [...WCAG_AA_TAGS, 'best-practice'] },
    resultTypes: ['violations'],
    elementRef: true,
  };
  return frame.evaluate(
    async ({ runOptions, include, exceptions, htmlLength }) => {
      interface AxeNode {
        target: unknown[];
        html: string;
        failureSummary?: string;
        element?: Element;
      }
      interface AxeResult {
        id: string;
        impact?: string | null;
        help: string;
        helpUrl: string;
        nodes: AxeNode[];
      }
      const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: AxeResult[] }> } }).axe;
      const results = await axe.run(include ? { include: [include] } : document, runOptions);
      const targetOf = (node: AxeNode) => node.target.map((part) => (Array.isArray(part) ? part.join(' >>> ') : String(part))).join(' >>> ');
      const violations: Violation[] = [];
      const excepted: AccessibilityReport['excepted'] = [];
      for (const result of results.violations) {
        const nodes: ViolationNode[] = [];
        for (const node of result.nodes) {
          const exception = exceptions.find((candidate) => candidate.rule === result.id && node.element?.closest(candidate.selector));
          if (exception) {
            excepted.push({ rule: result.id, target: targetOf(node), reason: exception.reason });
            continue;
          }
          const html = node.html.replace(/\s+/g, ' ');
          nodes.push({
            target: targetOf(node),
            html: html.length > htmlLength ? `${html.slice(0, htmlLength)}…` : html,
            failure: (node.failureSummary ?? '').replace(/\s+/g, ' ').trim(),
          });
        }
        if (nodes.length > 0) violations.push({ rule: result.id, impact: result.impact ?? 'unknown', help: result.help, helpUrl: result.helpUrl, nodes });
      }
      return { violations, excepted };
    },
    { runOptions, include: options.include, exceptions: [...(options.exceptions ?? [])], htmlLength: HTML_LENGTH },
  );
}

/**
 * Violations as lines a failing test prints: one per element, with the rule, its impact, what to do,
 * where (selector and HTML). An empty array when there is nothing to fix.
 */
export function describeViolations(violations: readonly Violation[]): string[] {
  return violations.flatMap((violation) =>
    violation.nodes.map((node) => `${violation.rule} (${violation.impact}): ${violation.help}\n    at ${node.target}\n    html ${node.html}\n    ${node.failure}`),
  );
}

/** Checks a frame and returns what to fix as readable lines (empty when clean): `expect(await axeLines(frame)).toEqual([])`. */
export async function accessibilityProblems(frame: Frame, options: CheckOptions = {}): Promise<string[]> {
  return describeViolations((await checkAccessibility(frame, options)).violations);
}

/** What the keyboard focus is on in a frame, and whether a sighted keyboard user can see it. */
export interface FocusState {
  /** The focused element: tag, role and name, e.g. `button "New template"`. */
  element: string;
  /** Its name as far as the page can tell (aria-label, aria-labelledby, its label, or its text). */
  name: string;
  /** Chromium's own verdict: the focus came from the keyboard and should be shown. */
  focusVisible: boolean;
  /**
   * A focus indicator is drawn: an outline, or a box shadow that is not there once the element loses
   * the focus, on the element, its label (Garden draws a checkbox's ring on the label's box) or
   * their ::before / ::after (Garden's tabs); for the picker button of a date or time input, a page's
   * rule that draws one on it.
   */
  indicated: boolean;
  /** The styles compared, for the message of a failing test. */
  styles: string;
}

/**
 * The focus in a frame and whether it shows, once transitions are over. To tell a focus ring from a
 * shadow the element always has, its styles are compared with those of a copy of it without the
 * focus, or else with its own once blurred for a moment and focused again (still from the keyboard,
 * for Chromium's `:focus-visible`). Undefined when nothing in the frame has the focus.
 */
export async function focusState(frame: Frame): Promise<FocusState | undefined> {
  return frame.evaluate(async () => {
    const settle = () =>
      Promise.all(
        document
          .getAnimations()
          .filter((animation) => animation.effect?.getComputedTiming().endTime !== Infinity)
          .map((animation) => animation.finished.catch(() => undefined)),
      );
    await settle();
    const element = document.activeElement;
    if (!element || element === document.body || !(element instanceof HTMLElement)) return undefined;
    const labels = 'labels' in element ? [...((element as HTMLInputElement).labels ?? [])] : [];
    const drawn = (parts: readonly Element[]) =>
      parts.flatMap((part, index) =>
        [null, '::before', '::after'].map((pseudo) => {
          const style = getComputedStyle(part, pseudo);
          const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0 ? `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}` : 'none';
          return { part: `${index === 0 ? 'element' : 'label'}${pseudo ?? ''}`, outline, shadow: style.boxShadow };
        }),
      );
    const focused = drawn([element, ...labels]);
    const differs = (rest: ReturnType<typeof drawn>) =>
      focused.some((part, index) => (part.outline !== 'none' && rest[index]!.outline === 'none') || (part.shadow !== 'none' && part.shadow !== rest[index]!.shadow));
    // At rest, first as a shallow clone next to it (same classes, no focus: quick); when that shows no
    // difference, the element itself blurred for a moment (a ring drawn on its label, for instance).
    const clone = element.cloneNode(false) as HTMLElement;
    clone.removeAttribute('id');
    // A checked radio's copy in the same group would uncheck the original when inserted.
    clone.removeAttribute('name');
    clone.setAttribute('aria-hidden', 'true');
    clone.style.position = 'absolute';
    clone.style.left = '-10000px';
    element.after(clone);
    const cloneRest = drawn([clone, ...labels]);
    clone.remove();
    // The browser's picker button inside a date or time input can have the focus: the input then
    // matches :focus-within, not :focus. Its ring is drawn on ::-webkit-calendar-picker-indicator, which
    // getComputedStyle cannot read, nor can :focus-visible be asked of it: the page's own rules for it
    // are read instead (Garden draws its ring there).
    const picker = /^(date|time|datetime-local|month|week)$/.test(element.getAttribute('type') ?? '') && !element.matches(':focus') && element.matches(':focus-within');
    const PICKER = '::-webkit-calendar-picker-indicator';
    const pickerRing = () =>
      [...document.styleSheets]
        .flatMap((sheet) => {
          try {
            return [...sheet.cssRules];
          } catch {
            return [];
          }
        })
        .some(
          (rule) =>
            rule instanceof CSSStyleRule &&
            ![undefined, '', 'none'].includes(rule.style.boxShadow) &&
            rule.selectorText.split(',').some((selector) => {
              const at = selector.indexOf(PICKER);
              return at >= 0 && selector.slice(at).includes(':focus-visible') && element.matches(selector.slice(0, at).trim() || '*');
            }),
        );
    const focusVisible = picker || element.matches(':focus-visible');
    let indicated = picker ? pickerRing() : differs(cloneRest);
    if (!indicated && !picker) {
      element.blur();
      await settle();
      const rest = drawn([element, ...labels]);
      element.focus();
      await settle();
      indicated = differs(rest);
    }
    const labelledBy = element.getAttribute('aria-labelledby');
    const name = (
      element.getAttribute('aria-label') ??
      (labelledBy ? document.getElementById(labelledBy)?.textContent : undefined) ??
      labels[0]?.textContent ??
      element.textContent ??
      ''
    )
      .trim()
      .replace(/\s+/g, ' ');
    const role = element.getAttribute('role') ?? element.getAttribute('type');
    return {
      element: `${element.tagName.toLowerCase()}${role ? `[${role}]` : ''} "${name.slice(0, 80)}"${picker ? ' › picker' : ''}`,
      name,
      focusVisible,
      indicated,
      styles: focused
        .filter((part) => part.outline !== 'none' || part.shadow !== 'none')
        .map((part) => `${part.part}: outline ${part.outline}, box-shadow ${part.shadow}`)
        .join('; '),
    };
  });
}
