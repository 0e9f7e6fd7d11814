import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { formatDiagnostic, formatDiagnosticBilingual, formatDiagnostics } from '../../src/diagnostics/format.js';
import { SourceText } from '../../src/diagnostics/source.js';

const source = new SourceText('rules/ruleset.yaml', 'a: 1\nb: 2\nc: 3\n');
const unknown = source.diagnostic('schema_unknown_property', [5, 6], {
  property: 'b',
  allowed: 'a, c',
  suggestion: 'a',
});

describe('formatDiagnostic', () => {
  it('prints file:line:column, the severity word, the code, the message and the hint', () => {
    expect(formatDiagnostic(unknown, 'en')).toBe(
      'rules/ruleset.yaml:2:1: error [schema_unknown_property] The key "b" is not allowed here.\n' +
        '    → Did you mean "a"? Allowed keys here: a, c.',
    );
    expect(formatDiagnostic(unknown, 'vi')).toBe(
      'rules/ruleset.yaml:2:1: lỗi [schema_unknown_property] Không được dùng khóa "b" ở đây.\n' +
        '    → Có phải ý bạn là "a"? Các khóa hợp lệ ở đây: a, c.',
    );
  });

  it('translates warning and info', () => {
    const warning = source.diagnostic(
      'variant_overlap',
      [0, 1],
      { criterion: '2.3', first: 'a', second: 'b', context: 'x' },
      { severity: 'warning' },
    );
    const info = source.diagnostic(
      'variant_uncovered',
      [0, 1],
      { criterion: '2.3', context: 'x', policy: 'fail' },
      { severity: 'info' },
    );
    expect(formatDiagnostic(warning, 'vi')).toMatch(/^rules\/ruleset\.yaml:1:1: cảnh báo \[variant_overlap\] /);
    expect(formatDiagnostic(info, 'vi')).toMatch(/^rules\/ruleset\.yaml:1:1: thông tin \[variant_uncovered\] /);
    expect(formatDiagnostic(warning, 'en')).toMatch(/: warning \[variant_overlap\] /);
    expect(formatDiagnostic(info, 'en')).toMatch(/: info \[variant_uncovered\] /);
  });

  it('omits line and column when the problem has no place', () => {
    const d: Diagnostic = {
      code: 'file_not_found',
      severity: 'error',
      file: 'x.yaml',
      line: 0,
      column: 0,
      params: { path: 'x.yaml' },
    };
    expect(formatDiagnostic(d, 'en').split('\n')[0]).toBe('x.yaml: error [file_not_found] File not found: x.yaml.');
  });

  it('prints file:line with no column for a note about a whole row (column 0), never file:line:0', () => {
    const d: Diagnostic = {
      code: 'diagnostics_omitted',
      severity: 'info',
      file: 'batch.csv',
      line: 2,
      column: 0,
      params: { count: 40, errors: 40, scope: 'row' },
    };
    expect(formatDiagnostic(d, 'en').split('\n')[0]).toMatch(
      /^batch\.csv:2: info \[diagnostics_omitted\] … and 40 more/,
    );
    expect(formatDiagnostic(d, 'vi').split('\n')[0]).toMatch(/^batch\.csv:2: thông tin \[diagnostics_omitted\] /);
  });

  it('indents every line of a multi-line hint under the arrow', () => {
    const d = source.diagnostic('schema_required', [0, 1], { property: 'if_whole_zero' });
    const lines = formatDiagnostic(d, 'en').split('\n');
    expect(lines[1]).toBe('    → Add it to this mapping, e.g.');
    expect(lines[2]).toBe('        if_whole_zero: fail   (or pass: the result when the whole is 0)');
  });
});

describe('formatDiagnostics', () => {
  it('prints every diagnostic sorted by file, line and column', () => {
    const other = new SourceText('a.yaml', 'x\n').diagnostic('yaml_empty_document', [0, 0], {});
    const late = source.diagnostic('yaml_nul_byte', [10, 11], { count: 1 });
    const text = formatDiagnostics([late, unknown, other], 'en');
    const heads = text.split('\n').filter((l) => !l.startsWith(' '));
    expect(heads.map((l) => l.split(': ')[0])).toEqual([
      'a.yaml:1:1',
      'rules/ruleset.yaml:2:1',
      'rules/ruleset.yaml:3:1',
    ]);
  });
});

describe('formatDiagnosticBilingual', () => {
  it('prints Vietnamese first, then English', () => {
    expect(formatDiagnosticBilingual(unknown)).toBe(
      `${formatDiagnostic(unknown, 'vi')}\n${formatDiagnostic(unknown, 'en')}`,
    );
  });
});
