/**
 * The built artefacts, as users get them: ESM and CJS entry points give the same results as the
 * sources, the browser-safe core pulls in no Node built-in, and internals are not reachable.
 * `pnpm test` builds before it runs vitest.
 */
import { isAscii } from 'node:buffer';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { fileURLToPath, pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as sourceCore from '../../src/index.js';
import * as sourceNode from '../../src/node.js';
import * as sourceTools from '../../src/tools.js';
import { assessmentArbitrary } from '../../src/testing.js';
import { planScriptCachePath } from '../../src/generate/module-path.js';
import {
  planScriptCacheFile,
  planScriptCachedData,
  planScriptDigestLine,
  readPlanScript,
} from '../../src/plan-script-cache.js';

const pkgDir = fileURLToPath(new URL('../../', import.meta.url));
const dist = join(pkgDir, 'dist');
const rulesDir = fileURLToPath(new URL('../../../../rules/lai-chau-2020-2025', import.meta.url));
const example = fileURLToPath(new URL('../../../../examples/assessments/undetermined-ban.yaml', import.meta.url));

type NodeApi = typeof sourceNode;
type CoreApi = typeof sourceCore;
const source = { ...sourceCore, ...sourceNode, ...sourceTools };

async function decideWith(api: NodeApi, core: CoreApi) {
  const rules = await api.loadRulesetFile(rulesDir);
  if (!rules.value) throw new Error(core.formatDiagnostics(rules.diagnostics, 'en'));
  const input = await api.readAssessmentFile(example, rules.value);
  if (!input.value) throw new Error(core.formatDiagnostics(input.diagnostics, 'en'));
  return rules.value.evaluate(input.value);
}

describe('built package', () => {
  it('has been built (pnpm test builds first; alone, run `pnpm build`)', () => {
    expect(existsSync(join(dist, 'index.js'))).toBe(true);
  });

  it('ESM and CJS builds give the same result as the sources', async () => {
    const expected = await decideWith(sourceNode, sourceCore);
    const esm = (await import(pathToFileURL(join(dist, 'node.js')).href)) as NodeApi;
    const esmCore = (await import(pathToFileURL(join(dist, 'index.js')).href)) as CoreApi;
    const require = createRequire(import.meta.url);
    const cjs = require(join(dist, 'node.cjs')) as NodeApi;
    const cjsCore = require(join(dist, 'index.cjs')) as CoreApi;
    expect(await decideWith(esm, esmCore)).toEqual(expected);
    expect(await decideWith(cjs, cjsCore)).toEqual(expected);
    // The split (docs/architecture.md, "Entry points"): the main entry carries no tool, ./node
    // only file access, and ./tools what the tools use.
    for (const core of [esmCore, cjsCore]) {
      for (const tool of ['diffRulesets', 'officialTable', 'checkRuleset', 'runTestCases', 'buildCompiledRules'])
        expect(core).not.toHaveProperty(tool);
      expect(core).toHaveProperty('explainText');
    }
    expect(esm).not.toHaveProperty('loadRuleset');
    expect(esm).not.toHaveProperty('formatDiagnostics');
    const tools = (await import(pathToFileURL(join(dist, 'tools.js')).href)) as typeof sourceTools;
    expect(Object.keys(tools).sort()).toEqual(Object.keys(sourceTools).sort());
    expect(Object.keys(esmCore).sort()).toEqual(Object.keys(sourceCore).sort());
    expect(expected.decision).toBe('undetermined');
  });

  it('the core entry point imports no Node built-in (it runs in a browser)', () => {
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = readFileSync(file, 'utf8');
      expect(text).not.toMatch(/from\s+['"]node:|require\(['"]node:|from\s+['"](fs|path|url|module)['"]/);
      for (const m of text.matchAll(/(?:from|import)\s*\(?\s*['"](\.\/[^'"]+)['"]/g)) visit(join(dirname(file), m[1] as string));
    };
    visit(join(dist, 'index.js'));
    expect(seen.size).toBeGreaterThan(1);
  });

  it('exposes only the declared entry points', () => {
    const script = `import('@lcz/criteria-engine/dist/index.js').then(() => console.log('reachable'), (e) => console.log(e.code))`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: join(pkgDir, '../cli'), encoding: 'utf8' });
    expect(out.trim()).toBe('ERR_PACKAGE_PATH_NOT_EXPORTED');
    const ok = `import('@lcz/criteria-engine').then((m) => console.log(typeof m.loadRuleset))`;
    expect(execFileSync(process.execPath, ['--input-type=module', '-e', ok], { cwd: join(pkgDir, '../cli'), encoding: 'utf8' }).trim()).toBe('function');
  });

  it('ships type declarations for each entry point', () => {
    for (const entry of ['index', 'node', 'tools', 'runtime', 'explain', 'messages', 'testing'])
      for (const f of [`${entry}.d.ts`, `${entry}.d.cts`]) expect(existsSync(join(dist, f))).toBe(true);
  });
});

describe('built runtime entry point (@lcz/criteria-engine/runtime)', () => {
  /** Every bare import the file and its chunks make (static imports: what loads with it). */
  const bareImports = (entry: string, seen = new Set<string>()): Set<string> => {
    const bare = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = readFileSync(file, 'utf8');
      const statements = /^(?:import|export)\b[^'"\n]*?(?:from\s*)?['"]([^'"]+)['"];?$|\brequire\(['"]([^'"]+)['"]\)/gm;
      for (const m of text.matchAll(statements)) {
        const target = (m[1] ?? m[2]) as string;
        if (target.startsWith('./')) visit(join(dirname(file), target));
        else bare.add(target);
      }
    };
    visit(join(dist, entry));
    return bare;
  };

  it('imports nothing from node_modules and no Node built-in: no YAML parser, no ajv, zod inlined', () => {
    expect([...bareImports('runtime.js')]).toEqual([]);
    expect([...bareImports('runtime.cjs')]).toEqual([]);
    // The same entry as one file (./standalone): no chunk, nothing else to load.
    for (const file of ['standalone.js', 'standalone.cjs']) {
      const files = new Set<string>();
      expect([...bareImports(file, files)]).toEqual([]);
      expect(files.size).toBe(1);
      expect(readFileSync(join(dist, file), 'utf8').includes('YAMLParseError')).toBe(false);
    }
    // The full entry still imports @noble/hashes; the check above would see it.
    expect(bareImports('index.js').has('@noble/hashes/sha2.js')).toBe(true);
  });

  it('reaches no YAML parser code, though `yaml` is inlined into the build (tsup inlineDependencies)', () => {
    const yamlIn = (entry: string) => {
      const files = new Set<string>();
      bareImports(entry, files);
      return [...files].some((f) => readFileSync(f, 'utf8').includes('YAMLParseError'));
    };
    expect(yamlIn('runtime.js')).toBe(false);
    // Nor the message catalogues (a thrown error's text comes with ./messages: diagnostics/error.ts).
    const reached = new Set<string>();
    bareImports('runtime.js', reached);
    const hint = 'Check the folder and the file name'; // file_not_found's hint in messages/en.ts
    expect([...reached].some((f) => readFileSync(f, 'utf8').includes(hint))).toBe(false);
    const all = new Set<string>();
    bareImports('messages.js', all);
    expect([...all].some((f) => readFileSync(f, 'utf8').includes(hint))).toBe(true);
    expect(yamlIn('explain.js')).toBe(false);
    // The main entry parses YAML rule files: the check would see the inlined parser.
    expect(yamlIn('index.js')).toBe(true);
  });

  it('ESM and CJS load a compiled rules file and decide as the sources do', async () => {
    const built = source.buildCompiledRules(readFileSync(join(rulesDir, 'ruleset.yaml'), 'utf8'), { file: 'ruleset.yaml' });
    const json = JSON.stringify(built.value);
    const rules = await source.loadRulesetFile(rulesDir);
    const input = rules.value && (await source.readAssessmentFile(example, rules.value));
    if (!rules.value || !input?.value) throw new Error('the example should load');
    const expected = rules.value.evaluate(input.value);
    type Runtime = typeof import('../../src/runtime.js');
    const esm = (await import(pathToFileURL(join(dist, 'runtime.js')).href)) as Runtime;
    const cjs = createRequire(import.meta.url)(join(dist, 'runtime.cjs')) as Runtime;
    type Messages = typeof import('../../src/messages.js');
    const messages = (await import(pathToFileURL(join(dist, 'messages.js')).href)) as Messages;
    // ./standalone is ./runtime built as one file: the same exports, the same results.
    const standalone = (await import(pathToFileURL(join(dist, 'standalone.js')).href)) as Runtime;
    const standaloneCjs = createRequire(import.meta.url)(join(dist, 'standalone.cjs')) as Runtime;
    expect(Object.keys(standalone).sort()).toEqual(Object.keys(esm).sort());
    expect(Object.keys(standaloneCjs).sort()).toEqual(Object.keys(cjs).sort());
    for (const runtime of [esm, cjs, standalone, standaloneCjs]) {
      const loaded = runtime.loadCompiledRuleset(json);
      expect(loaded.value?.evaluate(input.value)).toEqual(expected);
      expect(loaded.value?.validateAssessment(input.value).diagnostics).toEqual([]);
      // Problems are data in the runtime; their text comes from ./messages.
      const stale = runtime.loadCompiledRuleset({ ...(built.value as object), engine: '0.0.1' });
      expect(messages.formatDiagnostics(stale.diagnostics, 'en')).toContain('[compiled_stale] This compiled rules file was built by engine 0.0.1');
    }
  });
});

