import assert from 'node:assert';
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_CODES } from '../../src/diagnostics/codes.js';
import { SourceText } from '../../src/diagnostics/source.js';
import { parseYaml } from '../../src/parse/index.js';
import { fixture, INVALID_RULES, where } from './fixtures.js';

const parse = (text: string, limits?: Parameters<typeof parseYaml>[1]) =>
  parseYaml(new SourceText('t.yaml', text), limits);
const codes = (text: string, limits?: Parameters<typeof parseYaml>[1]) => parse(text, limits).diagnostics.map(where);

/** One fixture per parse failure mode: exactly one diagnostic, at this place. */
const EXPECTED: Record<string, { line: number; column: number; value: boolean }> = {
  yaml_syntax: { line: 6, column: 1, value: false },
  yaml_indentation: { line: 5, column: 4, value: false },
  yaml_tab_indentation: { line: 5, column: 1, value: true },
  yaml_duplicate_key: { line: 4, column: 1, value: true },
  yaml_version_directive: { line: 1, column: 1, value: true },
  yaml_unsupported_tag: { line: 2, column: 20, value: true },
  yaml_self_alias: { line: 4, column: 7, value: true },
  yaml_alias_limit: { line: 104, column: 5, value: false },
  yaml_depth_limit: { line: 2, column: 70, value: false },
  yaml_scalar_too_long: { line: 4, column: 7, value: false },
  yaml_unsafe_key: { line: 3, column: 3, value: true },
  yaml_integer_too_large: { line: 3, column: 17, value: true },
  yaml_number_inexact: { line: 3, column: 19, value: true },
  yaml_number_not_decimal: { line: 3, column: 19, value: true },
  yaml_nul_byte: { line: 2, column: 16, value: true },
  yaml_cr_line_ends: { line: 1, column: 32, value: false },
  yaml_control_character: { line: 3, column: 10, value: true },
  yaml_multiple_documents: { line: 3, column: 1, value: true },
  yaml_empty_document: { line: 1, column: 1, value: false },
};

describe('parseYaml fixtures (test/fixtures/invalid-rules/yaml_*.yaml)', () => {
  it.each(Object.entries(EXPECTED))('%s', (code, { line, column, value }) => {
    const result = parseYaml(fixture(INVALID_RULES, `${code}.yaml`));
    expect(result.diagnostics.map(where)).toEqual([{ code, line, column }]);
    expect(result.diagnostics[0]?.severity).toBe('error');
    expect(result.value !== undefined).toBe(value);
  });

  it('refuses every number not written in decimal digits, with the decimal number when there is one', () => {
    const { diagnostics } = parse('a: 0x10\nb: 0o17\nc: .inf\nd: -.Inf\ne: .nan\nf: 1e3\ng: "0x10"\nh: 1_000\n');
    expect(diagnostics.map((d) => [d.code, d.line, d.params])).toEqual([
      ['yaml_number_not_decimal', 1, { value: '0x10', decimal: '16' }],
      ['yaml_number_not_decimal', 2, { value: '0o17', decimal: '15' }],
      ['yaml_number_not_decimal', 3, { value: '.inf' }],
      ['yaml_number_not_decimal', 4, { value: '-.Inf' }],
      ['yaml_number_not_decimal', 5, { value: '.nan' }],
    ]);
  });

  it('refuses control characters in texts and keys (escapes included), and keeps tabs, line ends and letters', () => {
    const { diagnostics } = parse(
      'a: "v4\\e[31mRED"\nb: "x\\x7f"\nc: "\\u202Eabc"\n"k\\x01": 1\nd: "tab\\there\\nand a line"\ne: Lai Châu ‏ עברית\n',
    );
    expect(diagnostics.map((d) => [d.code, d.line, d.column, d.params])).toEqual([
      ['yaml_control_character', 1, 4, { char: 'U+001B' }],
      ['yaml_control_character', 2, 4, { char: 'U+007F' }],
      ['yaml_control_character', 3, 4, { char: 'U+202E' }],
      ['yaml_control_character', 4, 1, { char: 'U+0001' }],
    ]);
  });

  it('has a fixture for every yaml_* code', () => {
    const files = readdirSync(INVALID_RULES).filter((f) => f.startsWith('yaml_'));
    const parseCodes = DIAGNOSTIC_CODES.filter((c) => c.startsWith('yaml_'));
    expect(files.map((f) => f.replace(/\.yaml$/, '')).sort()).toEqual([...parseCodes].sort());
    expect(Object.keys(EXPECTED).sort()).toEqual([...parseCodes].sort());
  });

  it('names the duplicate key and the line of its first use', () => {
    const [d] = parseYaml(fixture(INVALID_RULES, 'yaml_duplicate_key.yaml')).diagnostics;
    expect(d?.params).toEqual({ key: 'id', first_line: 2 });
    expect(d?.range).toEqual([32, 34]);
  });
});

