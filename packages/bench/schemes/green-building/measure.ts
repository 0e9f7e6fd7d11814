/**
 * The points-and-levels rows of `pnpm bench` (issue 12, item 5; issue 16's last target): the
 * engine's `decide()` on the ILLUSTRATIVE green building scheme against its own hand-written floor
 * (floor.ts), on a uniform and a mixed workload built through `JSON.parse`, both ways the engine
 * decides: the closures (rules loaded at run time) and the generated module `lcz build` writes.
 * Before any timing, each must agree with the floor on every input: the decision, the level
 * reached and the highest level still possible. Rounds are interleaved (floor, engine, with the
 * order swapped every round); the ratio is per round, CPU time, and the median and range over
 * rounds are reported.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Assessment, CompiledRuleset } from '@lcz/criteria-engine';
import type * as sourceEngine from '@lcz/criteria-engine';
import { buildCompiledRules } from '@lcz/criteria-engine/tools';
import { OUT_DIR, REPO_ROOT } from '../../src/config.js';
import { loadGeneratedRuleset } from '../../src/generated.js';
import { collectGarbage, timeSync } from '../../src/measure.js';
import { median, spread } from '../../src/stats.js';
import { greenFloorDecide } from './floor.js';
import { greenProjectsJson } from './generate.js';

const RULES = join(REPO_ROOT, 'rules/green-building-illustrative/ruleset.yaml');
/** Issue 16's target for this scheme's `decide()`. */
const LEVELS_TARGET = 3;

export interface LevelsRow {
  readonly workload: 'uniform' | 'mixed';
  /** closures: the rules loaded at run time; generated: the module `lcz build` writes. */
  readonly path: 'closures' | 'generated';
  readonly assessments: number;
  /** How many reached a level, were undetermined, reached none (the floor's count, the engine's the same). */
  readonly decisions: { readonly recognised: number; readonly undetermined: number; readonly not_recognised: number };
  readonly floorCpuNsPerEval: number;
  readonly engineCpuNsPerEval: number;
  readonly ratio: { readonly median: number; readonly min: number; readonly max: number };
  readonly target: string;
  readonly met: boolean;
}

export async function measureLevelsScheme(
  engine: typeof sourceEngine,
  options: { readonly assessments: number; readonly rounds: number; readonly minMillis: number; readonly seed: number },
): Promise<LevelsRow[]> {
  const text = readFileSync(RULES, 'utf8');
  const loaded = engine.loadRuleset(text, { file: RULES });
  const closures = loaded.value;
  if (closures === undefined) throw new Error(`${RULES} did not load: ${JSON.stringify(loaded.diagnostics[0])}`);
  // The compiled rules file and its generated module, as `lcz build` writes them.
  const built = buildCompiledRules(text, { file: RULES });
  if (!built.value) throw new Error(`${RULES} did not build`);
  mkdirSync(OUT_DIR, { recursive: true });
  const compiledFile = join(OUT_DIR, 'green-building-illustrative.compiled.json');
  const compiledText = `${JSON.stringify(built.value)}\n`;
  writeFileSync(compiledFile, compiledText);
  const generated = await loadGeneratedRuleset(engine, compiledText, compiledFile);
  const rows: LevelsRow[] = [];
  for (const workload of ['uniform', 'mixed'] as const)
    for (const [path, ruleset] of [
      ['closures', closures],
      ['generated', generated],
    ] as const)
      rows.push(measureOne(workload, path, ruleset, options));
  return rows;
}

function measureOne(
  workload: 'uniform' | 'mixed',
  path: 'closures' | 'generated',
  ruleset: CompiledRuleset,
  options: { readonly assessments: number; readonly rounds: number; readonly minMillis: number; readonly seed: number },
): LevelsRow {
  const items = JSON.parse(greenProjectsJson(options.assessments, options.seed, workload === 'mixed')) as Assessment[];
  const decisions = { recognised: 0, undetermined: 0, not_recognised: 0 };
  items.forEach((a, i) => {
    const mine = greenFloorDecide(a);
    const theirs = ruleset.decide(a);
    const level = theirs.level ?? { reached: null, possible: null };
    if (mine.decision !== theirs.decision || mine.reached !== level.reached || mine.possible !== level.possible) {
      throw new Error(
        `green building ${workload} (${path}) #${i}: floor ${JSON.stringify(mine)}, engine ${JSON.stringify({ decision: theirs.decision, ...level })}\n${JSON.stringify(a)}`,
      );
    }
    decisions[mine.decision] += 1;
  });
  const floorPass = () => {
    let n = 0;
    for (let i = 0; i < items.length; i++) if (greenFloorDecide(items[i] as Assessment).decision === 'recognised') n++;
    return n;
  };
  const enginePass = () => {
    let n = 0;
    for (let i = 0; i < items.length; i++) if (ruleset.decide(items[i] as Assessment).decision === 'recognised') n++;
    return n;
  };
  const expected = decisions.recognised;
  // As before every throughput timing of pnpm bench: a full collection first, so the garbage of
  // the phases before (the main workloads, the CSV runs) is not collected on this row's clock.
  collectGarbage();
  // One warm-up round, not counted.
  timeSync('floor', floorPass, items.length, expected, options.minMillis);
  timeSync('engine decide()', enginePass, items.length, expected, options.minMillis);
  const floorNs: number[] = [];
  const engineNs: number[] = [];
  const ratios: number[] = [];
  for (let r = 0; r < options.rounds; r++) {
    const timeFloor = () => timeSync('floor', floorPass, items.length, expected, options.minMillis).cpuNsPerEval;
    const timeEngine = () =>
      timeSync('engine decide()', enginePass, items.length, expected, options.minMillis).cpuNsPerEval;
    let floor: number;
    let e: number;
    if (r % 2 === 0) {
      floor = timeFloor();
      e = timeEngine();
    } else {
      e = timeEngine();
      floor = timeFloor();
    }
    floorNs.push(floor);
    engineNs.push(e);
    ratios.push(e / floor);
  }
  const ratio = spread(ratios);
  return {
    workload,
    path,
    assessments: items.length,
    decisions,
    floorCpuNsPerEval: median(floorNs),
    engineCpuNsPerEval: median(engineNs),
    ratio,
    target: `≤ ${LEVELS_TARGET}× the floor`,
    met: ratio.median <= LEVELS_TARGET,
  };
}

/** The rows as a Markdown table. */
export function renderLevelsRows(rows: readonly LevelsRow[]): string {
  const lines = [
    '| points-and-levels scheme (ILLUSTRATIVE green building), `decide()` | path | assessments | reached / undetermined / none | floor ns | engine ns | × floor (median, min–max) | target | |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | --- | --- |',
  ];
  for (const r of rows) {
    const d = r.decisions;
    lines.push(
      `| ${r.workload} (JSON.parse) | ${r.path} | ${r.assessments.toLocaleString('en')} | ${d.recognised} / ${d.undetermined} / ${d.not_recognised} | ${r.floorCpuNsPerEval.toFixed(0)} | ${r.engineCpuNsPerEval.toFixed(0)} | ${r.ratio.median.toFixed(2)}× (${r.ratio.min.toFixed(2)}–${r.ratio.max.toFixed(2)}) | ${r.target} | ${r.met ? 'met' : '**missed**'} |`,
    );
  }
  return lines.join('\n');
}
