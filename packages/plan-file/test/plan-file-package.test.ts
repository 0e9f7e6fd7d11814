/**
 * @lcz/criteria-plan-file: the engine's plan-file loader as a package resolved through "main".
 * These tests need its build (`pnpm test` builds first): the package has no source condition to
 * resolve to, on purpose (no `exports` map, which is what it is for).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadPlanFile as engineLoadPlanFile } from '@lcz/criteria-engine/plan-file';
import { buildCompiledRulesFile, loadRulesetFile, planScriptOf } from '@lcz/criteria-engine/node';
import { planScriptCachePath } from '@lcz/criteria-engine/runtime';
import { assessmentArbitrary } from '@lcz/criteria-engine/testing';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const manifest = JSON.parse(readFileSync(here('../package.json'), 'utf8')) as Record<string, unknown>;

describe('@lcz/criteria-plan-file', () => {
  it('is resolved through "main": no exports map, one ES module with its types', () => {
    expect(manifest.exports).toBeUndefined();
    expect(manifest.type).toBe('module');
    expect(manifest.main).toBe('./dist/index.js');
    expect(manifest.types).toBe('./dist/index.d.ts');
  });

  it('its build is the loader alone: it imports nothing (node:fs and node:vm come from process.getBuiltinModule), never the engine', () => {
    const code = readFileSync(here('../dist/index.js'), 'utf8').replace(/\n\/\/# sourceMappingURL=.*/g, '');
    const imported = [...code.matchAll(/(?:from |import\(|require\()['"]([^'"]+)['"]/g)].map((m) => m[1]);
    expect(imported).toEqual([]);
    expect(code).toContain('getBuiltinModule');
    expect(code.length).toBeLessThan(6000);
    expect(readFileSync(here('../dist/index.d.ts'), 'utf8')).toContain('loadPlanFile');
  });

  const folder = mkdtempSync(join(tmpdir(), 'lcz-plan-file-package-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it.each(['lai-chau-2020-2025', 'lai-chau-2026-2030-draft'])(
    '%s: the same rulesets and results as the engine loader, with the cache and without it',
    async (name) => {
      const rules = here(`../../../rules/${name}/ruleset.yaml`);
      const yaml = await loadRulesetFile(rules);
      const built = await buildCompiledRulesFile(rules, join(folder, `${name}.compiled.json`));
      if (!yaml.value || !built.value) throw new Error(`${name} should load and build`);
      const script = join(folder, `${name}.compiled.plan-script.js`);
      const made = planScriptOf(built.value.json, script);
      if (!('code' in made)) throw new Error(`${name}: no plan script (${made.refused})`);
      writeFileSync(script, made.code);
      // The package's build (what "main" names; the packed package is imported by its name in
      // criteria-engine/test/dist/pack.test.ts); the engine's entry, in a test, is its source.
      const { loadPlanFile } = (await import(
        pathToFileURL(here('../dist/index.js')).href
      )) as typeof import('../src/index.js');
      const samples = fc.sample(assessmentArbitrary(yaml.value, { unknownRate: 0.2 }), { numRuns: 30, seed: 7 });
      for (const cache of [made.cache, undefined]) {
        if (cache) writeFileSync(planScriptCachePath(script), cache);
        else rmSync(planScriptCachePath(script), { force: true });
        const mine = loadPlanFile(script, { hash: yaml.value.hash })?.value;
        const theirs = engineLoadPlanFile(script, { hash: yaml.value.hash })?.value;
        if (!mine || !theirs) throw new Error(`${name}: a loader refused the script`);
        for (const sample of samples) {
          const input: unknown = JSON.parse(JSON.stringify(sample));
          expect(mine.validateAssessment(input)).toEqual(theirs.validateAssessment(input));
          expect(mine.evaluate(sample)).toEqual(yaml.value.evaluate(sample));
          expect(mine.decide(sample)).toEqual(yaml.value.decide(sample));
        }
        expect(loadPlanFile(script, { hash: 'sha256:other' })?.diagnostics[0]?.code).toBe('plan_module_stale');
      }
      expect(loadPlanFile(join(folder, 'none.compiled.plan-script.js'))).toBeUndefined();
    },
    120_000,
  );
});
