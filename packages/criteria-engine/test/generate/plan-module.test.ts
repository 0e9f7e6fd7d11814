/**
 * The plan module (generate/plan-module-code.ts, load-plan-module.ts) against the loaders it stands
 * in for, on every bundled scheme: the ruleset it gives must have the identity and diagnostics
 * `loadCompiledRuleset` gives for the same compiled file, and decide, evaluate and validate as
 * `loadRuleset` of the YAML does, on the YAML cases, generated assessments, the same with hostile
 * values anywhere (diagnostics of invalid assessments included) and values of the wrong type. A
 * scheme whose plan has a construct the generated code leaves to closures gets no module, and the
 * build says which. A stale module is refused with a located problem.
 */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CompiledRuleset } from '../../src/compile/compiled-ruleset.js';
import { ENGINE_VERSION } from '../../src/compiled-rules-file.js';
import { formatDiagnostics } from '../../src/diagnostics/format.js';
import { loadCompiledRuleset } from '../../src/load-compiled.js';
import { loadPlanModule, type PlanModule, type PlanRuleset } from '../../src/load-plan-module.js';
import { buildCompiledRulesFile, loadRulesetFile } from '../../src/node-files.js';
import { loadPlanModuleFile, planModuleCode, writePlanModule } from '../../src/plan-module-files.js';
import { assessmentArbitrary } from '../../src/testing.js';
import type { GenerateRefusal } from '../../src/generate/refusal.js';
import { PROPERTY_SEED, propertyRuns } from '../oracle/differential.js';
import { readYamlCases } from '../oracle/yaml-cases.js';
import type { Assessment } from '../../src/evaluate/assessment.js';
import { withDates } from './load-both.js';

const root = (path: string) => fileURLToPath(new URL(`../../../../${path}`, import.meta.url));
const RUNS = propertyRuns(300);
const TIMEOUT = Math.max(120_000, RUNS * 60);
const folder = mkdtempSync(join(tmpdir(), 'lcz-plan-module-'));
let written = 0;

/** The bundled schemes, and whether their plan has only constructs the generated code writes. */
const SCHEMES: readonly {
  readonly rules: string;
  readonly module: boolean;
  readonly reason?: GenerateRefusal;
  /** Dated parameter tables: assessments get dates around their `from:`s (load-both.ts). */
  readonly dated?: boolean;
}[] = [
  { rules: 'rules/lai-chau-2020-2025/ruleset.yaml', module: true },
  { rules: 'rules/lai-chau-2026-2030-draft/ruleset.yaml', module: true },
  {
    rules: 'rules/green-building-illustrative/ruleset.yaml',
    module: false,
    reason: { code: 'points_rule', params: { criterion: 'LTc2' } },
  },
  {
    rules: 'rules/ntm-commune-2021-2025/ruleset.yaml',
    module: false,
    reason: {
      code: 'construct',
      params: {
        part: 'criterion',
        id: '2',
        construct: 'function',
        fn: 'percent',
        // Where the part is written: the rule file as the compiled file names it, relative to it.
        file: expect.stringMatching(/(^|\/)rules\/ntm-commune-2021-2025\/ruleset\.yaml$/) as string,
        line: 371,
        column: 11,
      },
    },
  },
  {
    // Its table by year is written now (criterion 3.1); a count of conditions is not.
    rules: 'packages/criteria-engine/test/fixtures/truong-hoc-an-toan/2026-2030/ruleset.yaml',
    module: false,
    reason: {
      code: 'construct',
      params: {
        part: 'criterion',
        id: '3.4',
        construct: 'function',
        fn: 'count',
        file: expect.stringMatching(/(^|\/)truong-hoc-an-toan\/2026-2030\/ruleset\.yaml$/) as string,
        line: 210,
        column: 11,
      },
    },
  },
  {
    // A table compared with a derived quantity: the table and its keys, not just "a comparison".
    rules: 'packages/criteria-engine/test/fixtures/thon-van-hoa/ruleset.yaml',
    module: false,
    reason: {
      code: 'construct',
      params: {
        part: 'criterion',
        id: 'KT2',
        construct: 'parameter_table',
        parameter: 'income_min',
        by: 'unit_kind',
        file: expect.stringMatching(/(^|\/)thon-van-hoa\/ruleset\.yaml$/) as string,
        line: 216,
        column: 20,
      },
    },
  },
  // Parameter tables in every shape the generated code writes, one read by a context rule.
  { rules: 'packages/criteria-engine/test/fixtures/parameter-tables/ruleset.yaml', module: true, dated: true },
];

