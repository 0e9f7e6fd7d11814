/**
 * Files named by rule and test files (include:, assessment:) stay inside the naming file's root:
 * its own folder tree, or the folder declared with a .lcz-root file. Nothing outside is read, and
 * the refusal is located at the line that names the file.
 */
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRulesetFile, runTestDirectory } from '../../src/node.js';

// A valid fragment: if it were read, the ruleset would load without a single diagnostic.
const OUTSIDE_FRAGMENT = `format: 1
kind: fragment
id: outside
title: { vi: "Ngoài", en: "Outside" }
facts:
  secret_outside_fact: { type: integer, min: 0, label: { vi: "Bí mật", en: "Secret" } }
`;

const main = (include: string) => `format: 1
id: test-rules
version: "1"
title: { vi: "Bộ quy tắc thử", en: "Test rules" }
include: [${JSON.stringify(include)}]
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
        text: { vi: "Có hộ", en: "Has households" }
        condition: "households > 0"
recognition:
  group_requirement: { at_least_percent: 100 }
`;

/** tmp/outside.yaml (a valid fragment) beside tmp/tree/rules/ruleset.yaml. */
function layout(include: string) {
  const dir = mkdtempSync(join(tmpdir(), 'lcz-confine-'));
  const rules = join(dir, 'tree', 'rules');
  mkdirSync(rules, { recursive: true });
  writeFileSync(join(dir, 'outside.yaml'), OUTSIDE_FRAGMENT);
  writeFileSync(join(rules, 'ruleset.yaml'), main(include));
  return { dir, rules, outside: join(dir, 'outside.yaml') };
}

const at = (d: { code: string; line: number; column: number; params: Record<string, unknown> }) => [
  d.code,
  d.line,
  d.column,
  d.params['reason'],
];

describe('include: stays inside the ruleset’s folder tree', () => {
  it('refuses a .. that climbs out, at the include line, without reading the file', async () => {
    const { rules } = layout('../../outside.yaml');
    const { value, diagnostics } = await loadRulesetFile(rules);
    expect(value).toBeUndefined();
    expect(diagnostics.map(at)).toEqual([['file_outside_root', 5, 11, 'outside']]);
    expect(JSON.stringify(diagnostics)).not.toContain('secret_outside_fact');
  });

  it('refuses the /etc/passwd climb and an absolute path', async () => {
    const climb = await loadRulesetFile(layout('../../../../../../../../../../etc/passwd').rules);
    expect(climb.diagnostics.map(at)).toEqual([['file_outside_root', 5, 11, 'outside']]);
    expect(JSON.stringify(climb.diagnostics)).not.toContain('root:');
    const { rules, outside } = layout('');
    writeFileSync(join(rules, 'ruleset.yaml'), main(outside));
    expect((await loadRulesetFile(rules)).diagnostics.map(at)).toEqual([['file_outside_root', 5, 11, 'absolute']]);
  });

  it('refuses a link inside the tree that leads out of it', async () => {
    const { rules, outside } = layout('linked.yaml');
    symlinkSync(outside, join(rules, 'linked.yaml'));
    const { diagnostics } = await loadRulesetFile(rules);
    expect(diagnostics.map(at)).toEqual([['file_outside_root', 5, 11, 'link']]);
    expect(JSON.stringify(diagnostics)).not.toContain('secret_outside_fact');
  });

  it('reads a file from a wider root declared by a .lcz-root file, or given by the caller', async () => {
    const marked = layout('../../outside.yaml');
    writeFileSync(join(marked.dir, '.lcz-root'), '');
    const loaded = await loadRulesetFile(marked.rules);
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.value?.facts.map((f) => f.id)).toContain('secret_outside_fact');

    const given = layout('../../outside.yaml');
    expect((await loadRulesetFile(given.rules, { root: given.dir })).diagnostics).toEqual([]);
    // A root the caller gives is not widened by a marker further up.
    writeFileSync(join(given.dir, '.lcz-root'), '');
    const narrow = await loadRulesetFile(given.rules, { root: join(given.dir, 'tree') });
    expect(narrow.diagnostics.map(at)).toEqual([['file_outside_root', 5, 11, 'outside']]);
  });
});

describe('assessment: files named by test files stay inside the root too', () => {
  it('refuses an assessment outside, at the assessment: line', async () => {
    const { dir, rules } = layout('');
    writeFileSync(join(rules, 'ruleset.yaml'), main('').replace('include: [""]\n', ''));
    writeFileSync(
      join(dir, 'secret.yaml'),
      'ruleset: test-rules\ncontext: { unit_kind: ban }\nfacts: { households: 3 }\n',
    );
    mkdirSync(join(rules, 'tests'));
    writeFileSync(
      join(rules, 'tests', 'a.yaml'),
      'ruleset: test-rules\ncases:\n  - name: x\n    assessment: ../../../secret.yaml\n    expect: { decision: recognised }\n',
    );
    const run = await runTestDirectory(rules);
    const found = [...run.diagnostics, ...run.runs.flatMap((r) => r.cases.flatMap((c) => c.diagnostics))];
    expect(found.map((d) => [d.code, d.line, d.column])).toEqual([['file_outside_root', 4, 17]]);
    expect(run.passed).toBe(0);
  });
});
