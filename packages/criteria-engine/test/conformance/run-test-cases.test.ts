/**
 * runTestCases on small test files: what a case can say (bases, extends, assessment files, null,
 * context overrides), what a failed expectation looks like (path, expected, actual, position of
 * the expectation), and every problem of a bad file reported with its code and position.
 */
import { describe, expect, it } from 'vitest';
import schema from '../../../../schemas/test-cases.schema.json' with { type: 'json' };
import { resolveRelative } from '../../src/conformance/resolve-path.js';
import { TEST_REPORT_WORDS } from '../../src/conformance/messages.js';
import { makeDiagnostic } from '../../src/diagnostics/source.js';
import type { Diagnostic } from '../../src/index.js';
import { formatTestRun, runTestCases, type RunTestOptions, type TestRun } from '../../src/tools.js';
import { loadRulesetFile } from '../../src/node.js';

const loaded = await loadRulesetFile(new URL('../../../../rules/lai-chau-2020-2025', import.meta.url).pathname);
if (!loaded.value) throw new Error('the bundled rules did not load');
const ruleset = loaded.value;

/** A complete tổ dân phố that passes everything, as YAML flow lines under `facts:`. */
const TDP_FACTS = `
      households: 100
      households_law_abiding: 100
      households_following_convention: 100
      households_civilised_lifestyle: 100
      households_violating_rules: 0
      poor_households: 0
      households_security_pledge_signed: 100
      households_security_pledge_kept: 100
      key_titles: 10
      key_titles_trained: 10
      party_cell_rating: hoan_thanh_tot_nhiem_vu
      front_committee_rating: tot
      mass_organisations_lowest_rating: tot
      self_management_group_active: true
      disputes_settled_in_community: true
      grassroots_democracy_and_mediation_good: true
      mass_or_unlawful_complaints_occurred: false
      has_traditional_products: true
      traditional_products_competitiveness_improved: true
      typical_economic_models: 1
      struggling_households_supported: true
      civilised_business_streets: 1
      working_age_employment_stable: true
      infrastructure_contributions_mobilised: true
      households_in_civilised_ward_campaign: true
      fixed_businesses: 5
      fixed_businesses_registered: 5
      business_culture_practised: true
      illicit_goods_trade_occurred: false
      food_safety_kept: true
      spontaneous_market_occurred: false
      materials_on_roadway_occurred: false
      urban_infrastructure_self_managed: true
      environment_propaganda_done: true
      landscape_land_building_violation_occurred: false
      public_cleanups_per_month: 2
      polluting_business_occurred: false
      road_sign_or_encroachment_occurred: false
      traffic_congestion_occurred: false
      self_management_contents_registered: 1
      self_management_contents_done_well: 1
      civilised_street_registered: true
      civilised_street_criteria_met: true
      cultural_area_recognised: true
      littering_occurred: false
      free_roaming_livestock_occurred: false
      roads_and_pavements_clean: true
      car_wash_runoff_occurred: false
      unsafe_roadway_parking_occurred: false
      flag_premises: 100
      flag_premises_compliant: 100
      public_heritage_and_property_kept: true
      begging_hawking_or_touting_occurred: false
      humanitarian_movements_joined: true
      social_policy_beneficiaries: 10
      social_policy_beneficiaries_supported: 10
      health_programmes_promoted: true
      population_policy_violations: 0
      child_marriages: 0
      school_age_children: 20
      school_age_children_attending: 20
      school_dropouts: 0
      pupils_guided_in_public_places: true
      community_solidarity: true
      defence_security_propaganda_done: true
      defence_security_violation_occurred: false
      defence_laws_obeyed: true
      security_self_management_model_effective: true
      anti_state_or_unrest_activity_occurred: false
      crime_prevention_good: true
      security_force_members: 10
      security_force_members_rated_well: 10
      security_force_members_disciplined: 0
      residence_registration_managed_well: true
      drug_or_prostitution_spot_present: false
      religion_abuse_occurred: false`;

const HEADER = `ruleset: lai-chau-khu-dan-cu-tu-quan
bases:
  tdp:
    context: { unit_kind: to_dan_pho, parent_kind: phuong }
    facts:${TDP_FACTS}
cases:
`;

const run = (text: string, options: RunTestOptions = {}, file = 'tests/cases.yaml'): TestRun =>
  runTestCases(ruleset, text, file, options);

