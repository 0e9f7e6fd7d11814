/**
 * compareDecision on the example assessments and the 2020 survey: the areas whose decision
 * changes between 2020–2025 and the illustrative 2026–2030 draft are found, with their reasons,
 * and checked against an independent evaluation of both versions done here (the assessment's
 * YAML read afresh, the dropped fact deleted by hand, each version's own validation and
 * evaluation). Constructed cases show the other planted changes at work.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { parse as parseYamlText } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { CompiledRuleset } from '../../../src/compile/compiled-ruleset.js';
import type { Assessment } from '../../../src/evaluate/assessment.js';
import type { Decision, FactValue } from '../../../src/evaluate/result.js';
import {
  compareDecision,
  projectAssessment,
  summariseDecisions,
  type AreaDecision,
} from '../../../src/explain/diff/index.js';
import { changed, newRules, oldRules, ROOT } from './fixtures.js';

const EXAMPLES = ['examples/assessments', 'examples/survey-2020'].flatMap((dir) =>
  readdirSync(`${ROOT}${dir}`)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => `${dir}/${f}`),
);

const raw = (file: string) => parseYamlText(readFileSync(`${ROOT}${file}`, 'utf8')) as Assessment;

/** Validate and evaluate with one version (whatever its period: the point is reading it under each), failing the test on any input error. */
function decisionUnder(rules: CompiledRuleset, input: Assessment): Decision {
  const checked = rules.validateAssessment(input, undefined, { anyDate: true });
  expect(checked.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return rules.evaluate(checked.value as Assessment).decision;
}

function compared(
  rules: { before: CompiledRuleset; after: CompiledRuleset },
  input: Assessment,
  file = 'input.yaml',
): AreaDecision {
  const checked = rules.before.validateAssessment(input);
  expect(checked.value).toBeDefined();
  const result = compareDecision(rules.before, rules.after, checked.value as Assessment, { file });
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return result.value as AreaDecision;
}

function withFacts(
  base: Assessment,
  facts: Record<string, FactValue>,
  context: Record<string, string | boolean> = {},
): Assessment {
  return { ...base, context: { ...base.context, ...context }, facts: { ...base.facts, ...facts } };
}

describe('the example assessments and the 2020 survey under both versions', () => {
  const areas = EXAMPLES.map((file) => compared({ before: oldRules, after: newRules }, raw(file), file));

  it('covers every example (4 assessments, 7 survey units)', () => {
    expect(EXAMPLES).toHaveLength(11);
    expect(summariseDecisions(areas)).toMatchObject({ assessed: 11 });
  });

  it('finds exactly the areas whose decision an independent evaluation of both versions changes', () => {
    const independent = EXAMPLES.filter((file) => {
      const input = raw(file);
      const before = decisionUnder(oldRules, input);
      // The draft dropped 3.7 and its fact: the same assessment without it.
      const { traffic_congestion_occurred: _dropped, ...facts } = input.facts;
      const after = decisionUnder(newRules, { ...input, facts });
      return before !== after;
    });
    expect(independent.length).toBeGreaterThan(0);
    expect(areas.filter((a) => a.changed).map((a) => a.source.file)).toEqual(independent);
    expect(summariseDecisions(areas).changed).toBe(independent.length);
    for (const a of areas) expect(a.before).toBe(decisionUnder(oldRules, raw(a.source.file)));
  });

  it('not-recognised-ban: recognised once 95% suffices for 1.3 (97 of 100 households)', () => {
    const a = areas.find((x) => x.source.file.endsWith('not-recognised-ban.yaml'));
    expect(a).toMatchObject({ before: 'not_recognised', after: 'recognised', changed: true });
    expect(a?.criteria).toEqual(
      expect.arrayContaining([
        { id: '1.3', before: 'fail', after: 'pass' },
        { id: '2.9', before: null, after: 'unknown' },
        { id: '3.7', before: 'pass', after: null },
      ]),
    );
    expect(a?.standards).toEqual([
      {
        id: '1',
        before: 'not_met',
        after: 'met',
        passed_before: 3,
        passed_after: 4,
        applicable_before: 4,
        applicable_after: 4,
        required_before: 4,
        required_after: 4,
      },
    ]);
    expect(a?.reasons).toEqual({ added: [], removed: [{ kind: 'group_not_met', id: '1' }] });
    expect(a?.ignored).toEqual(['traffic_congestion_occurred']);
  });

  it('recognised-to-dan-pho: undetermined, because standard 2 now needs 8 of 9 and 2.9 is unknown', () => {
    const a = areas.find((x) => x.source.file.endsWith('recognised-to-dan-pho.yaml'));
    expect(a).toMatchObject({ before: 'recognised', after: 'undetermined', changed: true });
    expect(a?.standards).toEqual([
      {
        id: '2',
        before: 'met',
        after: 'unknown',
        passed_before: 7,
        passed_after: 7,
        applicable_before: 8,
        applicable_after: 9,
        required_before: 7,
        required_after: 8,
      },
    ]);
    expect(a?.reasons.added).toEqual([{ kind: 'unknown', ids: ['2'] }]);
  });

  it('an area whose decision stays lists the statuses that moved all the same', () => {
    const a = areas.find((x) => x.source.file.endsWith('disqualified-ban-in-ward.yaml'));
    expect(a).toMatchObject({ before: 'not_recognised', after: 'not_recognised', changed: false });
    // A non-agricultural bản: 2.3 was left out; the draft fails it.
    expect(a?.criteria).toContainEqual({ id: '2.3', before: 'not_applicable', after: 'fail' });
  });
});

describe('constructed cases for the other planted changes', () => {
  // Inputs must be valid for the old version, so they cannot give the facts of 2.9: it stays unknown.
  const recognised = raw('examples/assessments/recognised-to-dan-pho.yaml');

  it('a recognised area without “khu dân cư văn hóa” loses recognition: 4.3 became mandatory', () => {
    // 4.5 passes instead, so standard 4 still has 7 of 8 without 4.3.
    const input = withFacts(recognised, { cultural_area_recognised: false, unsafe_roadway_parking_occurred: false });
    const a = compared({ before: oldRules, after: newRules }, input);
    expect(a).toMatchObject({ before: 'recognised', after: 'not_recognised', changed: true });
    expect(a.reasons.added).toEqual([{ kind: 'mandatory_failed', id: '4.3' }]);
    // 4.3 failed under both versions: only its being mandatory changed.
    expect(a.criteria.find((c) => c.id === '4.3')).toBeUndefined();
  });

  it('a non-agricultural bản is no longer recognised: 2.3 now fails and standard 2 cannot reach 8 of 9', () => {
    // A bản in a ward (the ward variant of 2.5 applies) that is not agricultural.
    const input = withFacts(recognised, {}, { unit_kind: 'ban', agricultural: false });
    const a = compared({ before: oldRules, after: newRules }, input);
    expect(a.criteria).toContainEqual({ id: '2.3', before: 'not_applicable', after: 'fail' });
    expect(a).toMatchObject({ before: 'recognised', after: 'not_recognised' });
    expect(a.standards).toEqual([
      {
        id: '2',
        before: 'met',
        after: 'not_met',
        passed_before: 6,
        passed_after: 6,
        applicable_before: 7,
        applicable_after: 9,
        required_before: 6,
        required_after: 8,
      },
    ]);
  });

  it('an assessment the new version rejects for a reason of its own comes back as diagnostics', () => {
    const stricter = changed([
      '  households:\n    type: integer\n    min: 0',
      '  households:\n    type: integer\n    min: 0\n    max: 50',
    ]);
    const checked = oldRules.validateAssessment(recognised);
    const result = compareDecision(oldRules, stricter, checked.value as Assessment, { file: 'x.yaml' });
    expect(result.value).toBeUndefined();
    expect(result.diagnostics.map((d) => [d.code, d.params['name']])).toEqual([['input_range', 'households']]);
  });
});

describe('projectAssessment', () => {
  it('keeps what the ruleset declares and names what it leaves out', () => {
    const input = withFacts(raw('examples/assessments/not-recognised-ban.yaml'), {});
    const projected = projectAssessment(input, newRules);
    expect(projected.ignored).toEqual(['traffic_congestion_occurred']);
    expect(projected.assessment.facts).not.toHaveProperty('traffic_congestion_occurred');
    expect(Object.keys(projected.assessment.facts)).toHaveLength(Object.keys(input.facts).length - 1);
    expect(projected.assessment.context).toEqual(input.context);
    expect(projected.assessment.ruleset).toBe(input.ruleset);
  });

  it('drops the ruleset id when the new version is a different ruleset', () => {
    const input = raw('examples/assessments/not-recognised-ban.yaml');
    const renamed = { ...newRules, id: 'another-scheme' };
    expect(projectAssessment(input, renamed).assessment).not.toHaveProperty('ruleset');
  });
});
