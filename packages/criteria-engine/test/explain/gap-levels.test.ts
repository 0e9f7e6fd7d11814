/**
 * Gap analysis on the bundled schemes with levels, derived quantities and parameter tables:
 * "to reach Platinum: 18 more points" with ways, each checked here again by evaluating the changed
 * assessment; income per person 57.2 against the table's cell 58 (Red River Delta, 2024), worked
 * back to the total income with the smallest move (one step less fails), never to fewer residents.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import { parse as parseYamlText } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { CompiledRuleset } from '../../src/compile/compiled-ruleset.js';
import type { Assessment } from '../../src/evaluate/assessment.js';
import type { FactValue } from '../../src/evaluate/result.js';
import { explainGap, gapAnalysis, type GapChange, type GapReport } from '../../src/explain/index.js';
import { loadRulesetFile } from '../../src/node.js';

const url = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const ROOT = url('../../../../');
const ajv = new Ajv2020({ strict: true, allErrors: true });
const validateGap = ajv.compile(JSON.parse(readFileSync(`${ROOT}schemas/gap.schema.json`, 'utf8')) as object);

async function rulesOf(dir: string): Promise<CompiledRuleset> {
  const loaded = await loadRulesetFile(`${ROOT}rules/${dir}`);
  if (loaded.value === undefined) throw new Error(`${dir} does not load`);
  return loaded.value;
}
const base = (dir: string, file: string) =>
  parseYamlText(readFileSync(`${ROOT}rules/${dir}/tests/bases/${file}`, 'utf8')) as Assessment;

function changed(a: Assessment, facts: Record<string, FactValue>, extra: Partial<Assessment> = {}): Assessment {
  return { ...a, ...extra, facts: { ...a.facts, ...facts } };
}

function gapOf(rules: CompiledRuleset, a: Assessment): GapReport {
  const checked = rules.validateAssessment(a);
  expect(checked.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const gap = gapAnalysis(rules.evaluate(checked.value as Assessment), rules);
  expect(validateGap(JSON.parse(JSON.stringify(gap))) ? [] : validateGap.errors).toEqual([]);
  return gap;
}

/** The assessment with a way's changes applied: evaluated again here, not taken from the analysis. */
function applying(a: Assessment, changes: readonly GapChange[]): Assessment {
  return changed(a, Object.fromEntries(changes.map((c) => [c.fact, c.suggested])));
}

describe('new-rural communes: derived income per person against a region × year table', async () => {
  const rules = await rulesOf('ntm-commune-2021-2025');
  // Red River Delta, 2024: the table's cell is 58 per person; 57,200 for 1,000 people is 57.2.
  const commune = changed(
    base('ntm-commune-2021-2025', 'kieu-mau.yaml'),
    { total_income: 57_200, outstanding_education: false },
    { context: { region: 'dong_bang_song_hong' }, area: { code: 'X-01', date: '2024-06-30' } },
  );

  it('criterion 10: 57.2 → needs ≥ 58 (the cell), by 800 more income, the smallest move; never by fewer people', () => {
    const gap = gapOf(rules, commune);
    const c10 = gap.standards.flatMap((s) => s.candidates).find((c) => c.id === '10');
    expect(c10?.achievable).toBe(true);
    expect(c10?.derived).toEqual([
      { id: 'income_per_person', current: '57.2', suggested: '58.0', op: '>=', threshold: 58 },
    ]);
    expect(c10?.changes).toEqual([{ fact: 'total_income', current: 57_200, suggested: 58_000 }]);
    // 986 residents would pass too, but the population is what the income is shared by: no way moves it.
    expect(c10?.alternatives).toBeUndefined();
    const status = (a: Assessment) => rules.evaluate(a).criteria.find((c) => c.id === '10')?.status;
    expect(status(changed(commune, { total_income: 58_000 }))).toBe('pass');
    expect(status(changed(commune, { total_income: 57_999.9 }))).toBe('fail'); // one step (0.1) less
    expect(status(changed(commune, { population: 986 }))).toBe('pass');
    expect(status(changed(commune, { population: 987 }))).toBe('fail');
  });

  it('the date picks the cell: in 2023 the threshold is 55 and 57.2 meets it', () => {
    const gap = gapOf(rules, changed(commune, {}, { area: { code: 'X-01', date: '2023-06-30' } }));
    expect(gap.standards.flatMap((s) => s.candidates).find((c) => c.id === '10')).toBeUndefined();
    expect(gap.decision).toBe('recognised');
    // Nâng cao needs 1.1 × 55 = 60.5 per person: 60,500 in total.
    const nc = gap.levels?.find((l) => l.id === 'nang_cao');
    expect(nc?.ways[0]?.changes).toEqual([{ fact: 'total_income', current: 57_200, suggested: 60_500 }]);
  });

  it('each tier above: what it lacks, and ways that reach it when evaluated again', () => {
    const gap = gapOf(rules, commune);
    expect(gap.levels?.map((l) => l.id)).toEqual(['dat_chuan', 'nang_cao', 'kieu_mau']);
    const dat = gap.levels?.[0];
    expect(dat?.lacking).toEqual([{ kind: 'group', id: 'III', unit: 'criteria', need: 4, have: 3 }]);
    expect(dat?.ways.map((w) => w.changes.map((c) => [c.fact, c.suggested]))).toEqual([[['total_income', 58_000]]]);
    for (const way of dat?.ways ?? [])
      expect(rules.evaluate(applying(commune, way.changes)).level?.reached).toBe('dat_chuan');
    // Kiểu mẫu from where the first way to nâng cao leaves the commune: more income and one outstanding field.
    let facts = commune;
    for (const level of gap.levels ?? []) {
      facts = applying(facts, level.ways[0]?.changes ?? []);
      expect(rules.evaluate(facts).level?.reached).toBe(level.id);
    }
    expect(gap.levels?.[2]?.lacking).toContainEqual({ kind: 'group', id: 'KM', unit: 'criteria', need: 1, have: 0 });
  });

  it('prints the derived value against the cell, and the ways per tier, in both languages', () => {
    const gap = gapOf(rules, commune);
    // Long lines wrap at 100 characters: compare the words.
    const en = explainGap(gap, rules, { lang: 'en' }).replace(/\s+/g, ' ');
    expect(en).toContain('Income per person: 57.2 million VND/person/year → 58.0 million VND/person/year (needs ≥ 58)');
    expect(en).toContain('To reach Advanced new-rural (nang_cao):');
    expect(en).not.toContain('→ Population of the commune: 1,000 →');
    const vi = explainGap(gap, rules, { lang: 'vi' }).replace(/\s+/g, ' ');
    expect(vi).toContain('57,2 triệu đồng/người/năm → 58,0 triệu đồng/người/năm (cần ≥ 58)');
    expect(vi).toContain('Để đạt mức Nông thôn mới nâng cao (nang_cao):');
  });

  it('a tier that the way to the tier below already reaches says so, not a way with no change', () => {
    // Only the base planning criterion and the nâng cao street lighting fail: lighting the roads
    // reaches kiểu mẫu at once, so kiểu mẫu needs nothing more.
    const gap = gapOf(
      rules,
      changed(
        base('ntm-commune-2021-2025', 'kieu-mau.yaml'),
        { planning_approved: false, road_lit_km: 0 },
        { area: { code: 'X-02', date: '2024-06-30' } },
      ),
    );
    const km = gap.levels?.find((l) => l.id === 'kieu_mau');
    expect(km?.ways.map((w) => w.changes)).toEqual([[]]);
    const en = explainGap(gap, rules, { lang: 'en' }).replace(/\s+/g, ' ');
    expect(en).toContain(
      'To reach Model new-rural (kieu_mau): From the facts as Way 1 to the level below leaves them: Nothing more: Way 1 to the level below already reaches this level.',
    );
    const vi = explainGap(gap, rules, { lang: 'vi' }).replace(/\s+/g, ' ');
    expect(vi).toContain('Không cần thêm gì: Cách 1 của mức dưới đã đạt mức này.');
    expect(en).not.toMatch(/Way 1, checked by evaluating the changed facts \(level reached: Model new-rural\): *$/);
  });
});

