/**
 * The playground in Chromium: the bundled Lai Châu rules load into the CodeMirror editor, the
 * form is built from them; typos typed into the YAML show their located errors, all at once (in
 * the list and in the lint gutter), while the form keeps the last valid rules; completion and
 * hover come from the engine's editor assistance; Vietnamese letters with two marks stay inside
 * their character cells.
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
const RATING = '{ fact: party_cell_rating, at_least: hoan_thanh_tot_nhiem_vu }';

/** The editor's CodeMirror view, as the page exposes it on #rules (a structural type: no import in the page). */
interface View {
  state: {
    doc: { toString(): string; lineAt(pos: number): { number: number; from: number } };
    selection: { main: { head: number } };
  };
  dispatch(spec: object): void;
  focus(): void;
  coordsAtPos(pos: number): { left: number; right: number; top: number; bottom: number } | null;
  domAtPos(pos: number): { node: Node; offset: number };
}
declare global {
  interface HTMLElement {
    editorView?: View;
  }
}

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

const editorText = (page: Page) =>
  page.evaluate(() => document.querySelector<HTMLElement>('#rules')?.editorView?.state.doc.toString());

/** Puts the caret at a character offset of the editor's text (scrolled into view, focused). */
async function caretAt(page: Page, offset: number): Promise<void> {
  await page.evaluate((at) => {
    const view = document.querySelector<HTMLElement>('#rules')?.editorView;
    view?.dispatch({ selection: { anchor: at }, scrollIntoView: true });
    view?.focus();
  }, offset);
}

/** Replaces the editor's characters from..to with `insert`, as one edit. */
async function edit(page: Page, from: number, to: number, insert: string): Promise<void> {
  await page.evaluate(
    ([f, t, i]) =>
      document.querySelector<HTMLElement>('#rules')?.editorView?.dispatch({ changes: { from: f, to: t, insert: i } }),
    [from, to, insert] as const,
  );
}

