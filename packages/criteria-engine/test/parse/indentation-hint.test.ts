/**
 * A block out-dented by mistake gets one "check the indentation of line N", located at that line,
 * instead of errors that read like something else. Realistic slips on the bundled Lai Châu rule
 * file: a criterion's `condition:` typed a level too far left (the YAML cannot be read), a list
 * item out-dented (likewise), and the last criterion of a standard out-dented to the level of the
 * standards, or its `condition:` to the level of the standard (valid YAML, wrong mapping).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/diagnostics/format.js';
import { SourceText } from '../../src/diagnostics/source.js';
import { parseYaml } from '../../src/parse/index.js';
import { resolveParseLimits } from '../../src/parse/limits.js';
import { explainSyntaxErrors, syntaxReader } from '../../src/parse/parse-yaml.js';
import { findIndentRepair } from '../../src/parse/indent-repair.js';
import { validateRulesetDocument } from '../../src/validate/validate-ruleset.js';

const RULES = readFileSync(
  fileURLToPath(new URL('../../../../rules/lai-chau-2020-2025/ruleset.yaml', import.meta.url)),
  'utf8',
);
const LINES = RULES.split('\n');

/** 1-based line of the first line equal to `text`, after line `after`. */
function lineOf(text: string, after = 0): number {
  const i = LINES.findIndex((l, k) => k >= after && l === text);
  if (i < 0) throw new Error(`no line ${JSON.stringify(text)}`);
  return i + 1;
}

/** The rule file with lines first..last (1-based) moved `spaces` to the left. */
function outdent(first: number, last: number, spaces: number): string {
  return LINES.map((l, i) => (i + 1 >= first && i + 1 <= last && l.length > 0 ? l.slice(spaces) : l)).join('\n');
}

function problems(text: string) {
  const parsed = parseYaml(new SourceText('ruleset.yaml', text));
  if (!parsed.value) return parsed.diagnostics;
  return [...parsed.diagnostics, ...validateRulesetDocument(parsed.value).diagnostics];
}

const where = (d: { code: string; line: number; column: number; params: object }) => ({
  code: d.code,
  line: d.line,
  column: d.column,
  params: d.params,
});

// Criterion 1.3: `- id` line, `text:` (3 lines), `condition:` (4 lines); then 1.4.
const item = lineOf('      - id: "1.3"');
const condition = lineOf('        condition:', item);
const next = lineOf('      - id: "1.4"');