/** 1-based line and column of the n-th (0-based) occurrence of `needle` in `text`. */
function at(text: string, needle: string, n = 0): { line: number; column: number } {
  let offset = -1;
  for (let i = 0; i <= n; i++) {
    offset = text.indexOf(needle, offset + 1);
    if (offset < 0) throw new Error(`"${needle}" not found`);
  }
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before[before.length - 1] ?? '').length + 1 };
}

const where = (d: Diagnostic | undefined) =>
  d ? { code: d.code, file: d.file, line: d.line, column: d.column } : undefined;

describe('passing cases', () => {
  it('a base, extends, overrides and null (unknown) compose into the assessment', () => {
    const text = `${HEADER}  - name: all pass
    extends: tdp
    expect: { decision: recognised, missing: [], needed: [] }
  - name: one fact unknown
    extends: all pass
    facts: { households_violating_rules: null }
    expect: { decision: undetermined, disqualifiers: { D4: unknown }, missing: [households_violating_rules] }
  - name: context override picks the other variant
    extends: tdp
    context: { unit_kind: ban, agricultural: false }
    expect:
      decision: recognised
      criteria: { "2.3": { status: not_applicable, variant: null, counts_as: excluded } }
      standards: { "2": { applicable: 7, excluded: 1 } }
`;
    const result = run(text);
    expect(result.diagnostics).toEqual([]);
    expect(result.cases.map((c) => [c.name, c.ok, c.decision])).toEqual([
      ['all pass', true, 'recognised'],
      ['one fact unknown', true, 'undetermined'],
      ['context override picks the other variant', true, 'recognised'],
    ]);
    expect(result.cases[1]).toMatchObject(at(text, 'name: one fact unknown'));
    expect(result).toMatchObject({ passed: 3, failed: 0, ruleset: { id: ruleset.id, version: ruleset.version } });
  });

  it('missing: and needed: are compared as sets, in any order', () => {
    const text = `${HEADER}  - name: two unknown
    extends: tdp
    facts: { self_management_contents_registered: null, self_management_contents_done_well: null }
    expect:
      decision: undetermined
      missing: [self_management_contents_done_well, self_management_contents_registered]
      needed: [self_management_contents_done_well, self_management_contents_registered]
`;
    expect(run(text).cases[0]?.ok).toBe(true);
  });
});

describe('failed expectations', () => {
  const text = `${HEADER}  - name: wrong on purpose
    extends: tdp
    facts: { households_law_abiding: 97 }
    expect:
      decision: recognised
      criteria: { "1.3": pass, "2.3": { status: pass, variant: ban_nong_nghiep } }
      standards: { "1": { passed: 4, applicable: 4 }, "2": not_met }
      disqualifiers: { D4: applies }
      missing: [households]
`;
  const result = run(text);
  const c = result.cases[0];

  it('lists each one with its path, the expected and actual value, at the expected value in the file', () => {
    expect(c?.ok).toBe(false);
    expect(c?.diagnostics).toEqual([]);
    expect(
      c?.mismatches.map((m) => ({
        path: m.path,
        expected: m.expected,
        actual: m.actual,
        line: m.line,
        column: m.column,
      })),
    ).toEqual([
      { path: 'decision', expected: 'recognised', actual: 'not_recognised', ...at(text, 'recognised\n      criteria') },
      { path: 'criteria."1.3"', expected: 'pass', actual: 'fail', ...at(text, 'pass, "2.3"') },
      {
        path: 'criteria."2.3".variant',
        expected: 'ban_nong_nghiep',
        actual: 'to_dan_pho',
        ...at(text, 'ban_nong_nghiep'),
      },
      { path: 'standards."1".passed', expected: 4, actual: 3, ...at(text, '4, applicable') },
      { path: 'standards."2"', expected: 'not_met', actual: 'met', ...at(text, 'not_met') },
      { path: 'disqualifiers.D4', expected: 'applies', actual: 'clear', ...at(text, 'applies') },
      { path: 'missing', expected: ['households'], actual: [], ...at(text, '[households]') },
    ]);
    expect(result).toMatchObject({ passed: 0, failed: 1 });
  });

  it('renders them as a diff under ✗, in Vietnamese and English', () => {
    const en = formatTestRun(result, 'en');
    expect(en).toContain('  ✗ wrong on purpose\n');
    const { line, column } = at(text, 'pass, "2.3"');
    expect(en).toContain(
      `      tests/cases.yaml:${line}:${column}  criteria."1.3"\n        - expected: pass\n        + actual:   fail\n`,
    );
    expect(en).toContain(
      '        - expected: [households]\n        + actual:   [] (nothing missing)\n          expected but not in the result: households',
    );
    const vi = formatTestRun(result, 'vi');
    expect(vi).toContain('        - mong đợi: pass\n        + thực tế:  fail\n');
    expect(vi).toContain('mong đợi nhưng không có trong kết quả: households');
  });

  it('colours ✓ and ✗ only when asked', () => {
    expect(formatTestRun(result, 'en', { color: true })).toContain('\u001b[31m✗\u001b[0m wrong on purpose');
    expect(formatTestRun(result, 'en')).not.toContain('\u001b[');
  });
});

