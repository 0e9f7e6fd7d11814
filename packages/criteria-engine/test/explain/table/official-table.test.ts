/**
 * officialTable and its renderers on the Lai Châu rules: the rows of the source's table (numbers
 * and kinds), blank and filled cells, the generic headings when none are given, escaping of text
 * that would break Markdown or HTML, and the message catalogues.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse as parseYamlText } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { Assessment } from '../../../src/evaluate/assessment.js';
import { placeholders } from '../../../src/explain/text-tools.js';
import {
  officialTable,
  renderTableHtml,
  renderTableMarkdown,
  tableMessagesEn,
  tableMessagesVi,
  type TableHeadings,
} from '../../../src/explain/table/index.js';
import { loadRulesetOrThrow } from '../../../src/load-ruleset.js';

const ROOT = fileURLToPath(new URL('../../../../../', import.meta.url));
const FILE = `${ROOT}rules/lai-chau-2020-2025/ruleset.yaml`;
const TEXT = readFileSync(FILE, 'utf8');
const rules = loadRulesetOrThrow(TEXT, { file: FILE });
const headings = parseYamlText(readFileSync(`${ROOT}rules/lai-chau-2020-2025/table.yaml`, 'utf8')) as TableHeadings & {
  format: number;
};
const evaluate = (name: string) => {
  const checked = rules.validateAssessment(
    parseYamlText(readFileSync(`${ROOT}examples/assessments/${name}.yaml`, 'utf8')),
  );
  return rules.evaluate(checked.value as Assessment);
};

describe('officialTable', () => {
  it('the rows of the source table: section I, standards and criteria, section II, numbered cases', () => {
    const table = officialTable(rules, { headings });
    expect(table.rows.map((r) => `${r.kind}:${r.number}`).slice(0, 7)).toEqual([
      'section:I',
      'group:1',
      'criterion:1.1',
      'criterion:1.2',
      'criterion:1.3',
      'criterion:1.4',
      'group:2',
    ]);
    expect(table.rows.filter((r) => r.kind === 'criterion')).toHaveLength(41);
    expect(table.rows.filter((r) => r.kind === 'disqualifier').map((r) => r.number)).toEqual(['1', '2', '3', '4']);
    expect(table.rows.find((r) => r.number === 'II')?.lines).toEqual([
      'Các trường hợp không đảm bảo khu dân cư (tổ dân phố, bản) phát triển toàn diện',
    ]);
    expect(table.rows.find((r) => r.number === '2.3')?.lines).toHaveLength(2);
    expect(table.title).toBe('BIỂU CÁC TIÊU CHÍ ĐÁNH GIÁ KHU DÂN CƯ (TỔ DÂN PHỐ, BẢN) TỰ QUẢN PHÁT TRIỂN TOÀN DIỆN');
    expect(table.note?.text.startsWith('Tổ dân phố, bản được công nhận')).toBe(true);
    expect(table.filled).toBe(false);
    expect(table.rows.every((r) => r.mark === null && r.remark === '')).toBe(true);
  });

  it('without headings: the generic ones, in the language asked for', () => {
    expect(
      officialTable(rules)
        .rows.filter((r) => r.kind === 'section')
        .map((r) => r.lines[0]),
    ).toEqual(['Tiêu chí đánh giá', 'Các trường hợp không đảm bảo']);
    expect(
      officialTable(rules, { lang: 'en' })
        .rows.filter((r) => r.kind === 'section')
        .map((r) => r.lines[0]),
    ).toEqual(['Assessment criteria', 'Cases that block recognition']);
  });

  it('filled in: marks from the statuses, remarks for the unknown and the not applicable, the decision', () => {
    const table = officialTable(rules, { headings, result: evaluate('undetermined-ban') });
    const row = (n: string, kind = 'criterion') => table.rows.find((r) => r.number === n && r.kind === kind);
    expect(row('4.1')).toMatchObject({ mark: null, remark: 'Chưa rõ' });
    expect(row('1.3')).toMatchObject({ mark: 'pass', remark: '' });
    expect(row('2.3')).toMatchObject({ mark: 'pass', remark: 'Áp dụng: Bản sản xuất nông nghiệp' });
    expect(row('1', 'group')).toMatchObject({ mark: 'pass', remark: 'Đạt 4/4, cần 4' });
    expect(table.rows.filter((r) => r.kind === 'group' && r.mark === null).map((r) => [r.number, r.remark])).toEqual([
      ['6', 'Chưa rõ: đạt 6/8, cần 7'],
    ]);
    expect(table.decision.value).toBe('CHƯA ĐỦ CĂN CỨ ĐỂ KẾT LUẬN');
    expect(table.decision.reasons).toEqual([
      expect.stringMatching(/^còn thiếu số liệu để kết luận về: Tiêu chuẩn 6: .*; tiêu chí 4\.1$/),
    ]);
    expect(table.fields[0]).toEqual({ label: 'Khu dân cư', value: 'Bản B (ví dụ) (mã: ST-B)' });

    const ward = officialTable(rules, { headings, result: evaluate('disqualified-ban-in-ward') });
    expect(ward.rows.find((r) => r.number === '2.3')).toMatchObject({ mark: null, remark: 'Không áp dụng' });
    expect(ward.rows.find((r) => r.number === '2.1')).toMatchObject({
      mark: 'fail',
      remark: 'Không áp dụng (tính là không đạt)',
    });
    expect(ward.rows.find((r) => r.kind === 'disqualifier' && r.number === '4')).toMatchObject({
      mark: 'fail',
      remark: 'Thuộc trường hợp này',
    });
    expect(ward.decision.reasons).toContain(
      'thuộc trường hợp số 4: Có từ 10% trở lên số hộ vi phạm các quy định của tổ dân phố, bản, của xã, phường, thành phố Lai Châu.',
    );
  });
});

describe('the renderers escape what the rule file says', () => {
  // A criterion text with characters that mean something in Markdown and HTML.
  const tricky = loadRulesetOrThrow(
    TEXT.replace(
      'vi: "Tổ dân phố, bản không có hộ nghèo."',
      'vi: "Không có hộ nghèo | <b>cận nghèo</b> & *khó khăn* [x]."',
    ),
    { file: 'tricky.yaml' },
  );

  it('Markdown: the cell stays one cell, no emphasis, no link, no HTML', () => {
    const md = renderTableMarkdown(officialTable(tricky));
    expect(md).toContain('| 5.2 | Không có hộ nghèo \\| \\<b\\>cận nghèo\\</b\\> & \\*khó khăn\\* \\[x\\]. |  |  |  |');
  });

  it('HTML: text, never markup', () => {
    const html = renderTableHtml(officialTable(tricky));
    expect(html).toContain(
      '<td class="content"><p>Không có hộ nghèo | &lt;b&gt;cận nghèo&lt;/b&gt; &amp; *khó khăn* [x].</p></td>',
    );
    expect(html).not.toContain('<b>cận');
  });
});

describe('table messages', () => {
  it('vi and en define the same keys and placeholders', () => {
    expect(Object.keys(tableMessagesVi).sort()).toEqual(Object.keys(tableMessagesEn).sort());
    for (const key of Object.keys(tableMessagesEn) as (keyof typeof tableMessagesEn)[]) {
      expect(placeholders(tableMessagesVi[key]), key).toEqual(placeholders(tableMessagesEn[key]));
    }
  });
});
