/**
 * <lcz-assessment> in Chromium, through the embedding example (examples/web-embed: one script
 * tag, the Lai Châu rules by URL). What a user sees and does: fields that come and go with the
 * kind of area, a decision that flips at a threshold, messages beside faulty fields, the
 * language switch, the keyboard, a phone screen.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Assessment } from '@lcz/criteria-engine';
import { loadRulesetFile, readAssessmentFile } from '@lcz/criteria-engine/node';
import { REPOSITORY_ROOT } from '../../src/tooling/build-bundles.js';
import { DESKTOP, focusedId, openSite, PHONE, type Site } from './harness.js';

const EXAMPLE = '/examples/web-embed/';
let site: Site;
let recognised: Assessment;

beforeAll(async () => {
  const rules = await loadRulesetFile(join(REPOSITORY_ROOT, 'rules/lai-chau-2020-2025'));
  if (!rules.value) throw new Error('the Lai Châu rules do not load');
  const read = await readAssessmentFile(
    join(REPOSITORY_ROOT, 'examples/assessments/recognised-to-dan-pho.yaml'),
    rules.value,
  );
  if (!read.value) throw new Error('the recognised example does not read');
  recognised = read.value;
  site = await openSite();
});

afterAll(async () => {
  await site?.close();
});

async function openExample(viewport: { width: number; height: number } = DESKTOP): Promise<Page> {
  const page = await site.open(EXAMPLE, viewport);
  await page.locator('#lcz-c-unit_kind').waitFor();
  return page;
}

const visible = (page: Page, id: string) => page.locator(`#${id}`).isVisible();

/** Fields visible now, among `ids` (fact ids). */
async function shownFacts(page: Page, ids: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const id of ids) if (await visible(page, `lcz-f-${id}`)) out.push(id);
  return out;
}

const VARIANT_FACTS = [
  'civilised_business_streets',
  'ocop_products',
  'value_chain_models',
  'households_in_new_rural_campaign',
  'households_in_civilised_ward_campaign',
] as const;

async function decisionOf(page: Page): Promise<string> {
  return (await page.locator('lcz-assessment .decision').getAttribute('class')) ?? '';
}

async function waitForDecision(page: Page, decision: 'recognised' | 'not_recognised' | 'undetermined'): Promise<void> {
  await page.locator(`lcz-assessment .decision.decision--${decision}`).waitFor();
}

