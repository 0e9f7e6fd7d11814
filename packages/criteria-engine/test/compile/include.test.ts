/** Shared pieces: fragments brought in with include:, and named conditions (definitions:). */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRuleset } from '../../src/index.js';
import { loadRulesetFile } from '../../src/node.js';

const FRAGMENT = `# yaml-language-server: $schema=../../schemas/ruleset.schema.json
format: 1
kind: fragment
id: shared-contents
title: { vi: "Phụ lục nội dung tự quản", en: "Appendix of self-management contents" }
facts:
  contents_registered: { type: integer, min: 0, label: { vi: "Số nội dung đăng ký", en: "Contents registered" } }
  contents_done_well: { type: integer, min: 0, part_of: contents_registered, label: { vi: "Số nội dung thực hiện tốt", en: "Contents done well" } }
definitions:
  contents_done_well_all:
    label: { vi: "Thực hiện tốt các nội dung tự quản", en: "Self-management contents done well" }
    condition:
      all:
        - { fact: contents_registered, at_least: 1 }
        - percent: { part: contents_done_well, whole: contents_registered }
          at_least: 100
          if_whole_zero: fail
`;

const MAIN = `format: 1
id: test-rules
version: "1"
title: { vi: "Bộ quy tắc thử", en: "Test rules" }
include: ["../shared/contents.yaml"]
context:
  unit_kind:
    type: enum
    values: [{ id: ban, label: { vi: "Bản", en: "Village" } }]
    label: { vi: "Loại", en: "Kind" }
facts:
  households: { type: integer, min: 0, label: { vi: "Số hộ", en: "Households" } }
groups:
  - id: "1"
    title: { vi: "Tiêu chuẩn 1", en: "Standard 1" }
    criteria:
      - id: "1.1"
        text: { vi: "Thực hiện tốt các nội dung tự quản", en: "Does the self-management contents well" }
        condition: "contents_done_well_all and households > 0"
recognition:
  group_requirement: { at_least_percent: 100 }
`;

function layout(main = MAIN, fragment = FRAGMENT) {
  const dir = mkdtempSync(join(tmpdir(), 'lcz-include-'));
  mkdirSync(join(dir, 'rules'));
  mkdirSync(join(dir, 'shared'));
  writeFileSync(join(dir, 'rules', 'ruleset.yaml'), main);
  writeFileSync(join(dir, 'shared', 'contents.yaml'), fragment);
  // The declared root: rules/ may include ../shared/ because both sit under it.
  writeFileSync(join(dir, '.lcz-root'), '');
  return { dir, rules: join(dir, 'rules'), fragment: join(dir, 'shared', 'contents.yaml') };
}

const where = (d: { code: string; file: string; line: number; column: number }) => ({
  code: d.code,
  file: d.file,
  line: d.line,
  column: d.column,
});

