/**
 * A real browser for the tests: Debian's chromium driven by playwright-core, pages served by the
 * package's own static server on 127.0.0.1 from freshly built bundles. A missing chromium fails
 * the tests with the command that installs it; they are never skipped.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { buildBrowserBundles, REPOSITORY_ROOT } from '../../src/tooling/build-bundles.js';
import { startStaticServer, type StaticServer } from '../../src/tooling/static-server.js';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
/** Screenshots land here, for people to look at; nothing compares pixels. */
const SCREENSHOTS = join(tmpdir(), 'lcz-web-screenshots');

export const DESKTOP = { width: 1280, height: 900 } as const;
export const PHONE = { width: 360, height: 740 } as const;

export function requireChromium(path: string = CHROMIUM): void {
  if (!existsSync(path)) {
    throw new Error(
      `Chromium is not installed at ${path}; the browser tests of @lcz/criteria-web need it. ` +
        "Install Debian's package: apt-get update && apt-get install -y --no-install-recommends chromium " +
        '(.ci/run does this when chromium is missing).',
    );
  }
}

export interface Site {
  readonly origin: string;
  /** A new page with `viewport`, recording page errors and console errors in `problems`. */
  open(path: string, viewport?: { width: number; height: number }): Promise<Page>;
  /** Page errors and console errors seen so far, as text. */
  readonly problems: string[];
  screenshot(page: Page, name: string, fullPage?: boolean): Promise<string>;
  close(): Promise<void>;
}

export async function openSite(): Promise<Site> {
  requireChromium();
  await buildBrowserBundles();
  const server: StaticServer = await startStaticServer({ root: REPOSITORY_ROOT });
  const userDataDir = mkdtempSync(join(tmpdir(), 'lcz-web-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: DESKTOP,
    });
  } catch (error) {
    await server.close();
    throw error;
  }
  mkdirSync(SCREENSHOTS, { recursive: true });
  const problems: string[] = [];
  return {
    origin: server.origin,
    problems,
    async open(path, viewport = DESKTOP) {
      const page = await context.newPage();
      await page.setViewportSize(viewport);
      page.on('pageerror', (e) => problems.push(`page error on ${path}: ${e.message}`));
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(`console error on ${path}: ${m.text()}`);
      });
      await page.goto(server.origin + path);
      return page;
    },
    async screenshot(page, name, fullPage = false) {
      const path = join(SCREENSHOTS, `${name}.png`);
      await page.screenshot({ path, fullPage });
      return path;
    },
    async close() {
      await context.close();
      await server.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** The id of the focused element, looking through shadow roots. */
export async function focusedId(page: Page): Promise<string> {
  return page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return el?.id ?? '';
  });
}