describe('the playground in Chromium', () => {
  it('starts with the bundled rules in CodeMirror, valid, and the form generated from them', async () => {
    const page = await openPlayground();
    expect(await editorText(page)).toBe(RULES);
    expect(await page.locator('#editor-status').textContent()).toMatch(/^Tệp quy tắc hợp lệ/);
    expect(await page.locator('#rules .cm-content[contenteditable="true"]').getAttribute('aria-labelledby')).toBe(
      'editor-label',
    );
    expect(await page.locator('#rules .cm-lineNumbers .cm-gutterElement', { hasText: /^1$/ }).count()).toBe(1);
    expect(await page.locator('#rules .cm-lint-marker').count()).toBe(0);
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
    // The lint gutter marks the line; the value is underlined; the caret's line says what is wrong.
    expect(await page.locator('#rules .cm-lint-marker-error').count()).toBe(1);
    expect(await page.locator('#rules .cm-lintRange-error').textContent()).toBe("'bann'");
    await page.locator('#caret-problem:not([hidden])').waitFor();
    expect(await page.locator('#caret-problem').textContent()).toBe(
      `${LINE}:${COLUMN} "bann" không phải là giá trị của unit_kind.`,
    );
    // The form is still the last valid one.
    expect(await page.locator('#assessment #lcz-c-unit_kind').isVisible()).toBe(true);
    await site.screenshot(page, 'playground-desktop-error');

    // The location is a button: it takes the caret back to line:column.
    await caretAt(page, 0);
    await item.locator('button').click();
    const caret = await page.evaluate(
      () => document.querySelector<HTMLElement>('#rules')?.editorView?.state.selection.main.head ?? -1,
    );
    expect(RULES.slice(0, caret).split('\n').length).toBe(LINE);
    expect(caret - RULES.lastIndexOf('\n', caret - 1)).toBe(COLUMN);

    // English words for the same problem, in the list and in the lint tooltip's text.
    await page.selectOption('#lang', 'en');
    expect(await item.textContent()).toContain('"bann" is not a value of unit_kind.');
    expect(await page.locator('#editor-status').textContent()).toBe('1 error: the form keeps the last valid version.');
    expect(await page.locator('#assessment .section--context legend').textContent()).toBe('About the area');

    await caretAt(page, offset + 1);
    await page.keyboard.press('Backspace');
    await page.locator('#editor-status.ok').waitFor();
    expect(await page.locator('#diagnostics li.error').count()).toBe(0);
    await page.locator('#rules .cm-lint-marker-error').waitFor({ state: 'detached' });
    await page.close();
  });

  it('shows every problem at once: two typos, two gutter marks, two underlined places', async () => {
    const page = await openPlayground();
    const at = RULES.indexOf(RATING);
    const typos = RATING.replace('hoan_thanh_tot_nhiem_vu', 'hoan_thanh_tot');
    await edit(page, at, at + RATING.length, typos);
    const next = '{ fact: front_committee_rating, at_least: tot }';
    const nextAt = (await editorText(page))?.indexOf(next) ?? -1;
    await edit(page, nextAt, nextAt + next.length, next.replace('tot }', 'tott }'));
    await caretAt(page, at);
    await page.locator('#diagnostics li.error:nth-child(2)').waitFor();
    expect(await page.locator('#diagnostics li.error').count()).toBe(2);
    expect(await page.locator('#rules .cm-lint-marker-error').count()).toBe(2);
    expect(await page.locator('#rules .cm-lintRange-error').allTextContents()).toEqual(['hoan_thanh_tot', 'tott']);
    await site.screenshot(page, 'playground-two-errors');
    await page.close();
  });

  it('completes fact names in fact:, value ids beside an ordinal and in quotes, and names in expressions', async () => {
    const page = await openPlayground();
    const options = page.locator('.cm-tooltip-autocomplete li');
    const labels = page.locator('.cm-tooltip-autocomplete li .cm-completionLabel');
    // A fact name typed in a flow mapping's fact: field.
    const at = RULES.indexOf(RATING) + '{ fact: '.length;
    await edit(page, at, at + 'party_cell_rating'.length, '');
    await caretAt(page, at);
    await page.keyboard.type('party_');
    await options.first().waitFor();
    // The best match first (CodeMirror also lists looser, fuzzy matches after it).
    expect((await labels.allTextContents())[0]).toBe('party_cell_rating');
    await acceptCompletion(page);
    expect(await editorText(page)).toBe(RULES);
    // The ordinal's values after at_least:, on Ctrl+Space.
    const value = RULES.indexOf(RATING) + RATING.indexOf('hoan_thanh_tot_nhiem_vu');
    await edit(page, value, value + 'hoan_thanh_tot_nhiem_vu'.length, '');
    await caretAt(page, value);
    await page.keyboard.press('Control+Space');
    await options.first().waitFor();
    expect(await labels.allTextContents()).toEqual([
      'khong_hoan_thanh_nhiem_vu',
      'hoan_thanh_nhiem_vu',
      'hoan_thanh_tot_nhiem_vu',
      'hoan_thanh_xuat_sac_nhiem_vu',
    ]);
    await page.keyboard.press('Escape');
    await edit(page, value, value, 'hoan_thanh_tot_nhiem_vu');
    // A value id inside quotes in an expression.
    const quote = RULES.indexOf(SELECTOR) + SELECTOR.indexOf(`'ban'`) + 1;
    await edit(page, quote, quote + 3, '');
    await caretAt(page, quote);
    await page.keyboard.type('b');
    await options.first().waitFor();
    expect(await labels.allTextContents()).toEqual(['ban']);
    await acceptCompletion(page);
    expect(await editorText(page)).toBe(RULES);
    // A context attribute's name in the same expression.
    const name = RULES.indexOf(SELECTOR) + SELECTOR.indexOf('agricultural');
    await edit(page, name, name + 'agricultural'.length, '');
    await caretAt(page, name);
    await page.keyboard.type('agri');
    await options.first().waitFor();
    expect((await labels.allTextContents())[0]).toBe('agricultural');
    await acceptCompletion(page);
    expect(await editorText(page)).toBe(RULES);
    await page.close();
  });

  it('hovers a fact with its labels in both languages, and a criterion with its text and threshold', async () => {
    const page = await openPlayground();
    const hover = async (offset: number) => {
      await caretAt(page, offset);
      const box = await page.evaluate(
        (at) => document.querySelector<HTMLElement>('#rules')?.editorView?.coordsAtPos(at) ?? null,
        offset,
      );
      if (!box) throw new Error('no coordinates');
      await page.mouse.move(box.left + 3, (box.top + box.bottom) / 2);
      const tip = page.locator('.cm-tooltip-hover .assist-info');
      await tip.waitFor();
      const text = await tip.textContent();
      await page.mouse.move(0, 0);
      await tip.waitFor({ state: 'detached' });
      return text;
    };
    const fact = await hover(RULES.indexOf('part: households_law_abiding') + 'part: h'.length);
    expect(fact).toContain('Số hộ nghiêm chỉnh thực hiện');
    expect(fact).toContain('Households strictly following');
    const criterion = await hover(RULES.indexOf('id: "1.3"') + 'id: "1'.length);
    expect(criterion).toContain('98% trở lên các hộ');
    expect(criterion).toContain('98% or more of households');
    expect(criterion).toContain('households_law_abiding / households ≥ 98% (households = 0: fail)');
    await page.close();
  });

  it('draws Vietnamese letters with two marks inside their character cells', async () => {
    const page = await openPlayground();
    const SAMPLE = '# ế ố ẩ ếốẩ ằỡ\n';
    await edit(page, 0, 0, SAMPLE);
    await caretAt(page, 0);
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    expect(await page.evaluate(() => document.fonts.check('13px "Noto Sans Mono"', 'ếốẩ'))).toBe(true);
    const cells = await page.evaluate((sample) => {
      const view = document.querySelector<HTMLElement>('#rules')?.editorView;
      if (!view) throw new Error('no editor');
      const line = document.querySelector('#rules .cm-line');
      if (!line) throw new Error('no line');
      const lineBox = line.getBoundingClientRect();
      const font = getComputedStyle(line).font;
      const lineHeight = parseFloat(getComputedStyle(line).lineHeight);
      const context = document.createElement('canvas').getContext('2d');
      if (!context) throw new Error('no canvas');
      context.font = font;
      const out = [];
      for (let i = 2; i < sample.length - 1; i++) {
        const ch = sample[i] as string;
        if (ch === ' ') continue;
        const { node, offset } = view.domAtPos(i);
        const range = document.createRange();
        range.setStart(node, offset);
        range.setEnd(node, offset + 1);
        const rects = range.getClientRects();
        const cell = range.getBoundingClientRect();
        const ink = context.measureText(ch);
        const halfLeading = (lineHeight - ink.fontBoundingBoxAscent - ink.fontBoundingBoxDescent) / 2;
        out.push({
          ch,
          rects: rects.length,
          cell: { left: cell.left, right: cell.right, top: cell.top, bottom: cell.bottom, width: cell.width },
          line: { top: lineBox.top, bottom: lineBox.bottom },
          // The glyph's ink against its own cell: left of the origin, past the advance, above and below the line box.
          overLeft: ink.actualBoundingBoxLeft,
          overRight: ink.actualBoundingBoxRight - ink.width,
          overTop: ink.actualBoundingBoxAscent - (ink.fontBoundingBoxAscent + halfLeading),
          overBottom: ink.actualBoundingBoxDescent - (ink.fontBoundingBoxDescent + halfLeading),
        });
      }
      return { font, out };
    }, SAMPLE);
    expect(cells.font).toContain('Noto Sans Mono');
    const width = cells.out[0]?.cell.width ?? 0;
    expect(width).toBeGreaterThan(4);
    for (const [i, c] of cells.out.entries()) {
      expect(c.rects, c.ch).toBe(1); // one box per letter: no mark drawn as a separate cell
      expect(Math.abs(c.cell.width - width), `${c.ch} is as wide as every other cell`).toBeLessThan(0.5);
      expect(c.cell.top, `${c.ch} inside its line`).toBeGreaterThanOrEqual(c.line.top - 0.5);
      expect(c.cell.bottom, `${c.ch} inside its line`).toBeLessThanOrEqual(c.line.bottom + 0.5);
      const previous = cells.out[i - 1];
      if (previous && previous.cell.right <= c.cell.left + 0.5)
        expect(c.cell.left, `${c.ch} starts where the previous cell ends`).toBeGreaterThanOrEqual(
          previous.cell.right - 0.5,
        );
      expect(c.overLeft, `${c.ch}'s ink left of its cell`).toBeLessThanOrEqual(0.5);
      expect(c.overRight, `${c.ch}'s ink right of its cell`).toBeLessThanOrEqual(0.5);
      expect(c.overTop, `${c.ch}'s marks above its line`).toBeLessThanOrEqual(0.5);
      expect(c.overBottom, `${c.ch}'s ink below its line`).toBeLessThanOrEqual(0.5);
    }
    await site.screenshot(page, 'playground-vietnamese-marks');
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

/**
 * Enter, once the completion list takes keys: CodeMirror ignores Enter for its first 75 ms
 * (`interactionDelay`, so a fast typist's Enter is a new line, not an accident), and on a busy
 * machine the test can press it sooner than that after the list appears.
 */
async function acceptCompletion(page: Page): Promise<void> {
  await page.waitForTimeout(200);
  await page.keyboard.press('Enter');
}
