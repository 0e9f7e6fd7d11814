/**
 * Programme targets as data: the Lai Châu targets file loads against the rules; a broken copy
 * reports every problem at its line and column; progress is counted in integers from evaluated
 * areas, worked out by hand here.
 */
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { Assessment } from '@lcz/criteria-engine';
import { aggregate, loadTargets, requiredCount, type ReportEntry, type Targets } from '../src/index.js';
import { exampleAssessment, ROOT, rules, TARGETS_FILE } from './city.js';

const text = readFileSync(TARGETS_FILE, 'utf8');

describe('rules/lai-chau-2020-2025/targets.yaml', () => {
  it('is valid against schemas/targets.schema.json and the rules; reads the 4.1 fact by id', () => {
    const schema = JSON.parse(readFileSync(`${ROOT}schemas/targets.schema.json`, 'utf8')) as object;
    const validate = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true }).compile(schema);
    expect(validate(parseYaml(text)) ? [] : validate.errors).toEqual([]);
    const loaded = loadTargets(text, 'targets.yaml', rules);
    expect(loaded.problems).toEqual([]);
    const targets = loaded.value?.document.targets ?? [];
    expect(targets.map((t) => [t.id, t.period.from, t.period.to, t.goal])).toEqual([
      ['over-30-percent-2020-2025', 2020, 2025, { more_than_percent: 30 }],
      ['recognised-2020-2023', 2020, 2023, { at_least: 22 }],
      ['recognised-2024-2025', 2024, 2025, { at_least: 4 }],
      ['others-register-a-content', 2020, 2025, { at_least_percent: 100 }],
    ]);
    const fact = targets[3]?.measure;
    expect(fact).toEqual({ fact: 'self_management_contents_registered', at_least: 1, among: 'not_recognised' });
    // The fact is the one criterion 4.1 reads: the targets and the rules talk about the same thing.
    expect(rules.criteria.find((c) => c.id === '4.1')?.condition?.reads).toContain(
      'self_management_contents_registered',
    );
    expect(loaded.value?.document.areas).toBe(70);
  });
});

describe('a broken targets file: every problem at once, each located', () => {
  const broken = [
    'format: 1',
    'ruleset: other-rules',
    'title: { vi: "Mục tiêu", en: "Targets" }',
    'areas: "seventy"',
    'targets:',
    '  - id: t1',
    '    text: { vi: "a", en: "a" }',
    '    period: { from: 2025, to: 2020 }',
    '    measure: recognized',
    '    goal: { at_lest: 22 }',
    '  - id: t1',
    '    text: { vi: "b", en: "b" }',
    '    measure: { fact: self_management_contents_registred, at_least: 1, among: not_recognised }',
    '    goal: { at_least: 1 }',
    '  - id: t3',
    '    text: { vi: "c", en: "c" }',
    '    period: { from: 2020, to: 2025 }',
    '    measure: { fact: households, is: true, amog: all }',
    '    goal: { more_than_percent: 130 }',
    '',
  ].join('\n');

  it('reports code, line and column for each, with suggestions', () => {
    const { value, problems } = loadTargets(broken, 'broken.yaml', rules);
    expect(value).toBeUndefined();
    const found = problems
      .map((p) => [p.code, p.line, p.column])
      .sort((a, b) => (a[1] as number) - (b[1] as number) || (a[2] as number) - (b[2] as number));
    expect(found).toEqual([
      ['targets_ruleset_mismatch', 2, 10],
      ['targets_wrong_type', 4, 8],
      ['targets_period_order', 8, 13],
      ['targets_bad_value', 9, 14],
      ['targets_unknown_key', 10, 13],
      ['targets_missing_key', 11, 5],
      ['targets_duplicate_id', 11, 9],
      ['targets_unknown_fact', 13, 22],
      ['targets_missing_key', 18, 14],
      ['targets_fact_type', 18, 38],
      ['targets_unknown_key', 18, 44],
      ['targets_out_of_range', 19, 32],
    ]);
    const param = (code: string, key: string) => problems.filter((p) => p.code === code).map((p) => p.params[key]);
    expect(param('targets_bad_value', 'suggestion')).toEqual(['recognised']);
    expect(param('targets_unknown_key', 'suggestion')).toEqual(['at_least', 'among']);
    expect(param('targets_unknown_fact', 'suggestion')).toEqual(['self_management_contents_registered']);
    expect(param('targets_missing_key', 'key')).toEqual(['period', 'among']);
  });

  it("a measure's keys must fit its fact's type: order for at_least, yes/no for is, a value of the fact for equals", () => {
    const measures = [
      '{ fact: households, at_least: 10 }', // fits
      '{ fact: party_cell_rating, equals: hoan_thanh_tot_nhiem_vu }', // fits: one of its values
      '{ fact: party_cell_rating, equals: tot }', // not one of its values
      '{ fact: party_cell_rating, at_least: 2 }', // a choice has no order of numbers here
      '{ fact: households, equals: 2.5 }', // households are whole
      '{ fact: households, is: true }', // not a yes/no
    ];
    const file = [
      'format: 1',
      'ruleset: lai-chau-khu-dan-cu-tu-quan',
      'title: { vi: "Mục tiêu", en: "Targets" }',
      'areas: 70',
      'targets:',
      ...measures.flatMap((m, i) => [
        `  - id: t${i}`,
        '    text: { vi: "a", en: "a" }',
        '    period: { from: 2020, to: 2025 }',
        `    measure: ${m.replace(' }', ', among: all }')}`,
        '    goal: { at_least: 1 }',
      ]),
      '',
    ].join('\n');
    const { problems } = loadTargets(file, 'measures.yaml', rules);
    expect(
      problems.filter((p) => p.code !== 'targets_missing_key').map((p) => [p.code, p.line, p.params['key']]),
    ).toEqual([
      ['targets_fact_type', 19, 'equals'],
      ['targets_fact_type', 24, 'at_least'],
      ['targets_fact_type', 29, 'equals'],
      ['targets_fact_type', 34, 'is'],
    ]);
  });

  it('a YAML syntax error is located too', () => {
    const { problems } = loadTargets('format: 1\ntargets: [\n', 'bad.yaml', rules);
    expect(problems[0]?.code).toBe('targets_yaml');
    expect(problems[0]?.line).toBeGreaterThan(0);
  });
});

