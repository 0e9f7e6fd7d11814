/**
 * The CPU profile of the BUILT engine's decide() or evaluate() over the bench workload, taken
 * with the inspector around the loop only (generation and loading are not in it).
 *
 * Usage: node [--no-turbo-inlining] --import tsx src/child/profile-target.ts <decide|evaluate|floor> <count> <seconds> <out.cpuprofile>
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { loadRuleset } from '@lcz/criteria-engine';
import { RULES_FILE } from '../config.js';
import { floorDecide } from '../../schemes/lai-chau/floor.js';
import { generateAssessments } from '../../schemes/lai-chau/generate.js';

const [what, countText, secondsText, outFile] = process.argv.slice(2);
const assessments = generateAssessments(Number(countText));
const ruleset = loadRuleset(readFileSync(RULES_FILE, 'utf8'), { file: RULES_FILE }).value;
if (!ruleset || !outFile) throw new Error('usage: profile-target <decide|evaluate|floor> <count> <seconds> <out>');
const out = new Int32Array(6);
const pass = (): number => {
  let n = 0;
  if (what === 'decide') for (const a of assessments) n += ruleset.decide(a).decision === 'recognised' ? 1 : 0;
  else if (what === 'evaluate') for (const a of assessments) n += ruleset.evaluate(a).decision === 'recognised' ? 1 : 0;
  else for (const a of assessments) n += floorDecide(a, out) === 'recognised' ? 1 : 0;
  return n;
};
pass(); // warm up
const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 100 });
await session.post('Profiler.start');
const t0 = performance.now();
let passes = 0;
while (performance.now() - t0 < Number(secondsText) * 1000) {
  pass();
  passes++;
}
const { profile } = await session.post('Profiler.stop');
writeFileSync(outFile, JSON.stringify(profile));
process.stdout.write(`${JSON.stringify({ what, passes, evals: passes * assessments.length })}\n`);