describe('an out-dented block the YAML cannot be read with (parse stage)', () => {
  it("a criterion's condition: two spaces too far left: the line, not the parser's later complaints", () => {
    const found = problems(outdent(condition, condition, 2));
    expect(found.map(where)).toEqual([
      {
        code: 'yaml_indentation',
        line: condition,
        column: 7,
        // Only that line: the lines under it are where they belong.
        params: { line: condition, last_line: condition, spaces: 2, column: 9 },
      },
    ]);
  });

  it('is not searched when the caller asks for none (the validate stage re-reads texts it then refuses)', () => {
    // Found by the fuzz run: the validate stage's own search ran this one inside each of its
    // tries, 24 × 80 parses (seconds on a 12 KB file).
    const parsed = parseYaml(new SourceText('ruleset.yaml', outdent(condition, condition, 2)), undefined, {
      indentHints: false,
    });
    const codes = parsed.diagnostics.map((d) => d.code);
    expect(codes).toContain('yaml_syntax');
    expect(codes).not.toContain('yaml_indentation');
  });

  it('the whole condition block four spaces too far left', () => {
    const found = problems(outdent(condition, next - 1, 4));
    expect(found.map(where)).toEqual([
      {
        code: 'yaml_indentation',
        line: condition,
        column: 5,
        params: { line: condition, last_line: next - 1, spaces: 4, column: 9 },
      },
    ]);
  });

  it('a list item (a whole criterion) out-dented to the level of its key', () => {
    const found = problems(outdent(item, next - 1, 2));
    expect(found.map(where)).toEqual([
      {
        code: 'yaml_indentation',
        line: item,
        column: 5,
        params: { line: item, last_line: next - 1, spaces: 2, column: 7 },
      },
    ]);
  });

  it("only a list item's dash line out-dented", () => {
    const found = problems(outdent(item, item, 2));
    expect(found.map(where)).toEqual([
      {
        code: 'yaml_indentation',
        line: item,
        column: 5,
        params: { line: item, last_line: item, spaces: 2, column: 7 },
      },
    ]);
  });

  it('says it in Vietnamese and English, with the line to indent', () => {
    const [d] = problems(outdent(condition, condition, 2));
    if (!d) throw new Error('expected a diagnostic');
    expect(formatDiagnostic(d, 'vi')).toContain(`Kiểm tra thụt lề của dòng ${condition}`);
    expect(formatDiagnostic(d, 'vi')).toContain(`Thụt dòng ${condition} vào thêm 2 dấu cách`);
    expect(formatDiagnostic(d, 'en')).toContain(`Check the indentation of line ${condition}`);
  });

  it('leaves other syntax errors as they are: an unclosed quote is not an indentation slip', () => {
    const text = RULES.replace('id: "1.3"', 'id: "1.3');
    const found = problems(text);
    expect(found.length).toBeGreaterThan(0);
    expect(found.map((d) => d.code)).not.toContain('yaml_indentation');
  });

  it('keeps the errors an indentation change does not explain', () => {
    // The slip at 1.3, and an unclosed quote in the title of standard 5, far away.
    const five = lineOf('  - id: "5"');
    const text = outdent(condition, condition, 2)
      .split('\n')
      .map((l, i) => (i + 1 === five ? l.replace('"5"', '"5') : l))
      .join('\n');
    const codes = problems(text).map((d) => `${d.code}@${d.line}`);
    expect(codes).toContain(`yaml_indentation@${condition}`);
    expect(codes.some((c) => c.startsWith('yaml_syntax@'))).toBe(true);
  });
});

