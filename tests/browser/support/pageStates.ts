import type { Frame } from 'playwright-core';
import type { Translate } from '../../../src/ui/i18n/messages';
import type { SandboxBrowser } from './sandboxBrowser';

/**
 * Every state a campaign's page went through, as the marketer saw it, however briefly: the nav bar
 * app records what its page shows at each change of the page (a MutationObserver in its frame),
 * so that a state shown for a second between two `waitFor`s is not missed.
 */

export interface PageState {
  /** The status tag's words. */
  tag: string;
  /** The titles of the notices shown (who sends it, why it stopped…). */
  notices: string[];
  /** A Resume button is offered. */
  resume: boolean;
  /** The number the progress says is done, when it shows. */
  done: number | undefined;
}

export interface PageStates {
  /** The states recorded so far, each different from the one before. */
  states(): Promise<PageState[]>;
}

interface Words {
  name: string;
  resume: string;
  progress: string;
}

/** Starts recording the page of the campaign `name` in the nav bar app (which must be open). */
export async function watchCampaignPage(harness: SandboxBrowser, t: Translate, name: string): Promise<PageStates> {
  const frame = await navBarFrame(harness);
  const words: Words = { name, resume: t('campaigns.page.resume'), progress: t('campaigns.progress.title') };
  await frame.evaluate((words: Words) => {
    const recorded: PageState[] = [];
    const read = (): PageState | undefined => {
      const page = document.querySelector(`section[aria-label="${CSS.escape(words.name)}"]`);
      if (!page) return undefined;
      const summary = page.querySelector(`section[aria-label="${CSS.escape(words.progress)}"] [role="status"]`)?.textContent ?? '';
      const done = /^[\d\s,.\u202f\u00a0]+/.exec(summary)?.[0].replace(/\D/g, '');
      return {
        tag: page.querySelector('[data-garden-id="tags.tag_view"]')?.textContent ?? '',
        notices: [...page.querySelectorAll('[data-garden-id="notifications.title"]')].map((title) => title.textContent ?? ''),
        resume: [...page.querySelectorAll('button')].some((button) => button.textContent === words.resume),
        done: done ? Number(done) : undefined,
      };
    };
    const record = () => {
      const state = read();
      const last = recorded.at(-1);
      if (state && JSON.stringify(state) !== JSON.stringify(last)) recorded.push(state);
    };
    record();
    new MutationObserver(record).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    (window as unknown as { heraldPageStates: PageState[] }).heraldPageStates = recorded;
  }, words);
  return {
    states: () => frame.evaluate(() => [...(window as unknown as { heraldPageStates: PageState[] }).heraldPageStates]),
  };
}

async function navBarFrame(harness: SandboxBrowser): Promise<Frame> {
  const element = await harness.page.locator('iframe[data-zaf-location="nav_bar"]').elementHandle();
  const frame = await element?.contentFrame();
  if (!frame) throw new Error('The nav bar app is not open');
  return frame;
}
