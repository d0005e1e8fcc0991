import { chromium, type Browser, type BrowserContext, type FrameLocator, type Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { AppLocation } from '../../../sandbox/apiTypes';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../../sandbox/server';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';

/**
 * Browser tests' harness: a sandbox on random ports around an app directory, and a headless
 * Debian Chromium (never a downloaded browser) with a fresh profile, which may only reach the
 * sandbox's own two servers.
 */

export interface SandboxBrowserOptions {
  distDir: string;
  /** Installation settings over the sandbox defaults. */
  settings?: SandboxOptions['settings'];
  /** The emulator behind the sandbox, e.g. one with a manual clock; a new one by default. */
  emulator?: SandboxOptions['emulator'];
  /** Starts the Herald service beside the sandbox (off by default). */
  service?: SandboxOptions['service'];
}

export interface SandboxBrowser {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  sandbox: Sandbox;
  /** Console errors, uncaught page errors and blocked outside requests, in order. */
  consoleErrors: string[];
  /** Loads the workspace afresh at a route (`'#/tickets/101'`) and waits until it is running. */
  open(route: string): Promise<void>;
  /** The app iframe shown for a location. */
  appFrame(location: AppLocation | 'modal'): FrameLocator;
  /** Calls a `/__sandbox/*` endpoint of the host server, e.g. `sandboxApi('POST', '/faults', rule)`. */
  sandboxApi<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
  close(): Promise<void>;
}

export async function startSandboxBrowser(options: SandboxBrowserOptions): Promise<SandboxBrowser> {
  const sandbox = await startSandbox({ distDir: options.distDir, settings: options.settings, emulator: options.emulator, service: options.service });
  let browser: Browser;
  try {
    // `launch` gives every run a new, empty user-data directory.
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  } catch (error) {
    await sandbox.close();
    throw error;
  }
  const context = await browser.newContext();
  const consoleErrors: string[] = [];
  const allowedOrigins = new Set([new URL(sandbox.hostUrl).origin, new URL(sandbox.appUrl).origin]);

  // Tests stay offline: anything outside the sandbox (a CDN, fonts, trackers) is refused and reported.
  await context.route(
    (url) => !allowedOrigins.has(url.origin) && url.protocol !== 'data:' && url.protocol !== 'blob:',
    async (route) => {
      consoleErrors.push(`blocked request to ${route.request().url()}`);
      await route.abort('blockedbyclient');
    },
  );

  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => consoleErrors.push(`pageerror: ${error.message}`));

  return {
    browser,
    context,
    page,
    sandbox,
    consoleErrors,
    async open(route) {
      // Going from one hash to another is a same-document navigation: leave first so that the
      // workspace and its apps really start again.
      await page.goto('about:blank');
      await page.goto(sandbox.hostUrl + route);
      await page.waitForSelector('body[data-sandbox-ready="true"]');
    },
    appFrame(location) {
      return page.frameLocator(`iframe[data-zaf-location="${location}"]`);
    },
    async sandboxApi<T>(method: string, path: string, body?: unknown): Promise<T> {
      const response = await fetch(new URL(`/__sandbox${path}`, sandbox.hostUrl), {
        method,
        headers: method === 'GET' ? undefined : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      if (!response.ok) throw new Error(`${method} /__sandbox${path} failed (${response.status}): ${text}`);
      return (text ? JSON.parse(text) : undefined) as T;
    },
    async close() {
      await browser.close().catch(() => undefined);
      await sandbox.close();
    },
  };
}

/**
 * One sandbox and browser for a whole test file, reset before each test (emulator, settings, agent,
 * language, console errors). Returns a getter: the harness exists once `beforeAll` has run.
 */
export function sandboxBrowserPerFile(options: SandboxBrowserOptions): () => SandboxBrowser {
  let harness: SandboxBrowser | undefined;
  beforeAll(async () => {
    harness = await startSandboxBrowser(options);
  });
  afterAll(async () => {
    await harness?.close();
  });
  beforeEach(async () => {
    await harness!.sandboxApi('POST', '/reset');
    harness!.consoleErrors.length = 0;
  });
  return () => {
    if (!harness) throw new Error('The sandbox browser starts in beforeAll');
    return harness;
  };
}
