/**
 * Memory of the engine vs the floor, in the same harness: a fresh process (run with
 * --expose-gc, WITHOUT the `@lcz/source` condition, so the engine is the built one) generates the
 * same workload, then either runs the floor over it, or loads the engine and runs decide() and
 * evaluate() over it. It reports its peak RSS and, after two full collections, heap and RSS
 * (the ruleset and the workload still alive). Engine memory over the floor = the difference.
 *
 * `engine` loads the YAML rule file with the full entry point; `engine-compiled` loads the
 * compiled rules file (lcz build) with the runtime entry point, as a service would.
 *
 * Usage: node --expose-gc --import tsx src/child/memory.ts <floor|engine|engine-compiled> <count> <seed> [compiled file]
 */
import { readFileSync } from 'node:fs';
import { getHeapSpaceStatistics } from 'node:v8';
import type { CompiledRuleset } from '@lcz/criteria-engine';
import { RULES_FILE } from '../config.js';
import { floorDecide } from '../../schemes/lai-chau/floor.js';
import { generateAssessments } from '../../schemes/lai-chau/generate.js';

const [mode, countText, seedText, compiledFile] = process.argv.slice(2);
const gc = globalThis.gc;
if (!gc) throw new Error('run with --expose-gc');

const peakRssAfter: Record<string, number> = {};
const youngUsed = (): number =>
  getHeapSpaceStatistics().find((x) => x.space_name === 'new_space')?.space_used_size ?? 0;
function countRecognised(ruleset: CompiledRuleset, list: readonly Parameters<CompiledRuleset['decide']>[0][]): number {
  let n = 0;
  for (let i = 0; i < list.length; i++) {
    const a = list[i];
    if (a !== undefined && ruleset.decide(a).decision === 'recognised') n++;
  }
  return n;
}
const mark = (phase: string): void => {
  peakRssAfter[phase] = process.resourceUsage().maxRSS * 1024;
};

const assessments = generateAssessments(Number(countText), { seed: Number(seedText) });
mark('generate');
let keep: unknown;
let decideBytesPerCall: number | null | undefined;
let recognised = 0;
if (mode === 'engine' || mode === 'engine-compiled') {
  let ruleset: CompiledRuleset | undefined;
  if (mode === 'engine') {
    const { loadRuleset } = await import('@lcz/criteria-engine');
    ruleset = loadRuleset(readFileSync(RULES_FILE, 'utf8'), { file: RULES_FILE }).value;
  } else {
    if (!compiledFile) throw new Error('engine-compiled needs the compiled rules file');
    const { loadCompiledRuleset } = await import('@lcz/criteria-engine/runtime');
    ruleset = loadCompiledRuleset(readFileSync(compiledFile, 'utf8'), { file: compiledFile }).value;
  }
  if (!ruleset) throw new Error('rules did not load');
  mark('import+load');
  let decided = 0;
  for (const a of assessments) if (ruleset.decide(a).decision === 'recognised') decided++;
  recognised += decided;
  mark('decide');
  // What decide() allocates per call (issue 16: none): the young generation grown by one pass
  // over the same workload, after a full collection, pass after pass until two passes agree
  // within a byte a call (V8 has then optimised what it will: unoptimised code allocates as it
  // goes), at most 12. Young space only, because V8's optimised code lands in the heap too; the
  // loop is an indexed one in a function, because a `for…of` at a module's top level runs
  // unoptimised and allocates an iterator result per step. A collection during a pass would hide
  // what it allocated: such a pass says so (null).
  let last = Number.NaN;
  for (let pass = 0; pass < 12; pass++) {
    gc();
    const before = youngUsed();
    const again = countRecognised(ruleset, assessments);
    const grown = youngUsed() - before;
    if (again !== decided)
      throw new Error(`decide() gave ${again} recognised on pass ${pass + 2}, ${decided} on the first`);
    const perCall = grown >= 0 ? grown / assessments.length : Number.NaN;
    if (Math.abs(perCall - last) < 1) break;
    last = perCall;
  }
  decideBytesPerCall = Number.isNaN(last) ? null : last;
  for (const a of assessments) if (ruleset.evaluate(a).decision === 'recognised') recognised++;
  mark('evaluate');
  keep = ruleset;
} else {
  const out = new Int32Array(6);
  for (const a of assessments) if (floorDecide(a, out) === 'recognised') recognised += 2;
  mark('floor');
}
gc();
gc();
const mem = process.memoryUsage();
process.stdout.write(
  `${JSON.stringify({
    mode,
    recognised,
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
    heapAfterGcBytes: mem.heapUsed,
    rssAfterGcBytes: mem.rss,
    peakRssAfter,
    kept: keep !== undefined,
    ...(decideBytesPerCall !== undefined ? { decideBytesPerCall } : {}),
  })}\n`,
);
