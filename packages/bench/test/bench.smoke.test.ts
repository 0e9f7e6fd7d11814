/**
 * Smoke test of the bench's parts (never of timings): the workload is deterministic and valid,
 * the hand-written floor agrees with the engine, and every anchor encoding agrees with the floor.
 * If these hold, `pnpm bench` compares like with like.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as engine from '@lcz/criteria-engine';
import { loadRuleset, type Assessment, type CompiledRuleset } from '@lcz/criteria-engine';
import { buildCompiledRules } from '@lcz/criteria-engine/tools';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { celAnchor } from '../src/anchors/cel.js';
import { jreAnchor } from '../src/anchors/json-rules-engine.js';
import { jsonLogicAnchor } from '../src/anchors/json-logic.js';
import type { Anchor } from '../schemes/lai-chau/anchor-rules.js';
import { zenAnchor } from '../src/anchors/zen.js';
import { REPO_ROOT } from '../src/config.js';
import { csvCases } from '../src/csv-throughput.js';
import { loadGeneratedRuleset } from '../src/generated.js';
import { floorDecide } from '../schemes/lai-chau/floor.js';
import { FACT_NAMES, generateAssessments, isComplete, mulberry32 } from '../schemes/lai-chau/generate.js';
import { greenFloorDecide } from '../schemes/green-building/floor.js';
import { greenProjectsJson } from '../schemes/green-building/generate.js';

let ruleset: CompiledRuleset;
let assessments: Assessment[];

beforeAll(() => {
  const file = join(REPO_ROOT, 'rules/lai-chau-2020-2025/ruleset.yaml');
  const loaded = loadRuleset(readFileSync(file, 'utf8'), { file });
  if (!loaded.value) throw new Error(`rules did not load: ${JSON.stringify(loaded.diagnostics)}`);
  ruleset = loaded.value;
  assessments = generateAssessments(5_000, { seed: 42 });
});

describe('the workload generator', () => {
  it('gives the same assessments for the same seed, others for another seed', () => {
    const a = generateAssessments(1_000, { seed: 7 });
    const b = generateAssessments(1_000, { seed: 7 });
    const c = generateAssessments(1_000, { seed: 8 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify(a)).not.toBe(JSON.stringify(c));
    const r1 = mulberry32(1);
    const r2 = mulberry32(1);
    for (let i = 0; i < 100; i++) expect(r1()).toBe(r2());
  });

  it('writes exactly the facts the ruleset declares', () => {
    expect([...FACT_NAMES]).toEqual(ruleset.facts.map((f) => f.id));
  });

  it('writes valid assessments, urban and rural, some with missing facts', () => {
    for (const a of assessments.slice(0, 500)) {
      const checked = ruleset.validateAssessment(JSON.parse(JSON.stringify(a)));
      expect(checked.diagnostics, JSON.stringify(a)).toEqual([]);
    }
    const urban = assessments.filter((a) => a.context['unit_kind'] === 'to_dan_pho').length;
    const incomplete = assessments.filter((a) => !isComplete(a)).length;
    expect(urban).toBeGreaterThan(assessments.length * 0.3);
    expect(urban).toBeLessThan(assessments.length * 0.8);
    expect(incomplete).toBeGreaterThan(assessments.length * 0.1);
    expect(incomplete).toBeLessThan(assessments.length * 0.5);
  });

  it('gives a uniform workload (every fact present) with the same areas as the mixed one', () => {
    const uniform = generateAssessments(2_000, { seed: 42, incompleteShare: 0 });
    expect(uniform.every(isComplete)).toBe(true);
    const mixed = assessments.slice(0, 2_000);
    expect(uniform.map((a) => a.context)).toEqual(mixed.map((a) => a.context));
    // Where the mixed assessment is complete, its facts are the uniform one's, in the same order.
    const same = mixed.filter((a, i) => isComplete(a) && JSON.stringify(a) === JSON.stringify(uniform[i]));
    expect(same.length).toBe(mixed.filter(isComplete).length);
  });

  it('recognises roughly 10–30% of areas and leaves some undetermined', () => {
    const decisions = assessments.map((a) => floorDecide(a));
    const share = (d: string) => decisions.filter((x) => x === d).length / decisions.length;
    expect(share('recognised')).toBeGreaterThan(0.1);
    expect(share('recognised')).toBeLessThan(0.3);
    expect(share('undetermined')).toBeGreaterThan(0.01);
  });
});

describe('the floor', () => {
  it('agrees with evaluate() and decide() on every assessment: decision and passed counts per standard', () => {
    const passed = new Int32Array(6);
    let checked = 0;
    for (const a of assessments) {
      const decision = floorDecide(a, passed);
      const full = ruleset.evaluate(a);
      const fast = ruleset.decide(a);
      const context = `${a.area?.code}: ${JSON.stringify(a)}`;
      expect(full.decision, context).toBe(decision);
      expect(fast.decision, context).toBe(decision);
      expect(
        full.standards.map((s) => s.passed),
        context,
      ).toEqual([...passed]);
      expect([...fast.passed], context).toEqual([...passed]);
      checked++;
    }
    expect(checked).toBe(5_000);
  });
});

describe('the generated decide row', () => {
  it('writes the module beside the compiled file, imports it and binds it: same decisions as the closures', async () => {
    const file = join(REPO_ROOT, 'rules/lai-chau-2020-2025/ruleset.yaml');
    const built = buildCompiledRules(readFileSync(file, 'utf8'), { file });
    if (!built.value) throw new Error('the rules did not build');
    const dir = mkdtempSync(join(tmpdir(), 'lcz-bench-'));
    try {
      const compiledFile = join(dir, 'rules.compiled.json');
      const generated = await loadGeneratedRuleset(engine, `${JSON.stringify(built.value)}\n`, compiledFile);
      expect(engine.usesGeneratedDecide(generated)).toBe(true);
      for (const a of assessments.slice(0, 200)) expect(generated.decide(a)).toEqual(ruleset.decide(a));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the anchor encodings', () => {
  const complete = (): Assessment[] => assessments.filter(isComplete).slice(0, 500);
  const anchors: { name: string; make: () => Anchor & { dispose?: () => void } }[] = [
    { name: 'json-logic-js', make: jsonLogicAnchor },
    { name: '@marcbachmann/cel-js', make: celAnchor },
    { name: '@gorules/zen-engine', make: zenAnchor },
    { name: 'json-rules-engine', make: jreAnchor },
  ];
  const made: (Anchor & { dispose?: () => void })[] = [];
  afterAll(() => {
    for (const a of made) a.dispose?.();
  });

  for (const { name, make } of anchors) {
    it(`${name} agrees with the floor on 500 complete assessments`, async () => {
      const anchor = make();
      made.push(anchor);
      const items = complete();
      expect(items).toHaveLength(500);
      let recognised = 0;
      for (const a of items) {
        const got = anchor.decide ? anchor.decide(a) : await anchor.decideAsync?.(a);
        const want = floorDecide(a);
        expect(got, `${a.area?.code}: ${JSON.stringify(a)}`).toBe(want);
        if (got === 'recognised') recognised++;
      }
      // Both outcomes are exercised, so agreement is not trivial.
      expect(recognised).toBeGreaterThan(20);
      expect(recognised).toBeLessThan(480);
    });
  }
});

describe('the scaling row', () => {
  it('generates rules of N and 10·N criteria that load and check (sizes asserted, never times)', async () => {
    const { measureScaling, smallCriteriaRules } = await import('../src/scaling.js');
    const engine = await import('@lcz/criteria-engine');
    const loaded = loadRuleset(smallCriteriaRules(250), { file: 'scaling.yaml' });
    expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(loaded.value?.criteria).toHaveLength(250);
    const rows = measureScaling(engine, 20, 1);
    expect(rows.map((r) => [r.step, r.small, r.large])).toEqual([
      ['validate', 20, 200],
      ['check', 20, 200],
    ]);
    for (const r of rows) expect(r.ratio).toBe(r.largeMs / r.smallMs);
  });
});

describe('the points-and-levels scheme (schemes/green-building)', () => {
  it('its floor agrees with decide() on every project, uniform and mixed, and the levels spread', () => {
    const file = join(REPO_ROOT, 'rules/green-building-illustrative/ruleset.yaml');
    const green = loadRuleset(readFileSync(file, 'utf8'), { file }).value;
    if (!green) throw new Error('the green building rules did not load');
    const seen = new Set<string>();
    for (const mixed of [false, true]) {
      const projects = JSON.parse(greenProjectsJson(3_000, 11, mixed)) as Assessment[];
      for (const a of projects) {
        const mine = { ...greenFloorDecide(a) };
        const theirs = green.decide(a);
        expect(mine).toEqual({ decision: theirs.decision, ...theirs.level });
        seen.add(`${mine.decision}:${mine.reached}`);
      }
    }
    // Every level reached somewhere, and undetermined and not-recognised projects too.
    for (const level of ['certified', 'silver', 'gold', 'platinum']) expect(seen).toContain(`recognised:${level}`);
    expect(seen).toContain('undetermined:null');
    expect(seen).toContain('not_recognised:null');
  });

  it('the mixed workload is the uniform one with 1–4 facts missing in about a quarter of the projects', () => {
    const uniform = JSON.parse(greenProjectsJson(2_000, 5, false)) as Assessment[];
    const mixed = JSON.parse(greenProjectsJson(2_000, 5, true)) as Assessment[];
    let changed = 0;
    uniform.forEach((u, i) => {
      const m = mixed[i] as Assessment;
      const lost = Object.keys(u.facts).length - Object.keys(m.facts).length;
      expect(lost).toBeGreaterThanOrEqual(0);
      expect(lost).toBeLessThanOrEqual(4);
      if (lost > 0) changed++;
    });
    expect(changed).toBeGreaterThan(350);
    expect(changed).toBeLessThan(650);
  });
});

describe('the CSV cases of the bench', () => {
  it('run the csv-parse peer on the large file by default, and leave it out with BENCH_CSV_PEER=0', () => {
    // A full run measures the target's million rows; BENCH_CSV_1M=0 a smaller file, for trying changes.
    const byDefault = csvCases(false, {});
    expect(byDefault.large).toBe(1_000_000);
    expect(byDefault.cases.filter((c) => c.peer === true)).toEqual([{ rows: 1_000_000, peer: true }]);
    expect(csvCases(false, { BENCH_CSV_1M: '0' }).large).toBe(200_000);
    expect(csvCases(true, {}).large).toBe(50_000);
    expect(csvCases(true, { BENCH_CSV_1M: '1' }).large).toBe(1_000_000);
    const million = csvCases(false, { BENCH_CSV_1M: '1', BENCH_CSV_PEER: '0' });
    expect(million.large).toBe(1_000_000);
    expect(million.cases.some((c) => c.peer === true)).toBe(false);
    // The CLI's runs stay as they were: the small file, then the large one with the defaults and on one thread.
    expect(million.cases).toEqual([{ rows: 100_000 }, { rows: 1_000_000 }, { rows: 1_000_000, threads: 0 }]);
  });
});