describe('an out-dented block that is valid YAML in the wrong place (validate stage)', () => {
  // The last criterion of standard 4 (4.8), then standard 5.
  const five = lineOf('  - id: "5"');
  const last = lineOf('      - id: "4.8"');
  const lastCondition = lineOf('        condition: { fact: begging_hawking_or_touting_occurred, is: false }', last);

  it('a criterion out-dented to the level of the standards is not "missing key title / criteria"', () => {
    const found = problems(outdent(last, five - 2, 4));
    expect(found.map(where)).toEqual([
      {
        code: 'yaml_indentation',
        line: last,
        column: 3,
        params: { line: last, last_line: five - 2, spaces: 4, column: 7 },
      },
    ]);
  });

  it("a criterion's condition: out-dented to the level of its standard is not an unknown key there", () => {
    const found = problems(outdent(lastCondition, lastCondition, 4));
    expect(found.filter((d) => d.code.startsWith('schema_'))).toEqual([]);
    expect(found.map(where)[0]).toEqual({
      code: 'yaml_indentation',
      line: lastCondition,
      column: 5,
      params: { line: lastCondition, last_line: lastCondition, spaces: 4, column: 9 },
    });
    // Placed at the standard holding both errors, so the rest of the file is still checked.
    expect(found[0]?.path).toBe('/groups/3');
  });

  it('a missing key that is really missing is still "missing key"', () => {
    const found = problems(RULES.replace(/\n {4}title:\n {6}vi: "Tiêu chuẩn 5[^\n]*\n[^\n]*\n/, '\n'));
    expect(found.map((d) => d.code)).toContain('schema_required');
    expect(found.map((d) => d.code)).not.toContain('yaml_indentation');
  });
});

/**
 * The parse stage's search on `text`, with every character it re-reads counted; and the
 * diagnostics it gives, which must be those parseYaml gives.
 */
function searchedSyntax(text: string): { found: string[]; reread: number; tries: number } {
  const source = new SourceText('ruleset.yaml', text);
  const limits = resolveParseLimits(undefined);
  const plain = parseYaml(source, undefined, { indentHints: false }).diagnostics;
  const real = syntaxReader('ruleset.yaml', limits);
  let reread = 0;
  let tries = 0;
  const found = explainSyntaxErrors(source, plain, limits, (part, firstLine) => {
    reread += part.length;
    tries++;
    return real(part, firstLine);
  });
  const show = (d: { code: string; line: number; column: number }) => `${d.code}@${d.line}:${d.column}`;
  expect(found.map(show).sort()).toEqual(parseYaml(source).diagnostics.map(show).sort());
  return { found: found.map(show), reread, tries };
}

describe('the cost of the search (issue 14: a fuzzed Lai Châu file spent 2.3 s of CPU in it)', () => {
  it('re-reads at most 8 times the text, on the input the fuzz run found', () => {
    // FUZZ_SEED=14062026, rules.full: an unclosed quote on line 315 (a character typed over the
    // closing quote and the line break) and `!!js/function ` typed over a `text:` key: errors an indentation search can
    // neither explain nor stop re-reading for, in two places 400 lines apart.
    const broken = RULES.replace(
      'Self-management contents the area registered" }\n  self_',
      'Self-management con\u{a42bd}elf_',
    ).replace(/text:\n {10}vi: "Bản, t/, '!!js/function ');
    expect(broken).not.toBe(RULES);
    const { found, reread } = searchedSyntax(broken);
    expect(found.some((d) => d.startsWith('yaml_syntax@'))).toBe(true);
    // Before: 80 tries of the top-level `facts:` entry, 2.4 million characters (31 × the file).
    expect(reread).toBeLessThanOrEqual(8 * broken.length);
  });

  it('still finds a real slip, within a few reads of the text', () => {
    const { found, reread, tries } = searchedSyntax(outdent(condition, condition, 2));
    expect(found).toEqual([`yaml_indentation@${condition}:7`]);
    expect(tries).toBeGreaterThan(0);
    expect(reread).toBeLessThanOrEqual(3 * RULES.length);
  });

  it('does not search when no error could come from indentation (an unclosed quote)', () => {
    const { found, tries } = searchedSyntax(RULES.replace('id: "1.3"', 'id: "1.3'));
    expect(found.some((d) => d.startsWith('yaml_syntax@'))).toBe(true);
    expect(tries).toBe(0);
  });
});

describe('findIndentRepair', () => {
  it('refuses a change that adds a problem, and stays within its budget of tries', () => {
    let calls = 0;
    const repair = findIndentRepair(
      'a:\n  b: 1\nc: 2\n',
      ['3|x'],
      () => {
        calls++;
        return ['3|x', '1|new'];
      },
      { maxTries: 5 },
    );
    expect(repair).toBeUndefined();
    expect(calls).toBeLessThanOrEqual(5);
  });

  it('re-reads a bounded number of characters: a large file gets few tries', () => {
    // 5,000 keys under one top-level key, each line a possible slip, and a problem in the middle.
    const body = Array.from({ length: 5000 }, (_, i) => `  k${i}:\n    v: ${i}\n  w${i}: 1`).join('\n');
    const text = `a:\n${body}\n`;
    let read = 0;
    findIndentRepair(
      text,
      ['7000|x'],
      (part) => {
        read += part.length;
        return ['7000|x'];
      },
      { slice: true, maxReadChars: 1_000_000 },
    );
    expect(read).toBeGreaterThan(0);
    expect(read).toBeLessThanOrEqual(1_000_000 + text.length);
  });

  it('does not search when there are more problems than an out-dent gives (an unclosed quote: one per line)', () => {
    // Found by the fuzz run: the Lai Châu file with an unclosed quote has ~2,000 syntax errors, and
    // every try re-read a text with as many again (seconds per input).
    const text = 'a:\n  b: 1\nc: 2\n';
    const problems = Array.from({ length: 41 }, (_, i) => `3|x${i}`);
    let calls = 0;
    const repair = findIndentRepair(text, problems, () => {
      calls++;
      return [];
    });
    expect(repair).toBeUndefined();
    expect(calls).toBe(0);
    // At the bound it still searches.
    findIndentRepair(text, problems.slice(0, 40), () => {
      calls++;
      return problems.slice(0, 40);
    });
    expect(calls).toBeGreaterThan(0);
  });

  it('does not search a file indented with tabs (YAML refuses tabs: another message says so)', () => {
    expect(findIndentRepair('a:\n\tb: 1\n', ['2|x'], () => [])).toBeUndefined();
  });
});
