/**
 * Text that is not UTF-8 is refused, located at its first bad byte, never read as U+FFFD: rule
 * files, included fragments and assessment files (JSON or YAML). A UTF-8 byte-order mark is fine;
 * a UTF-16 file is named as such.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeUtf8 } from '../../src/parse/utf8.js';
import { loadRulesetFile, readAssessmentFile } from '../../src/node.js';

const RULES = fileURLToPath(new URL('../../../../rules/lai-chau-2020-2025/ruleset.yaml', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'lcz-utf8-'));
const latin1 = (text: string) => Buffer.from(text, 'latin1');

const where = (d: { code: string; line: number; column: number; params: Record<string, unknown> }) => [
  d.code,
  d.line,
  d.column,
  d.params['encoding'],
];

describe('decodeUtf8', () => {
  it('finds the first bad byte by line and column (columns in characters)', () => {
    const bytes = Buffer.concat([Buffer.from('a: 1\nđ: "'), latin1('Thôn'), Buffer.from('"\n')]);
    expect(decodeUtf8(bytes)).toEqual({ encoding: 'invalid', offset: 12, line: 2, column: 7, byte: 'F4' });
  });

  it('keeps good text, a UTF-8 BOM included, and refuses overlong and surrogate sequences', () => {
    expect(decodeUtf8(Buffer.from('\uFEFFThôn Hòa'))).toBe('\uFEFFThôn Hòa');
    expect(decodeUtf8(Uint8Array.from([0x41, 0xc0, 0xaf]))).toMatchObject({ offset: 1, column: 2 });
    expect(decodeUtf8(Uint8Array.from([0xed, 0xa0, 0x80]))).toMatchObject({ offset: 0 });
    expect(decodeUtf8(Uint8Array.from([0x41, 0xe1, 0xba]))).toMatchObject({ offset: 1 });
  });

  it('names UTF-16 by its byte-order mark', () => {
    expect(decodeUtf8(Buffer.from('\uFEFFformat: 1', 'utf16le'))).toMatchObject({ encoding: 'utf-16le', line: 1 });
    const be = Buffer.from('\uFEFFx', 'utf16le').swap16();
    expect(decodeUtf8(be)).toMatchObject({ encoding: 'utf-16be' });
  });
});

describe('files that are not UTF-8', () => {
  it('a rule file with a Latin-1 title is an error at the title, not a valid ruleset', async () => {
    const text = readFileSync(RULES, 'utf8');
    const file = join(dir, 'ruleset.yaml');
    const at = text.indexOf('Khu dân cư');
    expect(at).toBeGreaterThan(0);
    const bytes = Buffer.concat([
      Buffer.from(text.slice(0, at)),
      latin1('Khu dân cư'),
      Buffer.from(text.slice(at + 10)),
    ]);
    writeFileSync(file, bytes);
    const { value, diagnostics } = await loadRulesetFile(file);
    expect(value).toBeUndefined();
    const line = text.slice(0, at).split('\n').length;
    const column = at - text.lastIndexOf('\n', at - 1) + 5; // "Khu d" then the bad "â"
    expect(diagnostics.map(where)).toEqual([['text_encoding', line, column, undefined]]);
  });

  it('a UTF-16 rule file is named as UTF-16; a UTF-8 BOM loads', async () => {
    const text = readFileSync(RULES, 'utf8');
    const utf16 = join(dir, 'utf16.yaml');
    writeFileSync(utf16, Buffer.from(`\uFEFF${text}`, 'utf16le'));
    expect((await loadRulesetFile(utf16)).diagnostics.map(where)).toEqual([['text_encoding', 1, 1, 'utf-16le']]);
    const bom = join(dir, 'bom.yaml');
    writeFileSync(bom, `\uFEFF${text}`);
    const loaded = await loadRulesetFile(bom);
    expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(loaded.value?.id).toBe('lai-chau-khu-dan-cu-tu-quan');
  });

  it('a JSON assessment with a Latin-1 name is refused at the name', async () => {
    const ruleset = (await loadRulesetFile(RULES)).value;
    expect(ruleset).toBeDefined();
    const file = join(dir, 'a.json');
    writeFileSync(
      file,
      Buffer.concat([
        Buffer.from('{\n  "area": { "name": "'),
        latin1('Thôn Hòa'),
        Buffer.from('" },\n  "context": {}, "facts": {}\n}\n'),
      ]),
    );
    if (ruleset === undefined) return;
    const read = await readAssessmentFile(file, ruleset);
    expect(read.value).toBeUndefined();
    expect(read.diagnostics.map(where)).toEqual([['text_encoding', 2, 24, undefined]]);
  });
});