describe('<lcz-assessment> in Chromium (examples/web-embed)', () => {
  it('an urban area (tổ dân phố in a phường) is asked only the urban variants’ facts', async () => {
    const page = await openExample();
    // Nothing chosen yet: every kind of area is possible, so every variant's facts are asked.
    expect(await shownFacts(page, VARIANT_FACTS)).toEqual([...VARIANT_FACTS]);
    expect(await visible(page, 'lcz-c-agricultural')).toBe(true);

    await page.selectOption('#lcz-c-unit_kind', 'to_dan_pho');
    // `agricultural` is required only for a bản (required_when): hidden for a tổ dân phố.
    expect(await visible(page, 'lcz-c-agricultural')).toBe(false);
    await page.selectOption('#lcz-c-parent_kind', 'phuong');
    expect(await shownFacts(page, VARIANT_FACTS)).toEqual([
      'civilised_business_streets',
      'households_in_civilised_ward_campaign',
    ]);
    // Facts of unvaried criteria stay; the usage note names the criteria that read the field.
    expect(await visible(page, 'lcz-f-households')).toBe(true);
    expect(await page.locator('[data-fact="households"] .used-by').textContent()).toBe(
      'Dùng cho: 1.3, 1.4, 4.4, 6.3, D4',
    );

    // A tổ dân phố in a xã breaks the ruleset's context rule: its own message is shown.
    await page.selectOption('#lcz-c-parent_kind', 'xa');
    const rule = page.locator('#lcz-context-msg');
    await rule.waitFor();
    expect(await rule.textContent()).toContain('Tổ dân phố thuộc phường');
    expect(await decisionOf(page)).toBe('decision');
    await page.selectOption('#lcz-c-parent_kind', 'phuong');
    expect(await rule.isVisible()).toBe(false);
    await page.close();
  });

  it('a rural area (agricultural bản in a xã) is asked the rural variants’ facts; a non-agricultural bản neither 2.3 variant', async () => {
    const page = await openExample();
    await page.selectOption('#lcz-c-unit_kind', 'ban');
    expect(await visible(page, 'lcz-c-agricultural')).toBe(true);
    await page.selectOption('#lcz-c-parent_kind', 'xa');
    await page.selectOption('#lcz-c-agricultural', 'true');
    expect(await shownFacts(page, VARIANT_FACTS)).toEqual([
      'ocop_products',
      'value_chain_models',
      'households_in_new_rural_campaign',
    ]);

    await page.selectOption('#lcz-c-agricultural', 'false');
    expect(await shownFacts(page, VARIANT_FACTS)).toEqual(['households_in_new_rural_campaign']);
    expect(await page.locator('lcz-assessment .note').textContent()).toMatch(/^4 ô không áp dụng/);
    await page.close();
  });

  it('the decision follows criterion 1.3 across its 98% boundary as the user types', async () => {
    const page = await openExample();
    await page.locator('lcz-assessment').evaluate((el, value) => {
      (el as HTMLElementTagNameMap['lcz-assessment']).assessment = value;
    }, recognised);
    await waitForDecision(page, 'recognised');
    const live = page.locator('lcz-assessment .decision');
    expect(await live.getAttribute('aria-live')).toBe('polite');
    expect(await live.textContent()).toBe('Kết luận: ĐƯỢC CÔNG NHẬN');
    expect(await page.locator('#lcz-f-households').inputValue()).toBe('212');

    // 98% of 212 households is 207.76: 208 law-abiding households pass, 207 do not.
    await page.fill('#lcz-f-households_law_abiding', '208');
    await waitForDecision(page, 'recognised');
    expect(await page.locator('[data-criterion="1.3"]').getAttribute('data-status')).toBe('pass');
    await page.fill('#lcz-f-households_law_abiding', '207');
    await waitForDecision(page, 'not_recognised');
    expect(await live.textContent()).toBe('Kết luận: KHÔNG ĐƯỢC CÔNG NHẬN');
    expect(await page.locator('[data-criterion="1.3"]').getAttribute('data-status')).toBe('fail');
    const group1 = page.locator('details[data-group="1"] summary');
    expect(await group1.textContent()).toContain('đạt 3/4 · cần 4');
    // The gap analysis names the change that would make the area recognised again.
    const plan = page.locator('lcz-assessment .plan');
    expect(await plan.textContent()).toContain('207 → 208 (208/212 ≥ 98%)');
    await site.screenshot(page, 'component-desktop-not-recognised');

    // Its button takes the keyboard to the field.
    await plan.locator('button[data-go-to="households_law_abiding"]').click();
    expect(await focusedId(page)).toBe('lcz-f-households_law_abiding');
    await page.keyboard.press('ArrowUp'); // a number input steps by 1: 208
    await waitForDecision(page, 'recognised');
    await page.close();
  });

  it('a part larger than its whole, or out of bounds, gets a message at the field and is not counted', async () => {
    const page = await openExample();
    await page.locator('lcz-assessment').evaluate((el, value) => {
      (el as HTMLElementTagNameMap['lcz-assessment']).assessment = value;
    }, recognised);
    await waitForDecision(page, 'recognised');

    await page.fill('#lcz-f-households_law_abiding', '300');
    const message = page.locator('#lcz-f-households_law_abiding-msg');
    await message.waitFor();
    expect(await message.textContent()).toBe(
      'Không được lớn hơn “Tổng số hộ gia đình trong khu dân cư” (212) vì là một phần của số đó; đã nhập 300. Kiểm tra lại cả hai số.',
    );
    expect(await page.locator('#lcz-f-households_law_abiding').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#lcz-f-households_law_abiding').getAttribute('aria-describedby')).toContain(
      'lcz-f-households_law_abiding-msg',
    );
    // Left out (unknown), so 1.3 is undecided and so is the decision.
    await waitForDecision(page, 'undetermined');
    expect(await page.locator('lcz-assessment .warn').textContent()).toBe(
      '1 ô có lỗi chưa được tính (coi như chưa có dữ liệu) cho đến khi sửa.',
    );
    await site.screenshot(page, 'component-desktop-part-exceeds-whole');

    await page.fill('#lcz-f-households_law_abiding', '-1');
    await page.locator('#lcz-f-households_law_abiding-msg', { hasText: 'Phải từ 0 trở lên; đã nhập -1.' }).waitFor();
    await page.fill('#lcz-f-key_titles', '2.5');
    await page.locator('#lcz-f-key_titles-msg', { hasText: 'Phải là số nguyên' }).waitFor();

    await page.fill('#lcz-f-key_titles', String(recognised.facts['key_titles']));
    await page.fill('#lcz-f-households_law_abiding', '210');
    await waitForDecision(page, 'recognised');
    expect(await message.isVisible()).toBe(false);
    expect(await page.locator('#lcz-f-households_law_abiding').getAttribute('aria-invalid')).toBeNull();
    await page.close();
  });

  it('switches to English and back, keeping what was entered', async () => {
    const page = await openExample();
    await page.selectOption('#lcz-c-unit_kind', 'ban');
    await page.fill('#lcz-f-households', '120');
    const toggle = page.locator('lcz-assessment button.lang');
    expect(await toggle.textContent()).toBe('English');
    await toggle.click();
    expect(await page.locator('lcz-assessment').getAttribute('lang')).toBe('en');
    expect(await page.locator('.section--context legend').textContent()).toBe('About the area');
    expect(await page.locator('label[for="lcz-f-households"]').textContent()).toBe(
      'Total households in the residential area (households)',
    );
    expect(await page.locator('#lcz-c-unit_kind option:checked').textContent()).toBe('Village');
    expect(await page.locator('#lcz-f-households').inputValue()).toBe('120');
    expect(await page.locator('lcz-assessment .decision').textContent()).toBe(
      'Choose the characteristics of the area to see the result.',
    );
    // Focus stays on the switch, so a keyboard user can switch back at once.
    expect(
      await page.evaluate(() => document.querySelector('lcz-assessment')?.shadowRoot?.activeElement?.className),
    ).toBe('lang');
    await site.screenshot(page, 'component-desktop-english');
    await page.keyboard.press('Enter');
    expect(await page.locator('.section--context legend').textContent()).toBe('Đặc điểm khu dân cư');
    await page.close();
  });

  it('is usable with the keyboard alone: Tab reaches the context and the fields that apply, in order', async () => {
    const page = await openExample();
    const order: string[] = [];
    for (let i = 0; i < 6 && !order.includes('lcz-c-unit_kind'); i++) {
      await page.keyboard.press('Tab');
      order.push(await focusedId(page));
    }
    expect(order.at(-1)).toBe('lcz-c-unit_kind');
    await page.keyboard.press('ArrowDown'); // first value: tổ dân phố
    expect(await page.locator('#lcz-c-unit_kind').inputValue()).toBe('to_dan_pho');
    await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe('lcz-c-parent_kind');
    await page.keyboard.press('ArrowDown'); // phường
    // `agricultural` is hidden for a tổ dân phố: Tab goes past it to the first fact.
    await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe('lcz-f-households');
    await page.keyboard.type('150');
    await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe('lcz-f-households_law_abiding');
    await page.keyboard.type('149');
    expect(await page.locator('#lcz-f-households').inputValue()).toBe('150');
    await page.locator('[data-criterion="1.3"][data-status="pass"]').waitFor();
    // Hidden fields are never focusable: walk the whole form.
    const visited = new Set<string>();
    for (let i = 0; i < 120; i++) {
      await page.keyboard.press('Tab');
      visited.add(await focusedId(page));
    }
    expect(visited.has('lcz-c-agricultural')).toBe(false);
    expect(visited.has('lcz-f-ocop_products')).toBe(false);
    expect(visited.has('lcz-f-civilised_business_streets')).toBe(true);
    await page.close();
  });

  it('fits a 360 px phone screen without sideways scrolling, and looks right on a desktop', async () => {
    const phone = await openExample(PHONE);
    await phone.locator('lcz-assessment').evaluate((el, value) => {
      (el as HTMLElementTagNameMap['lcz-assessment']).assessment = value;
    }, recognised);
    await waitForDecision(phone, 'recognised');
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    // The sticky bar keeps the decision in sight while filling the form on a small screen.
    const bar = phone.locator('lcz-assessment .minibar');
    expect(await bar.isVisible()).toBe(true);
    expect(await bar.textContent()).toContain('ĐƯỢC CÔNG NHẬN');
    await site.screenshot(phone, 'component-phone-top');
    await phone.locator('#lcz-f-households_law_abiding').scrollIntoViewIfNeeded();
    await phone.fill('#lcz-f-households_law_abiding', '300');
    await phone.locator('#lcz-f-households_law_abiding-msg').waitFor();
    await site.screenshot(phone, 'component-phone-field-message');
    await bar.locator('button').click();
    expect(await phone.evaluate(() => document.querySelector('lcz-assessment')?.shadowRoot?.activeElement?.id)).toBe(
      'lcz-result-heading',
    );
    await site.screenshot(phone, 'component-phone-result');
    await phone.close();

    const desktop = await openExample(DESKTOP);
    expect(await desktop.locator('lcz-assessment .minibar').isVisible()).toBe(false);
    await site.screenshot(desktop, 'component-desktop-empty');
    await desktop.close();
  });

  it('has text with at least 4.5:1 contrast against its background everywhere (WCAG AA)', async () => {
    const page = await openExample();
    await page.locator('lcz-assessment').evaluate((el, value) => {
      (el as HTMLElementTagNameMap['lcz-assessment']).assessment = value;
    }, recognised);
    await page.fill('#lcz-f-households_law_abiding', '300'); // a field message, an undetermined decision
    await page.locator('#lcz-f-households_law_abiding-msg').waitFor();
    const worst = await page.locator('lcz-assessment').evaluate((host) => {
      const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
      const lum = ([r = 0, g = 0, b = 0]: number[]) =>
        [r, g, b]
          .map((v) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4))
          .reduce((s, v, i) => s + v * ([0.2126, 0.7152, 0.0722][i] ?? 0), 0);
      const background = (el: Element | null): number[] => {
        for (let e = el; e; e = e.parentElement ?? (e.getRootNode() as ShadowRoot).host ?? null) {
          const c = rgb(getComputedStyle(e).backgroundColor);
          if (c.length < 4 || c[3] !== 0) return c;
        }
        return [255, 255, 255];
      };
      const results: { ratio: number; text: string }[] = [];
      for (const el of Array.from(host.shadowRoot?.querySelectorAll('*') ?? [])) {
        const own = Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim());
        if (!own || !(el as HTMLElement).offsetParent) continue;
        const [a, b] = [lum(rgb(getComputedStyle(el).color)), lum(background(el))];
        results.push({
          ratio: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05),
          text: el.textContent?.slice(0, 40) ?? '',
        });
      }
      return results.sort((x, y) => x.ratio - y.ratio).slice(0, 3);
    });
    expect(worst.length).toBeGreaterThan(0);
    expect(worst[0]?.ratio, JSON.stringify(worst)).toBeGreaterThanOrEqual(4.5);
    await page.close();
  });

  it('says what is wrong when the rules cannot be fetched or have errors', async () => {
    const page = await openExample();
    await page.evaluate(() => {
      const missing = document.createElement('lcz-assessment');
      missing.id = 'missing';
      missing.setAttribute('rules-src', 'no-such-rules.yaml');
      const broken = document.createElement('lcz-assessment');
      broken.id = 'broken';
      broken.setAttribute('lang', 'en');
      document.body.replaceChildren(missing, broken);
      broken.ruleset = 'format: 1\nid: Bad Id\n';
    });
    const missing = page.locator('#missing [role="alert"]');
    await missing.waitFor();
    expect(await missing.textContent()).toContain('Không tải được bộ quy tắc từ no-such-rules.yaml: HTTP 404');
    const broken = page.locator('#broken [role="alert"]');
    expect(await broken.textContent()).toMatch(/ruleset\.yaml:2:5: error \[/);
    // The 404 above is the point of this test.
    site.problems.splice(0, site.problems.length, ...site.problems.filter((p) => !p.includes('404')));
    await page.close();
  });

  it('raised no page errors and no console errors', () => {
    expect(site.problems).toEqual([]);
  });
});
