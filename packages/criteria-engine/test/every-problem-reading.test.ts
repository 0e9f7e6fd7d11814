/**
 * Every problem at once, past the problems that used to stop the later stages: a duplicate key or
 * a tag (the YAML is still read), an unknown top-level key, a broken `recognition.group_requirement`,
 * an `include:` that cannot be read, a schema error in one of two criteria with the same id. The
 * fixture has three compile problems (a misspelt fact, an id written twice, an unknown mandatory
 * criterion); each break must leave them reported, and add only its own problem. A tab used to
 * indent one line is one problem, at the tab, and the rest of the file is checked as usual.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import rulesetSchema from '../../../schemas/ruleset.schema.json' with { type: 'json' };
import { type Diagnostic, formatDiagnostic, loadRuleset } from '../src/index.js';
import { HEADER_KEYS, KNOWN_KEYS } from '../src/past-schema-errors.js';

const FIXTURE = fileURLToPath(new URL('./fixtures/every-problem/compile-problems.yaml', import.meta.url));
const TEXT = readFileSync(FIXTURE, 'utf8');
const COMPILE = ['expr_unknown_name', 'duplicate_id', 'unknown_criterion'];

const FRAGMENT = [
  'format: 1',
  'kind: fragment',
  'id: shared',
  'version: "1"',
  'title: { vi: "Chung", en: "Shared" }',
  'facts:',
  '  income: { type: integer, min: 0, label: { vi: "Thu nhập", en: "Income" } }',
  '',
].join('\n');

function load(text: string, files: Record<string, string> = {}): readonly Diagnostic[] {
  return loadRuleset(text, {
    file: 'r.yaml',
    readInclude: (path) => (files[path] !== undefined ? { file: path, text: files[path] } : undefined),
  }).diagnostics;
}

const where = (found: readonly Diagnostic[]) => found.map((d) => `${d.file}:${d.line}:${d.column} ${d.code}`);
const compileCodes = (found: readonly Diagnostic[]) => found.map((d) => d.code).filter((c) => COMPILE.includes(c));

describe('the top-level keys the pass knows', () => {
  it('are those of the JSON Schema, and the header keys are among them', () => {
    expect([...KNOWN_KEYS].sort()).toEqual(Object.keys(rulesetSchema.properties).sort());
    for (const key of HEADER_KEYS) expect(KNOWN_KEYS.has(key), key).toBe(true);
  });
});

describe('the fixture', () => {
  it('has its three compile problems, nothing else', () => {
    expect(where(load(TEXT))).toEqual([
      'r.yaml:30:15 unknown_criterion',
      'r.yaml:24:21 expr_unknown_name',
      'r.yaml:25:13 duplicate_id',
    ]);
  });
});

describe('a YAML problem that leaves the file readable hides nothing else', () => {
  it('a duplicate key: the part holding it is set aside, the rest compiled', () => {
    const text = TEXT.replace('  households_ok:', '  households: { type: integer }\n  households_ok:');
    const found = load(text);
    expect(where(found)[0]).toBe('r.yaml:17:3 yaml_duplicate_key');
    expect(found[0]?.path).toBe('/facts/households');
    expect(compileCodes(found)).toEqual(['unknown_criterion', 'expr_unknown_name', 'duplicate_id']);
  });

  it('a duplicate key inside a criterion: that criterion is set aside, the others still checked', () => {
    const text = TEXT.replace('condition: "households > 0"', 'condition: "households > 0"\n        condition: "x"');
    const found = load(text);
    expect(where(found)).toContain('r.yaml:28:9 yaml_duplicate_key');
    expect(found.find((d) => d.code === 'yaml_duplicate_key')?.path).toBe('/groups/0/criteria/1/condition');
    // The second 1.1 is set aside; it is still the same id written twice.
    expect(compileCodes(found)).toEqual(['duplicate_id', 'unknown_criterion', 'expr_unknown_name']);
  });

  it('a tag: placed at the node it is written on', () => {
    const found = load(TEXT.replace('version: "1"', 'version: !!str "1"'));
    expect(where(found)[0]).toBe('r.yaml:7:10 yaml_unsupported_tag');
    expect(found[0]?.path).toBe('/version');
    expect(compileCodes(found)).toEqual(['unknown_criterion', 'expr_unknown_name', 'duplicate_id']);
  });

  it('a tag inside a criterion sets that criterion aside', () => {
    const found = load(TEXT.replace('condition: "househols > 0"', 'condition: !expr "househols > 0"'));
    expect(found[0]).toMatchObject({ code: 'yaml_unsupported_tag', path: '/groups/0/criteria/0/condition' });
    expect(compileCodes(found)).toEqual(['duplicate_id', 'unknown_criterion']);
  });
});

describe('what used to be "the frame of the file" no longer hides the rest', () => {
  it('an unknown top-level key', () => {
    const found = load(`${TEXT}colour: red\n`);
    expect(where(found)[0]).toBe('r.yaml:31:1 schema_unknown_property');
    expect(compileCodes(found)).toEqual(['unknown_criterion', 'expr_unknown_name', 'duplicate_id']);
  });

  it('a misspelt section: the names it declares are not called unknown', () => {
    const text = TEXT.replace('facts:', 'factz:');
    const found = load(text);
    // households and households_ok are declared under factz: their uses say nothing more.
    expect(found.filter((d) => d.params['name'] === 'households' || d.params['id'] === 'households')).toEqual([]);
    expect(compileCodes(found)).toEqual(['unknown_criterion', 'expr_unknown_name', 'duplicate_id']);
  });

  it('a broken group_requirement: a stand-in takes its place, and nothing is said of the stand-in', () => {
    const found = load(TEXT.replace('at_least_percent: 80', 'at_least_percen: 80'));
    expect(where(found)[0]).toBe('r.yaml:29:24 schema_unknown_property');
    expect(compileCodes(found)).toEqual(['unknown_criterion', 'expr_unknown_name', 'duplicate_id']);
    expect(found).toHaveLength(4);
  });

  it('no facts: section at all: the rest is checked, and no name is called unknown for it', () => {
    const found = load(TEXT.replace(/facts:\n.*\n.*\n/, ''));
    expect(found[0]).toMatchObject({ code: 'schema_required', params: { property: 'facts' } });
    expect(compileCodes(found)).toEqual(['unknown_criterion', 'duplicate_id']);
  });

  it('a section of the wrong kind (facts: [], levels: 5, disqualifiers: 5): set aside, the rest checked, nothing said of what it may declare', () => {
    const facts = load(TEXT.replace(/facts:\n.*\n.*\n/, 'facts: []\n'));
    expect(facts[0]?.code).toBe('schema_type');
    expect(compileCodes(facts)).toEqual(['unknown_criterion', 'duplicate_id']);
    for (const section of ['levels: 5', 'disqualifiers: 5']) {
      const found = load(TEXT.replace('recognition:', `${section}\nrecognition:`));
      expect(found[0]?.code, section).toBe('schema_type');
      expect(compileCodes(found), section).toEqual(['unknown_criterion', 'expr_unknown_name', 'duplicate_id']);
    }
  });

  it('no group_requirement at all', () => {
    const found = load(TEXT.replace('  group_requirement: { at_least_percent: 80 }\n', ''));
    expect(found[0]?.code).toBe('schema_required');
    expect(compileCodes(found)).toEqual(['unknown_criterion', 'expr_unknown_name', 'duplicate_id']);
  });

  it('an include that cannot be read: the rest is checked, but no name is called unknown (the file may declare it)', () => {
    const text = TEXT.replace('version: "1"', 'version: "1"\ninclude: ["missing.yaml"]');
    const found = load(text);
    expect(where(found)[0]).toBe('r.yaml:8:11 include_invalid');
    expect(compileCodes(found)).toEqual(['unknown_criterion', 'duplicate_id']);
  });

  it('an include entry the schema refuses, beside one that is read', () => {
    const text = TEXT.replace('version: "1"', 'version: "1"\ninclude: [3, "f.yaml"]').replace(
      'condition: "households > 0"',
      'condition: "households > income"',
    );
    const found = load(text, { 'f.yaml': FRAGMENT });
    expect(found[0]?.code).toBe('schema_type');
    expect(compileCodes(found)).toEqual(['unknown_criterion', 'duplicate_id']);
  });

  it('an include entry the schema refuses does not hide the problems of the files the others name', () => {
    const text = TEXT.replace('version: "1"', 'version: "1"\ninclude: [3, "f.yaml"]');
    const found = load(text, { 'f.yaml': FRAGMENT.replace('type: integer', 'type: integr') });
    expect(where(found).filter((l) => l.startsWith('f.yaml'))).toEqual(['f.yaml:7:19 schema_enum']);
  });

  it('a fragment that does not parse, beside one that does: the rest is still checked', () => {
    const text = TEXT.replace('version: "1"', 'version: "1"\ninclude: ["f.yaml", "bad.yaml"]');
    const found = load(text, { 'f.yaml': FRAGMENT, 'bad.yaml': 'format: 1\nkind: fragment\nfacts: [\n' });
    expect(found.some((d) => d.file === 'bad.yaml' && d.code === 'yaml_syntax')).toBe(true);
    expect(compileCodes(found)).toEqual(['unknown_criterion', 'duplicate_id']);
  });
});

describe('ids past schema errors', () => {
  it('a schema error in the first of two criteria with one id: the duplicate is still reported, with the first line', () => {
    const found = load(TEXT.replace('text: { vi: "98% trở lên', 'txet: 1\n        text: { vi: "98% trở lên'));
    expect(where(found)).toEqual([
      'r.yaml:23:9 schema_unknown_property',
      'r.yaml:26:13 duplicate_id',
      'r.yaml:31:15 unknown_criterion',
    ]);
    expect(found[1]?.params).toMatchObject({ id: '1.1', first_line: 22 });
  });

  it('a schema error in the second: the duplicate and the unknown mandatory criterion (whose suggestion is set aside) both', () => {
    const found = load(TEXT.replace('text: { vi: "x", en: "x" }', 'text: { vi: "x", en: "x" }\n        txet: 1'));
    expect(where(found)).toEqual([
      'r.yaml:27:9 schema_unknown_property',
      'r.yaml:25:13 duplicate_id',
      'r.yaml:31:15 unknown_criterion',
      'r.yaml:24:21 expr_unknown_name',
    ]);
  });

  it('a fact set aside and a parameter of the same name: the name is still declared twice', () => {
    const text = TEXT.replace('households: { type: integer, min: 0,', 'households: { type: integr, min: 0,').replace(
      'groups:',
      'parameters:\n  households: { value: 3, label: { vi: "p", en: "p" } }\ngroups:',
    );
    const found = load(text);
    expect(where(found).filter((l) => l.includes('duplicate_id'))).toContain('r.yaml:19:3 duplicate_id');
    expect(found.find((d) => d.line === 19)?.params).toMatchObject({ kind: 'name', id: 'households', first_line: 16 });
  });

  it('a reference to the criterion set aside is no problem: its id is known', () => {
    const text = TEXT.replace('text: { vi: "x", en: "x" }', 'text: { vi: "x", en: "x" }\n        txet: 1').replace(
      '["1.9"]',
      '["1.1"]',
    );
    expect(load(text).filter((d) => d.code === 'unknown_criterion')).toEqual([]);
  });
});

describe('a tab used to indent a line: one problem, and the real others', () => {
  const tabbed = (line: number, keep = 0) =>
    TEXT.split('\n')
      .map((l, i) => {
        if (i !== line - 1) return l;
        const indent = l.length - l.trimStart().length;
        return `${l.slice(0, keep)}\t${l.slice(indent)}`;
      })
      .join('\n');

  it('a tab before "- id" of the first criterion: was 9 problems (a false duplicate key among them), is the tab and the three', () => {
    const found = load(tabbed(22));
    expect(where(found)).toEqual([
      'r.yaml:22:1 yaml_tab_indentation',
      'r.yaml:30:15 unknown_criterion',
      'r.yaml:24:21 expr_unknown_name',
      'r.yaml:25:13 duplicate_id',
    ]);
    expect(found[0]?.params).toEqual({ spaces: 6 });
    expect(formatDiagnostic(found[0] as Diagnostic, 'en')).toMatch(
      /indented with a tab[\s\S]*→ Replace the tab .* with 6 spaces/,
    );
    expect(formatDiagnostic(found[0] as Diagnostic, 'vi')).toMatch(
      /thụt lề bằng Tab[\s\S]*→ Thay Tab .* bằng 6 dấu cách/,
    );
  });

  it('a tab before "title:" of the standard: no false duplicate key', () => {
    expect(where(load(tabbed(20)))).toEqual([
      'r.yaml:20:1 yaml_tab_indentation',
      'r.yaml:30:15 unknown_criterion',
      'r.yaml:24:21 expr_unknown_name',
      'r.yaml:25:13 duplicate_id',
    ]);
  });

  it('on the line of a problem, the problem keeps its column in the file as written, and its range the written text', () => {
    const text = tabbed(24);
    const found = load(text);
    expect(where(found)).toEqual([
      'r.yaml:24:1 yaml_tab_indentation',
      'r.yaml:30:15 unknown_criterion',
      'r.yaml:24:14 expr_unknown_name',
      'r.yaml:25:13 duplicate_id',
    ]);
    const [start, end] = found[2]?.range ?? [0, 0];
    expect(text.slice(start, end)).toBe('househols');
  });

  it('whatever indented line has the tab (in place of its indentation, or after part of it): the tab and the three, nothing else', () => {
    const lines = TEXT.split('\n');
    let tried = 0;
    for (const [i, l] of lines.entries()) {
      const indent = l.length - l.trimStart().length;
      if (indent === 0 || l.trimStart().startsWith('#')) continue;
      for (const keep of [0, indent - 2]) {
        const found = load(tabbed(i + 1, keep));
        const codes = found.map((d) => d.code);
        expect(codes, `line ${i + 1}, tab after ${keep} spaces`).toEqual([
          'yaml_tab_indentation',
          'unknown_criterion',
          'expr_unknown_name',
          'duplicate_id',
        ]);
        expect(found[0]).toMatchObject({ line: i + 1, column: keep + 1 });
        tried++;
      }
    }
    expect(tried).toBeGreaterThan(30);
  });

  it('a tab inside a block of text (|) is text, not indentation: only the tab that misreads the file is reported', () => {
    const text = tabbed(22).replace('recognition:\n', 'recognition:\n  note: |\n    Ghi chú\n    \tthụt vào\n');
    const tabs = load(text).filter((d) => d.code === 'yaml_tab_indentation');
    expect(tabs.map((d) => d.line)).toEqual([22]);
  });

  it('a file indented with tabs throughout: each line named once, the three found at their columns', () => {
    const text = TEXT.split('\n')
      .map((l) => {
        const indent = l.length - l.trimStart().length;
        return '\t'.repeat(indent / 2) + l.slice(indent);
      })
      .join('\n');
    const found = load(text);
    const indented = TEXT.split('\n').filter((l) => /^ +\S/.test(l)).length;
    expect(found.filter((d) => d.code === 'yaml_tab_indentation')).toHaveLength(indented);
    expect(where(found.filter((d) => d.code !== 'yaml_tab_indentation'))).toEqual([
      'r.yaml:30:14 unknown_criterion',
      'r.yaml:24:17 expr_unknown_name',
      'r.yaml:25:10 duplicate_id',
    ]);
  });
});