describe('the one-file runtime entry (@lcz/criteria-engine/standalone) on every bundled scheme', () => {
  const schemes = ['lai-chau-2020-2025', 'lai-chau-2026-2030-draft', 'green-building-illustrative', 'ntm-commune-2021-2025']
    .map((name) => fileURLToPath(new URL(`../../../../rules/${name}/ruleset.yaml`, import.meta.url)))
    .concat(fileURLToPath(new URL('../../../../examples/school-safety/ruleset.yaml', import.meta.url)));

  it.each(schemes)('%s: validates and evaluates as loadRuleset does (ESM and CJS)', async (file) => {
    type Runtime = typeof import('../../src/runtime.js');
    const esm = (await import(pathToFileURL(join(dist, 'standalone.js')).href)) as Runtime;
    const cjs = createRequire(import.meta.url)(join(dist, 'standalone.cjs')) as Runtime;
    const yaml = await source.loadRulesetFile(file);
    // Builds in memory: `out` only names the sources relative to where the file would go.
    const built = await source.buildCompiledRulesFile(file, join(dirname(file), 'x.compiled.json'));
    if (!yaml.value || !built.value) throw new Error(`${file} should load and build`);
    const samples = fc.sample(assessmentArbitrary(yaml.value, { unknownRate: 0.2 }), { numRuns: 60, seed: 16 });
    for (const runtime of [esm, cjs]) {
      const loaded = runtime.loadCompiledRuleset(built.value.json);
      const ruleset = loaded.value;
      if (!ruleset) throw new Error(`${file}: the standalone entry refused the compiled file`);
      expect(ruleset.hash).toBe(yaml.value.hash);
      for (const sample of samples) {
        const input: unknown = JSON.parse(JSON.stringify(sample));
        expect(ruleset.validateAssessment(input)).toEqual(yaml.value.validateAssessment(input));
        expect(ruleset.evaluate(sample)).toEqual(yaml.value.evaluate(sample));
      }
      // And a bad input: the same problems.
      const bad = { context: {}, facts: { [yaml.value.facts[0]?.id ?? 'x']: 'not a value' }, extra: 1 };
      expect(ruleset.validateAssessment(bad).diagnostics).toEqual(yaml.value.validateAssessment(bad).diagnostics);
    }
  }, 120_000);
});

