/**
 * A third scheme written from the documentation alone (test/fixtures/truong-hoc-an-toan: an
 * illustrative "trường học an toàn" in two versions, the second made with `lcz version new`):
 * criteria, a shared definition and a table by year in an included fragment, ordinal ratings,
 * `applicable_when` with `not_applicable: fail` and `exclude`, a context attribute with
 * `required_when`, variants, a count requirement and a percent requirement on different standards,
 * a mandatory criterion, two levels and a disqualifier that blocks only the upper one. Every YAML
 * case (worked out by hand, many at a threshold, one below, an empty whole or an unknown fact)
 * passes, and the generated decide module agrees with the closures on each case's input.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { explainText, formatDiagnostic, formatDiagnostics } from '../../src/index.js';
import { diffRulesets } from '../../src/explain/diff/index.js';
import { officialTable } from '../../src/explain/table/index.js';
import { loadRulesetFile, runTestDirectory } from '../../src/node.js';
import { expectCasesAgreeBothWays, expectEveryCasePasses } from './docs-scheme-cases.js';

const ROOT = fileURLToPath(new URL('../fixtures/truong-hoc-an-toan', import.meta.url));
const VERSIONS = ['2024-2025', '2026-2030'] as const;

async function load(version: string) {
  const loaded = await loadRulesetFile(`${ROOT}/${version}/ruleset.yaml`);
  if (!loaded.value) throw new Error(formatDiagnostics(loaded.diagnostics, 'en'));
  return loaded.value;
}

describe.each(VERSIONS)('the trường học an toàn scheme written from the docs, version %s', (version) => {
  const dir = `${ROOT}/${version}`;

  it('loads without an error or a warning, and every YAML case passes', async () => {
    const run = await runTestDirectory(dir);
    // Only notes: 2.4 has no variant for a preschool (on purpose), 3.1 reads a shared table.
    expectEveryCasePasses(run, 50);
  });

  it('each case asserts a decision, and the generated decide agrees with the closures on its input', async () => {
    await expectCasesAgreeBothWays(`${dir}/ruleset.yaml`, 50);
  }, 120_000);
});

describe('what writing it from the docs found', () => {
  it('lcz diff lists the cells added to a table that lives in an included fragment', async () => {
    // min_drills is declared in parts/co-so-vat-chat.yaml; the new version adds 2026–2030.
    const diff = diffRulesets(await load('2024-2025'), await load('2026-2030'));
    expect(diff.parameters.added.map((p) => [p.id, p.value])).toEqual([
      ['min_drills[year=2026]', 2],
      ['min_drills[year=2027]', 2],
      ['min_drills[year=2028]', 3],
      ['min_drills[year=2029]', 3],
      ['min_drills[year=2030]', 3],
    ]);
    expect(diff.identical).toBe(false);
  });

  it('the official table names a shared table under the criterion whose threshold it is, and its value filled in', async () => {
    const ruleset = await load('2024-2025');
    const lines = (filled: boolean) =>
      officialTable(ruleset, {
        lang: 'en',
        ...(filled
          ? {
              result: ruleset.evaluate({
                area: { date: '2025-05-20' },
                context: { school_level: 'tieu_hoc', boarding: true },
                facts: { drills_held: 2 },
              }),
            }
          : {}),
      }).rows.find((r) => r.number === '3.1' && r.kind !== 'section')?.lines;
    expect(lines(false)).toContain('Minimum evacuation drills a year (min_drills): see the table min_drills below');
    expect(lines(true)).toContain('Minimum evacuation drills a year (min_drills): 2 drills for this school');
  });

  it('a context attribute required for the unit is reported together with a mistake in the facts', async () => {
    const ruleset = await load('2024-2025');
    const checked = ruleset.validateAssessment({
      context: { school_level: 'thcs' },
      facts: { classrooms: 20, classrooms_safe: 25, fire_rating: 'excellent' },
    });
    expect(checked.diagnostics.map((d) => `${d.code} ${d.path}`).sort()).toEqual([
      'input_context_missing /context',
      'input_enum_value /facts/fire_rating',
      'input_part_exceeds_whole /facts/classrooms_safe',
    ]);
  });

  it('a missing assessment file is not hinted at as a rule file', () => {
    // The same code says any file is missing (an assessment, a batch, an included piece).
    const missing = {
      code: 'file_not_found',
      severity: 'error',
      file: 'truong-a.yaml',
      line: 0,
      column: 0,
      params: { path: 'truong-a.yaml' },
    } as const;
    expect(formatDiagnostic(missing, 'en')).not.toContain('ruleset.yaml');
    expect(formatDiagnostic(missing, 'vi')).not.toContain('ruleset.yaml');
    expect(formatDiagnostic(missing, 'en')).toContain('Check the folder and the file name.');
  });

  it('the report of a scheme without points prints no points, though its levels put them in the result', async () => {
    const ruleset = await load('2024-2025');
    const result = ruleset.evaluate({
      area: { date: '2025-05-20' },
      context: { school_level: 'thpt', boarding: false },
      facts: { fire_rating: 'tot', hygiene_rating: 'kha' },
    });
    expect(result.points_total).toBeDefined(); // rule-format.md: levels bring the points fields
    for (const lang of ['vi', 'en'] as const) {
      const text = explainText(result, ruleset, { lang });
      expect(text).not.toMatch(/Points|Điểm|POINTS|ĐIỂM/);
      expect(text).toContain(lang === 'en' ? 'Standard 1: Safe premises' : 'Tiêu chuẩn 1: Cơ sở vật chất an toàn');
    }
  });
});