describe('problems in a test file, located', () => {
  it('YAML syntax: reported, no case runs', () => {
    const result = run('cases:\n  - name: "unclosed\n    expect: {}\n');
    expect(result.cases).toEqual([]);
    expect(result.diagnostics[0]?.code).toBe('yaml_syntax');
    expect(formatTestRun(result, 'en')).toContain('the file has errors, so none of its cases ran');
    expect(formatTestRun(result, 'vi')).toContain('tệp có lỗi nên không ca nào được chạy');
  });

  it("an out-dented case's expect: is 'check the indentation of line N', not a missing key", () => {
    // The last case's `expect:` typed at the level of `cases:` items' dash: valid YAML that gives
    // the case no expect and the file an unknown key, or YAML that cannot be read.
    // …or the key under `expect:` typed level with it (`expect` then holds nothing).
    for (const [text, line] of [
      ['cases:\n  - name: a\n    facts: { households: 100 }\n  expect: { decision: recognised }\n', 4],
      ['cases:\n  - name: a\n    facts: { households: 100 }\n    expect:\n    decision: recognised\n', 5],
    ] as const) {
      const result = run(text);
      expect(result.cases).toEqual([]);
      expect(result.diagnostics.map((d) => [d.code, d.line])).toEqual([['yaml_indentation', line]]);
    }
  });

  it('structure (schemas/test-cases.schema.json): every problem at once, at its key or value', () => {
    const text = `cases:
  - name: a
    expecct: { decision: recognised }
  - name: b
    expect: { decision: recognized, criteria: { "1.3": passs } }
  - expect: { decision: recognised, standards: { "1": { pased: 3 } } }
`;
    const result = run(text);
    expect(result.cases).toEqual([]);
    const found = result.diagnostics.map((d) => [
      d.code,
      d.line,
      d.column,
      d.params['suggestion'] ?? d.params['property'],
    ]);
    expect(found).toEqual([
      ['schema_required', ...Object.values(at(text, 'name: a')), 'expect'],
      ['schema_unknown_property', ...Object.values(at(text, 'expecct')), 'expect'],
      ['schema_enum', ...Object.values(at(text, 'recognized')), 'recognised'],
      ['schema_enum', ...Object.values(at(text, 'passs')), 'pass'],
      ['schema_required', ...Object.values(at(text, 'expect: { decision: recognised, standards')), 'name'],
      ['schema_unknown_property', ...Object.values(at(text, 'pased')), 'passed'],
    ]);
  });

  it('an unknown or later name in extends: schema_enum at the name, with a suggestion; the case does not run', () => {
    const text = `${HEADER}  - name: first
    extends: tdq
    expect: { decision: recognised }
  - name: second
    extends: third
    expect: { decision: recognised }
  - name: third
    extends: tdp
    expect: { decision: recognised }
`;
    const result = run(text);
    expect(result.cases.map((c) => c.ok)).toEqual([false, false, true]);
    expect(where(result.cases[0]?.diagnostics[0])).toEqual({
      code: 'schema_enum',
      file: 'tests/cases.yaml',
      ...at(text, 'tdq'),
    });
    expect(result.cases[0]?.diagnostics[0]?.params).toMatchObject({ actual: 'tdq', suggestion: 'tdp' });
    // Only what is written above can be extended: "third" is not yet known at "second".
    expect(where(result.cases[1]?.diagnostics[0])).toEqual({
      code: 'schema_enum',
      file: 'tests/cases.yaml',
      ...at(text, 'third'),
    });
    expect(result.cases[1]?.diagnostics[0]?.params['allowed']).toBe('"tdp", "first"');
  });

  it('a bad fact inherited from a base is reported at the base, and shown once', () => {
    const text = `${HEADER.replace('households_law_abiding: 100', 'households_law_abiding: 120')}  - name: a
    extends: tdp
    expect: { decision: recognised }
  - name: b
    extends: tdp
    facts: { househlds: 3, party_cell_rating: tot }
    expect: { decision: recognised }
`;
    const result = run(text);
    expect(result.cases.map((c) => c.ok)).toEqual([false, false]);
    const part = at(text, '120');
    expect(where(result.cases[0]?.diagnostics[0])).toEqual({
      code: 'input_part_exceeds_whole',
      file: 'tests/cases.yaml',
      line: part.line,
      column: part.column,
    });
    expect(result.cases[1]?.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([
      ['input_part_exceeds_whole', part.line, part.column],
      ['input_unknown_fact', ...Object.values(at(text, '3, party'))],
      ['input_enum_value', ...Object.values(at(text, 'tot }'))],
    ]);
    expect(result.cases[1]?.diagnostics[1]?.params).toMatchObject({ name: 'househlds', suggestion: 'households' });
    const report = formatTestRun(result, 'en');
    expect(report.match(/\[input_part_exceeds_whole\] "households_law_abiding" \(120\)/g)).toHaveLength(1);
    expect(report).toContain(
      `↑ tests/cases.yaml:${part.line}:${part.column} [input_part_exceeds_whole] (reported above)`,
    );
    expect(formatTestRun(result, 'vi')).toContain('(đã nêu ở trên)');
  });

  it('ids in expect: that the ruleset does not have, each with its code and a suggestion', () => {
    const text = `${HEADER}  - name: typos
    extends: tdp
    expect:
      decision: recognised
      standards: { "7": met }
      criteria: { "1.33": pass, "2.3": { variant: ban_nong_ngiep } }
      disqualifiers: { D5: clear }
      missing: [househlds]
      needed: [households]
`;
    const result = run(text);
    expect(result.cases[0]?.ok).toBe(false);
    expect(result.cases[0]?.mismatches).toEqual([]);
    expect(result.cases[0]?.diagnostics.map((d) => [d.code, d.line, d.column, d.params['suggestion']])).toEqual([
      ['schema_enum', ...Object.values(at(text, '"7"')), '1'],
      ['unknown_criterion', ...Object.values(at(text, '"1.33"')), '1.3'],
      ['schema_enum', ...Object.values(at(text, 'ban_nong_ngiep')), 'ban_nong_nghiep'],
      ['schema_enum', ...Object.values(at(text, 'D5')), 'D1'],
      ['input_unknown_fact', ...Object.values(at(text, 'househlds')), 'households'],
    ]);
  });

  it('duplicate case names and a different ruleset id are problems of the file; the cases still run', () => {
    const text = `${HEADER.replace('ruleset: lai-chau-khu-dan-cu-tu-quan', 'ruleset: lai-chau-2030')}  - name: same
    extends: tdp
    expect: { decision: recognised }
  - name: same
    extends: tdp
    expect: { decision: recognised }
`;
    const result = run(text);
    expect(result.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([
      ['version_mismatch', ...Object.values(at(text, 'lai-chau-2030'))],
      ['duplicate_id', ...Object.values(at(text, 'same', 1))],
    ]);
    expect(result.diagnostics[1]?.params).toMatchObject({ id: 'same', first_line: at(text, 'name: same').line });
    expect(result.cases.map((c) => c.ok)).toEqual([true, true]);
  });

  it('a missing context attribute is reported at the context that lacks it', () => {
    const text = `${HEADER}  - name: bản without agricultural
    extends: tdp
    context: { unit_kind: ban }
    expect: { decision: recognised }
`;
    const d = run(text).cases[0]?.diagnostics[0];
    expect(d?.code).toBe('input_context_missing');
    expect(d?.params['name']).toBe('agricultural');
    expect(d && { line: d.line, column: d.column }).toEqual(at(text, '{ unit_kind: ban }'));
  });
});

describe('assessment: files', () => {
  const assessment = `ruleset: lai-chau-khu-dan-cu-tu-quan
context: { unit_kind: to_dan_pho, parent_kind: phuong }
facts:${TDP_FACTS.replace('households_law_abiding: 100', 'households_law_abiding: 97')}
`;
  const files: Record<string, string> = { 'examples/area.yaml': assessment };
  const readFile = (path: string): string | Diagnostic =>
    files[path] ?? makeDiagnostic({ file: path }, 'file_not_found', undefined, { path });

  it('start a case from an assessment file, resolved against the test file', () => {
    const text = `cases:
  - name: the file as it is
    assessment: ../examples/area.yaml
    expect: { decision: not_recognised, criteria: { "1.3": fail } }
  - name: the file, corrected
    assessment: ../examples/area.yaml
    facts: { households_law_abiding: 98 }
    expect: { decision: recognised }
`;
    const result = run(text, { readFile });
    expect(result.diagnostics).toEqual([]);
    expect(result.cases.map((c) => c.ok)).toEqual([true, true]);
  });

  it('a bad fact in the assessment file is reported in that file, at its line', () => {
    files['examples/bad.yaml'] = assessment.replace('flag_premises_compliant: 100', 'flag_premises_compliant: 101');
    const result = run(
      'cases:\n  - name: x\n    assessment: ../examples/bad.yaml\n    expect: { decision: recognised }\n',
      { readFile },
    );
    const d = result.cases[0]?.diagnostics[0];
    expect(d && { code: d.code, file: d.file, line: d.line, column: d.column }).toEqual({
      code: 'input_part_exceeds_whole',
      file: 'examples/bad.yaml',
      ...at(files['examples/bad.yaml'] ?? '', '101'),
    });
  });

  it('a file that cannot be read is reported at the assessment: line; so is a missing reader', () => {
    const text = 'cases:\n  - name: x\n    assessment: ../nowhere.yaml\n    expect: { decision: recognised }\n';
    const missing = run(text, { readFile }).cases[0]?.diagnostics[0];
    expect(missing && { code: missing.code, file: missing.file, line: missing.line, column: missing.column }).toEqual({
      code: 'file_not_found',
      file: 'tests/cases.yaml',
      ...at(text, '../nowhere.yaml'),
    });
    expect(missing?.params['path']).toBe('nowhere.yaml');
    expect(run(text).cases[0]?.diagnostics[0]?.code).toBe('file_unreadable');
  });

  it('an assessment written for another ruleset is refused', () => {
    files['examples/other.yaml'] = assessment.replace('ruleset: lai-chau-khu-dan-cu-tu-quan', 'ruleset: other-rules');
    const result = run(
      'cases:\n  - name: x\n    assessment: ../examples/other.yaml\n    expect: { decision: recognised }\n',
      { readFile },
    );
    expect(where(result.cases[0]?.diagnostics[0])).toEqual({
      code: 'version_mismatch',
      file: 'examples/other.yaml',
      line: 1,
      column: 10,
    });
  });
});

describe('resolveRelative', () => {
  it.each([
    ['rules/x/tests/a.yaml', 'bases/b.yaml', 'rules/x/tests/bases/b.yaml'],
    ['rules/x/tests/a.yaml', '../../../examples/e.yaml', 'examples/e.yaml'],
    ['/abs/rules/tests/a.yaml', './../b.yaml', '/abs/rules/b.yaml'],
    ['a.yaml', 'b.yaml', 'b.yaml'],
    ['a.yaml', '../b.yaml', '../b.yaml'],
    ['rules/a.yaml', '/etc/b.yaml', '/etc/b.yaml'],
    ['C:\\rules\\tests\\a.yaml', '..\\b.yaml', 'C:\\rules\\b.yaml'],
  ])('%s + %s → %s', (from, reference, expected) => {
    expect(resolveRelative(from, reference)).toBe(expected);
  });
});

describe('the report words and the schema', () => {
  it('have the same keys in Vietnamese and English, and differ', () => {
    expect(Object.keys(TEST_REPORT_WORDS.vi).sort()).toEqual(Object.keys(TEST_REPORT_WORDS.en).sort());
    for (const key of Object.keys(TEST_REPORT_WORDS.en) as (keyof typeof TEST_REPORT_WORDS.en)[]) {
      expect(TEST_REPORT_WORDS.vi[key]).not.toBe(TEST_REPORT_WORDS.en[key]);
    }
  });

  it('schemas/test-cases.schema.json is 2020-12 and describes every property in Vietnamese and English', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    const missing: string[] = [];
    const visit = (node: unknown, path: string): void => {
      if (typeof node !== 'object' || node === null) return;
      for (const [key, value] of Object.entries(node)) {
        if (key === 'properties') {
          for (const [name, sub] of Object.entries(value as Record<string, Record<string, unknown>>)) {
            const vi = sub['description'];
            if (typeof vi !== 'string' || typeof sub['x-description-en'] !== 'string') missing.push(`${path}/${name}`);
            else if (!/[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/i.test(vi))
              missing.push(`${path}/${name} (not Vietnamese)`);
          }
        }
        visit(value, `${path}/${key}`);
      }
    };
    visit(schema, '#');
    expect(missing).toEqual([]);
  });
});
