/**
 * Printing in a real Chromium (found by test-support/chromium.ts): the city report and the
 * official table (`lcz docs`) go to A4 PDF through page.pdf(), and pdf.js reads the text back
 * with its positions. Checked: the page count, a page number centred in the top margin of every
 * page but the first (Nghị định 30/2020/NĐ-CP), nothing past the decree's right margin (15 mm) or
 * left of its left margin (30 mm), the letterhead and signers from the data, Vietnamese dates,
 * a title never broken inside "2020-2025", the two "- Đối với …" bullets of criterion 2.3 on
 * lines of their own, short tables never split across pages, and the disqualifier columns read
 * "Không thuộc trường hợp này / Thuộc trường hợp này". The PDFs are kept in
 * .tmp/screenshots/report/ (gitignored) for a person to look at.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Assessment } from '@lcz/criteria-engine';
import { officialTable, renderTableHtml } from '@lcz/criteria-engine/tools';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../../test-support/chromium.js';
import { aggregate, loadTargets, renderReport, type Targets } from '../src/index.js';
import { EXAMPLES, exampleAssessment, generatedCity, ROOT, rules, TARGETS_FILE } from './city.js';

const SCREENSHOTS = join(ROOT, '.tmp', 'screenshots', 'report');
const MM = 72 / 25.4;
/** Half a point: pdf.js positions are exact to well under that. */
const SLACK = 0.5;

interface Item {
  readonly str: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
}
interface PdfPage {
  readonly width: number;
  readonly height: number;
  readonly items: readonly Item[];
  /** Every text of the page on one line, spaces collapsed: for "contains" checks across line breaks. */
  readonly text: string;
}

let dir = '';
let context: BrowserContext | undefined;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lcz-report-print-'));
  mkdirSync(SCREENSHOTS, { recursive: true });
  context = await launchChromium(join(dir, 'profile'), { width: 1280, height: 720 });
});

afterAll(async () => {
  await context?.close();
  if (dir !== '') await rm(dir, { recursive: true, force: true });
});

/** The page printed to PDF as Chromium prints it (the page's own @page size and margins), then read back. */
async function printed(html: string, name: string): Promise<PdfPage[]> {
  const file = join(dir, `${name}.html`);
  writeFileSync(file, html);
  const page = await (context as BrowserContext).newPage();
  await page.goto(`file://${file}`);
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  await page.close();
  writeFileSync(join(SCREENSHOTS, `${name}.pdf`), pdf);
  return readPdf(new Uint8Array(pdf));
}

async function readPdf(data: Uint8Array): Promise<PdfPage[]> {
  // pdf.js 6 uses Promise.withResolvers, which Node 20 (our lowest supported) lacks.
  const promises = Promise as unknown as { withResolvers?: unknown };
  promises.withResolvers ??= () => {
    let resolve: unknown;
    let reject: unknown;
    const promise = new Promise((a, b) => {
      resolve = a;
      reject = b;
    });
    return { promise, resolve, reject };
  };
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = getDocument({ data, useSystemFonts: false });
  const doc = await task.promise;
  const pages: PdfPage[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const { width, height } = page.getViewport({ scale: 1 });
    const content = await page.getTextContent();
    const items: Item[] = [];
    for (const item of content.items) {
      if (!('str' in item) || item.str.trim() === '') continue;
      items.push({ str: item.str, x: item.transform[4] as number, y: item.transform[5] as number, width: item.width });
    }
    pages.push({
      width,
      height,
      items,
      text: items
        .map((t) => t.str)
        .join(' ')
        .replace(/\s+/g, ' '),
    });
  }
  await task.destroy();
  return pages;
}

/** Page numbers: none on page 1; on every other page its number, alone in the top margin, centred on the text column. */
function expectPageNumbers(pages: readonly PdfPage[]): void {
  pages.forEach((page, i) => {
    const inTopMargin = page.items.filter((t) => t.y > page.height - 20 * MM);
    if (i === 0) {
      expect(inTopMargin, 'page 1 has no number').toEqual([]);
      return;
    }
    expect(
      inTopMargin.map((t) => t.str.trim()),
      `page ${i + 1}`,
    ).toEqual([String(i + 1)]);
    const [n] = inTopMargin as [Item];
    const textCentre = (30 * MM + (page.width - 15 * MM)) / 2;
    expect(Math.abs(n.x + n.width / 2 - textCentre), `page ${i + 1}'s number is centred`).toBeLessThan(3);
  });
}

/** Nothing crosses the decree's right margin (15 mm) or starts inside its left margin (30 mm). */
function expectWithinMargins(pages: readonly PdfPage[]): void {
  pages.forEach((page, i) => {
    const right = page.width - 15 * MM + SLACK;
    const past = page.items.filter((t) => t.x + t.width > right).map((t) => `${t.str} (${(t.x + t.width).toFixed(1)})`);
    expect(past, `page ${i + 1}: text past the right margin at ${right.toFixed(1)} pt`).toEqual([]);
    const left = page.items.filter((t) => t.x < 30 * MM - SLACK).map((t) => t.str);
    expect(left, `page ${i + 1}: text in the left margin`).toEqual([]);
    expect(Math.round(page.width)).toBe(595); // A4: 210 mm
    expect(Math.round(page.height)).toBe(842); // 297 mm
  });
}

