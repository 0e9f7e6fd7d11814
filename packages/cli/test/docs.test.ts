/**
 * `lcz docs` in-process: the Markdown table reproduces the seed's table row by row (number and
 * Vietnamese text); the English table; the filled-in table from an assessment; HTML; table.yaml
 * and assessment problems located; usage errors.
 */
import { mkdtemp, readFile, rm, writeFile, cp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lcz } from './helpers.js';
import { readMarkdownTable, readSeedTable } from './seed-table.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const RULES = 'rules/lai-chau-2020-2025';
const run = (argv: string[]) => lcz(argv, { cwd: ROOT });

let temp = '';
beforeAll(async () => {
  temp = await mkdtemp(join(tmpdir(), 'lcz-docs-'));
});
afterAll(async () => {
  if (temp !== '') await rm(temp, { recursive: true, force: true });
});

describe('lcz docs reproduces the source table', () => {
  it('row by row: every number and Vietnamese text of the seed, in order, and nothing else', async () => {
    const { code, stdout, stderr } = await run(['docs', '--rules', RULES]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const seed = readSeedTable();
    const generated = readMarkdownTable(stdout);
    // 2 sections + 6 standards + 41 criteria + 4 disqualifying cases.
    expect(seed.rows).toHaveLength(53);
    expect(generated.rows.map((r) => r.number)).toEqual(seed.rows.map((r) => r.number));
    // The one line the seed does not have: the marker of a mandatory criterion, from
    // recognition.mandatory (the seed says it in the note under the table).
    const MARKER = '(Tiêu chí bắt buộc: phải đạt thì mới được công nhận)';
    const marked = generated.rows.filter((r) => r.text.endsWith(MARKER)).map((r) => r.number);
    expect(marked).toEqual(['4.1']);
    const rows = generated.rows.map((r) => ({
      ...r,
      text: r.text.replace(new RegExp(`\\s*${escapeRegExp(MARKER)}$`), ''),
    }));
    for (const [i, row] of seed.rows.entries()) expect(rows[i], `row ${i + 1} (${row.number})`).toEqual(row);
    expect(generated.title).toBe(seed.title);
    expect(generated.note).toBe(seed.note);
  });

  it('prints the columns of the source and blank result cells to fill in', async () => {
    const { stdout } = await run(['docs', '--rules', RULES]);
    expect(stdout).toContain('| Số TT | Nội dung | Kết quả đánh giá: Đạt | Kết quả đánh giá: Không đạt | Ghi chú |');
    expect(stdout).toContain(
      '| 1.3 | 98% trở lên các hộ nghiêm chỉnh thực hiện chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước và các quy định của địa phương. |  |  |  |',
    );
    // Variants as the source shows them, one "- Đối với …" per line.
    expect(stdout).toContain('| 2.3 | - Đối với bản sản xuất nông nghiệp: ');
    expect(stdout).toContain(
      'tiêu thụ sản phẩm.<br>- Đối với Tổ dân phố: Xây dựng được ít nhất một tuyến phố chuyên kinh doanh văn minh. |',
    );
    expect(stdout).toContain('- **Loại khu dân cư**: ☐ Tổ dân phố    ☐ Bản');
    expect(stdout).toContain('**Kết luận:** ☐ Được công nhận    ☐ Không được công nhận');
    expect(stdout).not.toContain('✓');
  });

  it('in English: the English texts, the same rows', async () => {
    const { code, stdout } = await run(['docs', '--rules', RULES, '--lang', 'en']);
    expect(code).toBe(0);
    const rows = readMarkdownTable(stdout).rows;
    expect(rows.map((r) => r.number)).toEqual(readSeedTable().rows.map((r) => r.number));
    expect(stdout).toContain('| No. | Content | Assessment result: Passed | Assessment result: Not passed | Remarks |');
    expect(rows.find((r) => r.number === '1.3')?.text).toBe(
      '98% or more of households strictly follow the lines and policies of the Party, the policies and laws of the State, and the rules of the locality.',
    );
    expect(rows.find((r) => r.number === 'II')?.text).toBe(
      'Cases in which a residential area (residential group, village) is not comprehensively developed',
    );
    expect(stdout).toContain('**Decision:** ☐ Recognised    ☐ Not recognised');
  });

  it('the illustrative draft: its own title, 2.9 added and 3.7 gone', async () => {
    const { code, stdout } = await run(['docs', '--rules', 'rules/lai-chau-2026-2030-draft']);
    expect(code).toBe(0);
    const table = readMarkdownTable(stdout);
    expect(table.title).toContain('(DỰ THẢO MINH HỌA 2026-2030)');
    expect(stdout).toContain('[DỰ THẢO MINH HỌA, KHÔNG PHẢI VĂN BẢN CHÍNH THỨC]'.replace(/[[\]]/g, '\\$&'));
    const numbers = table.rows.map((r) => r.number);
    expect(numbers).toContain('2.9');
    expect(numbers).not.toContain('3.7');
    expect(table.rows.find((r) => r.number === '1.3')?.text.startsWith('95% trở lên')).toBe(true);
  });
});

describe('lcz docs --assessment: the table filled in', () => {
  it('✓ per criterion, remarks, the area on top and the decision below', async () => {
    const { code, stdout, stderr } = await run([
      'docs',
      '--rules',
      RULES,
      '--assessment',
      'examples/assessments/not-recognised-ban.yaml',
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('- **Khu dân cư**: Bản A (ví dụ) (mã: SP-A)');
    expect(stdout).toContain('- **Đơn vị hành chính cấp xã (phường, xã)**: Xã Sùng Phài');
    expect(stdout).toContain('- **Bản sản xuất nông nghiệp**: có');
    expect(stdout).toMatch(/\| \*\*1\*\* \| \*\*Tiêu chuẩn 1: [^|]*\*\* \| {2}\| ✓ \| Đạt 3\/4, cần 4 \|/);
    expect(stdout).toMatch(/\| 1\.3 \| 98% trở lên [^|]* \| {2}\| ✓ \| {2}\|/);
    expect(stdout).toMatch(/\| 1\.1 \| [^|]* \| ✓ \| {2}\| {2}\|/);
    expect(stdout).toMatch(/\| 2\.3 \| [^|]* \| ✓ \| {2}\| Áp dụng: Bản sản xuất nông nghiệp \|/);
    expect(stdout).toMatch(/\| 4 \| Có từ 10% trở lên [^|]* \| ✓ \| {2}\| Không thuộc trường hợp này \|/);
    expect(stdout).toContain('**Kết luận:** **KHÔNG ĐƯỢC CÔNG NHẬN**');
    expect(stdout).toContain(
      '- Tiêu chuẩn 1: Củng cố, kiện toàn nâng cao chất lượng, hiệu quả hoạt động của đội ngũ người hoạt động không chuyên trách và các chức danh khác ở tổ dân phố, bản: đạt 3/4, cần 4',
    );
  });

  it('"Chưa rõ" for what the assessment leaves unknown, "Không áp dụng" for what does not apply', async () => {
    const undetermined = await run([
      'docs',
      '--rules',
      RULES,
      '--assessment',
      'examples/assessments/undetermined-ban.yaml',
    ]);
    expect(undetermined.code).toBe(0);
    expect(undetermined.stdout).toMatch(/\| 4\.1 \| [^|]* \| {2}\| {2}\| Chưa rõ \|/);
    expect(undetermined.stdout).toContain('**Kết luận:** **CHƯA ĐỦ CĂN CỨ ĐỂ KẾT LUẬN**');
    const ward = await run([
      'docs',
      '--rules',
      RULES,
      '--assessment',
      'examples/assessments/disqualified-ban-in-ward.yaml',
    ]);
    expect(ward.stdout).toMatch(/\| 2\.3 \| [^|]* \| {2}\| {2}\| Không áp dụng \|/);
    expect(ward.stdout).toMatch(/\| 4 \| Có từ 10% trở lên số hộ vi phạm [^|]* \| {2}\| ✓ \| Thuộc trường hợp này \|/);
    expect(ward.stdout).toMatch(/\| 2\.1 \| [^|]* \| {2}\| ✓ \| Không áp dụng \(tính là không đạt\) \|/);
    // Under the draft (which dropped 3.7 and its fact) the same bản fails 2.3 instead.
    const withoutDropped = join(temp, 'ward-2026.yaml');
    const text = await readFile(join(ROOT, 'examples/assessments/disqualified-ban-in-ward.yaml'), 'utf8');
    // Dated inside the draft's effective period: a 2024 date is refused by a 2026–2030 ruleset.
    await writeFile(
      withoutDropped,
      text.replace(/^\s*traffic_congestion_occurred:.*$/m, '').replace('date: "2024-10-10"', 'date: "2026-10-10"'),
    );
    const draft = await run(['docs', '--rules', 'rules/lai-chau-2026-2030-draft', '--assessment', withoutDropped]);
    expect(draft.stderr).toBe('');
    expect(draft.code).toBe(0);
    expect(draft.stdout).toMatch(/\| 2\.3 \| [^|]* \| {2}\| ✓ \| {2}\|/);
  });

  it('in English', async () => {
    const { stdout } = await run([
      'docs',
      '--rules',
      RULES,
      '--lang',
      'en',
      '--assessment',
      'examples/assessments/recognised-to-dan-pho.yaml',
    ]);
    expect(stdout).toContain('- **Area**: Tổ dân phố số 7 (code: TP-07)');
    expect(stdout).toContain('**Decision:** **RECOGNISED**');
    expect(stdout).toMatch(/\| 2\.3 \| [^|]* \| ✓ \| {2}\| Applies: Urban residential group \|/);
  });

  it('an invalid assessment: its problems at file:line:column, nothing written, exit 1', async () => {
    const bad = join(temp, 'bad.yaml');
    await writeFile(
      bad,
      'context: { unit_kind: ban, parent_kind: xa, agricultural: true }\nfacts:\n  households: -3\n',
    );
    const out = join(temp, 'never.md');
    const { code, stdout, stderr } = await run(['docs', '--rules', RULES, '--assessment', bad, '--out', out]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/bad\.yaml:3:15: lỗi \[input_range\]/);
    expect(stderr).toContain('chưa ghi biểu');
    await expect(readFile(out, 'utf8')).rejects.toThrow();
  });
});

describe('lcz docs --format html and --out', () => {
  it('writes one self-contained page; the format follows the extension of --out', async () => {
    const out = join(temp, 'bieu.html');
    const { code, stderr } = await run(['docs', '--rules', RULES, '--out', out]);
    expect(code).toBe(0);
    expect(stderr).toContain(`đã ghi ${out}: biểu tiêu chí (html) để trống`);
    const html = await readFile(out, 'utf8');
    expect(html.startsWith('<!doctype html>\n<html lang="vi">')).toBe(true);
    expect(html).toContain('<th colspan="2">Kết quả đánh giá</th>');
    expect(html).toContain('@page { size: A4;');
    expect(html).toContain('thead { display: table-header-group; }');
    expect(html).not.toMatch(/<script|<link|src=|url\(/);
    expect(html.match(/<tr class="criterion"/g)).toHaveLength(41);
    expect(html.match(/<tr class="disqualifier"/g)).toHaveLength(4);
  });

  it('prints HTML on standard output with --format html, filled in and in English', async () => {
    const { code, stdout } = await run([
      'docs',
      '--rules',
      RULES,
      '--format',
      'html',
      '--lang',
      'en',
      '--assessment',
      'examples/assessments/not-recognised-ban.yaml',
    ]);
    expect(code).toBe(0);
    expect(stdout).toContain('<html lang="en">');
    expect(stdout).toContain('<tr class="criterion" data-number="1.3"><td class="number">1.3</td>');
    expect(stdout).toMatch(/data-number="1\.3">.*<td class="mark pass"><\/td><td class="mark fail">✓<\/td>/);
    expect(stdout).toContain('<span class="value">NOT RECOGNISED</span>');
  });
});

describe('table.yaml beside the rules', () => {
  async function rulesWithTable(text: string): Promise<string> {
    const dir = await mkdtemp(join(temp, 'rules-'));
    await cp(join(ROOT, RULES, 'ruleset.yaml'), join(dir, 'ruleset.yaml'));
    await writeFile(join(dir, 'table.yaml'), text);
    return dir;
  }

  it('without one, the generic headings', async () => {
    const dir = await mkdtemp(join(temp, 'rules-'));
    await cp(join(ROOT, RULES, 'ruleset.yaml'), join(dir, 'ruleset.yaml'));
    const { code, stdout } = await run(['docs', '--rules', dir]);
    expect(code).toBe(0);
    const rows = readMarkdownTable(stdout).rows;
    expect(rows.find((r) => r.number === 'I')?.text).toBe('Tiêu chí đánh giá');
    expect(rows.find((r) => r.number === 'II')?.text).toBe('Các trường hợp không đảm bảo');
  });

  it('every problem at its line and column, in Vietnamese and English; nothing written', async () => {
    const dir = await rulesWithTable(
      'format: 2\ncriteria: "Tiêu chí"\nsection_three: { vi: "x", en: "y" }\ndisqualifiers: { vi: "Các trường hợp" }\n',
    );
    const { code, stdout, stderr } = await run(['docs', '--rules', dir]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    const table = join(dir, 'table.yaml');
    expect(stderr).toContain(`lcz: ${table}:1:9: format phải là 1.`);
    expect(stderr).toContain(`lcz: ${table}:1:9: format must be 1.`);
    expect(stderr).toContain(`lcz: ${table}:2:11: criteria phải là văn bản bằng hai thứ tiếng`);
    expect(stderr).toContain(
      `lcz: ${table}:3:1: 'section_three' is not a heading of the table; use title, criteria or disqualifiers.`,
    );
    expect(stderr).toContain(`lcz: ${table}:4:16: disqualifiers must be a text in both languages`);
    expect(stderr).toContain(`the table headings file '${table}' has 4 errors; nothing was written.`);
  });

  it('YAML that does not parse, located', async () => {
    const dir = await rulesWithTable('criteria: { vi: "a", en: "b"\n');
    const { code, stderr } = await run(['docs', '--rules', dir]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/table\.yaml:\d+:\d+: tệp không phải YAML hợp lệ/);
  });
});

describe('lcz docs: usage', () => {
  it('needs --rules, a known format, no extra arguments (exit 2, both languages)', async () => {
    const none = await run(['docs']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('hãy nêu bộ quy tắc bằng --rules');
    expect(none.stderr).toContain('name the rules with --rules');
    const format = await run(['docs', '--rules', RULES, '--format', 'pdf']);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain("--format must be md or html, not 'pdf'.");
    const extra = await run(['docs', '--rules', RULES, 'extra.yaml']);
    expect(extra.code).toBe(2);
    expect(extra.stderr).toContain('extra.yaml');
  });

  it('broken rules: located errors, exit 1', async () => {
    const dir = await mkdtemp(join(temp, 'broken-'));
    const text = (await readFile(join(ROOT, RULES, 'ruleset.yaml'), 'utf8')).replace('at_least: 98', 'at_least: 980');
    await writeFile(join(dir, 'ruleset.yaml'), text);
    const { code, stderr } = await run(['docs', '--rules', dir]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/ruleset\.yaml:\d+:\d+: lỗi \[/);
    expect(stderr).toContain('chưa ghi gì');
  });

  it('has help, listed in the main help', async () => {
    const help = await run(['docs', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain(
      'lcz docs --rules <rules> [--lang vi|en] [--format md|html] [--assessment <file>] [--out <file>]',
    );
    expect((await run(['--help'])).stdout).toContain('lcz docs --rules <rules>');
  });
});

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
