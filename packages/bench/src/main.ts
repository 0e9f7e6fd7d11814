/**
 * `pnpm bench`: the engine against a hand-written floor and four other rule engines, on the
 * bundled Lai Châu rules and a seeded workload; then cold start, warm recompile and memory.
 * Prints Markdown tables and writes results/latest.json. BENCH_QUICK=1 for a short run.
 *
 * Run by `tsx --expose-gc --conditions=@lcz/source`: the engine in this process is its TypeScript
 * source (BENCH_ENGINE=dist to time the built one instead); cold start and memory use the
 * built engine in fresh processes.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CompiledRuleset, Decision } from '@lcz/criteria-engine';
import * as sourceEngine from '@lcz/criteria-engine';
import { buildCompiledRules } from '@lcz/criteria-engine/tools';
import { planModuleCode } from '@lcz/criteria-engine/node';
import { loadPlanModule, planModulePath, planScriptPath, type PlanModule } from '@lcz/criteria-engine/runtime';
import type { Anchor } from '../schemes/lai-chau/anchor-rules.js';
import { BENCH_DIR, OUT_DIR, REPO_ROOT, RESULTS_FILE, RULES_FILE, benchConfig } from './config.js';
import { CSV_TARGET, CSV_TARGET_ROWS, csvCases, measureCsv, peerRatios } from './csv-throughput.js';
import {
  anchorContender,
  completeWorkload,
  engineContenders,
  floorContender,
  generatedContender,
  generatedEvaluateContender,
  makeWorkload,
  type Contender,
  type Workload,
} from './contenders.js';
import { generateAssessments, isComplete } from '../schemes/lai-chau/generate.js';
import { loadGeneratedRuleset } from './generated.js';
import { collectGarbage, timeAsync, timeSync, type Timing } from './measure.js';
import {
  renderMarkdown,
  type BenchResults,
  type ColdStartRow,
  type MemoryEngineRow,
  type MemorySide,
  type RecompileRow,
  type ThroughputRow,
} from './report.js';
import { measureScaling } from './scaling.js';
import { measureLevelsScheme, renderLevelsRows } from '../schemes/green-building/measure.js';
import { runNode } from './spawn.js';
import { median, spread } from './stats.js';

/** Ratio targets per workload (issue 16): closures' decide() on uniform input, evaluate() on both. */
const TARGET = {
  uniform: { decide: 6, evaluate: 25 },
  mixed: { evaluate: 25 },
  /** The generated decide (lcz build's module) against the floor, per workload. */
  generated: { uniform: 2, mixed: 3 },
  /** The runtime entry's cold start against json-logic-js's (the fastest anchor), in the same run. */
  coldStartAnchor: 'json-logic-js',
  recompileMs: 2,
  memoryMB: 15,
} as const;
const MB = 1024 * 1024;
const DECISIONS: readonly Decision[] = ['recognised', 'not_recognised', 'undetermined'];

const config = benchConfig();
const log = (s: string): void => console.log(s);
const started = performance.now();
const elapsed = (): string => `${((performance.now() - started) / 1000).toFixed(1)} s`;