async function importFresh(code: string): Promise<PlanModule> {
  const file = join(folder, `m${written++}.plan.mjs`);
  writeFileSync(file, code);
  return (await import(pathToFileURL(file).href)) as PlanModule;
}

/** What a call gave, or the codes of what it threw. */
function outcome(call: () => unknown): unknown {
  try {
    const value = call();
    return { value, text: JSON.stringify(value) };
  } catch (e) {
    const problems = (e as { diagnostics?: readonly { code: string; path?: string }[] }).diagnostics;
    return { threw: problems ? problems.map((d) => `${d.code}@${d.path ?? ''}`) : String(e) };
  }
}

/** Values no assessment should hold, put anywhere in a valid one. */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom(-0, 1e21, 2 ** 53, 0.1, 0.125, '12', '', 'true', '2024-13-45', '2024-10-10', [], {}, -5, 1e9),
);

function withValueAt(base: unknown, path: readonly string[], value: unknown): unknown {
  const copy: unknown = JSON.parse(JSON.stringify(base));
  if (path.length === 0) return value;
  let cur = copy as Record<string, unknown>;
  for (const [i, key] of path.entries()) {
    if (i === path.length - 1) cur[key] = value;
    else {
      if (typeof cur[key] !== 'object' || cur[key] === null) cur[key] = {};
      cur = cur[key] as Record<string, unknown>;
    }
  }
  return copy;
}

