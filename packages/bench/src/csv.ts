/**
 * `pnpm bench:csv`: the batch throughput rows of `pnpm bench` alone (csv-throughput.ts), for the
 * 1M-row targets without the rest of the bench: `BENCH_CSV_1M=1 pnpm bench:csv`. The same cases
 * in the same order (a small file with the CLI's defaults, then the large one with the defaults,
 * with `--threads 0`, and by the csv-parse peer, which BENCH_CSV_PEER=0 leaves out), each a fresh process under /usr/bin/time. Prints
 * each run, the load average before it, the ratios to the peer and to one thread, and the targets.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { loadRuleset } from '@lcz/criteria-engine';
import { RULES_FILE } from './config.js';
import { CSV_TARGET, csvCases, measureCsv, type CsvRun } from './csv-throughput.js';
import { generateAssessments } from '../schemes/lai-chau/generate.js';

const ruleset = loadRuleset(readFileSync(RULES_FILE, 'utf8'), { file: RULES_FILE }).value;
if (!ruleset) throw new Error('the Lai Châu rules did not load');
const quick = process.env['BENCH_QUICK'] === '1';
const { cases, large } = csvCases(quick);
const assessments = generateAssessments(10_000);
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
console.log(`${availableParallelism()} cores; load average ${load()} at the start`);
const loads: string[] = [];
const runs = await measureCsv(ruleset, assessments, cases, () => loads.push(load()));
for (const [i, run] of runs.entries()) {
  const who = run.peer
    ? 'csv-parse + the floor (peer)'
    : `lcz --decisions-only${run.threads !== undefined ? ` --threads ${run.threads}` : ''}`;
  console.log(
    `${who}, ${run.rows.toLocaleString('en')} rows (${run.fileMB.toFixed(0)} MB): ${run.seconds.toFixed(2)} s wall, ` +
      `CPU ${run.cpuSeconds.toFixed(2)} s, ${Math.round(run.rowsPerSecond).toLocaleString('en')} rows/s, ` +
      `peak RSS ${run.peakRssMB.toFixed(0)} MB, ${run.threadsUsed} workers; load average before: ${loads[i] ?? '?'}`,
  );
}
console.log(`load average at the end: ${load()}`);
const at = (f: (r: CsvRun) => boolean) => runs.find((r) => r.rows === large && f(r));
const chosen = at((r) => !r.peer && r.threads === undefined);
const one = at((r) => r.threads === 0);
const peer = at((r) => r.peer === true);
if (chosen && one && !peer) {
  console.log(
    `\n${large.toLocaleString('en')} rows, the CLI's defaults: ${Math.round(chosen.rowsPerSecond).toLocaleString('en')} rows/s ` +
      `(target ≥ ${CSV_TARGET.rowsPerSecond.toLocaleString('en')}), peak RSS ${chosen.peakRssMB.toFixed(0)} MB (target < ${CSV_TARGET.peakRssMB}); ` +
      `defaults ÷ one thread ${(chosen.seconds / one.seconds).toFixed(3)} (wall); no peer run (BENCH_CSV_PEER=0)`,
  );
}
if (chosen && one && peer) {
  const timesPeer = peer.seconds / chosen.seconds;
  console.log(
    `\n${large.toLocaleString('en')} rows, the CLI's defaults: ${Math.round(chosen.rowsPerSecond).toLocaleString('en')} rows/s ` +
      `(target ≥ ${CSV_TARGET.rowsPerSecond.toLocaleString('en')}), peak RSS ${chosen.peakRssMB.toFixed(0)} MB (target < ${CSV_TARGET.peakRssMB}), ` +
      `${timesPeer.toFixed(2)}× the csv-parse peer by wall time, ${(peer.cpuSeconds / chosen.cpuSeconds).toFixed(2)}× by CPU time (target ≥ ${CSV_TARGET.timesPeer}×); ` +
      `defaults ÷ one thread ${(chosen.seconds / one.seconds).toFixed(3)} (wall); decisions agree with the peer's`,
  );
}
