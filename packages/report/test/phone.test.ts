/**
 * The HTML city report on a phone, in a real Chromium (the launcher settings of the web
 * package's browser harness): at 360 and 390 px the page never scrolls sideways (wide tables
 * scroll in their own box or become cards), no chart text is drawn smaller than 11 px at any
 * width, and a long criterion text is clipped with the whole text one tap away. Screenshots land
 * in .tmp/screenshots/report/ (gitignored) for a person to look at; nothing compares pixels.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../../test-support/chromium.js';
import { aggregate, loadTargets, renderReport, type Targets } from '../src/index.js';
import { generatedCity, ROOT, rules, TARGETS_FILE } from './city.js';

export const SCREENSHOTS = join(ROOT, '.tmp', 'screenshots', 'report');

let dir = '';
let context: BrowserContext | undefined;
let file = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lcz-report-phone-'));
  mkdirSync(SCREENSHOTS, { recursive: true });
  context = await launchChromium(join(dir, 'profile'), { width: 1280, height: 720 });
  const areas = generatedCity([2023, 2024], 11);
  const targets = loadTargets(readFileSync(TARGETS_FILE, 'utf8'), 'targets.yaml', rules).value as Targets;
  const { report } = await aggregate(
    areas.map((a) => ({ result: a.result, year: a.year })),
    rules,
    { targets },
  );
  file = join(dir, 'report.html');
  await writeFile(file, (await renderReport(report, { format: 'html' })) as string);
});

afterAll(async () => {
  await context?.close();
  if (dir !== '') await rm(dir, { recursive: true, force: true });
});

async function open(width: number): Promise<Page> {
  const page = await (context as BrowserContext).newPage();
  await page.setViewportSize({ width, height: 800 });
  await page.goto(`file://${file}`);
  return page;
}

/** The smallest rendered size, in CSS pixels, of any text in the charts: font size × the SVG's scale. */
function smallestChartFont(page: Page): Promise<number> {
  return page.evaluate(() => {
    let smallest = Number.POSITIVE_INFINITY;
    for (const el of Array.from(document.querySelectorAll('svg.chart text'))) {
      const matrix = (el as SVGTextElement).getScreenCTM();
      const scale = matrix === null ? 1 : Math.hypot(matrix.a, matrix.b);
      smallest = Math.min(smallest, Number.parseFloat(getComputedStyle(el).fontSize) * scale);
    }
    return smallest;
  });
}

describe('the city report on a phone', () => {
  for (const width of [360, 390]) {
    it(`at ${width} px the page does not scroll sideways and chart text stays ≥ 11 px`, async () => {
      const page = await open(width);
      const { scrollWidth, clientWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
      }));
      expect(scrollWidth).toBe(clientWidth);
      expect(await page.locator('svg.chart text').count()).toBeGreaterThan(20);
      expect(await smallestChartFont(page)).toBeGreaterThanOrEqual(11);
      // The criteria table is a list of cards here: its header row is hidden, each cell labelled.
      const card = page.locator('#criteria tbody tr').first();
      const box = await card.boundingBox();
      expect(box?.width ?? Number.POSITIVE_INFINITY).toBeLessThanOrEqual(width);
      await page.screenshot({ path: join(SCREENSHOTS, `report-${width}.png`), fullPage: false });
      await page.locator('#criteria').scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(SCREENSHOTS, `report-${width}-criteria.png`) });
      await page.close();
    });
  }

  it('a long criterion text is clipped, and one tap shows all of it', async () => {
    const page = await open(390);
    const details = page.locator('#criteria details.long').first();
    expect(await details.count()).toBe(1);
    const summary = details.locator('summary');
    const short = ((await summary.textContent()) ?? '').trim();
    expect(short.endsWith('…')).toBe(true);
    expect(await details.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    const closedHeight = (await details.boundingBox())?.height ?? 0;
    await summary.click();
    expect(await details.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    // The whole text is now on screen: the box grew, and stays inside the screen's width.
    const opened = await details.boundingBox();
    expect(opened?.height ?? 0).toBeGreaterThan(closedHeight);
    expect((opened?.x ?? 0) + (opened?.width ?? 0)).toBeLessThanOrEqual(390);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(390);
    await page.screenshot({ path: join(SCREENSHOTS, 'report-390-opened.png') });
    await page.close();
  });

  it('at 1280 px charts are drawn at their natural size too', async () => {
    const page = await open(1280);
    expect(await smallestChartFont(page)).toBeGreaterThanOrEqual(11);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
    await page.screenshot({ path: join(SCREENSHOTS, 'report-1280.png') });
    await page.close();
  });
});