describe('include: and definitions:', () => {
  it('brings a fragment’s facts and named conditions into the ruleset', async () => {
    const { rules } = layout();
    const { value: r, diagnostics } = await loadRulesetFile(rules);
    expect(diagnostics).toEqual([]);
    expect(r?.facts.map((f) => f.id)).toEqual(['households', 'contents_registered', 'contents_done_well']);
    expect(r?.includes).toEqual(['../shared/contents.yaml']);
    expect(r?.definitions.map((d) => d.id)).toEqual(['contents_done_well_all']);
    // Tools see the thresholds behind the name, and the trace shows the facts it reads.
    const info = r?.criteria[0]?.condition;
    expect(info?.thresholds.map((t) => t.kind)).toEqual(['compare', 'compare', 'percent']);
    expect(info?.reads).toEqual(['contents_registered', 'contents_done_well', 'households']);
    const ctx = { unit_kind: 'ban' };
    expect(
      r?.evaluate({ context: ctx, facts: { households: 5, contents_registered: 2, contents_done_well: 2 } }).decision,
    ).toBe('recognised');
    expect(
      r?.evaluate({ context: ctx, facts: { households: 5, contents_registered: 2, contents_done_well: 1 } }).decision,
    ).toBe('not_recognised');
    expect(
      r?.evaluate({ context: ctx, facts: { households: 5, contents_registered: 0, contents_done_well: 0 } }).decision,
    ).toBe('not_recognised');
    const partial = r?.evaluate({ context: ctx, facts: { households: 5 } });
    expect(partial?.decision).toBe('undetermined');
    expect(partial?.needed).toEqual(['contents_registered', 'contents_done_well']);
  });

  it('locates a mistake inside the fragment in the fragment’s own file', async () => {
    const { rules, fragment } = layout(
      MAIN,
      FRAGMENT.replace('{ fact: contents_registered, at_least: 1 }', '"contents_registred >= 1"'),
    );
    const { value, diagnostics } = await loadRulesetFile(rules);
    expect(value).toBeUndefined();
    expect(diagnostics.map(where)).toEqual([{ code: 'expr_unknown_name', file: fragment, line: 14, column: 12 }]);
  });

  it('reports a missing, a non-fragment and a nested include at the include line', async () => {
    const missing = layout(MAIN.replace('../shared/contents.yaml', '../shared/nope.yaml'));
    expect(
      (await loadRulesetFile(missing.rules)).diagnostics.map((d) => [d.code, d.line, d.column, d.params['reason']]),
    ).toEqual([['include_invalid', 5, 11, 'not_found']]);
    const notFragment = layout(MAIN, FRAGMENT.replace('kind: fragment\n', 'kind: ruleset\n'));
    expect((await loadRulesetFile(notFragment.rules)).diagnostics.map((d) => d.code)).toContain('include_invalid');
    const nested = layout(MAIN, FRAGMENT.replace('kind: fragment\n', 'kind: fragment\ninclude: ["x.yaml"]\n'));
    expect((await loadRulesetFile(nested.rules)).diagnostics.map((d) => d.params['reason'])).toEqual(['nested']);
  });

  it('refuses a name declared both in the ruleset and in a fragment, naming both files', async () => {
    const { rules } = layout(
      MAIN.replace(
        '  households: {',
        '  contents_registered: { type: integer, label: { vi: "x", en: "x" } }\n  households: {',
      ),
    );
    const { diagnostics } = await loadRulesetFile(rules);
    expect(diagnostics.map((d) => d.code)).toContain('duplicate_id');
    expect(diagnostics.find((d) => d.code === 'duplicate_id')?.params['first_file']).toMatch(/ruleset\.yaml$/);
  });

  it('finds a definition that uses itself', () => {
    const text = MAIN.replace('include: ["../shared/contents.yaml"]\n', '')
      .replace('groups:', 'definitions:\n  a: { condition: "b and households > 0" }\n  b: { condition: "a" }\ngroups:')
      .replace('contents_done_well_all and ', 'a and ');
    const { diagnostics } = loadRuleset(text, { file: 'cycle.yaml' });
    expect(diagnostics.map((d) => d.code)).toContain('definition_cycle');
  });

  it('needs a file reader to include files, and says so', () => {
    const { diagnostics } = loadRuleset(MAIN, { file: 'main.yaml' });
    expect(diagnostics.map((d) => [d.code, d.params['reason']])).toEqual([['include_invalid', 'no_reader']]);
  });

  it('changes the content hash when a shared piece changes', async () => {
    const a = await loadRulesetFile(layout().rules);
    const b = await loadRulesetFile(layout(MAIN, FRAGMENT.replace('at_least: 100', 'at_least: 90')).rules);
    expect(a.value?.hash).toBeDefined();
    expect(a.value?.hash).not.toBe(b.value?.hash);
  });

  describe('every problem at once, across the files of a rule folder', () => {
    // The fragment: a fact whose type is misspelt (schema) and a named condition reading a
    // misspelt fact (compile); the main file: a misspelt fact in a condition (compile).
    const brokenFragment = FRAGMENT.replace(
      '  contents_done_well:',
      '  broken: { type: integr, label: { vi: "Hỏng", en: "Broken" } }\n  contents_done_well:',
    ).replace('{ fact: contents_registered, at_least: 1 }', '"contents_registred >= 1 or broken > 0"');
    const misspeltMain = MAIN.replace('households > 0', 'housholds > 0');

    it('a schema error in a fragment hides neither the fragment’s other problems nor the main file’s', async () => {
      const { rules, fragment } = layout(misspeltMain, brokenFragment);
      const { value, diagnostics } = await loadRulesetFile(rules);
      expect(value).toBeUndefined();
      const main = join(rules, 'ruleset.yaml');
      expect(diagnostics.map(where)).toEqual([
        { code: 'schema_enum', file: fragment, line: 8, column: 19 },
        { code: 'include_invalid', file: main, line: 5, column: 11 },
        { code: 'expr_unknown_name', file: fragment, line: 15, column: 12 },
        { code: 'expr_unknown_name', file: main, line: 19, column: 48 },
      ]);
      // `broken > 0` reads the fact the schema refused: its one message is the schema's.
      expect(diagnostics.filter((d) => Object.values(d.params).includes('broken'))).toEqual([]);
    });

    it('with a schema error in the main file too: every file’s problems, each once', async () => {
      const { rules } = layout(
        misspeltMain.replace('type: integer, min: 0', 'type: integer, min: "none"'),
        brokenFragment,
      );
      const codes = (await loadRulesetFile(rules)).diagnostics.map((d) => `${d.line}:${d.column} ${d.code}`);
      expect(codes).toEqual([
        '12:37 schema_type',
        '8:19 schema_enum',
        '5:11 include_invalid',
        '15:12 expr_unknown_name',
        '19:48 expr_unknown_name',
      ]);
    });
  });
});
