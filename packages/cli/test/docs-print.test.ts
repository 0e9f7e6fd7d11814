/**
 * The HTML of `lcz docs` in a real browser: Chromium (test-support/chromium.ts finds it), driven by playwright-core, opens
 * the blank and the filled-in table, checks what print needs (A4 pages, header rows repeated on
 * each page, rows never split, black borders, a serif face), prints each to PDF and takes
 * screenshots for people to look at (nothing compares pixels). No browser fails the test with how
 * to get one; it is never skipped.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../../test-support/chromium.js';
import { lcz } from './helpers.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** Screenshots and PDFs land here, for people to look at. */
export const PRINTS = join(tmpdir(), 'lcz-docs-prints');
/** A4 is 210 × 297 mm: 595.28 × 841.89 points (Chromium rounds to whole device pixels, within a point). */
const A4 = { width: 595.28, height: 841.89 };

let context: BrowserContext;
let userDataDir = '';

beforeAll(async () => {
  mkdirSync(PRINTS, { recursive: true });
  userDataDir = mkdtempSync(join(tmpdir(), 'lcz-docs-chromium-'));
  context = await launchChromium(userDataDir, { width: 900, height: 1200 });
});

afterAll(async () => {
  await context?.close();
  if (userDataDir !== '') rmSync(userDataDir, { recursive: true, force: true });
});

async function printed(name: string, argv: readonly string[]) {
  const html = join(PRINTS, `${name}.html`);
  const { code, stderr } = await lcz(['docs', '--rules', 'rules/lai-chau-2020-2025', '--out', html, ...argv], {
    cwd: ROOT,
  });
  expect(code, stderr).toBe(0);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  await page.goto(pathToFileURL(html).href);
  await page.screenshot({ path: join(PRINTS, `${name}-screen.png`) });
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: join(PRINTS, `${name}-print.png`), fullPage: true });
  const pdfPath = join(PRINTS, `${name}.pdf`);
  await page.pdf({ path: pdfPath, format: 'A4', preferCSSPageSize: true, printBackground: true });
  return { page, problems, pdf: await readFile(pdfPath) };
}

/** The page boxes of a PDF as Chromium writes it (uncompressed page objects). */
function pageSizes(pdf: Buffer): { width: number; height: number }[] {
  return [...pdf.toString('latin1').matchAll(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/g)].map((m) => ({
    width: Number(m[1]),
    height: Number(m[2]),
  }));
}

describe('the printable table in Chromium', () => {
  it('blank form: A4 pages, the header repeated, rows kept whole, borders, a serif face', async () => {
    const { page, problems, pdf } = await printed('blank', []);
    expect(problems).toEqual([]);
    const style = await page.evaluate(() => {
      const css = (selector: string) => getComputedStyle(document.querySelector(selector) as Element);
      const td = css('tbody td');
      return {
        thead: css('thead').display,
        rowBreak: css('tbody tr').breakInside,
        border: `${td.borderTopStyle} ${td.borderTopWidth} ${td.borderTopColor}`,
        font: css('body').fontFamily,
        collapse: css('table').borderCollapse,
        headerRows: document.querySelectorAll('thead tr').length,
        rows: document.querySelectorAll('tbody tr').length,
        marks: Array.from(document.querySelectorAll('td.mark')).filter((c) => c.textContent !== '').length,
      };
    });
    expect(style).toEqual({
      thead: 'table-header-group',
      rowBreak: 'avoid',
      border: 'solid 1px rgb(0, 0, 0)',
      font: expect.stringMatching(/^"Times New Roman", Times, .*serif$/) as unknown as string,
      collapse: 'collapse',
      headerRows: 2,
      rows: 53,
      marks: 0,
    });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const sizes = pageSizes(pdf);
    expect(sizes.length).toBeGreaterThan(1);
    for (const size of sizes) {
      expect(Math.abs(size.width - A4.width)).toBeLessThan(1);
      expect(Math.abs(size.height - A4.height)).toBeLessThan(1);
    }
    await page.close();
  });

  it('filled in: a ✓ for every decided criterion and standard, the decision at the bottom', async () => {
    const { page, problems, pdf } = await printed('filled', [
      '--assessment',
      'examples/assessments/not-recognised-ban.yaml',
    ]);
    expect(problems).toEqual([]);
    const seen = await page.evaluate(() => ({
      passed: Array.from(document.querySelectorAll('tr.criterion')).filter(
        (r) => r.querySelector('td.mark.pass')?.textContent === '✓',
      ).length,
      failed: Array.from(document.querySelectorAll('tr.criterion'))
        .filter((r) => r.querySelector('td.mark.fail')?.textContent === '✓')
        .map((r) => r.getAttribute('data-number')),
      decision: document.querySelector('.decision .value')?.textContent,
      area: document.querySelector('.fields li')?.textContent,
    }));
    expect(seen).toEqual({
      passed: 38,
      failed: ['1.3', '5.2', '6.3'],
      decision: 'KHÔNG ĐƯỢC CÔNG NHẬN',
      area: 'Khu dân cư: Bản A (ví dụ) (mã: SP-A)',
    });
    expect(pageSizes(pdf).length).toBeGreaterThan(1);
    await page.close();
  });
});
