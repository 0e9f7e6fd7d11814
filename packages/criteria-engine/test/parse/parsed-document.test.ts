import { describe, expect, it } from 'vitest';
import { SourceText } from '../../src/diagnostics/source.js';
import { parseYaml } from '../../src/parse/index.js';
import type { DocumentPath, ParsedDocument } from '../../src/parse/index.js';

const TEXT = [
  'facts:', // 1
  '  households: { type: integer }', // 2
  'groups:', // 3
  '  - id: "1"', // 4
  '    criteria:', // 5
  '      - id: "1.1"', // 6
  '        note:', // 7
  'shared: &s { vi: "a", en: "b" }', // 8
  'copy: *s', // 9
].join('\n');

function parsed(): ParsedDocument {
  const result = parseYaml(new SourceText('t.yaml', TEXT));
  if (!result.value) throw new Error('fixture should parse');
  return result.value;
}

function at(
  doc: ParsedDocument,
  range: readonly [number, number] | undefined,
): { line: number; column: number; text: string } | undefined {
  if (!range) return undefined;
  return { ...doc.source.position(range[0]), text: doc.source.text.slice(range[0], range[1]) };
}

describe('ParsedDocument.rangeOf', () => {
  const doc = parsed();
  const of = (path: DocumentPath) => at(doc, doc.rangeOf(path));

  it('finds a scalar by keys and list indexes', () => {
    expect(of(['groups', 0, 'criteria', 0, 'id'])).toEqual({ line: 6, column: 13, text: '"1.1"' });
  });

  it('accepts list indexes written as strings (JSON pointer segments)', () => {
    expect(of(['groups', '0', 'id'])).toEqual({ line: 4, column: 9, text: '"1"' });
  });

  it('falls back to the nearest existing ancestor for a missing child', () => {
    expect(of(['groups', 0, 'title'])).toMatchObject({ line: 4, column: 5 });
    expect(of(['groups', 7, 'id'])).toMatchObject({ line: 4, column: 3 });
    expect(of(['facts', 'households', 'label', 'vi'])).toMatchObject({ line: 2, column: 15 });
  });

  it('gives an empty value the place right after its key', () => {
    expect(of(['groups', 0, 'criteria', 0, 'note'])).toMatchObject({ line: 7, column: 14 });
  });

  it('looks through aliases into their anchor', () => {
    expect(of(['copy', 'en'])).toEqual({ line: 8, column: 27, text: '"b"' });
    expect(of(['copy'])).toEqual({ line: 9, column: 7, text: '*s' });
  });

  it('gives the whole document for the empty path', () => {
    expect(of([])).toMatchObject({ line: 1, column: 1 });
  });
});

describe('ParsedDocument.keyRangeOf', () => {
  const doc = parsed();
  const key = (path: DocumentPath) => at(doc, doc.keyRangeOf(path));

  it('finds the key of a mapping entry', () => {
    expect(key(['facts', 'households'])).toEqual({ line: 2, column: 3, text: 'households' });
    expect(key(['groups', 0, 'criteria'])).toEqual({ line: 5, column: 5, text: 'criteria' });
  });

  it('is undefined for list items and missing keys', () => {
    expect(key(['groups', 0])).toBeUndefined();
    expect(key(['facts', 'nope'])).toBeUndefined();
  });
});
