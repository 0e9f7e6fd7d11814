/**
 * Invisible and reordering characters in what a message quotes are shown as \uXXXX: a BOM in a
 * key (`"\uFEFFgroups"` read as "groups"), a U+202E that reverses a file name, a U+FFFD that
 * stands for a byte nobody can see. Every surface prints diagnostics through renderMessage.
 */
import { describe, expect, it } from 'vitest';
import { formatDiagnostic, formatDiagnostics, renderMessage } from '../../src/diagnostics/format.js';
import { escapeInvisible, escapeParams } from '../../src/diagnostics/escape.js';
import { SourceText } from '../../src/diagnostics/source.js';
import { loadRuleset } from '../../src/index.js';

// biome-ignore lint/complexity/useRegexLiterals: a literal would spell out control characters (noControlCharactersInRegex)
const RAW = new RegExp(
  '[\\u0000-\\u0009\\u000B-\\u001F\\u007F-\\u009F\\u200B-\\u200F\\u202A-\\u202E\\u2066-\\u2069\\uFEFF\\uFFFD]',
);

describe('escapeInvisible', () => {
  it('writes each invisible or reordering character as \\uXXXX and leaves the rest alone', () => {
    expect(escapeInvisible('a\u202Eb\u2066c\u2067d\u2068e\u2069f')).toBe('a\\u202Eb\\u2066c\\u2067d\\u2068e\\u2069f');
    expect(escapeInvisible('\u200B\u200C\u200D\u200E\u200F')).toBe('\\u200B\\u200C\\u200D\\u200E\\u200F');
    expect(escapeInvisible('\uFEFFgroups \uFFFD')).toBe('\\uFEFFgroups \\uFFFD');
    expect(escapeInvisible('\u0000\u0007\t\n\r\u001B\u007F\u0085\u009F')).toBe(
      '\\u0000\\u0007\\u0009\\u000A\\u000D\\u001B\\u007F\\u0085\\u009F',
    );
    // A lone surrogate half is not text; a pair is (an emoji stays).
    expect(escapeInvisible('x\uD800y\uDC00z 😀')).toBe('x\\uD800y\\uDC00z 😀');
    const plain = 'Thôn Hòa — Tổ dân phố 3, "số hộ" ≥ 98% (ok) ½ \u00A0';
    expect(escapeInvisible(plain)).toBe(plain);
  });

  it('escapes every code unit it should, and nothing printable (all of the BMP)', () => {
    const wrong: string[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      const out = escapeInvisible(ch);
      const shouldEscape =
        c <= 0x1f ||
        (c >= 0x7f && c <= 0x9f) ||
        (c >= 0x200b && c <= 0x200f) ||
        (c >= 0x2028 && c <= 0x202e) ||
        (c >= 0x2060 && c <= 0x206f) ||
        (c >= 0xd800 && c <= 0xdfff) ||
        [0x061c, 0x180e, 0xfeff, 0xfff9, 0xfffa, 0xfffb, 0xfffd].includes(c);
      const expected = shouldEscape ? `\\u${c.toString(16).toUpperCase().padStart(4, '0')}` : ch;
      if (out !== expected) wrong.push(c.toString(16));
    }
    expect(wrong).toEqual([]);
  });

  it('escapes text params only, and returns the same object when nothing changes', () => {
    const clean = { name: 'households', count: 3 };
    expect(escapeParams(clean)).toBe(clean);
    expect(escapeParams({ name: '\u202Eabc', count: 3, ok: true })).toEqual({ name: '\\u202Eabc', count: 3, ok: true });
  });
});

describe('diagnostics quote user input escaped', () => {
  const source = new SourceText('rules/\u202Eruleset.yaml', 'a: 1\n');
  const d = source.diagnostic('schema_unknown_property', [0, 1], {
    property: '\uFEFFgroups',
    allowed: 'groups, title',
    suggestion: 'groups',
  });

  it('renderMessage and formatDiagnostic(s) show \\uFEFF and \\u202E, in both languages', () => {
    for (const lang of ['vi', 'en'] as const) {
      expect(renderMessage(d, lang).message).toContain('"\\uFEFFgroups"');
      const text = formatDiagnostic(d, lang);
      expect(text).toMatch(/^rules\/\\u202Eruleset\.yaml:1:1: /);
      expect(text).not.toMatch(RAW);
      expect(formatDiagnostics([d, d], lang)).not.toMatch(RAW);
    }
  });

  it('a rule file with a BOM, a bidi override and U+FFFD inside keys and names', () => {
    const text = [
      'ruleset:',
      '  id: x',
      '  version: "1"',
      '  title: { vi: a, en: a }',
      '\uFEFFgroups: []',
      'fa\u202Ects: []',
      'x\uFFFD: 1',
      '',
    ].join('\n');
    const loaded = loadRuleset(text, { file: 'ruleset.yaml' });
    expect(loaded.diagnostics.length).toBeGreaterThan(0);
    const quoted = loaded.diagnostics.flatMap((x) => [renderMessage(x, 'en').message, renderMessage(x, 'vi').message]);
    const all = quoted.join('\n');
    expect(all).toContain('\\uFEFFgroups');
    expect(all).toContain('fa\\u202Ects');
    expect(all).toContain('x\\uFFFD');
    expect(all).not.toMatch(RAW);
  });
});
