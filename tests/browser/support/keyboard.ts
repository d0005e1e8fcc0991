import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { AppLocation } from '../../../sandbox/apiTypes';
import { appFrameOf, focusState, type FocusState } from './accessibility';

/** A key `until` presses over and over to move the focus. */
export type MovingKey = 'Tab' | 'Shift+Tab' | 'ArrowRight' | 'ArrowLeft' | 'ArrowDown' | 'ArrowUp' | 'Home' | 'End';

/**
 * The keyboard in an app location, and where the focus is after each key: always inside the app,
 * and always shown (Chromium's `:focus-visible` and a drawn indicator), or the test fails there.
 */
export async function keyboard(page: Page, location: AppLocation = 'nav_bar') {
  const frame = await appFrameOf(page, location);
  const seen: FocusState[] = [];
  /** The focus now, which must be in the app and show; after `key` was pressed. */
  const current = async (key = '(no key)'): Promise<FocusState> => {
    const state = await focusState(frame);
    // Tab from the last control of the app goes on to the host page: never expected here.
    expect(state, `after ${key}, the focus left the app`).toBeDefined();
    expect({ key, element: state!.element, focusVisible: state!.focusVisible, indicated: state!.indicated }, state!.styles).toEqual({
      key,
      element: state!.element,
      focusVisible: true,
      indicated: true,
    });
    seen.push(state!);
    return state!;
  };
  const press = async (key: string): Promise<FocusState> => {
    await page.keyboard.press(key);
    return current(key);
  };
  /** Presses `key` until the focus is on a control whose name matches, and at most `max` times. */
  const until = async (key: MovingKey, name: string | RegExp, max = 15): Promise<FocusState> => {
    for (let count = 0; count < max; count++) {
      const state = await press(key);
      if (typeof name === 'string' ? state.name === name : name.test(state.name)) return state;
    }
    throw new Error(`${key} × ${max} did not reach “${String(name)}”: ${seen.slice(-max).map((state) => state.element).join(' → ')}`);
  };
  const type = (text: string) => page.keyboard.type(text);
  /** Presses a key whose effect takes time (the focus is checked once it is done, with `current`). */
  const start = (key: string) => page.keyboard.press(key);
  return { current, press, until, type, start };
}

export type Keyboard = Awaited<ReturnType<typeof keyboard>>;
