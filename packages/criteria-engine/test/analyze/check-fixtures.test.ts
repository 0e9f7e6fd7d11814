/**
 * `checkRuleset`, one broken fixture per finding: each planted defect is found with its code, at
 * its line and column, with its severity, and is the only finding of the static checks there.
 * The bundled rules raise no check error and no warning.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkRuleset } from '../../src/analyze/index.js';
import type { DiagnosticCode } from '../../src/diagnostics/codes.js';
import { loadRulesetOrThrow } from '../../src/load-ruleset.js';
import { loadRulesetFile } from '../../src/node.js';

const DIR = fileURLToPath(new URL('../fixtures/check/', import.meta.url));
const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/** The codes the static checks raise (the compiler's own warnings come with the ruleset). */
const CHECK_CODES: readonly DiagnosticCode[] = [
  'criterion_never_passes',
  'criterion_never_fails',
  'disqualifier_always_applies',
  'disqualifier_never_applies',
  'requirement_unreachable',
  'mandatory_not_applicable',
  'criterion_no_effect',
  'threshold_conflict',
  'check_limit',
  'id_numbering',
  'level_points',
  'level_unreachable',
  'level_requirement_weaker',
  'level_disqualifier_redundant',
];

const EXPECTED: Record<
  string,
  {
    line: number;
    column: number;
    severity: string;
    params?: Record<string, unknown>;
    /** Findings the same defect also raises elsewhere (not counted here). */
    also?: readonly DiagnosticCode[];
  }
> = {
  // `condition: { fact: streets, at_least: 12 }` of 1.2
  criterion_never_passes: {
    line: 26,
    column: 20,
    severity: 'error',
    params: { criterion: '1.2', condition: 'streets >= 12' },
  },
  // `condition: { fact: models, at_least: 0 }` of 1.2
  criterion_never_fails: { line: 26, column: 20, severity: 'warning', params: { criterion: '1.2' } },
  // the `percent:` mapping of D1
  disqualifier_always_applies: { line: 29, column: 7, severity: 'error', params: { disqualifier: 'D1' } },
  disqualifier_never_applies: { line: 27, column: 16, severity: 'warning', params: { disqualifier: 'D1' } },
  // `requirement: { at_least_count: 2 }` of standard 1
  requirement_unreachable: {
    line: 20,
    column: 18,
    severity: 'error',
    params: { group: '1', kind: 'at_least_count', value: 2, best: 1, applicable: 1, context: 'unit_kind=to_dan_pho' },
  },
  // `mandatory: ["1.2"]`, the item
  mandatory_not_applicable: {
    line: 34,
    column: 15,
    severity: 'error',
    params: { criterion: '1.2', reason: 'never_applicable', context: 'unit_kind=to_dan_pho' },
  },
  // the id of 1.2
  criterion_no_effect: {
    line: 24,
    column: 13,
    severity: 'warning',
    params: { criterion: '1.2', reason: 'disqualifier', disqualifier: 'D1' },
  },
  // the `percent:` mapping of 1.1; 1.2's threshold is on line 29
  threshold_conflict: {
    line: 24,
    column: 11,
    severity: 'error',
    params: {
      criterion: '1.1',
      other: '1.2',
      other_line: 29,
      first: 'key_titles_trained / key_titles ≥ 100%',
      second: 'key_titles_trained ≤ 5',
    },
  },
  // the id of FS3, among FSc1 and FSc2
  id_numbering: {
    line: 24,
    column: 13,
    severity: 'info',
    params: { kind: 'criterion', id: 'FS3', group: 'FS', pattern: 'FSc<n>', example: 'FSc1' },
  },
  // the id of bronze: 2 points needed, 3 can be earned (C3 earns 0)
  level_points: {
    line: 31,
    column: 9,
    severity: 'info',
    params: { level: 'bronze', need: 2, most: 3, per_context: '' },
  },
  // the id of gold: A2 never applies to a small site, so A cannot have 2 passed there
  level_unreachable: {
    line: 37,
    column: 9,
    severity: 'warning',
    params: { level: 'gold', reason: 'requirement', context: 'size=small', above: '' },
    also: ['requirement_unreachable'],
  },
  // gold's `{ at_least_count: 1 }` for A, under silver's 2
  level_requirement_weaker: {
    line: 35,
    column: 20,
    severity: 'warning',
    params: { level: 'gold', target: 'A', kind: 'at_least_count', value: 1, lower: 'silver', lower_value: 2 },
  },
  // D2 in gold's `disqualifiers: [D1, D2]`
  level_disqualifier_redundant: {
    line: 38,
    column: 25,
    severity: 'warning',
    params: { level: 'gold', disqualifier: 'D2' },
  },
  check_limit: {
    line: 34,
    column: 13,
    severity: 'info',
    params: { kind: 'criterion', id: '1.1', max: 20000, reason: 'too_many' },
  },
};

function check(code: string) {
  const file = `${code}.yaml`;
  return checkRuleset(loadRulesetOrThrow(readFileSync(DIR + file, 'utf8'), { file }));
}

describe('static checks, one fixture per finding', () => {
  it.each(Object.entries(EXPECTED))('%s', (code, { line, column, severity, params, also = [] }) => {
    const all = check(code).diagnostics.filter((d) => CHECK_CODES.includes(d.code));
    expect(also.map((c) => all.some((d) => d.code === c))).toEqual(also.map(() => true));
    const findings = all.filter((d) => !also.includes(d.code));
    expect(
      findings.map((d) => ({ code: d.code, file: d.file, line: d.line, column: d.column, severity: d.severity })),
    ).toEqual([{ code, file: `${code}.yaml`, line, column, severity }]);
    if (params) expect(findings[0]?.params).toMatchObject(params);
  });

  it('has a fixture for every check code, and a row in the expectations for every fixture', () => {
    const files = readdirSync(DIR)
      .map((f) => f.replace(/\.yaml$/, ''))
      .sort();
    expect(files).toEqual([...CHECK_CODES].sort());
    expect(Object.keys(EXPECTED).sort()).toEqual(files);
  });

  it('keeps the load-time notes: variant coverage is part of the check output', () => {
    const codes = check('mandatory_not_applicable').diagnostics.map((d) => d.code);
    expect(codes).toEqual(['variant_uncovered', 'mandatory_not_applicable']);
  });
});

describe('the bundled rules', () => {
  it('rules/lai-chau-2020-2025: no error, no warning; one note says that 2.3 has no variant for a non-agricultural bản (once, not per commune and ward)', async () => {
    const rules = (await loadRulesetFile(`${ROOT}rules/lai-chau-2020-2025`)).value;
    if (!rules) throw new Error('the Lai Châu rules do not load');
    const { diagnostics } = checkRuleset(rules);
    expect(diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    // Q1 in the rule file: that unit is declared `no_variant: not_applicable`, `not_applicable: exclude`.
    expect(diagnostics.map((d) => [d.code, d.params['criterion'], d.params['context']])).toEqual([
      ['variant_uncovered', '2.3', 'unit_kind=ban, agricultural=false'],
    ]);
  });

  it('rules/lai-chau-2026-2030-draft: no error, no warning', async () => {
    const rules = (await loadRulesetFile(`${ROOT}rules/lai-chau-2026-2030-draft`)).value;
    if (!rules) throw new Error('the draft rules do not load');
    expect(checkRuleset(rules).diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });
});
