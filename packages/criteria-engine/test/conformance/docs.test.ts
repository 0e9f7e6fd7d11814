/**
 * docs/test-cases.md is executed: its complete example runs and passes, and the outputs it shows
 * (a failing case with 1.3 weakened to 95%, in Vietnamese and English; a case that cannot run) are
 * exactly what the runner prints today.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadRuleset, type CompiledRuleset } from '../../src/index.js';
import { formatTestCase, runTestCases } from '../../src/tools.js';
import { readTextSync } from '../../src/node-files.js';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const RULES = join(ROOT, 'rules/lai-chau-2020-2025');
const doc = readFileSync(join(ROOT, 'docs/test-cases.md'), 'utf8');

/** The fenced block right after `<!-- marker… -->`. */
function block(marker: string): string {
  const found = new RegExp(`<!-- ${marker}[^>]*-->\\n\`\`\`[a-z]*\\n([\\s\\S]*?)\\n\`\`\``).exec(doc);
  if (!found?.[1]) throw new Error(`no block after <!-- ${marker} in docs/test-cases.md`);
  return found[1];
}

function load(text: string): CompiledRuleset {
  const loaded = loadRuleset(text, { file: join(RULES, 'ruleset.yaml') });
  if (!loaded.value) throw new Error('rules did not load');
  return loaded.value;
}

const rules = readFileSync(join(RULES, 'ruleset.yaml'), 'utf8');
const RULE_13 = '          percent: { part: households_law_abiding, whole: households }\n          at_least: 98\n';

describe('docs/test-cases.md', () => {
  it('its complete example is a valid test file whose cases all pass', () => {
    const run = runTestCases(load(rules), block('test-cases-example'), join(RULES, 'tests', 'docs-example.yaml'), {
      readFile: readTextSync,
    });
    expect(run.diagnostics).toEqual([]);
    expect(run.cases.length).toBeGreaterThanOrEqual(4);
    expect(run.cases.filter((c) => !c.ok).map((c) => c.name)).toEqual([]);
  });

  it.each(['vi', 'en'] as const)('shows the real output of the failing boundary case (%s)', (lang) => {
    const broken = load(rules.replace(RULE_13, RULE_13.replace('at_least: 98', 'at_least: 95')));
    const file = join(RULES, 'tests', '04-boundaries.yaml');
    const run = runTestCases(broken, readFileSync(file, 'utf8'), file, { readFile: readTextSync });
    const c = run.cases.find((x) => x.name.startsWith('1.3: 9799/10000'));
    if (!c) throw new Error('the 9799/10000 case is gone from 04-boundaries.yaml');
    expect(formatTestCase(run, c, lang, { file: 'rules/lai-chau-2020-2025/tests/04-boundaries.yaml' })).toBe(
      block(`failing-output-${lang}`),
    );
  });

  it('shows the real output of a case that cannot run', () => {
    const text = `# yaml-language-server: $schema=../../../schemas/test-cases.schema.json
bases:
  tdp: { assessment: bases/to-dan-pho-dat-chuan.yaml }
cases:
  - name: "1.3: 97/100 hộ chấp hành thì không đạt"
    extends: tđp
    facts: { households_law_abiding: 97 }
    expect: { decision: not_recognised, criteria: { "1.3": fail } }
  - name: "5.2: còn 1 hộ nghèo thì không đạt"
    extends: tdp
    facts: { poor_househlds: 1 }
    expect: { decision: recognised, criteria: { "5.22": fail } }
`;
    const label = 'rules/lai-chau-2020-2025/tests/99-vi-du-loi.yaml';
    const run = runTestCases(load(rules), text, join(RULES, 'tests', '99-vi-du-loi.yaml'), { readFile: readTextSync });
    const c = run.cases[1];
    if (!c) throw new Error('no second case');
    const shown = formatTestCase(
      { ...run, cases: [] },
      { ...c, diagnostics: c.diagnostics.map((d) => ({ ...d, file: label })) },
      'vi',
    );
    expect(doc).toContain(`\`\`\`\n${shown}\n\`\`\``);
  });
});