async function main(): Promise<void> {
  log(
    `bench: ${config.quick ? 'QUICK' : 'full'} run, ${config.assessments.toLocaleString('en')} assessments, ${config.rounds} rounds`,
  );
  const environment = {
    node: process.version,
    v8: process.versions.v8,
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: cpus().length,
    platform: `${process.platform} ${process.arch}`,
    loadAverage: loadavg()
      .map((x) => x.toFixed(2))
      .join(' '),
    engineRevision: engineRevision(),
  };

  // --- the engine in this process -------------------------------------------------------------
  const useDist = process.env['BENCH_ENGINE'] === 'dist';
  const engine: typeof sourceEngine = useDist
    ? // cast: the built engine's entry has the API of its source.
      ((await import(
        pathToFileURL(join(REPO_ROOT, 'packages/criteria-engine/dist/index.js')).href
      )) as typeof sourceEngine)
    : sourceEngine;
  const text = readFileSync(RULES_FILE, 'utf8');
  const loaded = engine.loadRuleset(text, { file: RULES_FILE });
  if (!loaded.value) {
    const where = loaded.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.code}`).join('\n');
    throw new Error(`the Lai Châu rules did not load:\n${where}`);
  }
  const ruleset: CompiledRuleset = loaded.value;
  // The compiled rules file (what `lcz build` writes) for the runtime entry's rows.
  const built = buildCompiledRules(text, { file: RULES_FILE });
  if (!built.value) throw new Error('the Lai Châu rules did not build');
  mkdirSync(OUT_DIR, { recursive: true });
  const compiledFile = join(OUT_DIR, 'lai-chau-2020-2025.compiled.json');
  const compiledText = `${JSON.stringify(built.value)}\n`;
  writeFileSync(compiledFile, compiledText);
  // The plan module (what `lcz build` writes beside it, .plan.mjs) for the target cold-start row.
  const planFile = planModulePath(compiledFile);
  const planMade = planModuleCode(compiledText);
  if (!('code' in planMade)) throw new Error(`the Lai Châu rules got no plan module: ${planMade.refused}`);
  writeFileSync(planFile, planMade.code);
  // The plan script and its code cache beside it (lcz build's .plan-script.js and .v8cache), made
  // in a fresh node as the cold-start rows run (a cache is taken only under the flags it was made with).
  const planScriptFile = planScriptPath(compiledFile);
  runNode(['cold/write-plan-script.mjs', compiledFile, planScriptFile]);
  const generatedRuleset = await loadGeneratedRuleset(engine, compiledText, compiledFile);

  // --- workloads: uniform (every fact present) and mixed (a quarter leave 1–4 facts out) --------
  // Both through JSON.parse, as input from HTTP or a file is (generate.ts says why).
  let t0 = performance.now();
  const uniformItems = generateAssessments(config.assessments, { seed: config.seed, incompleteShare: 0 });
  const assessments = generateAssessments(config.assessments, { seed: config.seed });
  log(
    `generated 2 × ${assessments.length.toLocaleString('en')} assessments in ${(performance.now() - t0).toFixed(0)} ms`,
  );
  const n = assessments.length.toLocaleString('en');
  const uniform = makeWorkload('uniform', `uniform: all ${n}, every fact present`, uniformItems);
  const all = makeWorkload('mixed', `mixed: all ${n}, a quarter missing 1–4 facts`, assessments);
  const shares: Record<Decision, number> = { recognised: 0, not_recognised: 0, undetermined: 0 };
  for (const d of all.decisions) shares[d]++;
  for (const k of DECISIONS) shares[k] /= assessments.length;
  const complete = assessments.filter(isComplete).length;
  if (!uniformItems.every(isComplete)) throw new Error('the uniform workload leaves facts out');
  log(
    `mixed shares: recognised ${(shares.recognised * 100).toFixed(1)}%, not recognised ${(shares.not_recognised * 100).toFixed(1)}%, ` +
      `undetermined ${(shares.undetermined * 100).toFixed(1)}%; complete ${((complete / assessments.length) * 100).toFixed(1)}%`,
  );
  const completeWorkloads = new Map<number, Workload>();
  const completeOf = (count: number): Workload => {
    let w = completeWorkloads.get(count);
    if (!w) {
      w = completeWorkload(uniformItems, count);
      completeWorkloads.set(count, w);
    }
    return w;
  };

  // --- anchors (each may fail to load: then it is left out, with the reason) -------------------
  const leftOut: { contender: string; reason: string }[] = [];
  const anchors: { anchor: Anchor; modes: ('sync' | 'one-by-one' | 'batched')[]; sample: number }[] = [];
  const disposers: (() => void)[] = [];
  const tryAnchor = async (
    name: string,
    make: () => Promise<Anchor>,
    modes: ('sync' | 'one-by-one' | 'batched')[],
    sample: number,
  ) => {
    try {
      anchors.push({ anchor: await make(), modes, sample });
    } catch (e) {
      leftOut.push({
        contender: name,
        reason: (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? String(e),
      });
    }
  };
  const s = config.anchorSamples;
  await tryAnchor(
    'json-logic-js',
    async () => (await import('./anchors/json-logic.js')).jsonLogicAnchor(),
    ['sync'],
    s.jsonLogic,
  );
  await tryAnchor('@marcbachmann/cel-js', async () => (await import('./anchors/cel.js')).celAnchor(), ['sync'], s.cel);
  await tryAnchor(
    '@gorules/zen-engine',
    async () => {
      const a = (await import('./anchors/zen.js')).zenAnchor();
      disposers.push(a.dispose);
      return a;
    },
    ['one-by-one', 'batched'],
    s.zen,
  );
  await tryAnchor(
    'json-rules-engine',
    async () => (await import('./anchors/json-rules-engine.js')).jreAnchor(),
    ['one-by-one'],
    s.jre,
  );

  // --- contenders: checked first, then timed --------------------------------------------------
  const where = useDist ? 'built dist' : 'source';
  const contenders: Contender[] = [
    floorContender(uniform),
    floorContender(all),
    ...engineContenders(ruleset, uniform, where, TARGET.uniform),
    ...engineContenders(ruleset, all, where, TARGET.mixed),
    generatedContender(generatedRuleset, uniform, where, TARGET.generated.uniform),
    generatedContender(generatedRuleset, all, where, TARGET.generated.mixed),
    generatedEvaluateContender(generatedRuleset, uniform, where, TARGET.uniform.evaluate),
    generatedEvaluateContender(generatedRuleset, all, where, TARGET.mixed.evaluate),
  ];
  for (const { anchor, modes, sample } of anchors) {
    for (const mode of modes) contenders.push(anchorContender(anchor, completeOf(sample), mode, config));
  }
  for (const w of completeWorkloads.values()) contenders.push(floorContender(w));

  for (const c of contenders) {
    t0 = performance.now();
    await c.check();
    if (!c.id.startsWith('floor'))
      log(
        `checked ${c.id}: agrees with the floor on all ${c.workload.items.length.toLocaleString('en')} (${(performance.now() - t0).toFixed(0)} ms)`,
      );
  }

  // Interleaved rounds: every contender once per round, the order rotated each round; round 0 warms up.
  const timings = new Map<string, Timing[]>(contenders.map((c) => [c.id, []]));
  const timingsOf = (id: string): Timing[] => {
    const found = timings.get(id);
    if (found === undefined) throw new Error(`no timings for ${id}`);
    return found;
  };
  for (let round = 0; round <= config.rounds; round++) {
    // The order rotated by `round`: the same contenders, starting one further each round.
    for (const c of [
      ...contenders.slice(round % contenders.length),
      ...contenders.slice(0, round % contenders.length),
    ]) {
      const n = c.workload.items.length;
      const t =
        'sync' in c.pass
          ? timeSync(c.id, c.pass.sync, n, c.workload.recognised, config.minMillis)
          : await timeAsync(c.id, c.pass.async, n, c.workload.recognised, config.minMillis);
      if (round > 0) timingsOf(c.id).push(t);
    }
    log(`${round === 0 ? 'warm-up round' : `round ${round}/${config.rounds}`} done (${elapsed()})`);
  }

  const throughput: ThroughputRow[] = [];
  for (const c of contenders) {
    if (c.id.startsWith('floor@') && c.workload !== all && c.workload !== uniform) continue; // shown through the ratios
    const mine = timingsOf(c.id);
    const floor = timingsOf(`floor@${c.workload.id}`);
    const ratios = mine.map((t, i) => t.cpuNsPerEval / (floor[i]?.cpuNsPerEval ?? Number.NaN));
    const cpu = spread(mine.map((t) => t.cpuNsPerEval));
    const ratio = spread(ratios);
    throughput.push({
      id: c.id,
      label: c.label,
      workload: c.workload.label,
      evaluated: c.workload.items.length,
      ratio,
      cpuNsPerEval: cpu,
      wallNsPerEval: spread(mine.map((t) => t.wallNsPerEval)),
      evalsPerSecond: 1e9 / cpu.median,
      ...(c.maxRatio !== undefined ? { target: `≤ ${c.maxRatio}× floor`, met: ratio.median <= c.maxRatio } : {}),
      ...(c.note ? { note: c.note } : {}),
    });
  }

  // --- cold start in fresh processes (built engine) -------------------------------------------
  const sample = assessments.find((a, i) => isComplete(a) && all.decisions[i] === 'recognised') ?? assessments[0];
  if (sample === undefined) throw new Error('the bench generated no assessments');
  const sampleDecision = all.decisions[assessments.indexOf(sample)];
  mkdirSync(join(OUT_DIR, 'anchors'), { recursive: true });
  const sampleFile = join(OUT_DIR, 'sample-assessment.json');
  writeFileSync(sampleFile, JSON.stringify(sample, null, 2));
  const cold: { id: string; label: string; script: string; mode?: string; input: string; target?: string }[] = [
    {
      id: 'engine-module',
      label:
        'engine plan entry (@lcz/criteria-engine/plan, one file, built) and the plan module lcz build writes (.plan.mjs): import both + loadPlanModule + validate the assessment + first evaluation',
      script: 'cold/engine.mjs',
      mode: 'module',
      input: planFile,
      target: TARGET.coldStartAnchor,
    },
    {
      // The same work as the row above (import, load, validate, first evaluate), from the plan
      // script and its V8 code cache through ./plan-file (docs/performance.md, "Cold start: the
      // plan script"): the row the target is judged on; the row above is kept as it was.
      id: 'engine-plan-file',
      label:
        'engine plan-file entry (@lcz/criteria-engine/plan-file, a 3 kB loader) and the plan script with its V8 code cache lcz build writes (.plan-script.js, .v8cache): import + loadPlanFile (read both, compile with the cache) + validate the assessment + first evaluation',
      script: 'cold/engine.mjs',
      mode: 'plan-file',
      input: planScriptFile,
      target: TARGET.coldStartAnchor,
    },
    {
      // The same loader and files as the row above, through the package resolved by "main"
      // (@lcz/criteria-plan-file): Node's exports resolver, run for the first time in a fresh
      // process, is ≈ 2.5 ms of the row above (docs/performance.md, "Cold start: a package
      // resolved through main"). Beside it, the row above unchanged.
      id: 'engine-plan-file-package',
      label:
        'the plan-file loader as its own package (@lcz/criteria-plan-file, resolved through "main", no exports map) and the same plan script and V8 code cache: import + loadPlanFile + validate the assessment + first evaluation',
      script: 'cold/engine.mjs',
      mode: 'plan-file-package',
      input: planScriptFile,
      target: TARGET.coldStartAnchor,
    },
    {
      // For information, beside the target row: what json-logic-js's script does (import, load,
      // the decision), no more. The target row also checks the assessment and traces every
      // criterion (docs/performance.md, "Cold start: the like-for-like row").
      id: 'engine-module-decide',
      label:
        'like for like with json-logic-js: the plan entry and the plan module as above, import both + loadPlanModule + decide() alone (no assessment check, no trace)',
      script: 'cold/engine.mjs',
      mode: 'module-decide',
      input: planFile,
    },
    {
      id: 'engine-standalone',
      label:
        'engine runtime entry as one file (@lcz/criteria-engine/standalone, built): import + load the compiled rules file + validate the assessment + first evaluation',
      script: 'cold/engine.mjs',
      mode: 'standalone',
      input: compiledFile,
    },
    {
      id: 'engine-compiled',
      label:
        'engine runtime entry (@lcz/criteria-engine/runtime, built, split into chunks shared with the other entries): import + load the compiled rules file + validate the assessment + first evaluation',
      script: 'cold/engine.mjs',
      mode: 'compiled',
      input: compiledFile,
    },
    {
      id: 'engine',
      label:
        'engine full entry (built), from the YAML rule file: import + parse + validate + compile + validate the assessment + first evaluation',
      script: 'cold/engine.mjs',
      mode: 'yaml',
      input: RULES_FILE,
    },
  ];
  for (const { anchor } of anchors) {
    const script = {
      'json-logic-js': 'cold/json-logic.mjs',
      '@marcbachmann/cel-js': 'cold/cel.mjs',
      '@gorules/zen-engine': 'cold/zen.mjs',
    }[anchor.name];
    if (!script) continue;
    const file = join(OUT_DIR, 'anchors', anchor.encoding.file);
    writeFileSync(file, anchor.encoding.text);
    cold.push({ id: anchor.name, label: `${anchor.library}: import + parse + first evaluation`, script, input: file });
  }
  type ColdRun = { total: number; cpu: number; steps: Record<string, number>; decision: string };
  const coldRuns = new Map<string, ColdRun[]>(cold.map((c) => [c.id, []]));
  for (let i = 0; i < (config.skip.has('cold') ? 0 : config.coldStartSpawns); i++) {
    for (const c of cold) {
      const r = runNode<ColdRun>([c.script, ...(c.mode ? [c.mode] : []), c.input, sampleFile]);
      if (r.decision !== sampleDecision)
        throw new Error(`cold start ${c.id}: decided ${r.decision}, the floor ${sampleDecision}`);
      coldRuns.get(c.id)?.push(r);
    }
  }
  // A target names the anchor whose cold start, measured in the same spawns, it must not exceed.
  const anchorRuns = coldRuns.get(TARGET.coldStartAnchor) ?? [];
  const anchorMs = anchorRuns.length > 0 ? median(anchorRuns.map((r) => r.total)) : undefined;
  const coldStart: ColdStartRow[] = cold.map((c) => {
    const runs = coldRuns.get(c.id) ?? [];
    const totalMs = spread(runs.map((r) => r.total));
    const stepsMs: Record<string, number> = {};
    for (const k of Object.keys(runs[0]?.steps ?? {})) stepsMs[k] = median(runs.map((r) => r.steps[k] ?? 0));
    return {
      id: c.id,
      label: c.label,
      totalMs,
      cpuMs: median(runs.map((r) => r.cpu)),
      stepsMs,
      ...(c.target !== undefined && anchorMs !== undefined
        ? { target: `≤ ${c.target} (${anchorMs.toFixed(1)} ms)`, met: totalMs.median <= anchorMs }
        : {}),
    };
  });
  log(`cold start: ${config.coldStartSpawns} spawns × ${cold.length} (${elapsed()})`);

  // --- warm recompile: the compiled rules file (target), the plan module and the YAML (for information)
  // cast: the plan module's exports, checked by loadPlanModule (format, engine, hash)
  const planModule = (await import(pathToFileURL(planFile).href)) as PlanModule;
  const recompileRow = (
    id: string,
    label: string,
    load: () => unknown,
    target?: number,
    unrecorded = 5,
  ): RecompileRow => {
    // As before every throughput timing: a full collection first, so the garbage of the earlier
    // phases is not collected on this row's clock.
    collectGarbage();
    for (let i = 0; i < unrecorded; i++) load();
    const ms: number[] = [];
    const cpuMs: number[] = [];
    for (let i = 0; i < config.recompileRuns; i++) {
      const c0 = process.cpuUsage();
      t0 = performance.now();
      if (!load()) throw new Error(`recompile failed: ${id}`);
      ms.push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      cpuMs.push((c.user + c.system) / 1000);
    }
    return {
      id,
      label,
      ms: spread(ms),
      cpuMs: median(cpuMs),
      runs: config.recompileRuns,
      ...(target !== undefined ? { target: `≤ ${target} ms`, met: median(ms) <= target } : {}),
    };
  };
  // BENCH_SKIP=recompile leaves the phase out, as config.ts says it does.
  const recompile: RecompileRow[] = config.skip.has('recompile')
    ? []
    : [
        recompileRow(
          'compiled',
          'loadCompiledRuleset() of the compiled rules file text (JSON.parse + compile)',
          () => engine.loadCompiledRuleset(compiledText).value,
          TARGET.recompileMs,
        ),
        // The same loads after 100 unrecorded ones, for information beside the target row: the full
        // collection above leaves V8 a young generation of its smallest size, so nearly every one of
        // the first loads pays a young collection that copies its half-built ruleset, and they run
        // before V8 has optimised the compiler. Here both are past: what a load costs a process that
        // loads rules often (docs/performance.md, "Warm recompile: why the row's median is 3–4× its min").
        recompileRow(
          'compiled-after-100',
          'loadCompiledRuleset() of the compiled rules file text, after 100 unrecorded loads (young generation grown, compiler optimised)',
          () => engine.loadCompiledRuleset(compiledText).value,
          undefined,
          100,
        ),
        // The plan module, imported once (as a process does): loading it again is parsing its data
        // and binding its generated code, no compile. For information beside the target row above.
        recompileRow(
          'plan-module',
          'loadPlanModule() of the imported plan module (JSON.parse of its data + binding its generated code; nothing compiled)',
          () => loadPlanModule(planModule).value,
        ),
        recompileRow(
          'yaml',
          'loadRuleset() of the YAML rule file text (parse + validate + compile)',
          () => engine.loadRuleset(text, { file: RULES_FILE }).value,
        ),
      ];

  // --- scaling: validate and check on N and 10·N generated criteria ---------------------------------
  const scaling = config.skip.has('scaling')
    ? []
    : measureScaling(engine, config.quick ? 200 : 500, config.quick ? 3 : 5);
  log(`scaling: ${scaling.map((s) => `${s.step} ×${s.ratio.toFixed(1)}`).join(', ')} (${elapsed()})`);

  // --- memory: engine vs floor, same harness, fresh processes -------------------------------------
  type MemoryRun = {
    peakRssBytes: number;
    heapAfterGcBytes: number;
    rssAfterGcBytes: number;
    peakRssAfter: Record<string, number>;
    decideBytesPerCall?: number | null;
  };
  const memRuns: Record<'floor' | 'engine' | 'engine-compiled', MemoryRun[]> = {
    floor: [],
    engine: [],
    'engine-compiled': [],
  };
  for (let i = 0; i < (config.skip.has('memory') ? 0 : config.memorySpawns); i++) {
    for (const mode of ['floor', 'engine-compiled', 'engine'] as const) {
      memRuns[mode].push(
        runNode<MemoryRun>([
          '--expose-gc',
          '--import',
          'tsx',
          'src/child/memory.ts',
          mode,
          String(config.memoryAssessments),
          String(config.seed),
          compiledFile,
        ]),
      );
    }
  }
  const side = (runs: MemoryRun[]): MemorySide => {
    const peakRssAfterMB: Record<string, number> = {};
    for (const k of Object.keys(runs[0]?.peakRssAfter ?? {}))
      peakRssAfterMB[k] = median(runs.map((r) => r.peakRssAfter[k] ?? 0)) / MB;
    return {
      peakRssMB: median(runs.map((r) => r.peakRssBytes)) / MB,
      heapAfterGcMB: median(runs.map((r) => r.heapAfterGcBytes)) / MB,
      rssAfterGcMB: median(runs.map((r) => r.rssAfterGcBytes)) / MB,
      peakRssAfterMB,
      ...decideBytes(runs),
    };
  };
  // A spawn whose pass saw a collection has no figure; the median of those that have one.
  const decideBytes = (runs: MemoryRun[]): { decideBytesPerCall?: number } => {
    const figures = runs.map((r) => r.decideBytesPerCall).filter((b): b is number => typeof b === 'number');
    return figures.length > 0 ? { decideBytesPerCall: median(figures) } : {};
  };
  const floorMem = side(memRuns.floor);
  const engineSide = (id: string, label: string, runs: MemoryRun[], target?: number): MemoryEngineRow => {
    const mem = side(runs);
    const over = mem.peakRssMB - floorMem.peakRssMB;
    return {
      id,
      label,
      side: mem,
      overFloorPeakRssMB: over,
      overFloorHeapMB: mem.heapAfterGcMB - floorMem.heapAfterGcMB,
      ...(target !== undefined ? { target: `≤ ${target} MB`, met: over <= target } : {}),
    };
  };
  const engineMem: MemoryEngineRow[] = [
    engineSide('engine-compiled', 'runtime entry, compiled rules file', memRuns['engine-compiled'], TARGET.memoryMB),
    engineSide('engine', 'full entry, YAML rule file', memRuns.engine),
  ];
  log(`memory: ${config.memorySpawns} spawn(s) each (${elapsed()})`);

  // --- lcz evaluate on CSV files: rows/s and peak RSS, small and large --------------------------
  // The CLI's defaults (the target), then the large file on one thread and by the csv-parse peer.
  const { cases: csvRuns, large } = csvCases(config.quick);
  const csv = config.skip.has('csv') ? [] : await measureCsv(ruleset, assessments, csvRuns);
  const timesPeer = peerRatios(csv).find((p) => p.rows === large)?.times ?? Number.NaN;
  log(`lcz evaluate CSV: ${csv.map((c) => `${c.rows.toLocaleString('en')} rows`).join(', ')} (${elapsed()})`);

  for (const d of disposers) d();

  // --- the points-and-levels scheme against its own floor (schemes/green-building/) ------------
  const levels = config.skip.has('levels')
    ? []
    : await measureLevelsScheme(engine, {
        assessments: config.quick ? 2_000 : 20_000,
        rounds: config.rounds,
        minMillis: config.minMillis,
        seed: config.seed,
      });
  log(`points-and-levels scheme: ${levels.length} workloads (${elapsed()})`);

  const results: BenchResults = {
    generatedAt: new Date().toISOString(),
    mode: config.quick ? 'quick' : 'full',
    environment,
    workload: { seed: config.seed, assessments: assessments.length, shares, complete },
    method:
      'CPU time (user+system) per evaluation, whole passes repeated to ≥ minMillis; rounds interleaved round-robin (order rotated), ' +
      'one warm-up round; ratio = contender ÷ floor on the same assessments in the same round; median and min–max over rounds. ' +
      'Every contender checked against the floor on every assessment it is timed on. Anchors: complete assessments only.',
    throughput,
    coldStart,
    recompile,
    scaling,
    memory: { spawns: config.memorySpawns, assessments: config.memoryAssessments, floor: floorMem, engines: engineMem },
    // The target is the large file's, with the CLI's defaults, when it has the target's million
    // rows (a smaller one gets no verdict); the small one shows memory is flat.
    csv: csv.map((c) =>
      c.threads === undefined && !c.peer && c.rows === large && large === CSV_TARGET_ROWS
        ? {
            ...c,
            target: `≥ ${CSV_TARGET.rowsPerSecond.toLocaleString('en')} rows/s, peak RSS < ${CSV_TARGET.peakRssMB} MB, ≥ ${CSV_TARGET.timesPeer}× the csv-parse peer (here ${timesPeer.toFixed(1)}×)`,
            met:
              c.rowsPerSecond >= CSV_TARGET.rowsPerSecond &&
              c.peakRssMB < CSV_TARGET.peakRssMB &&
              timesPeer >= CSV_TARGET.timesPeer,
          }
        : c,
    ),
    notAvailable: [],
    leftOut,
  };

  console.log('');
  console.log(renderMarkdown(results));
  console.log('');
  if (levels.length > 0) console.log(`${renderLevelsRows(levels)}\n`);
  if (!config.quick || process.env['BENCH_WRITE'] === '1') {
    mkdirSync(dirname(RESULTS_FILE), { recursive: true });
    writeFileSync(RESULTS_FILE, `${JSON.stringify({ ...results, levels }, null, 2)}\n`);
    log(`written ${RESULTS_FILE.slice(BENCH_DIR.length + 1)} (${elapsed()} in all)`);
  } else {
    log(`quick run: results/latest.json left as it is (BENCH_WRITE=1 to write it) (${elapsed()} in all)`);
  }
}

/** The commit the engine's sources are at, and whether they have uncommitted changes. */
function engineRevision(): string {
  try {
    const git = (...args: string[]) =>
      execFileSync('git', args, { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const dirty = git('status', '--porcelain', '--', 'packages/criteria-engine/src') !== '';
    return `${git('rev-parse', '--short', 'HEAD')}${dirty ? ' + uncommitted engine changes' : ''}`;
  } catch {
    return 'unknown (not a git checkout)';
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  process.exitCode = 1;
});