describe('parseYaml: hostile sizes stop early, located', () => {
  it('200 KB of opening brackets is a depth error at the first one too deep, before yaml tokenizes them', () => {
    for (const [open, text] of [
      ['[', `format: 1\ntitle: ${'['.repeat(200_000)}\n`],
      ['{', `{"area": ${'{"a": '.repeat(40_000)}1}`],
    ] as const) {
      const result = parse(text);
      expect(result.diagnostics.map(where)).toEqual([
        { code: 'yaml_depth_limit', line: open === '[' ? 1 + 1 : 1, column: open === '[' ? 8 + 63 : 10 + 62 * 6 },
      ]);
    }
    // Brackets inside quoted text, after an apostrophe in a word, or in a comment are not nesting.
    const quoted = `format: 1\nnote: "${'['.repeat(100)}"\nother: '${'{'.repeat(100)}'\nword: it's ok\n# ${'['.repeat(100)}\n`;
    expect(parse(quoted).diagnostics).toEqual([]);
  });

  it('a 9 MB title is one located error, and nothing is composed', () => {
    const result = parse(`format: 1\ntitle:\n  vi: "${'Xây dựng '.repeat(1_000_000)}"\n  en: x\n`);
    expect(result.diagnostics.map(where)).toEqual([{ code: 'yaml_scalar_too_long', line: 3, column: 7 }]);
    expect(result.diagnostics[0]?.params).toEqual({ length: 9_000_002, max: 65_536 });
    expect(result.value).toBeUndefined();
    // The length as written, quotes included: "xxxxxx" is 8.
    expect(parse('a: "xxxxxx"', { maxScalarChars: 7 }).diagnostics.map((d) => d.code)).toEqual([
      'yaml_scalar_too_long',
    ]);
    expect(parse('a: "xxxxxx"', { maxScalarChars: 8 }).diagnostics).toEqual([]);
  });
});

describe('parseYaml: all problems at once', () => {
  it('reports every problem of a file with several, in source order', () => {
    const text = [
      'format: 1', // 1
      'id: a', // 2
      'id: b', // 3  duplicate
      'when: !!timestamp 2020-01-01', // 4  tag
      'facts:', // 5
      '  __proto__: {}', // 6  unsafe key
      '  constructor: 1', // 7  unsafe key
      'big: -9007199254740993', // 8  too large
      'nul: "a\0b"', // 9  NUL
      'ok: *missing', // 10 unknown alias
    ].join('\n');
    expect(codes(text)).toEqual([
      { code: 'yaml_duplicate_key', line: 3, column: 1 },
      { code: 'yaml_unsupported_tag', line: 4, column: 7 },
      { code: 'yaml_unsafe_key', line: 6, column: 3 },
      { code: 'yaml_unsafe_key', line: 7, column: 3 },
      { code: 'yaml_integer_too_large', line: 8, column: 6 },
      { code: 'yaml_nul_byte', line: 9, column: 8 },
      { code: 'yaml_syntax', line: 10, column: 5 },
    ]);
  });

  it('reports tags, version directive and a second document together', () => {
    expect(codes('%YAML 1.1\n---\na: !foo x\nb: ! y\n---\nc: 1\n')).toEqual([
      { code: 'yaml_version_directive', line: 1, column: 1 },
      { code: 'yaml_unsupported_tag', line: 3, column: 4 },
      { code: 'yaml_unsupported_tag', line: 4, column: 4 },
      { code: 'yaml_multiple_documents', line: 5, column: 1 },
    ]);
  });
});

