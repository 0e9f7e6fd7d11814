/**
 * The playground in Chromium: the bundled Lai Châu rules load into the editor, the form is built
 * from them, and a typo typed into the YAML shows its located error (line:column, marked line,
 * vi/en words) while the form keeps the last valid rules; fixing it clears the error.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPOSITORY_ROOT } from '../../src/tooling/build-bundles.js';
import { DESKTOP, openSite, PHONE, type Site } from './harness.js';

const PLAYGROUND = '/packages/web/playground/';
const RULES = readFileSync(join(REPOSITORY_ROOT, 'rules/lai-chau-2020-2025/ruleset.yaml'), 'utf8');
/** Where a typo will go: inside the value id of 2.3's agricultural-village selector. */
const SELECTOR = `when: "unit_kind == 'ban' and agricultural"`;
const LINE = RULES.split('\n').findIndex((l) => l.includes(SELECTOR)) + 1;
const COLUMN = (RULES.split('\n')[LINE - 1] ?? '').indexOf(`'ban'`) + 1;

let site: Site;

beforeAll(async () => {
  expect(LINE).toBeGreaterThan(1);
  site = await openSite();
});

afterAll(async () => {
  await site?.close();
});

async function openPlayground(viewport: { width: number; height: number } = DESKTOP): Promise<Page> {
  const page = await site.open(PLAYGROUND, viewport);
  await page.locator('#editor-status.ok').waitFor();
  await page.locator('#assessment #lcz-c-unit_kind').waitFor();
  return page;
}

/** Puts the caret at a character offset of the editor's text. */
async function caretAt(page: Page, offset: number): Promise<void> {
  await page.locator('#rules').evaluate((el, at) => {
    const area = el as HTMLTextAreaElement;
    area.focus();
    area.setSelectionRange(at, at);
  }, offset);
}

describe('the playground in Chromium', () => {
  it('starts with the bundled rules, valid, and the form generated from them', async () => {
    const page = await openPlayground();
    expect(await page.locator('#rules').inputValue()).toBe(RULES);
    expect(await page.locator('#editor-status').textContent()).toMatch(/^Tệp quy tắc hợp lệ/);
    expect(await page.locator('.gutter-lines div').count()).toBe(RULES.split('\n').length);
    expect(await page.locator('#assessment label[for="lcz-f-households"]').textContent()).toBe(
      'Tổng số hộ gia đình trong khu dân cư (hộ)',
    );
    await page.close();
  });

  it('shows a located error as the user types a typo, keeps the last valid form, and clears it when fixed', async () => {
    const page = await openPlayground();
    const offset = RULES.indexOf(SELECTOR) + SELECTOR.indexOf(`'ban'`) + 4; // just after "ban"
    await caretAt(page, offset);
    await page.keyboard.type('n');

    const item = page.locator('#diagnostics li.error');
    await item.first().waitFor();
    expect(await item.count()).toBe(1);
    expect(await item.getAttribute('data-code')).toBe('expr_enum_value');
    expect(await item.locator('button').textContent()).toBe(`ruleset.yaml:${LINE}:${COLUMN}`);
    expect(await item.textContent()).toContain('"bann" không phải là giá trị của unit_kind.');
    expect(await page.locator('#editor-status').textContent()).toBe('1 lỗi: biểu mẫu vẫn dùng bản hợp lệ gần nhất.');
    // The line is marked in the gutter and behind the text; the caret's line says what is wrong.
    expect(await page.locator(`.gutter-lines div:nth-child(${LINE})`).getAttribute('class')).toBe('has-error');
    expect(await page.locator(`.marks .line[data-line="${LINE}"]`).count()).toBe(1);
    await page.locator('#caret-problem:not([hidden])').waitFor();
    expect(await page.locator('#caret-problem').textContent()).toBe(
      `${LINE}:${COLUMN} "bann" không phải là giá trị của unit_kind.`,
    );
    // The form is still the last valid one.
    expect(await page.locator('#assessment #lcz-c-unit_kind').isVisible()).toBe(true);
    await site.screenshot(page, 'playground-desktop-error');

    // The location is a button: it takes the caret back to line:column.
    await page.locator('#rules').evaluate((el) => (el as HTMLTextAreaElement).setSelectionRange(0, 0));
    await item.locator('button').click();
    const caret = await page.locator('#rules').evaluate((el) => (el as HTMLTextAreaElement).selectionStart);
    expect(RULES.slice(0, caret).split('\n').length).toBe(LINE);
    expect(caret - RULES.lastIndexOf('\n', caret - 1)).toBe(COLUMN);

    // English words for the same problem.
    await page.selectOption('#lang', 'en');
    expect(await item.textContent()).toContain('"bann" is not a value of unit_kind.');
    expect(await page.locator('#editor-status').textContent()).toBe(
      '1 error(s): the form keeps the last valid version.',
    );
    expect(await page.locator('#assessment .section--context legend').textContent()).toBe('The residential area');

    await caretAt(page, offset + 1);
    await page.keyboard.press('Backspace');
    await page.locator('#editor-status.ok').waitFor();
    expect(await page.locator('#diagnostics li.error').count()).toBe(0);
    expect(await page.locator('.gutter-lines div.has-error').count()).toBe(0);
    await page.close();
  });

  it('rebuilds the form from every valid edit', async () => {
    const page = await openPlayground();
    const label = 'Tổng số hộ gia đình trong khu dân cư';
    const at = RULES.indexOf(label) + label.length;
    await caretAt(page, at);
    await page.keyboard.type(' (đã sửa)');
    await page
      .locator('#assessment label[for="lcz-f-households"]', {
        hasText: 'Tổng số hộ gia đình trong khu dân cư (đã sửa) (hộ)',
      })
      .waitFor();
    expect(await page.locator('#editor-status').getAttribute('class')).toBe('editor-status ok');
    await page.close();
  });

  it('fits a 360 px phone screen', async () => {
    const page = await openPlayground(PHONE);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await site.screenshot(page, 'playground-phone');
    await page.close();
  });

  it('raised no page errors and no console errors', () => {
    expect(site.problems).toEqual([]);
  });
});
