/**
 * Issue 14 (cost): the Lai Châu rule file with one threshold out of range took seconds of CPU to
 * refuse, because the search for an out-dented block re-read and re-checked the whole file up to
 * 24 times, though a number out of range is never a slip of indentation. The search now runs only
 * when some schema error is of a kind a slip causes; the diagnostics stay exactly as they were.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { SourceText } from '../../src/diagnostics/source.js';
import { loadRuleset } from '../../src/load-ruleset.js';
import { parseYaml } from '../../src/parse/index.js';
import validate from '../../src/validate/generated/ruleset.validator.js';
import { explainSchemaOutdent } from '../../src/validate/outdent-hint.js';
import { schemaErrorsToDiagnostics } from '../../src/validate/schema-errors.js';

const DIR = fileURLToPath(new URL('../../../../rules/lai-chau-2020-2025/', import.meta.url));
const RULES = readFileSync(`${DIR}ruleset.yaml`, 'utf8');
const LINES = RULES.split('\n');

/** 1-based line of the first line equal to `text`, after line `after`. */
function lineOf(text: string, after = 0): number {
  const i = LINES.findIndex((l, k) => k >= after && l === text);
  if (i < 0) throw new Error(`no line ${JSON.stringify(text)}`);
  return i + 1;
}

function withLine(text: string, n: number, line: string): string {
  return text
    .split('\n')
    .map((l, i) => (i + 1 === n ? line : l))
    .join('\n');
}

/** Criterion 1.3's 98% (its first `at_least: 98`), typed as 980. */
const threshold = lineOf('          at_least: 98');
const outOfRange = withLine(RULES, threshold, '          at_least: 980');

/** Each schema check the outdent search makes, counted; the schema's own errors otherwise. */
function searched(text: string): { found: Diagnostic[]; checks: number } {
  const parsed = parseYaml(new SourceText('ruleset.yaml', text));
  if (!parsed.value) throw new Error('the text does not parse');
  const doc = parsed.value;
  validate(doc.value);
  const diagnostics = schemaErrorsToDiagnostics(validate.errors ?? [], doc);
  let checks = 0;
  const found = explainSchemaOutdent(doc, diagnostics, (value) => {
    checks++;
    validate(value);
    return validate.errors ?? [];
  });
  return { found, checks };
}

const where = (d: Diagnostic) => ({ code: d.code, line: d.line, column: d.column, params: d.params });

const readInclude = (path: string) => ({ file: `${DIR}${path}`, text: readFileSync(`${DIR}${path}`, 'utf8') });

describe('the search for an out-dented block, past schema errors', () => {
  it('a threshold out of range: refused with the same one error, and no re-reading of the file', () => {
    const { found, checks } = searched(outOfRange);
    expect(checks).toBe(0);
    expect(found.map(where)).toEqual([
      { code: 'schema_range', line: threshold, column: 21, params: { comparison: '<=', limit: 100, actual: 980 } },
    ]);
    // The whole load (parse, validate, the sound parts compiled past the error) says just that.
    const loaded = loadRuleset(outOfRange, { file: 'ruleset.yaml', readInclude });
    expect(loaded.value).toBeUndefined();
    expect(loaded.diagnostics.map(where)).toEqual(found.map(where));
  });

  it('a word not in its list, alone, is not searched either', () => {
    const policy = threshold + 1;
    expect(LINES[policy - 1]).toMatch(/^ {10}if_whole_zero: fail/);
    const { found, checks } = searched(withLine(outOfRange, policy, '          if_whole_zero: maybe'));
    expect(checks).toBe(0);
    expect(found.map((d) => [d.code, d.line])).toEqual([
      ['schema_range', threshold],
      ['schema_enum', policy],
    ]);
  });

  it('a slip of indentation (an unknown key, a criterion without its condition) is still searched and found', () => {
    // The last criterion of standard 4: its condition out-dented to the level of the standard.
    const last = lineOf('      - id: "4.8"');
    const condition = lineOf('        condition: { fact: begging_hawking_or_touting_occurred, is: false }', last);
    const text = withLine(RULES, condition, '    condition: { fact: begging_hawking_or_touting_occurred, is: false }');
    const { found, checks } = searched(text);
    expect(checks).toBeGreaterThan(0);
    expect(found.map(where)).toEqual([
      {
        code: 'yaml_indentation',
        line: condition,
        column: 5,
        params: { line: condition, last_line: condition, spaces: 4, column: 9 },
      },
    ]);
  });

  it('a threshold out of range before a real slip: the slip is still found', () => {
    // The search started at the first schema error, the range error at 1.3, and its tries ran
    // out long before the slip at 4.8; a value error is never where a slip is.
    const last = lineOf('      - id: "4.8"');
    const condition = lineOf('        condition: { fact: begging_hawking_or_touting_occurred, is: false }', last);
    const text = withLine(
      outOfRange,
      condition,
      '    condition: { fact: begging_hawking_or_touting_occurred, is: false }',
    );
    const { found } = searched(text);
    expect(found.map((d) => [d.code, d.line])).toEqual([
      ['schema_range', threshold],
      ['yaml_indentation', condition],
    ]);
  });

  it('structural errors no slip explains cost at most 12 schema checks (a few reads of the file)', () => {
    // The `condition:` of criteria 1.1 to 1.4 misspelt: unknown keys and criteria without their
    // condition, the errors a slip gives, but no indentation removes them. Before: 24 re-reads
    // and checks of the whole file.
    let text = RULES;
    for (const id of ['1.1', '1.2', '1.3', '1.4']) {
      text = withLine(text, lineOf('        condition:', lineOf(`      - id: "${id}"`)), '        conditon:');
    }
    const { found, checks } = searched(text);
    expect(found.map((d) => d.code)).not.toContain('yaml_indentation');
    expect(found.length).toBeGreaterThan(0);
    expect(checks).toBeGreaterThan(0);
    expect(checks).toBeLessThanOrEqual(12);
  });
});