describe('parseYaml: plain YAML 1.2 core data', () => {
  it('keeps dates and yes/no as strings and integers as numbers', () => {
    const { value, diagnostics } = parse(
      'from: 2020-01-01\nyes: yes\ncount: 16\nhex: "0x10"\nn: 9007199254740991\nf: 1.5\nnone: ~\n',
    );
    expect(diagnostics).toEqual([]);
    expect(value?.value).toEqual({
      from: '2020-01-01',
      yes: 'yes',
      count: 16,
      hex: '0x10',
      n: 9007199254740991,
      f: 1.5,
      none: null,
    });
  });

  it('reads every key as text, and `<<` as an ordinary key', () => {
    const { value } = parse('1: a\ntrue: b\n<<: { c: 1 }\n');
    expect(value?.value).toEqual({ '1': 'a', true: 'b', '<<': { c: 1 } });
  });

  it('accepts an explicit %YAML 1.2 directive', () => {
    expect(codes('%YAML 1.2\n---\na: 1\n')).toEqual([]);
  });

  it('expands aliases into independent copies', () => {
    const { value, diagnostics } = parse('a: &x { b: [1, 2] }\nc: *x\n');
    expect(diagnostics).toEqual([]);
    const data = value?.value as { a: unknown; c: unknown };
    expect(data.c).toEqual({ b: [1, 2] });
    expect(data.c).not.toBe(data.a);
  });

  it('never assigns a key that reaches a prototype', () => {
    const { value } = parseYaml(fixture(INVALID_RULES, 'yaml_unsafe_key.yaml'));
    assert(value);
    const facts = (value.value as { facts: object }).facts;
    expect(Object.getPrototypeOf(facts)).toBe(Object.prototype);
    expect(Object.keys(facts)).toEqual([]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('counts columns on CRLF files as editors do', () => {
    expect(codes('a: 1\r\nb: !!str x\r\n')).toEqual([{ code: 'yaml_unsupported_tag', line: 2, column: 4 }]);
  });
});

describe('parseYaml: empty and multiple documents', () => {
  it.each([
    ['empty text', ''],
    ['only comments', '# nothing\n'],
    ['a bare null', '~\n'],
    ['only a document marker', '---\n'],
  ])('%s is an empty document', (_name, text) => {
    const result = parse(text);
    expect(result.diagnostics.map((d) => d.code)).toEqual(['yaml_empty_document']);
    expect(result.value).toBeUndefined();
  });

  it('treats a trailing --- as a second document', () => {
    expect(codes('a: 1\n---\n')).toEqual([{ code: 'yaml_multiple_documents', line: 2, column: 1 }]);
  });
});

describe('parseYaml: resource limits', () => {
  it('stops a deeply nested file before composing it, without throwing', () => {
    const deep = `a: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`;
    const result = parse(deep);
    expect(result.diagnostics.map(where)).toEqual([{ code: 'yaml_depth_limit', line: 1, column: 67 }]);
    expect(result.value).toBeUndefined();
  });

  it('measures block nesting too, with a configurable limit', () => {
    const text = 'a:\n  b:\n    c:\n      d: 1\n';
    expect(codes(text, { maxDepth: 4 })).toEqual([]);
    // a: {b: {c: {d: 1}}}: the mapping holding d is the fourth level.
    expect(codes(text, { maxDepth: 3 })).toEqual([{ code: 'yaml_depth_limit', line: 4, column: 7 }]);
  });

  it('measures nesting created by aliases, and points at the alias', () => {
    // y (1) → [ (2) → [ (3) → *x = [ (4) → [ (5)
    const text = 'x: &x [[1]]\ny: [[*x]]\n';
    expect(codes(text, { maxDepth: 5 })).toEqual([]);
    expect(codes(text, { maxDepth: 4 })).toEqual([{ code: 'yaml_depth_limit', line: 2, column: 6 }]);
  });

  it('bounds the cost of nested alias expansion (billion laughs)', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      lines.push(`${name}: &${name} [${Array(10).fill(`*${prev}`).join(', ')}]`);
    }
    const result = parse(lines.join('\n'));
    expect(result.diagnostics.map((d) => d.code)).toEqual(['yaml_alias_limit']);
    expect(result.value).toBeUndefined();
  });

  it('caps maxDepth so a caller cannot expose the stack', () => {
    const deep = `a: ${'['.repeat(600)}${']'.repeat(600)}\n`;
    expect(codes(deep, { maxDepth: 1_000_000 }).map((d) => [d.code, d.column])).toEqual([
      ['yaml_depth_limit', 4 + 499],
    ]);
  });

  it('takes the alias limit as an option', () => {
    const text = 'a: &a 1\nb: [*a, *a]\n';
    expect(codes(text, { maxAliasCount: 2 })).toEqual([]);
    expect(codes(text, { maxAliasCount: 1 })).toEqual([{ code: 'yaml_alias_limit', line: 2, column: 9 }]);
  });

  it('rejects an alias to its own ancestor instead of looping', () => {
    const result = parse('a: &x\n  b: [1, *x]\n');
    expect(result.diagnostics.map(where)).toEqual([{ code: 'yaml_self_alias', line: 2, column: 10 }]);
  });
});

describe('parseYaml: syntax errors', () => {
  it('maps yaml errors with a precise reason and no value', () => {
    const result = parse('a: "open\n');
    expect(result.diagnostics.map(where)).toEqual([{ code: 'yaml_syntax', line: 2, column: 1 }]);
    expect(result.diagnostics[0]?.params['reason']).toBe('MISSING_QUOTE');
    expect(result.value).toBeUndefined();
  });

  it('rejects a list used as a key', () => {
    expect(codes('? [a]\n: b\n')).toEqual([{ code: 'yaml_syntax', line: 1, column: 3 }]);
  });

  it('reports a tab used for indentation, once, and reads the rest', () => {
    const read = parse('a:\n\tb: 1\n');
    expect(read.diagnostics.map(where)).toEqual([{ code: 'yaml_tab_indentation', line: 2, column: 1 }]);
    expect(read.diagnostics[0]?.params).toEqual({ spaces: 4 });
    expect(read.value?.value).toEqual({ a: { b: 1 } });
  });
});
