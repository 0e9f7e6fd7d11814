/**
 * renderDiff: the 2020–2025 → 2026–2030 draft diff as text and Markdown, in Vietnamese and
 * English: thresholds with the facts' labels and units, word diffs, the planted changes, and the
 * areas whose decision changes. The message catalogues agree on keys and placeholders.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { parse as parseYamlText } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { Assessment } from '../../../src/evaluate/assessment.js';
import {
  compareDecision,
  diffMessagesEn,
  diffMessagesVi,
  diffRulesets,
  renderDiff,
  summariseDecisions,
  type AreaDecision,
  type RenderDiffOptions,
} from '../../../src/explain/diff/index.js';
import { placeholders } from '../../../src/explain/text-tools.js';
import { changed, newRules, oldRules, ROOT } from './fixtures.js';

const diff = diffRulesets(oldRules, newRules);
const rulesets = { before: oldRules, after: newRules };
const render = (options: RenderDiffOptions = {}) => renderDiff(diff, rulesets, options);
const flat = (s: string) => s.replace(/\s+/g, ' ');

const impact = summariseDecisions(
  ['examples/assessments', 'examples/survey-2020'].flatMap((dir) =>
    readdirSync(`${ROOT}${dir}`)
      .filter((f) => f.endsWith('.yaml'))
      .sort()
      .map((f) => {
        const input = parseYamlText(readFileSync(`${ROOT}${dir}/${f}`, 'utf8')) as Assessment;
        const checked = oldRules.validateAssessment(input);
        return compareDecision(oldRules, newRules, checked.value as Assessment, { file: `${dir}/${f}` })
          .value as AreaDecision;
      }),
  ),
);

describe('renderDiff as text', () => {
  it('is Vietnamese by default, every planted change in its section', () => {
    const text = render();
    const sections = [
      'SO SÁNH HAI PHIÊN BẢN BỘ TIÊU CHÍ',
      'THÔNG TIN CHUNG',
      'TIÊU CHÍ',
      'QUY TẮC CÔNG NHẬN',
      'DỮ KIỆN (SỐ LIỆU ĐẦU VÀO)',
    ];
    const at = sections.map((s) => text.indexOf(`\n${s}\n`) >= 0 || text.startsWith(`${s}\n`));
    expect(at).toEqual(sections.map(() => true));
    const f = flat(text);
    expect(f).toContain('Cũ: lai-chau-khu-dan-cu-tu-quan, phiên bản 2020-2025 (hiệu lực 2020-01-01 – 2025-12-31)');
    expect(f).toContain(
      'Mới: lai-chau-khu-dan-cu-tu-quan, phiên bản 2026-2030-draft (hiệu lực 2026-01-01 – 2030-12-31)',
    );
    expect(f).toContain('Tiêu chí: thêm 1, bỏ 1, đổi số thứ tự 0, thay đổi 4.');
    expect(f).toContain('• + 2.9 (tiêu chuẩn 2): Có mô hình thanh toán không dùng tiền mặt');
    expect(f).toContain('• − 3.7 (tiêu chuẩn 3): Không để xảy ra tình trạng ùn tắc giao thông.');
    expect(f).toContain('- Ngưỡng: ≥ 98% → ≥ 95% số hộ (tỷ lệ "Số hộ nghiêm chỉnh thực hiện');
    expect(f).toContain('trên "Tổng số hộ gia đình trong khu dân cư")');
    expect(f).toContain('- Nội dung: [-98%-]{+95%+} trở lên các hộ nghiêm chỉnh');
    expect(f).toContain('duy trì vệ sinh công cộng [-từ 1-2-]{+ít nhất 01+} lần/tháng.');
    expect(f).toContain('- Khi không có phương án nào phù hợp (no_variant): không áp dụng → không đạt');
    expect(f).toContain('- Khi không áp dụng (not_applicable): không tính vào tiêu chuẩn → (không có)');
    expect(f).toContain('• Tiêu chí 4.3 nay bắt buộc phải đạt: Bản, tổ dân phố được công nhận “khu dân cư văn hóa”.');
    // A fact by its label first, its name and type after.
    expect(f).toContain(
      '• Xảy ra tình trạng ùn tắc giao thông (traffic_congestion_occurred, có/không). Phiếu đánh giá có số liệu này: phiên bản mới không đọc.',
    );
    expect(f).toContain('• Số hộ bán sản phẩm qua thương mại điện tử (ecommerce_selling_households, số nguyên)');
    expect(f).toContain('• Hiệu lực từ: 2020-01-01 → 2026-01-01');
    // A line per standard whose size moved: 80% of 9 criteria is 8, of 6 is 5.
    expect(f).toContain('• Tiêu chuẩn 2: 8 → 9 tiêu chí, cần 8 (trước đây cần 7)');
    expect(f).toContain('• Tiêu chuẩn 3: 7 → 6 tiêu chí, cần 5 (trước đây cần 6)');
    // The word-diff markers explained once, before the first of them; a number never split.
    expect(f).toContain('Chú thích: [-…-] là chữ của phiên bản cũ đã bỏ, {+…+} là chữ của phiên bản mới thêm vào.');
    expect(text.indexOf('Chú thích:')).toBeLessThan(text.indexOf('[-'));
    expect(text.split('Chú thích:').length).toBe(2);
    expect(f).toContain('giai đoạn [-2020-2025-]{+2026-2030+}');
    expect(text).not.toContain('THAY ĐỔI ĐỐI VỚI CÁC KHU DÂN CƯ');
  });

  it('in English', () => {
    const f = flat(render({ lang: 'en' }));
    expect(f).toContain('COMPARISON OF TWO VERSIONS OF THE RULES');
    expect(f).toContain('- Threshold: ≥ 98% → ≥ 95% of households (ratio of "Households strictly following');
    expect(f).toContain('- Text: [-98%-]{+95%+} or more of households');
    expect(f).toContain('Legend: [-…-] words of the old version taken out, {+…+} words of the new version put in.');
    expect(f).toContain('• Standard 2: 8 → 9 criteria, 8 must pass (before: 7)');
    expect(f).toContain('keep public places clean [-1–2 times-]{+at least 01 time+} a month.');
    expect(f).toContain('- When no variant fits (no_variant): not applicable → not passed');
    expect(f).toContain(
      '• Criterion 4.3 is now mandatory: The village or residential group is recognised as a "cultural residential area".',
    );
    expect(f).toContain('• − 3.7 (standard 3): No traffic congestion is allowed to occur.');
  });

  it('with assessments: the areas whose decision changes, why, and how many stay', () => {
    const vi = flat(render({ impact }));
    expect(vi).toContain('THAY ĐỔI ĐỐI VỚI CÁC ĐỐI TƯỢNG ĐÃ ĐÁNH GIÁ');
    expect(vi).toContain(`Đã đánh giá 11 phiếu theo cả hai phiên bản: ${impact.changed} phiếu đổi kết luận.`);
    expect(vi).toContain('• Bản A (ví dụ) (SP-A), Xã Sùng Phài (examples/assessments/not-recognised-ban.yaml)');
    expect(vi).toContain('- Kết luận: KHÔNG ĐƯỢC CÔNG NHẬN → ĐƯỢC CÔNG NHẬN');
    expect(vi).toContain('- tiêu chuẩn 1: không đạt (đạt 3/4, cần 4) → đạt (đạt 4/4, cần 4)');
    expect(vi).toContain('- tiêu chí 1.3: không đạt → đạt');
    expect(vi).toContain('- phiên bản mới không đọc: traffic_congestion_occurred');
    // Every change either the rules' or the data's, and each listed in its own place.
    expect(impact.changed_by_rules + impact.changed_by_missing_data).toBe(impact.changed);
    const byData = impact.areas.filter((a) => a.cause === 'missing_new_facts');
    expect(byData.every((a) => a.after === 'undetermined' && a.missing_new.length > 0)).toBe(true);
    expect(byData.length).toBeGreaterThan(0);
    expect(vi).toContain(
      `Trong đó ${impact.changed_by_rules} phiếu đổi do quy tắc mới, ${byData.length} phiếu chỉ vì dữ liệu cũ`,
    );
    expect(vi).toContain(`Đổi kết luận chỉ vì dữ liệu cũ thiếu dữ kiện mới (${byData.length})`);
    expect(vi).toContain(`Giữ nguyên kết luận: ${11 - impact.changed} phiếu.`);
    const en = flat(render({ lang: 'en', impact }));
    expect(en).toContain('- Decision: NOT RECOGNISED → RECOGNISED');
    expect(en).toContain('- standard 1: not met (3/4 passed, needs 4) → met (4/4 passed, needs 4)');
    expect(en).toContain('- criterion 2.9: (not in this version) → unknown');
  });

  it('counts an area given in two files once, names both files, and says so', () => {
    // The same assessments read twice (a CSV and the workbook saved from it, say).
    const twice = summariseDecisions([
      ...impact.areas,
      ...impact.areas.map((a) => ({ ...a, source: { file: `copy/${a.source.file}` } })),
    ]);
    expect(twice.assessed).toBe(impact.assessed);
    expect(twice.changed).toBe(impact.changed);
    expect(twice.duplicates).toBe(impact.assessed);
    const first = twice.areas.find((a) => a.source.file === 'examples/assessments/not-recognised-ban.yaml');
    expect(first?.also_in).toEqual([{ file: 'copy/examples/assessments/not-recognised-ban.yaml' }]);
    const vi = flat(render({ impact: twice }));
    expect(vi).toContain(`Đã đánh giá 11 phiếu theo cả hai phiên bản: ${impact.changed} phiếu đổi kết luận.`);
    expect(vi).toContain('11 phiếu khác trùng với một phiếu ở tệp khác');
    expect(vi).toContain(
      '(examples/assessments/not-recognised-ban.yaml, copy/examples/assessments/not-recognised-ban.yaml)',
    );
    // Two assessments of one area that disagree are both kept.
    const other = { ...impact.areas[0], source: { file: 'other.yaml' }, after: 'recognised' } as AreaDecision;
    const disagree = summariseDecisions([{ ...(impact.areas[0] as AreaDecision), after: 'not_recognised' }, other]);
    expect(disagree.assessed).toBe(2);
    expect(disagree.duplicates).toBe(0);
  });

  it('names variants by their label and words their thresholds', () => {
    const variant = `          - id: ban_phi_nong_nghiep
            when: "unit_kind == 'ban' and not agricultural"
            label: { vi: "Bản không sản xuất nông nghiệp", en: "Non-agricultural village" }
            condition: { fact: typical_economic_models, at_least: 2 }
`;
    const after = changed(['        no_variant: not_applicable\n', `${variant}        no_variant: not_applicable\n`]);
    const vi = flat(renderDiff(diffRulesets(oldRules, after), { before: oldRules, after }));
    expect(vi).toContain('- Thêm phương án “Bản không sản xuất nông nghiệp”: đạt khi "Số mô hình phát triển kinh tế');
    expect(vi).toMatch(/đạt khi "[^"]+" ≥ 2 mô hình/);
    expect(vi).not.toContain("unit_kind == 'ban'");
    const en = flat(renderDiff(diffRulesets(oldRules, after), { before: oldRules, after }, { lang: 'en' }));
    expect(en).toContain('- Variant “Non-agricultural village” added: passes when "');
  });

  it('colours removed words red and added words green only when asked', () => {
    expect(render()).not.toContain('\u001b[');
    expect(render({ color: true })).toContain('\u001b[31m[-98%-]\u001b[0m\u001b[32m{+95%+}\u001b[0m');
  });

  it('says so when the two versions read the same', () => {
    const same = renderDiff(diffRulesets(oldRules, oldRules), { before: oldRules, after: oldRules });
    expect(flat(same)).toContain('Hai phiên bản có nội dung như nhau');
    expect(same).not.toContain('\nTIÊU CHÍ\n');
  });

  it('writes ordinal thresholds with the values’ labels, and empty-whole policies', () => {
    const after = changed(
      ['at_least: hoan_thanh_tot_nhiem_vu', 'at_least: hoan_thanh_nhiem_vu'],
      ['if_whole_zero: pass   # Q4: no fixed businesses means none is unregistered.', 'if_whole_zero: fail'],
      [
        'condition: { fact: cultural_area_recognised, is: true }',
        'condition: "cultural_area_recognised and civilised_street_registered"',
      ],
    );
    const f = flat(renderDiff(diffRulesets(oldRules, after), { before: oldRules, after }));
    expect(f).toContain(
      '- Ngưỡng: "Xếp loại Chi bộ tổ dân phố, bản": ≥ Hoàn thành tốt nhiệm vụ → ≥ Hoàn thành nhiệm vụ',
    );
    expect(f).toContain('- Ngưỡng: khi "Số hộ kinh doanh cố định" bằng 0: đạt → không đạt');
    expect(f).toContain(
      '- Điều kiện: - trước: cultural_area_recognised == true - sau: cultural_area_recognised and civilised_street_registered',
    );
  });
});

describe('renderDiff as Markdown', () => {
  it('headings, lists, strike-through and bold for the word diff (Vietnamese)', () => {
    const md = render({ format: 'md', impact });
    expect(md.startsWith('# SO SÁNH HAI PHIÊN BẢN BỘ TIÊU CHÍ\n\n- **Cũ**: ')).toBe(true);
    for (const heading of [
      '## TIÊU CHÍ',
      '### Thêm mới (1)',
      '### Bỏ (1)',
      '### Thay đổi (4)',
      '## QUY TẮC CÔNG NHẬN',
      '## DỮ KIỆN (SỐ LIỆU ĐẦU VÀO)',
      '## THAY ĐỔI ĐỐI VỚI CÁC ĐỐI TƯỢNG ĐÃ ĐÁNH GIÁ',
    ]) {
      expect(md.split('\n')).toContain(heading);
    }
    expect(md).toContain('- **1.3**\n  - Nội dung: ~~98%~~**95%** trở lên');
    expect(md).toContain('  - Ngưỡng: **≥ 98% → ≥ 95%** số hộ (tỷ lệ');
    expect(md).toContain('duy trì vệ sinh công cộng ~~từ 1-2~~ **ít nhất 01** lần/tháng.'.replace('~~ **', '~~**'));
    expect(md).toContain('- Xảy ra tình trạng ùn tắc giao thông (`traffic_congestion_occurred`, có/không)');
    expect(md).toContain(
      'Chú thích: ~~gạch ngang~~ là chữ của phiên bản cũ đã bỏ, **chữ đậm** là chữ của phiên bản mới thêm vào.',
    );
    expect(md).toContain(
      '| Đối tượng được đánh giá | Tệp | Kết luận | Vì sao |\n| --- | --- | --- | --- |\n| Bản A (ví dụ) (SP-A), Xã Sùng Phài | `examples/assessments/not-recognised-ban.yaml` | **KHÔNG ĐƯỢC CÔNG NHẬN** → **ĐƯỢC CÔNG NHẬN** |',
    );
    expect(md).not.toMatch(/\n\n\n/);
  });

  it('in English, with the text of the rule files escaped', () => {
    const md = render({ format: 'md', lang: 'en' });
    expect(md).toContain('# COMPARISON OF TWO VERSIONS OF THE RULES');
    // "[ILLUSTRATIVE DRAFT…]" in the new title must not become a link.
    expect(md).toContain('\\[ILLUSTRATIVE DRAFT, NOT AN OFFICIAL DOCUMENT\\]');
    expect(md).toContain('- **1.3**\n  - Text: ~~98%~~**95%** or more of households');
  });
});

describe('diff messages', () => {
  it('vi and en define the same keys and placeholders', () => {
    expect(Object.keys(diffMessagesVi).sort()).toEqual(Object.keys(diffMessagesEn).sort());
    for (const key of Object.keys(diffMessagesEn) as (keyof typeof diffMessagesEn)[]) {
      expect(placeholders(diffMessagesVi[key]), key).toEqual(placeholders(diffMessagesEn[key]));
    }
  });
});