function pageOf(pages: readonly PdfPage[], text: string): number {
  return pages.findIndex((p) => p.text.includes(text));
}

describe('the city report, printed', () => {
  it('is A4 with page numbers, within the margins, with letterhead and signers from the targets file', async () => {
    const areas = generatedCity([2023, 2024], 11);
    const targets = loadTargets(readFileSync(TARGETS_FILE, 'utf8'), 'targets.yaml', rules).value as Targets;
    const { report } = await aggregate(
      areas.map((a) => ({ result: a.result, year: a.year })),
      rules,
      { targets },
    );
    const pages = await printed((await renderReport(report, { format: 'html' })) as string, 'report-print');
    expect(pages.length).toBeGreaterThanOrEqual(4);
    expect(pages.length).toBeLessThanOrEqual(14);
    expectPageNumbers(pages);
    expectWithinMargins(pages);

    const first = pages[0] as PdfPage;
    const head = targets.document.letterhead;
    expect(first.text).toContain(head?.national_name?.vi);
    expect(first.text).toContain(head?.motto?.vi);
    expect(first.text).toContain(`${head?.place?.vi}, ngày …… tháng …… năm ……`);
    expect(first.text).toContain(head?.issuing_body?.vi.split(' ').slice(0, 4).join(' '));
    // The title's range of years stays on one line.
    expect(first.items.some((t) => t.str.includes('2020-2025'))).toBe(true);
    expect(first.items.some((t) => /20\d\d-$/.test(t.str.trim()))).toBe(false);

    const last = pages[pages.length - 1] as PdfPage;
    for (const signer of head?.signers ?? []) expect(last.text).toContain(signer.title.vi);

    // Criterion 2.3's two bullets start lines of their own, one above the other.
    const bullets = pages.flatMap((p) => p.items.filter((t) => t.str.startsWith('- Đối với')));
    expect(bullets.length).toBeGreaterThanOrEqual(2);
    const [b1, b2] = bullets as [Item, Item];
    expect(b1.y).not.toBe(b2.y);
    expect(Math.abs(b1.x - b2.x)).toBeLessThan(1);

    // Short tables are never split: the summary's heading and its last row are on the same page.
    const summaryHeading = pageOf(pages, 'Tổng hợp theo năm');
    expect(summaryHeading).toBeGreaterThanOrEqual(0);
    const unitsHeading = pageOf(pages, 'Khu dân cư theo đơn vị hành chính cấp xã (phường, xã)');
    expect(pages[unitsHeading]?.text).toContain('Tổng cộng');
  });
});

describe('the official table (lcz docs), printed', () => {
  it('follows Nghị định 30/2020/NĐ-CP: letterhead, Vietnamese dates, two signers, page numbers, margins', async () => {
    const path = EXAMPLES.find((p) => p.includes('disqualified-ban-in-ward')) as string;
    const assessment = exampleAssessment(path) as Assessment;
    const result = rules.evaluate(assessment);
    const html = renderTableHtml(officialTable(rules, { result }));
    const pages = await printed(html, 'official-table-print');
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(pages.length).toBeLessThanOrEqual(12);
    expectPageNumbers(pages);
    expectWithinMargins(pages);

    const first = pages[0] as PdfPage;
    const head = rules.document.letterhead;
    const unit = (assessment.area?.unit ?? '').toLocaleUpperCase('vi');
    expect(first.text).toContain(head?.national_name?.vi);
    expect(first.text).toContain(head?.motto?.vi);
    expect(first.text).toContain(`${head?.place?.vi}, ngày 10 tháng 10 năm 2024`);
    expect(first.text).toContain(unit);
    expect(first.text).toContain('Ngày đánh giá: 10/10/2024');
    expect(first.text).not.toMatch(/\d{4}-\d{2}-\d{2}/);

    // Section II names its result columns for what a ✓ there means.
    const all = pages.map((p) => p.text).join(' ');
    expect(all).toContain('Không thuộc trường hợp này Thuộc trường hợp này');

    const last = pages[pages.length - 1] as PdfPage;
    expect(last.text).toContain('NGƯỜI ĐÁNH GIÁ');
    expect(last.text).toContain(`TM. ỦY BAN NHÂN DÂN ${unit}`);
    expect(last.text).toContain('CHỦ TỊCH');
  });

  it('a blank form has the place with dots for the date and the unit to fill in', async () => {
    const pages = await printed(renderTableHtml(officialTable(rules)), 'official-table-blank-print');
    expectPageNumbers(pages);
    expectWithinMargins(pages);
    expect(pages[0]?.text).toContain('Lai Châu, ngày …… tháng …… năm ……');
    expect(pages[0]?.text).toContain('ỦY BAN NHÂN DÂN ……………………');
  });
});
