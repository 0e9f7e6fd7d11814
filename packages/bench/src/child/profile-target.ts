/**
 * The CPU profile of the BUILT engine's decide() or evaluate() over the bench workload, taken
 * with the inspector around the loop only (generation and loading are not in it).
 *
 * `decide-green`: the closures' decide() on the ILLUSTRATIVE points-and-levels scheme
 * (rules/green-building-illustrative), over its uniform workload built through JSON.parse.
 *
 * Usage: node [--no-turbo-inlining] --import tsx src/child/profile-target.ts <decide|decide-green|evaluate|floor> <count> <seconds> <out.cpuprofile>
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { loadRuleset } from '@lcz/criteria-engine';
import { join } from 'node:path';
import type { Assessment } from '@lcz/criteria-engine';
import { REPO_ROOT, RULES_FILE } from '../config.js';
import { greenProjectsJson } from '../../schemes/green-building/generate.js';
import { floorDecide } from '../../schemes/lai-chau/floor.js';
import { generateAssessments } from '../../schemes/lai-chau/generate.js';

const [what, countText, secondsText, outFile] = process.argv.slice(2);
const green = what === 'decide-green';
const rulesFile = green ? join(REPO_ROOT, 'rules/green-building-illustrative/ruleset.yaml') : RULES_FILE;
const assessments: Assessment[] = green
  ? // cast: the generator writes an array of assessments as JSON.
    (JSON.parse(greenProjectsJson(Number(countText), 20_201_110, false)) as Assessment[])
  : generateAssessments(Number(countText));
const ruleset = loadRuleset(readFileSync(rulesFile, 'utf8'), { file: rulesFile }).value;
if (!ruleset || !outFile)
  throw new Error('usage: profile-target <decide|decide-green|evaluate|floor> <count> <seconds> <out>');
const out = new Int32Array(6);
const pass = (): number => {
  let n = 0;
  if (what === 'decide' || green) for (const a of assessments) n += ruleset.decide(a).decision === 'recognised' ? 1 : 0;
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
