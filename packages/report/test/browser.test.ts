/**
 * The HTML report in a real browser (headless Chromium through playwright-core): it loads with
 * no console error and no request, and its charts have the bars the figures call for, counted
 * independently. Chromium is launched as the web package's browser harness launches it: without
 * it this test fails and says so.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, CHROMIUM_ARGS, requireChromium } from '../../web/test/browser/harness.js';
import { aggregate, loadTargets, renderReport, type Targets } from '../src/index.js';
import { generatedCity, rules, TARGETS_FILE } from './city.js';
import { expectedYear } from './expected.js';

let dir = '';
let context: BrowserContext | undefined;

beforeAll(async () => {
  requireChromium();
  dir = await mkdtemp(join(tmpdir(), 'lcz-report-browser-'));
  context = await chromium.launchPersistentContext(join(dir, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1200, height: 900 },
  });
});

afterAll(async () => {
  await context?.close();
  if (dir !== '') await rm(dir, { recursive: true, force: true });
});

describe('the HTML report in Chromium', () => {
  it('renders the charts with the expected bars, with no console error and no request', async () => {
    const areas = generatedCity([2023, 2024], 11);
    const targets = loadTargets(readFileSync(TARGETS_FILE, 'utf8'), 'targets.yaml', rules).value as Targets;
    const entries = areas.map((a) => ({ result: a.result, year: a.year }));
    const { report } = await aggregate(entries, rules, { targets });
    const file = join(dir, 'report.html');
    await writeFile(file, (await renderReport(report, { format: 'html' })) as string);

    const page = await (context as BrowserContext).newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('request', (r) => {
      if (!r.url().startsWith('file://')) requests.push(r.url());
    });
    await page.goto(`file://${file}`);

    const expected = expectedYear(areas, 2024);
    const rated = expected.criteria.filter((c) => c.percent !== null);
    expect(await page.locator('svg#chart-criteria rect.bar').count()).toBe(rated.length);
    expect(await page.locator('svg#chart-units rect.bar-recognised').count()).toBe(expected.units.length);
    expect(await page.locator('svg#chart-units rect.bar-assessed').count()).toBe(expected.units.length);
    expect(await page.locator('svg#chart-targets rect.progress-fill').count()).toBe(targets.document.targets.length);
    // Bars are as long as their rates: the longest bar is the highest rate.
    const widths = await page
      .locator('svg#chart-criteria rect.bar')
      .evaluateAll((rects) => rects.map((r) => Number(r.getAttribute('width'))));
    const highest = Math.max(...rated.map((c) => c.percent as number));
    expect(widths.indexOf(Math.max(...widths))).toBe(rated.findIndex((c) => c.percent === highest));
    // Charts are labelled images; every table has column headers.
    expect(await page.locator('svg.chart[role="img"] > title').count()).toBe(3);
    expect(await page.locator('table:not(:has(thead th[scope="col"]))').count()).toBe(0);
    expect(await page.title()).toContain('Báo cáo tổng hợp');
    // Nothing wider than the page at 1200 px.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1200);
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    await page.close();
  });
});