describe('green building: points to the next level', async () => {
  const rules = await rulesOf('green-building-illustrative');
  const project = changed(base('green-building-illustrative', 'platinum-project.yaml'), {
    integrative_process: false,
    indoor_water_reduction_pct: 24.9,
    enhanced_commissioning: false,
    weekday_transit_trips: 71,
    rainfall_percentile_managed: 79,
    energy_cost_saving_pct: 10,
  });

  it('Gold at 62 points: to reach Platinum, 18 more points, up to three ways, each reaching it', () => {
    expect(rules.evaluate(project).level?.reached).toBe('gold');
    const gap = gapOf(rules, project);
    expect(gap.levels?.map((l) => [l.id, l.more_points])).toEqual([['platinum', 18]]);
    const platinum = gap.levels?.[0];
    expect(platinum?.lacking).toEqual([{ kind: 'total', level: 'platinum', unit: 'points', need: 80, have: 62 }]);
    expect(platinum?.ways.length).toBeGreaterThanOrEqual(2);
    expect(platinum?.ways.length).toBeLessThanOrEqual(3);
    for (const way of platinum?.ways ?? []) {
      expect(way.reached).toBe('platinum');
      expect(rules.evaluate(applying(project, way.changes)).level?.reached).toBe('platinum');
    }
    // Cheapest first: the first way changes no more facts than any other.
    const sizes = platinum?.ways.map((w) => w.changes.length) ?? [];
    expect(sizes[0]).toBe(Math.min(...sizes));
    expect(explainGap(gap, rules, { lang: 'en' })).toContain(
      'All criteria: 80 points needed, 62 certain: 18 more points.',
    );
  });

  it('one point short of Gold: one fact moved one step, to the band that gives the point', () => {
    const silver = changed(project, { energy_cost_saving_pct: 5.9 }); // EAc2 earns 0 instead of 3: 59 points
    const result = rules.evaluate(silver);
    expect(result.level?.reached).toBe('silver');
    const gap = gapOf(rules, silver);
    const gold = gap.levels?.[0];
    expect(gold?.id).toBe('gold');
    expect(gold?.more_points).toBe(60 - (result.points_total?.least ?? 0));
    const first = gold?.ways[0];
    // Two credits are one step (0.1) from their next band: the smaller move relative to the value comes first.
    expect(first?.changes).toEqual([{ fact: 'indoor_water_reduction_pct', current: 24.9, suggested: 25 }]);
    // The other ways are other single facts, each reaching Gold too.
    expect(gold?.ways.length).toBeGreaterThanOrEqual(2);
    expect(new Set(gold?.ways.map((w) => w.changes[0]?.fact)).size).toBe(gold?.ways.length);
    for (const way of gold?.ways ?? []) {
      expect(way.changes).toHaveLength(1);
      expect(rules.evaluate(applying(silver, way.changes)).level?.reached).toBe('gold');
    }
    expect(rules.evaluate(applying(silver, first?.changes ?? [])).level?.reached).toBe('gold');
  });
});