describe('progress against targets, counted in integers', () => {
  it('turns percentage goals into whole areas: more than 30% of 70 is 22, at least 30% is 21', () => {
    expect(requiredCount({ more_than_percent: 30 }, 70)).toBe(22);
    expect(requiredCount({ at_least_percent: 30 }, 70)).toBe(21);
    expect(requiredCount({ at_least_percent: 100 }, 44)).toBe(44);
    expect(requiredCount({ at_least_percent: 12.5 }, 8)).toBe(1);
    expect(requiredCount({ more_than_percent: 12.5 }, 8)).toBe(2);
    expect(requiredCount({ more_than: 3 }, 0)).toBe(4);
  });

  it('recognised, newly recognised and "every other area registers a content", over years', async () => {
    const recognised = exampleAssessment(`${ROOT}examples/assessments/recognised-to-dan-pho.yaml`);
    const notRecognised = exampleAssessment(`${ROOT}examples/assessments/not-recognised-ban.yaml`);
    const area = (base: Assessment, code: string, year: number, contents?: number): ReportEntry => {
      const facts =
        contents === undefined
          ? base.facts
          : {
              ...base.facts,
              self_management_contents_registered: contents,
              self_management_contents_done_well: Math.min(contents, 1),
            };
      const assessment = { ...base, area: { code, unit: 'U', date: `${year}-10-01` }, facts };
      expect(rules.validateAssessment(assessment).diagnostics).toEqual([]);
      return { result: rules.evaluate(assessment) };
    };
    const entries = [
      area(recognised, 'A', 2021), // recognised in 2021 and again in 2024: once over 2020–2025, not new in 2024–2025
      area(recognised, 'A', 2024),
      area(recognised, 'B', 2022),
      area(notRecognised, 'C', 2023, 0),
      area(recognised, 'C', 2024), // new in 2024
      area(notRecognised, 'D', 2022, 1), // not recognised, registered 0 then 2 contents: the latest counts
      area(notRecognised, 'D', 2024, 2),
      area(notRecognised, 'E', 2025, 0), // not recognised, no content registered
    ];
    const targets = loadTargets(readFileSync(TARGETS_FILE, 'utf8'), 'targets.yaml', rules).value as Targets;
    const { report } = await aggregate(entries, rules, { targets });
    const progress = report.targets?.progress ?? [];
    expect(progress.map((p) => [p.id, p.value, p.base, p.required, p.remaining, p.status, p.years])).toEqual([
      // A, B, C recognised at least once in 2020–2025: 3 of 70; more than 30% needs 22.
      ['over-30-percent-2020-2025', 3, 70, 22, 19, 'not_met', [2021, 2022, 2023, 2024, 2025]],
      // A (2021), B (2022) in 2020–2023; C was not recognised in 2023.
      ['recognised-2020-2023', 2, 70, 22, 20, 'not_met', [2021, 2022, 2023]],
      // C is recognised for the first time in 2024; A was already in 2021.
      ['recognised-2024-2025', 1, 70, 4, 3, 'not_met', [2024, 2025]],
      // Not recognised in 2020–2025: D and E; D's latest assessment has 2 contents, E's has 0.
      // Base: the 70 − 3 = 67 areas not recognised; 100% of them must register a content.
      ['others-register-a-content', 1, 67, 67, 66, 'not_met', [2021, 2022, 2023, 2024, 2025]],
    ]);
    expect(progress[3]?.without_data).toBe(65);
    expect(report.targets?.facts).toEqual([
      {
        id: 'self_management_contents_registered',
        label: rules.facts.find((f) => f.id === 'self_management_contents_registered')?.label,
      },
    ]);
  });

  it('a period no input covers has no data, never zero progress', async () => {
    const targets = loadTargets(readFileSync(TARGETS_FILE, 'utf8'), 'targets.yaml', rules).value as Targets;
    const entry: ReportEntry = {
      result: rules.evaluate(exampleAssessment(`${ROOT}examples/assessments/recognised-to-dan-pho.yaml`)),
    };
    const { report } = await aggregate([entry], rules, { targets });
    expect(report.targets?.progress.find((p) => p.id === 'recognised-2020-2023')).toMatchObject({
      status: 'no_data',
      years: [],
      value: 0,
    });
    expect(report.targets?.progress.find((p) => p.id === 'recognised-2024-2025')).toMatchObject({
      status: 'not_met',
      years: [2024],
      value: 1,
    });
  });
});