for (const scheme of SCHEMES) {
  describe(`plan module of ${scheme.rules}`, () => {
    let json = '';
    let code: string | undefined;
    let refused: string | undefined;
    let reason: GenerateRefusal | undefined;
    let fromModule: PlanRuleset;
    let fromFile: CompiledRuleset;
    let fromYaml: CompiledRuleset;
    let diagnostics: { file: unknown; yaml: unknown };

    beforeAll(async () => {
      const out = join(folder, `r${written++}.compiled.json`);
      const built = await buildCompiledRulesFile(root(scheme.rules), out);
      if (!built.value) throw new Error(`${scheme.rules} does not build`);
      json = built.value.json;
      const made = planModuleCode(json);
      if ('code' in made) code = made.code;
      else ({ refused, reason } = made);
      const file = loadCompiledRuleset(json);
      const yaml = await loadRulesetFile(root(scheme.rules));
      if (!file.value || !yaml.value) throw new Error(`${scheme.rules} does not load`);
      fromFile = file.value;
      fromYaml = yaml.value;
      if (code === undefined) return;
      const loaded = loadPlanModule(await importFresh(code), { hash: fromFile.hash });
      if (!loaded.value) throw new Error(formatDiagnostics(loaded.diagnostics, 'en'));
      fromModule = loaded.value;
      diagnostics = { file: file.diagnostics, yaml: loaded.diagnostics };
    }, TIMEOUT);

    if (!scheme.module) {
      it('gets no module, and the build says which part keeps its closure', () => {
        expect(code).toBeUndefined();
        expect(refused).toMatch(/closure/);
        // The reason as data: a code and its parameters, for a tool to word in its reader's language.
        expect(reason).toEqual(scheme.reason);
      });
      return;
    }

    it('is generated, is plain code and loads with the generated decide and evaluate', () => {
      expect(refused).toBeUndefined();
      expect(code).toContain('export function createPlan(rt)');
      // No decideSlots in a plan module (PlanRuleset has none): less code to scan at import.
      expect(code).not.toContain('createDecideSlots');
      expect(code).not.toMatch(/\beval\b|new Function|import\(|\brequire\(/);
      // decide and evaluate are the module's generated functions (nothing else could run them: no plan closures).
      expect(fromModule.decide.name).toBe('decide');
      expect(fromModule.evaluate.name).toBe('evaluate');
    });

    it('gives what the compiled file gives of the ruleset it runs: identity, diagnostics, slots', () => {
      expect(diagnostics.yaml).toEqual(diagnostics.file);
      const { id, version, hash, languages, effective, diagnostics: own, slotLayout } = fromFile;
      expect({ ...fromModule }).toMatchObject({ id, version, hash, languages, slotLayout, diagnostics: own });
      expect(fromModule.effective).toEqual(effective);
      expect(Object.isFrozen(fromModule)).toBe(true);
    });

    it('decides, evaluates and validates as loadRuleset on every YAML case', () => {
      const cases = readYamlCases(root(scheme.rules));
      if (existsSync(root(scheme.rules).replace(/ruleset\.yaml$/, 'tests'))) expect(cases.length).toBeGreaterThan(0);
      for (const c of cases) {
        const input: unknown = JSON.parse(JSON.stringify(c.assessment));
        expect(outcome(() => fromModule.validateAssessment(input))).toEqual(
          outcome(() => fromYaml.validateAssessment(input)),
        );
        const valid = fromYaml.validateAssessment(input).value;
        if (!valid) continue;
        expect(
          outcome(() => fromModule.evaluate(valid)),
          c.name,
        ).toEqual(outcome(() => fromYaml.evaluate(valid)));
        expect(outcome(() => fromModule.decide(valid))).toEqual(outcome(() => fromYaml.decide(valid)));
      }
    });

    it(
      'agrees with loadRuleset on generated assessments, valid or with a hostile value anywhere',
      () => {
        const paths: string[][] = [
          [],
          ['area', 'date'],
          ['area', 'code'],
          ['context'],
          ['facts'],
          ['facts', 'not_declared'],
          ...fromYaml.facts.map((f) => ['facts', f.id]),
          ...fromYaml.context.map((a) => ['context', a.id]),
        ];
        let invalid = 0;
        fc.assert(
          fc.property(
            (scheme.dated ? withDates : (a: fc.Arbitrary<Assessment>) => a)(
              fc.oneof(assessmentArbitrary(fromYaml), assessmentArbitrary(fromYaml, { unknownRate: 0.3 })),
            ),
            fc.option(fc.tuple(fc.constantFrom(...paths), hostileValue), { freq: 2 }),
            (assessment, change) => {
              const input: unknown = change
                ? withValueAt(assessment, change[0], change[1])
                : JSON.parse(JSON.stringify(assessment));
              const mine = outcome(() => fromModule.validateAssessment(input));
              expect(mine).toEqual(outcome(() => fromYaml.validateAssessment(input)));
              // Unchecked input too: decide and evaluate throw the same problems on a wrong type.
              expect(outcome(() => fromModule.evaluate(input as never))).toEqual(
                outcome(() => fromYaml.evaluate(input as never)),
              );
              expect(outcome(() => fromModule.decide(input as never))).toEqual(
                outcome(() => fromYaml.decide(input as never)),
              );
              if (!fromYaml.validateAssessment(input).value) invalid++;
            },
          ),
          { seed: PROPERTY_SEED, numRuns: RUNS },
        );
        expect(invalid).toBeGreaterThan(0);
      },
      TIMEOUT,
    );

    it('refuses a stale module with a located problem in both languages, never using it', async () => {
      const module = await importFresh(code ?? '');
      const cases: [PlanModule, { hash?: string }, string][] = [
        [{ ...module, engine: '0.0.1' }, {}, 'engine'],
        [module, { hash: 'sha256:other' }, 'hash'],
        [{ ...module, planFormatVersion: 0 }, {}, 'format'],
        [{ ...module, createPlan: undefined }, {}, 'format'],
      ];
      for (const [m, options, reason] of cases) {
        const loaded = loadPlanModule(m, { ...options, file: 'rules/x.compiled.plan.mjs' });
        expect(loaded.value).toBeUndefined();
        expect(loaded.diagnostics).toHaveLength(1);
        const [d] = loaded.diagnostics;
        expect(d).toMatchObject({ code: 'plan_module_stale', severity: 'error', line: 1, column: 1 });
        expect(d?.params).toMatchObject({ reason });
        const en = formatDiagnostics(loaded.diagnostics, 'en');
        const vi = formatDiagnostics(loaded.diagnostics, 'vi');
        expect(en).toContain('rules/x.compiled.plan.mjs:1:1');
        expect(en).toContain('lcz build');
        expect(vi).toContain('Mô-đun kế hoạch');
      }
      const stale = loadPlanModule({ ...module, engine: '0.0.1' }).diagnostics[0];
      expect(stale?.params).toMatchObject({ found: '0.0.1', expected: ENGINE_VERSION });
    });

    it('is written and loaded from disk by the node helpers', async () => {
      const path = join(folder, `w${written++}.compiled.plan.mjs`);
      const made = await writePlanModule(path, json);
      expect(made).toEqual({ code });
      const loaded = await loadPlanModuleFile(path, { hash: fromFile.hash });
      expect(loaded?.value?.hash).toBe(fromFile.hash);
      expect(await loadPlanModuleFile(join(folder, 'absent.plan.mjs'))).toBeUndefined();
    });
  });
}
