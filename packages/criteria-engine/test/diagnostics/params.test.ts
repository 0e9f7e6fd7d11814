/**
 * Diagnostic params are typed per code (src/diagnostics/params.ts): the lines marked
 * `@ts-expect-error` are checked by `pnpm typecheck`, which fails if one of them compiles; the
 * test below keeps params.ts and the Params column of docs/errors.md the same.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_CODES } from '../../src/diagnostics/codes.js';
import { makeDiagnostic, SourceText } from '../../src/diagnostics/source.js';

const at = { file: 'f.yaml' };

describe('makeDiagnostic checks params against the code', () => {
  it('accepts the params a code has, optional ones left out', () => {
    expect(makeDiagnostic(at, 'file_not_found', undefined, { path: 'x' }).params).toEqual({ path: 'x' });
    expect(makeDiagnostic(at, 'input_range', undefined, { name: 'n', value: 3, max: 2 }).code).toBe('input_range');
    expect(new SourceText('f', '').diagnostic('yaml_empty_document', [0, 0], {}).line).toBe(1);
  });

  it('refuses a misspelt, missing or foreign param (checked by the compiler)', () => {
    // @ts-expect-error a misspelt key: `paht` is no param of file_not_found
    makeDiagnostic(at, 'file_not_found', undefined, { paht: 'x' });
    // @ts-expect-error a missing key: file_too_large needs size and max
    makeDiagnostic(at, 'file_too_large', undefined, { path: 'x' });
    // @ts-expect-error a code with no params takes none
    makeDiagnostic(at, 'yaml_empty_document', undefined, { detail: 'x' });
    expect(true).toBe(true);
  });
});

describe('params.ts and docs/errors.md', () => {
  const doc = readFileSync(fileURLToPath(new URL('../../../../docs/errors.md', import.meta.url)), 'utf8');
  const source = readFileSync(fileURLToPath(new URL('../../src/diagnostics/params.ts', import.meta.url)), 'utf8');
  /** The names in a Params cell, `name?` when optional, ignoring the values listed in brackets. */
  const documented = (cell: string) => {
    let text = cell;
    for (let prev = ''; prev !== text; ) [prev, text] = [text, text.replace(/\([^()]*\)/g, '')];
    return [...new Set([...text.matchAll(/`([a-z_]+\??)`/g)].map((m) => m[1] as string))].sort();
  };
  const typed = (code: string) => {
    const entry = new RegExp(`^  ${code}: (NoParams|\\{[\\s\\S]*?\\});$`, 'm').exec(source)?.[1];
    if (entry === undefined) return undefined;
    return [...entry.matchAll(/readonly ([a-z_]+)(\??):/g)].map((m) => `${m[1]}${m[2]}`).sort();
  };

  it('every code has the params the documentation lists, no more, no fewer', () => {
    for (const code of DIAGNOSTIC_CODES) {
      const row = new RegExp(`^\\| \`${code}\` \\| [^|]* \\| ([^|]*) \\|`, 'm').exec(doc);
      expect(row, `docs/errors.md row for ${code}`).not.toBeNull();
      expect(typed(code), code).toEqual(documented((row as RegExpExecArray)[1] as string));
    }
  });
});