describe('the plan entry (@lcz/criteria-engine/plan) and a plan module', () => {
  it('is one file that imports nothing and carries no compiler, no YAML parser and no zod', () => {
    for (const file of ['plan.js', 'plan.cjs']) {
      const text = readFileSync(join(dist, file), 'utf8');
      expect(text).not.toMatch(/^import\b|\brequire\(['"]/m);
      expect(text.includes('YAMLParseError')).toBe(false);
      // Assessments are checked without zod (evaluate/assessment-issues.ts): zod's classes would show here.
      expect(text.includes('$ZodType')).toBe(false);
      // Names are kept by the build: the compiler's entry and the checker would show here.
      expect(text.includes('compileRuleset')).toBe(false);
      expect(text.includes('checkExpression')).toBe(false);
    }
  });

  const schemes = ['lai-chau-2020-2025', 'lai-chau-2026-2030-draft'].map((name) =>
    fileURLToPath(new URL(`../../../../rules/${name}/ruleset.yaml`, import.meta.url)),
  );
  it.each(schemes)('%s: validates and evaluates as loadRuleset does (ESM and CJS)', async (file) => {
    type Plan = typeof import('../../src/plan-runtime.js');
    const esm = (await import(pathToFileURL(join(dist, 'plan.js')).href)) as Plan;
    const cjs = createRequire(import.meta.url)(join(dist, 'plan.cjs')) as Plan;
    const yaml = await source.loadRulesetFile(file);
    const built = await source.buildCompiledRulesFile(file, join(dirname(file), 'x.compiled.json'));
    if (!yaml.value || !built.value) throw new Error(`${file} should load and build`);
    const made = source.planModuleCode(built.value.json);
    if (!('code' in made)) throw new Error(`${file}: no plan module (${made.refused})`);
    const module = (await import(`data:text/javascript;base64,${Buffer.from(made.code).toString('base64')}`)) as Parameters<
      Plan['loadPlanModule']
    >[0];
    const samples = fc.sample(assessmentArbitrary(yaml.value, { unknownRate: 0.2 }), { numRuns: 60, seed: 16 });
    for (const plan of [esm, cjs]) {
      const ruleset = plan.loadPlanModule(module, { hash: yaml.value.hash }).value;
      if (!ruleset) throw new Error(`${file}: the plan entry refused the module`);
      for (const sample of samples) {
        const input: unknown = JSON.parse(JSON.stringify(sample));
        expect(ruleset.validateAssessment(input)).toEqual(yaml.value.validateAssessment(input));
        expect(ruleset.evaluate(sample)).toEqual(yaml.value.evaluate(sample));
        expect(ruleset.decide(sample)).toEqual(yaml.value.decide(sample));
      }
      const bad = { context: {}, facts: { [yaml.value.facts[0]?.id ?? 'x']: 'not a value' }, extra: 1 };
      expect(ruleset.validateAssessment(bad).diagnostics).toEqual(yaml.value.validateAssessment(bad).diagnostics);
      expect(plan.loadPlanModule(module, { hash: 'sha256:other' }).diagnostics[0]?.code).toBe('plan_module_stale');
    }
  }, 120_000);
});

describe('the plan-file entry (@lcz/criteria-engine/plan-file) and a plan script with its code cache', () => {
  it('is one small file: the loader only, importing nothing (node:fs, node:vm from process.getBuiltinModule)', () => {
    for (const file of ['plan-file.js', 'plan-file.cjs']) {
      const text = readFileSync(join(dist, file), 'utf8').replace(/\n\/\/# sourceMappingURL=.*/g, '');
      const imported = [...text.matchAll(/(?:from |import\(|require\()['"]([^'"]+)['"]/g)].map((m) => m[1]);
      expect(imported).toEqual([]);
      expect(text).toContain('getBuiltinModule');
      expect(text.length).toBeLessThan(6000);
    }
  });

  const schemes = ['lai-chau-2020-2025', 'lai-chau-2026-2030-draft'].map((name) =>
    fileURLToPath(new URL(`../../../../rules/${name}/ruleset.yaml`, import.meta.url)),
  );
  const folder = mkdtempSync(join(tmpdir(), 'lcz-plan-script-'));
  type PlanFile = typeof import('../../src/plan-file.js');
  const entries = async (): Promise<PlanFile[]> => [
    (await import(pathToFileURL(join(dist, 'plan-file.js')).href)) as PlanFile,
    createRequire(import.meta.url)(join(dist, 'plan-file.cjs')) as PlanFile,
  ];

  it.each(schemes)('%s: validates and evaluates as loadRuleset does, with its cache, and without', async (file) => {
    const yaml = await source.loadRulesetFile(file);
    const built = await source.buildCompiledRulesFile(file, join(dirname(file), 'x.compiled.json'));
    if (!yaml.value || !built.value) throw new Error(`${file} should load and build`);
    const script = join(folder, `${basename(dirname(file))}.compiled.plan-script.js`);
    const made = source.planScriptOf(built.value.json, script);
    if (!('code' in made)) throw new Error(`${file}: no plan script (${made.refused})`);
    // ASCII, so the loader reads it one byte a character (plan-script-code.ts).
    expect(isAscii(Buffer.from(made.code))).toBe(true);
    writeFileSync(script, made.code);
    const cache = planScriptCachePath(script);
    // The cache is whole, made for this script, and V8 takes it (this process has the flags it was made with).
    const data = planScriptCachedData(made.cache, Buffer.from(made.code));
    if (!data) throw new Error(`${file}: the cache written is not taken`);
    expect(new Script(made.code, { cachedData: data }).cachedDataRejected).toBe(false);
    const samples = fc.sample(assessmentArbitrary(yaml.value, { unknownRate: 0.2 }), { numRuns: 40, seed: 16 });
    const bad = { context: {}, facts: { [yaml.value.facts[0]?.id ?? 'x']: 'not a value' }, extra: 1 };
    // With the cache, with none, and with a damaged one (the loader ignores it): the same results.
    const damaged = Buffer.from(made.cache);
    damaged[damaged.length - 1000] = (damaged[damaged.length - 1000] ?? 0) ^ 0x55;
    for (const cached of [made.cache, undefined, damaged]) {
      if (cached) writeFileSync(cache, cached);
      else rmSync(cache, { force: true });
      for (const entry of await entries()) {
        const ruleset = entry.loadPlanFile(script, { hash: yaml.value.hash })?.value;
        if (!ruleset) throw new Error(`${file}: the plan-file entry refused the script`);
        expect(ruleset.hash).toBe(yaml.value.hash);
        for (const sample of samples) {
          const input: unknown = JSON.parse(JSON.stringify(sample));
          expect(ruleset.validateAssessment(input)).toEqual(yaml.value.validateAssessment(input));
          expect(ruleset.evaluate(sample)).toEqual(yaml.value.evaluate(sample));
          expect(ruleset.decide(sample)).toEqual(yaml.value.decide(sample));
        }
        expect(ruleset.validateAssessment(bad).diagnostics).toEqual(yaml.value.validateAssessment(bad).diagnostics);
        const other = entry.loadPlanFile(script, { hash: 'sha256:other' });
        expect(other?.diagnostics[0]?.code).toBe('plan_module_stale');
      }
    }
  }, 120_000);

  it('uses a cache only when it is whole and made for this script and this Node', () => {
    const script = Buffer.from(`(function () { return 1; })\n${planScriptDigestLine('a'.repeat(64))}`);
    const data = Buffer.from('V8 cached data, as far as this check goes');
    const file = planScriptCacheFile(script, data);
    expect(planScriptCachedData(file, script)?.equals(data)).toBe(true);
    const flipped = Buffer.from(file);
    flipped[flipped.length - 3] = (flipped[flipped.length - 3] ?? 0) ^ 1;
    const otherScript = Buffer.from(`(function () { return 2; })\n${planScriptDigestLine('b'.repeat(64))}`);
    const sameLength = Buffer.from(`(function () { return 1; })\n${planScriptDigestLine('c'.repeat(64))}`);
    const otherNode = Buffer.from(file.toString('latin1').replace(process.version, 'v0.0.0'), 'latin1');
    for (const [what, cache, against] of [
      ['cut off', file.subarray(0, file.length - 1), script],
      ['a byte changed', flipped, script],
      ['made for another script', file, otherScript],
      ['made for another script of the same length', file, sameLength],
      ['made by another Node', otherNode, script],
      ['not a cache', Buffer.from('hello\n'), script],
      ['longer than its two copies', Buffer.concat([file, Buffer.from('x')]), script],
    ] as const) {
      expect(planScriptCachedData(cache, against), what).toBeUndefined();
      // The loader reads the script and then the cache into one buffer (the second copy in
      // pieces): the same verdicts, and the script's text as UTF-8, as with no cache.
      const scriptPath = join(folder, 'check.plan-script.js');
      writeFileSync(scriptPath, against);
      writeFileSync(planScriptCachePath(scriptPath), cache);
      const read = readPlanScript(fs, scriptPath, planScriptCachePath(scriptPath));
      expect(read?.cachedData, what).toBeUndefined();
      expect(read?.text, what).toBe(against.toString('utf8'));
    }
    const path = join(folder, 'whole.plan-script.js');
    const cachePath = planScriptCachePath(path);
    writeFileSync(path, script);
    writeFileSync(cachePath, file);
    expect(readPlanScript(fs, path, cachePath)?.cachedData?.equals(data)).toBe(true);
    expect(readPlanScript(fs, path, cachePath)?.text).toBe(script.toString('latin1'));
    // Data longer than one piece of the second copy (16 kB) and than the script: every piece
    // compared, a change in the last one seen.
    const big = Buffer.alloc(200_003, 7);
    const bigFile = planScriptCacheFile(script, big);
    writeFileSync(cachePath, bigFile);
    expect(readPlanScript(fs, path, cachePath)?.cachedData?.equals(big)).toBe(true);
    const changed = Buffer.from(bigFile);
    changed[changed.length - 2] = 8;
    writeFileSync(cachePath, changed);
    expect(readPlanScript(fs, path, cachePath)?.cachedData).toBeUndefined();
    // A script the header names is read one byte a character (lcz build writes ASCII); when the
    // data then proves damaged, the script is read again as UTF-8, as with no cache at all.
    const notAscii = Buffer.from(`(function () { return "\u0111 đ"; })\n${planScriptDigestLine('d'.repeat(64))}`);
    const itsCache = planScriptCacheFile(notAscii, big);
    writeFileSync(path, notAscii);
    writeFileSync(cachePath, itsCache);
    expect(readPlanScript(fs, path, cachePath)?.text).toBe(notAscii.toString('latin1'));
    const damaged = Buffer.from(itsCache);
    damaged[damaged.length - 2] = 8;
    writeFileSync(cachePath, damaged);
    expect(readPlanScript(fs, path, cachePath)).toEqual({ text: notAscii.toString('utf8'), cachedData: undefined });
    rmSync(cachePath);
    expect(readPlanScript(fs, path, cachePath)).toEqual({ text: notAscii.toString('utf8'), cachedData: undefined });
    expect(readPlanScript(fs, join(folder, 'none.plan-script.js'), cachePath)).toBeUndefined();
  });

  it('refuses a file that is not a plan script (plan_module_stale), and says there is none where there is no file', async () => {
    const notScript = join(folder, 'module.plan-script.js');
    writeFileSync(notScript, 'export const planFormat = "lcz-plan-module";\n');
    const other = join(folder, 'other.plan-script.js');
    writeFileSync(other, '(function () { return { planScriptFormat: "something else" }; })\n');
    const empty = join(folder, 'null.plan-script.js');
    writeFileSync(empty, '(function () { return null; })\n');
    for (const entry of await entries()) {
      for (const path of [notScript, other, empty]) {
        const refused = entry.loadPlanFile(path);
        expect(refused?.value).toBeUndefined();
        expect(refused?.diagnostics.map((d) => [d.code, d.file, d.line, d.params['reason']])).toEqual([
          ['plan_module_stale', path, 1, 'format'],
        ]);
      }
      expect(entry.loadPlanFile(join(folder, 'nothing.plan-script.js'))).toBeUndefined();
    }
  });
});
