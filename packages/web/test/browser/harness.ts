/**
 * A real browser for the tests: Chromium (found by test-support/chromium.ts: CHROMIUM_PATH, one on
 * PATH, or the one @sparticuz/chromium carries) driven by playwright-core, pages served by the
 * package's own static server on 127.0.0.1 from freshly built bundles. No browser fails the tests
 * with how to get one; they are never skipped.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../../../../test-support/chromium.js';
import { buildBrowserBundles, REPOSITORY_ROOT } from '../../src/tooling/build-bundles.js';
import { startStaticServer, type StaticServer } from '../../src/tooling/static-server.js';

/** Screenshots land here, for people to look at; nothing compares pixels. */
const SCREENSHOTS = join(tmpdir(), 'lcz-web-screenshots');

export const DESKTOP = { width: 1280, height: 900 } as const;
export const PHONE = { width: 360, height: 740 } as const;

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
  await buildBrowserBundles();
  const server: StaticServer = await startStaticServer({ root: REPOSITORY_ROOT });
  const userDataDir = mkdtempSync(join(tmpdir(), 'lcz-web-chromium-'));
  let context: BrowserContext;
  try {
    context = await launchChromium(userDataDir, DESKTOP);
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
