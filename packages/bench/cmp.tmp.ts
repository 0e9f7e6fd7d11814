import { readFileSync } from 'node:fs';
import { loadRuleset as loadSrc } from '@lcz/criteria-engine';
import { generateAssessments, isComplete } from './src/generate.ts';
import { floorDecide } from './src/floor.ts';
const dist = await import('../criteria-engine/dist/index.js');
const text = readFileSync('../../rules/lai-chau-2020-2025/ruleset.yaml', 'utf8');
const src = loadSrc(text).value!; const dst = (dist.loadRuleset(text) as any).value;
const as = generateAssessments(100000);
const counts: Record<string, number> = {}; let complete = 0; let recC = 0;
for (const a of as) { const d = floorDecide(a); counts[d] = (counts[d] ?? 0) + 1; if (isComplete(a)) { complete++; if (d === 'recognised') recC++; } }
console.log(counts, 'complete', complete, 'rec among complete', recC);
const buf = new Int32Array(6);
function time(name: string, fn: (a: any) => unknown, passes = 3) {
  let best = Infinity;
  for (let k = 0; k < passes; k++) { const t0 = performance.now(); let s = 0; for (let i = 0; i < as.length; i++) { s += (fn(as[i]) as any) ? 1 : 0; } const dt = performance.now() - t0; best = Math.min(best, dt); }
  console.log(name, (best * 1e6 / as.length).toFixed(1), 'ns/eval');
}
for (let r = 0; r < 2; r++) {
  time('floor', (a) => floorDecide(a, buf));
  time('decide src', (a) => src.decide(a));
  time('decide dist', (a) => dst.decide(a));
  time('evaluate src', (a) => src.evaluate(a), 1);
  time('evaluate dist', (a) => dst.evaluate(a), 1);
}
